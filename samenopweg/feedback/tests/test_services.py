"""Writes of the feedback app: rounds raise their signal, loops close, the kernel's rules hold."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import (
    assert_refused_while_closed,
    child_of,
    close_trajectory,
    mother_of,
)
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.feedback import selectors, services
from samenopweg.feedback.models import (
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    How,
    Party,
    SignalReason,
    VersionKind,
)
from samenopweg.feedback.tests import feedback_world as fb
from samenopweg.people import services as people_services
from samenopweg.people.models import RelationKind
from samenopweg.people.tests import network_world

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)


def parent_round(world: World, scores: tuple[int, int, int, int], **more: Any) -> FeedbackRound:
    return services.record_round(
        trajectory=world.trajectory,
        version_kind=VersionKind.PARENT,
        held_on=more.pop("held_on", DAY),
        how=How.ENTERED_DURING_VISIT,
        score_1=scores[0],
        score_2=scores[1],
        score_3=scores[2],
        score_4=scores[3],
        respondent=more.pop("respondent", mother_of(world.trajectory)),
        actor=world.worker,
        **more,
    )


def audit_rows(obj: Any, action: str) -> int:
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action
    ).count()


# --- rounds and signals ---------------------------------------------------------------------


def test_a_score_of_5_or_less_raises_a_signal(world: World) -> None:
    made = parent_round(world, (8, 5, 9, 8))

    signal = FeedbackSignal.objects.get(round=made)
    assert signal.reason == SignalReason.LOW
    assert "vraag 2: 5" in signal.detail
    assert signal.is_open
    assert audit_rows(made, AuditAction.CREATE) == 1
    assert audit_rows(signal, AuditAction.CREATE) == 1


def test_a_first_round_at_6_raises_no_signal(world: World) -> None:
    made = parent_round(world, (6, 6, 6, 6))

    assert not FeedbackSignal.objects.filter(round=made).exists()
    assert made.entered_by == world.worker


def test_a_drop_of_2_since_the_previous_round_raises_a_signal(world: World) -> None:
    parent_round(world, (9, 8, 8, 8), held_on=DAY - datetime.timedelta(days=40))
    made = parent_round(world, (9, 8, 6, 8))

    signal = FeedbackSignal.objects.get(round=made)
    assert signal.reason == SignalReason.DROP
    assert "vraag 3: van 8 naar 6" in signal.detail


def test_a_drop_of_1_raises_no_signal(world: World) -> None:
    parent_round(world, (9, 8, 8, 8), held_on=DAY - datetime.timedelta(days=40))
    made = parent_round(world, (8, 7, 7, 7))

    assert not FeedbackSignal.objects.filter(round=made).exists()


def test_a_drop_counts_only_against_the_same_respondent_and_version(world: World) -> None:
    services.record_round(
        trajectory=world.trajectory,
        version_kind=VersionKind.CONSULTANT_ABOUT_WORKER,
        held_on=DAY - datetime.timedelta(days=40),
        how=How.BY_THEMSELF,
        score_1=10,
        score_2=10,
        score_3=10,
        score_4=10,
        respondent_user=world.owner,
        actor=world.owner,
    )
    made = parent_round(world, (7, 7, 7, 7))

    assert not FeedbackSignal.objects.filter(round=made).exists()


def test_one_signal_per_round_names_every_line(world: World) -> None:
    parent_round(world, (9, 9, 9, 9), held_on=DAY - datetime.timedelta(days=40))
    made = parent_round(world, (3, 9, 6, 9))

    signal = FeedbackSignal.objects.get(round=made)
    assert signal.reason == SignalReason.LOW
    assert "vraag 1: 3" in signal.detail and "vraag 3: van 9 naar 6" in signal.detail


def test_a_parent_answers_the_parents_version_only(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        parent_round(world, (8, 8, 8, 8), respondent=child_of(world.trajectory))

    assert "respondent" in refused.value.message_dict
    assert "ouder" in refused.value.message_dict["respondent"][0]


def test_a_child_of_another_trajectory_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.record_round(
            trajectory=world.trajectory,
            version_kind=VersionKind.CHILD,
            held_on=DAY,
            how=How.ENTERED_DURING_VISIT,
            score_1=8,
            score_2=8,
            score_3=8,
            score_4=8,
            respondent=child_of(world.other_trajectory),
            actor=world.worker,
        )

    assert "kind van dit traject" in refused.value.message_dict["respondent"][0]


def test_a_professional_answers_only_with_a_current_grant_in_the_role(world: World) -> None:
    def worker_round(user: Any) -> FeedbackRound:
        return services.record_round(
            trajectory=world.trajectory,
            version_kind=VersionKind.WORKER_ABOUT_CONSULTANT,
            held_on=DAY,
            how=How.BY_THEMSELF,
            score_1=8,
            score_2=8,
            score_3=8,
            score_4=8,
            respondent_user=user,
            actor=world.owner,
        )

    for outsider in (world.expired, world.worker_elsewhere, world.owner):
        with pytest.raises(ValidationError) as refused:
            worker_round(outsider)
        assert "hulpverlener" in refused.value.message_dict["respondent_user"][0]
    assert worker_round(world.worker).respondent_user == world.worker


def test_exactly_one_respondent(world: World) -> None:
    with pytest.raises(ValidationError):
        parent_round(world, (8, 8, 8, 8), respondent_user=world.worker)
    with pytest.raises(ValidationError):
        parent_round(world, (8, 8, 8, 8), respondent=None)


def test_closing_the_loop_keeps_who_and_when_and_may_share_it(world: World) -> None:
    signal = FeedbackSignal.objects.get(round=parent_round(world, (4, 8, 8, 8)))

    services.close_signal(
        signal=signal,
        expected_version=signal.version,
        you_said="Jullie zeiden dat we te weinig bellen.",
        we_did="Wij bellen nu elke maandag.",
        audience=Audience.PARENTS,
        actor=world.owner,
    )

    signal.refresh_from_db()
    assert not signal.is_open and signal.closed_by == world.owner
    assert signal.audience == Audience.PARENTS
    assert audit_rows(signal, AuditAction.UPDATE) == 1
    with pytest.raises(EditConflict):
        services.close_signal(
            signal=signal,
            expected_version=signal.version - 1,
            you_said="",
            we_did="Anders.",
            audience=Audience.PARENTS,
            actor=world.worker,
        )


def test_closing_the_loop_says_what_we_did(world: World) -> None:
    signal = FeedbackSignal.objects.get(round=parent_round(world, (4, 8, 8, 8)))

    with pytest.raises(ValidationError) as refused:
        services.close_signal(
            signal=signal,
            expected_version=signal.version,
            you_said="Te weinig bellen.",
            we_did="  ",
            audience=Audience.PROFESSIONALS,
            actor=world.owner,
        )
    assert "we_did" in refused.value.message_dict


def test_withdrawing_a_round_closes_its_open_signal(world: World) -> None:
    made = parent_round(world, (4, 8, 8, 8))

    services.withdraw_round(feedback_round=made, reason="Dubbel.", actor=world.worker)

    made.refresh_from_db()
    signal = FeedbackSignal.objects.get(round=made)
    assert made.is_withdrawn and not signal.is_open
    assert audit_rows(made, AuditAction.WITHDRAW) == 1
    assert audit_rows(signal, AuditAction.UPDATE) == 1


def test_a_round_whose_loop_was_closed_cannot_be_withdrawn(world: World) -> None:
    made = parent_round(world, (4, 8, 8, 8))
    signal = FeedbackSignal.objects.get(round=made)
    services.close_signal(
        signal=signal,
        expected_version=signal.version,
        you_said="",
        we_did="Wij bellen vaker.",
        audience=Audience.PARENTS,
        actor=world.owner,
    )

    with pytest.raises(ValidationError) as refused:
        services.withdraw_round(feedback_round=made, reason="Weg ermee.", actor=world.worker)
    assert "reason" in refused.value.message_dict
    made.refresh_from_db()
    assert not made.is_withdrawn


def test_an_earlier_round_the_same_day_is_the_previous_one(world: World) -> None:
    parent_round(world, (9, 8, 6, 8), held_on=DAY - datetime.timedelta(days=40))
    first = parent_round(world, (9, 8, 8, 8))
    second = parent_round(world, (9, 8, 6, 8))

    # Compared with the first round of that day (8 to 6), not with the one 40 days before (6).
    assert services._previous_round(second) == first
    signal = FeedbackSignal.objects.get(round=second)
    assert signal.reason == SignalReason.DROP
    assert signal.detail == "vraag 3: van 8 naar 6"
    # And the first round of the day has the one 40 days before as its previous.
    before = services._previous_round(first)
    assert before is not None and before.held_on == DAY - datetime.timedelta(days=40)


def test_a_network_member_does_not_answer_the_parents_version(world: World) -> None:
    grandma = network_world.ensure_member(world).person

    with pytest.raises(ValidationError) as refused:
        parent_round(world, (8, 8, 8, 8), respondent=grandma)

    assert refused.value.message_dict["respondent"] == [
        "Kies een ouder van dit traject, of iemand die voor het kind zorgt."
    ]
    assert not FeedbackRound.objects.exists()


def test_who_raises_the_child_answers_the_parents_version(world: World) -> None:
    foster = fb.adult_of(world, "Els", RelationKind.FOSTER_PARENT)
    aunt = fb.adult_of(world, "Tante", RelationKind.OTHER_FAMILY, has_parental_authority=True)
    grandpa = fb.adult_of(world, "Opa", RelationKind.GRANDPARENT)

    assert parent_round(world, (8, 8, 8, 8), respondent=foster).respondent == foster
    assert parent_round(world, (8, 8, 8, 8), respondent=aunt).respondent == aunt
    with pytest.raises(ValidationError):
        parent_round(world, (8, 8, 8, 8), respondent=grandpa)


def test_nobody_under_a_contact_ban_answers_a_family_version(world: World) -> None:
    mama = mother_of(world.trajectory)
    noor = child_of(world.trajectory)
    fb.ban(world, mama, child=noor)
    people_services.lift_ban(ban=fb.ban(world, noor), reason="Opgeheven.", actor=world.owner)

    with pytest.raises(ValidationError) as refused:
        parent_round(world, (8, 8, 8, 8), respondent=mama)

    message = refused.value.message_dict["respondent"][0]
    assert message.startswith("An heeft een contactverbod") and "niet beantwoorden" in message
    assert not FeedbackRound.objects.exists()
    # A lifted ban no longer counts: Noor answers the child's version.
    made = services.record_round(
        trajectory=world.trajectory,
        version_kind=VersionKind.CHILD,
        held_on=DAY,
        how=How.ENTERED_DURING_VISIT,
        score_1=8,
        score_2=8,
        score_3=8,
        score_4=8,
        respondent=noor,
        actor=world.worker,
    )
    assert made.respondent == noor
    fb.ban(world, noor)
    assert not selectors.respondents(world.trajectory, VersionKind.CHILD).exists()


def test_a_withdrawn_round_is_not_the_previous_one(world: World) -> None:
    earlier = parent_round(world, (10, 10, 10, 10), held_on=DAY - datetime.timedelta(days=40))
    services.withdraw_round(feedback_round=earlier, reason="Verkeerde persoon.", actor=world.worker)

    made = parent_round(world, (7, 7, 7, 7))

    assert not FeedbackSignal.objects.filter(round=made).exists()


# --- expectations and the cadence -----------------------------------------------------------


def test_an_expectation_is_written_revisited_and_withdrawn_with_audit_rows(world: World) -> None:
    made = services.add_expectation(
        trajectory=world.trajectory,
        party=Party.PARENTS,
        expects="Dat jullie luisteren.",
        offers="Dat we eerlijk zijn.",
        written_on=DAY,
        audience=Audience.PARENTS,
        actor=world.worker,
    )
    services.update_expectation(
        expectation=made,
        expected_version=1,
        party=Party.PARENTS,
        expects="Dat jullie luisteren en terugbellen.",
        offers="Dat we eerlijk zijn.",
        written_on=DAY,
        audience=Audience.PARENTS,
        actor=world.owner,
    )
    services.withdraw_expectation(expectation=made, reason="Vervangen.", actor=world.owner)

    made.refresh_from_db()
    assert made.version == 3 and made.is_withdrawn
    assert audit_rows(made, AuditAction.CREATE) == 1
    assert audit_rows(made, AuditAction.UPDATE) == 1
    assert audit_rows(made, AuditAction.WITHDRAW) == 1


def test_a_childs_expectation_names_a_child_of_the_trajectory(world: World) -> None:
    def write(child: Any) -> Expectation:
        return services.add_expectation(
            trajectory=world.trajectory,
            party=Party.CHILD,
            child=child,
            expects="Dat ze naar mij luisteren.",
            actor=world.worker,
        )

    with pytest.raises(ValidationError) as refused:
        write(None)
    assert "child" in refused.value.message_dict
    with pytest.raises(ValidationError):
        write(mother_of(world.trajectory))
    with pytest.raises(ValidationError):
        write(child_of(world.other_trajectory))
    assert write(child_of(world.trajectory)).child == child_of(world.trajectory)


def test_the_cadence_is_made_once_then_edited(world: World) -> None:
    made = services.set_cadence(trajectory=world.trajectory, every_weeks=4, actor=world.owner)
    with pytest.raises(EditConflict):
        services.set_cadence(trajectory=world.trajectory, every_weeks=8, actor=world.owner)
    services.set_cadence(
        trajectory=world.trajectory, every_weeks=8, expected_version=1, actor=world.owner
    )

    made.refresh_from_db()
    assert made.every_weeks == 8 and FeedbackCadence.objects.count() == 1
    assert audit_rows(made, AuditAction.CREATE) == 1
    assert audit_rows(made, AuditAction.UPDATE) == 1
    with pytest.raises(ValidationError):
        services.set_cadence(
            trajectory=world.trajectory, every_weeks=27, expected_version=2, actor=world.owner
        )


def test_every_write_is_refused_while_the_trajectory_is_closed(world: World) -> None:
    made = parent_round(world, (4, 8, 8, 8))
    signal = FeedbackSignal.objects.get(round=made)
    expectation = services.add_expectation(
        trajectory=world.trajectory, party=Party.WORKER, expects="Eerlijk.", actor=world.worker
    )
    close_trajectory(world)
    made.trajectory.refresh_from_db()
    signal.trajectory.refresh_from_db()
    expectation.trajectory.refresh_from_db()

    def state() -> tuple[int, ...]:
        return (
            FeedbackRound.objects.count(),
            FeedbackRound.objects.filter(withdrawn_at__isnull=False).count(),
            FeedbackSignal.objects.filter(closed_at__isnull=True).count(),
            Expectation.objects.count(),
            Expectation.objects.filter(version=1, withdrawn_at__isnull=True).count(),
            FeedbackCadence.objects.count(),
        )

    assert_refused_while_closed(
        [
            lambda: parent_round(world, (8, 8, 8, 8)),
            lambda: services.withdraw_round(feedback_round=made, reason="x", actor=world.worker),
            lambda: services.close_signal(
                signal=signal,
                expected_version=signal.version,
                you_said="",
                we_did="Gebeld.",
                audience=Audience.PROFESSIONALS,
                actor=world.owner,
            ),
            lambda: services.add_expectation(
                trajectory=world.trajectory, party=Party.PARENTS, expects="x", actor=world.owner
            ),
            lambda: services.update_expectation(
                expectation=expectation,
                expected_version=expectation.version,
                party=Party.WORKER,
                expects="Anders.",
                offers="",
                written_on=DAY,
                audience=Audience.PROFESSIONALS,
                actor=world.worker,
            ),
            lambda: services.withdraw_expectation(
                expectation=expectation, reason="x", actor=world.worker
            ),
            lambda: services.set_cadence(
                trajectory=world.trajectory, every_weeks=3, actor=world.owner
            ),
        ],
        state,
    )

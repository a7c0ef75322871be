"""Registration, the safety question, the stage machine and the case team, through services."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import World, make_user, register
from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role, Team
from samenopweg.cases import services
from samenopweg.cases.access import visible_trajectories
from samenopweg.cases.models import (
    Alert,
    AlertKind,
    CaseGrant,
    CaseRole,
    Notification,
    SafetyAnswer,
    SafetyCheck,
    Stage,
    StageChange,
    Trajectory,
    Urgency,
)
from samenopweg.core.locking import EditConflict
from samenopweg.dashboard.selectors import DashboardFilters, caseload_details, caseload_for_user
from samenopweg.people.models import Person, Relation
from samenopweg.people.registration import AdultInput, ChildInput, Registration, register_trajectory

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"^OCJ-GNT-\d{4}-\d{5}$")


def child(name: str, answer: str = "yes", urgency: str = "regular") -> ChildInput:
    return ChildInput(
        first_name=name,
        last_name="Peeters",
        date_of_birth=datetime.date(2016, 5, 1),
        gender="",
        safety_answer=answer,
        safety_basis="Gesprek met de school.",
        next_step="Huisbezoek plannen.",
        urgency=urgency,
    )


def registration(team: Team, owner: Any, **overrides: Any) -> Registration:
    values: dict[str, Any] = {
        "team": team,
        "owner": owner,
        "framework": "verontrusting",
        "youth_judge_reference": "",
        "reason": "We maken ons zorgen.",
        "goal": "Veilig thuis wonen.",
        "children": [child("Noor")],
        "adults": [],
    }
    values.update(overrides)
    return Registration(**values)


def age_safety_checks(trajectory: Trajectory, days: int) -> Trajectory:
    """Let time pass: the latest checks were asked `days` ago."""
    SafetyCheck.objects.filter(trajectory=trajectory).update(
        checked_at=timezone.now() - datetime.timedelta(days=days)
    )
    services.refresh_safety_summary(trajectory)
    trajectory.refresh_from_db()
    return trajectory


def change_stage(
    world: World,
    to_stage: Stage,
    reason: str = "",
    *,
    trajectory: Trajectory | None = None,
    expected_version: int | None = None,
) -> StageChange:
    """The owner moves the trajectory (the world's, unless another is given) to `to_stage`."""
    trajectory = trajectory or world.trajectory
    return services.change_stage(
        trajectory=trajectory,
        to_stage=to_stage,
        reason=reason,
        expected_version=trajectory.version if expected_version is None else expected_version,
        actor=world.owner,
    )


def sdj_team() -> Team:
    sdj = Organisation.objects.get(kind=OrganisationKind.SDJ)
    return Team.objects.get(organisation=sdj)


# Registration


def test_the_reference_is_readable_and_counts_up_per_prefix_in_the_year_it_is_made(
    world: World,
) -> None:
    year = timezone.localdate().year
    first = register(world.team, world.owner, child="Lena", registered_on=datetime.date(2024, 2, 1))
    second = register(world.team, world.owner, child="Bo", registered_on=datetime.date(2025, 6, 9))

    assert REFERENCE.match(world.trajectory.reference)
    # The registration dates lie in earlier years; the numbers are this year's.
    assert first.reference.startswith(f"OCJ-GNT-{year}-")
    assert second.reference == f"OCJ-GNT-{year}-{int(first.reference[-5:]) + 1:05d}"
    assert world.other_trajectory.reference.startswith("SDJ-ANT-")
    assert world.other_trajectory.reference.endswith("-00001")


def test_the_owner_gets_a_consultant_grant(world: World) -> None:
    grant = CaseGrant.objects.current().get(trajectory=world.trajectory, user=world.owner)

    assert grant.role == CaseRole.CONSULENT
    assert world.trajectory in visible_trajectories(world.owner)


def test_it_creates_the_children_adults_and_their_relations(world: World) -> None:
    trajectory = register_trajectory(
        registration=registration(
            world.team,
            world.owner,
            children=[child("Noor"), child("Sem")],
            adults=[
                AdultInput(
                    first_name="An",
                    last_name="Peeters",
                    relation_kind="mother",
                    has_parental_authority=True,
                ),
                AdultInput(first_name="Jan", last_name="Peeters", relation_kind="father"),
            ],
        ),
        actor=world.owner,
    )

    children = Person.objects.filter(trajectory=trajectory, is_child=True)
    assert sorted(children.values_list("first_name", flat=True)) == ["Noor", "Sem"]
    assert Person.objects.filter(trajectory=trajectory, is_child=False).count() == 2
    relations = Relation.objects.filter(trajectory=trajectory)
    assert relations.count() == 4
    assert relations.filter(person__first_name="An", kind="mother").count() == 2
    assert all(r.has_parental_authority for r in relations.filter(person__first_name="An"))


def test_it_records_one_safety_check_per_child(world: World) -> None:
    trajectory = register_trajectory(
        registration=registration(world.team, world.owner, children=[child("Noor"), child("Sem")]),
        actor=world.owner,
    )

    checks = SafetyCheck.objects.filter(trajectory=trajectory)
    assert checks.count() == 2
    assert {c.child.first_name for c in checks} == {"Noor", "Sem"}


def test_it_keeps_a_safety_summary_on_the_trajectory(world: World) -> None:
    trajectory = world.trajectory
    check = SafetyCheck.objects.get(trajectory=trajectory)

    assert trajectory.safety_status == SafetyAnswer.YES
    assert trajectory.safety_checked_at == check.checked_at
    assert trajectory.safety_check_due_at == check.checked_at + datetime.timedelta(
        days=world.team.safety_check_interval_days
    )
    assert not trajectory.safety_check_overdue


def test_the_due_date_follows_the_teams_interval(world: World) -> None:
    Team.objects.filter(pk=world.team.pk).update(safety_check_interval_days=7)
    world.team.refresh_from_db()

    trajectory = register(world.team, world.owner, child="Lena")
    check = SafetyCheck.objects.get(trajectory=trajectory)

    assert trajectory.safety_check_due_at == check.checked_at + datetime.timedelta(days=7)


def test_it_refuses_a_vos_framework_for_an_ocj(world: World) -> None:
    with pytest.raises(ValidationError) as excinfo:
        register_trajectory(
            registration=registration(world.team, world.owner, framework="vos"),
            actor=world.owner,
        )

    assert "framework" in excinfo.value.message_dict
    assert not Trajectory.objects.filter(framework="vos", team=world.team).exists()


def test_it_refuses_an_sdj_trajectory_without_youth_judge_reference(world: World) -> None:
    with pytest.raises(ValidationError) as excinfo:
        register_trajectory(
            registration=registration(
                sdj_team(), world.other_consultant, framework="vos", youth_judge_reference="  "
            ),
            actor=world.other_consultant,
        )

    assert "youth_judge_reference" in excinfo.value.message_dict


def test_it_refuses_a_registration_without_children(world: World) -> None:
    with pytest.raises(ValidationError):
        register_trajectory(
            registration=registration(world.team, world.owner, children=[]), actor=world.owner
        )


def test_a_failed_registration_leaves_nothing_behind(world: World) -> None:
    before = Trajectory.objects.count(), Person.objects.count(), CaseGrant.objects.count()

    with pytest.raises(ValidationError):
        register_trajectory(
            registration=registration(
                world.team, world.owner, children=[child("Noor", answer="maybe")]
            ),
            actor=world.owner,
        )

    assert (Trajectory.objects.count(), Person.objects.count(), CaseGrant.objects.count()) == before


# The safety question


def test_a_child_not_safe_now_alerts_the_team_and_notifies_each_team_lead(world: World) -> None:
    second_lead = make_user("lead2")
    Membership.objects.create(
        user=second_lead, organisation=world.ocj, team=world.team, role=Role.TEAMVERANTWOORDELIJKE
    )
    former_lead = make_user("lead3")
    Membership.objects.create(
        user=former_lead,
        organisation=world.ocj,
        team=world.team,
        role=Role.TEAMVERANTWOORDELIJKE,
        is_active=False,
    )

    trajectory = register(world.team, world.owner, child="Lena", answer="no")

    alert = Alert.objects.get(trajectory=trajectory)
    assert alert.team == world.team
    assert alert.kind == AlertKind.ACUTE_UNSAFE
    assert alert.acknowledged_at is None
    recipients = set(
        Notification.objects.filter(alert=alert).values_list("recipient__username", flat=True)
    )
    assert recipients == {"lead", "lead2"}
    subjects = Notification.objects.filter(alert=alert).values_list("subject", flat=True)
    assert all(trajectory.reference in subject for subject in subjects)


def test_a_safe_child_raises_no_alert(world: World) -> None:
    assert not Alert.objects.filter(trajectory=world.trajectory).exists()
    assert not Notification.objects.filter(trajectory=world.trajectory).exists()


def test_the_worst_answer_over_the_children_wins(world: World) -> None:
    trajectory = register_trajectory(
        registration=registration(
            world.team,
            world.owner,
            children=[child("Noor"), child("Sem", answer="unclear", urgency="72h")],
        ),
        actor=world.owner,
    )
    assert trajectory.safety_status == SafetyAnswer.UNCLEAR

    noor, sem = (
        Person.objects.get(trajectory=trajectory, first_name=name) for name in ("Noor", "Sem")
    )
    services.record_safety_checks(
        trajectory=trajectory,
        answers=[
            (noor, SafetyAnswer.NO, "Blauwe plek.", "Vandaag op huisbezoek.", Urgency.TODAY),
            (sem, SafetyAnswer.YES, "Gaat goed.", "Opvolgen.", Urgency.REGULAR),
        ],
        actor=world.owner,
    )
    trajectory.refresh_from_db()

    assert trajectory.safety_status == SafetyAnswer.NO
    assert trajectory.next_step_urgency == Urgency.TODAY


def test_a_trajectory_whose_last_check_is_older_than_the_interval_is_overdue(
    world: World,
) -> None:
    trajectory = age_safety_checks(world.trajectory, days=world.team.safety_check_interval_days + 1)

    assert trajectory.safety_check_overdue


def test_an_overdue_trajectory_is_sorted_above_a_fresh_one(world: World) -> None:
    fresh = register(world.team, world.owner, child="Lena")
    overdue = age_safety_checks(world.trajectory, days=40)

    caseload = list(caseload_for_user(user=world.owner, filters=DashboardFilters()))
    caseload_details(caseload)

    assert caseload.index(overdue) < caseload.index(fresh)
    assert caseload[caseload.index(overdue)].safety_check_overdue
    assert not caseload[caseload.index(fresh)].safety_check_overdue


def test_a_new_round_of_checks_ends_the_overdue_mark(world: World) -> None:
    trajectory = age_safety_checks(world.trajectory, days=40)
    noor = Person.objects.get(trajectory=trajectory, is_child=True)

    services.record_safety_checks(
        trajectory=trajectory,
        answers=[(noor, SafetyAnswer.YES, "Gaat goed.", "Opvolgen.", Urgency.REGULAR)],
        actor=world.owner,
    )
    trajectory.refresh_from_db()

    assert not trajectory.safety_check_overdue
    assert SafetyCheck.objects.filter(trajectory=trajectory).count() == 2


def test_it_refuses_a_child_of_another_trajectory(world: World) -> None:
    stranger = Person.objects.get(trajectory=world.other_trajectory, is_child=True)

    with pytest.raises(ValidationError):
        services.record_safety_checks(
            trajectory=world.trajectory,
            answers=[(stranger, SafetyAnswer.YES, "Gaat goed.", "Opvolgen.", Urgency.REGULAR)],
            actor=world.owner,
        )


def test_it_refuses_safety_checks_on_a_closed_trajectory(world: World) -> None:
    trajectory = world.trajectory
    change_stage(world, Stage.AFGESLOTEN, "Veilig genoeg.")
    noor = Person.objects.get(trajectory=trajectory, is_child=True)

    with pytest.raises(ValidationError, match="afgesloten"):
        services.record_safety_checks(
            trajectory=trajectory,
            answers=[(noor, SafetyAnswer.NO, "Blauwe plek.", "Vandaag.", Urgency.TODAY)],
            actor=world.owner,
        )

    assert SafetyCheck.objects.filter(trajectory=trajectory).count() == 1
    assert not Alert.objects.filter(trajectory=trajectory).exists()


# Stages


def test_it_moves_from_registration_to_mapping_and_records_the_change(world: World) -> None:
    trajectory = world.trajectory

    change = change_stage(world, Stage.IN_KAART)

    trajectory.refresh_from_db()
    assert trajectory.stage == Stage.IN_KAART
    assert trajectory.version == 2
    assert change.from_stage == Stage.AANMELDING
    assert change.to_stage == Stage.IN_KAART
    assert StageChange.objects.filter(trajectory=trajectory, to_stage=Stage.IN_KAART).exists()


def test_it_refuses_to_skip_from_registration_to_follow_up(world: World) -> None:
    trajectory = world.trajectory

    with pytest.raises(ValidationError) as excinfo:
        change_stage(world, Stage.OPVOLGING)

    assert excinfo.value.message_dict["to_stage"] == [
        "Van Aanmelding naar Opvolging gaan kan niet."
    ]
    trajectory.refresh_from_db()
    assert trajectory.stage == Stage.AANMELDING


def test_closing_needs_a_reason(world: World) -> None:
    trajectory = world.trajectory

    with pytest.raises(ValidationError) as excinfo:
        change_stage(world, Stage.AFGESLOTEN, "  ")

    assert "reason" in excinfo.value.message_dict
    trajectory.refresh_from_db()
    assert not trajectory.is_closed


def test_reopening_a_closed_trajectory_needs_a_reason(world: World) -> None:
    trajectory = world.trajectory
    change_stage(world, Stage.AFGESLOTEN, "Veilig genoeg.")
    assert trajectory.closed_at is not None

    with pytest.raises(ValidationError) as excinfo:
        change_stage(world, Stage.IN_KAART)
    assert "reason" in excinfo.value.message_dict

    change_stage(world, Stage.IN_KAART, "Nieuwe zorgen gemeld.")
    trajectory.refresh_from_db()
    assert trajectory.stage == Stage.IN_KAART
    assert trajectory.closed_at is None


def test_a_stale_version_raises_an_edit_conflict(world: World) -> None:
    trajectory = world.trajectory
    stale = trajectory.version
    change_stage(
        world,
        Stage.IN_KAART,
        trajectory=Trajectory.objects.get(pk=trajectory.pk),
        expected_version=stale,
    )

    with pytest.raises(EditConflict) as excinfo:
        change_stage(world, Stage.AFGESLOTEN, "Veilig genoeg.", expected_version=stale)

    assert excinfo.value.current.stage == Stage.IN_KAART
    assert Trajectory.objects.get(pk=trajectory.pk).stage == Stage.IN_KAART
    assert not StageChange.objects.filter(trajectory=trajectory, to_stage=Stage.AFGESLOTEN).exists()


# The case team


def test_ending_a_grant_ends_access_at_once(world: World) -> None:
    grant = CaseGrant.objects.current().get(trajectory=world.trajectory, user=world.worker)
    assert world.trajectory in visible_trajectories(world.worker)

    services.end_grant(grant=grant, actor=world.owner)

    assert world.trajectory not in visible_trajectories(world.worker)
    grant.refresh_from_db()
    assert grant.ended_by == world.owner


def test_it_refuses_to_end_the_owners_own_grant(world: World) -> None:
    grant = CaseGrant.objects.current().get(trajectory=world.trajectory, user=world.owner)

    with pytest.raises(ValidationError):
        services.end_grant(grant=grant, actor=world.team_lead)

    assert world.trajectory in visible_trajectories(world.owner)


def test_it_refuses_a_family_grant_without_a_person(world: World) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.grant_access(
            trajectory=world.trajectory,
            user=world.parent_elsewhere,
            role=CaseRole.OUDER,
            reason="Papa",
            actor=world.owner,
        )

    assert "person" in excinfo.value.message_dict
    assert world.trajectory not in visible_trajectories(world.parent_elsewhere)


def test_it_refuses_a_family_grant_with_a_person_of_another_trajectory(world: World) -> None:
    stranger = Person.objects.get(trajectory=world.other_trajectory, is_child=False)

    with pytest.raises(ValidationError):
        services.grant_access(
            trajectory=world.trajectory,
            user=world.parent_elsewhere,
            role=CaseRole.OUDER,
            person=stranger,
            reason="Papa",
            actor=world.owner,
        )

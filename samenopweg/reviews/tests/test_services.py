"""Writes of the reviews app: a review with its goals, its edits and conflicts, the kernel's
rules (closed file, audit rows), the cadence."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import (
    assert_refused_while_closed,
    close_trajectory,
    mother_of,
)
from samenopweg.core.locking import EditConflict
from samenopweg.reviews import selectors, services
from samenopweg.reviews.models import (
    GoalStatus,
    Outcome,
    Review,
    ReviewCadence,
    ReviewGoal,
    goal_field,
)
from samenopweg.reviews.services import GoalInput, ReviewData
from samenopweg.reviews.tests import review_world as ev

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)


def data(world: World, **more: Any) -> ReviewData:
    fields: dict[str, Any] = {
        "held_on": DAY,
        "changes_going_well": "Ja.",
        "needs_adjusting": "Het weekend.",
        "help_can_stop": "Nog niet.",
        "outcome": Outcome.CONTINUE,
        "next_review_on": DAY + datetime.timedelta(weeks=6),
        "participants": [mother_of(world.trajectory)],
        "professionals": [world.worker],
        "goals": [
            GoalInput(
                safety_goal=ev.goal(world),
                status=GoalStatus.SHOWN,
                shown_since=DAY - datetime.timedelta(days=30),
            )
        ],
    }
    fields.update(more)
    return ReviewData(**fields)


def hold(world: World, **more: Any) -> Review:
    return services.hold_review(
        trajectory=world.trajectory, data=data(world, **more), actor=world.worker
    )


def audit_rows(obj: Any, action: str) -> int:
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action
    ).count()


def test_a_review_keeps_who_was_there_and_each_goals_line(world: World) -> None:
    review = hold(world)

    assert review.created_by == world.worker
    assert list(review.participants.all()) == [mother_of(world.trajectory)]
    assert list(review.professionals.all()) == [world.worker]
    line = ReviewGoal.objects.get(review=review)
    assert (line.safety_goal, line.status) == (ev.goal(world), GoalStatus.SHOWN)
    assert line.shown_since == DAY - datetime.timedelta(days=30)


def test_holding_a_review_writes_its_audit_rows(world: World) -> None:
    review = hold(world)

    assert audit_rows(review, AuditAction.CREATE) == 1
    assert audit_rows(ReviewGoal.objects.get(review=review), AuditAction.CREATE) == 1
    row = AuditEvent.objects.get(object_type="reviews.review", object_id=str(review.pk))
    assert (row.actor, row.trajectory) == (world.worker, world.trajectory)


def test_the_scaling_of_the_meeting_is_the_round_itself_not_a_copy(world: World) -> None:
    scaling_round = ev.ensure_scaling_round(world)
    scores = scaling_round.scores.count()

    review = hold(world, scaling_round=scaling_round)

    assert review.scaling_round == scaling_round
    assert scaling_round.scores.count() == scores


@pytest.mark.parametrize(
    ("more", "field"),
    [
        ({"outcome": Outcome.ADJUST, "points_to_change": ""}, "points_to_change"),
        ({"outcome": Outcome.PROPOSE_TO_JUDGE}, "for_the_judge"),
        ({"next_review_on": None}, "next_review_on"),
        ({"next_review_on": DAY}, "next_review_on"),
    ],
)
def test_an_outcome_asks_for_what_it_needs(world: World, more: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        hold(world, **more)

    assert field in refused.value.message_dict
    assert not Review.objects.exists()


def test_a_proposal_to_close_needs_no_next_date(world: World) -> None:
    review = hold(world, outcome=Outcome.PROPOSE_CLOSURE, next_review_on=None)
    assert review.next_review_on is None


def test_a_goal_shown_says_since_when(world: World) -> None:
    the_goal = ev.goal(world)
    goals = [GoalInput(safety_goal=the_goal, status=GoalStatus.SHOWN)]

    with pytest.raises(ValidationError) as refused:
        hold(world, goals=goals)

    assert goal_field(the_goal.pk, "shown_since") in refused.value.message_dict
    assert not Review.objects.exists()


def test_it_refuses_someone_of_another_trajectory(world: World) -> None:
    stranger = mother_of(world.other_trajectory)

    with pytest.raises(ValidationError) as refused:
        hold(world, participants=[stranger])
    assert "participants" in refused.value.message_dict

    with pytest.raises(ValidationError) as refused:
        hold(world, professionals=[world.worker_elsewhere])
    assert "professionals" in refused.value.message_dict


def test_an_edit_keeps_the_version_and_changes_the_goals_line(world: World) -> None:
    review = hold(world)
    the_goal = ev.goal(world)

    services.update_review(
        review=review,
        expected_version=review.version,
        data=data(world, goals=[GoalInput(safety_goal=the_goal, status=GoalStatus.NOT_YET)]),
        actor=world.owner,
    )

    review.refresh_from_db()
    assert review.version == 2
    line = ReviewGoal.objects.get(review=review)
    assert (line.status, line.shown_since, line.version) == (GoalStatus.NOT_YET, None, 2)
    assert audit_rows(review, AuditAction.UPDATE) == 1


def test_an_edit_that_changes_nothing_is_no_change(world: World) -> None:
    review = hold(world)

    services.update_review(
        review=review, expected_version=review.version, data=data(world), actor=world.owner
    )

    assert Review.objects.get(pk=review.pk).version == 1
    assert audit_rows(review, AuditAction.UPDATE) == 0


def test_an_edit_from_an_older_version_is_a_conflict(world: World) -> None:
    review = hold(world)
    services.update_review(
        review=review,
        expected_version=1,
        data=data(world, help_can_stop="Misschien binnen drie maanden."),
        actor=world.owner,
    )

    stale = Review.objects.get(pk=review.pk)
    with pytest.raises(EditConflict) as conflict:
        services.update_review(
            review=stale,
            expected_version=1,
            data=data(world, help_can_stop="Ja."),
            actor=world.worker,
        )

    assert conflict.value.current.help_can_stop == "Misschien binnen drie maanden."
    assert Review.objects.get(pk=review.pk).help_can_stop == "Misschien binnen drie maanden."


def test_a_closed_trajectory_refuses_every_write(world: World) -> None:
    review = hold(world)
    close_trajectory(world)
    review.refresh_from_db()

    def state() -> tuple[Any, ...]:
        return (
            Review.objects.count(),
            Review.objects.get(pk=review.pk).version,
            ReviewCadence.objects.count(),
        )

    assert_refused_while_closed(
        [
            lambda: hold(world),
            lambda: services.update_review(
                review=review,
                expected_version=review.version,
                data=data(world, help_can_stop="Ja."),
                actor=world.owner,
            ),
            lambda: services.withdraw_review(review=review, reason="Fout.", actor=world.owner),
            lambda: services.set_cadence(
                trajectory=world.trajectory, every_weeks=4, actor=world.owner
            ),
        ],
        state,
    )


def test_a_withdrawn_review_plans_nothing_any_more(world: World) -> None:
    review = hold(world)

    assert services.withdraw_review(review=review, reason="Dubbel ingevuld.", actor=world.owner)

    review.refresh_from_db()
    assert review.is_withdrawn
    assert audit_rows(review, AuditAction.WITHDRAW) == 1


def test_the_cadence_starts_from_the_framework_and_can_be_set(world: World) -> None:
    assert selectors.cadence_weeks(world.trajectory) == (6, None)  # verontrusting

    made = services.set_cadence(trajectory=world.trajectory, every_weeks=4, actor=world.owner)
    assert selectors.cadence_weeks(world.trajectory) == (4, made)

    with pytest.raises(EditConflict):
        services.set_cadence(trajectory=world.trajectory, every_weeks=5, actor=world.owner)
    services.set_cadence(
        trajectory=world.trajectory, every_weeks=5, expected_version=made.version, actor=world.owner
    )
    assert selectors.cadence_weeks(world.trajectory)[0] == 5

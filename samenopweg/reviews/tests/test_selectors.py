"""Reads of the reviews app: the "review past due" flag for many trajectories at once, and its
line in the dashboard's Vandaag block."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from conftest import World, register
from samenopweg.cases.models import Stage, StageChange, Trajectory
from samenopweg.dashboard.today import FEEDBACK, REVIEW, TASK, today_for_user
from samenopweg.reviews.models import Outcome, Review, ReviewCadence
from samenopweg.reviews.selectors import next_reviews, reviews_due

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


def review(trajectory: Trajectory, owner: Any, held_on: datetime.date, next_on: Any) -> Review:
    return Review.objects.create(
        trajectory=trajectory,
        held_on=held_on,
        changes_going_well="Ja.",
        needs_adjusting="Nee.",
        help_can_stop="Nog niet.",
        outcome=Outcome.CONTINUE,
        next_review_on=next_on,
        created_by=owner,
    )


def test_a_review_past_its_next_date_is_due(world: World) -> None:
    made = review(
        world.trajectory,
        world.owner,
        TODAY - datetime.timedelta(days=50),
        TODAY - datetime.timedelta(days=1),
    )

    due = reviews_due([world.trajectory.pk], TODAY)

    assert list(due) == [world.trajectory.pk]
    flag = due[world.trajectory.pk]
    assert (flag.review_id, flag.due_on, flag.reference) == (
        made.pk,
        TODAY - datetime.timedelta(days=1),
        world.trajectory.reference,
    )


def test_a_review_due_today_or_later_is_not_past_due(world: World) -> None:
    review(world.trajectory, world.owner, TODAY - datetime.timedelta(days=40), TODAY)
    assert reviews_due([world.trajectory.pk], TODAY) == {}


def test_only_the_latest_review_counts(world: World) -> None:
    review(
        world.trajectory,
        world.owner,
        TODAY - datetime.timedelta(days=90),
        TODAY - datetime.timedelta(days=40),
    )
    review(
        world.trajectory,
        world.owner,
        TODAY - datetime.timedelta(days=40),
        TODAY + datetime.timedelta(days=2),
    )
    assert reviews_due([world.trajectory.pk], TODAY) == {}


def test_a_withdrawn_latest_review_leaves_the_one_before(world: World) -> None:
    before = review(
        world.trajectory,
        world.owner,
        TODAY - datetime.timedelta(days=90),
        TODAY - datetime.timedelta(days=40),
    )
    later = review(
        world.trajectory,
        world.owner,
        TODAY - datetime.timedelta(days=40),
        TODAY + datetime.timedelta(days=2),
    )
    Review.objects.filter(pk=later.pk).update(withdrawn_at=timezone.now())

    assert reviews_due([world.trajectory.pk], TODAY)[world.trajectory.pk].review_id == before.pk


def test_a_closed_trajectory_or_one_without_a_next_date_is_not_due(world: World) -> None:
    review(world.trajectory, world.owner, TODAY - datetime.timedelta(days=50), None)
    review(
        world.other_trajectory,
        world.other_consultant,
        TODAY - datetime.timedelta(days=50),
        TODAY - datetime.timedelta(days=1),
    )
    Trajectory.objects.filter(pk=world.other_trajectory.pk).update(stage=Stage.AFGESLOTEN)

    assert reviews_due([world.trajectory.pk, world.other_trajectory.pk], TODAY) == {}


def test_it_reads_many_trajectories_in_one_query(
    world: World, django_assert_num_queries: Any
) -> None:
    ids = []
    for i in range(5):
        made = register(world.team, world.owner, child=f"Kind{i}")
        review(
            made,
            world.owner,
            TODAY - datetime.timedelta(days=60),
            TODAY - datetime.timedelta(days=i + 1),
        )
        ids.append(made.pk)

    for i in range(3):
        ids.append(in_plan_since(register(world.team, world.owner, child=f"Nooit{i}"), 70).pk)

    with django_assert_num_queries(1):
        due = reviews_due(Trajectory.objects.filter(pk__in=ids), TODAY)

    assert set(due) == set(ids)


def in_plan_since(trajectory: Trajectory, days: int, stage: str = Stage.PLAN) -> Trajectory:
    """The trajectory reached the plan stage `days` before TODAY (and is now in `stage`)."""
    when = timezone.make_aware(
        datetime.datetime.combine(TODAY - datetime.timedelta(days=days), datetime.time(10))
    )
    StageChange.objects.create(
        trajectory=trajectory,
        from_stage=Stage.IN_KAART,
        to_stage=Stage.PLAN,
        changed_by=trajectory.owner,
        changed_at=when,
    )
    Trajectory.objects.filter(pk=trajectory.pk).update(stage=stage, stage_changed_at=when)
    return trajectory


def test_a_file_never_reviewed_is_due_its_cadence_after_the_plan_began(world: World) -> None:
    # Verontrusting: every 6 weeks, counted from the day the plan stage began.
    late = in_plan_since(world.trajectory, 43)
    on_time = in_plan_since(register(world.team, world.owner, child="Op tijd"), 41)
    mapping = register(world.team, world.owner, child="Nog in kaart")
    in_plan_since(mapping, 100, stage=Stage.IN_KAART)
    followed = in_plan_since(register(world.team, world.owner, child="Opvolging"), 50)
    Trajectory.objects.filter(pk=followed.pk).update(stage=Stage.OPVOLGING)
    ids = [late.pk, on_time.pk, mapping.pk, followed.pk]

    due = reviews_due(ids, TODAY)

    assert set(due) == {late.pk, followed.pk}
    flag = due[late.pk]
    assert flag.never_reviewed and flag.review_id is None and flag.held_on is None
    assert flag.due_on == TODAY - datetime.timedelta(days=1)


def test_a_file_never_reviewed_follows_its_own_cadence(world: World) -> None:
    in_plan_since(world.trajectory, 60)
    ReviewCadence.objects.create(
        trajectory=world.trajectory, every_weeks=12, created_by=world.owner
    )
    assert reviews_due([world.trajectory.pk], TODAY) == {}

    schedule = next_reviews([world.trajectory.pk], TODAY)[world.trajectory.pk]
    assert schedule.due_on == TODAY + datetime.timedelta(days=24) and not schedule.late


def test_a_review_without_a_next_date_ends_the_schedule(world: World) -> None:
    in_plan_since(world.trajectory, 100)
    review(world.trajectory, world.owner, TODAY - datetime.timedelta(days=50), None)
    assert next_reviews([world.trajectory.pk], TODAY) == {}


def test_the_vandaag_block_flags_a_review_past_due(world: World) -> None:
    today = timezone.localdate()
    review(
        world.trajectory,
        world.owner,
        today - datetime.timedelta(days=50),
        today - datetime.timedelta(days=3),
    )

    lines = [line for line in today_for_user(world.owner).lines if line.kind == REVIEW]

    assert len(lines) == 1
    line = lines[0]
    assert line.what == "Evaluatie te laat"
    assert line.late
    assert line.url == f"/trajecten/{world.trajectory.reference}/evaluaties/"
    assert FEEDBACK < REVIEW < TASK
    # The worker on the case sees it too; a worker elsewhere does not.
    assert any(line.kind == REVIEW for line in today_for_user(world.worker).lines)
    assert not any(line.kind == REVIEW for line in today_for_user(world.worker_elsewhere).lines)


def test_the_vandaag_block_flags_a_file_never_reviewed(world: World) -> None:
    today = timezone.localdate()
    when = timezone.now() - datetime.timedelta(weeks=7)
    StageChange.objects.create(
        trajectory=world.trajectory,
        from_stage=Stage.IN_KAART,
        to_stage=Stage.PLAN,
        changed_by=world.owner,
        changed_at=when,
    )
    Trajectory.objects.filter(pk=world.trajectory.pk).update(stage=Stage.PLAN)

    lines = [line for line in today_for_user(world.owner).lines if line.kind == REVIEW]

    assert [line.reference for line in lines] == [world.trajectory.reference]
    assert lines[0].detail == "Nog nooit geëvalueerd"
    assert timezone.localdate(when) + datetime.timedelta(weeks=6) < today

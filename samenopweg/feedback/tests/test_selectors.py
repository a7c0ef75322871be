"""Reads for the dashboard and the charter's indicators: a fixed number of queries for many
trajectories, and what counts as overdue or missing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from conftest import World, register
from samenopweg.cases.models import Stage, Trajectory
from samenopweg.cases.tests.helpers import close_trajectory, mother_of
from samenopweg.feedback import selectors, services
from samenopweg.feedback.models import (
    Expectation,
    FeedbackRound,
    How,
    Party,
    VersionKind,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def registered_on(trajectory: Trajectory, day: datetime.date) -> None:
    Trajectory.objects.filter(pk=trajectory.pk).update(registered_on=day)


def set_stage(trajectory: Trajectory, stage: str) -> None:
    Trajectory.objects.filter(pk=trajectory.pk).update(stage=stage)


def a_round(world: World, held_on: datetime.date, score_4: int = 8, **more: Any) -> FeedbackRound:
    return services.record_round(
        trajectory=world.trajectory,
        version_kind=more.pop("version_kind", VersionKind.PARENT),
        held_on=held_on,
        how=How.BY_PHONE,
        score_1=8,
        score_2=8,
        score_3=8,
        score_4=score_4,
        actor=world.worker,
        **({"respondent": mother_of(world.trajectory)} | more),
    )


def test_without_rounds_the_registration_counts_with_the_default_of_6_weeks(world: World) -> None:
    registered_on(world.trajectory, TODAY - datetime.timedelta(weeks=6, days=1))
    t = world.trajectory.pk

    assert selectors.next_round_due([t], TODAY) == {t: TODAY - datetime.timedelta(days=1)}
    assert selectors.overdue_feedback([t], TODAY) == {t}


def test_the_last_round_counts_and_a_cadence_of_its_own(world: World) -> None:
    registered_on(world.trajectory, TODAY - datetime.timedelta(weeks=30))
    a_round(world, TODAY - datetime.timedelta(weeks=5))
    t = world.trajectory.pk

    assert selectors.overdue_feedback([t], TODAY) == set()
    services.set_cadence(trajectory=world.trajectory, every_weeks=4, actor=world.owner)
    assert selectors.overdue_feedback([t], TODAY) == {t}
    assert selectors.next_round_due([t], TODAY)[t] == TODAY - datetime.timedelta(weeks=1)


def test_a_withdrawn_round_does_not_count(world: World) -> None:
    registered_on(world.trajectory, TODAY - datetime.timedelta(weeks=30))
    old = a_round(world, TODAY - datetime.timedelta(weeks=8))
    recent = a_round(world, TODAY - datetime.timedelta(weeks=1))
    services.withdraw_round(feedback_round=recent, reason="Vergissing.", actor=world.worker)

    assert selectors.next_round_due([world.trajectory.pk], TODAY)[
        world.trajectory.pk
    ] == old.held_on + datetime.timedelta(weeks=6)
    assert selectors.overdue_feedback([world.trajectory.pk], TODAY) == {world.trajectory.pk}


def test_a_closed_trajectory_is_never_overdue(world: World) -> None:
    registered_on(world.trajectory, TODAY - datetime.timedelta(weeks=30))
    close_trajectory(world)

    assert selectors.overdue_feedback([world.trajectory.pk], TODAY) == set()
    assert selectors.next_round_due([world.trajectory.pk], TODAY) == {}


def test_missing_expectations_only_past_mapping(world: World) -> None:
    t = world.trajectory
    assert selectors.trajectories_missing_expectations([t.pk]) == set()  # still registering
    for stage in (Stage.PLAN, Stage.OPVOLGING):
        set_stage(t, stage)
        assert selectors.trajectories_missing_expectations([t.pk]) == {t.pk}
    written = services.add_expectation(
        trajectory=t, party=Party.PARENTS, expects="Dat jullie luisteren.", actor=world.worker
    )
    assert selectors.trajectories_missing_expectations([t.pk]) == set()
    set_stage(t, Stage.OPVOLGING)
    written.trajectory.refresh_from_db()
    services.withdraw_expectation(expectation=written, reason="Weg.", actor=world.worker)
    assert selectors.trajectories_missing_expectations([t.pk]) == {t.pk}


def test_the_trend_has_a_line_per_respondent_and_version_with_the_overall_score(
    world: World,
) -> None:
    a_round(world, TODAY - datetime.timedelta(weeks=12), score_4=6)
    a_round(world, TODAY - datetime.timedelta(weeks=6), score_4=8)
    a_round(
        world,
        TODAY - datetime.timedelta(weeks=6),
        score_4=7,
        version_kind=VersionKind.CONSULTANT_ABOUT_WORKER,
        respondent_user=world.owner,
        respondent=None,
    )

    series = selectors.answer_trend(world.trajectory)

    assert [len(s.points) for s in series] == [2, 1]
    assert series[0].label.startswith("An")
    assert [v for _day, v in series[0].points] == [6, 8]
    assert "consulent" in series[1].label


def test_the_trend_from_rounds_already_read_is_the_same_in_one_query(
    world: World, django_assert_num_queries: Any
) -> None:
    a_round(world, TODAY - datetime.timedelta(weeks=12), score_4=6)
    a_round(world, TODAY - datetime.timedelta(weeks=6), score_4=9)
    a_round(world, TODAY - datetime.timedelta(weeks=6), score_4=8)
    a_round(
        world,
        TODAY - datetime.timedelta(weeks=3),
        version_kind=VersionKind.CONSULTANT_ABOUT_WORKER,
        respondent_user=world.owner,
        respondent=None,
    )
    services.withdraw_round(
        feedback_round=a_round(world, TODAY - datetime.timedelta(weeks=1), score_4=2),
        reason="Dubbel.",
        actor=world.worker,
    )
    read = list(
        FeedbackRound.objects.filter(trajectory=world.trajectory)
        .select_related("respondent", "respondent_user")
        .order_by("-held_on", "-id")
    )

    with django_assert_num_queries(1):  # the names only
        given = selectors.answer_trend(world.trajectory, read)

    assert given == selectors.answer_trend(world.trajectory)
    assert [v for _day, v in given[0].points] == [6, 9, 8]  # by (held_on, id), none withdrawn


def test_the_indicators_count_rounds_and_parties(world: World) -> None:
    a_round(world, TODAY - datetime.timedelta(weeks=3))
    services.add_expectation(
        trajectory=world.trajectory, party=Party.PARENTS, expects="Luisteren.", actor=world.worker
    )
    services.add_expectation(
        trajectory=world.trajectory, party=Party.WORKER, expects="Eerlijk.", actor=world.worker
    )
    ids = [world.trajectory.pk, world.other_trajectory.pk]

    assert selectors.rounds_per_trajectory(ids) == {ids[0]: 1, ids[1]: 0}
    assert selectors.expectations_written(ids) == {
        ids[0]: frozenset({Party.PARENTS, Party.WORKER}),
        ids[1]: frozenset(),
    }
    assert Expectation.objects.count() == 2


def test_the_dashboard_reads_take_one_query_each_whatever_the_number_of_trajectories(
    world: World, django_assert_num_queries: Any
) -> None:
    more = [register(world.team, world.owner, child=f"Kind{n}").pk for n in range(5)]
    ids = [world.trajectory.pk, world.other_trajectory.pk, *more]
    a_round(world, TODAY - datetime.timedelta(weeks=1), score_4=3)

    for read in (
        lambda: selectors.open_signals(ids),
        lambda: selectors.next_round_due(ids, TODAY),
        lambda: selectors.overdue_feedback(ids, TODAY),
        lambda: selectors.trajectories_missing_expectations(ids),
        lambda: selectors.rounds_per_trajectory(ids),
        lambda: selectors.expectations_written(ids),
    ):
        with django_assert_num_queries(1):
            read()
    signals = selectors.open_signals(ids)
    assert list(signals) == [world.trajectory.pk]
    assert signals[world.trajectory.pk][0].version_kind == VersionKind.PARENT


def test_the_caseload_flags_agree_with_the_single_reads_in_one_query(
    world: World, django_assert_num_queries: Any
) -> None:
    late = register(world.team, world.owner, child="Laat")
    registered_on(late, TODAY - datetime.timedelta(weeks=8))
    set_stage(late, Stage.PLAN)
    closed = register(world.team, world.owner, child="Dicht")
    set_stage(closed, Stage.AFGESLOTEN)
    a_round(world, TODAY - datetime.timedelta(weeks=1), score_4=3)
    a_round(world, TODAY - datetime.timedelta(days=2), score_4=2)
    ids = [world.trajectory.pk, late.pk, closed.pk]

    with django_assert_num_queries(1):
        flags = selectors.feedback_flags(ids, TODAY)
    # From a queryset too, as its subquery: still one query.
    with django_assert_num_queries(1):
        from_queryset = selectors.feedback_flags(Trajectory.objects.filter(pk__in=ids), TODAY)
    assert from_queryset == flags

    assert closed.pk not in flags
    assert flags[world.trajectory.pk].open_signals == 2
    assert flags[late.pk].open_signals == 0
    due = selectors.next_round_due(ids, TODAY)
    assert {pk: f.round_due for pk, f in flags.items()} == due
    overdue = selectors.overdue_feedback(ids, TODAY)
    assert {pk for pk, f in flags.items() if f.round_late} == overdue == {late.pk}
    missing = selectors.trajectories_missing_expectations(ids)
    assert {pk for pk, f in flags.items() if f.expectations_missing} == missing == {late.pk}

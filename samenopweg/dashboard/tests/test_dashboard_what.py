"""The dashboard's WHAT column and the filter for trajectories without a shared WHAT."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, register
from samenopweg.assessments.models import (
    DangerStatement,
    ProfessionalView,
    SafetyGoal,
    ScalingRound,
    ScalingScore,
    StatementSet,
    StatementStatus,
)
from samenopweg.cases.models import Trajectory
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.core.models import Audience
from samenopweg.dashboard.selectors import DashboardFilters, caseload_details, caseload_for_user
from samenopweg.people.models import Person
from tests.test_query_counts import expected

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)


def statement(trajectory: Trajectory, author: Any, *, goal: bool = True) -> DangerStatement:
    made = DangerStatement.objects.create(
        trajectory=trajectory,
        who_is_worried="De school",
        behaviour="papa roept en slaat als hij gedronken heeft",
        impact="Noor bang is om naar huis te gaan",
        fear="Noor gewond raakt",
        audience=Audience.PARENTS,
        created_by=author,
    )
    if goal:
        SafetyGoal.objects.create(
            danger_statement=made,
            trajectory=trajectory,
            parents_and_network_will="Oma is erbij als papa Noor ziet",
            child_will_experience="Noor voelt zich rustig thuis",
            professionals_will_see="Papa is nuchter bij elk huisbezoek",
            for_how_long="drie maanden",
            created_by=author,
        )
    return made


def status(trajectory: Trajectory, value: str) -> None:
    StatementSet.objects.update_or_create(trajectory=trajectory, defaults={"status": value})


def scaling_round(
    trajectory: Trajectory, author: Any, day: datetime.date, scores: dict[DangerStatement, int]
) -> None:
    made = ScalingRound.objects.create(trajectory=trajectory, held_on=day, created_by=author)
    mother = Person.objects.filter(trajectory=trajectory, is_child=False).first()
    for danger_statement, score in scores.items():
        ScalingScore.objects.create(
            round=made,
            trajectory=trajectory,
            danger_statement=danger_statement,
            person=mother,
            score=score,
        )
        ScalingScore.objects.create(
            round=made,
            trajectory=trajectory,
            danger_statement=danger_statement,
            professional_role=ProfessionalView.CONSULENT,
            score=min(10, score + 2),
        )


def rows(world: World, **filters: Any) -> dict[str, Trajectory]:
    caseload = caseload_details(
        list(caseload_for_user(user=world.owner, filters=DashboardFilters(**filters)))
    )
    return {t.reference: t for t in caseload}


# --- the annotations -------------------------------------------------------------------------


def test_a_trajectory_without_danger_statements_has_no_what(world: World) -> None:
    row = rows(world)[world.trajectory.reference]
    assert row.what_has_statement is False  # type: ignore[attr-defined]
    assert row.what_goal_missing is False  # type: ignore[attr-defined]
    assert row.what_status is None  # type: ignore[attr-defined]
    assert row.what_scale_on is None  # type: ignore[attr-defined]


def test_it_sees_a_statement_without_a_current_goal(world: World) -> None:
    statement(world.trajectory, world.owner, goal=False)
    with_goal = statement(world.trajectory, world.owner)
    status(world.trajectory, StatementStatus.DISCUSSED)
    row = rows(world)[world.trajectory.reference]
    assert (row.what_has_statement, row.what_goal_missing, row.what_status) == (  # type: ignore[attr-defined]
        True,
        True,
        StatementStatus.DISCUSSED,
    )
    # A withdrawn goal is no goal.
    SafetyGoal.objects.filter(danger_statement=with_goal).update(withdrawn_at=timezone.now())
    DangerStatement.objects.exclude(pk=with_goal.pk).update(withdrawn_at=timezone.now())
    row = rows(world)[world.trajectory.reference]
    assert (row.what_has_statement, row.what_goal_missing) == (True, True)  # type: ignore[attr-defined]


def test_withdrawn_statements_do_not_count(world: World) -> None:
    made = statement(world.trajectory, world.owner, goal=False)
    DangerStatement.objects.filter(pk=made.pk).update(withdrawn_at=timezone.now())
    row = rows(world)[world.trajectory.reference]
    assert (row.what_has_statement, row.what_goal_missing) == (False, False)  # type: ignore[attr-defined]


def test_the_latest_scaling_is_the_lowest_number_of_the_latest_round(world: World) -> None:
    first, second = (
        statement(world.trajectory, world.owner),
        statement(world.trajectory, world.owner),
    )
    scaling_round(world.trajectory, world.owner, DAY, {first: 1, second: 2})
    scaling_round(world.trajectory, world.owner, DAY + datetime.timedelta(days=28), {first: 5})
    later = DAY + datetime.timedelta(days=56)
    scaling_round(world.trajectory, world.owner, later, {first: 6, second: 4})
    row = rows(world)[world.trajectory.reference]
    assert (row.what_scale_min, row.what_scale_on) == (4, later)  # type: ignore[attr-defined]
    # A round that only scored a statement withdrawn since does not count, nor do its numbers.
    DangerStatement.objects.filter(pk=second.pk).update(withdrawn_at=timezone.now())
    row = rows(world)[world.trajectory.reference]
    assert (row.what_scale_min, row.what_scale_on) == (6, later)  # type: ignore[attr-defined]


# --- the filter ------------------------------------------------------------------------------


def test_the_filter_keeps_only_trajectories_without_a_shared_what(world: World) -> None:
    shared = register(world.team, world.owner, child="Gedeeld")
    statement(shared, world.owner)
    status(shared, StatementStatus.SHARED)
    shared_goal_missing = register(world.team, world.owner, child="Doelloos")
    statement(shared_goal_missing, world.owner, goal=False)
    status(shared_goal_missing, StatementStatus.SHARED)
    discussed = register(world.team, world.owner, child="Besproken")
    statement(discussed, world.owner)
    status(discussed, StatementStatus.DISCUSSED)
    written_no_set = register(world.team, world.owner, child="Zonderset")
    statement(written_no_set, world.owner)

    everything = rows(world)
    missing = rows(world, what_missing=True)

    assert shared.reference in everything
    assert shared.reference not in missing
    assert set(missing) == set(everything) - {shared.reference}
    assert {
        world.trajectory.reference,
        shared_goal_missing.reference,
        discussed.reference,
        written_no_set.reference,
    } <= set(missing)


# --- the page --------------------------------------------------------------------------------


def test_the_dashboard_shows_the_what_column(world: World) -> None:
    made = statement(world.trajectory, world.owner, goal=False)
    status(world.trajectory, StatementStatus.DISCUSSED)
    scaling_round(world.trajectory, world.owner, datetime.date(2026, 11, 12), {made: 4})
    nothing = register(world.team, world.owner, child="Leeg")
    shared = register(world.team, world.owner, child="Gedeeld")
    statement(shared, world.owner)
    status(shared, StatementStatus.SHARED)

    response = logged_in_client(world.team_lead).get(reverse("dashboard:dashboard"))
    page = response.content.decode()
    assert '<th scope="col">Gevaar en doelen</th>' in page
    cells = {t.reference: t for t in response.context["page"].object_list}
    assert cells[nothing.reference].what_has_statement is False
    assert "Nog geen gevaarsboodschap" in page
    assert "Besproken, nog niet gedeeld" in page and "een doel ontbreekt" in page
    assert "laagste cijfer 4/10 op 12/11" in page
    assert "Gedeeld met het gezin" in page
    assert 'name="what" value="missing"' in page


def test_the_dashboard_filter_is_a_checkbox_that_keeps_its_state(world: World) -> None:
    shared = register(world.team, world.owner, child="Gedeeld")
    statement(shared, world.owner)
    status(shared, StatementStatus.SHARED)
    client = logged_in_client(world.owner)

    response = client.get(reverse("dashboard:dashboard"), {"what": "missing"})
    shown = {t.reference for t in response.context["page"].object_list}
    assert world.trajectory.reference in shown
    assert shared.reference not in shown
    assert 'id="id_what" checked' in response.content.decode()

    response = client.get(
        reverse("dashboard:dashboard"), {"what": "missing"}, HTTP_HX_REQUEST="true"
    )
    assert shared.reference not in response.content.decode()


@pytest.mark.parametrize("query", [{}, {"what": "missing"}])
def test_the_what_column_adds_no_query(
    world: World, django_assert_num_queries: Any, query: dict[str, str]
) -> None:
    """Same pinned count as tests/test_query_counts.py, with the WHAT filled in on every row."""
    for i in range(5):
        trajectory = register(world.team, world.owner, child=f"Kind{i}")
        made = statement(trajectory, world.owner, goal=bool(i % 2))
        status(trajectory, StatementStatus.SHARED if i % 2 else StatementStatus.DRAFT)
        scaling_round(trajectory, world.owner, DAY, {made: i})
    client = logged_in_client(world.owner)
    with django_assert_num_queries(expected("dashboard_owner")):
        assert client.get(reverse("dashboard:dashboard"), query).status_code == 200

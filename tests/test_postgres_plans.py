"""PostgreSQL's plans for the caseload stay on the indexes (issue 10).

With 60,000 trajectories in the table, a team lead's 2,000 and a consultant's 100, the
dashboard's ranking, its search and the trajectory lookup must not read the whole trajectory
table (a `Seq Scan` on cases_trajectory): that is what the visibility rule's "granted OR led
team" did as `id IN (subquery) OR team_id IN (...)`, before it became `id = ANY(ARRAY(...))`,
and what makes every page slower as Flanders grows. The
rows are copied from one template trajectory with generate_series (a second, not a seeder
run); the statistics come from ANALYZE, as after `seed_synthetic`. PostgreSQL only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet

from samenopweg.accounts.models import Membership, Role, User
from samenopweg.cases.access import _role_annotation, visible_trajectories
from samenopweg.cases.models import CaseGrant, CaseRole, Trajectory
from samenopweg.dashboard.selectors import DashboardFilters, caseload_for_user
from samenopweg.journal.models import Task, TaskStatus
from tests.factories import ConsultantFactory, TaskFactory, TeamFactory, TrajectoryFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's planner (CI's PostgreSQL run)"
    ),
]

TOTAL = 60_000
TEAM = 2_000
CASELOAD = 100

# Columns copied from the template row; reference, team and search text are made per row.
COPIED = [
    str(f.column)
    for f in Trajectory._meta.concrete_fields
    if f.column not in {"id", "reference", "team_id", "search_text"}
]


def _copy_trajectories(template: Trajectory, *, team_id: int, other_team_id: int) -> None:
    columns = ", ".join(COPIED)
    chosen = ", ".join(f"t.{c}" for c in COPIED)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO cases_trajectory ({columns}, reference, team_id, search_text) "
            f"SELECT {chosen}, 'PLAN-' || g, CASE WHEN g <= %s THEN %s ELSE %s END, "
            "'plan-' || g || ' familie' || (g %% 997) "
            "FROM cases_trajectory t, generate_series(1, %s) g WHERE t.id = %s",
            [TEAM, team_id, other_team_id, TOTAL, template.pk],
        )


def _copy_rows(model: Any, template_pk: int, trajectory_ids_sql: str, **vary: str) -> None:
    """One copy of the template row per trajectory id the SQL selects."""
    table = model._meta.db_table
    columns = [
        str(f.column)
        for f in model._meta.concrete_fields
        if f.column not in {"id", "trajectory_id", *vary}
    ]
    names = ", ".join([*columns, "trajectory_id", *vary])
    chosen = ", ".join([*(f"r.{c}" for c in columns), "x.id", *vary.values()])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {chosen} "
            f"FROM {table} r, ({trajectory_ids_sql}) x WHERE r.id = %s",
            [template_pk],
        )


@pytest.fixture
def crowded() -> dict[str, User]:
    lead_team = TeamFactory.create()
    other_team = TeamFactory.create(organisation=lead_team.organisation)
    consultant = ConsultantFactory.create(username="plan_consulent", team=other_team)
    lead = ConsultantFactory.create(username="plan_teamleider", team=lead_team)
    Membership.objects.filter(user=lead).update(role=Role.TEAMVERANTWOORDELIJKE)
    template = TrajectoryFactory.create(team=other_team, owner=consultant)
    task = TaskFactory.create(trajectory=template, status=TaskStatus.OPEN)
    grant = CaseGrant.objects.get(trajectory=template, user=consultant, role=CaseRole.CONSULENT)
    _copy_trajectories(template, team_id=lead_team.pk, other_team_id=other_team.pk)
    copies = "SELECT id FROM cases_trajectory WHERE reference LIKE 'PLAN-%%'"
    _copy_rows(Task, task.pk, f"{copies} AND id %% 3 = 0")
    _copy_rows(
        CaseGrant,
        grant.pk,
        f"{copies} AND team_id = {other_team.pk} ORDER BY id LIMIT {CASELOAD - 1}",
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_trajectory, cases_casegrant, journal_task")
    # The rows go with the test's transaction. (Deleting them first would queue a deferred
    # check of every table that points at a trajectory, for each of the 60,000 rows.)
    return {"consultant": consultant, "lead": lead}


def _plan(queryset: QuerySet[Any]) -> dict[str, Any]:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        (document,) = cursor.fetchone()
    found = document if isinstance(document, list) else json.loads(document)
    return found[0]["Plan"]


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _trajectory_scans(queryset: QuerySet[Any]) -> list[str]:
    return [
        node["Node Type"]
        for node in _nodes(_plan(queryset))
        if node.get("Relation Name") == "cases_trajectory"
    ]


def _assert_indexed(queryset: QuerySet[Any]) -> None:
    scans = _trajectory_scans(queryset)
    assert scans, "the query reads no trajectory at all: not the query this test is about"
    assert "Seq Scan" not in scans, scans


def test_the_rows_are_there(crowded: dict[str, User]) -> None:
    assert Trajectory.objects.count() == TOTAL + 1
    assert visible_trajectories(crowded["lead"]).count() == TEAM
    assert visible_trajectories(crowded["consultant"]).count() == CASELOAD


@pytest.mark.parametrize("who", ["lead", "consultant"])
def test_dashboard_ranking_uses_indexes(crowded: dict[str, User], who: str) -> None:
    ranking = caseload_for_user(user=crowded[who], filters=DashboardFilters())
    _assert_indexed(ranking.values_list("pk", "attention"))  # type: ignore[misc]


@pytest.mark.parametrize("who", ["lead", "consultant"])
def test_search_uses_indexes(crowded: dict[str, User], who: str) -> None:
    search = caseload_for_user(user=crowded[who], filters=DashboardFilters(q="familie12"))
    _assert_indexed(search.values_list("pk", "attention"))  # type: ignore[misc]


def test_trajectory_lookup_uses_indexes(crowded: dict[str, User]) -> None:
    lead = crowded["lead"]
    page = (
        visible_trajectories(lead)
        .annotate(_grant_role=_role_annotation(lead))
        .filter(reference="PLAN-17")
    )
    _assert_indexed(page)


def test_the_check_sees_a_sequential_scan(crowded: dict[str, User]) -> None:
    """Positive control: the old rule, "granted OR led team" in one condition, is caught."""
    from django.db.models import Q

    lead = crowded["lead"]
    granted = CaseGrant.objects.filter(user=lead).values("trajectory_id")
    old_rule = Trajectory.objects.filter(
        Q(pk__in=granted) | Q(team_id__in=[lead.memberships.get().team_id])
    )
    assert "Seq Scan" in _trajectory_scans(old_rule.values_list("pk"))

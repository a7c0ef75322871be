"""record_list_read: one read row per trajectory of a list, written in multi-row INSERTs."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.audit.services import record_list_read
from samenopweg.cases.models import Trajectory
from tests.factories import TrajectoryFactory, UserFactory


def _trajectories(count: int) -> list[int]:
    """`count` trajectories: one made by the factory, the rest copies of it (fast)."""
    first = TrajectoryFactory.create()
    made = Trajectory.objects.bulk_create(
        [
            Trajectory(
                team=first.team,
                organisation=first.organisation,
                owner=first.owner,
                created_by=first.owner,
                framework=first.framework,
                reference=f"LIST-{n}",
            )
            for n in range(1, count)
        ]
    )
    return [first.pk, *(t.pk for t in made)]


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "statements"), [(1, 1), (50, 1), (500, 1), (1201, 3)])
def test_one_row_per_trajectory_in_few_statements(count: int, statements: int) -> None:
    """More ids than one statement takes (SQLite: 32,766 parameters) are split, none lost."""
    actor: Any = UserFactory.create()
    ids = sorted(_trajectories(count))
    with CaptureQueriesContext(connection) as captured:
        record_list_read(actor=actor, object_type="cases.trajectory", trajectory_ids=ids)
    inserts = [q for q in captured.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == statements
    rows = AuditEvent.objects.filter(actor=actor)
    assert sorted(rows.values_list("trajectory_id", flat=True)) == ids
    assert set(rows.values_list("object_id", flat=True)) == {str(i) for i in ids}
    assert set(rows.values_list("action", flat=True)) == {AuditAction.VIEW}


@pytest.mark.django_db
def test_nothing_shown_nothing_written() -> None:
    record_list_read(actor=UserFactory.create(), object_type="cases.trajectory", trajectory_ids=[])
    assert not AuditEvent.objects.exists()

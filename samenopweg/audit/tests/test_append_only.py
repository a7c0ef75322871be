"""Raw SQL cannot rewrite an audit row either: REPLACE, upsert and MERGE are refused (issue 11)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.audit.services import record

pytestmark = pytest.mark.django_db

TABLE = AuditEvent._meta.db_table
SQLITE_ONLY = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's REPLACE")
POSTGRES_ONLY = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")


@pytest.fixture
def event(world: Any) -> AuditEvent:
    return record(
        actor=world.owner, action=AuditAction.VIEW, object_type="test", trajectory=world.trajectory
    )


def _rewrite(sql: str, event: AuditEvent) -> None:
    """Run `sql` (with `{table}`) giving the existing row's id; it must fail and change nothing."""
    before = AuditEvent.objects.count()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            sql.format(table=TABLE),
            [event.pk, event.at, "view", "tampered", "", "{}", "", "", "", event.trajectory_id],
        )
    row = AuditEvent.objects.get(pk=event.pk)
    assert (row.object_type, row.actor_id, row.at) == ("test", event.actor_id, event.at)
    assert AuditEvent.objects.count() == before


COLUMNS = (
    "(id, at, action, object_type, object_id, detail, actor_label, user_agent, path, trajectory_id)"
)
VALUES = "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"


@SQLITE_ONLY
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE INTO", "REPLACE INTO"])
def test_sqlite_refuses_to_replace_an_audit_row(event: AuditEvent, verb: str) -> None:
    _rewrite(f"{verb} {{table}} {COLUMNS} {VALUES}", event)


@SQLITE_ONLY
def test_sqlite_refuses_an_upsert_onto_an_audit_row(event: AuditEvent) -> None:
    _rewrite(
        f"INSERT INTO {{table}} {COLUMNS} {VALUES} "
        "ON CONFLICT(id) DO UPDATE SET object_type = excluded.object_type",
        event,
    )


@POSTGRES_ONLY
def test_postgresql_refuses_an_upsert_onto_an_audit_row(event: AuditEvent) -> None:
    _rewrite(
        f"INSERT INTO {{table}} {COLUMNS} {VALUES} "
        "ON CONFLICT (id) DO UPDATE SET object_type = EXCLUDED.object_type",
        event,
    )


@POSTGRES_ONLY
def test_postgresql_refuses_a_merge_onto_an_audit_row(event: AuditEvent) -> None:
    _rewrite(
        "MERGE INTO {table} t USING (SELECT %s::bigint AS id, %s::timestamptz AS at, "
        "%s AS action, %s AS object_type, %s AS object_id, %s::jsonb AS detail, "
        "%s AS actor_label, %s AS user_agent, %s AS path, %s::bigint AS trajectory_id) s ON t.id = s.id "
        "WHEN MATCHED THEN UPDATE SET object_type = s.object_type",
        event,
    )


def test_a_new_row_with_its_own_id_is_still_written(event: AuditEvent) -> None:
    """The guard looks at the id only: appending stays possible, also with an explicit id."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} {COLUMNS} {VALUES}",
            [event.pk + 1000, event.at, "view", "other", "", "{}", "", "", "", event.trajectory_id],
        )
    assert AuditEvent.objects.filter(pk=event.pk + 1000, object_type="other").exists()
    assert AuditEvent.objects.get(pk=event.pk).object_type == "test"

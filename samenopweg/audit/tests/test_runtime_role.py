"""PostgreSQL: the app's runtime role cannot switch the audit triggers off (issue 11, point 7).

A login role is made once per module (its name unique, so parallel runs do not clash; roles are
cluster-wide) and `grant_runtime_role` runs for it on a connection of its own, so the grants are
committed and a second connection as that role sees them. The checks are asked inside the test's
transaction with `SET LOCAL ROLE`, which the rollback undoes together with any GRANT or owner
change made for the test.
"""

from __future__ import annotations

import copy
import io
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from samenopweg.audit.checks import check_runtime_role
from samenopweg.audit.models import AuditEvent
from samenopweg.plainlanguage.models import JargonTerm

AUDIT = AuditEvent._meta.db_table
ORDINARY = JargonTerm._meta.db_table
POSTGRES_ONLY = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")
SQLITE_ONLY = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite")


def _connect(**extra: Any) -> Any:
    """A psycopg connection to the test database, as the test's user unless `user` is given."""
    import psycopg

    settings = connections["default"].settings_dict
    params = {
        "dbname": settings["NAME"],
        "user": settings["USER"],
        "password": settings["PASSWORD"],
        "host": settings["HOST"],
        "port": settings["PORT"],
    }
    params.update(extra)
    return psycopg.connect(
        **{key: value for key, value in params.items() if value}, autocommit=True
    )


def _grant_on_a_connection_of_its_own(role: str) -> str:
    """Run the command outside any test transaction, so that its grants are committed."""
    alias = f"grant_{role}"
    default = connections["default"]
    connections[alias] = type(default)(copy.deepcopy(default.settings_dict), alias)
    out = io.StringIO()
    try:
        call_command("grant_runtime_role", role, database=alias, stdout=out)
    finally:
        connections[alias].close()
        del connections[alias]
    return out.getvalue()


@pytest.fixture(scope="module")
def runtime_role(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    name = f"sow_test_runtime_{uuid.uuid4().hex[:12]}"
    with django_db_blocker.unblock():
        with _connect() as admin:
            admin.execute(f'CREATE ROLE "{name}" LOGIN NOSUPERUSER')
        try:
            _grant_on_a_connection_of_its_own(name)
        except BaseException:
            _drop_role(name)
            raise
    yield name
    with django_db_blocker.unblock():
        _drop_role(name)


def _drop_role(name: str) -> None:
    with _connect() as admin:
        admin.execute(f'REASSIGN OWNED BY "{name}" TO CURRENT_USER')
        admin.execute(f'DROP OWNED BY "{name}"')  # its grants, default privileges included
        admin.execute(f'DROP ROLE "{name}"')


@pytest.fixture
def as_runtime_role(runtime_role: str) -> Iterator[Any]:
    """A second connection, logged in as the runtime role; nothing it does is committed."""
    with _connect(user=runtime_role, password=None) as runtime:
        runtime.execute("SET lock_timeout = '5s'")  # a refusal must come from privileges
        with runtime.transaction(force_rollback=True):
            yield runtime


def _insert_audit_row(db: Any) -> int:
    row = db.execute(
        f"INSERT INTO {AUDIT} (at, action, object_type, object_id, detail, actor_label,"
        " user_agent, path) VALUES (now(), 'view', 'test', '', '{}', '', '', '') RETURNING id"
    ).fetchone()
    return int(row[0])


ATTACKS = {
    "disable-trigger": f"ALTER TABLE {AUDIT} DISABLE TRIGGER ALL",
    "replication-role": "SET session_replication_role = replica",
    "delete": f"DELETE FROM {AUDIT}",
    "update": f"UPDATE {AUDIT} SET object_type = 'tampered'",
    "truncate": f"TRUNCATE {AUDIT}",
}


@POSTGRES_ONLY
@pytest.mark.parametrize("statement", list(ATTACKS.values()), ids=list(ATTACKS))
def test_the_runtime_role_cannot_bend_the_audit_table(as_runtime_role: Any, statement: str) -> None:
    import psycopg

    added = _insert_audit_row(as_runtime_role)
    before = as_runtime_role.execute(f"SELECT count(*) FROM {AUDIT}").fetchone()[0]
    with pytest.raises(psycopg.errors.InsufficientPrivilege), as_runtime_role.transaction():
        as_runtime_role.execute(statement)
    assert as_runtime_role.execute(f"SELECT count(*) FROM {AUDIT}").fetchone()[0] == before
    assert as_runtime_role.execute(
        f"SELECT object_type FROM {AUDIT} WHERE id = %s", [added]
    ).fetchone() == ("test",)
    assert as_runtime_role.execute("SHOW session_replication_role").fetchone() == ("origin",)


@POSTGRES_ONLY
def test_the_runtime_role_reads_and_writes_the_ordinary_tables(as_runtime_role: Any) -> None:
    term = f"rt-{uuid.uuid4().hex[:8]}"
    as_runtime_role.execute(
        f"INSERT INTO {ORDINARY} (term, alternative, explanation, is_active, updated_at)"
        " VALUES (%s, 'iets eenvoudigs', '', true, now())",
        [term],
    )
    as_runtime_role.execute(
        f"UPDATE {ORDINARY} SET alternative = 'nog eenvoudiger' WHERE term = %s", [term]
    )
    assert as_runtime_role.execute(
        f"SELECT alternative FROM {ORDINARY} WHERE term = %s", [term]
    ).fetchone() == ("nog eenvoudiger",)
    as_runtime_role.execute(f"DELETE FROM {ORDINARY} WHERE term = %s", [term])
    added = _insert_audit_row(as_runtime_role)
    assert as_runtime_role.execute(
        f"SELECT count(*) FROM {AUDIT} WHERE id = %s", [added]
    ).fetchone() == (1,)


# What the command grants, read from the catalog as the test's (superuser) connection.
PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"]


def _privileges(role: str, table: str) -> set[str]:
    held = set()
    with connection.cursor() as cursor:
        for privilege in PRIVILEGES:
            cursor.execute("SELECT has_table_privilege(%s, %s, %s)", [role, table, privilege])
            if cursor.fetchone()[0]:
                held.add(privilege)
    return held


@POSTGRES_ONLY
@pytest.mark.django_db
def test_grant_runtime_role_grants_exactly_what_the_app_needs_and_is_idempotent(
    runtime_role: str,
) -> None:
    tables = [AUDIT, ORDINARY, "django_migrations", "django_session"]
    before = {table: _privileges(runtime_role, table) for table in tables}
    assert before[AUDIT] == {"SELECT", "INSERT"}
    assert before[ORDINARY] == before["django_session"] == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    assert before["django_migrations"] == {"SELECT"}

    out = io.StringIO()
    call_command("grant_runtime_role", runtime_role, stdout=out)
    call_command("grant_runtime_role", runtime_role, stdout=out)

    assert {table: _privileges(runtime_role, table) for table in tables} == before
    assert f"op {AUDIT} alleen SELECT en INSERT" in out.getvalue()


@POSTGRES_ONLY
@pytest.mark.django_db
def test_tables_made_later_by_the_owner_get_the_same_privileges(runtime_role: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE sow_test_made_later (id bigint GENERATED BY DEFAULT AS IDENTITY)"
        )
    assert _privileges(runtime_role, "sow_test_made_later") == {
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
    }


@POSTGRES_ONLY
@pytest.mark.django_db
def test_grant_runtime_role_refuses_an_unknown_role_and_the_connected_role() -> None:
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("grant_runtime_role", f"sow_test_nobody_{uuid.uuid4().hex[:8]}")
    with pytest.raises(CommandError, match="Je bent verbonden als"):
        call_command("grant_runtime_role", connection.settings_dict["USER"])


@SQLITE_ONLY
@pytest.mark.django_db
def test_grant_runtime_role_refuses_sqlite() -> None:
    with pytest.raises(CommandError, match="alleen voor PostgreSQL"):
        call_command("grant_runtime_role", "samenopweg_app")


def _check_ids(**kwargs: Any) -> list[str]:
    return [message.id or "" for message in check_runtime_role(**kwargs)]


def _become(role: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'SET LOCAL ROLE "{role}"')


@POSTGRES_ONLY
@pytest.mark.django_db
def test_the_check_warns_when_the_app_runs_as_a_superuser(settings: Any) -> None:
    settings.DEBUG = False
    (message,) = check_runtime_role(databases=["default"])
    assert message.id == "samenopweg.W001"
    assert "superuser" in message.msg


@POSTGRES_ONLY
@pytest.mark.django_db
def test_the_check_warns_when_the_app_role_owns_the_audit_table(
    settings: Any, runtime_role: str
) -> None:
    settings.DEBUG = False
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER TABLE {AUDIT} OWNER TO "{runtime_role}"')
    _become(runtime_role)
    (message,) = check_runtime_role(databases=["default"])
    assert message.id == "samenopweg.W001"
    assert f"eigenaar van {AUDIT}" in message.msg


@POSTGRES_ONLY
@pytest.mark.django_db
def test_the_check_warns_when_the_app_role_may_set_the_replication_role(
    settings: Any, runtime_role: str
) -> None:
    if connection.pg_version < 150000:  # type: ignore[attr-defined]
        pytest.skip("before PostgreSQL 15 only a superuser may set it")
    settings.DEBUG = False
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT SET ON PARAMETER session_replication_role TO "{runtime_role}"')
    _become(runtime_role)
    (message,) = check_runtime_role(databases=["default"])
    assert message.id == "samenopweg.W001"
    assert "session_replication_role" in message.msg


@POSTGRES_ONLY
@pytest.mark.django_db
def test_the_check_warns_when_the_app_role_may_still_change_audit_rows(
    settings: Any, runtime_role: str
) -> None:
    settings.DEBUG = False
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT UPDATE, DELETE ON {AUDIT} TO "{runtime_role}"')
    _become(runtime_role)
    assert _check_ids(databases=["default"]) == ["samenopweg.W002"]


@POSTGRES_ONLY
@pytest.mark.django_db
def test_the_check_is_silent_as_the_runtime_role(settings: Any, runtime_role: str) -> None:
    settings.DEBUG = False
    _become(runtime_role)
    assert _check_ids(databases=["default"]) == []


@pytest.mark.django_db
def test_the_check_says_nothing_without_a_database_or_in_debug(settings: Any) -> None:
    settings.DEBUG = False
    assert _check_ids() == []  # plain `check` and `check --deploy` (make check)
    settings.DEBUG = True
    assert _check_ids(databases=["default"]) == []


@SQLITE_ONLY
@pytest.mark.django_db
def test_the_check_is_silent_on_sqlite(settings: Any) -> None:
    settings.DEBUG = False
    assert _check_ids(databases=["default"]) == []


@pytest.mark.django_db
def test_the_check_only_notes_an_unreachable_database(settings: Any) -> None:
    from django.db.backends.postgresql.base import DatabaseWrapper

    settings.DEBUG = False
    alias = "sow_test_unreachable"
    connections[alias] = DatabaseWrapper(
        {
            **copy.deepcopy(connections["default"].settings_dict),
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "nowhere",
            "USER": "nobody",
            "HOST": "127.0.0.1",
            "PORT": "1",
            "OPTIONS": {"connect_timeout": 2},
        },
        alias,
    )
    try:
        assert _check_ids(databases=[alias]) == ["samenopweg.I001"]
    finally:
        connections[alias].close()
        del connections[alias]

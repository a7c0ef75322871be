"""PostgreSQL: the app's runtime role must not be able to switch the audit table's triggers off.

The triggers (migration audit.0003) refuse UPDATE, DELETE and TRUNCATE, but a table's owner can
`ALTER TABLE ... DISABLE TRIGGER` and a superuser can `SET session_replication_role = replica`.
So the app runs as a role that owns nothing and may only read and add audit rows; the owner runs
the migrations and `manage.py grant_runtime_role`. See docs/CONFIGURATION.md (Runtime role).

The functions take any DB-API cursor with `%s` parameters (Django's or psycopg's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from samenopweg.audit.models import AuditEvent

AUDIT_TABLE = AuditEvent._meta.db_table
# Written by migrate only; the app reads it (`check`, `showmigrations`) and never writes it.
MIGRATIONS_TABLE = "django_migrations"


class Cursor(Protocol):
    def execute(self, sql: str, params: Any = ...) -> Any: ...
    def fetchone(self) -> Any: ...


class RuntimeRoleError(Exception):
    """The grant cannot be done as asked; the message says why, for the operator."""


@dataclass(frozen=True)
class AuditPowers:
    """What a role could do to the audit table beyond reading and adding rows."""

    role: str
    superuser: bool
    owns_audit_table: bool  # owner, or member of the owning role: may DISABLE TRIGGER
    may_set_replication_role: bool  # `SET session_replication_role` skips every trigger
    may_change_audit_rows: bool  # holds UPDATE, DELETE or TRUNCATE (the triggers still refuse)
    audit_table_found: bool

    def ways_around_the_triggers(self) -> list[str]:
        if self.superuser:  # a superuser counts as member of every role: say it once
            return ["is superuser"]
        ways = []
        if self.owns_audit_table:
            ways.append(f"is eigenaar van {AUDIT_TABLE} (of lid van de eigenaarsrol)")
        if self.may_set_replication_role:
            ways.append("mag session_replication_role zetten")
        return ways


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _one(cursor: Cursor, sql: str, params: Any = None) -> Any:
    cursor.execute(sql, params)
    return cursor.fetchone()


def current_role(cursor: Cursor) -> str:
    return str(_one(cursor, "SELECT current_user")[0])


def audit_powers(cursor: Cursor, role: str | None = None) -> AuditPowers:
    """The powers of `role` (default: the connected role) over the audit table."""
    role = role or current_role(cursor)
    row = _one(
        cursor,
        "SELECT r.rolsuper, c.oid IS NOT NULL,"
        " COALESCE(pg_has_role(r.oid, c.relowner, 'MEMBER'), false),"
        " COALESCE(has_table_privilege(r.oid, c.oid, 'UPDATE, DELETE, TRUNCATE'), false)"
        " FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass(%s)"
        " WHERE r.rolname = %s",
        [AUDIT_TABLE, role],
    )
    if row is None:
        raise RuntimeRoleError(f"De rol {role!r} bestaat niet.")
    superuser, found, owns, may_change = (bool(value) for value in row)
    may_set = superuser
    # From PostgreSQL 15 on a superuser can hand out the right to set it (GRANT SET ON PARAMETER).
    if not superuser and int(_one(cursor, "SHOW server_version_num")[0]) >= 150000:
        may_set = bool(
            _one(
                cursor,
                "SELECT has_parameter_privilege(%s, 'session_replication_role', 'SET')",
                [role],
            )[0]
        )
    return AuditPowers(
        role=role,
        superuser=superuser,
        owns_audit_table=owns,
        may_set_replication_role=may_set,
        may_change_audit_rows=may_change,
        audit_table_found=found,
    )


@dataclass(frozen=True)
class Granted:
    role: str
    database: str
    schema: str
    owner: str
    tables: int
    sequences: int


def grant_runtime_role(cursor: Cursor, role: str) -> Granted:
    """Give `role` exactly what the app needs; idempotent. Run in one transaction, as the owner.

    Every table in the schema: SELECT, INSERT, UPDATE, DELETE; the audit table only SELECT and
    INSERT, django_migrations only SELECT; every sequence USAGE and SELECT; the same for the
    tables and sequences the owner creates later (ALTER DEFAULT PRIVILEGES). Whatever else the
    role held on them (TRUNCATE, REFERENCES, TRIGGER) is taken away.
    """
    me = current_role(cursor)
    database, schema = _one(cursor, "SELECT current_database(), current_schema()")
    target = audit_powers(cursor, role)  # raises when the role does not exist
    if role == me:
        raise RuntimeRoleError(
            f"Je bent verbonden als {role!r}. Voer dit uit als de eigenaar van de tabellen "
            "(de rol van `migrate`) en geef de rol van de app mee."
        )
    if target.superuser:
        raise RuntimeRoleError(
            f"{role!r} is superuser: die kan de triggers van de audit altijd uitschakelen. "
            "Geef de app een gewone rol (NOSUPERUSER)."
        )
    if not target.audit_table_found:
        raise RuntimeRoleError(
            f"De tabel {AUDIT_TABLE} bestaat niet in schema {schema!r}: voer eerst "
            "`manage.py migrate` uit."
        )
    if target.owns_audit_table:
        raise RuntimeRoleError(
            f"{role!r} is eigenaar van {AUDIT_TABLE} of lid van de eigenaarsrol, en kan dus de "
            "triggers uitschakelen. Geef de app een eigen rol die niets bezit."
        )
    mine = audit_powers(cursor, me)
    if not (mine.superuser or mine.owns_audit_table):
        raise RuntimeRoleError(
            f"Je bent verbonden als {me!r}, die {AUDIT_TABLE} niet bezit. Voer dit uit met de "
            "DATABASE_URL van de eigenaar (de rol van `migrate`)."
        )
    owner = str(
        _one(
            cursor,
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass(%s)",
            [AUDIT_TABLE],
        )[0]
    )
    r, s, o = _quote(role), _quote(schema), _quote(owner)
    audit, migrations = _quote(AUDIT_TABLE), _quote(MIGRATIONS_TABLE)
    statements = [
        f"GRANT CONNECT ON DATABASE {_quote(database)} TO {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"REVOKE UPDATE, DELETE ON {audit} FROM {r}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM PUBLIC",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s}"
        f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s}"
        f" GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    ]
    if _one(cursor, "SELECT to_regclass(%s) IS NOT NULL", [MIGRATIONS_TABLE])[0]:
        statements.append(f"REVOKE INSERT, UPDATE, DELETE ON {migrations} FROM {r}")
    for statement in statements:
        cursor.execute(statement)
    tables, sequences = _one(
        cursor,
        "SELECT count(*) FILTER (WHERE c.relkind IN ('r', 'p')),"
        " count(*) FILTER (WHERE c.relkind = 'S')"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s",
        [schema],
    )
    return Granted(
        role=role,
        database=str(database),
        schema=str(schema),
        owner=owner,
        tables=int(tables),
        sequences=int(sequences),
    )

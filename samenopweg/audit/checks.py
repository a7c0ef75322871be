"""System check: on PostgreSQL the app must not run as a role that can bend the audit table.

Tagged `database` and registered as a deploy check, so it runs only with
`manage.py check --deploy --database default` (with the app's DATABASE_URL): not in `migrate`,
which runs as the owner on purpose and would warn every time, and never without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Info, Tags, Warning, register
from django.db import DatabaseError, connections

from samenopweg.audit.runtime_role import AUDIT_TABLE, AuditPowers, audit_powers

HINT = (
    "Laat de app draaien als een rol die geen tabellen bezit en voer als eigenaar "
    "`manage.py grant_runtime_role <rol>` uit; zie docs/CONFIGURATION.md (Runtime role)."
)


def runtime_role_messages(powers: AuditPowers, alias: str) -> list[CheckMessage]:
    """W001 when the role can switch the triggers off; W002 when it still holds rights on rows."""
    ways = powers.ways_around_the_triggers()
    if ways:
        return [
            Warning(
                f"De databankrol {powers.role!r} ({alias}) kan de bescherming van {AUDIT_TABLE} "
                f"uitschakelen en dan auditregels wissen: {', '.join(ways)}.",
                hint=HINT,
                id="samenopweg.W001",
            )
        ]
    if powers.may_change_audit_rows:
        return [
            Warning(
                f"De databankrol {powers.role!r} ({alias}) heeft UPDATE, DELETE of TRUNCATE op "
                f"{AUDIT_TABLE}; alleen de triggers houden dat nog tegen.",
                hint=HINT,
                id="samenopweg.W002",
            )
        ]
    return []


@register(Tags.database, Tags.security, deploy=True)
def check_runtime_role(
    app_configs: Any = None, databases: Sequence[str] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    if databases is None or settings.DEBUG:
        return []
    messages: list[CheckMessage] = []
    for alias in databases:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue  # SQLite has no roles: the triggers are all there is
        try:
            with connection.cursor() as cursor:
                powers = audit_powers(cursor)
        except DatabaseError as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            messages.append(
                Info(
                    f"De rol van de databank {alias!r} kon niet nagekeken worden: {reason}",
                    id="samenopweg.I001",
                )
            )
            continue
        messages.extend(runtime_role_messages(powers, alias))
    return messages

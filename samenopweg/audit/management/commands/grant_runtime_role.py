"""PostgreSQL: give the app's runtime role what it needs and nothing that bends the audit.

    manage.py grant_runtime_role ROLE [--database ALIAS]

Run it as the owner of the tables (the role that runs `migrate`), after every `migrate` and
`restore`; it is idempotent. See samenopweg.audit.runtime_role for what is granted and
docs/CONFIGURATION.md (Runtime role) for the set-up.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from samenopweg.audit.runtime_role import AUDIT_TABLE, RuntimeRoleError, grant_runtime_role


class Command(BaseCommand):
    help = (
        "Geef de rol waarmee de app draait (PostgreSQL) lees- en schrijfrechten op de tabellen, "
        "maar op de audit alleen SELECT en INSERT. Uit te voeren als eigenaar van de tabellen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="De rol van de app, bv. samenopweg_app.")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="De databank (standaard: default)."
        )

    def handle(self, *args: Any, role: str, database: str, **options: Any) -> None:
        connection = connections[database]
        if connection.vendor != "postgresql":
            raise CommandError(
                f"grant_runtime_role is er alleen voor PostgreSQL; deze databank is "
                f"{connection.vendor}. SQLite kent geen rollen: daar beschermen alleen de "
                "triggers de audit."
            )
        try:
            with transaction.atomic(using=database), connection.cursor() as cursor:
                granted = grant_runtime_role(cursor, role)
        except RuntimeRoleError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{granted.role} in {granted.database}.{granted.schema}: SELECT, INSERT, UPDATE, "
            f"DELETE op {granted.tables} tabellen, op {AUDIT_TABLE} alleen SELECT en INSERT; "
            f"USAGE en SELECT op {granted.sequences} sequences; hetzelfde voor wat "
            f"{granted.owner} later maakt."
        )

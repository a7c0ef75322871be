"""Put a backup archive back into an empty database and an empty upload directory.

    manage.py restore PATH [--yes]
    manage.py restore PATH --check    (only check the archive)

The archive is checked completely first (manifest, checksums, app, database vendor, known
migrations); a damaged or foreign archive is refused before anything is touched. Restore never
overwrites: a database with tables or an upload directory with files is refused.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenopweg.core.backup import BackupError, describe, inspect_archive, restore_backup


class Command(BaseCommand):
    help = "Zet een archief van `manage.py backup` terug in een lege databank."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Het archief (.tar.gz).")
        parser.add_argument("--yes", action="store_true", help="Niet om bevestiging vragen.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Alleen het archief controleren, niets terugzetten.",
        )

    def handle(
        self, *args: Any, path: Path, yes: bool = False, check: bool = False, **options: Any
    ) -> None:
        try:
            if check or not yes:
                manifest = inspect_archive(path)
                self.stdout.write(f"{path} is in orde: {describe(manifest)}.")
                if check:
                    return
                self._confirm()
            manifest = restore_backup(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Teruggezet: {describe(manifest)}. Voer nu `manage.py migrate` uit "
            "(nodig als de code nieuwer is dan het archief) en start de app."
        )

    def _confirm(self) -> None:
        if not sys.stdin.isatty():
            raise CommandError("Geef --yes mee om zonder vraag terug te zetten.")
        answer = input("Terugzetten in de ingestelde databank en uploadmap? Typ 'ja': ")
        if answer.strip().lower() != "ja":
            raise CommandError("Niets teruggezet.")

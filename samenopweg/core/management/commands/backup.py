"""Write one archive of the database and the uploaded files; meant for a nightly timer.

    manage.py backup [--output PATH]

See samenopweg.core.backup for what is in the archive and docs/CONFIGURATION.md (Backup) for
the schedule. The archive holds case data: keep it encrypted and off the web server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenopweg.core.backup import BackupError, create_backup, describe


class Command(BaseCommand):
    help = "Bewaar de databank en de uploads in één gecontroleerd archief (tar.gz)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Pad van het archief (standaard: SAMENOPWEG_BACKUP_DIR/samenopweg-<tijd>.tar.gz).",
        )

    def handle(self, *args: Any, output: Path | None = None, **options: Any) -> None:
        try:
            path, manifest = create_backup(output=output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{path}: {describe(manifest)}.")

"""Load fictional demo data: organisations, demo logins and seven families in different stages.

Each family also gets its WHAT (mapping sessions and a full map, danger statements with safety
goals and bottom lines, a few rounds of the scaling question) and most a HOW (safety network,
plans, a story), written through the services, so with their audit rows and history. The data
lives in samenopweg/demo/families/, one module per family; builders.py writes it.

Only runs when ``settings.DEMO_MODE`` is on: every demo account has the password ``demo``.
Running it again creates nothing twice; it prints the demo logins every time.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samenopweg.demo.loader import load
from samenopweg.demo.organisations import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Laadt fictieve demogegevens (organisaties, demo-accounts met wachtwoord 'demo' en "
        "zeven gezinnen). Werkt alleen als DEMO_MODE aan staat."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError(
                "DEMO_MODE staat uit: de demogegevens worden niet geladen. Demo-accounts hebben "
                "het wachtwoord 'demo' en mogen nooit in productie bestaan. Zet SAMENOPWEG_DEMO=1 "
                "alleen op een demo- of ontwikkelomgeving."
            )
        report = load()
        self.stdout.write(
            f"Nieuw aangemaakt: {report.created_users} gebruikers, {report.created_families} "
            f"trajecten; {report.skipped_families} trajecten bestonden al en zijn overgeslagen. "
            f"Kaart, gevaarsboodschappen en schaalvragen toegevoegd bij {report.created_whats} "
            f"trajecten; {report.created_hows} veiligheidsafspraken en -plannen."
        )
        width = max(len(login.username) for login in DEMO_LOGINS)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo-aanmeldingen (alleen voor demo's!)"))
        for login in DEMO_LOGINS:
            self.stdout.write(
                f"  {login.username.ljust(width)} / {DEMO_PASSWORD} — {login.description}"
            )

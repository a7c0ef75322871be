"""Remove autosaved drafts nobody came back to (run daily from cron, next to send_notifications)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from samenopweg.cases.models import Draft


class Command(BaseCommand):
    help = "Verwijder concepten die langer dan SAMENOPWEG_DRAFT_RETENTION_DAYS niet bewaard zijn."

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = timezone.now() - datetime.timedelta(days=settings.DRAFT_RETENTION_DAYS)
        deleted, _ = Draft.objects.filter(updated_at__lt=cutoff).delete()
        self.stdout.write(f"{deleted} oude concepten verwijderd.")

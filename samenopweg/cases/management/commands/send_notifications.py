"""Mail the notifications that have not been sent yet; meant for cron (every minute or so).

    manage.py send_notifications [--limit N]

Each unsent `Notification` goes to its recipient's e-mail address. A sent one gets `sent_at`;
one that cannot be sent keeps `sent_at` empty and says why in `last_error`, so the next run tries
again (after the ones that have not failed yet, so a few failing ones never block the queue).

A message is marked as sent only after the mail server took it: if the process stops in between,
that message goes out again on the next run. Run it from one cron job, not from several at once.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from samenopweg.cases.models import Notification

NO_EMAIL = "geen e-mailadres"
INACTIVE = "gebruiker niet actief"
_BATCH = 200


class Command(BaseCommand):
    help = "Verstuur de meldingen die nog niet verzonden zijn per e-mail."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--limit", type=int, default=None, help="Verstuur hoogstens N meldingen in deze run."
        )

    def handle(self, *args: Any, limit: int | None = None, **options: Any) -> None:
        if limit is not None and limit < 1:
            raise CommandError("--limit moet minstens 1 zijn.")
        unsent = Notification.objects.filter(sent_at__isnull=True)
        # Messages that never failed first, oldest first.
        queue = unsent.annotate(
            failed_before=Case(
                When(last_error="", then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        ).order_by("failed_before", "created_at", "id")
        pks = queue.values_list("pk", flat=True)
        ids = list(pks[:limit] if limit else pks)

        sent = skipped = failed = 0
        for start in range(0, len(ids), _BATCH):
            batch = (
                Notification.objects.filter(
                    pk__in=ids[start : start + _BATCH], sent_at__isnull=True
                )
                .select_related("recipient")
                .order_by("created_at", "id")
            )
            for notification in batch:
                outcome = self._send(notification)
                if outcome == "sent":
                    sent += 1
                elif outcome == "skipped":
                    skipped += 1
                else:
                    failed += 1

        remaining = unsent.count()
        self.stdout.write(
            f"Meldingen: {sent} verzonden, {skipped} overgeslagen (geen e-mailadres of "
            f"gebruiker niet actief), {failed} mislukt; {remaining} nog niet verzonden."
        )

    def _send(self, notification: Notification) -> str:
        recipient = notification.recipient
        address = (recipient.email or "").strip()
        if not recipient.is_active:
            self._fail(notification, INACTIVE)
            return "skipped"
        if not address:
            self._fail(notification, NO_EMAIL)
            return "skipped"
        try:
            send_mail(notification.subject, notification.body, None, [address])
        except Exception as exc:  # keep going: one bad address or a hiccup must not stop the rest
            self._fail(notification, f"{type(exc).__name__}: {exc}")
            self.stderr.write(
                f"Melding {notification.pk} aan {recipient.get_username()} mislukt: "
                f"{type(exc).__name__}"
            )
            return "failed"
        Notification.objects.filter(pk=notification.pk).update(
            sent_at=timezone.now(), last_error=""
        )
        return "sent"

    @staticmethod
    def _fail(notification: Notification, reason: str) -> None:
        Notification.objects.filter(pk=notification.pk).update(last_error=reason[:300])

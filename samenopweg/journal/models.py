"""The contact log (journal) and tasks of a trajectory."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.items import Item, WithdrawableItem
from samenopweg.cases.models import Trajectory
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import EVENT_DATE_VALIDATORS, NOTE_MAX, REPORT_MAX
from samenopweg.people.models import Person


class ContactKind(models.TextChoices):
    CONVERSATION = "conversation", _("Gesprek")
    HOME_VISIT = "home_visit", _("Huisbezoek")
    PHONE = "phone", _("Telefoon")
    NETWORK_MEETING = "network_meeting", _("Netwerkoverleg")
    MAIL = "mail", _("Mail of brief")
    # Written by the family's pages: someone of the family first read what was shared.
    PORTAL = "portal", _("Via de gezinspagina")


class JournalEntry(WithdrawableItem):
    """One contact with the family or network. Corrections keep the earlier text."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="journal_entries"
    )
    occurred_on = models.DateField(
        _("datum"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )
    kind = models.CharField(_("soort contact"), max_length=20, choices=ContactKind.choices)
    participants = models.ManyToManyField(
        Person, blank=True, related_name="journal_entries", verbose_name=_("wie was erbij")
    )
    other_participants = models.CharField(
        _("andere deelnemers"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld professionals die niet in het traject staan."),
    )
    text = BoundedTextField(_("verslag"), max_length=REPORT_MAX)

    class Meta:
        verbose_name = _("logboekbericht")
        verbose_name_plural = _("logboek")
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["trajectory", "-occurred_on"])]


class JournalRevision(models.Model):
    """The text of an entry as it was before a correction (shown to professionals only)."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="revisions")
    version = models.PositiveIntegerField()
    occurred_on = models.DateField()
    kind = models.CharField(max_length=20, choices=ContactKind.choices)
    text = models.TextField()
    other_participants = models.CharField(max_length=300, blank=True)
    audience = models.PositiveSmallIntegerField()
    reason = models.CharField(_("reden van de correctie"), max_length=300, blank=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "version"], name="journal_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.version}"


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Gedaan")
    CANCELLED = "cancelled", _("Geschrapt")


class Task(Item):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="tasks")
    title = models.CharField(_("wat moet er gebeuren?"), max_length=200)
    description = BoundedTextField(_("meer uitleg"), blank=True, max_length=NOTE_MAX)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("wie doet het?"),
    )
    deadline = models.DateField(_("tegen wanneer?"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["status", "deadline", "id"]
        indexes = [
            models.Index(fields=["trajectory", "status", "deadline"]),
            models.Index(fields=["assignee", "status", "deadline"]),
        ]

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == TaskStatus.OPEN
            and self.deadline is not None
            and self.deadline < timezone.localdate()
        )

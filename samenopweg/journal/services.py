"""Writes on the journal and tasks; each is one transaction with its audit row."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import changes_between, record
from samenopweg.cases.models import Trajectory
from samenopweg.core.locking import save_versioned
from samenopweg.journal.models import JournalEntry, JournalRevision, Task, TaskStatus
from samenopweg.people.models import Person


def _check_participants(trajectory: Trajectory, participants: Iterable[Person]) -> list[Person]:
    people = list(participants)
    if any(p.trajectory_id != trajectory.pk for p in people):
        raise ValidationError({"participants": _("Kies alleen personen van dit traject.")})
    return people


@transaction.atomic
def add_journal_entry(
    *,
    trajectory: Trajectory,
    occurred_on: datetime.date,
    kind: str,
    text: str,
    audience: int,
    participants: Iterable[Person] = (),
    other_participants: str = "",
    actor: Any,
    request: HttpRequest | None = None,
) -> JournalEntry:
    people = _check_participants(trajectory, participants)
    entry = JournalEntry(
        trajectory=trajectory,
        occurred_on=occurred_on,
        kind=kind,
        text=text.strip(),
        audience=audience,
        other_participants=other_participants.strip(),
        author=actor,
    )
    entry.full_clean()
    entry.save()
    entry.participants.set(people)
    record(actor=actor, action=AuditAction.CREATE, obj=entry, request=request)
    return entry


@transaction.atomic
def correct_journal_entry(
    *,
    entry: JournalEntry,
    expected_version: int,
    occurred_on: datetime.date,
    kind: str,
    text: str,
    audience: int,
    participants: Iterable[Person],
    other_participants: str,
    reason: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> JournalEntry:
    """A correction: the earlier text is kept as a revision, visible to professionals."""
    if entry.is_withdrawn:
        raise ValidationError(_("Dit bericht is ingetrokken en kan niet meer gecorrigeerd worden."))
    people = _check_participants(entry.trajectory, participants)
    before = JournalEntry.objects.get(pk=entry.pk)
    entry.occurred_on, entry.kind, entry.text = occurred_on, kind, text.strip()
    entry.audience, entry.other_participants = audience, other_participants.strip()
    entry.full_clean()
    save_versioned(
        entry,
        expected_version=expected_version,
        fields=["occurred_on", "kind", "text", "audience", "other_participants"],
    )
    JournalRevision.objects.create(
        entry=entry,
        version=expected_version,
        occurred_on=before.occurred_on,
        kind=before.kind,
        text=before.text,
        other_participants=before.other_participants,
        audience=before.audience,
        reason=reason.strip(),
        replaced_by=actor,
    )
    entry.participants.set(people)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=entry,
        request=request,
        detail={"version": entry.version, "reason": reason.strip()[:200]},
    )
    return entry


@transaction.atomic
def withdraw_journal_entry(
    *, entry: JournalEntry, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """Nothing is deleted: a withdrawn entry is hidden from the family, struck through for professionals."""
    if not reason.strip():
        raise ValidationError({"reason": _("Zeg waarom je dit bericht intrekt.")})
    if entry.is_withdrawn:
        return
    entry.withdrawn_at = timezone.now()
    entry.withdrawn_by = actor
    entry.withdrawn_reason = reason.strip()[:300]
    # A new version, so a correction that was started before the withdrawal meets a conflict.
    save_versioned(
        entry,
        expected_version=entry.version,
        fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"],
    )
    record(
        actor=actor,
        action=AuditAction.WITHDRAW,
        obj=entry,
        request=request,
        detail={"reason": entry.withdrawn_reason},
    )


@transaction.atomic
def add_task(
    *,
    trajectory: Trajectory,
    title: str,
    description: str,
    assignee: Any,
    deadline: datetime.date | None,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> Task:
    task = Task(
        trajectory=trajectory,
        title=title.strip(),
        description=description.strip(),
        assignee=assignee,
        deadline=deadline,
        audience=audience,
        created_by=actor,
    )
    task.full_clean()
    task.save()
    record(actor=actor, action=AuditAction.CREATE, obj=task, request=request)
    return task


@transaction.atomic
def update_task(
    *,
    task: Task,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
    **changes: Any,
) -> Task:
    allowed = {"title", "description", "assignee", "deadline", "audience", "status"}
    if set(changes) - allowed:
        raise ValueError(f"not editable: {sorted(set(changes) - allowed)}")
    before = {name: getattr(task, name) for name in changes}
    for name, value in changes.items():
        setattr(task, name, value)
    fields = list(changes)
    if "status" in changes:
        closing = changes["status"] != TaskStatus.OPEN
        task.closed_at = timezone.now() if closing else None
        task.closed_by = actor if closing else None
        fields += ["closed_at", "closed_by"]
    task.full_clean()
    save_versioned(task, expected_version=expected_version, fields=fields)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=task,
        request=request,
        detail=changes_between(before, changes),
    )
    return task

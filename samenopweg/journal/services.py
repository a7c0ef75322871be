"""Writes on the journal and tasks. The kernel (cases.items) does the shared part of each write:
the closed-file refusal, the version check, the history row and the audit row, in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.cases import items
from samenopweg.cases.models import Trajectory
from samenopweg.journal.models import JournalEntry, JournalRevision, Task, TaskStatus
from samenopweg.people.models import Person

TASK_FIELDS = frozenset({"title", "description", "assignee", "deadline", "audience", "status"})


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
    entry = JournalEntry(
        trajectory=trajectory,
        occurred_on=occurred_on,
        kind=kind,
        text=text.strip(),
        audience=audience,
        other_participants=other_participants.strip(),
    )
    return items.create(
        item=entry,
        actor=actor,
        request=request,
        many={"participants": _check_participants(trajectory, participants)},
    )


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
    items.refuse_withdrawn(
        entry, _("Dit bericht is ingetrokken en kan niet meer gecorrigeerd worden.")
    )

    def revision(before: JournalEntry) -> JournalRevision:
        return JournalRevision(
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

    return items.update(
        item=entry,
        expected_version=expected_version,
        fields={
            "occurred_on": occurred_on,
            "kind": kind,
            "text": text.strip(),
            "audience": audience,
            "other_participants": other_participants.strip(),
        },
        many={"participants": _check_participants(entry.trajectory, participants)},
        history=revision,
        actor=actor,
        request=request,
        detail={"reason": reason.strip()[:200]},
    )


def withdraw_journal_entry(
    *, entry: JournalEntry, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """Nothing is deleted: a withdrawn entry is hidden from the family, struck through for
    professionals. A new version, so a correction started before it meets a conflict."""
    items.withdraw(item=entry, reason=reason, actor=actor, request=request)


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
    )
    return items.create(item=task, actor=actor, request=request)


def update_task(
    *,
    task: Task,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
    **changes: Any,
) -> Task:
    if set(changes) - TASK_FIELDS:
        raise ValueError(f"not editable: {sorted(set(changes) - TASK_FIELDS)}")
    fields = dict(changes)
    if "status" in changes:
        closing = changes["status"] != TaskStatus.OPEN
        fields["closed_at"] = timezone.now() if closing else None
        fields["closed_by"] = actor if closing else None
    return items.update(
        item=task, expected_version=expected_version, fields=fields, actor=actor, request=request
    )

"""Writes on the map: sessions and entries. Each is one transaction with its audit row.

Nothing is deleted: a moved entry keeps its identity, merged entries point to the entry that
replaced them, a withdrawn entry keeps its text and reason.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.assessments.models import MapCategory, MapEntry, MappingSession, ProfessionalView
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases.models import PROFESSIONAL_CASE_ROLES, CaseGrant, Trajectory
from samenopweg.core.locking import EditConflict, save_versioned
from samenopweg.people.models import Person


def _check_view(
    trajectory: Trajectory, view_of_person: Person | None, view_of_role: str
) -> tuple[Person | None, str]:
    """Whose view: exactly one of a person of this trajectory or a professional role."""
    if (view_of_person is None) == (not view_of_role):
        raise ValidationError(
            {
                "view_of_person": _(
                    "Zeg wiens kijk dit is: een persoon van het traject of een professional."
                )
            }
        )
    if view_of_person is not None and view_of_person.trajectory_id != trajectory.pk:
        raise ValidationError({"view_of_person": _("Kies een persoon van dit traject.")})
    if view_of_role and view_of_role not in ProfessionalView.values:
        raise ValidationError({"view_of_role": _("Kies een rol uit de lijst.")})
    return view_of_person, view_of_role


def _check_session(trajectory: Trajectory, session: MappingSession | None) -> None:
    if session is not None and session.trajectory_id != trajectory.pk:
        raise ValidationError({"session": _("Kies een gesprek van dit traject.")})


def _check_category(category: str) -> None:
    if category not in MapCategory.values:
        raise ValidationError({"category": _("Kies waar dit op de kaart hoort.")})


def _check_current(entry: MapEntry) -> None:
    if not entry.is_current:
        raise ValidationError(
            _("Deze regel is samengevoegd of ingetrokken en staat niet meer op de kaart.")
        )


def _next_position(trajectory: Trajectory, category: str) -> int:
    """After the last entry of the category, so a new line lands at the bottom."""
    last = MapEntry.objects.filter(trajectory=trajectory, category=category).aggregate(
        last=Max("position")
    )["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def record_mapping_session(
    *,
    trajectory: Trajectory,
    held_on: datetime.date,
    participants: Iterable[Person] = (),
    professionals: Iterable[Any] = (),
    other_participants: str = "",
    actor: Any,
    request: HttpRequest | None = None,
) -> MappingSession:
    """A mapping conversation: persons of this trajectory and professionals on it took part."""
    people = list(participants)
    if any(p.trajectory_id != trajectory.pk for p in people):
        raise ValidationError({"participants": _("Kies alleen personen van dit traject.")})
    users = list(professionals)
    on_case = set(
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, role__in=PROFESSIONAL_CASE_ROLES)
        .values_list("user_id", flat=True)
    )
    if any(u.pk not in on_case for u in users):
        raise ValidationError(
            {"professionals": _("Kies alleen professionals die aan dit traject werken.")}
        )
    session = MappingSession(
        trajectory=trajectory,
        held_on=held_on,
        other_participants=other_participants.strip(),
        created_by=actor,
    )
    session.full_clean()
    session.save()
    session.participants.set(people)
    session.professionals.set(users)
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=session,
        request=request,
        detail={"participants": len(people), "professionals": len(users)},
    )
    return session


def _new_entry(
    *,
    trajectory: Trajectory,
    category: str,
    text: str,
    audience: int,
    view_of_person: Person | None,
    view_of_role: str,
    session: MappingSession | None,
    actor: Any,
) -> MapEntry:
    _check_view(trajectory, view_of_person, view_of_role)
    _check_session(trajectory, session)
    _check_category(category)
    entry = MapEntry(
        trajectory=trajectory,
        session=session,
        category=category,
        text=text.strip(),
        audience=audience,
        view_of_person=view_of_person,
        view_of_role=view_of_role,
        position=_next_position(trajectory, category),
        created_by=actor,
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def add_map_entry(
    *,
    trajectory: Trajectory,
    category: str,
    text: str,
    audience: int,
    view_of_person: Person | None = None,
    view_of_role: str = "",
    session: MappingSession | None = None,
    actor: Any,
    request: HttpRequest | None = None,
) -> MapEntry:
    """A new line on the map, in the given category, saying whose view it is."""
    entry = _new_entry(
        trajectory=trajectory,
        category=category,
        text=text,
        audience=audience,
        view_of_person=view_of_person,
        view_of_role=view_of_role,
        session=session,
        actor=actor,
    )
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=entry,
        request=request,
        detail={"category": category, "session": session.pk if session else None},
    )
    return entry


@transaction.atomic
def update_map_entry(
    *,
    entry: MapEntry,
    expected_version: int,
    text: str,
    audience: int,
    view_of_person: Person | None,
    view_of_role: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> MapEntry:
    """Change the words, whose view or the audience; EditConflict when someone saved first."""
    _check_current(entry)
    _check_view(entry.trajectory, view_of_person, view_of_role)
    entry.text, entry.audience = text.strip(), audience
    entry.view_of_person, entry.view_of_role = view_of_person, view_of_role
    entry.full_clean()
    save_versioned(
        entry,
        expected_version=expected_version,
        fields=["text", "audience", "view_of_person", "view_of_role"],
    )
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=entry,
        request=request,
        detail={"version": entry.version},
    )
    return entry


@transaction.atomic
def move_map_entry(
    *,
    entry: MapEntry,
    expected_version: int,
    category: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> MapEntry:
    """Put the entry in another category (and so perhaps another column), at its bottom."""
    _check_current(entry)
    _check_category(category)
    before = entry.category
    if category == before:
        return entry
    entry.category = category
    entry.position = _next_position(entry.trajectory, category)
    save_versioned(entry, expected_version=expected_version, fields=["category", "position"])
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=entry,
        request=request,
        detail={"moved_from": before, "moved_to": category, "version": entry.version},
    )
    return entry


@transaction.atomic
def merge_map_entries(
    *,
    trajectory: Trajectory,
    entries: Sequence[MapEntry],
    expected_versions: Mapping[int, int],
    text: str,
    category: str,
    audience: int,
    view_of_person: Person | None = None,
    view_of_role: str = "",
    actor: Any,
    request: HttpRequest | None = None,
) -> MapEntry:
    """Replace two or more entries by one new entry; the old ones stay, pointing to it.

    `expected_versions` maps each entry's id to the version that was shown when the merged text
    was written; when one changed since, EditConflict carries its current state.
    """
    if len({e.pk for e in entries}) < 2:
        raise ValidationError({"entries": _("Kies minstens twee regels om samen te voegen.")})
    if any(e.trajectory_id != trajectory.pk for e in entries):
        raise ValidationError({"entries": _("Kies alleen regels van dit traject.")})
    for old in entries:
        _check_current(old)
    merged = _new_entry(
        trajectory=trajectory,
        category=category,
        text=text,
        audience=audience,
        view_of_person=view_of_person,
        view_of_role=view_of_role,
        session=None,
        actor=actor,
    )
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=merged,
        request=request,
        detail={"category": category, "merged_from": sorted(e.pk for e in entries)},
    )
    now = timezone.now()
    for old in entries:
        version = expected_versions.get(old.pk, old.version)
        updated = MapEntry.objects.filter(
            pk=old.pk, version=version, merged_into__isnull=True, withdrawn_at__isnull=True
        ).update(merged_into=merged, version=F("version") + 1, updated_at=now)
        if updated != 1:
            # Rolls back the new entry and the entries merged so far.
            raise EditConflict(MapEntry.objects.get(pk=old.pk))
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=old,
            request=request,
            detail={"merged_into": merged.pk},
        )
    return merged


@transaction.atomic
def withdraw_map_entry(
    *, entry: MapEntry, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """Take an entry off the map; it is kept with its reason, professionals still see it."""
    reason = reason.strip()[:300]
    if not reason:
        raise ValidationError({"reason": _("Zeg waarom je deze regel intrekt.")})
    if entry.withdrawn_at is not None:
        return
    if entry.merged_into_id is not None:
        raise ValidationError(_("Deze regel is al samengevoegd met een andere."))
    now = timezone.now()
    # The version moves on, so an edit begun before the withdrawal ends in a conflict.
    updated = MapEntry.objects.filter(
        pk=entry.pk, merged_into__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=now, withdrawn_reason=reason, version=F("version") + 1, updated_at=now)
    if updated != 1:
        raise ValidationError(
            _("Deze regel is intussen samengevoegd of ingetrokken door iemand anders.")
        )
    entry.withdrawn_at, entry.withdrawn_reason = now, reason
    entry.version += 1
    record(
        actor=actor,
        action=AuditAction.WITHDRAW,
        obj=entry,
        request=request,
        detail={"reason": reason},
    )

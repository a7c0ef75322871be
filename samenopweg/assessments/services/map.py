"""Writes on the map: sessions and entries. Each is one transaction with its audit row.

The entries are case-file items: their creation, edits and withdrawal go through the kernel
(`cases.items`), which refuses a closed trajectory, checks the version and writes the audit row.
Nothing is deleted: a moved entry keeps its identity, merged entries point to the entry that
replaced them, a withdrawn entry keeps its text and reason.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils.translation import gettext as _

from samenopweg.assessments.models import MapCategory, MapEntry, MappingSession, ProfessionalView
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import items
from samenopweg.cases.models import PROFESSIONAL_CASE_ROLES, CaseGrant, Trajectory
from samenopweg.core.locking import EditConflict
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
    """A mapping conversation: persons of this trajectory and professionals on it took part.

    A session is no item (no audience, never edited), so it is saved here; the kernel's
    closed-file refusal holds for it all the same.
    """
    items.refuse_closed(trajectory)
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
    request: HttpRequest | None,
    detail: dict[str, Any],
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
    )
    return items.create(item=entry, actor=actor, request=request, detail=detail)


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
    return _new_entry(
        trajectory=trajectory,
        category=category,
        text=text,
        audience=audience,
        view_of_person=view_of_person,
        view_of_role=view_of_role,
        session=session,
        actor=actor,
        request=request,
        detail={"category": category, "session": session.pk if session else None},
    )


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
    return items.update(
        item=entry,
        expected_version=expected_version,
        fields={
            "text": text.strip(),
            "audience": audience,
            # The id: comparing the person before and after then reads no Person rows.
            "view_of_person_id": view_of_person.pk if view_of_person is not None else None,
            "view_of_role": view_of_role,
        },
        actor=actor,
        request=request,
    )


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
    return items.update(
        item=entry,
        expected_version=expected_version,
        fields={"category": category, "position": _next_position(entry.trajectory, category)},
        actor=actor,
        request=request,
        detail={"moved_from": before, "moved_to": category},
    )


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
    was written; when one changed since, EditConflict carries its current state (and the new
    entry and the entries merged so far roll back).
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
        request=request,
        detail={"category": category, "merged_from": sorted(e.pk for e in entries)},
    )
    for old in entries:
        items.update(
            item=old,
            expected_version=expected_versions.get(old.pk, old.version),
            fields={"merged_into": merged},
            actor=actor,
            request=request,
            detail={"merged_into": merged.pk},
        )
    return merged


@transaction.atomic
def withdraw_map_entry(
    *, entry: MapEntry, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """Take an entry off the map; it is kept with its reason, professionals still see it."""
    if not reason.strip():
        raise ValidationError({"reason": _("Zeg waarom je deze regel intrekt.")})
    if entry.withdrawn_at is not None:
        return
    if entry.merged_into_id is not None:
        raise ValidationError(_("Deze regel is al samengevoegd met een andere."))
    try:
        # The version as read: merged meanwhile (or changed) is refused, never withdrawn blindly.
        items.withdraw(
            item=entry,
            reason=reason,
            actor=actor,
            request=request,
            expected_version=entry.version,
        )
    except EditConflict as conflict:
        if conflict.current.is_current:
            raise
        raise ValidationError(
            _("Deze regel is intussen samengevoegd of ingetrokken door iemand anders.")
        ) from None

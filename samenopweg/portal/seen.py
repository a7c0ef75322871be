"""Professionals see what the family saw and said (issue 14, point 5): when a parent, a young
person or a network member first opened a shared item on their page, on the item itself
(through cases.extensions, next to the statement, goal, bottom line or rule) and as one line in
the journal per visit that showed something new; and each response they gave there (their view
on an item, a check-in on a rule, a feedback round) as a journal line of its own
(`note_response`), written in the same transaction as the response."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenopweg.assessments.services.statements import person_labels
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.extensions import ItemNote, ItemNotes, NoteKey
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind
from samenopweg.journal.services import add_journal_entry
from samenopweg.people.models import Person
from samenopweg.portal.models import FirstSeen

# How the journal line names what was read, per model.
_WHAT = {
    "assessments.dangerstatement": ("%(n)s zorg", "%(n)s zorgen"),
    "assessments.safetygoal": ("%(n)s doel", "%(n)s doelen"),
    "assessments.bottomline": (
        "%(n)s punt dat zeker moet veranderen",
        "%(n)s punten die zeker moeten veranderen",
    ),
    "safety_plans.planrule": ("%(n)s afspraak", "%(n)s afspraken"),
}


def mark_seen(
    access: CaseAccess,
    user: Any,
    person: Person | None,
    keys: Sequence[NoteKey],
    request: HttpRequest | None = None,
) -> int:
    """Record the first time this user saw each of `keys` (model label, pk); the ones seen
    before are left as they are. Writes one journal line (for professionals only) when
    something was new. One query when nothing is new; returns how many were new."""
    if not keys or access.is_professional:
        return 0
    wanted = set(keys)
    seen = set(
        FirstSeen.objects.filter(
            user=user,
            object_type__in={kind for kind, _pk in wanted},
            object_id__in={pk for _kind, pk in wanted},
        ).values_list("object_type", "object_id")
    )
    new = sorted(wanted - seen)
    if not new:
        return 0
    now = timezone.now()
    with transaction.atomic():
        FirstSeen.objects.bulk_create(
            [
                FirstSeen(
                    trajectory=access.trajectory,
                    user=user,
                    person=person,
                    object_type=kind,
                    object_id=pk,
                    seen_at=now,
                )
                for kind, pk in new
            ],
            ignore_conflicts=True,  # two tabs at once: the first one counts
        )
        counts: dict[str, int] = {}
        for kind, _pk in new:
            counts[kind] = counts.get(kind, 0) + 1
        if access.trajectory.is_closed:
            return len(new)  # a closed file takes no new journal line; the marks are kept
        parts = [
            ngettext(*_WHAT[kind], n) % {"n": n} for kind, n in counts.items() if kind in _WHAT
        ]
        who = _who(access, user, person)
        add_journal_entry(
            trajectory=access.trajectory,
            occurred_on=timezone.localdate(now),
            kind=ContactKind.PORTAL,
            text=_("%(who)s las voor het eerst: %(what)s.")
            % {"who": who, "what": ", ".join(parts)},
            audience=Audience.PROFESSIONALS,
            participants=[person] if person is not None else [],
            actor=user,
            request=request,
        )
    return len(new)


def note_response(
    access: CaseAccess,
    user: Any,
    person: Person | None,
    what: str,
    request: HttpRequest | None = None,
) -> None:
    """One journal line, for professionals only, for something a family member did on their
    page: "Mama Katrien ziet het anders bij “…”: …". Call it inside the
    response's transaction. A closed file takes no new journal line (the response itself is
    where the professionals read it)."""
    if access.is_professional or access.trajectory.is_closed:
        return
    add_journal_entry(
        trajectory=access.trajectory,
        occurred_on=timezone.localdate(),
        kind=ContactKind.PORTAL,
        text=_("%(who)s %(what)s") % {"who": _who(access, user, person), "what": _sentence(what)},
        audience=Audience.PROFESSIONALS,
        participants=[person] if person is not None else [],
        actor=user,
        request=request,
    )


def _sentence(text: str) -> str:
    """A full stop at the end, unless their own words already end the sentence."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…", ")", "”")) else f"{text}."


def _who(access: CaseAccess, user: Any, person: Person | None) -> str:
    if person is not None:
        return person_labels(access.trajectory, [person])[person.pk]
    return str(user)


def seen_notes(access: Any, objects: Sequence[models.Model]) -> ItemNotes:
    """For professionals: "Gelezen door mama An: voor het eerst op 03/12/2026 14:05", next to
    each item someone of the family opened. One query (two when there is something to name)."""
    found = ItemNotes()
    if not getattr(access, "is_professional", False) or not objects:
        return found
    wanted = {(obj._meta.label_lower, obj.pk) for obj in objects}
    rows = list(
        FirstSeen.objects.filter(
            trajectory=access.trajectory,
            object_type__in={kind for kind, _pk in wanted},
            object_id__in={pk for _kind, pk in wanted},
        )
        .select_related("person", "user")
        .order_by("seen_at", "id")
    )
    rows = [row for row in rows if (row.object_type, row.object_id) in wanted]
    if not rows:
        return found
    persons = {row.person.pk: row.person for row in rows if row.person is not None}
    labels = person_labels(access.trajectory, persons.values()) if persons else {}
    for row in rows:
        who = labels.get(row.person_id or 0) or str(row.user)
        when = formats.date_format(timezone.localtime(row.seen_at), "SHORT_DATETIME_FORMAT")
        found.notes.setdefault((row.object_type, row.object_id), []).append(
            ItemNote(
                heading=_("Gelezen door %(who)s") % {"who": who},
                text=_("voor het eerst op %(when)s") % {"when": when},
                kind="seen",
            )
        )
    return found

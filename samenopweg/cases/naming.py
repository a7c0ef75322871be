"""How a family is named on professionals' pages: the children first, the reference second.

A consultant with 80 families knows them as "Emma (9) en Lucas (6) Peeters", not as
OCJ-GNT-2026-00042; the reference stays on a second line for letters and the youth judge.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import F
from django.utils.translation import gettext as _


@dataclass(frozen=True, slots=True)
class ChildName:
    first_name: str
    last_name: str
    date_of_birth: datetime.date | None


def age_on(born: datetime.date | None, today: datetime.date) -> int | None:
    """Age in whole years on `today`, or None when the date of birth is unknown."""
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def and_join(parts: Sequence[str]) -> str:
    """ "Emma, Lucas en Mila"."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {_('en')} {parts[-1]}"


def family_label(children: Iterable[ChildName], today: datetime.date) -> str:
    """ "Emma (9) en Lucas (6) Peeters"; children with different family names each get theirs:
    "Emma Peeters (9) en Noah Janssens (3)". Oldest first, as given; "" without children."""
    kids = list(children)
    if not kids:
        return ""

    def first(child: ChildName, name: str) -> str:
        age = age_on(child.date_of_birth, today)
        return name if age is None else f"{name} ({age})"

    last_names = {c.last_name.strip().casefold() for c in kids}
    if len(last_names) == 1 and kids[0].last_name.strip():
        return f"{and_join([first(c, c.first_name) for c in kids])} {kids[0].last_name.strip()}"
    return and_join([first(c, f"{c.first_name} {c.last_name}".strip()) for c in kids])


def children_of(trajectory: object) -> list[ChildName]:
    """The children of one trajectory, oldest first, in one query (the reverse relation of
    people.Person: cases names no model above it). For professionals' pages only: it does
    not apply the item rule, which lets professionals see every person."""
    rows = (
        trajectory.persons.filter(is_child=True)  # type: ignore[attr-defined]
        .order_by(F("date_of_birth").asc(nulls_last=True), "first_name", "id")
        .values_list("first_name", "last_name", "date_of_birth")
    )
    return [ChildName(*row) for row in rows]

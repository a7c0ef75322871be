"""Reads of the map: its entries by column and category, whose view each is, the sessions.

Everything starts from `cases.access.visible_items`, so the family will get the same rule when
their pages come.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import (
    CATEGORY_COLUMN,
    MapCategory,
    MapColumn,
    MapEntry,
    MappingSession,
)
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.extensions import page_notes
from samenopweg.cases.models import PROFESSIONAL_CASE_ROLES, CaseGrant
from samenopweg.people.models import Gender, Person, Relation, RelationKind

# The brochure's questions ("samen de situatie in kaart brengen"), as prompts on the page.
COLUMN_PROMPTS = {
    MapColumn.WORRIES: _("Wat zijn de zorgen van iedereen die betrokken is?"),
    MapColumn.GOING_WELL: _("Wat gaat er goed in het gezin?"),
    MapColumn.NEEDS: _("Wat is er nodig, zodat iedereen weet dat het kind veilig genoeg is?"),
}
CATEGORY_PROMPTS = {
    MapCategory.HARM: [
        _("Wat is de schade uit het verleden?"),
        _("Wat is de impact op het kind?"),
    ],
    MapCategory.DANGER_SHORT: [
        _(
            "Wat is het gevaar dat het kind kan lopen indien er niet gehandeld wordt, op korte, "
            "middellange en lange termijn?"
        )
    ],
    MapCategory.DANGER_MEDIUM: [],
    MapCategory.DANGER_LONG: [],
    MapCategory.COMPLICATING: [_("Wat maakt het moeilijker om de zorgen aan te pakken?")],
    MapCategory.STRENGTH: [_("Waar is het gezin goed in? Wie helpt al?")],
    MapCategory.EXISTING_SAFETY: [_("Wie beschermt het kind nu al, hoe, en sinds wanneer?")],
    MapCategory.EXCEPTION: [_("Wanneer ging het wel goed? Wat werkte toen?")],
    MapCategory.CHANGE: [_("Wat willen het kind, de ouders en het netwerk anders zien?")],
    MapCategory.NEXT_STEP: [_("Wat is de volgende stap, en wie zet ze?")],
}

# How the family calls someone on the map: "mama Sarah", "opa Jos".
_RELATION_WORDS = {
    RelationKind.MOTHER: _("mama"),
    RelationKind.FATHER: _("papa"),
    RelationKind.STEPMOTHER: _("plusmama"),
    RelationKind.STEPFATHER: _("pluspapa"),
    RelationKind.FOSTER_PARENT: _("pleegouder"),
    RelationKind.GUARDIAN: _("voogd"),
}
_BY_GENDER = {
    RelationKind.GRANDPARENT: {Gender.FEMALE: _("oma"), Gender.MALE: _("opa")},
    RelationKind.SIBLING: {Gender.FEMALE: _("zus"), Gender.MALE: _("broer")},
}


@dataclass
class MapLine:
    """One current entry as the page shows it.

    The map page fills in the presentation fields once per request (views.map.prepare_lines):
    fifty entries each rendering their own links, labels and a select of ten categories made
    the template the bulk of the page's cost.
    """

    entry: MapEntry
    whose: str
    merged_from: list[MapEntry] = field(default_factory=list)
    short: str = ""  # the first words, for screen-reader labels of the actions
    audience_label: str = ""
    url_prefix: str = ""  # …/kaart/regels/<id>/ : aanpassen/, intrekken/, verplaatsen/
    move_options: str = ""  # the <optgroup>s of the move select, this entry's category selected


@dataclass
class CategoryBlock:
    category: str
    label: str
    prompts: list[str]
    lines: list[MapLine]


@dataclass
class ColumnBlock:
    column: str
    label: str
    prompt: str
    categories: list[CategoryBlock]
    # What the children said that belongs in this column (cases.extensions.page_notes).
    child_notes: list[Any] = field(default_factory=list)


@dataclass
class MapBoard:
    """The whole current map of a trajectory, plus what was taken off it."""

    columns: list[ColumnBlock]
    withdrawn: list[MapLine]
    count: int


def person_label(person: Person, relation_kind: str = "") -> str:
    """'mama Sarah' for a parent, the first name alone for a child or when no word fits."""
    word = _RELATION_WORDS.get(relation_kind)  # type: ignore[call-overload]
    if word is None:
        word = _BY_GENDER.get(relation_kind, {}).get(person.gender)  # type: ignore[call-overload]
    return f"{word} {person.first_name}" if word else person.first_name


def map_persons(access: CaseAccess) -> list[tuple[Person, str]]:
    """The persons of the trajectory with their map label: children first. Two queries."""
    persons = list(
        visible_items(access, Person.objects.all()).order_by(
            "-is_child", "date_of_birth", "first_name", "id"
        )
    )
    kinds: dict[int, str] = {}
    for person_id, kind in (
        Relation.objects.filter(trajectory=access.trajectory)
        .order_by("id")
        .values_list("person_id", "kind")
    ):
        kinds.setdefault(person_id, kind)
    return [(p, person_label(p, kinds.get(p.pk, ""))) for p in persons]


def whose_view(entry: MapEntry, labels: dict[int, str]) -> str:
    if entry.view_of_person_id is not None:
        return labels.get(entry.view_of_person_id, "")
    return str(entry.get_view_of_role_display()).lower()


def current_map_entries(access: CaseAccess) -> QuerySet[MapEntry]:
    """Entries that are on the map now: not merged into another, not withdrawn."""
    return visible_items(
        access, MapEntry.objects.filter(merged_into__isnull=True, withdrawn_at__isnull=True)
    )


def map_board(access: CaseAccess, labels: dict[int, str]) -> MapBoard:
    """All entries in one query, grouped by column and category; merged ones under their result."""
    entries = list(visible_items(access, MapEntry.objects.all()).order_by("position", "id"))
    merged: dict[int, list[MapEntry]] = defaultdict(list)
    by_category: dict[str, list[MapLine]] = defaultdict(list)
    withdrawn: list[MapLine] = []
    for entry in entries:
        if entry.merged_into_id is not None:
            merged[entry.merged_into_id].append(entry)
        elif entry.withdrawn_at is not None:
            withdrawn.append(MapLine(entry, whose_view(entry, labels)))
        else:
            by_category[entry.category].append(MapLine(entry, whose_view(entry, labels)))
    count = 0
    for lines in by_category.values():
        count += len(lines)
        for line in lines:
            line.merged_from = merged.get(line.entry.pk, [])
    columns = [
        ColumnBlock(
            column=column.value,
            label=str(column.label),
            prompt=str(COLUMN_PROMPTS[column]),
            categories=[
                CategoryBlock(
                    category=category.value,
                    label=str(category.label),
                    prompts=[str(p) for p in CATEGORY_PROMPTS[category]],
                    lines=by_category.get(category.value, []),
                )
                for category in MapCategory
                if CATEGORY_COLUMN[category] == column
            ],
        )
        for column in MapColumn
    ]
    withdrawn.sort(key=lambda line: line.entry.withdrawn_at or line.entry.created_at, reverse=True)
    # What the children said, per column (child_voice's houses, through cases.extensions).
    notes = page_notes(access, "map")
    for column in columns:
        column.child_notes = notes.get(column.column, [])
    return MapBoard(columns=columns, withdrawn=withdrawn, count=count)


@dataclass
class SessionLine:
    """One mapping session with who took part, as names to show."""

    session: MappingSession
    participants: list[str]
    professionals: list[str]
    entry_count: int

    @property
    def everyone(self) -> list[str]:
        others = [self.session.other_participants] if self.session.other_participants else []
        return self.participants + self.professionals + others


def mapping_sessions(access: CaseAccess, labels: dict[int, str]) -> list[SessionLine]:
    """The sessions of the trajectory, latest first, with who took part. Three queries."""
    sessions = (
        MappingSession.objects.filter(trajectory=access.trajectory)
        .annotate(entry_count=Count("entries"))
        .prefetch_related("participants", "professionals")
        .order_by("-held_on", "-id")
    )
    return [
        SessionLine(
            session=s,
            participants=[labels.get(p.pk, p.first_name) for p in s.participants.all()],
            professionals=[str(u) for u in s.professionals.all()],
            entry_count=s.entry_count,  # type: ignore[attr-defined]
        )
        for s in sessions
    ]


def session_professionals(access: CaseAccess) -> QuerySet[CaseGrant]:
    """Professionals who may be named in a session: a current grant on this trajectory."""
    return (
        CaseGrant.objects.current()
        .filter(trajectory=access.trajectory, role__in=PROFESSIONAL_CASE_ROLES)
        .select_related("user")
        .order_by("role", "user__first_name", "user__username", "id")
    )

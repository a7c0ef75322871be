"""What a higher app adds to a lower app's page, without the lower app importing it.

The statements, map and plan pages (assessments, safety_plans) show next to a danger
statement, a safety goal, a bottom line or a plan rule what a child said about it, and the
scaling chart shows where a child put themself on the safety path as a line of its own. What a
child said lives in `child_voice`, a layer above those pages. So a lower page asks here, and the
higher app registers its providers once, in its `AppConfig.ready()`: the imports keep pointing
down (`child_voice` imports this module; this module imports no practice app).

- `attach_notes(access, objects)`: every provider's notes on the objects a page shows, put on
  each object as `item_notes` (a list of `ItemNote`) and `item_flag` (a short warning, or "").
  A provider reads its notes in a fixed number of queries for all objects together, and shows
  only what the item rule lets this user see.
- `page_notes(access, page)`: notes for a whole page, in groups the page names (the map page
  asks for "map" and gets what the children said per column of the map).
- `extra_series(access)`: more lines for the scaling chart, as `ExtraSeries`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models

NoteKey = tuple[str, int]  # (the model's label_lower, its pk)


def note_key(obj: models.Model) -> NoteKey:
    return (obj._meta.label_lower, obj.pk)


@dataclass(frozen=True)
class ItemNote:
    """One thing said about an item, shown next to it: "Wat Lena zegt: …"."""

    heading: str  # "Wat Lena zegt", "Wat oma Rita zegt namens Lena"
    text: str  # the words as they were said, in the speaker's spelling
    url: str = ""  # where it was said (the session), for whoever may open it
    said_on: datetime.date | None = None
    # "words": said about the item (a quote); "seen": when someone of the family first read it
    kind: str = "words"


@dataclass
class ItemNotes:
    """What one provider says about the objects of a page."""

    notes: dict[NoteKey, list[ItemNote]] = field(default_factory=dict)
    flags: dict[NoteKey, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtraSeries:
    """A line for a trend chart, with the same fields as `assessments.charts.Series`."""

    label: str
    points: Sequence[tuple[datetime.date, int]]
    key: str = ""


NotesProvider = Callable[[Any, Sequence[models.Model]], ItemNotes]
SeriesProvider = Callable[[Any], Sequence[ExtraSeries]]
PageNotesProvider = Callable[[Any], Mapping[str, Sequence[ItemNote]]]

_note_providers: list[NotesProvider] = []
_series_providers: list[SeriesProvider] = []
_page_providers: dict[str, list[PageNotesProvider]] = {}


def register_notes(provider: NotesProvider) -> None:
    """Called from a higher app's `AppConfig.ready()`; registering twice is once."""
    if provider not in _note_providers:
        _note_providers.append(provider)


def register_series(provider: SeriesProvider) -> None:
    if provider not in _series_providers:
        _series_providers.append(provider)


def register_page_notes(page: str, provider: PageNotesProvider) -> None:
    providers = _page_providers.setdefault(page, [])
    if provider not in providers:
        providers.append(provider)


def attach_notes(access: Any, objects: Iterable[models.Model]) -> list[models.Model]:
    """Put every provider's notes and flag on each object (`item_notes`, `item_flag`)."""
    objects = [obj for obj in objects if obj is not None]
    for obj in objects:
        obj.item_notes = []  # type: ignore[attr-defined]
        obj.item_flag = ""  # type: ignore[attr-defined]
    if not objects:
        return objects
    by_key = {note_key(obj): obj for obj in objects}
    for provider in _note_providers:
        found = provider(access, objects)
        for key, notes in found.notes.items():
            if key in by_key:
                by_key[key].item_notes.extend(notes)  # type: ignore[attr-defined]
        for key, flag in found.flags.items():
            if key in by_key and not by_key[key].item_flag:  # type: ignore[attr-defined]
                by_key[key].item_flag = flag  # type: ignore[attr-defined]
    return objects


def extra_series(access: Any) -> list[ExtraSeries]:
    return [line for provider in _series_providers for line in provider(access)]


def page_notes(access: Any, page: str) -> dict[str, list[ItemNote]]:
    """Every provider's notes for `page`, per group (for the map: per column)."""
    groups: dict[str, list[ItemNote]] = {}
    for provider in _page_providers.get(page, []):
        for group, notes in provider(access).items():
            groups.setdefault(group, []).extend(notes)
    return groups

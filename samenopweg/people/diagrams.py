"""The genogram and the ecomap: inline SVG drawn on the server from the persons and relations
already in the file (no second data entry), each with a text alternative.

Conventions: a square for a man or boy, a circle for a woman or girl, a diamond when not filled
in; a double outline for the children of this trajectory; a line between the two parents, with
two slashes when they do not live together; a line down to the children. On the ecomap the
family sits in the middle and every network member around it: a thick line for a strong tie, a
plain one for an ordinary tie, a dashed one for a weak tie and a zigzag for a tie with friction;
professionals are drawn as rectangles, the informal network as circles. A person under a contact
ban (people.ContactBan) gets a red dashed outline and the words "⚠ contactverbod" on both, and the
ban in the text alternative; the ecomap also draws a banned person who is not in the network,
with a red dashed line. Nothing is told apart by colour alone. Like assessments.charts, every text is escaped and the output depends only on the
input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samenopweg.core.svgtext import Box, fit, text_width, wrap
from samenopweg.people.models import (
    Gender,
    NetworkKind,
    NetworkMember,
    Person,
    Relation,
    RelationKind,
    Tie,
)

INK, MUTED, HOUSEHOLD_FILL, LINE = "#1d2430", "#4a5568", "#dbe7f7", "#374151"
BAN = "#8a1111"  # the red of "not safe" in app.css (--no-ink), always with a dash and words
BAN_DASH = 'stroke-dasharray="6 4"'
# Per banned person (pk): the ban in words, "contactverbod met Emma" (people.selectors).
Bans = Mapping[int, str]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
FONT_SIZE, LINE_HEIGHT = 13, 17  # 13 units: 12 px on a phone, where 340 units are 324 px
CELL, SIZE, MARGIN = 112, 36, 24
WIDE_MIN = 360
# The phone's drawings (narrow=True): this wide, so their text is not shrunk below 12 px.
NARROW_WIDTH, NARROW_MARGIN, NARROW_COLUMNS, NARROW_NODE, NARROW_FAMILY = 340, 6, 3, 18, 92

PARENTS = (RelationKind.MOTHER, RelationKind.FATHER)
GENERATION: dict[str, int] = {
    RelationKind.GRANDPARENT: 0,
    RelationKind.MOTHER: 1,
    RelationKind.FATHER: 1,
    RelationKind.STEPMOTHER: 1,
    RelationKind.STEPFATHER: 1,
    RelationKind.FOSTER_PARENT: 1,
    RelationKind.GUARDIAN: 1,
    RelationKind.OTHER_CAREGIVER: 1,
    RelationKind.OTHER_FAMILY: 1,
    RelationKind.SIBLING: 2,
}
# Parents in the middle of their row, then step-parents and carers, other family at the ends.
ORDER: dict[str, int] = {
    RelationKind.MOTHER: 0,
    RelationKind.FATHER: 0,
    RelationKind.STEPMOTHER: 1,
    RelationKind.STEPFATHER: 1,
    RelationKind.FOSTER_PARENT: 2,
    RelationKind.GUARDIAN: 2,
    RelationKind.OTHER_CAREGIVER: 2,
    RelationKind.GRANDPARENT: 3,
    RelationKind.OTHER_FAMILY: 3,
    RelationKind.SIBLING: 3,
}


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _safe(markup: str) -> SafeString:
    return mark_safe(markup)


def _prefix(id_prefix: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", id_prefix) or "diagram"


def _shape(
    gender: str, x: float, y: float, *, fill: str, double: bool, half: float = SIZE / 2
) -> str:
    """The symbol of one person, centred on (x, y)."""
    stroke = f'stroke="{INK}" stroke-width="2"'
    parts = []
    for inset in (0, half * 5 / 18) if double else (0,):
        h = half - inset
        paint = fill if inset == 0 else "none"
        if gender == Gender.MALE:
            parts.append(
                f'<rect x="{_n(x - h)}" y="{_n(y - h)}" width="{_n(2 * h)}" height="{_n(2 * h)}" '
                f'fill="{paint}" {stroke}/>'
            )
        elif gender == Gender.FEMALE:
            parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(h)}" fill="{paint}" {stroke}/>')
        else:
            points = (
                f"{_n(x)},{_n(y - h)} {_n(x + h)},{_n(y)} {_n(x)},{_n(y + h)} {_n(x - h)},{_n(y)}"
            )
            parts.append(f'<polygon points="{points}" fill="{paint}" {stroke}/>')
    return "".join(parts)


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = FONT_SIZE,
    colour: str = INK,
    weight: str = "",
    anchor: str = "middle",
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{_n(size)}" '
        f'fill="{colour}"{bold}>{escape(text)}</text>'
    )


def _ban_ring(x: float, y: float, half: float) -> str:
    """The red dashed outline around a person under a contact ban."""
    return (
        f'<rect class="ban-mark" x="{_n(x - half)}" y="{_n(y - half)}" width="{_n(2 * half)}" '
        f'height="{_n(2 * half)}" rx="6" fill="none" stroke="{BAN}" stroke-width="2" {BAN_DASH}/>'
    )


def _ban_words() -> str:
    return "⚠ " + _("contactverbod")


@dataclass(frozen=True)
class Label:
    """A block of text lines centred on (x, top ...), its lines already wrapped and cut."""

    lines: list[tuple[str, str, str]]  # (text, colour, weight)
    width: float
    anchor: str = "middle"

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_HEIGHT

    def box(self, x: float, top: float) -> Box:
        left = {"middle": x - self.width / 2, "end": x - self.width}.get(self.anchor, x)
        return Box(left, top, left + self.width, top + self.height)

    def markup(self, x: float, top: float) -> str:
        return "".join(
            _text(
                x,
                top + (i + 1) * LINE_HEIGHT - 4,
                text,
                colour=colour,
                weight=weight,
                anchor=self.anchor,
            )
            for i, (text, colour, weight) in enumerate(self.lines)
        )


def _label(name: str, role: str, *, banned: bool, width: float, anchor: str = "middle") -> Label:
    """A person's name (bold, cut to fit), the role on at most two lines, and the ban."""
    lines = [(fit(name, width, FONT_SIZE, bold=True), INK, "600")] if name else []
    if role:
        lines += [(line, MUTED, "") for line in wrap(role, width, FONT_SIZE)]
    if banned:
        # Not bold: "⚠ contactverbod" then fits the narrow genogram's cell in one line.
        lines.append((fit(_ban_words(), width, FONT_SIZE), BAN, ""))
    used = max((text_width(t, FONT_SIZE, bold=bool(w)) for t, _c, w in lines), default=0.0)
    return Label(lines=lines, width=used, anchor=anchor)


# A legend item: how to draw its symbol at (x, middle), how wide it is, its words and colour.
LegendItem = tuple[Callable[[float, float], str], float, str, str]


def _legend(
    items: Sequence[LegendItem], left: float, top: float, width: float
) -> tuple[str, float]:
    """The items side by side, on a new line when the next does not fit, long words wrapped
    within `width`: the markup and where it ends."""
    out = ['<g class="legend">']
    x, y, row_height = left, top, 0.0
    for draw, symbol_width, words, colour in items:
        room = width - symbol_width - 8
        bold = colour == BAN
        lines = wrap(words, room, FONT_SIZE, bold=bold, lines=3)
        item_width = symbol_width + 8 + max(text_width(t, FONT_SIZE, bold=bold) for t in lines)
        if x > left and x + item_width > left + width:
            x, y, row_height = left, y + row_height, 0.0
        height = max(26.0, len(lines) * LINE_HEIGHT + 8)
        out.append(draw(x, y + 13))
        for i, line in enumerate(lines):
            out.append(
                _text(
                    x + symbol_width + 8,
                    y + 13 + 4.5 + i * LINE_HEIGHT,
                    line,
                    colour=colour,
                    anchor="start",
                    weight="700" if colour == BAN else "",
                )
            )
        row_height = max(row_height, height)
        x += item_width + 18
    out.append("</g>")
    return "".join(out), y + row_height


def _ban_legend_item() -> LegendItem:
    def draw(x: float, y: float) -> str:
        return (
            f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x + 30)}" y2="{_n(y)}" stroke="{BAN}" '
            f'stroke-width="2" {BAN_DASH}/>'
        )

    return draw, 30, "⚠ " + _("rode streepjes: contactverbod, mag niet bij het kind"), BAN


@dataclass
class GenoPerson:
    person: Person
    kinds: list[str] = field(default_factory=list)  # relation kinds to the children
    lives_with: bool = False

    @property
    def generation(self) -> int:
        if self.person.is_child:
            return 2
        return min((GENERATION.get(k, 1) for k in self.kinds), default=1)

    @property
    def order(self) -> int:
        return min((ORDER.get(k, 3) for k in self.kinds), default=3)


def _relation_word(relation: Relation) -> str:
    return str(relation.get_kind_display()).lower()


def genogram_people(persons: Iterable[Person], relations: Iterable[Relation]) -> list[GenoPerson]:
    """The persons the genogram shows: the children and their family (not the wider network)."""
    by_pk = {p.pk: GenoPerson(p) for p in persons}
    for relation in relations:
        entry = by_pk.get(relation.person_id)
        if entry is None or relation.child_id not in by_pk:
            continue
        if relation.kind in GENERATION:
            entry.kinds.append(relation.kind)
        if relation.lives_with_child:
            entry.lives_with = True
    shown = [g for g in by_pk.values() if g.person.is_child or g.kinds]
    for g in shown:
        if g.person.is_child:
            g.lives_with = True  # the household is drawn around the children
    return shown


def _chunks(row: list[GenoPerson], size: int, *, from_end: bool = False) -> list[list[GenoPerson]]:
    if not row:
        return []
    if from_end:  # the parents stand last in their row: the last chunk, right above the children
        cut = len(row) % size or size
        return [row[:cut]] + [row[i : i + size] for i in range(cut, len(row), size)]
    return [row[i : i + size] for i in range(0, len(row), size)]


def genogram_svg(
    persons: Sequence[Person],
    relations: Sequence[Relation],
    *,
    title: str,
    id_prefix: str = "genogram",
    bans: Bans | None = None,
    narrow: bool = False,
) -> SafeString:
    """The family as a genogram: grandparents, parents and carers, children, in three rows.

    `narrow`: the phone's drawing, 340 units wide with at most three persons side by side (a
    generation of more goes on two lines), so its 13-unit text stays 12 px on a phone."""
    prefix = _prefix(id_prefix)
    bans = bans or {}
    people = genogram_people(persons, relations)
    banned_shown = any(g.person.pk in bans for g in people)
    rows: list[list[GenoPerson]] = [[], [], []]
    for g in people:
        rows[g.generation].append(g)
    rows[2].sort(
        key=lambda g: (g.person.date_of_birth is None, g.person.date_of_birth or 0, g.person.pk)
    )
    rows[1].sort(key=lambda g: (g.order, g.person.pk))
    parents = [g for g in rows[1] if g.order == 0]
    others = [g for g in rows[1] if g.order != 0]
    if narrow:
        margin, per_row = 2, NARROW_COLUMNS  # every unit for the cells: 112 each
        cell = (NARROW_WIDTH - 2 * margin) / per_row
        width: float = NARROW_WIDTH
        rows[1] = others + parents
    else:
        # The two parents next to each other in the middle of their row.
        rows[1] = others[: len(others) // 2] + parents + others[len(others) // 2 :]
        margin, cell = MARGIN, CELL
        per_row = max(1, max(len(r) for r in rows))
        width = max(2 * margin + per_row * cell, WIDE_MIN)
    lines_of = [
        _chunks(rows[0], per_row),
        _chunks(rows[1], per_row, from_end=True),
        _chunks(rows[2], per_row),
    ]
    labels: dict[int, Label] = {}
    for g in people:
        word = _("kind") if g.person.is_child else _kinds_word(g.kinds)
        labels[g.person.pk] = _label(
            g.person.first_name, word, banned=g.person.pk in bans, width=cell - 2
        )
    centre: dict[int, tuple[float, float]] = {}
    bars: list[tuple[float, list[float]]] = []  # per line of children: its bar's y and the xs
    y = margin + SIZE / 2 + 4
    for generation, chunks in enumerate(lines_of):
        for chunk in chunks:
            start = (width - len(chunk) * cell) / 2 + cell / 2
            for i, g in enumerate(chunk):
                centre[g.person.pk] = (start + i * cell, y)
            if generation == 2:
                xs = [centre[g.person.pk][0] for g in chunk if g.person.is_child]
                if xs:
                    bars.append((y - SIZE / 2 - 18, xs))
            tallest = max(labels[g.person.pk].height for g in chunk)
            y += SIZE / 2 + 4 + tallest + 44
    people_bottom = y - 44 + 8

    lines = []

    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        lines.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{LINE}" stroke-width="2"/>'
        )

    couple = [g for g in parents if g.person.pk in centre]
    if bars:
        mid = None
        if couple:
            px = [centre[g.person.pk][0] for g in couple]
            py = centre[couple[0].person.pk][1]
            if len(couple) >= 2:
                mid = sum(px) / len(px)
                line(min(px) + SIZE / 2, py, max(px) - SIZE / 2, py)
                if not all(g.lives_with for g in couple[:2]):
                    # Apart: two slashes across the parents' line.
                    for dx in (-5, 5):
                        line(mid + dx - 5, py + 9, mid + dx + 5, py - 9)
                line(mid, py, mid, bars[0][0])
            else:
                # One parent: the line leaves the symbol sideways, past the name beneath it.
                mid = px[0] + cell / 2
                line(px[0] + SIZE / 2, py, mid, py)
                line(mid, py, mid, bars[0][0])
        # More than one line of children: their bars meet on the left.
        side = margin / 2 if len(bars) > 1 else None
        for n, (bar_y, xs) in enumerate(bars):
            ends = list(xs)
            if n == 0 and mid is not None:
                ends.append(mid)
            if side is not None:
                ends.append(side)
            line(min(ends), bar_y, max(ends), bar_y)
            for x in xs:
                line(x, bar_y, x, bar_y + 18)
        if side is not None:
            line(side, bars[0][0], side, bars[-1][0])

    body = ['<g class="lines">' + "".join(lines) + "</g>", '<g class="people">']
    for g in people:
        x, y = centre[g.person.pk]
        p = g.person
        fill = HOUSEHOLD_FILL if g.lives_with else "#ffffff"
        body.append(f"<g><title>{escape(_person_line(g, persons, relations, bans))}</title>")
        body.append(_shape(p.gender, x, y, fill=fill, double=p.is_child))
        if p.pk in bans:
            body.append(_ban_ring(x, y, SIZE / 2 + 6))
        if p.age is not None:
            body.append(_text(x, y + 4.5, str(p.age), weight="600"))
        body.append(labels[p.pk].markup(x, y + SIZE / 2 + 6))
        body.append("</g>")
    body.append("</g>")
    legend, bottom = _legend(
        _genogram_legend_items(banned_shown), margin, people_bottom, width - 2 * margin
    )
    height = bottom + margin / 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="genogram" role="img" '
        f'viewBox="0 0 {_n(width)} {_n(height)}"{_natural_size(width, height, narrow)} '
        f'preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(" ".join(genogram_text(persons, relations, bans)))}</desc>',
        f'<rect width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
        *body,
        legend,
        "</svg>",
    ]
    return _safe("".join(out))


def _natural_size(width: float, height: float, narrow: bool) -> str:
    """The wide drawing's own size in px: on a desktop it is shown 1:1 (never wider), shrunk
    only to fit; the narrow one always takes the phone's width (app.css)."""
    return "" if narrow else f' width="{_n(width)}" height="{_n(height)}"'


def _kinds_word(kinds: Sequence[str]) -> str:
    labels = dict(RelationKind.choices)
    return ", ".join(sorted({str(labels[k]).lower() for k in kinds if k in labels}))


def _genogram_legend_items(banned_shown: bool) -> list[LegendItem]:
    half = 9

    def symbol(
        gender: str, *, fill: str = "#ffffff", double: bool = False
    ) -> Callable[[float, float], str]:
        return lambda x, y: _shape(gender, x + half, y, fill=fill, double=double, half=half)

    def age(x: float, y: float) -> str:
        return _shape(Gender.MALE, x + 11, y, fill="#ffffff", double=False, half=11) + _text(
            x + 11, y + 4.5, "9", weight="600"
        )

    items: list[LegendItem] = [
        (symbol(Gender.MALE), 2 * half, _("man of jongen"), INK),
        (symbol(Gender.FEMALE), 2 * half, _("vrouw of meisje"), INK),
        (symbol(""), 2 * half, _("niet ingevuld"), INK),
        (
            symbol(Gender.FEMALE, double=True),
            2 * half,
            _("dubbele rand: kind van dit traject"),
            INK,
        ),
        (
            symbol(Gender.FEMALE, fill=HOUSEHOLD_FILL),
            2 * half,
            _("blauwe vulling: woont bij het kind"),
            INK,
        ),
        (age, 22, _("cijfer: leeftijd"), INK),
    ]
    if banned_shown:
        items.append(_ban_legend_item())
    return items


def _person_line(
    g: GenoPerson,
    persons: Sequence[Person],
    relations: Sequence[Relation],
    bans: Bans | None = None,
) -> str:
    p = g.person
    age = f", {p.age} " + _("jaar") if p.age is not None else ""
    if p.is_child:
        return f"{p.full_name}{age}: " + _("kind van dit traject")
    ban = (bans or {}).get(p.pk)
    names = {q.pk: q.first_name for q in persons}
    parts = []
    for relation in relations:
        if relation.person_id == p.pk and relation.child_id in names:
            text = f"{_relation_word(relation)} " + _("van") + f" {names[relation.child_id]}"
            if relation.lives_with_child:
                text += " (" + _("woont bij het kind") + ")"
            if relation.has_parental_authority:
                text += " (" + _("ouderlijk gezag") + ")"
            parts.append(text)
    if ban:
        parts.append("⚠ " + ban)
    return f"{p.full_name}{age}: " + "; ".join(parts)


def genogram_text(
    persons: Sequence[Person], relations: Sequence[Relation], bans: Bans | None = None
) -> list[str]:
    """The genogram in words, one line per person: its text alternative."""
    return [
        _person_line(g, persons, relations, bans) + "." for g in genogram_people(persons, relations)
    ]


# --- the ecomap -----------------------------------------------------------------------------

ECO_RADIUS, ECO_RADIUS_MAX, NODE, FAMILY_R, LABEL_WIDTH, ECO_MIN_WIDTH = 200, 900, 30, 70, 130, 520
TIE_STYLE: dict[str, str] = {
    Tie.STRONG: 'stroke-width="5"',
    Tie.NORMAL: 'stroke-width="2"',
    Tie.WEAK: 'stroke-width="2" stroke-dasharray="7 6"',
}


def _zigzag(x1: float, y1: float, x2: float, y2: float) -> str:
    length = math.hypot(x2 - x1, y2 - y1)
    steps = max(4, int(length // 12))
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    nx, ny = -uy, ux
    points = []
    for i in range(steps + 1):
        t = i / steps
        off = 0 if i in (0, steps) else (6 if i % 2 else -6)
        points.append(
            f"{_n(x1 + ux * length * t + nx * off)},{_n(y1 + uy * length * t + ny * off)}"
        )
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{LINE}" stroke-width="2"/>'


def ecomap_svg(
    household: Sequence[Person],
    members: Sequence[NetworkMember],
    *,
    title: str,
    id_prefix: str = "ecomap",
    bans: Bans | None = None,
    banned: Sequence[Person] = (),
    narrow: bool = False,
) -> SafeString:
    """The family in the middle, the network around it, each tie drawn by its strength.

    `banned`: the persons under a contact ban; those outside the family and the network are
    drawn around it too, with a red dashed, crossed line. The labels stand outside the ring on
    a radius chosen so that none touches another. `narrow`: the phone's drawing, the family on
    the left and one network member per line to its right, 340 units wide."""
    prefix = _prefix(id_prefix)
    bans = bans or {}
    outsiders = _outsiders(household, members, banned)
    any_ban = (
        bool(outsiders)
        or any(p.pk in bans for p in household)
        or any(m.person_id in bans for m in members)
    )
    entries: list[_Entry] = [
        _Entry(m.person_id, m.person.first_name, m.role_text, m.kind, m.tie, _member_line(m), False)
        for m in members
    ] + [_Entry(p.pk, p.first_name, "", "", "", _outsider_line(p, bans), True) for p in outsiders]
    names = [("⚠ " if p.pk in bans else "") + p.first_name for p in household]
    household_words = _("Het gezin: %(names)s.") % {
        "names": ", ".join(p.full_name for p in household) or "–"
    }
    draw = _ecomap_narrow if narrow else _ecomap_radial
    body, (left, top, width, bottom) = draw(entries, names, household_words, bans)
    items: list[LegendItem] = [*_tie_legend_items()]
    if any_ban:
        items.append(_ban_legend_item())
    legend, end = _legend(items, left + NARROW_MARGIN, bottom + 8, width - 2 * NARROW_MARGIN)
    height = end + NARROW_MARGIN - top
    box = f"{_n(left)} {_n(top)} {_n(width)} {_n(height)}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ecomap" role="img" '
        f'viewBox="{box}"{_natural_size(width, height, narrow)} preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(" ".join(ecomap_text(household, members, bans, banned)))}</desc>',
        f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
        body,
        legend,
        "</svg>",
    ]
    return _safe("".join(out))


@dataclass(frozen=True)
class _Entry:
    """One person around the family: a network member, or a banned outsider."""

    pk: int
    name: str
    role: str
    kind: str
    tie: str
    words: str  # the full line, the group's <title>
    outsider: bool


def _node(entry: _Entry, x: float, y: float, r: float) -> str:
    if entry.kind == NetworkKind.PROFESSIONAL:
        return (
            f'<rect x="{_n(x - r)}" y="{_n(y - r * 0.8)}" width="{_n(2 * r)}" height="{_n(r * 1.6)}" '
            f'rx="6" fill="#ffffff" stroke="{INK}" stroke-width="2"/>'
        )
    return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="#ffffff" stroke="{INK}" stroke-width="2"/>'


def _tie(entry: _Entry, x1: float, y1: float, x2: float, y2: float) -> str:
    if entry.outsider:
        return _banned_tie(x1, y1, x2, y2)
    if entry.tie == Tie.STRESSFUL:
        return _zigzag(x1, y1, x2, y2)
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{LINE}" '
        f"{TIE_STYLE.get(entry.tie, TIE_STYLE[Tie.NORMAL])}/>"
    )


def _entry_label(entry: _Entry, bans: Bans, width: float, anchor: str) -> Label:
    return _label(
        entry.name,
        entry.role,
        banned=entry.outsider or entry.pk in bans,
        width=width,
        anchor=anchor,
    )


Frame = tuple[
    float, float, float, float
]  # left, top, width, bottom of the drawing above the legend


def _ecomap_radial(
    entries: Sequence[_Entry], names: Sequence[str], household_words: str, bans: Bans
) -> tuple[str, Frame]:
    cx = cy = 0.0
    family_lines = wrap(", ".join(names), 2 * FAMILY_R - 20, FONT_SIZE, lines=3)
    placed = _ring(entries, bans, cx, cy)
    ties, nodes = [], []
    boxes = [Box(cx - FAMILY_R, cy - FAMILY_R, cx + FAMILY_R, cy + FAMILY_R)]
    for entry, x, y, label, (lx, ltop) in placed:
        angle = math.atan2(y - cy, x - cx)
        gap = NODE + 5 if entry.outsider else NODE
        ties.append(
            _tie(
                entry,
                cx + FAMILY_R * math.cos(angle),
                cy + FAMILY_R * math.sin(angle),
                x - gap * math.cos(angle),
                y - gap * math.sin(angle),
            )
        )
        nodes.append(f"<g><title>{escape(entry.words)}</title>")
        nodes.append(_node(entry, x, y, NODE))
        if entry.outsider or entry.pk in bans:
            nodes.append(_ban_ring(x, y, NODE + 5))
        nodes.append(label.markup(lx, ltop))
        nodes.append("</g>")
        boxes += [Box(x - NODE - 6, y - NODE - 6, x + NODE + 6, y + NODE + 6), label.box(lx, ltop)]
    family = [
        f"<g><title>{escape(household_words)}</title>",
        f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{FAMILY_R}" fill="{HOUSEHOLD_FILL}" stroke="{INK}" stroke-width="2"/>',
        _text(cx, cy - 14, _("Gezin"), size=14, weight="600"),
        *(_text(cx, cy + 6 + i * LINE_HEIGHT, line) for i, line in enumerate(family_lines)),
        "</g>",
    ]
    left = min(b.left for b in boxes) - MARGIN
    right = max(b.right for b in boxes) + MARGIN
    # Wide enough for the legend on two or three lines.
    left, right = min(left, cx - ECO_MIN_WIDTH / 2), max(right, cx + ECO_MIN_WIDTH / 2)
    top = min(b.top for b in boxes) - MARGIN
    bottom = max(b.bottom for b in boxes) + 8
    markup = (
        '<g class="ties">'
        + "".join(ties)
        + "</g>"
        + "".join(family)
        + '<g class="members">'
        + "".join(nodes)
        + "</g>"
    )
    return markup, (left, top, right - left, bottom)


def _ring(
    entries: Sequence[_Entry], bans: Bans, cx: float, cy: float
) -> list[tuple[_Entry, float, float, Label, tuple[float, float]]]:
    """Every person on a circle round the family, its label outside the circle: the smallest
    radius on which no label touches another label, a person or the family."""
    count = len(entries)
    radius = ECO_RADIUS
    while True:
        placed = []
        for i, entry in enumerate(entries):
            angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
            c, s = math.cos(angle), math.sin(angle)
            x, y = cx + radius * c, cy + radius * s
            if abs(c) > 0.5:
                anchor = "start" if c > 0 else "end"
                label = _entry_label(entry, bans, LABEL_WIDTH, anchor)
                at = (x + (NODE + 8) * (1 if c > 0 else -1), y - label.height / 2)
            else:
                label = _entry_label(entry, bans, LABEL_WIDTH, "middle")
                at = (x, y - NODE - 8 - label.height) if s < 0 else (x, y + NODE + 8)
            placed.append((entry, x, y, label, at))
        if radius >= ECO_RADIUS_MAX or not _collide(placed, cx, cy):
            return placed
        radius += 15


def _collide(
    placed: Sequence[tuple[_Entry, float, float, Label, tuple[float, float]]], cx: float, cy: float
) -> bool:
    pad = 4
    labels = [label.box(*at) for _e, _x, _y, label, at in placed]
    solid = [Box(cx - FAMILY_R, cy - FAMILY_R, cx + FAMILY_R, cy + FAMILY_R)] + [
        Box(x - NODE - 6, y - NODE - 6, x + NODE + 6, y + NODE + 6) for _e, x, y, _l, _a in placed
    ]
    grown = [Box(b.left - pad, b.top - pad, b.right + pad, b.bottom + pad) for b in labels]
    for i, a in enumerate(grown):
        if any(a.overlaps(b) for b in grown[i + 1 :]) or any(labels[i].overlaps(b) for b in solid):
            return True
    return any(a.overlaps(b) for i, a in enumerate(solid) for b in solid[i + 1 :])


def _ecomap_narrow(
    entries: Sequence[_Entry], names: Sequence[str], household_words: str, bans: Bans
) -> tuple[str, Frame]:
    margin, r = NARROW_MARGIN, NARROW_NODE
    family_right = margin + NARROW_FAMILY
    node_x = family_right + 52 + r
    text_x = node_x + r + 10
    text_width = NARROW_WIDTH - margin - text_x
    ties, nodes = [], []
    y: float = margin
    for entry in entries:
        label = _entry_label(entry, bans, text_width, "start")
        row = max(2 * r + 16, label.height + 12)
        mid = y + row / 2
        ties.append(_tie(entry, family_right, mid, node_x - r - (5 if entry.outsider else 0), mid))
        nodes.append(f"<g><title>{escape(entry.words)}</title>")
        nodes.append(_node(entry, node_x, mid, r))
        if entry.outsider or entry.pk in bans:
            nodes.append(_ban_ring(node_x, mid, r + 4))
        nodes.append(label.markup(text_x, mid - label.height / 2))
        nodes.append("</g>")
        y += row
    family_lines = [fit(name, NARROW_FAMILY - 12, FONT_SIZE) for name in names] or ["–"]
    family_height = 30 + len(family_lines) * LINE_HEIGHT
    bottom = max(y, margin + family_height)
    family = [
        f"<g><title>{escape(household_words)}</title>",
        f'<rect x="{margin}" y="{margin}" width="{NARROW_FAMILY}" height="{_n(bottom - margin)}" '
        f'rx="10" fill="{HOUSEHOLD_FILL}" stroke="{INK}" stroke-width="2"/>',
        _text(margin + NARROW_FAMILY / 2, margin + 20, _("Gezin"), size=14, weight="600"),
        *(
            _text(margin + NARROW_FAMILY / 2, margin + 24 + (i + 1) * LINE_HEIGHT, line)
            for i, line in enumerate(family_lines)
        ),
        "</g>",
    ]
    markup = (
        '<g class="ties">'
        + "".join(ties)
        + "</g>"
        + "".join(family)
        + '<g class="members">'
        + "".join(nodes)
        + "</g>"
    )
    return markup, (0.0, 0.0, float(NARROW_WIDTH), bottom + 4)


def _outsiders(
    household: Sequence[Person], members: Sequence[NetworkMember], banned: Sequence[Person]
) -> list[Person]:
    """The banned persons the ecomap would not draw otherwise: not family, not network."""
    drawn = {p.pk for p in household} | {m.person_id for m in members}
    return [p for p in banned if p.pk not in drawn]


def _banned_tie(x1: float, y1: float, x2: float, y2: float) -> str:
    """A red dashed line from the family to a banned person, crossed in the middle."""
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    cross = "".join(
        f'<line x1="{_n(mx - dx)}" y1="{_n(my - dy)}" x2="{_n(mx + dx)}" y2="{_n(my + dy)}" '
        f'stroke="{BAN}" stroke-width="3"/>'
        for dx, dy in ((8, 8), (8, -8))
    )
    return (
        f'<line class="ban-tie" x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{BAN}" stroke-width="2" {BAN_DASH}/>{cross}'
    )


def _outsider_line(person: Person, bans: Bans) -> str:
    return (
        f"{person.full_name}: ⚠ {bans.get(person.pk, _('contactverbod'))} "
        + "("
        + _("niet in het netwerk")
        + ")"
    )


def _tie_legend_items() -> list[LegendItem]:
    def sample(tie: str) -> Callable[[float, float], str]:
        if tie == Tie.STRESSFUL:
            return lambda x, y: _zigzag(x, y, x + 40, y)
        return lambda x, y: (
            f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x + 40)}" y2="{_n(y)}" '
            f'stroke="{LINE}" {TIE_STYLE[tie]}/>'
        )

    def shapes(x: float, y: float) -> str:
        return (
            f'<circle cx="{_n(x + 9)}" cy="{_n(y)}" r="9" fill="#ffffff" stroke="{INK}" stroke-width="2"/>'
            f'<rect x="{_n(x + 24)}" y="{_n(y - 7)}" width="20" height="14" rx="3" fill="#ffffff" '
            f'stroke="{INK}" stroke-width="2"/>'
        )

    items: list[LegendItem] = [
        (sample(tie), 40, str(label).lower(), INK) for tie, label in Tie.choices
    ]
    items.append((shapes, 44, _("rond: informeel netwerk; rechthoek: professional"), INK))
    return items


def _member_line(member: NetworkMember) -> str:
    text = f"{member.person.full_name}, {member.role_text}: {str(member.get_tie_display()).lower()}"
    if member.kind == NetworkKind.PROFESSIONAL:
        text += " (" + _("professional") + ")"
    return text


def ecomap_text(
    household: Sequence[Person],
    members: Sequence[NetworkMember],
    bans: Bans | None = None,
    banned: Sequence[Person] = (),
) -> list[str]:
    """The ecomap in words: its text alternative."""
    bans = bans or {}
    lines = [
        _("Het gezin: %(names)s.") % {"names": ", ".join(p.full_name for p in household) or "–"}
    ]
    lines += [f"{p.full_name}: ⚠ {bans[p.pk]}." for p in household if p.pk in bans]
    if not members:
        lines.append(_("Nog niemand in het netwerk."))
    for m in members:
        ban = bans.get(m.person_id)
        lines.append(_member_line(m) + (f"; ⚠ {ban}" if ban else "") + ".")
    lines += [_outsider_line(p, bans) + "." for p in _outsiders(household, members, banned)]
    return lines

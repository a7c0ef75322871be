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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

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
CELL, ROW, SIZE, MARGIN = 112, 120, 36, 24

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


def _shape(gender: str, x: float, y: float, *, fill: str, double: bool) -> str:
    """The symbol of one person, centred on (x, y)."""
    half = SIZE / 2
    stroke = f'stroke="{INK}" stroke-width="2"'
    parts = []
    for inset in (0, 5) if double else (0,):
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
    x: float, y: float, text: str, *, size: int = 12, colour: str = INK, weight: str = ""
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="middle" font-size="{size}" '
        f'fill="{colour}"{bold}>{escape(text)}</text>'
    )


def _ban_ring(x: float, y: float, half: float) -> str:
    """The red dashed outline around a person under a contact ban."""
    return (
        f'<rect class="ban-mark" x="{_n(x - half)}" y="{_n(y - half)}" width="{_n(2 * half)}" '
        f'height="{_n(2 * half)}" rx="6" fill="none" stroke="{BAN}" stroke-width="2" {BAN_DASH}/>'
    )


def _ban_label(x: float, y: float) -> str:
    return _text(x, y, "⚠ " + _("contactverbod"), size=11, colour=BAN, weight="700")


def _ban_legend(x: float, top: float) -> str:
    """The legend's line for the ban mark (only drawn when someone is under a ban)."""
    words = "⚠ " + _("rode stippellijn: contactverbod, mag niet bij het kind")
    return (
        f'<line x1="{_n(x - 10)}" y1="{_n(top)}" x2="{_n(x + 30)}" y2="{_n(top)}" stroke="{BAN}" '
        f'stroke-width="2" {BAN_DASH}/>'
        f'<text x="{_n(x + 36)}" y="{_n(top + 4)}" font-size="12" fill="{BAN}" font-weight="700">'
        f"{escape(words)}</text>"
    )


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


def genogram_svg(
    persons: Sequence[Person],
    relations: Sequence[Relation],
    *,
    title: str,
    id_prefix: str = "genogram",
    bans: Bans | None = None,
) -> SafeString:
    """The family as a genogram: grandparents, parents and carers, children, in three rows."""
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
    # The two parents next to each other in the middle of their row.
    rows[1].sort(key=lambda g: (g.order, g.person.pk))
    parents = [g for g in rows[1] if g.order == 0]
    others = [g for g in rows[1] if g.order != 0]
    rows[1] = others[: len(others) // 2] + parents + others[len(others) // 2 :]
    used = [r for r in rows if r]
    columns = max((len(r) for r in rows), default=1)
    width = max(2 * MARGIN + columns * CELL, 320)
    legend_top = MARGIN + len(used) * ROW
    height = legend_top + 78 + (24 if banned_shown else 0)
    centre: dict[int, tuple[float, float]] = {}
    row_y = {}
    y = MARGIN + SIZE / 2 + 4
    for index, row in enumerate(rows):
        if not row:
            continue
        row_y[index] = y
        start = (width - len(row) * CELL) / 2 + CELL / 2
        for i, g in enumerate(row):
            centre[g.person.pk] = (start + i * CELL, y)
        y += ROW

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="genogram" role="img" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(" ".join(genogram_text(persons, relations, bans)))}</desc>',
        f'<rect width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
    ]
    # The parents' line, and the line down to the children.
    lines = []
    children = rows[2]
    couple = [g for g in parents if g.person.pk in centre]
    if children and 2 in row_y:
        bar_y = row_y[2] - SIZE / 2 - 18
        xs = [centre[g.person.pk][0] for g in children if g.person.is_child]
        if xs:
            lines.append(
                f'<line x1="{_n(min(xs))}" y1="{_n(bar_y)}" x2="{_n(max(xs))}" y2="{_n(bar_y)}" '
                f'stroke="{LINE}" stroke-width="2"/>'
            )
            for x in xs:
                lines.append(
                    f'<line x1="{_n(x)}" y1="{_n(bar_y)}" x2="{_n(x)}" y2="{_n(row_y[2] - SIZE / 2)}" '
                    f'stroke="{LINE}" stroke-width="2"/>'
                )
            if couple:
                px = [centre[g.person.pk][0] for g in couple]
                py = centre[couple[0].person.pk][1]
                mid = sum(px) / len(px)
                if len(couple) >= 2:
                    lines.append(
                        f'<line x1="{_n(min(px) + SIZE / 2)}" y1="{_n(py)}" x2="{_n(max(px) - SIZE / 2)}" '
                        f'y2="{_n(py)}" stroke="{LINE}" stroke-width="2"/>'
                    )
                    if not all(g.lives_with for g in couple[:2]):
                        # Apart: two slashes across the parents' line.
                        for dx in (-5, 5):
                            lines.append(
                                f'<line x1="{_n(mid + dx - 5)}" y1="{_n(py + 9)}" x2="{_n(mid + dx + 5)}" '
                                f'y2="{_n(py - 9)}" stroke="{LINE}" stroke-width="2"/>'
                            )
                top = py if len(couple) >= 2 else py + SIZE / 2
                lines.append(
                    f'<line x1="{_n(mid)}" y1="{_n(top)}" x2="{_n(mid)}" y2="{_n(bar_y)}" '
                    f'stroke="{LINE}" stroke-width="2"/>'
                )
                lines.append(
                    f'<line x1="{_n(min(mid, min(xs)))}" y1="{_n(bar_y)}" x2="{_n(max(mid, max(xs)))}" '
                    f'y2="{_n(bar_y)}" stroke="{LINE}" stroke-width="2"/>'
                )
    out.append('<g class="lines">' + "".join(lines) + "</g>")
    out.append('<g class="people">')
    for g in people:
        x, y = centre[g.person.pk]
        p = g.person
        fill = HOUSEHOLD_FILL if g.lives_with else "#ffffff"
        out.append(f"<g><title>{escape(_person_line(g, persons, relations, bans))}</title>")
        out.append(_shape(p.gender, x, y, fill=fill, double=p.is_child))
        if p.pk in bans:
            out.append(_ban_ring(x, y, SIZE / 2 + 6))
        age = p.age
        if age is not None:
            out.append(_text(x, y + 4, str(age), size=12, weight="600"))
        out.append(
            _text(x, y + SIZE / 2 + 16, Truncator(p.first_name).chars(16), size=12, weight="600")
        )
        word = _("kind") if p.is_child else _kinds_word(g.kinds)
        out.append(_text(x, y + SIZE / 2 + 31, Truncator(word).chars(18), size=11, colour=MUTED))
        if p.pk in bans:
            out.append(_ban_label(x, y + SIZE / 2 + 45))
        out.append("</g>")
    out.append("</g>")
    out.append(_genogram_legend(legend_top, width))
    if banned_shown:
        out.append(_ban_legend(MARGIN + 10, legend_top + 84))
    out.append("</svg>")
    return _safe("".join(out))


def _kinds_word(kinds: Sequence[str]) -> str:
    labels = dict(RelationKind.choices)
    return ", ".join(sorted({str(labels[k]).lower() for k in kinds if k in labels}))


def _genogram_legend(top: float, width: float) -> str:
    x = MARGIN + 10
    items = [
        (_shape(Gender.MALE, x, top + 14, fill="#ffffff", double=False), _("man of jongen")),
        (
            _shape(Gender.FEMALE, x + 150, top + 14, fill="#ffffff", double=False),
            _("vrouw of meisje"),
        ),
        (_shape("", x + 300, top + 14, fill="#ffffff", double=False), _("niet ingevuld")),
    ]
    out = ['<g class="legend">']
    for shape, _label in items:
        out.append(shape)
    out.append(
        f'<text x="{_n(x + 24)}" y="{_n(top + 18)}" font-size="12" fill="{INK}">{escape(items[0][1])}</text>'
        f'<text x="{_n(x + 174)}" y="{_n(top + 18)}" font-size="12" fill="{INK}">{escape(items[1][1])}</text>'
        f'<text x="{_n(x + 324)}" y="{_n(top + 18)}" font-size="12" fill="{INK}">{escape(items[2][1])}</text>'
    )
    out.append(_shape(Gender.FEMALE, x, top + 56, fill=HOUSEHOLD_FILL, double=True))
    explained = _(
        "dubbele rand: kind van dit traject; blauwe vulling: woont bij het kind; cijfer: leeftijd"
    )
    out.append(
        f'<text x="{_n(x + 24)}" y="{_n(top + 60)}" font-size="12" fill="{INK}">'
        f"{escape(explained)}</text>"
    )
    out.append("</g>")
    return "".join(out)


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

ECO_WIDTH, ECO_RADIUS, NODE = 640, 220, 30
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
) -> SafeString:
    """The family in the middle, the network around it, each tie drawn by its strength.

    `banned`: the persons under a contact ban; those outside the family and the network are
    drawn around it too, with a red dashed, crossed line."""
    prefix = _prefix(id_prefix)
    bans = bans or {}
    outsiders = _outsiders(household, members, banned)
    any_ban = (
        bool(outsiders)
        or any(p.pk in bans for p in household)
        or any(m.person_id in bans for m in members)
    )
    count = len(members) + len(outsiders)
    height = ECO_WIDTH + 70 + (24 if any_ban else 0)
    cx, cy = ECO_WIDTH / 2, ECO_WIDTH / 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ecomap" role="img" '
        f'viewBox="0 0 {ECO_WIDTH} {height}" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(" ".join(ecomap_text(household, members, bans, banned)))}</desc>',
        f'<rect width="{ECO_WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    places = []
    for i, member in enumerate(members):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        places.append(
            (member, cx + ECO_RADIUS * math.cos(angle), cy + ECO_RADIUS * math.sin(angle))
        )
    outside = []
    for i, person in enumerate(outsiders, start=len(members)):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        outside.append(
            (person, cx + ECO_RADIUS * math.cos(angle), cy + ECO_RADIUS * math.sin(angle))
        )
    family_r = 70
    out.append('<g class="ties">')
    for member, x, y in places:
        angle = math.atan2(y - cy, x - cx)
        x1, y1 = cx + family_r * math.cos(angle), cy + family_r * math.sin(angle)
        x2, y2 = x - NODE * math.cos(angle), y - NODE * math.sin(angle)
        if member.tie == Tie.STRESSFUL:
            out.append(_zigzag(x1, y1, x2, y2))
        else:
            out.append(
                f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{LINE}" '
                f"{TIE_STYLE.get(member.tie, TIE_STYLE[Tie.NORMAL])}/>"
            )
    for _person, x, y in outside:
        out.append(_banned_tie(cx, cy, family_r, x, y))
    out.append("</g>")
    out.append(
        f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{family_r}" fill="{HOUSEHOLD_FILL}" stroke="{INK}" stroke-width="2"/>'
    )
    out.append(_text(cx, cy - 16, _("Gezin"), size=14, weight="600"))
    names = [("⚠ " if p.pk in bans else "") + p.first_name for p in household]
    for i, line in enumerate(_wrap(names, 3)[:3]):
        out.append(_text(cx, cy + 4 + i * 16, line, size=12))
    out.append('<g class="members">')
    for member, x, y in places:
        out.append(f"<g><title>{escape(_member_line(member))}</title>")
        if member.kind == NetworkKind.PROFESSIONAL:
            out.append(
                f'<rect x="{_n(x - NODE)}" y="{_n(y - NODE * 0.8)}" width="{2 * NODE}" height="{_n(NODE * 1.6)}" '
                f'rx="6" fill="#ffffff" stroke="{INK}" stroke-width="2"/>'
            )
        else:
            out.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{NODE}" fill="#ffffff" stroke="{INK}" stroke-width="2"/>'
            )
        out.append(
            _text(x, y + 4, Truncator(member.person.first_name).chars(10), size=12, weight="600")
        )
        out.append(
            _text(x, y + NODE + 15, Truncator(member.role_text).chars(22), size=11, colour=MUTED)
        )
        if member.person_id in bans:
            out.append(_ban_ring(x, y, NODE + 5))
            out.append(_ban_label(x, y + NODE + 29))
        out.append("</g>")
    for person, x, y in outside:
        out.append(f"<g><title>{escape(_outsider_line(person, bans))}</title>")
        out.append(
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{NODE}" fill="#ffffff" stroke="{INK}" stroke-width="2"/>'
        )
        out.append(_ban_ring(x, y, NODE + 5))
        out.append(_text(x, y + 4, Truncator(person.first_name).chars(10), size=12, weight="600"))
        out.append(_ban_label(x, y + NODE + 15))
        out.append("</g>")
    out.append("</g>")
    out.append(_ecomap_legend(ECO_WIDTH + 8))
    if any_ban:
        out.append(_ban_legend(MARGIN + 10, ECO_WIDTH + 8 + 66))
    out.append("</svg>")
    return _safe("".join(out))


def _outsiders(
    household: Sequence[Person], members: Sequence[NetworkMember], banned: Sequence[Person]
) -> list[Person]:
    """The banned persons the ecomap would not draw otherwise: not family, not network."""
    drawn = {p.pk for p in household} | {m.person_id for m in members}
    return [p for p in banned if p.pk not in drawn]


def _banned_tie(cx: float, cy: float, family_r: float, x: float, y: float) -> str:
    """A red dashed line from the family to a banned person, crossed in the middle."""
    angle = math.atan2(y - cy, x - cx)
    x1, y1 = cx + family_r * math.cos(angle), cy + family_r * math.sin(angle)
    x2, y2 = x - (NODE + 5) * math.cos(angle), y - (NODE + 5) * math.sin(angle)
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


def _wrap(names: Sequence[str], per_line: int) -> list[str]:
    return [", ".join(names[i : i + per_line]) for i in range(0, len(names), per_line)]


def _ecomap_legend(top: float) -> str:
    x = MARGIN
    out = ['<g class="legend">']
    for i, (tie, label) in enumerate(Tie.choices):
        lx = x + i * 150
        if tie == Tie.STRESSFUL:
            out.append(_zigzag(lx, top + 10, lx + 40, top + 10))
        else:
            out.append(
                f'<line x1="{_n(lx)}" y1="{_n(top + 10)}" x2="{_n(lx + 40)}" y2="{_n(top + 10)}" '
                f'stroke="{LINE}" {TIE_STYLE[tie]}/>'
            )
        out.append(
            f'<text x="{_n(lx + 46)}" y="{_n(top + 14)}" font-size="12" fill="{INK}">{escape(str(label).lower())}</text>'
        )
    shapes = _("rond: informeel netwerk; rechthoek: professional")
    out.append(
        f'<text x="{_n(x)}" y="{_n(top + 42)}" font-size="12" fill="{INK}">{escape(shapes)}</text>'
    )
    out.append("</g>")
    return "".join(out)


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

"""The genogram and the ecomap are readable (issue 12, point 7): the legend inside the drawing,
no label on top of another or cut off, text big enough for a phone. Checked on the SVG itself,
with the text widths of core.svgtext; tests/browser/test_diagrams.py measures a real browser."""

from __future__ import annotations

import datetime
import itertools
import re

import pytest

from samenopweg.core.svgtext import Box, font_sizes, svg_text_boxes, text_width
from samenopweg.people.diagrams import NARROW_WIDTH, ecomap_svg, genogram_svg
from samenopweg.people.models import (
    Gender,
    NetworkKind,
    NetworkMember,
    Person,
    Relation,
    RelationKind,
    Tie,
)

TODAY = datetime.date(2026, 6, 1)
LONG = "Maximiliaan-Alexander"


def _person(pk: int, name: str, gender: str = Gender.FEMALE, *, child: bool = False) -> Person:
    born = datetime.date(2014 + pk % 6, 3, 1) if child else None
    return Person(
        pk=pk,
        first_name=name,
        last_name="Vandenbroucke-De Smedt",
        gender=gender,
        is_child=child,
        date_of_birth=born,
    )


def _big_family() -> tuple[list[Person], list[Relation]]:
    """Five children, mother, father, a stepfather, a foster mother, four grandparents."""
    children = [
        _person(i, n, Gender.MALE if i % 2 else Gender.FEMALE, child=True)
        for i, n in enumerate(["Noor", LONG, "Lotte", "Jonas", "Ella"], start=1)
    ]
    adults = [
        (_person(10, "Sarah"), RelationKind.MOTHER, True),
        (_person(11, "Kevin", Gender.MALE), RelationKind.FATHER, False),
        (_person(12, "Bart", Gender.MALE), RelationKind.STEPFATHER, True),
        (_person(13, "Annemarie", Gender.FEMALE), RelationKind.FOSTER_PARENT, False),
        (_person(14, "Monique"), RelationKind.GRANDPARENT, False),
        (_person(15, "Georges", Gender.MALE), RelationKind.GRANDPARENT, False),
        (_person(16, "Wilhelmina"), RelationKind.GRANDPARENT, False),
        (_person(17, "Jean-Pierre", ""), RelationKind.GRANDPARENT, False),
    ]
    relations = [
        Relation(person=a, child=c, kind=kind, lives_with_child=lives)
        for a, kind, lives in adults
        for c in children
    ]
    return children + [a for a, _k, _l in adults], relations


def _network(count: int) -> tuple[list[Person], list[NetworkMember]]:
    household = [_person(1, "Noor", child=True), _person(2, "Sarah")]
    ties = [Tie.STRONG, Tie.NORMAL, Tie.WEAK, Tie.STRESSFUL]
    roles = [
        "buurvrouw",
        "juf van de derde klas in de Sint-Jozefschool",
        "trainer voetbal",
        "tante langs moederskant",
    ]
    members = [
        NetworkMember(
            person=_person(100 + i, LONG if i % 5 == 0 else f"Persoon{i}"),
            kind=NetworkKind.PROFESSIONAL if i % 3 == 0 else NetworkKind.INFORMAL,
            role_text=roles[i % len(roles)],
            tie=ties[i % len(ties)],
        )
        for i in range(count)
    ]
    return household, members


def _assert_readable(svg: str) -> None:
    view, boxes = svg_text_boxes(svg)
    outside = [(t, b) for t, b in boxes if not b.inside(view)]
    assert not outside, (view, outside)
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), (a, box_a, b, box_b)
    assert min(font_sizes(svg)) >= 13


@pytest.mark.parametrize("narrow", [False, True])
def test_the_genogram_legend_is_inside_the_drawing_also_for_a_small_family(narrow: bool) -> None:
    child = _person(1, "Lucas", Gender.MALE, child=True)
    svg = str(genogram_svg([child], [], title="G", narrow=narrow))
    view, boxes = svg_text_boxes(svg)
    legend = [b for t, b in boxes if t in ("niet ingevuld", "cijfer: leeftijd")]
    assert len(legend) == 2 and all(b.inside(view) for b in legend)
    _assert_readable(svg)


@pytest.mark.parametrize("narrow", [False, True])
def test_a_big_family_keeps_every_label_and_its_legend_readable(narrow: bool) -> None:
    persons, relations = _big_family()
    bans = {11: "contactverbod met Noor"}
    svg = str(genogram_svg(persons, relations, title="G", bans=bans, narrow=narrow))
    _assert_readable(svg)
    assert "⚠ contactverbod</text>" in svg
    texts = [t for t, _b in svg_text_boxes(svg)[1]]
    assert "rode streepjes: contactverbod," in " ".join(texts)
    # A name too long for its cell is cut; the full name stays in the person's <title>.
    assert LONG not in texts and f"<title>{LONG} Vandenbroucke-De Smedt" in svg
    if narrow:
        assert svg_text_boxes(svg)[0].right == NARROW_WIDTH


@pytest.mark.parametrize("count", [0, 1, 4, 9, 15])
@pytest.mark.parametrize("narrow", [False, True])
def test_ecomap_labels_never_touch_or_leave_the_drawing(count: int, narrow: bool) -> None:
    household, members = _network(count)
    stranger = _person(999, "Vreemde", Gender.MALE)
    bans = {101: "contactverbod met Noor", 999: "contactverbod met Noor"}
    svg = str(
        ecomap_svg(household, members, title="E", bans=bans, banned=[stranger], narrow=narrow)
    )
    _assert_readable(svg)
    # Every member's name is there, whole or cut to fit; the whole line in its <title>.
    for m in members:
        assert f"<title>{m.person.full_name}, {m.role_text}" in svg


def test_a_long_role_goes_on_two_lines_instead_of_being_cut_short() -> None:
    household, members = _network(2)
    svg = str(ecomap_svg(household, members, title="E", narrow=True))
    texts = [t for t, _b in svg_text_boxes(svg)[1]]
    role = "juf van de derde klas in de Sint-Jozefschool"
    first = next(i for i, t in enumerate(texts) if t.startswith("juf van de"))
    both = f"{texts[first]} {texts[first + 1]}"
    assert role.startswith(both.rstrip("…")) and len(both) > 30


def test_the_phone_drawings_are_as_wide_as_a_phone_and_the_wide_ones_keep_their_size() -> None:
    household, members = _network(15)
    narrow = str(ecomap_svg(household, members, title="E", narrow=True))
    wide = str(ecomap_svg(household, members, title="E"))
    assert f'viewBox="0 0 {NARROW_WIDTH} ' in narrow and " width=" not in narrow.split(">")[0]
    width = re.search(r' width="([0-9.]+)"', wide.split(">")[0])
    assert width is not None and float(width.group(1)) > 600  # shown 1:1 on a desktop


def test_the_estimate_is_generous_for_wide_letters() -> None:
    assert text_width("MW", 13) > text_width("il", 13) * 2
    assert Box(0, 0, 2, 2).overlaps(Box(1, 1, 3, 3)) and not Box(0, 0, 1, 1).overlaps(
        Box(1, 0, 2, 1)
    )

"""The genogram and the ecomap, drawn from what is on file."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.people.diagrams import ecomap_svg, ecomap_text, genogram_svg, genogram_text
from samenopweg.people.models import (
    Gender,
    NetworkKind,
    NetworkMember,
    Person,
    Relation,
    RelationKind,
    Tie,
)


def _person(world: World, name: str, gender: str, *, child: bool = False, **extra: Any) -> Person:
    born = timezone.localdate() - datetime.timedelta(days=9 * 366) if child else None
    return Person.objects.create(
        trajectory=world.trajectory,
        first_name=name,
        last_name="Maes",
        gender=gender,
        is_child=child,
        date_of_birth=born,
        **extra,
    )


def _relate(world: World, person: Person, child: Person, kind: str, *, lives: bool) -> None:
    Relation.objects.create(
        trajectory=world.trajectory, person=person, child=child, kind=kind, lives_with_child=lives
    )


def _family(world: World) -> tuple[list[Person], list[Relation]]:
    Relation.objects.filter(trajectory=world.trajectory).delete()
    Person.objects.filter(trajectory=world.trajectory).update(is_child=False)
    lucas = _person(world, "Lucas", Gender.MALE, child=True)
    sarah = _person(world, "Sarah", Gender.FEMALE)
    kevin = _person(world, "Kevin", Gender.MALE)
    oma = _person(world, "Monique", Gender.FEMALE)
    _relate(world, sarah, lucas, RelationKind.MOTHER, lives=True)
    _relate(world, kevin, lucas, RelationKind.FATHER, lives=False)
    _relate(world, oma, lucas, RelationKind.GRANDPARENT, lives=False)
    persons = [lucas, sarah, kevin, oma]
    return persons, list(Relation.objects.filter(trajectory=world.trajectory))


def test_the_genogram_uses_the_conventional_symbols(world: World) -> None:
    persons, relations = _family(world)
    svg = str(genogram_svg(persons, relations, title="Genogram"))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<desc" in svg
    people = svg.split('<g class="people">', 1)[1].split('<g class="legend">', 1)[0]
    # Lucas (a boy of this trajectory): a double square; Sarah and oma: circles; Kevin a square.
    assert people.count("<rect") == 3
    assert people.count("<circle") == 2
    assert ">9<" in people  # Lucas's age in his symbol
    # Sarah lives with Lucas, Kevin does not: the parents' line carries two slashes.
    lines = svg.split('<g class="lines">', 1)[1].split("</g>", 1)[0]
    assert lines.count("<line") >= 6


def test_the_genogram_in_words_names_every_relation(world: World) -> None:
    persons, relations = _family(world)
    text = genogram_text(persons, relations)
    assert "Lucas Maes, 9 jaar: kind van dit traject." in text
    assert "Sarah Maes: moeder van Lucas (woont bij het kind)." in text
    assert "Monique Maes: grootouder van Lucas." in text


def test_the_diagrams_escape_what_people_typed(world: World) -> None:
    persons, relations = _family(world)
    persons[1].first_name = "<script>alert(1)</script>"
    svg = str(genogram_svg(persons, relations, title="<b>titel</b>"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<b>" not in svg


def test_the_ecomap_draws_each_tie_by_its_strength(world: World) -> None:
    persons, _relations = _family(world)
    members = []
    for name, tie, kind in [
        ("Linda", Tie.STRONG, NetworkKind.INFORMAL),
        ("Jef", Tie.WEAK, NetworkKind.INFORMAL),
        ("Juf An", Tie.STRESSFUL, NetworkKind.PROFESSIONAL),
    ]:
        person = _person(world, name, Gender.FEMALE)
        members.append(
            NetworkMember.objects.create(
                trajectory=world.trajectory,
                person=person,
                kind=kind,
                tie=tie,
                role_text="buur",
                created_by=world.worker,
            )
        )
    svg = str(ecomap_svg(persons[:2], members, title="Ecogram"))
    ties = svg.split('<g class="ties">', 1)[1].split("</g>", 1)[0]
    assert 'stroke-width="5"' in ties  # strong
    assert "stroke-dasharray" in ties  # weak
    assert "<polyline" in ties  # friction: a zigzag
    shapes = svg.split('<g class="members">', 1)[1].split('<g class="legend">', 1)[0]
    assert len(re.findall(r"<rect", shapes)) == 1  # the professional
    text = ecomap_text(persons[:2], members)
    assert "Juf An Maes, buur: moeizame band (professional)." in text


def test_the_diagrams_page_is_for_the_professionals_of_the_case(world: World) -> None:
    url = reverse("people:diagrams", args=[world.trajectory.reference])
    for user, status in [
        (world.worker, 200),
        (world.owner, 200),
        (world.parent, 403),
        (world.worker_elsewhere, 404),
        (world.parent_elsewhere, 404),
    ]:
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client = Client()
    client.force_login(world.worker)
    page = client.get(url).content.decode()
    assert 'class="genogram"' in page and 'class="ecomap"' in page
    assert "Het genogram in woorden" in page

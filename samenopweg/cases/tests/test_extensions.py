"""The extension point through which a higher app (child_voice) adds to a lower app's pages:
notes next to a goal, a statement, a bottom line and a plan rule, notes per column of the map,
and more lines on the scaling chart. A fake provider stands in for the higher app."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from django.db import models

from conftest import World
from samenopweg.assessments.models import BottomLine, MapColumn
from samenopweg.assessments.selectors.scaling import scaling_overview
from samenopweg.cases import extensions
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.cases.extensions import (
    ExtraSeries,
    ItemNote,
    ItemNotes,
    attach_notes,
    note_key,
)
from samenopweg.cases.tests.helpers import logged_in_client, trajectory_url
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import DangerStatementFactory, SafetyGoalFactory

SAID_ON = datetime.date(2026, 11, 3)


@pytest.fixture
def providers(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Empty registries for the test, and a record of what the providers were asked."""
    monkeypatch.setattr(extensions, "_note_providers", [])
    monkeypatch.setattr(extensions, "_series_providers", [])
    monkeypatch.setattr(extensions, "_page_providers", {})
    yield {"asked": []}


def _notes_about(*targets: models.Model, flag_goals: Sequence[models.Model] = ()) -> Any:
    wanted = {note_key(t) for t in targets}
    flagged = {note_key(t) for t in flag_goals}

    def provider(access: Any, objects: Sequence[models.Model]) -> ItemNotes:
        keys = {note_key(obj) for obj in objects}
        return ItemNotes(
            notes={
                key: [
                    ItemNote(heading="Wat Lena zegt", text="ik wil da papa stopt", said_on=SAID_ON)
                ]
                for key in keys & wanted
            },
            flags={key: "Nog niet besproken met de kinderen" for key in keys & flagged},
        )

    return provider


def test_without_a_provider_every_object_has_no_notes(world: World, providers: Any) -> None:
    goal = SafetyGoalFactory.create(
        danger_statement=DangerStatementFactory.create(trajectory=world.trajectory)
    )
    access = get_trajectory_for_user(world.owner, world.trajectory.reference)
    [item] = attach_notes(access, [goal])
    assert (item.item_notes, item.item_flag) == ([], "")  # type: ignore[attr-defined]


def test_the_statements_page_shows_what_a_child_said_and_the_flag(
    world: World, providers: Any
) -> None:
    statement = DangerStatementFactory.create(trajectory=world.trajectory)
    linked = SafetyGoalFactory.create(danger_statement=statement)
    lonely = SafetyGoalFactory.create(
        danger_statement=statement, parents_and_network_will="Mama zoekt hulp."
    )
    extensions.register_notes(_notes_about(linked, flag_goals=[lonely]))
    html = (
        logged_in_client(world.owner)
        .get(trajectory_url("assessments:statements", world))
        .content.decode()
    )
    goal_html = html[html.index(f'id="doel-{linked.pk}"') : html.index(f'id="doel-{lonely.pk}"')]
    assert "Wat Lena zegt" in goal_html
    assert "“ik wil da papa stopt”" in goal_html  # the child's spelling, in quotes
    rest = html[html.index(f'id="doel-{lonely.pk}"') :]
    assert "Nog niet besproken met de kinderen" in rest
    assert "Wat Lena zegt" not in rest


def test_a_bottom_line_gets_its_notes_too(world: World, providers: Any) -> None:
    line = BottomLine.objects.create(
        trajectory=world.trajectory, text="Papa woont niet thuis.", reason="Veiligheid."
    )
    extensions.register_notes(_notes_about(line))
    html = (
        logged_in_client(world.owner)
        .get(trajectory_url("assessments:statements", world))
        .content.decode()
    )
    assert "Wat Lena zegt" in html[html.index(f'id="bm-{line.pk}"') :]


def test_the_plan_page_shows_what_a_child_said_next_to_a_rule(world: World, providers: Any) -> None:
    rule = hoe.ensure_rule(world)
    extensions.register_notes(_notes_about(rule))
    html = (
        logged_in_client(world.worker)
        .get(trajectory_url("safety_plans:plan", world))
        .content.decode()
    )
    rule_html = html[html.index(f'id="afspraak-{rule.pk}"') :]
    assert "“ik wil da papa stopt”" in rule_html[: rule_html.index("</ol>")]


def test_the_map_shows_what_the_children_said_per_column(world: World, providers: Any) -> None:
    def per_column(access: Any) -> dict[str, list[ItemNote]]:
        return {MapColumn.WORRIES: [ItemNote(heading="Wat Lena zegt", text="papa roept")]}

    extensions.register_page_notes("map", per_column)
    html = (
        logged_in_client(world.owner).get(trajectory_url("assessments:map", world)).content.decode()
    )
    worries = html[html.index('id="col-worries"') : html.index('id="col-going_well"')]
    assert "Wat de kinderen zeggen" in worries
    assert "“papa roept”" in worries
    assert "“papa roept”" not in html[html.index('id="col-going_well"') :]


def test_the_scaling_chart_gets_the_extra_line(world: World, providers: Any) -> None:
    from samenopweg.assessments.tests.test_scaling import make_statement

    make_statement(world.trajectory, world.owner)

    def path(access: Any) -> list[ExtraSeries]:
        return [
            ExtraSeries(label="Lena op het veiligheidspad", key="path:1", points=[(SAID_ON, 4)])
        ]

    extensions.register_series(path)
    access = get_trajectory_for_user(world.owner, world.trajectory.reference)
    [item] = scaling_overview(access)
    assert [s.label for s in item.series][-1] == "Lena op het veiligheidspad"
    assert "Lena op het veiligheidspad" in item.chart


def test_registering_twice_is_once(providers: Any) -> None:
    def provider(access: Any, objects: Sequence[models.Model]) -> ItemNotes:
        return ItemNotes()

    extensions.register_notes(provider)
    extensions.register_notes(provider)
    assert extensions._note_providers == [provider]

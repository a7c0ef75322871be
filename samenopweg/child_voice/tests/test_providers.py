"""What the child's voice adds to the lower pages (through cases.extensions): the quote next to
a linked goal, the flag on a goal not yet discussed with the children, the houses on the map
and the safety path on the scaling chart; always through the item rule."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, grant_network_and_young_person
from samenopweg.assessments.models import MapColumn
from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.cases.extensions import attach_notes, extra_series, page_notes
from samenopweg.cases.tests.helpers import child_of, logged_in_client, reference_kwargs
from samenopweg.child_voice import selectors, services
from samenopweg.child_voice.models import How, Part, Tool
from samenopweg.child_voice.tests import voice_world as stem
from samenopweg.core.models import Audience

pytestmark = pytest.mark.django_db


def _access(world: World, user: object) -> object:
    return get_trajectory_for_user(user, world.trajectory.reference)


def test_the_family_sees_a_linked_quote_only_once_it_is_shared(world: World) -> None:
    grant_network_and_young_person(world)
    link = stem.ensure_link(world)
    goal = ensure_goal(world)
    for user in (world.parent, world.network_member):
        [seen] = attach_notes(_access(world, user), [goal])
        assert seen.item_notes == []  # type: ignore[attr-defined]
    [seen] = attach_notes(_access(world, world.worker), [goal])
    assert [n.text for n in seen.item_notes] == [stem.QUOTE]  # type: ignore[attr-defined]
    words = link.words
    services.share(
        item=words,
        expected_version=words.version,
        audience=Audience.PARENTS,
        child_agreed=True,
        actor=world.worker,
    )
    [seen] = attach_notes(_access(world, world.parent), [goal])
    assert [n.heading for n in seen.item_notes] == ["Wat Noor zegt"]  # type: ignore[attr-defined]
    assert seen.item_notes[0].url == ""  # type: ignore[attr-defined]  # no professionals' link
    [seen] = attach_notes(_access(world, world.network_member), [goal])
    assert seen.item_notes == []  # type: ignore[attr-defined]  # shared with parents only


def test_a_spokespersons_words_are_never_shown_as_the_childs_own(world: World) -> None:
    spokesperson = stem.ensure_spokesperson(world)
    words = services.add_words(
        session=stem.ensure_session(world),
        part=Part.WORRIES,
        words="Ze is bang als het luid wordt.",
        how=How.SPOKESPERSON,
        spokesperson=spokesperson,
        actor=world.worker,
    )
    goal = ensure_goal(world)
    services.link_words(entry=words, target=goal, actor=world.worker)
    [seen] = attach_notes(_access(world, world.owner), [goal])
    assert [n.heading for n in seen.item_notes] == ["Wat An zegt namens Noor"]  # type: ignore[attr-defined]


def test_a_goal_without_the_childrens_words_is_flagged_for_the_consultant(world: World) -> None:
    goal = ensure_goal(world)
    [seen] = attach_notes(_access(world, world.owner), [goal])
    assert seen.item_flag == "Nog niet besproken met de kinderen"  # type: ignore[attr-defined]
    [seen] = attach_notes(_access(world, world.parent), [goal])
    assert seen.item_flag == ""  # type: ignore[attr-defined]
    stem.ensure_link(world)
    [seen] = attach_notes(_access(world, world.owner), [goal])
    assert seen.item_flag == ""  # type: ignore[attr-defined]
    html = (
        logged_in_client(world.owner)
        .get(reverse("assessments:statements", kwargs=reference_kwargs(world)))
        .content.decode()
    )
    assert "Nog niet besproken met de kinderen" not in html


def test_the_houses_go_to_the_columns_of_the_map(world: World) -> None:
    stem.ensure_words(world)  # worries
    stem.ensure_shared_words(world)  # good things, shared with the network
    notes = page_notes(_access(world, world.owner), "map")
    assert [n.text for n in notes[MapColumn.WORRIES]] == [stem.QUOTE]
    assert [n.text for n in notes[MapColumn.GOING_WELL]] == [stem.SHARED_QUOTE]
    grant_network_and_young_person(world)
    family = page_notes(_access(world, world.network_member), "map")
    assert MapColumn.WORRIES not in family
    assert [n.text for n in family[MapColumn.GOING_WELL]] == [stem.SHARED_QUOTE]
    html = (
        logged_in_client(world.worker)
        .get(reverse("assessments:map", kwargs=reference_kwargs(world)))
        .content.decode()
    )
    assert stem.QUOTE in html


def test_the_safety_path_is_a_line_of_the_scaling_chart(world: World) -> None:
    noor = child_of(world.trajectory)
    ensure_goal(world)  # a danger statement, which the scaling page charts
    for days, spot in ((30, 3), (10, 6)):
        house = services.add_session(
            trajectory=world.trajectory,
            child=noor,
            held_on=timezone.localdate() - datetime.timedelta(days=days),
            tool=Tool.SAFETY_HOUSE,
            actor=world.worker,
        )
        services.add_words(
            session=house,
            part=Part.PATH,
            words=f"op {spot}",
            path_position=spot,
            actor=world.worker,
        )
    [line] = extra_series(_access(world, world.owner))
    assert line.label == "Noor op het veiligheidspad"
    assert [spot for _day, spot in line.points] == [3, 6]
    assert extra_series(_access(world, world.parent)) == []
    html = (
        logged_in_client(world.owner)
        .get(reverse("assessments:scaling", kwargs=reference_kwargs(world)))
        .content.decode()
    )
    assert "Noor op het veiligheidspad" in html


def test_words_recorded_in_the_last_three_months_count_own_voice_and_spokesperson(
    world: World,
) -> None:
    stem.ensure_words(world)
    spokesperson = stem.ensure_spokesperson(world)
    services.add_words(
        session=stem.ensure_session(world),
        part=Part.GOOD,
        words="ze lacht veel",
        how=How.SPOKESPERSON,
        spokesperson=spokesperson,
        actor=world.worker,
    )
    since = timezone.localdate() - datetime.timedelta(days=91)
    counts = selectors.words_recorded_since([world.trajectory.pk, world.other_trajectory.pk], since)
    assert counts == {world.trajectory.pk: {"own": 1, "spokesperson": 1}}
    later = timezone.localdate()
    assert selectors.words_recorded_since([world.trajectory.pk], later) == {}

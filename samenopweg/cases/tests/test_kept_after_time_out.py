"""Forms sent after a session time-out, kept as drafts at the next login: the cases a review
found (issue 11, points 2 and 3): a second round, a newer draft elsewhere, a form whose action
drops the query, and an anonymous flood."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.models import Draft
from samenopweg.cases.tests.test_views import journal_post, journal_url
from samenopweg.core.middleware import LAST_USER_COOKIE, MAX_PENDING_BYTES, PENDING_KEY

pytestmark = pytest.mark.django_db


def _time_out(client: Client, world: World) -> None:
    client.force_login(world.owner)
    client.get(journal_url(world))
    assert LAST_USER_COOKIE in client.cookies
    client.session.delete()


def _two_tabs(client: Client, world: World, first: str, second: str) -> None:
    _time_out(client, world)
    client.post(journal_url(world), {**journal_post(text=first), "_tab": "a"})
    client.post(journal_url(world), {**journal_post(text=second), "_tab": "b"})
    client.force_login(world.owner)


def _texts(world: World) -> dict[str, str]:
    return {
        d.key.removeprefix(journal_url(world)): d.data["text"][0]
        for d in Draft.objects.filter(user=world.owner)
    }


def test_a_second_round_of_two_tabs_keeps_all_four_texts_and_logs_in(
    client: Client, world: World
) -> None:
    _two_tabs(client, world, "ronde 1 tab a", "ronde 1 tab b")
    _two_tabs(client, world, "ronde 2 tab a", "ronde 2 tab b")

    assert client.get(journal_url(world)).status_code == 200  # logged in, no 500
    assert sorted(_texts(world).values()) == [
        "ronde 1 tab a",
        "ronde 1 tab b",
        "ronde 2 tab a",
        "ronde 2 tab b",
    ]
    assert _texts(world)[""] == "ronde 2 tab b"  # the newest is the page's own draft


def test_a_draft_saved_elsewhere_after_the_form_was_sent_is_not_overwritten(
    client: Client, world: World
) -> None:
    _time_out(client, world)
    client.post(journal_url(world), journal_post(text="op de laptop, om 10 uur"))
    later = timezone.now() + datetime.timedelta(minutes=30)
    phone = Draft.objects.create(
        user=world.owner,
        trajectory=world.trajectory,
        key=journal_url(world),
        data={"text": ["op de gsm, om half elf"]},
    )
    Draft.objects.filter(pk=phone.pk).update(updated_at=later)

    client.force_login(world.owner)

    texts = _texts(world)
    assert texts[""] == "op de gsm, om half elf"
    assert texts["#2"] == "op de laptop, om 10 uur"


def test_a_form_whose_action_drops_the_query_saves_its_own_other_text(
    client: Client, world: World
) -> None:
    """The map's form posts to the map without ?concept=2: its hidden _concept says which."""
    _two_tabs(client, world, "eerste venster", "tweede venster")
    url = journal_url(world)
    page = client.get(url + "?concept=2").content.decode()
    assert 'name="_concept" value="2"' in page

    response = client.post(url, {**journal_post(text="eerste venster"), "_concept": "2"})

    assert response.status_code == 302
    assert _texts(world) == {"": "tweede venster"}  # the other tab's text is still there
    discarded = AuditEvent.objects.filter(action=AuditAction.WITHDRAW, object_type="cases.draft")
    assert [row.detail["draft_discarded"] for row in discarded] == [url + "#2"]


@pytest.mark.parametrize("number", ["1", "0", "²", "123", "9" * 200, "abc"])
def test_only_a_small_number_names_another_text(client: Client, world: World, number: str) -> None:
    client.force_login(world.owner)
    url = journal_url(world)
    response = client.post(
        f"{url}?concept={number}",
        {**journal_post(text="concept"), "_autosave": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert list(Draft.objects.values_list("key", flat=True)) == [url]


def test_nothing_is_kept_for_a_browser_nobody_was_logged_in_on(
    client: Client, world: World
) -> None:
    response = client.post(journal_url(world), journal_post(text="anoniem"))

    assert response.status_code == 302
    assert PENDING_KEY not in client.session


def test_what_an_anonymous_session_carries_is_bounded(client: Client, world: World) -> None:
    _time_out(client, world)
    big = "x" * 100_000
    for tab in range(6):
        client.post(journal_url(world), {**journal_post(text=big), "_tab": f"t{tab}" * 50})

    pending: list[dict[str, Any]] = client.session[PENDING_KEY]
    assert 0 < len(pending) < 6
    assert all(len(kept["tab"]) <= 40 for kept in pending)
    assert sum(len(kept["data"]["text"][0]) for kept in pending) <= MAX_PENDING_BYTES


def test_the_other_texts_are_offered_in_number_order(client: Client, world: World) -> None:
    client.force_login(world.owner)
    url = journal_url(world)
    for n in (10, 2, 3):
        Draft.objects.create(
            user=world.owner, trajectory=world.trajectory, key=f"{url}#{n}", data={"text": ["x"]}
        )
    page = client.get(url).content.decode()
    assert re.findall(r"\?concept=(\d+)", page) == ["2", "3", "10"]

"""Autosave keeps a copy in the browser until the server has the text (issue 11, point 1).

The server is made unreachable for the autosave by Playwright's routing (the request is aborted
as a dropped network would, or answered 503 as the app does when the database is down).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser.conftest import login
from tests.browser.helpers import assert_no_axe_violations, open_new_contact

pytestmark = pytest.mark.browser

COPIES = """() => Object.keys(localStorage).filter((k) => k.startsWith("sow-draft:"))
  .map((k) => [k, JSON.parse(localStorage.getItem(k)).fields])"""


def _copies(page: Any) -> list[Any]:
    return [tuple(pair) for pair in page.evaluate(COPIES)]


def _no_copy_left(page: Any) -> None:
    page.wait_for_function(
        "() => !Object.keys(localStorage).some((k) => k.startsWith('sow-draft:'))"
    )


def _type(page: Any, text: str) -> None:
    textarea = page.get_by_label("Verslag")
    textarea.click()
    textarea.press_sequentially(text[:5])
    textarea.fill(text)


def _autosave(route: Any, status: int) -> None:
    request = route.request
    if request.method == "POST" and "_autosave" in (request.post_data or ""):
        if status == 0:
            route.abort("internetdisconnected")
        else:
            route.fulfill(status=status, body="Samen op weg is even niet bereikbaar.")
    else:
        route.continue_()


@pytest.mark.parametrize("status", [0, 503], ids=["network-gone", "database-down"])
def test_a_save_that_does_not_reach_the_server_is_said_and_kept_in_the_browser(
    new_page: Any, demo_references: list[str], status: int
) -> None:
    from playwright.sync_api import expect

    reference = demo_references[-2]
    url = f"/trajecten/{reference}/logboek/"
    page = new_page(as_user="consulent")
    page.goto(url)
    open_new_contact(page)
    first = f"Huisbezoek {uuid.uuid4().hex[:6]}: de kinderen waren thuis."
    _type(page, first)
    expect(page.locator("#draft-status")).to_contain_text("Concept bewaard")
    _no_copy_left(page)  # the server confirmed: no copy left

    page.route("**/*", lambda route: _autosave(route, status))
    more = first + " Mama vertelde over de nieuwe afspraken met oma."
    _type(page, more)
    expect(page.locator("#draft-status")).to_contain_text("Niet bewaard om")
    expect(page.locator("#draft-status")).to_contain_text("staat wel in deze browser")
    [(key, fields)] = _copies(page)
    assert key.startswith("sow-draft:") and url in key
    assert fields["text"] == [more]

    # The form opens again: the server still has the older draft; the browser offers its copy.
    page.unroute("**/*")
    page.reload()
    expect(page.get_by_label("Verslag")).to_have_value(first)
    offer = page.locator(".browser-copy")
    expect(offer).to_contain_text("In deze browser staat nog een tekst van")
    expect(offer).to_contain_text("Het concept op de server is van")
    assert_no_axe_violations(page, "journal with the browser's copy offered")
    offer.get_by_role("button", name="Tekst uit de browser terugzetten").click()
    expect(page.get_by_label("Verslag")).to_have_value(more)
    # Put back, it goes through the autosave: once the server has it, the copy is dropped.
    expect(page.locator("#draft-status")).to_contain_text("Concept bewaard")
    _no_copy_left(page)
    page.get_by_role("button", name="Bewaren").click()  # leaves no draft for the next test
    expect(page.locator(".messages")).to_contain_text("bewaard in het logboek")


def test_saving_the_form_drops_the_copy(new_page: Any, demo_references: list[str]) -> None:
    from playwright.sync_api import expect

    reference = demo_references[-2]
    url = f"/trajecten/{reference}/logboek/"
    page = new_page(as_user="consulent")
    page.goto(url)
    open_new_contact(page)
    page.route("**/*", lambda route: _autosave(route, 0))
    text = f"Gesprek {uuid.uuid4().hex[:6]} met de school over de afspraken."
    _type(page, text)
    expect(page.locator("#draft-status")).to_contain_text("Niet bewaard om")
    copies = _copies(page)
    assert len(copies) == 1

    page.unroute("**/*")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.locator(".messages")).to_contain_text("bewaard in het logboek")
    _no_copy_left(page)
    page.goto(url)
    expect(page.locator(".browser-copy")).to_have_count(0)


PLANT = """(key) => localStorage.setItem(key, JSON.stringify({at: Date.now(), fields: {text: ["x"]}}))"""


def test_another_users_copies_are_dropped_and_logging_out_clears_them(
    new_page: Any, demo_references: list[str]
) -> None:
    from playwright.sync_api import expect

    page = new_page()
    login(page, "consulent")  # its own session: the logout must not end the shared cached one
    page.goto("/dashboard/")
    page.evaluate(PLANT, "sow-draft:999999:/trajecten/X/logboek/")
    page.reload()  # a page of this user: the other person's copy goes
    page.wait_for_function(
        "() => localStorage.getItem('sow-draft:999999:/trajecten/X/logboek/') === null"
    )

    me = page.locator('meta[name="sow-user"]').get_attribute("content")
    page.evaluate(PLANT, f"sow-draft:{me}:/trajecten/X/logboek/")
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("h1")).to_be_visible()
    assert _copies(page) == []  # Clear-Site-Data: "storage" on the logout


def test_a_copy_with_more_children_than_the_page_is_put_back_through_the_server(
    new_page: Any,
) -> None:
    """The registration's third child is not on a fresh page: the server draws it."""
    from playwright.sync_api import expect

    page = new_page(as_user="consulent2")
    page.goto("/trajecten/nieuw/")
    me = page.locator('meta[name="sow-user"]').get_attribute("content")
    fields = {
        "reason": ["Drie kinderen, de school belde."],
        "child-TOTAL_FORMS": ["3"],
        "child-INITIAL_FORMS": ["0"],
        "child-0-first_name": ["Eerste"],
        "child-1-first_name": ["Tweede"],
        "child-2-first_name": ["Derde"],
    }
    page.evaluate(
        "([key, fields]) => localStorage.setItem(key, JSON.stringify({at: Date.now(), fields}))",
        [f"sow-draft:{me}:/trajecten/nieuw/", fields],
    )
    page.reload()
    offer = page.locator(".browser-copy")
    with page.expect_navigation():
        offer.get_by_role("button", name="Tekst uit de browser terugzetten").click()

    expect(page.locator("#id_child-2-first_name")).to_have_value("Derde")
    expect(page.locator("#id_reason")).to_have_value("Drie kinderen, de school belde.")
    _no_copy_left(page)

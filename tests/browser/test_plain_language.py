"""The plain-language check in a real browser: live next to autosave, and without JavaScript."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any
from urllib.parse import parse_qs

import pytest

from tests.browser.helpers import click_and_wait, fill_registration, open_new_contact

pytestmark = pytest.mark.browser

JARGON = "Er is sprake van verontrusting en een complexe problematiek."


def test_registration_checks_the_text_live_and_still_autosaves(new_page: Any) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent")
    checks: list[dict[str, list[str]]] = []
    page.on(
        "request",
        lambda r: checks.append(parse_qs(r.post_data or "")) if "/taalcheck/" in r.url else None,
    )
    page.goto("/trajecten/nieuw/")
    page.fill("#id_child-0-first_name", "Lotte")

    reason = page.locator("#id_reason")
    reason.click()
    reason.press_sequentially(JARGON, delay=5)

    report = page.locator("#pl-id_reason")
    expect(report).to_contain_text("Moeilijk woord: verontrusting")
    expect(report).to_contain_text("zeg liever: we maken ons zorgen")
    expect(report).to_contain_text("Leesbaarheid:")
    expect(page.locator("#draft-status")).to_contain_text("Concept bewaard")
    # Only the field and its name travel to the check, not the children's names.
    assert checks, "no request to /taalcheck/"
    assert set(checks[-1]) == {"reason", "field"}, checks[-1]
    assert checks[-1]["reason"] == [JARGON]

    goal = page.locator("#id_goal")
    goal.fill("De kinderen werden door de politie opgehaald.")
    expect(page.locator("#pl-id_goal")).to_contain_text("Lijdende vorm: “werden … opgehaald”")
    expect(page.locator("#pl-id_reason")).to_contain_text("verontrusting")


def test_registration_with_jargon_saves_and_shows_a_tip(new_page: Any) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent")
    page.goto("/trajecten/nieuw/")
    fill_registration(
        page,
        reason=JARGON,
        goal="Lotte kan veilig thuis wonen.",
        first_name=f"Taal{uuid.uuid4().hex[:6]}",
        born="2017-05-04",
        answer="yes",
        basis="Gesprek met de juf.",
        next_step="Huisbezoek.",
        urgency="regular",
    )

    click_and_wait(page, page.get_by_role("button", name="Traject aanmelden"))

    assert re.search(r"/trajecten/OCJ-[^/]+/$", page.url), page.locator(".error").all_inner_texts()
    expect(page.locator(".messages")).to_contain_text(
        "Tip: 2 moeilijke woorden (verontrusting, problematiek)"
    )


def test_journal_text_is_checked_live(new_page: Any, demo_references: list[str]) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent")
    page.goto(f"/trajecten/{demo_references[0]}/logboek/")
    open_new_contact(page)
    expect(page.locator("main")).to_contain_text("dit verslag mogen zien")
    text = page.get_by_label("Verslag")
    text.click()
    text.press_sequentially("Het hulpverleningstraject loopt.", delay=5)
    expect(page.locator("#pl-id_text")).to_contain_text("Moeilijk woord: hulpverleningstraject")


def test_without_javascript_the_edit_page_shows_the_report_and_saving_gives_the_tip(
    new_page: Any, demo_references: list[str]
) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent", java_script_enabled=False)
    url = f"/trajecten/{demo_references[0]}/aanpassen/"
    page.goto(url)
    page.fill("#id_reason", JARGON)
    click_and_wait(page, page.get_by_role("button", name="Bewaren"))
    expect(page.locator(".messages")).to_contain_text("Tip: 2 moeilijke woorden")

    page.goto(url)
    expect(page.locator("#pl-id_reason")).to_contain_text("zeg liever: we maken ons zorgen")
    # The widget's htmx attributes are inert without JavaScript.
    vals = page.locator("#id_reason").get_attribute("hx-vals")
    assert json.loads(vals or "{}") == {"field": "reason"}

"""A registration with a child that is not safe now alerts the team lead; drafts survive a reload."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from tests.browser.conftest import PHONE, login, logout
from tests.browser.helpers import click_and_wait, fill_registration, open_new_contact

pytestmark = pytest.mark.browser


def test_unsafe_child_at_registration_alerts_team_lead(new_page: Any) -> None:
    from playwright.sync_api import expect

    page = new_page()
    login(page, "consulent")
    page.goto("/trajecten/nieuw/")
    expect(page.locator("h1")).to_have_text("Nieuw traject aanmelden")

    first_name = f"Browsertest{uuid.uuid4().hex[:8]}"
    fill_registration(
        page,
        reason="De school maakt zich zorgen over blauwe plekken.",
        goal="Het kind kan veilig thuis wonen, ook als het moeilijk gaat.",
        first_name=first_name,
        last_name="Proef",
        born="2016-05-04",
        answer="no",
        basis="Het kind vertelde de leerkracht dat het bang is.",
        next_step="Vandaag nog een huisbezoek met twee consulenten.",
        urgency="today",
    )

    click_and_wait(page, page.get_by_role("button", name="Traject aanmelden"))
    assert re.search(r"/trajecten/OCJ-[^/]+/$", page.url), (
        f"no trajectory page after registering, still at {page.url}; errors: "
        + repr(page.locator(".error").all_inner_texts())
    )
    reference = page.url.rstrip("/").rsplit("/", 1)[-1]
    expect(page.locator(".messages")).to_contain_text(
        "Het kind is nu niet veilig: de teamverantwoordelijke is verwittigd."
    )
    expect(page.locator("main")).to_contain_text(first_name)

    logout(page)
    login(page, "teamleider")
    page.goto("/dashboard/")
    alerts = page.locator("section.alerts")
    expect(alerts.locator("h2")).to_have_text("Acuut: kind nu niet veilig")
    expect(alerts).to_contain_text(reference)
    expect(alerts.locator("li", has_text=reference)).to_contain_text(first_name)


def test_journal_draft_is_autosaved_and_restored(new_page: Any, demo_references: list[str]) -> None:
    from playwright.sync_api import expect

    reference = demo_references[-1]
    page = new_page(viewport=PHONE, as_user="consulent")
    page.goto(f"/trajecten/{reference}/logboek/")
    open_new_contact(page)
    text = f"Telefoon met de school, draft {uuid.uuid4().hex[:8]}: het gaat beter."
    textarea = page.get_by_label("Verslag")
    textarea.click()
    textarea.press_sequentially(text[:20])
    textarea.fill(text)  # the rest in one go; each input restarts the 3 s autosave delay
    expect(page.locator("#draft-status")).to_contain_text("Concept bewaard")

    page.reload()
    expect(page.locator(".notice")).to_contain_text("We hebben je concept van")
    expect(page.get_by_label("Verslag")).to_have_value(text)

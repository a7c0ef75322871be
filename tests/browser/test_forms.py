"""Forms as the GOV.UK patterns have them (issue 12, point 6): after a failed submit the focus is
on the error summary; Enter in a text field of the registration submits it."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser.helpers import click_and_wait

pytestmark = pytest.mark.browser

FOCUSED = "() => document.activeElement && document.activeElement.className"


def test_after_a_failed_submit_the_focus_is_on_the_error_summary(new_page: Any) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent")
    page.goto("/trajecten/nieuw/")
    click_and_wait(page, page.get_by_role("button", name="Traject aanmelden"))

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert page.evaluate(FOCUSED) == "error-summary"
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.tagName") in {"INPUT", "TEXTAREA", "SELECT"}


def test_enter_in_a_text_field_submits_the_registration(new_page: Any) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent")
    page.goto("/trajecten/nieuw/")
    children = page.locator("fieldset.subform legend", has_text="Kind ")
    before = children.count()
    name = page.locator("#id_child-0-first_name")
    name.fill(f"Enter{uuid.uuid4().hex[:6]}")
    with page.expect_navigation():
        name.press("Enter")

    # Submitted (the other fields are still empty, so it says what is missing)...
    expect(page.locator(".error-summary")).to_be_visible()
    # ...and not "Nog een kind toevoegen": still one child.
    expect(children).to_have_count(before)

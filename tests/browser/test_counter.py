"""The live count of a long text (static/js/counter.js) in a real browser."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_a_long_text_counts_down_near_its_limit_and_keeps_a_pasted_text_whole(
    new_page: Any,
) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent")
    page.goto("/trajecten/nieuw/")
    reason = page.locator("#id_reason")
    count = page.locator("#id_reason-count")
    assert reason.get_attribute("maxlength") is None
    expect(count).to_have_attribute("aria-live", "polite")
    assert "id_reason-count" in (reason.get_attribute("aria-describedby") or "")

    reason.fill("a" * 1880)
    expect(count).to_have_text("Nog 120 tekens.")

    reason.fill("a" * 2010)  # as a paste: nothing is cut off
    expect(count).to_have_text("10 tekens te veel. Maak de tekst korter.")
    assert len(reason.input_value()) == 2010

    reason.fill("Een korte reden.")
    expect(count).to_have_text("")  # quiet again far from the limit

"""The dashboard in a real browser: the "Vandaag" block first, families before references, and on
a phone the caseload as a list that keeps "Nu veilig?" in view (issue 12, points 2, 3 and 5)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import VIEWPORTS, assert_no_axe_violations, click_and_wait, open_page

pytestmark = pytest.mark.browser

SIDEWAYS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_today_comes_first_and_leads_to_its_page(new_page: Any, viewport: str) -> None:
    from playwright.sync_api import expect

    page = open_page(new_page, "/dashboard/", viewport, as_user="consulent")
    today = page.locator("section.today")
    expect(today.locator("h2")).to_have_text("Vandaag")
    # Above the filters and the table.
    assert today.bounding_box()["y"] < page.locator("form.filters").bounding_box()["y"]
    first = today.locator("li a").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box["height"] >= 44, f"the first line's link is {box['height']} px high"
    assert not page.evaluate(SIDEWAYS), f"the dashboard scrolls sideways at {viewport}"
    assert_no_axe_violations(page, f"dashboard with today ({viewport})")
    target = first.get_attribute("href") or ""
    click_and_wait(page, first)
    assert page.url.split("#", 1)[0].endswith(target.split("#", 1)[0])
    expect(page.locator("h1 .reference")).to_be_visible()


def test_on_a_phone_each_family_is_a_card_with_its_safety(new_page: Any) -> None:
    from playwright.sync_api import expect

    page = open_page(new_page, "/dashboard/", "phone", as_user="consulent")
    row = page.locator("table.caseload tbody tr").first
    safety = row.locator("td[data-label='Nu veilig?']")
    expect(safety).to_be_visible()
    box = safety.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    # The label is shown before the value, so the card reads without the table's header.
    label = page.evaluate(
        "(el) => getComputedStyle(el, '::before').content", safety.element_handle()
    )
    assert "Nu veilig?" in label
    # The family leads; the reference is the second line.
    name = row.locator("th a")
    reference = row.locator("th .reference")
    expect(reference).to_have_text(str(row.get_attribute("data-reference")))
    assert name.bounding_box()["y"] < reference.bounding_box()["y"]

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


def test_a_parents_low_score_raises_the_signal_on_the_dashboard(
    new_page: Any, plan_reference: str
) -> None:
    """The worker enters the parents' round during a visit; a 3 out of 10 for "alles samen"
    puts "Bespreek de samenwerking" in the Vandaag block of the worker and of the consultant,
    one click from the feedback page (issue 13, 8)."""
    from playwright.sync_api import expect

    page = new_page(as_user="hulpverlener")
    page.goto(f"/trajecten/{plan_reference}/feedback/")
    click_and_wait(page, page.locator("a.button", has_text="Ouders over de samenwerking"))
    page.locator("input[name=respondent]").first.check()
    page.locator("input[name=how]").first.check()
    for name, score in (("score_1", 7), ("score_2", 6), ("score_3", 7), ("score_4", 3)):
        page.locator(f"input[name={name}][value='{score}']").check()
    page.locator("textarea[name=open_answer]").fill("Jullie bellen te weinig terug.")
    click_and_wait(page, page.locator("main form button[type=submit]").last)
    expect(page.locator(".signals")).to_contain_text("Bespreek de samenwerking")

    for user in ("hulpverlener", "consulent"):
        page = new_page(as_user=user)
        page.goto("/dashboard/")
        line = page.locator("section.today li", has_text="Bespreek de samenwerking").filter(
            has=page.locator(f"text={plan_reference}")
        )
        expect(line).to_have_count(1)
        expect(line).to_contain_text("score van 5 of minder")
        row = page.locator(f"table.caseload tr[data-reference='{plan_reference}']")
        expect(row.locator("td", has_text="bespreek de samenwerking")).to_have_count(1)
        click_and_wait(page, line.locator("a"))
        assert f"/trajecten/{plan_reference}/feedback/" in page.url
        expect(page.locator("#signals-title")).to_be_visible()

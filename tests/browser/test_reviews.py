"""Review meetings in a real browser (issue 15, part 1): the consultant reads the demo family's
reviews, holds a new one that adjusts the plan, and lands on the plan with the points to change
at the top; axe-core finds nothing on the review pages at 1280 and 390 px."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser.helpers import (
    VIEWPORTS,
    assert_no_axe_violations,
    click_and_wait,
    goto_ok,
    open_page,
)

pytestmark = pytest.mark.browser


def _overview(reference: str) -> str:
    return f"/trajecten/{reference}/evaluaties/"


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_review_pages_pass_axe(new_page: Any, plan_reference: str, viewport: str) -> None:
    from playwright.sync_api import expect

    page = open_page(new_page, _overview(plan_reference), viewport, as_user="consulent")
    # The demo's two reviews of the Aerts family, newest first.
    expect(page.locator("main")).to_contain_text("Verder zoals gepland")
    expect(page.locator("main")).to_contain_text("Het plan bijsturen")
    assert_no_axe_violations(page, f"the reviews overview ({viewport})")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], f"the overview scrolls sideways: {width}"

    click_and_wait(page, page.locator("main .entry-head a").first)
    expect(page.locator("main")).to_contain_text("Lopen de veranderingen goed?")
    assert_no_axe_violations(page, f"a review ({viewport})")

    goto_ok(page, _overview(plan_reference) + "nieuw/", "the new review form")
    assert_no_axe_violations(page, f"the new review form ({viewport})")


def test_a_review_that_adjusts_the_plan_opens_the_plan_with_the_points(
    new_page: Any, plan_reference: str
) -> None:
    from playwright.sync_api import expect

    marker = uuid.uuid4().hex[:8]
    page = open_page(new_page, _overview(plan_reference) + "nieuw/", as_user="consulent")
    page.get_by_label("Lopen de veranderingen goed?").fill("Ja, de avonden zijn rustig.")
    page.get_by_label("Zijn er zaken die bijgestuurd moeten worden?").fill(
        "Het weekend vraagt een afspraak."
    )
    page.get_by_label("Kan onze hulp hier stoppen?").fill("Nog niet.")
    # A failed submit first: the message sits next to the field and the typed text stays.
    page.get_by_label("Het plan bijsturen").check()
    click_and_wait(page, page.locator("main form button[type=submit]").first)
    expect(page.locator(".error-summary, .errors").first).to_be_visible()
    expect(page.get_by_label("Lopen de veranderingen goed?")).to_have_value(
        "Ja, de avonden zijn rustig."
    )
    page.get_by_label("Wat moet er in het plan veranderen?").fill(
        f"Een afspraak voor het weekend {marker}"
    )
    for group in page.locator("main fieldset", has=page.locator("input[value=not_yet]")).all():
        group.locator("input[value=not_yet]").check()
    click_and_wait(page, page.locator("main form button[type=submit]").first)
    assert "/plan/" in page.url, page.url
    points = page.locator("#bijsturen")
    expect(points).to_contain_text(f"Een afspraak voor het weekend {marker}")
    assert_no_axe_violations(page, "the plan with the points to change")

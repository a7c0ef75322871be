"""The safety network, the genogram and the ecomap in a real browser: axe-core finds nothing,
on a phone or a desktop; the diagrams have their text alternative; the Aerts family's contact
ban is at the top of the network page and marked in both drawings (issue 12, point 4)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import VIEWPORTS, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

PAGES = {
    "network": "/trajecten/{}/netwerk/",
    "diagrams": "/trajecten/{}/netwerk/genogram/",
    "member form": "/trajecten/{}/netwerk/nieuw/",
    "meeting form": "/trajecten/{}/netwerk/overleg/nieuw/",
}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations_on_the_network_pages(
    new_page: Any, plan_reference: str, viewport: str, name: str
) -> None:
    from playwright.sync_api import expect

    page = open_page(new_page, PAGES[name].format(plan_reference), viewport, as_user="hulpverlener")
    if name == "network":
        # The contact ban comes first, and its line leads to the full entry.
        box = page.locator("#contactverboden")
        expect(box).to_contain_text("mag niet in de buurt van de kinderen")
        target = box.locator("a").first.get_attribute("href")
        assert target and target.startswith("#verbod-")
        expect(page.locator(target)).to_be_visible()
    if name == "diagrams":
        # Two drawings of each (people.diagrams: a wide one and a phone's narrow one); the one
        # this window shows is visible and marks the ban.
        genogram = page.locator("svg.genogram:visible")
        ecomap = page.locator("svg.ecomap:visible")
        expect(genogram).to_have_count(1)
        expect(ecomap).to_have_count(1)
        expect(genogram.locator(".ban-mark")).to_have_count(1)
        expect(ecomap).to_contain_text("contactverbod")
        page.locator("details summary").first.click()
        expect(page.locator("main")).to_contain_text("Greet Willems")
    assert_no_axe_violations(page, f"the {name} ({viewport})")

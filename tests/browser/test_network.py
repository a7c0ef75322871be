"""The safety network, the genogram and the ecomap in a real browser: axe-core finds nothing,
on a phone or a desktop; the diagrams have their text alternative."""

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
    if name == "diagrams":
        expect(page.locator("svg.genogram")).to_be_visible()
        expect(page.locator("svg.ecomap")).to_be_visible()
        page.locator("details summary").first.click()
        expect(page.locator("main")).to_contain_text("Greet Willems")
    assert_no_axe_violations(page, f"the {name} ({viewport})")

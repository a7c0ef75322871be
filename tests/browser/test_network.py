"""The safety network, the genogram and the ecomap in a real browser: axe-core finds nothing,
on a phone or a desktop; the diagrams have their text alternative."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_accessibility import axe_violations, describe
from tests.browser.test_safety_plan import plan_reference  # noqa: F401 - a fixture

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
PAGES = {
    "network": "/trajecten/{}/netwerk/",
    "diagrams": "/trajecten/{}/netwerk/genogram/",
    "member form": "/trajecten/{}/netwerk/nieuw/",
    "meeting form": "/trajecten/{}/netwerk/overleg/nieuw/",
}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations_on_the_network_pages(
    new_page: Any,
    plan_reference: str,  # noqa: F811 - the fixture
    viewport: str,
    name: str,
) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=VIEWPORTS[viewport], as_user="hulpverlener")
    response = page.goto(PAGES[name].format(plan_reference))
    assert response is not None and response.ok
    if name == "diagrams":
        expect(page.locator("svg.genogram")).to_be_visible()
        expect(page.locator("svg.ecomap")).to_be_visible()
        page.locator("details summary").first.click()
        expect(page.locator("main")).to_contain_text("Greet Willems")
    violations = axe_violations(page)
    assert not violations, f"axe on the {name} ({viewport}):\n{describe(violations)}"

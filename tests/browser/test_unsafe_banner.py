"""The banner of an unsafe child, in a real browser: readable, no sideways scroll, axe-clean."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import VIEWPORTS, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

SIDEWAYS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


def _unsafe_reference(new_page: Any) -> str:
    """The team lead's acute alert names the demo family whose child is not safe now."""
    page = open_page(new_page, "/dashboard/", as_user="teamleider")
    link = page.locator("section.alerts li a").first
    href = link.get_attribute("href") or ""
    return href.rstrip("/").split("/trajecten/", 1)[1].split("/", 1)[0]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_unsafe_banner_is_on_top_and_passes_axe(new_page: Any, viewport: str) -> None:
    from playwright.sync_api import expect

    reference = _unsafe_reference(new_page)
    for path in (f"/trajecten/{reference}/", f"/trajecten/{reference}/logboek/"):
        page = open_page(new_page, path, viewport, as_user="teamleider")
        banner = page.locator(".unsafe-banner")
        expect(banner).to_be_visible()
        expect(banner.locator("h2")).to_contain_text("nu niet veilig")
        # Above the tabs: the first thing of the trajectory's head after its title.
        tabs = page.get_by_role("navigation", name="Traject")
        assert banner.bounding_box()["y"] < tabs.bounding_box()["y"]
        assert not page.evaluate(SIDEWAYS), f"{path} scrolls sideways at {viewport}"
        assert_no_axe_violations(page, f"unsafe banner on {path} ({viewport})")

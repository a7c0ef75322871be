from typing import Any
import pytest
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_overview_a11y import filled_reference  # noqa: F401
pytestmark = pytest.mark.browser

def test_shot(new_page: Any, filled_reference: str) -> None:
    for name, vp in (("desktop", DESKTOP), ("phone", PHONE)):
        page = new_page(viewport=vp, as_user="consulent")
        page.goto(f"/trajecten/{filled_reference}/kaart/overzicht/")
        page.screenshot(path=f"/tmp/ov/screen-{name}.png", full_page=True)
    open("/tmp/ov/chromium.pdf", "wb").write(page.pdf(prefer_css_page_size=True))
    page = new_page(viewport=DESKTOP, as_user="teamleider")
    page.goto("/dashboard/")
    page.screenshot(path="/tmp/ov/dashboard.png", full_page=True)
    r = page.request.get(f"/trajecten/{filled_reference}/kaart/overzicht.pdf")
    open("/tmp/ov/demo.pdf", "wb").write(r.body())

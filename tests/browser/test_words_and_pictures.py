"""Words and Pictures in a real browser: the worker adds a page with a drawing, the picture
shows through the item rule; axe-core finds nothing on the story pages."""

from __future__ import annotations

import io
import uuid
from typing import Any

import pytest

from tests.browser.helpers import VIEWPORTS, assert_no_axe_violations, click_and_wait

pytestmark = pytest.mark.browser


def _drawing() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 300), (255, 250, 240))
    ImageDraw.Draw(image).ellipse((150, 100, 250, 200), fill=(220, 60, 90))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _open_story(page: Any, reference: str) -> None:
    page.goto(f"/trajecten/{reference}/woorden-en-beelden/")
    click_and_wait(page, page.locator("ul.stories a").first)


def test_the_worker_adds_a_page_with_a_drawing(new_page: Any, plan_reference: str) -> None:
    from playwright.sync_api import expect

    marker = uuid.uuid4().hex[:8]
    page = new_page(as_user="hulpverlener")
    _open_story(page, plan_reference)
    click_and_wait(page, page.get_by_role("link", name="Bladzijde toevoegen"))
    page.get_by_label("Tekst van deze bladzijde").fill(f"Oma Greet komt elke avond ({marker}).")
    page.get_by_label("Tekening of foto", exact=True).set_input_files(
        files=[{"name": "tekening.png", "mimeType": "image/png", "buffer": _drawing()}]
    )
    page.get_by_label("Wat staat er op de tekening of foto?").fill(f"Een rood hart {marker}")
    click_and_wait(page, page.get_by_role("button", name="Bladzijde bewaren"))
    expect(page.locator(".messages")).to_contain_text("De bladzijde staat in het verhaal.")
    picture = page.locator(f'img[alt="Een rood hart {marker}"]')
    expect(picture).to_be_visible()
    # The browser really loaded it (through the item rule), not a broken image.
    # Visible is not loaded: wait until the browser has decoded the picture (it is served through
    # the item rule, which under load can take longer than the page itself).
    page.wait_for_function(
        "alt => { const img = [...document.images].find(i => i.alt === alt);"
        " return !!img && img.complete && img.naturalWidth > 0; }",
        arg=f"Een rood hart {marker}",
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("where", ["list", "story", "page form"])
def test_no_axe_violations_on_the_story_pages(
    new_page: Any, plan_reference: str, viewport: str, where: str
) -> None:
    page = new_page(viewport=VIEWPORTS[viewport], as_user="hulpverlener")
    if where == "list":
        page.goto(f"/trajecten/{plan_reference}/woorden-en-beelden/")
    else:
        _open_story(page, plan_reference)
        if where == "page form":
            click_and_wait(page, page.get_by_role("link", name="Bladzijde toevoegen"))
            # Sent empty: the messages next to the fields too.
            click_and_wait(page, page.get_by_role("button", name="Bladzijde bewaren"))
    assert_no_axe_violations(page, f"the {where} ({viewport})")

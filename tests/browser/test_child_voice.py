"""The child's voice in a real browser: the worker records a Three Houses session, the child
draws on the screen (a canvas saved as a PNG through the upload field), a quote is linked to a
safety goal and the consultant finds it there; axe-core finds nothing on the new pages."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser.helpers import VIEWPORTS, assert_no_axe_violations, click_and_wait

pytestmark = pytest.mark.browser


def _new_session(page: Any, reference: str) -> str:
    """A Three Houses session with the first child; returns the session's path."""
    page.goto(f"/trajecten/{reference}/kinderen/")
    click_and_wait(page, page.locator("a.button", has_text="Nieuw gesprek").first)
    page.get_by_label("Drie huizen").check()
    click_and_wait(page, page.get_by_role("button", name="Gesprek bewaren"))
    return str(page.url).split("#")[0].replace(page.url.split("/trajecten/")[0], "")


def test_a_session_with_a_canvas_drawing_and_a_quote_linked_to_a_goal(
    new_page: Any, plan_reference: str
) -> None:
    from playwright.sync_api import expect

    marker = uuid.uuid4().hex[:8]
    page = new_page(as_user="hulpverlener")
    session_path = _new_session(page, plan_reference)
    expect(page.locator("h2")).to_contain_text("Drie huizen")

    # Drawing on the screen: a few strokes, and the canvas lands in the file field as a PNG.
    click_and_wait(page, page.get_by_role("link", name="Tekenen op het scherm"))
    canvas = page.locator("[data-drawing-pad] canvas")
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 30, box["y"] + 30)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 30 + step * 20, box["y"] + 30 + step * 12)
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('input[name=picture]').files.length === 1")
    page.get_by_label("Wat staat er op de tekening?").fill(f"Een lange streep {marker}")
    click_and_wait(page, page.get_by_role("button", name="Tekening bewaren"))
    expect(page.locator(".messages")).to_contain_text("De tekening is bewaard")
    page.wait_for_function(
        "alt => { const img = [...document.images].find(i => i.alt === alt);"
        " return !!img && img.complete && img.naturalWidth > 0; }",
        arg=f"Een lange streep {marker}",
    )

    # The child's words in the house of worries, as said.
    click_and_wait(page, page.locator("#deel-worries a", has_text="Woorden noteren"))
    page.get_by_label("De woorden van het kind").fill(f"als papa roept ben ik bang {marker}")
    click_and_wait(page, page.get_by_role("button", name="Woorden bewaren"))
    words = page.locator("article.voice-words", has_text=marker)
    expect(words).to_contain_text("Alleen professionals")

    # Linked to the first safety goal.
    click_and_wait(page, words.get_by_role("link", name="Koppelen aan een doel of beslissing"))
    select = page.get_by_label("Waar hoort dit bij?")
    goal = select.locator("optgroup[label='Veiligheidsdoelen'] option").first.get_attribute("value")
    select.select_option(goal)
    click_and_wait(page, page.get_by_role("button", name="Koppelen"))
    expect(page.locator("article.voice-words", has_text=marker)).to_contain_text("Gekoppeld aan")

    # The consultant sees it next to the goal.
    consultant = new_page(as_user="consulent")
    consultant.goto(f"/trajecten/{plan_reference}/wat/")
    expect(consultant.locator(".child-words", has_text=marker).first).to_be_visible()
    assert session_path.startswith("/trajecten/")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_on_the_childs_voice_pages(
    new_page: Any, plan_reference: str, viewport: str
) -> None:
    page = new_page(viewport=VIEWPORTS[viewport], as_user="hulpverlener")
    page.goto(f"/trajecten/{plan_reference}/kinderen/")
    assert_no_axe_violations(page, f"the children's overview ({viewport})")
    session_path = _new_session(page, plan_reference)
    assert_no_axe_violations(page, f"a session ({viewport})")
    page.goto(f"{session_path}tekening/?op=scherm")
    assert_no_axe_violations(page, f"the drawing pad ({viewport})")
    page.goto(f"{session_path}woorden/?deel=worries")
    click_and_wait(page, page.get_by_role("button", name="Woorden bewaren"))  # empty: errors
    assert_no_axe_violations(page, f"the words form with errors ({viewport})")
    page.goto(f"/trajecten/{plan_reference}/kinderen/woordvoerder/nieuw/")
    assert_no_axe_violations(page, f"the spokesperson form ({viewport})")

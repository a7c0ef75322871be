"""The genogram, the ecomap and the scaling chart are readable on a phone (issue 12, point 7):
at 390 × 844 every text in them is at least 12 px, no two texts touch, nothing scrolls
sideways; axe finds nothing on these pages on a phone nor on a desktop."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.helpers import assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

DIAGRAMS, SCALING = "/trajecten/{ref}/netwerk/genogram/", "/trajecten/{ref}/schaal/"

# Every visible <text> of the drawings: its size on screen (font size × the drawing's scale)
# and its box. The drawing that is not shown (the phone's or the desktop's) has no box.
TEXTS = """() => {
  const out = [];
  for (const svg of document.querySelectorAll("svg.genogram, svg.ecomap, svg.trend-chart")) {
    if (!svg.getClientRects().length) continue;
    const id = svg.getAttribute("aria-labelledby");
    const s = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll("text")) {
      const r = t.getBoundingClientRect();
      const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
      const inside = r.left >= s.left - 0.5 && r.right <= s.right + 0.5 &&
        r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5;
      out.push({svg: id, text: t.textContent, px, inside, box: [r.left, r.top, r.right, r.bottom]});
    }
  }
  return out;
}"""


SIZES = """() => [...document.querySelectorAll(".diagram-wide svg")].map(
  s => [s.getAttribute("viewBox"), s.getBoundingClientRect().width, s.parentElement.clientWidth])"""


def _texts(page: Any) -> list[dict[str, Any]]:
    return list(page.evaluate(TEXTS))


def _touching(texts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    found = []
    for a, b in itertools.combinations(texts, 2):
        (al, at, ar, ab), (bl, bt, br, bb) = a["box"], b["box"]
        if a["svg"] == b["svg"] and al < br - 1 and bl < ar - 1 and at < bb - 1 and bt < ab - 1:
            found.append((a["text"], b["text"]))
    return found


@pytest.fixture(scope="module")
def references(demo_references: list[str], plan_reference: str) -> list[str]:
    """Every open demo trajectory of the consulent, and the Aerts family (the biggest network)."""
    return sorted({*demo_references, plan_reference})


@pytest.mark.parametrize("path", [DIAGRAMS, SCALING])
def test_on_a_phone_every_text_in_the_drawings_is_at_least_12_px(
    new_page: Callable[..., Any], references: list[str], path: str
) -> None:
    for ref in references:
        page = open_page(new_page, path.format(ref=ref), "phone", as_user="consulent")
        texts = _texts(page)
        if path == DIAGRAMS:
            shown = {t["svg"] for t in texts}
            assert shown == {
                "genogram-narrow-title genogram-narrow-desc",
                "ecomap-narrow-title ecomap-narrow-desc",
            }, (ref, shown)
        small = [(t["text"], round(t["px"], 1)) for t in texts if t["px"] < 12]
        assert not small, (ref, path, small)
        assert not _touching(texts), (ref, path, _touching(texts))
        cut = [t["text"] for t in texts if not t["inside"]]
        assert not cut, (ref, path, cut)  # no text runs off the drawing's edge
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (ref, path, width)
        page.close()


def test_on_a_desktop_the_wide_drawings_show_and_no_label_touches_another(
    new_page: Callable[..., Any], references: list[str]
) -> None:
    for ref in references:
        page = open_page(new_page, DIAGRAMS.format(ref=ref), "desktop", as_user="consulent")
        texts = _texts(page)
        assert {t["svg"] for t in texts} == {
            "genogram-title genogram-desc",
            "ecomap-title ecomap-desc",
        }
        assert not _touching(texts), (ref, _touching(texts))
        assert all(t["inside"] for t in texts), (ref, [t for t in texts if not t["inside"]])
        smallest = min(texts, key=lambda t: t["px"])
        sizes = page.evaluate(SIZES)
        assert smallest["px"] >= 11, (ref, smallest, sizes)
        page.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", [DIAGRAMS, SCALING])
def test_the_diagram_pages_pass_axe(
    new_page: Callable[..., Any], plan_reference: str, viewport: str, path: str
) -> None:
    page = open_page(new_page, path.format(ref=plan_reference), viewport, as_user="consulent")
    page.locator("details").first.evaluate("d => d.open = true")  # the words too
    assert_no_axe_violations(page, f"{path} ({viewport})")

"""The printable overview: no axe violations on a phone and a desktop, a print layout, the PDF.

The demo data has no danger statements, so map entries, a statement with its goal, two rounds
and a bottom line are written into the browser database first, through `manage.py shell`
against the same throw-away database.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.helpers import (
    VIEWPORTS,
    assert_no_axe_violations,
    click_and_wait,
    open_page,
    seeded_reference,
)

pytestmark = pytest.mark.browser

MARKER = "BROWSERTEST-OVERZICHT"

# Runs inside `manage.py shell`, after helpers.SEED_PRELUDE: a few map entries, one statement, two rounds, once.
SEED = """
from samenopweg.assessments.models import BottomLine, MapCategory, MapEntry, ProfessionalView
from samenopweg.assessments.services.scaling import ScoreInput, record_scaling_round
if not MapEntry.objects.filter(trajectory=t, text__startswith=MARKER).exists():
    adult = Person.objects.filter(trajectory=t, is_child=False).first()
    for i, category in enumerate(MapCategory):
        MapEntry.objects.create(
            trajectory=t, category=category, text=f"{MARKER} regel {i}: mama brengt de kinderen naar school.",
            view_of_person=adult if i % 2 else None,
            view_of_role="" if i % 2 else ProfessionalView.CONSULENT,
            audience=Audience.PROFESSIONALS if i % 3 == 0 else Audience.PARENTS, created_by=owner)
    s = statement_with_goal()
    BottomLine.objects.create(
        trajectory=t, text="Papa is niet alleen met de kinderen als hij gedronken heeft.",
        reason="Dan is het thuis niet veilig.", audience=Audience.PARENTS, created_by=owner)
    day = datetime.date(2026, 1, 12)
    for i, (a, c) in enumerate([(4, 2), (6, 3)]):
        scores = [ScoreInput(danger_statement=s, score=c, professional_role="consulent")]
        if adult:
            scores.append(ScoreInput(danger_statement=s, score=a, person=adult,
                                     audience=Audience.PARENTS))
        record_scaling_round(trajectory=t, held_on=day + datetime.timedelta(days=28 * i),
                             session=None, scores=scores, actor=owner)
print("ok")
"""


filled_reference = seeded_reference(MARKER, SEED, "the overview")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations(new_page: Any, filled_reference: str, viewport: str) -> None:
    from playwright.sync_api import expect

    page = open_page(
        new_page, f"/trajecten/{filled_reference}/kaart/overzicht/", viewport, as_user="consulent"
    )
    expect(page.locator(".sheet-columns")).to_contain_text(MARKER)
    expect(page.locator("table.sheet-what")).to_contain_text("Veiligheidsdoel")
    assert_no_axe_violations(page, f"the overview ({viewport})")


def test_printed_it_is_one_sheet_without_the_app_around_it(
    new_page: Any, filled_reference: str
) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=DESKTOP, as_user="consulent")
    page.goto(f"/trajecten/{filled_reference}/kaart/overzicht/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".print-bar")).to_be_hidden()
    expect(page.locator(".sheet-confidential")).to_be_visible()
    # The three columns side by side: the same top, left to right.
    boxes = [page.locator(".sheet-column").nth(i).bounding_box() for i in range(3)]
    assert all(box is not None for box in boxes)
    tops = {round(box["y"]) for box in boxes if box}
    lefts = [box["x"] for box in boxes if box]
    assert len(tops) == 1 and lefts == sorted(lefts), boxes
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")


def test_the_pdf_link_downloads_the_pdf(new_page: Any, filled_reference: str) -> None:
    page = new_page(viewport=DESKTOP, as_user="consulent")
    page.goto(f"/trajecten/{filled_reference}/kaart/")
    click_and_wait(page, page.get_by_role("link", name="Afdrukken / PDF"))
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF downloaden").click()
    download = info.value
    assert download.suggested_filename == f"kaart-{filled_reference}.pdf"

"""The scaling page and the round form: no axe violations on a phone and a desktop, no JavaScript needed.

The demo data has no danger statements, so a statement with a few rounds is written into the
browser database first, through `manage.py shell` against the same throw-away database.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PHONE
from tests.browser.helpers import (
    VIEWPORTS,
    assert_no_axe_violations,
    click_and_wait,
    open_page,
    seeded_reference,
)

pytestmark = pytest.mark.browser

MARKER = "BROWSERTEST-SCHAAL"

# Runs inside `manage.py shell`, after helpers.SEED_PRELUDE: one danger statement with its goal and three rounds, once.
SEED = """
from samenopweg.assessments.services.scaling import ScoreInput, record_scaling_round
if not DangerStatement.objects.filter(trajectory=t, who_is_worried__startswith=MARKER).exists():
    s = statement_with_goal()
    adult = Person.objects.filter(trajectory=t, is_child=False).first()
    kid = Person.objects.filter(trajectory=t, is_child=True).first()
    day = datetime.date(2026, 1, 12)
    for i, (a, k, c, h) in enumerate([(4, 3, 2, 3), (6, 4, 3, 4), (7, 6, 3, 5)]):
        scores = [ScoreInput(danger_statement=s, score=c, professional_role="consulent",
                             what_makes_it="Er waren nog incidenten."),
                  ScoreInput(danger_statement=s, score=h, professional_role="hulpverlener")]
        if adult:
            scores.append(ScoreInput(danger_statement=s, score=a, person=adult,
                                     what_makes_it="Papa drinkt minder.",
                                     one_higher="Oma komt elke avond.", audience=Audience.PARENTS))
        if kid:
            scores.append(ScoreInput(danger_statement=s, score=k, person=kid))
        record_scaling_round(trajectory=t, held_on=day + datetime.timedelta(days=28 * i),
                             session=None, scores=scores, actor=owner)
print("ok")
"""


scaled_reference = seeded_reference(MARKER, SEED, "a danger statement")


PAGES = {
    "scaling": "/trajecten/{ref}/schaal/",
    "scaling-new": "/trajecten/{ref}/schaal/nieuw/",
    "scaling-new-errors": "/trajecten/{ref}/schaal/nieuw/",
}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(new_page: Any, scaled_reference: str, name: str, viewport: str) -> None:
    from playwright.sync_api import expect

    page = open_page(
        new_page, PAGES[name].format(ref=scaled_reference), viewport, as_user="consulent"
    )
    if name == "scaling":
        expect(page.locator("svg.trend-chart").first).to_be_visible()
        expect(page.locator(".difference").first).to_contain_text("Groot verschil")
        page.get_by_text("Alle cijfers als tabel").first.click()  # check the table inside too
        expect(page.locator("details table").first).to_be_visible()
    if name == "scaling-new-errors":
        page.locator("select[name$='-0-score']").first.select_option("5")
        click_and_wait(page, page.get_by_role("button", name="Cijfers bewaren"))
        expect(page.locator(".error").first).to_contain_text("Kies wie dit cijfer geeft.")
    assert_no_axe_violations(page, f"{name} ({viewport})")


def test_a_round_is_recorded_without_javascript(new_page: Any, scaled_reference: str) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=PHONE, as_user="consulent", java_script_enabled=False)
    page.goto(f"/trajecten/{scaled_reference}/schaal/")
    click_and_wait(page, page.get_by_role("link", name="Nieuwe ronde cijfers"))
    rows = page.locator("select[name$='-who']")
    count = rows.count()
    click_and_wait(page, page.get_by_role("button", name="Nog een rij toevoegen").first)
    expect(page.locator("select[name$='-who']")).to_have_count(count + 1)
    expect(page.locator(".error")).to_have_count(0)

    page.locator("select[name$='-0-who']").first.select_option("role:school")
    page.locator("select[name$='-0-score']").first.select_option("8")
    page.locator("textarea[name$='-0-what_makes_it']").first.fill("Zonder JavaScript: 8.")
    click_and_wait(page, page.get_by_role("button", name="Cijfers bewaren"))
    expect(page.locator(".messages")).to_contain_text("De cijfers zijn bewaard")
    expect(page.locator("main")).to_contain_text("Zonder JavaScript: 8.")

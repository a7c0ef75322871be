"""The printable overview: no axe violations on a phone and a desktop, a print layout, the PDF.

The demo data has no danger statements, so map entries, a statement with its goal, two rounds
and a bottom line are written into the browser database first, through `manage.py shell`
against the same throw-away database.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, ROOT
from tests.browser.test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
MARKER = "BROWSERTEST-OVERZICHT"

# Runs inside `manage.py shell`: a few map entries, one statement, two rounds, once.
SEED = """
import datetime
from samenopweg.accounts.models import User
from samenopweg.assessments.models import (
    BottomLine, DangerStatement, MapCategory, MapEntry, ProfessionalView, SafetyGoal)
from samenopweg.assessments.services.scaling import ScoreInput, record_scaling_round
from samenopweg.cases.models import Trajectory
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

t = Trajectory.objects.get(reference=REFERENCE)
owner = User.objects.get(username="consulent")
if not MapEntry.objects.filter(trajectory=t, text__startswith=MARKER).exists():
    adult = Person.objects.filter(trajectory=t, is_child=False).first()
    for i, category in enumerate(MapCategory):
        MapEntry.objects.create(
            trajectory=t, category=category, text=f"{MARKER} regel {i}: mama brengt de kinderen naar school.",
            view_of_person=adult if i % 2 else None,
            view_of_role="" if i % 2 else ProfessionalView.CONSULENT,
            audience=Audience.PROFESSIONALS if i % 3 == 0 else Audience.PARENTS, created_by=owner)
    s = DangerStatement.objects.create(
        trajectory=t, who_is_worried=MARKER + " De school en de consulent",
        behaviour="papa roept en slaat als hij gedronken heeft",
        impact="de kinderen bang zijn om naar huis te gaan",
        fear="een kind gewond raakt", audience=Audience.PARENTS, created_by=owner)
    SafetyGoal.objects.create(
        danger_statement=s, trajectory=t,
        parents_and_network_will="Mama en oma zorgen dat papa nuchter is als hij de kinderen ziet",
        child_will_experience="De kinderen voelen zich veilig thuis",
        professionals_will_see="De afspraken worden nagekomen", for_how_long="drie maanden",
        audience=Audience.PARENTS, created_by=owner)
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


@pytest.fixture(scope="module")
def filled_reference(base_url: str, server_env: dict[str, str], demo_references: list[str]) -> str:
    reference = demo_references[0]
    code = f"REFERENCE = {reference!r}\nMARKER = {MARKER!r}\n" + SEED
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        cwd=ROOT,
        env=server_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0 or "ok" not in done.stdout:
        pytest.fail(f"seeding the overview failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return reference


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations(new_page: Any, filled_reference: str, viewport: str) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=VIEWPORTS[viewport], as_user="consulent")
    response = page.goto(f"/trajecten/{filled_reference}/kaart/overzicht/")
    assert response is not None and response.ok, f"HTTP {response and response.status}"
    expect(page.locator(".sheet-columns")).to_contain_text(MARKER)
    expect(page.locator("table.sheet-what")).to_contain_text("Veiligheidsdoel")
    violations = axe_violations(page)
    assert not violations, f"axe on the overview ({viewport}, {page.url}):\n{describe(violations)}"


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
    with page.expect_navigation():
        page.get_by_role("link", name="Afdrukken / PDF").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF downloaden").click()
    download = info.value
    assert download.suggested_filename == f"kaart-{filled_reference}.pdf"

"""The map: no axe violations on a phone and a desktop; add, move and merge work without JavaScript.

The demo data has no map, so two sessions and a map with a merged and a withdrawn entry are
written into the browser database first, through `manage.py shell` on the same throw-away database.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import (
    VIEWPORTS,
    assert_no_axe_violations,
    click_and_wait,
    open_page,
    seeded_reference,
)

pytestmark = pytest.mark.browser

MARKER = "BROWSERTEST-KAART"

# Runs inside `manage.py shell`, after helpers.SEED_PRELUDE: two sessions, an entry in most categories, once.
SEED = """
from samenopweg.assessments.models import MapEntry
from samenopweg.assessments.services import map as services
if not MapEntry.objects.filter(trajectory=t, text__startswith=MARKER).exists():
    adults = list(Person.objects.filter(trajectory=t, is_child=False).order_by("id"))
    kids = list(Person.objects.filter(trajectory=t, is_child=True).order_by("id"))
    first = services.record_mapping_session(
        trajectory=t, held_on=datetime.date(2026, 1, 12), participants=adults[:1] + kids[:1],
        professionals=[owner], other_participants="juf Ann", actor=owner)
    second = services.record_mapping_session(
        trajectory=t, held_on=datetime.date(2026, 2, 9), participants=adults[:2],
        professionals=[owner], actor=owner)
    mama = adults[0] if adults else None
    kid = kids[0] if kids else None
    lines = [
        ("harm", MARKER + " Papa roept en slaat als hij gedronken heeft.", None, "school", 1, first),
        ("harm", "Het kind slaapt slecht en wil niet naar huis.", kid, "", 1, first),
        ("danger_short", "Een kind kan gewond raken als niemand ingrijpt.", None, "consulent", 1,
         first),
        ("danger_long", "De kinderen leren dat slaan normaal is.", None, "hulpverlener", 0, second),
        ("complicating", "Mama werkt 's avonds.", mama, "", 1, second),
        ("strength", "Mama brengt de kinderen elke dag naar school.", None, "school", 2, first),
        ("existing_safety", "Oma haalt de kinderen op als papa gedronken heeft.", mama, "", 2,
         second),
        ("exception", "Toen papa in therapie was, was het thuis rustig.", mama, "", 1, second),
        ("next_step", "Netwerkbijeenkomst plannen.", None, "hulpverlener", 1, second),
    ]
    for category, text, person, role, audience, session in lines:
        services.add_map_entry(
            trajectory=t, category=category, text=text, audience=audience,
            view_of_person=person, view_of_role=role if person is None else "",
            session=session, actor=owner)
    old = services.add_map_entry(trajectory=t, category="strength", text="Verkeerd genoteerd.",
                                 audience=0, view_of_role="consulent", actor=owner)
    services.withdraw_map_entry(entry=old, reason="Hoort bij een ander gezin", actor=owner)
    a = services.add_map_entry(trajectory=t, category="change", text="Papa drinkt niet thuis.",
                               audience=1, view_of_role="consulent", actor=owner)
    b = services.add_map_entry(trajectory=t, category="change", text="Altijd een nuchtere "
                               "volwassene thuis.", audience=1, view_of_role="hulpverlener",
                               actor=owner)
    services.merge_map_entries(
        trajectory=t, entries=[a, b], expected_versions={}, category="change", audience=1,
        text="Als de kinderen thuis zijn, is er altijd een nuchtere volwassene.",
        view_of_role="consulent", actor=owner)
print("ok")
"""


mapped_reference = seeded_reference(MARKER, SEED, "the map")


PAGES = {
    "map": "/trajecten/{ref}/kaart/",
    "map-add-form": "/trajecten/{ref}/kaart/?categorie=strength#nieuw",
    "map-add-errors": "/trajecten/{ref}/kaart/?categorie=strength#nieuw",
    "session-new": "/trajecten/{ref}/kaart/gesprek/nieuw/",
    "merge-pick": "/trajecten/{ref}/kaart/samenvoegen/",
}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(new_page: Any, mapped_reference: str, name: str, viewport: str) -> None:
    from playwright.sync_api import expect

    page = open_page(
        new_page, PAGES[name].format(ref=mapped_reference), viewport, as_user="consulent"
    )
    if name == "map":
        expect(page.locator(".map-column")).to_have_count(3)
        page.locator("details.move summary").first.click()  # check the move form inside too
        expect(page.locator(".move-form select").first).to_be_visible()
    if name == "map-add-errors":
        page.locator("#id_text").fill("Zonder wiens kijk.")
        click_and_wait(page, page.get_by_role("button", name="Op de kaart zetten"))
        expect(page.locator(".error").first).to_contain_text("Zeg wiens kijk dit is")
    assert_no_axe_violations(page, f"{name} ({viewport})")


def test_the_columns_sit_side_by_side_on_a_desktop_and_stack_on_a_phone(
    new_page: Any, mapped_reference: str
) -> None:
    for viewport, side_by_side in ((DESKTOP, True), (PHONE, False)):
        page = new_page(viewport=viewport, as_user="consulent")
        page.goto(f"/trajecten/{mapped_reference}/kaart/")
        boxes = [c.bounding_box() for c in page.locator(".map-column").all()]
        tops = {round(box["y"]) for box in boxes if box}
        assert (len(tops) == 1) == side_by_side, (viewport, tops)


def test_add_move_and_merge_work_without_javascript(new_page: Any, mapped_reference: str) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=PHONE, as_user="consulent", java_script_enabled=False)
    page.goto(f"/trajecten/{mapped_reference}/kaart/")
    click_and_wait(page, page.locator("a[href*='categorie=strength']"))
    expect(page.locator("#id_category")).to_have_value("strength")
    page.locator("#id_text").fill("Zonder JavaScript: de buurvrouw helpt.")
    page.locator("#id_view").select_option("r:hulpverlener")
    click_and_wait(page, page.get_by_role("button", name="Op de kaart zetten"))
    expect(page.locator(".messages")).to_contain_text("De regel staat op de kaart.")
    entry = page.locator(".map-entry", has_text="Zonder JavaScript: de buurvrouw helpt.")
    expect(entry).to_be_visible()

    entry.locator("summary").click()
    entry.locator("select[name=category]").select_option("exception")
    click_and_wait(page, entry.get_by_role("button", name="Verplaatsen"))
    expect(page.locator(".messages")).to_contain_text("Uitzonderingen")

    page.locator(".map-entry", has_text="Zonder JavaScript").locator("input[name=entries]").check()
    page.locator(".map-entry", has_text="Toen papa in therapie").locator(
        "input[name=entries]"
    ).check()
    click_and_wait(page, page.get_by_role("button", name="Aangevinkte regels samenvoegen"))
    expect(page.locator("#id_text")).to_contain_text("Zonder JavaScript")
    page.locator("#id_view").select_option("r:consulent")
    click_and_wait(page, page.get_by_role("button", name="Samenvoegen"))
    expect(page.locator(".messages")).to_contain_text("De regels zijn samengevoegd.")
    expect(page.locator(".map-entry details.merged").first).to_be_visible()

"""axe-core finds no violations on the main pages, on a phone and on a desktop; no JavaScript needed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PHONE, login, logout
from tests.browser.helpers import (
    VIEWPORTS,
    assert_no_axe_violations,
    click_and_wait,
    open_new_contact,
    open_page,
)

pytestmark = pytest.mark.browser

# name: (who logs in or None, path with {ref} for a demo trajectory of the consulent)
PAGES: dict[str, tuple[str | None, str]] = {
    "login": (None, "/accounts/login/"),
    "dashboard-consulent": ("consulent", "/dashboard/"),
    "dashboard-teamleider": ("teamleider", "/dashboard/"),
    "trajectory": ("consulent", "/trajecten/{ref}/"),
    "register": ("consulent", "/trajecten/nieuw/"),
    "register-errors": ("consulent", "/trajecten/nieuw/"),
    "journal": ("consulent", "/trajecten/{ref}/logboek/"),
    "safety": ("consulent", "/trajecten/{ref}/veiligheid/"),
}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(
    new_page: Any, demo_references: list[str], name: str, viewport: str
) -> None:
    from playwright.sync_api import expect

    user, path = PAGES[name]
    page = open_page(new_page, path.format(ref=demo_references[0]), viewport, as_user=user)
    if name == "register-errors":
        click_and_wait(page, page.get_by_role("button", name="Traject aanmelden"))
        expect(page.locator(".error").first).to_be_visible()
    if name == "journal":
        open_new_contact(page)  # check the form inside too
        expect(page.get_by_label("Verslag")).to_be_visible()
    assert_no_axe_violations(page, f"{name} ({viewport})")


def test_pages_work_without_javascript(new_page: Any, demo_references: list[str]) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=PHONE, java_script_enabled=False)
    login(page, "consulent")
    page.goto("/dashboard/")
    expect(page.locator("h1")).to_have_text("Mijn trajecten")
    expect(page.locator("table.caseload")).to_contain_text(demo_references[0])

    # The filter form is a plain GET form without htmx.
    page.select_option("#id_stage", index=1)
    click_and_wait(page, page.get_by_role("button", name="Toon"))
    assert "stage=" in page.url

    page.goto("/dashboard/")
    click_and_wait(page, page.locator(f"tr[data-reference='{demo_references[0]}'] th a"))
    expect(page.locator("h1")).to_contain_text(demo_references[0])
    expect(page.get_by_role("navigation", name="Traject")).to_be_visible()

    # The journal form is a <details>: it opens and posts without JavaScript.
    click_and_wait(
        page, page.get_by_role("navigation", name="Traject").get_by_role("link", name="Logboek")
    )
    open_new_contact(page)
    page.get_by_label("Verslag").fill("Zonder JavaScript genoteerd.")
    click_and_wait(page, page.get_by_role("button", name="Bewaren"))
    expect(page.locator(".messages")).to_contain_text("Het contact is bewaard in het logboek.")
    expect(page.locator("ol.journal")).to_contain_text("Zonder JavaScript genoteerd.")

    # "Nog een kind toevoegen" posts the form and comes back with one more child form.
    page.goto("/trajecten/nieuw/")
    count = page.locator('input[name$="-first_name"][name^="child-"]').count()
    click_and_wait(page, page.get_by_role("button", name="Nog een kind toevoegen"))
    expect(page.locator('input[name$="-first_name"][name^="child-"]')).to_have_count(count + 1)
    expect(page.locator(".error")).to_have_count(0)

    logout(page)

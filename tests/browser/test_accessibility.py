"""axe-core finds no violations on the main pages, on a phone and on a desktop; no JavaScript needed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, login, logout

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

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


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    return list(Axe().run(page).response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}")
        for node in v["nodes"][:8]:
            lines.append(
                f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(
    new_page: Any, demo_references: list[str], name: str, viewport: str
) -> None:
    from playwright.sync_api import expect

    user, path = PAGES[name]
    page = new_page(viewport=VIEWPORTS[viewport], as_user=user)
    response = page.goto(path.format(ref=demo_references[0]))
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    if name == "register-errors":
        with page.expect_navigation():
            page.get_by_role("button", name="Traject aanmelden").click()
        expect(page.locator(".error").first).to_be_visible()
    if name == "journal":
        page.get_by_text("Nieuw contact noteren").click()  # check the form inside too
        expect(page.get_by_label("Verslag")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, f"axe on {name} ({viewport}, {page.url}):\n{describe(violations)}"


def test_pages_work_without_javascript(new_page: Any, demo_references: list[str]) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=PHONE, java_script_enabled=False)
    login(page, "consulent")
    page.goto("/dashboard/")
    expect(page.locator("h1")).to_have_text("Mijn trajecten")
    expect(page.locator("table.caseload")).to_contain_text(demo_references[0])

    # The filter form is a plain GET form without htmx.
    page.select_option("#id_stage", index=1)
    with page.expect_navigation():
        page.get_by_role("button", name="Toon").click()
    assert "stage=" in page.url

    page.goto("/dashboard/")
    with page.expect_navigation():
        page.get_by_role("link", name=demo_references[0]).first.click()
    expect(page.locator("h1")).to_contain_text(demo_references[0])
    expect(page.get_by_role("navigation", name="Traject")).to_be_visible()

    # The journal form is a <details>: it opens and posts without JavaScript.
    with page.expect_navigation():
        page.get_by_role("navigation", name="Traject").get_by_role("link", name="Logboek").click()
    page.get_by_text("Nieuw contact noteren").click()
    page.get_by_label("Verslag").fill("Zonder JavaScript genoteerd.")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaren").click()
    expect(page.locator(".messages")).to_contain_text("Het contact is bewaard in het logboek.")
    expect(page.locator("ol.journal")).to_contain_text("Zonder JavaScript genoteerd.")

    # "Nog een kind toevoegen" posts the form and comes back with one more child form.
    page.goto("/trajecten/nieuw/")
    count = page.locator('input[name$="-first_name"][name^="child-"]').count()
    with page.expect_navigation():
        page.get_by_role("button", name="Nog een kind toevoegen").click()
    expect(page.locator('input[name$="-first_name"][name^="child-"]')).to_have_count(count + 1)
    expect(page.locator(".error")).to_have_count(0)

    logout(page)

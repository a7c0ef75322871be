"""Under the real Content-Security-Policy (not bypassed), the main pages, htmx's autosave and the
admin run without one violation reported by the browser."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import open_new_contact

pytestmark = pytest.mark.browser

# A listener registered before any page script: the browser fires this event for every
# violation, also for inline styles htmx would inject. (Init scripts are not subject to CSP.)
COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _watch(page: Any) -> list[str]:
    reported: list[str] = []
    page.add_init_script(COLLECT)
    page.on(
        "console",
        lambda m: reported.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return reported


def _violations(page: Any, console: list[str]) -> list[str]:
    return [*console, *page.evaluate("window.__cspViolations || []")]


@pytest.mark.parametrize(
    ("user", "path"),
    [
        (None, "/accounts/login/"),
        ("consulent", "/dashboard/"),
        ("consulent", "/trajecten/{ref}/"),
        ("consulent", "/trajecten/{ref}/veiligheid/"),
        ("ouder", "/mijn/"),
        ("auditor", "/audit/"),
        ("admin", "/admin/"),
        ("admin", "/admin/accounts/user/"),
        ("admin", "/admin/accounts/membership/add/"),
    ],
)
def test_a_main_page_reports_no_violation(
    new_page: Any, demo_references: list[str], user: str | None, path: str
) -> None:
    page = new_page(as_user=user)
    console = _watch(page)

    response = page.goto(path.format(ref=demo_references[0]))

    assert response is not None and response.ok
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # "load", not "networkidle": the violations of a page come while it is parsed and run, and
    # network idleness is not a promise a busy CI machine keeps within the timeout.
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")
    assert not _violations(page, console)


def test_the_autosave_runs_without_a_violation(new_page: Any, demo_references: list[str]) -> None:
    from playwright.sync_api import expect

    page = new_page(as_user="consulent")
    console = _watch(page)
    page.goto(f"/trajecten/{demo_references[-1]}/logboek/")
    open_new_contact(page)
    textarea = page.get_by_label("Verslag")
    textarea.click()
    textarea.press_sequentially("Telefoon met de school")
    textarea.fill("Telefoon met de school: het gaat beter met de kinderen.")

    expect(page.locator("#draft-status")).to_contain_text("Concept bewaard")
    assert not _violations(page, console)

"""The WHAT in a real browser: the consultant writes with the live plain-language check, the
worker reads it and can only comment; axe-core finds nothing on a phone or a desktop."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import caseload_references, read_dashboard
from tests.browser.test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
JARGON = "er sprake is van verontrusting en een complexe problematiek"


@pytest.fixture(scope="session")
def shared_reference(browser: Any, base_url: str, logged_in_states: Callable[[str], Any]) -> str:
    """A demo trajectory of the consulent on which the hulpverlener has a grant (load_demo)."""
    refs = read_dashboard(browser, base_url, logged_in_states("hulpverlener"), caseload_references)
    assert refs, "the demo hulpverlener has no trajectories on the dashboard"
    return refs[0]


def _write_statement(page: Any, reference: str, marker: str, *, live: bool = False) -> None:
    from playwright.sync_api import expect

    page.goto(f"/trajecten/{reference}/wat/gevaarsboodschappen/nieuw/")
    page.get_by_label("Wie maakt zich zorgen?").fill(f"De school ({marker})")
    behaviour = page.get_by_label("Over welk gedrag van wie? In gewone woorden.")
    if live:
        behaviour.click()
        behaviour.press_sequentially(JARGON, delay=5)
        report = page.locator("#pl-id_behaviour")
        expect(report).to_contain_text("Moeilijk woord: verontrusting", timeout=10_000)
        expect(report).to_contain_text("zeg liever: we maken ons zorgen")
        expect(report).to_contain_text("problematiek")
    else:
        behaviour.fill("papa roept als hij gedronken heeft")
    page.get_by_label("Welke gevolgen heeft dit gehad of kan dit hebben voor het kind?").fill(
        "de kinderen bang zijn om naar huis te gaan"
    )
    page.get_by_label("Wat vrezen we als er niets verandert?").fill("iemand gewond raakt")
    page.locator('input[name="children"]').first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Gevaarsboodschap bewaren").click()
    assert "/wat/" in page.url and "/nieuw/" not in page.url, page.locator(
        ".error"
    ).all_inner_texts()


def test_the_consultant_writes_with_the_live_check_and_the_worker_only_comments(
    new_page: Any, shared_reference: str
) -> None:
    from playwright.sync_api import expect

    marker = uuid.uuid4().hex[:8]
    page = new_page(as_user="consulent")
    _write_statement(page, shared_reference, marker, live=True)
    expect(page.locator(".messages")).to_contain_text(
        "Tip: 2 moeilijke woorden (verontrusting, problematiek)"
    )
    sentence = page.locator("p.sentence", has_text=marker)
    expect(sentence).to_contain_text("we maken ons zorgen dat er sprake is van verontrusting")
    expect(page.locator("main")).to_contain_text(
        "Elke gevaarsboodschap heeft minstens één veiligheidsdoel nodig."
    )

    worker = new_page(as_user="hulpverlener")
    worker.goto(f"/trajecten/{shared_reference}/wat/")
    statement = worker.locator("li.statement", has=worker.locator("p.sentence", has_text=marker))
    expect(statement).to_be_visible()
    expect(worker.get_by_role("link", name="Nieuwe gevaarsboodschap")).to_have_count(0)
    expect(statement.get_by_role("link", name="Aanpassen")).to_have_count(0)
    expect(worker.locator("form[action$='/wat/status/']")).to_have_count(0)
    expect(worker.locator("main")).to_contain_text("Alleen de consulent schrijft en verandert")

    # She writes down, in the mother's name, that mama sees it differently.
    statement.locator("summary").first.click()
    form = statement.locator("form").first
    form.get_by_label("Ziet dit anders").check()
    whose = form.get_by_label("Wiens kijk is dit?")
    mama = whose.locator("option", has_text="Mama").first
    mama_label = mama.inner_text().strip()
    whose.select_option(value=mama.get_attribute("value"))
    form.get_by_label("Wat wil je zeggen?").fill(f"Het was één keer ({marker}).")
    with worker.expect_navigation():
        form.get_by_role("button", name="Reactie bewaren").click()
    expect(worker.locator(".messages")).to_contain_text("Je reactie staat nu bij de tekst.")
    remark = worker.locator("li.remark-disagreement", has_text=marker)
    expect(remark).to_contain_text(f"{mama_label} ziet dit anders:")
    expect(remark).to_contain_text("genoteerd door")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("user", ["consulent", "hulpverlener"])
def test_no_axe_violations_on_the_statements_page(
    new_page: Any, shared_reference: str, viewport: str, user: str
) -> None:
    from playwright.sync_api import expect

    writer = new_page(as_user="consulent")
    _write_statement(writer, shared_reference, uuid.uuid4().hex[:8])

    page = new_page(viewport=VIEWPORTS[viewport], as_user=user)
    response = page.goto(f"/trajecten/{shared_reference}/wat/")
    assert response is not None and response.ok
    page.locator("details.comment-form summary").first.click()  # the form inside, too
    expect(page.locator("details.comment-form form").first).to_be_visible()
    violations = axe_violations(page)
    assert not violations, f"axe on /wat/ ({user}, {viewport}):\n{describe(violations)}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_on_the_statement_form_with_its_report(
    new_page: Any, shared_reference: str, viewport: str
) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=VIEWPORTS[viewport], as_user="consulent")
    page.goto(f"/trajecten/{shared_reference}/wat/gevaarsboodschappen/nieuw/")
    page.get_by_label("Over welk gedrag van wie? In gewone woorden.").fill(JARGON)
    page.get_by_label("Wie maakt zich zorgen?").click()  # typing elsewhere; fill has no input delay
    with page.expect_navigation():
        page.get_by_role("button", name="Gevaarsboodschap bewaren").click()
    expect(page.locator(".error").first).to_be_visible()
    expect(page.locator("#pl-id_behaviour")).to_contain_text("verontrusting")
    violations = axe_violations(page)
    assert not violations, f"axe on the statement form ({viewport}):\n{describe(violations)}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_on_the_history(
    new_page: Any, shared_reference: str, viewport: str
) -> None:
    from playwright.sync_api import expect

    marker = uuid.uuid4().hex[:8]
    writer = new_page(as_user="consulent")
    _write_statement(writer, shared_reference, marker)
    statement = writer.locator("li.statement", has=writer.locator("p.sentence", has_text=marker))
    with writer.expect_navigation():
        statement.get_by_role("link", name="Aanpassen").first.click()
    writer.get_by_label("Wat vrezen we als er niets verandert?").fill("iemand zwaar gewond raakt")
    with writer.expect_navigation():
        writer.get_by_role("button", name="Aanpassing bewaren").click()

    page = new_page(viewport=VIEWPORTS[viewport], as_user="hulpverlener")
    page.goto(f"/trajecten/{shared_reference}/wat/geschiedenis/")
    expect(page.locator("ins").first).to_contain_text("zwaar")
    expect(page.locator("ins .sr-only").first).to_have_text("[toegevoegd: ")
    violations = axe_violations(page)
    assert not violations, f"axe on the history ({viewport}):\n{describe(violations)}"

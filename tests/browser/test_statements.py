"""The WHAT in a real browser: the consultant writes with the live plain-language check, the
worker reads it and can only comment; axe-core finds nothing on a phone or a desktop."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import caseload_references, read_dashboard
from tests.browser.helpers import (
    VIEWPORTS,
    assert_no_axe_violations,
    click_and_wait,
    open_page,
)

pytestmark = pytest.mark.browser

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
        expect(report).to_contain_text("Moeilijk woord: verontrusting")
        expect(report).to_contain_text("zeg liever: we maken ons zorgen")
        expect(report).to_contain_text("problematiek")
    else:
        behaviour.fill("papa roept als hij gedronken heeft")
    page.get_by_label("Welke gevolgen heeft dit gehad of kan dit hebben voor het kind?").fill(
        "de kinderen bang zijn om naar huis te gaan"
    )
    page.get_by_label("Wat vrezen we als er niets verandert?").fill("iemand gewond raakt")
    page.locator('input[name="children"]').first.check()
    click_and_wait(page, page.get_by_role("button", name="Gevaarsboodschap bewaren"))
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
    click_and_wait(worker, form.get_by_role("button", name="Reactie bewaren"))
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

    page = open_page(new_page, f"/trajecten/{shared_reference}/wat/", viewport, as_user=user)
    page.locator("details.comment-form summary").first.click()  # the form inside, too
    expect(page.locator("details.comment-form form").first).to_be_visible()
    assert_no_axe_violations(page, f"/wat/ ({user}, {viewport})")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_on_the_statement_form_with_its_report(
    new_page: Any, shared_reference: str, viewport: str
) -> None:
    from playwright.sync_api import expect

    path = f"/trajecten/{shared_reference}/wat/gevaarsboodschappen/nieuw/"
    page = open_page(new_page, path, viewport, as_user="consulent")
    page.get_by_label("Over welk gedrag van wie? In gewone woorden.").fill(JARGON)
    page.get_by_label("Wie maakt zich zorgen?").click()  # typing elsewhere; fill has no input delay
    click_and_wait(page, page.get_by_role("button", name="Gevaarsboodschap bewaren"))
    expect(page.locator(".error").first).to_be_visible()
    expect(page.locator("#pl-id_behaviour")).to_contain_text("verontrusting")
    assert_no_axe_violations(page, f"the statement form ({viewport})")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_on_the_history(
    new_page: Any, shared_reference: str, viewport: str
) -> None:
    from playwright.sync_api import expect

    marker = uuid.uuid4().hex[:8]
    writer = new_page(as_user="consulent")
    _write_statement(writer, shared_reference, marker)
    statement = writer.locator("li.statement", has=writer.locator("p.sentence", has_text=marker))
    click_and_wait(writer, statement.get_by_role("link", name="Aanpassen").first)
    writer.get_by_label("Wat vrezen we als er niets verandert?").fill("iemand zwaar gewond raakt")
    click_and_wait(writer, writer.get_by_role("button", name="Aanpassing bewaren"))

    path = f"/trajecten/{shared_reference}/wat/geschiedenis/"
    page = open_page(new_page, path, viewport, as_user="hulpverlener")
    expect(page.locator("ins").first).to_contain_text("zwaar")
    expect(page.locator("ins .sr-only").first).to_have_text("[toegevoegd: ")
    assert_no_axe_violations(page, f"the history ({viewport})")

"""The closure in a real browser (issue 15, part 4): the consultant holds a review that proposes
closure, works through the closure checklist, is refused while a point is open until they say
why, and closes; the network's chair logs in afterwards, says a rule did not go well and lands
on her contact card. axe-core finds nothing on the review form, the checklist, the closing
form, the chair's check-in form and her contact card.

Closing a demo family would change what the other browser tests read (the browser database is
shared by the tests of one worker), so this test gets its own family: the Desmet spec of the
demo, still open, loaded through the demo builders for a consultant and a chair of its own.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

from tests.browser.conftest import caseload_references, read_dashboard
from tests.browser.helpers import (
    assert_no_axe_violations,
    click_and_wait,
    goto_ok,
    open_page,
    seed_browser_database,
)

pytestmark = pytest.mark.browser

MARKER = uuid.uuid4().hex[:8]
CONSULTANT = f"sluiter{MARKER}"
CHAIR = f"voorzitter{MARKER}"

SEED = f"""
import dataclasses
from django.utils import timezone
from samenopweg.accounts.models import Membership, Role
from samenopweg.demo import organisations
from samenopweg.demo.builders import LoadReport, load_family
from samenopweg.demo.families import desmet
from samenopweg.demo.specs import OCJ, CaseRole, FamilyLogin, Stage

setup = organisations.set_up()
team = setup.teams[OCJ]
closer = User.objects.create_user(
    username={CONSULTANT!r}, password="demo", first_name="Sara", last_name="Sluiter"
)
Membership.objects.create(
    user=closer, organisation=team.organisation, team=team, role=Role.CONSULENT
)
chair = User.objects.create_user(
    username={CHAIR!r}, password="demo", first_name="Christine", last_name="Desmet"
)
setup.users["consulent"] = closer  # the owner of the OCJ family of this spec
setup.users[chair.username] = chair
spec = dataclasses.replace(
    desmet.FAMILY,
    stages=tuple(s for s in desmet.FAMILY.stages if s[0] != Stage.AFGESLOTEN),
    logins=(FamilyLogin(chair.username, CaseRole.NETWERK, "Christine", "Voorzitter."),),
    closure=None,
    after_closure=None,
    grant_hulpverlener=False,
)
load_family(spec, setup, timezone.localdate(), LoadReport())
print("ok")
"""


@pytest.fixture(scope="module")
def own_family(
    browser: Any,
    base_url: str,
    server_env: dict[str, str],
    demo_references: list[str],
    logged_in_states: Callable[[str], Any],
) -> str:
    """The reference of this test's own open family (its consultant carries only that one)."""
    seed_browser_database(server_env, demo_references[0], MARKER, SEED, "the closure family")
    references = read_dashboard(
        browser, base_url, logged_in_states(CONSULTANT), caseload_references
    )
    assert len(references) == 1, references
    return references[0]


def test_a_proposal_to_close_then_the_checklist_then_the_network_goes_on(
    new_page: Any, own_family: str
) -> None:
    from playwright.sync_api import expect

    ref = own_family
    page = open_page(new_page, f"/trajecten/{ref}/evaluaties/nieuw/", as_user=CONSULTANT)

    # The review: the four questions, every goal shown, and the proposal to close.
    assert_no_axe_violations(page, "the new review form")
    page.get_by_label("Lopen de veranderingen goed?").fill("Ja, Ruben gaat elke dag naar school.")
    page.get_by_label("Zijn er zaken die bijgestuurd moeten worden?").fill("Nee.")
    page.get_by_label("Kan onze hulp hier stoppen?").fill(f"Ja, het netwerk draagt het ({MARKER}).")
    page.get_by_label("Voorstel om af te sluiten").check()
    for group in page.locator("main fieldset", has=page.locator("input[value=not_yet]")).all():
        group.locator("input[value=not_yet]").check()
    click_and_wait(page, page.locator("main form button[type=submit]").first)
    expect(page.locator("main")).to_contain_text("Voorstel om af te sluiten")

    # On to the checklist: every point open, with what the file says next to it.
    click_and_wait(page, page.get_by_role("link", name="Naar de afsluitlijst"))
    expect(page.locator("h1, h2").first).to_be_visible()
    expect(page.locator(".checklist")).to_contain_text("open")
    assert_no_axe_violations(page, "the closure checklist")
    today = datetime.datetime.now(ZoneInfo("Europe/Brussels")).date()
    meeting = today + datetime.timedelta(days=28)
    for label in (
        "De veiligheidsdoelen zijn bereikt",
        "De voorzitter van het netwerk bevestigde dat het plan verder loopt",
        "De blijvende volwassenen bevestigden dat ze er blijven",
        "De laatste feedbackronde is gedaan",
        "Het kind weet in eigen woorden dat de hulp stopt",
    ):
        page.get_by_label(label, exact=True).check()
    page.get_by_label("Volgend netwerkoverleg").fill(meeting.isoformat())
    page.get_by_label(re.compile("^Hoe we het het kind vertelden")).fill(
        "Ann en tante Christine vertelden het Ruben thuis."
    )
    # The contact cards are not handed out yet: that point stays open.
    click_and_wait(page, page.locator("main form button[type=submit]").first)
    assert urlsplit(page.url).path == f"/trajecten/{ref}/afsluiten/", page.url
    expect(page.get_by_label("De veiligheidsdoelen zijn bereikt", exact=True)).to_be_checked()

    # Closing with a point open is refused until the consultant says why.
    click_and_wait(page, page.get_by_role("link", name="Verder naar afsluiten"))
    expect(page.locator("main")).to_contain_text("Nog open op de afsluitlijst")
    assert_no_axe_violations(page, "the closing form")
    page.get_by_label("Waarom sluiten we af?").fill("Het is veilig genoeg; het netwerk gaat door.")
    click_and_wait(page, page.get_by_role("button", name="Afsluiten"))
    expect(page.locator(".errors, .error-summary").first).to_be_visible()
    expect(page.get_by_label("Waarom sluiten we af?")).to_have_value(
        "Het is veilig genoeg; het netwerk gaat door."
    )
    page.get_by_label(re.compile("waarom sluiten we toch af")).fill(
        f"De kaarten geven we morgen af bij het huisbezoek ({MARKER})."
    )
    click_and_wait(page, page.get_by_role("button", name="Afsluiten"))
    assert urlsplit(page.url).path == f"/trajecten/{ref}/", page.url
    expect(page.locator(".messages")).to_contain_text("Het traject is afgesloten.")

    # The chair logs in afterwards: the plan goes on; a rule that did not go well leads her to
    # her contact card, with whom to call and the next network meeting.
    chair = open_page(new_page, f"/mijn/{ref}/", "phone", as_user=CHAIR)
    expect(chair.locator("#plan-goes-on")).to_be_visible()
    rule = chair.locator(".portal-plan li.plan-rule").filter(
        has=chair.get_by_role("link", name=re.compile("^Vertel hoe het ging"))
    )
    click_and_wait(chair, rule.first.get_by_role("link", name=re.compile("^Vertel hoe het ging")))
    assert_no_axe_violations(chair, "the chair's check-in after the closure (phone)")
    chair.get_by_label("Het ging niet goed", exact=True).check()
    chair.get_by_label("Wat gebeurde er?").fill(f"Ruben bleef twee dagen thuis ({MARKER}).")
    click_and_wait(chair, chair.get_by_role("button", name="Bewaren"))
    assert urlsplit(chair.url).path == f"/mijn/{ref}/contactkaart/", chair.url
    expect(chair.locator(".messages")).to_contain_text("Bel iemand van je contactkaart")
    expect(chair.locator("main")).to_contain_text("Sara Sluiter")
    expect(chair.locator("main")).to_contain_text("Het volgende netwerkoverleg is op")
    assert_no_axe_violations(chair, "the chair's contact card (phone)")
    width = chair.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the contact card scrolls sideways: {width}"
    pdf = chair.request.get(f"/mijn/{ref}/contactkaart.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # The consultant reads the closed file with the check-in and the why of the closure.
    goto_ok(page, f"/trajecten/{ref}/plan/", "the plan after the closure")
    expect(page.locator("main")).to_contain_text(f"Ruben bleef twee dagen thuis ({MARKER}).")

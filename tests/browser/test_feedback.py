"""The feedback culture in a real browser (issue 13): the worker enters a parents' round and a
child's round (faces and big targets, by mouse and by keyboard, "Lees voor" that never breaks
the page), writes expectations, a low score asks to talk about the cooperation, and the
consultant closes the loop with "Jullie zeiden … wij deden …"; axe-core finds nothing on any
feedback page at 1280 and 390 px."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser.helpers import (
    VIEWPORTS,
    assert_no_axe_violations,
    click_and_wait,
    goto_ok,
    seed_browser_database,
)

pytestmark = pytest.mark.browser

MARKER = f"FB-{uuid.uuid4().hex[:6]}"

# Rounds of every kind on the Aerts family, so the overview shows everything it can: a cadence,
# expectations of the parents and of a child, an open signal, a closed loop, the trend chart
# and its table. The scores 4 and 3 keep these signals apart from the ones the test below makes.
SEED = """
from samenopweg.cases.models import CaseGrant, CaseRole
from samenopweg.feedback import services as fs
from samenopweg.feedback.models import FeedbackCadence, FeedbackSignal, How, Party, VersionKind

today = datetime.date.today()
mama = Person.objects.filter(trajectory=t, is_child=False).order_by("id").first()
kid = Person.objects.filter(trajectory=t, is_child=True).order_by("id").first()
if not FeedbackCadence.objects.filter(trajectory=t).exists():
    fs.set_cadence(trajectory=t, every_weeks=4, actor=owner)
fs.add_expectation(trajectory=t, party=Party.PARENTS, actor=owner, audience=Audience.PARENTS,
    expects=MARKER + " Dat jullie zeggen wat jullie denken.", offers="Dat we op tijd komen.")
fs.add_expectation(trajectory=t, party=Party.CHILD, child=kid, actor=owner,
    expects=MARKER + " Dat ze naar mij luisteren.")


def scores(*values):
    return dict(zip(("score_1", "score_2", "score_3", "score_4"), values))


fs.record_round(trajectory=t, version_kind=VersionKind.PARENT, respondent=mama, how=How.BY_PHONE,
    held_on=today - datetime.timedelta(weeks=6), actor=owner, **scores(8, 8, 7, 8))
fs.record_round(trajectory=t, version_kind=VersionKind.PARENT, respondent=mama, how=How.BY_PHONE,
    held_on=today - datetime.timedelta(days=2), actor=owner, open_answer=MARKER + " Bel vaker.",
    **scores(4, 7, 7, 6))
child_round = fs.record_round(trajectory=t, version_kind=VersionKind.CHILD, respondent=kid,
    how=How.ENTERED_DURING_VISIT, held_on=today - datetime.timedelta(days=2), actor=owner,
    **scores(3, 8, 8, 7))
signal = FeedbackSignal.objects.get(round=child_round)
fs.close_signal(signal=signal, expected_version=signal.version, actor=owner,
    you_said=MARKER + " Jullie zeiden dat het gesprek te lang duurde.",
    we_did="Wij houden het nu bij een half uur.", audience=Audience.PARENTS)
on_case = CaseGrant.objects.current().filter(trajectory=t)
consultant = on_case.filter(role=CaseRole.CONSULENT).first()
if consultant is not None:
    fs.record_round(trajectory=t, version_kind=VersionKind.CONSULTANT_ABOUT_WORKER,
        respondent_user=consultant.user, how=How.BY_THEMSELF, actor=owner,
        held_on=today - datetime.timedelta(days=1), **scores(8, 9, 8, 8))
print("ok")
"""


@pytest.fixture(scope="module")
def feedback_reference(server_env: dict[str, str], plan_reference: str) -> str:
    return seed_browser_database(server_env, plan_reference, MARKER, SEED, "feedback rounds")


def _overview(reference: str) -> str:
    return f"/trajecten/{reference}/feedback/"


def _errors_of(page: Any) -> list[str]:
    """Uncaught errors of `page` from now on."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _choose(page: Any, field: str, value: int) -> None:
    page.locator(f'input[name="{field}"][value="{value}"]').check()


def test_rounds_expectations_and_a_signal_closed_by_the_consultant(
    new_page: Any, feedback_reference: str
) -> None:
    from playwright.sync_api import expect

    marker = uuid.uuid4().hex[:8]
    page = new_page(as_user="hulpverlener")
    errors = _errors_of(page)
    goto_ok(page, _overview(feedback_reference), "the feedback overview")

    # The parents' round: mama says she does not feel heard (1), the rest is fine.
    click_and_wait(page, page.get_by_role("link", name="Ouders over de samenwerking", exact=True))
    expect(page.locator("main h2")).to_have_text("Ouders over de samenwerking")
    assert page.url.endswith("/feedback/nieuw/parent/")
    expect(page.locator("button[data-read-aloud]")).to_have_count(0)
    page.get_by_role("group", name="Wie antwoordt?").get_by_role("radio").first.check()
    page.get_by_label("Ingevuld tijdens een bezoek").check()
    _choose(page, "score_1", 1)
    for field in ("score_2", "score_3", "score_4"):
        _choose(page, field, 8)
    page.get_by_label("Wat kunnen we beter doen?").fill(f"Luister eerst naar ons {marker}")
    click_and_wait(page, page.get_by_role("button", name="Antwoorden bewaren"))
    expect(page.locator(".messages")).to_contain_text("De antwoorden zijn bewaard.")
    signals = page.locator("section.signals")
    expect(signals.get_by_role("heading", name="Bespreek de samenwerking")).to_be_visible()
    expect(signals.locator("li", has_text="vraag 1: 1")).to_contain_text(
        "Ouders over de samenwerking"
    )

    # The child's round: faces and big targets, by mouse and by keyboard.
    click_and_wait(page, page.get_by_role("link", name="Kind of jongere", exact=True))
    assert page.url.endswith("/feedback/nieuw/child/")
    expect(page.locator("main h2")).to_have_text("Kind of jongere")
    page.get_by_role("group", name="Wie antwoordt?").get_by_role("radio").first.check()
    page.get_by_label("Zelf ingevuld").check()
    speech = page.evaluate("'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window")
    question = page.get_by_role("group", name="Luisteren ze naar mij?")
    # A click on the sad face itself checks 2: the whole box is the target.
    question.locator("label.score-choice", has=page.locator("#id_score_1_2")).locator(
        ".face"
    ).click()
    expect(page.locator("#id_score_1_2")).to_be_checked()
    box = question.locator("label.score-choice").first.bounding_box()
    assert box is not None and box["width"] >= 56 and box["height"] >= 56, box
    # The screen reader hears the face as a word: the radio is named "2 verdrietig".
    expect(question.get_by_role("radio", name="2 verdrietig")).to_be_checked()
    # By keyboard: the arrow keys walk through the numbers of one question.
    page.locator("#id_score_2_0").focus()
    for _step in range(7):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#id_score_2_7")).to_be_checked()
    expect(page.locator("#id_score_2_7")).to_be_focused()
    page.locator("#id_score_3_9").focus()
    page.keyboard.press("Space")
    expect(page.locator("#id_score_3_9")).to_be_checked()
    # Tab leaves the question: to the next one's "Lees voor" (where the browser can speak),
    # then into its numbers; an arrow key chooses there too.
    page.keyboard.press("Tab")
    if speech:
        expect(page.locator("button[data-read-aloud]").nth(3)).to_be_focused()
        page.keyboard.press("Tab")
    expect(page.locator("#id_score_4_0")).to_be_focused()
    for _step in range(8):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#id_score_4_8")).to_be_checked()
    # "Lees voor" is there next to each question and does not break anything when clicked
    # (what the browser says cannot be checked; the test below checks what it is asked to say).
    read_aloud = page.locator("button[data-read-aloud]")
    expect(read_aloud).to_have_count(5)  # four questions and the open one
    if speech:
        expect(read_aloud.first).to_be_visible()
        read_aloud.first.click()
    page.get_by_label("Wat moeten we anders doen?").fill(f"Meer tekenen {marker}")
    click_and_wait(page, page.get_by_role("button", name="Antwoorden bewaren"))
    expect(page.locator(".messages")).to_contain_text("De antwoorden zijn bewaard.")
    expect(signals.locator("li", has_text="vraag 1: 2")).to_contain_text("Kind of jongere")
    expect(page.locator("ol.rounds")).to_contain_text(f"Meer tekenen {marker}")

    # Expectations of the parents and of one child.
    click_and_wait(page, page.locator("a[href$='?partij=parents']"))
    expect(page.get_by_role("radio", name="Ouders", exact=True)).to_be_checked()
    page.get_by_label("Wat verwachten we van de anderen?").fill(f"Dat jullie eerlijk zijn {marker}")
    page.get_by_label("Wat mogen de anderen van ons verwachten?").fill("Dat we op tijd zijn.")
    page.get_by_label("Wie mag dit zien?").select_option(label="Ook ouders")
    click_and_wait(page, page.get_by_role("button", name="Bewaren"))
    expect(page.locator(".messages")).to_contain_text("De verwachting is bewaard.")
    parents_card = page.locator("section.card", has=page.get_by_role("heading", name="Ouders"))
    expect(parents_card).to_contain_text(f"Dat jullie eerlijk zijn {marker}")
    click_and_wait(page, page.locator("a[href$='?partij=child']"))
    page.get_by_label("Welk kind?").select_option(index=1)
    page.get_by_label("Wat verwachten we van de anderen?").fill(f"Dat ik mag meebeslissen {marker}")
    click_and_wait(page, page.get_by_role("button", name="Bewaren"))
    child_card = page.locator(
        "section.card", has=page.get_by_role("heading", name="Kind of jongere")
    )
    expect(child_card).to_contain_text(f"Dat ik mag meebeslissen {marker}")
    assert errors == [], errors

    # The consultant closes the parents' loop: what they said, what we did, shared with them.
    consultant = new_page(as_user="consulent")
    goto_ok(consultant, _overview(feedback_reference), "the overview for the consultant")
    item = consultant.locator("section.signals li", has_text="vraag 1: 1")
    click_and_wait(consultant, item.get_by_role("link", name="Sluit de lus"))
    expect(consultant.locator("main")).to_contain_text(f"Luister eerst naar ons {marker}")
    consultant.get_by_label("Jullie zeiden …").fill(f"Jullie zeiden dat we niet luisteren {marker}")
    consultant.get_by_label("Wij deden …").fill("Wij vragen nu eerst wat jullie willen zeggen.")
    consultant.get_by_label("Delen met het gezin?").select_option(label="Ook ouders")
    click_and_wait(consultant, consultant.get_by_role("button", name="Bewaren"))
    expect(consultant.locator(".messages")).to_contain_text("De lus is gesloten.")
    expect(consultant.locator("section.signals li", has_text="vraag 1: 1")).to_have_count(0)
    closed = consultant.locator("li.card", has_text=marker)
    expect(closed).to_contain_text(f"Jullie zeiden: Jullie zeiden dat we niet luisteren {marker}")
    expect(closed).to_contain_text("Wij deden: Wij vragen nu eerst wat jullie willen zeggen.")
    expect(closed).to_contain_text("Ook ouders")


# A stand-in for the browser's speech: records what it is asked to say.
FAKE_SPEECH = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  getVoices: function () { return [{lang: "nl-NL"}, {lang: "nl_BE", name: "Vlaams"}]; },
  cancel: function () {},
  speak: function (u) { window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); }
}});
"""
# A browser without speech: the buttons stay hidden, the questions are on the page anyway.
NO_SPEECH = """
delete window.speechSynthesis;
delete Window.prototype.speechSynthesis;
delete window.SpeechSynthesisUtterance;
"""


def test_read_aloud_asks_for_flemish_dutch_and_stays_hidden_without_speech(
    new_page: Any, feedback_reference: str
) -> None:
    from playwright.sync_api import expect

    path = f"/trajecten/{feedback_reference}/feedback/nieuw/child/"

    speaking = new_page(as_user="hulpverlener")
    errors = _errors_of(speaking)
    speaking.add_init_script(FAKE_SPEECH)
    goto_ok(speaking, path, "the child's round")
    button = speaking.locator("button[data-read-aloud]").first
    expect(button).to_be_visible()
    button.click()
    spoken = speaking.evaluate("window.__spoken")
    assert spoken == [{"text": "Luisteren ze naar mij?", "lang": "nl-BE", "voice": "Vlaams"}]
    button.press("Enter")  # a button: the keyboard reads aloud as well
    assert len(speaking.evaluate("window.__spoken")) == 2
    assert errors == [], errors

    silent = new_page(as_user="hulpverlener")
    errors = _errors_of(silent)
    silent.add_init_script(NO_SPEECH)
    goto_ok(silent, path, "the child's round without speech")
    assert silent.evaluate("'speechSynthesis' in window") is False
    buttons = silent.locator("button[data-read-aloud]")
    expect(buttons).to_have_count(5)
    for i in range(5):
        expect(buttons.nth(i)).to_be_hidden()
    expect(silent.get_by_role("group", name="Luisteren ze naar mij?")).to_be_visible()
    assert errors == [], errors


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_on_the_feedback_pages(
    new_page: Any, feedback_reference: str, viewport: str
) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=VIEWPORTS[viewport], as_user="consulent")
    base = f"/trajecten/{feedback_reference}/feedback/"

    def check(path: str, label: str) -> None:
        goto_ok(page, path, label)
        assert_no_axe_violations(page, f"{label} ({viewport})")

    check(base, "the overview")
    expect(page.locator("section.signals")).to_be_visible()
    expect(page.locator("svg.trend-chart")).to_be_visible()
    # The table under the chart, unfolded.
    page.get_by_text("Alle cijfers als tabel").click()
    assert_no_axe_violations(page, f"the overview with its table open ({viewport})")
    signal_path = page.locator("section.signals a", has_text="Sluit de lus").first.get_attribute(
        "href"
    )
    edit_path = page.locator("a[href*='/verwachtingen/'][href$='/aanpassen/']").first.get_attribute(
        "href"
    )
    round_withdraw = page.locator("ol.rounds a", has_text="Intrekken").first.get_attribute("href")

    check(f"{base}nieuw/", "the choice of the questions")
    for version in ("parent", "child", "consultant_about_worker", "worker_about_consultant"):
        check(f"{base}nieuw/{version}/", f"the round form {version}")
    # With errors next to every question: nothing chosen.
    click_and_wait(page, page.get_by_role("button", name="Antwoorden bewaren"))
    expect(page.locator("#id_score_1_error")).to_be_visible()
    assert_no_axe_violations(page, f"the round form with errors ({viewport})")

    check(f"{base}verwachtingen/nieuw/?partij=parents", "the new expectation form")
    check(str(edit_path), "the expectation edit form")
    check(f"{base}ritme/", "the cadence form")
    check(str(signal_path), "the signal close form")
    check(str(round_withdraw), "the round withdraw form")

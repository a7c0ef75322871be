"""On a phone (390 × 844) the main pages do not scroll sideways, every control is a touch target
of at least 44 × 44 px (radios and checkboxes 24 px, their label row 44 px) and the trajectory's
tabs do not push the page down (issue 12, point 5)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from tests.browser.conftest import PHONE, ROOT
from tests.browser.helpers import assert_no_axe_violations, click_and_wait, goto_ok

pytestmark = pytest.mark.browser

# name: (who logs in or None, path; {ref} is the Aerts family of the demo, {session} the demo's
# session with one of its children)
PAGES: dict[str, tuple[str | None, str]] = {
    "login": (None, "/accounts/login/"),
    "dashboard-consulent": ("consulent", "/dashboard/"),
    "dashboard-teamleider": ("teamleider", "/dashboard/"),
    "trajectory": ("consulent", "/trajecten/{ref}/"),
    "register": ("consulent", "/trajecten/nieuw/"),
    "journal": ("consulent", "/trajecten/{ref}/logboek/"),
    "tasks": ("consulent", "/trajecten/{ref}/taken/"),
    "safety": ("consulent", "/trajecten/{ref}/veiligheid/"),
    "persons": ("consulent", "/trajecten/{ref}/personen/"),
    "map": ("consulent", "/trajecten/{ref}/kaart/"),
    "statements": ("consulent", "/trajecten/{ref}/wat/"),
    "scaling": ("consulent", "/trajecten/{ref}/schaal/"),
    "plan": ("hulpverlener", "/trajecten/{ref}/plan/"),
    "network": ("consulent", "/trajecten/{ref}/netwerk/"),
    "diagrams": ("consulent", "/trajecten/{ref}/netwerk/genogram/"),
    "team": ("consulent", "/trajecten/{ref}/team/"),
    "file-audit": ("consulent", "/trajecten/{ref}/audit/"),
    "audit-log": ("auditor", "/audit/"),
    "child-voice-session": ("hulpverlener", "/trajecten/{ref}/kinderen/gesprek/{session}/"),
    "feedback-child-round": ("hulpverlener", "/trajecten/{ref}/feedback/nieuw/child/"),
    "feedback-parent-round": ("hulpverlener", "/trajecten/{ref}/feedback/nieuw/parent/"),
    "family-home": ("ouder", "/mijn/"),
    "family-trajectory": ("ouder", "/mijn/{ref}/"),
}


def _cases() -> list[Any]:
    return list(PAGES)


# Elements whose right edge is past the window: what makes the page scroll sideways. Inside an
# element that scrolls on its own (overflow-x auto) a wide child does not move the page.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (["auto", "scroll", "hidden", "clip"].includes(s.overflowX)) {
        const r = p.getBoundingClientRect();
        if (r.right <= width) return true;
      }
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 0.5 && !clipped(el)) {
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
      wide.push(`${name} right=${Math.round(r.right)} "${(el.innerText || "").trim().slice(0, 40)}"`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide.slice(0, 15)};
}"""

# Every visible control and its clickable box. A radio or checkbox counts with its label (a click
# on the label checks it); a link inside running text (its block holds more words than the link)
# is exempt, as WCAG 2.5.8 exempts inline links in sentences.
TARGETS = """() => {
  const visible = (el) => {
    const s = getComputedStyle(el);
    if (s.visibility === "hidden" || s.display === "none") return false;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;  // sr-only, hidden inputs
    return !el.closest(".sr-only, .skip-link, .default-submit, [hidden]");
  };
  // Words right before or after the link, in the same line of text: "…, lees <a>het plan</a>."
  // A separator ("·", "–", "|") between two action links is no sentence.
  const letters = (node) => node && node.nodeType === Node.TEXT_NODE && /\\p{L}{2,}/u.test(node.textContent);
  const inSentence = (a) => {
    if (a.closest("nav, .actions, .tabs")) return false;
    const around = [a.previousSibling, a.nextSibling];
    const parent = a.parentElement;
    if (["STRONG", "EM", "SPAN", "B", "I"].includes(parent.tagName)) around.push(parent.previousSibling, parent.nextSibling);
    return around.some((node) => letters(node) || (node && node.nodeType === Node.ELEMENT_NODE
      && ["STRONG", "EM", "B", "I", "SPAN"].includes(node.tagName) && !node.matches(".sr-only, .badge")));
  };
  const name = (el) => {
    const t = (el.innerText || el.value || el.getAttribute("aria-label") || el.name || "").trim();
    const p = el.parentElement;
    const where = p.tagName.toLowerCase() + (typeof p.className === "string" && p.className ? "." + p.className.trim().split(/\\s+/).join(".") : "");
    return `${where} > ${el.tagName.toLowerCase()}${el.type ? "[" + el.type + "]" : ""} "${t.replace(/\\s+/g, " ").slice(0, 40)}"`;
  };
  const small = [];
  for (const el of document.querySelectorAll("a[href], button, select, summary, input[type=radio], input[type=checkbox], input[type=submit]")) {
    if (!visible(el)) continue;
    if (el.tagName === "A" && inSentence(el)) continue;
    const r = el.getBoundingClientRect();
    if (el.type === "radio" || el.type === "checkbox") {
      const label = el.closest("label") || (el.id && document.querySelector(`label[for="${el.id}"]`));
      const row = label ? label.getBoundingClientRect() : r;
      const top = Math.min(r.top, row.top), bottom = Math.max(r.bottom, row.bottom);
      if (r.width < 24 || r.height < 24 || bottom - top < 44) {
        small.push(`${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}, row ${Math.round(bottom - top)} high`);
      }
      continue;
    }
    if (r.width < 44 - 0.5 || r.height < 44 - 0.5) {
      small.push(`${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return small;
}"""


# The Aerts family: the demo "ouder" reads it, the worker runs its lasting plan. Read from the
# database, not from a dashboard row, so it does not depend on how the dashboard shows a family.
FAMILY = """
from samenopweg.cases.models import CaseGrant
from samenopweg.child_voice.models import VoiceSession
grant = CaseGrant.objects.filter(user__username="ouder").select_related("trajectory").first()
print("REF=" + str(grant and grant.trajectory.reference))
session = VoiceSession.objects.filter(trajectory=grant and grant.trajectory).order_by("id").first()
print("SESSION=" + str(session and session.pk))
"""


@pytest.fixture(scope="module")
def paths(base_url: str, server_env: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", FAMILY],
        cwd=ROOT,
        env=server_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    said = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    ref, session = said.get("REF", "None"), said.get("SESSION", "None")
    assert ref != "None", f"no family of the demo ouder:\n{done.stderr[-2000:]}"
    assert session != "None", f"no session with a child of {ref} in the demo"
    return {
        name: (user, path.format(ref=ref, session=session)) for name, (user, path) in PAGES.items()
    }


def _open(new_page: Any, paths: dict[str, tuple[str | None, str]], name: str) -> Any:
    user, path = paths[name]
    page = new_page(viewport=PHONE, as_user=user)
    goto_ok(page, path, f"{name} on a phone")
    return page


@pytest.mark.parametrize("name", _cases())
def test_a_page_does_not_scroll_sideways_on_a_phone(
    new_page: Any, paths: dict[str, tuple[str | None, str]], name: str
) -> None:
    page = _open(new_page, paths, name)
    found = page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["innerWidth"], (
        f"{name} ({page.url}) is {found['scrollWidth']} px wide on a {found['innerWidth']} px "
        f"phone; past the edge:\n" + "\n".join(found["wide"])
    )


@pytest.mark.parametrize("name", _cases())
def test_every_control_is_a_touch_target_on_a_phone(
    new_page: Any, paths: dict[str, tuple[str | None, str]], name: str
) -> None:
    page = _open(new_page, paths, name)
    small = page.evaluate(TARGETS)
    assert not small, f"{name} ({page.url}): smaller than 44 × 44 px:\n" + "\n".join(small)


def test_the_trajectory_tabs_take_little_height_on_a_phone(
    new_page: Any, paths: dict[str, tuple[str | None, str]]
) -> None:
    page = _open(new_page, paths, "trajectory")
    tabs = page.get_by_role("navigation", name="Traject")
    box = tabs.bounding_box()
    assert box is not None
    assert box["height"] <= 100, f"the trajectory's tabs are {box['height']:.0f} px high"
    # Every tab can still be reached: none is hidden, the row scrolls within itself.
    assert tabs.get_by_role("link").count() >= 11
    current = tabs.locator('a[aria-current="page"]')
    current_box = current.bounding_box()
    assert current_box is not None and current_box["x"] + current_box["width"] <= PHONE["width"]


def test_niet_meer_asks_first_without_javascript(
    new_page: Any, paths: dict[str, tuple[str | None, str]]
) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport=PHONE, as_user="consulent", java_script_enabled=False)
    goto_ok(page, paths["network"][1], "network")
    children = page.locator("#kinderen")
    before = children.get_by_role("link", name="Niet meer").count()
    assert before, "the demo family has no lasting adult to end"
    click_and_wait(page, children.get_by_role("link", name="Niet meer").first)
    expect(page.locator("main h2")).to_contain_text("Weet je zeker dat")
    expect(page.get_by_role("button", name="Ja, niet meer")).to_be_visible()
    question = new_page(viewport=PHONE, as_user="consulent")  # axe needs JavaScript
    goto_ok(question, page.url, "the question")
    assert_no_axe_violations(question, "the question before a support ends (phone)")
    # Annuleren changes nothing: back on the network page, every support is still there.
    click_and_wait(page, page.get_by_role("link", name="Annuleren"))
    assert "/netwerk/" in page.url
    assert page.locator("#kinderen").get_by_role("link", name="Niet meer").count() == before

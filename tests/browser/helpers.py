"""Steps the browser tests share: seeding the throw-away database, opening a page, following a
link or a button, filling the registration form, axe. (Reading a dashboard: conftest.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, ROOT

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# Put before every seed: what they all need, and a danger statement with its goal.
SEED_PRELUDE = """
import datetime
from samenopweg.accounts.models import User
from samenopweg.assessments.models import DangerStatement, SafetyGoal
from samenopweg.cases.models import Trajectory
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

t = Trajectory.objects.get(reference=REFERENCE)
owner = User.objects.get(username="consulent")


def statement_with_goal():
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
    return s
"""


def seed_browser_database(
    server_env: dict[str, str], reference: str, marker: str, seed: str, what: str
) -> str:
    """Run `seed` after SEED_PRELUDE in `manage.py shell` on the browser database; prints "ok"."""
    code = f"REFERENCE = {reference!r}\nMARKER = {marker!r}\n" + SEED_PRELUDE + seed
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        cwd=ROOT,
        env=server_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0 or "ok" not in done.stdout:
        pytest.fail(f"seeding {what} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return reference


def seeded_reference(marker: str, seed: str, what: str) -> Any:
    """A module fixture: the first demo trajectory of the consulent, with `seed` run on it once
    (see seed_browser_database); assign it to the fixture's name in the test module."""

    @pytest.fixture(scope="module")
    def reference(base_url: str, server_env: dict[str, str], demo_references: list[str]) -> str:
        return seed_browser_database(server_env, demo_references[0], marker, seed, what)

    return reference


def goto_ok(page: Any, path: str, label: str = "") -> None:
    """Go to `path` and fail unless the answer is a 2xx."""
    response = page.goto(path)
    prefix = f"{label}: " if label else ""
    assert response is not None and response.ok, f"{prefix}HTTP {response and response.status}"


def assert_no_axe_violations(page: Any, label: str) -> None:
    """axe-core finds nothing on the page as it is now."""
    violations = axe_violations(page)
    assert not violations, f"axe on {label} ({page.url}):\n{describe(violations)}"


def open_page(
    new_page: Callable[..., Any], path: str, viewport: str = "desktop", **options: Any
) -> Any:
    """A new page (`new_page` options: `as_user`, ...) at `path` on a viewport of VIEWPORTS,
    failing unless the answer is a 2xx."""
    page = new_page(viewport=VIEWPORTS[viewport], **options)
    goto_ok(page, path, f"{path} ({viewport})")
    return page


def click_and_wait(page: Any, target: Any) -> None:
    """Click `target` (a link or a submit button of `page`) and wait for the page it leads to."""
    with page.expect_navigation():
        target.click()


def fill_registration(
    page: Any,
    *,
    reason: str,
    goal: str,
    first_name: str,
    born: str,
    answer: str,
    basis: str,
    next_step: str,
    urgency: str,
    last_name: str = "",
) -> None:
    """Fill the registration form (/trajecten/nieuw/) for one child, in the first team offered."""
    team = page.locator("#id_team")
    if not team.input_value():
        team.select_option(index=1)
    page.select_option("#id_framework", "verontrusting")
    page.fill("#id_reason", reason)
    page.fill("#id_goal", goal)
    page.fill("#id_child-0-first_name", first_name)
    if last_name:
        page.fill("#id_child-0-last_name", last_name)
    page.fill("#id_child-0-date_of_birth", born)
    page.check(f'input[name="child-0-safety_answer"][value="{answer}"]')
    page.fill("#id_child-0-safety_basis", basis)
    page.fill("#id_child-0-next_step", next_step)
    page.check(f'input[name="child-0-urgency"][value="{urgency}"]')


# WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 brings target-size, 2.5.8), and axe's best
# practices, which the default run held before; runOnly turns on every rule with these tags.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return list(Axe().run(page, options=options).response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}")
        for node in v["nodes"][:8]:
            lines.append(
                f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return "\n".join(lines)


def open_new_contact(page: Any) -> None:
    """Unfold the journal's new-contact form; it is open already when a draft was put back (an
    earlier test on the same demo trajectory may have left one), and a click would fold it."""
    if page.locator("details.card").first.get_attribute("open") is None:
        page.get_by_text("Nieuw contact noteren").click()

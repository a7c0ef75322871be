"""Steps the browser tests share: seeding the throw-away database, reading a dashboard, axe."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from tests.browser.conftest import DESKTOP, PHONE, ROOT, TIMEOUT_MS
from tests.browser.test_accessibility import axe_violations, describe

T = TypeVar("T")
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


def read_dashboard(browser: Any, base_url: str, storage_state: Any, read: Callable[[Any], T]) -> T:
    """Open the dashboard in a context of its own as the stored login and read it with `read`."""
    context = browser.new_context(base_url=base_url, storage_state=storage_state)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/dashboard/")
        return read(page)
    finally:
        context.close()


def caseload_references(page: Any) -> list[str]:
    """The references in the caseload table of a dashboard page."""
    return [r.strip() for r in page.locator("table.caseload tbody th a").all_inner_texts()]


def goto_ok(page: Any, path: str, label: str = "") -> None:
    """Go to `path` and fail unless the answer is a 2xx."""
    response = page.goto(path)
    prefix = f"{label}: " if label else ""
    assert response is not None and response.ok, f"{prefix}HTTP {response and response.status}"


def assert_no_axe_violations(page: Any, label: str) -> None:
    """axe-core finds nothing on the page as it is now."""
    violations = axe_violations(page)
    assert not violations, f"axe on {label} ({page.url}):\n{describe(violations)}"

"""Browser tests: a real server on its own SQLite file, driven through Debian's chromium.

The server runs as a subprocess (``manage.py runserver``) on a throw-away database with the demo
data, so these tests never touch the test database of the rest of the suite; pytest-django's
``live_server`` is not used because its flushes hit the append-only audit table.
Everything here skips when chromium (or Playwright) is not installed.

Under pytest-xdist (``make test`` runs ``-n auto``) the browser tests are spread over the workers
like the rest, and each worker that gets one starts its own server and chromium: the session
fixtures are per worker, tmp_path_factory gives each worker its own directory (so its own
SQLite file), and the port is a free one the system hands out; a server that lost its port to
someone else is started again on another (``_start_server``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# The wrapper script above sets up flags and a profile; the real binary is the fallback.
CHROMIUM_FALLBACK = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Generous: CI runs the PostgreSQL suite next to these, so a page may take seconds under load.
# A passing test never waits for it; only a failing one takes this long to say so.
TIMEOUT_MS = 30_000
SERVER_START_SECONDS = 90  # generous: under xdist two servers start next to busy workers
DEMO_PASSWORD = "demo"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    return CHROMIUM


@pytest.fixture(scope="session")
def server_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    # tmp_path_factory is per xdist worker; the worker id in the name helps reading the logs.
    var = tmp_path_factory.mktemp(f"browser-var-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}")
    env = dict(os.environ)
    for name in ("DJANGO_TEST_DB_NAME", "DJANGO_SECRET_KEY", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    env.update(
        {
            # Always its own SQLite file, also when the main suite runs on PostgreSQL.
            "DATABASE_URL": f"sqlite:///{var / 'browser.sqlite3'}",
            "SAMENOPWEG_VAR_DIR": str(var),
            "DJANGO_DEBUG": "1",
            "DJANGO_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SAMENOPWEG_DEMO": "1",
            "SAMENOPWEG_BENCH": "0",
            "AXES_ENABLED": "1",
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def _start_server(
    manage: list[str], env: dict[str, str], log_path: Path, attempts: int = 3
) -> tuple[subprocess.Popen[bytes], str]:
    """runserver on a free port, answering /healthz itself; another port if it lost this one.

    Between asking for a free port and runserver binding it, another process (a second xdist
    worker, another test run on the machine) may take it. Then /healthz may even answer, from
    the other server: only a request that shows up in our own server's log counts (runserver
    logs each request: config/settings.py keeps "django.server" at INFO with its own handler).
    """
    for _attempt in range(attempts):
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        with log_path.open("wb") as log:
            server = subprocess.Popen(
                [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + SERVER_START_SECONDS
        while server.poll() is None:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200 and "/healthz" in _tail(log_path):
                        return server, url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                server.kill()
                server.wait(timeout=10)
                pytest.fail(
                    f"runserver did not answer /healthz within {SERVER_START_SECONDS} s:\n"
                    f"{_tail(log_path)}"
                )
            time.sleep(0.2)
        if "already in use" not in _tail(log_path):
            pytest.fail(f"runserver stopped ({server.returncode}):\n{_tail(log_path)}")
    pytest.fail(f"runserver found no free port in {attempts} attempts:\n{_tail(log_path)}")


@pytest.fixture(scope="session")
def base_url(chromium_path: str, server_env: dict[str, str]) -> Iterator[str]:
    """Migrate, load the demo data and run the development server; yield its address."""
    var = Path(server_env["SAMENOPWEG_VAR_DIR"])
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        done = subprocess.run(
            [*manage, *command],
            cwd=ROOT,
            env=server_env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        if done.returncode != 0:
            pytest.fail(
                f"manage.py {' '.join(command)} failed ({done.returncode}):\n"
                f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            )
    server, url = _start_server(manage, server_env, var / "runserver.log")
    try:
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import Error, expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)  # assertions wait as long as actions (default 5 s)
    with sync_playwright() as p:
        try:
            instance = p.chromium.launch(
                executable_path=chromium_path, args=CHROMIUM_ARGS, timeout=TIMEOUT_MS * 2
            )
        except Error:
            if not os.path.exists(CHROMIUM_FALLBACK):
                raise
            instance = p.chromium.launch(
                executable_path=CHROMIUM_FALLBACK, args=CHROMIUM_ARGS, timeout=TIMEOUT_MS * 2
            )
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def logged_in_states(browser: Any, base_url: str) -> Callable[[str], Any]:
    """Cookies of one login per demo user, reused: a login costs seconds (password hashing)."""
    states: dict[str, Any] = {}

    def log_in(username: str) -> Callable[[Any], Any]:
        def use(page: Any) -> Any:
            login(page, username)
            return page.context.storage_state()

        return use

    def state(username: str) -> Any:
        if username not in states:
            states[username] = in_own_context(browser, base_url, None, log_in(username))
        return states[username]

    return state


@pytest.fixture
def new_page(
    browser: Any, base_url: str, logged_in_states: Callable[[str], Any]
) -> Iterator[Callable[..., Any]]:
    """Open a page in a fresh context; every context is closed afterwards.

    ``as_user`` starts already logged in (from a cached login); without it nobody is.
    """
    contexts: list[Any] = []

    def make(
        viewport: dict[str, int] | None = None, as_user: str | None = None, **options: Any
    ) -> Any:
        if as_user:
            options["storage_state"] = logged_in_states(as_user)
        context = browser.new_context(
            base_url=base_url, viewport=viewport or DESKTOP, locale="nl-BE", **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def in_own_context(browser: Any, base_url: str, storage_state: Any, use: Callable[[Any], T]) -> T:
    """`use` a page in a context of its own (logged in as `storage_state`), closed afterwards."""
    context = browser.new_context(base_url=base_url, storage_state=storage_state)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        return use(context.new_page())
    finally:
        context.close()


def read_dashboard(browser: Any, base_url: str, storage_state: Any, read: Callable[[Any], T]) -> T:
    """Open the dashboard in a context of its own as the stored login and read it with `read`."""

    def use(page: Any) -> T:
        page.goto("/dashboard/")
        return read(page)

    return in_own_context(browser, base_url, storage_state, use)


def caseload_references(page: Any) -> list[str]:
    """The references in the caseload table of a dashboard page."""
    rows = page.locator("table.caseload tbody tr[data-reference]")
    return [str(rows.nth(i).get_attribute("data-reference")) for i in range(rows.count())]


def login(page: Any, username: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the real form and wait until we are past it."""
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/accounts/login/" not in page.url, page.locator("main").inner_text()


def logout(page: Any) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url("**/accounts/login/**")


@pytest.fixture(scope="session")
def demo_references(
    browser: Any, base_url: str, logged_in_states: Callable[[str], Any]
) -> list[str]:
    """References of open demo trajectories the demo consulent carries, as the dashboard lists them."""
    refs = read_dashboard(browser, base_url, logged_in_states("consulent"), caseload_references)
    assert refs, "the demo consulent has no open trajectories on the dashboard"
    return refs


@pytest.fixture(scope="session")
def plan_reference(browser: Any, base_url: str, logged_in_states: Callable[[str], Any]) -> str:
    """The Aerts family (load_demo): the worker is on the case, a lasting plan is running."""

    def jonas(page: Any) -> str:
        row = page.locator("table.caseload tbody tr", has_text="Jonas")
        return str(row.get_attribute("data-reference"))

    reference = read_dashboard(browser, base_url, logged_in_states("hulpverlener"), jonas)
    assert reference
    return reference

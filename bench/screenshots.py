"""`make screenshots`: the main pages as PNGs at 1280 and 390 px wide, in docs/screenshots/.

    .venv/bin/python bench/screenshots.py [--out docs/screenshots]

Starts the app like the browser tests do (tests/browser/conftest.py): a throw-away SQLite file,
`migrate`, `load_demo`, `runserver` on a free port; logs in with the demo accounts and saves the
consulent's dashboard and the Aerts family's trajectory, safety plan, network and diagrams
pages (full page), as <page>-1280.png and <page>-390.png, through Debian's chromium.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WIDTHS = {1280: 900, 390: 844}  # width: height of the window
# name: (who logs in, path; {ref} is the Aerts family of the demo)
PAGES = {
    "dashboard": ("consulent", "/dashboard/"),
    "trajectory": ("consulent", "/trajecten/{ref}/"),
    "safety-plan": ("hulpverlener", "/trajecten/{ref}/plan/"),
    "network": ("consulent", "/trajecten/{ref}/netwerk/"),
    "diagrams": ("consulent", "/trajecten/{ref}/netwerk/genogram/"),
}
FIND_REFERENCE = (
    "from samenopweg.people.models import Person\n"
    "print(Person.objects.filter(first_name='Jonas', is_child=True)"
    ".select_related('trajectory').first().trajectory.reference)"
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(var: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DJANGO_SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"):
        env.pop(name, None)
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{var / 'screenshots.sqlite3'}",
            "SAMENOPWEG_VAR_DIR": str(var),
            "DJANGO_DEBUG": "1",
            "DJANGO_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SAMENOPWEG_DEMO": "1",
            "SAMENOPWEG_BENCH": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        sys.exit(
            f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        )
    return done.stdout


def _serve(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.kill()
    sys.exit(f"runserver did not start:\n{log.read_text(errors='replace')[-2000:]}")


def _shoot(url: str, reference: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        states = {}
        for user in sorted({user for user, _path in PAGES.values()}):
            context = browser.new_context(base_url=url, locale="nl-BE")
            page = context.new_page()
            page.goto("/accounts/login/")
            page.fill("#id_username", user)
            page.fill("#id_password", "demo")
            with page.expect_navigation():
                page.locator("main form button[type=submit]").click()
            states[user] = context.storage_state()
            context.close()
        for name, (user, path) in PAGES.items():
            for width, height in WIDTHS.items():
                context = browser.new_context(
                    base_url=url,
                    locale="nl-BE",
                    storage_state=states[user],
                    viewport={"width": width, "height": height},
                )
                page = context.new_page()
                response = page.goto(path.format(ref=reference))
                if response is None or not response.ok:
                    sys.exit(f"{name}: HTTP {response and response.status}")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                saved.append(target)
                context.close()
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit(f"{CHROMIUM} is not installed (apt-get install chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        var = Path(tmp)
        env = _env(var)
        _manage(env, "migrate", "--noinput")
        _manage(env, "load_demo")
        reference = _manage(env, "shell", "-c", FIND_REFERENCE).strip().splitlines()[-1]
        server, url = _serve(env, var / "runserver.log")
        try:
            for path in _shoot(url, reference, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()

"""Security headers (issue 11, point 9): CSP on every HTML page, no inline script or style in any
template or rendered page, `Cache-Control: no-store, private` on whatever a logged-in user gets,
HSTS and secure cookies in production settings."""

from __future__ import annotations

import re
import secrets
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from conftest import World, grant_network_and_young_person
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.core.tests.test_platform import run_django

ROOT = Path(settings.BASE_DIR)
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
# Inline script, style elements and attributes, event handlers, htmx's inline handlers, script URLs.
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
    r"|<style\b|\sstyle\s*=|\son[a-z]+\s*=|\shx-on|javascript:",
    re.IGNORECASE,
)
PAGES_PER_PERSONA = 25


def _policy(response: Any) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def _not_stored(response: Any) -> bool:
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    return {"no-store", "private"} <= directives


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith("/") and not href.startswith("/static/"):
            self.links.append(href.split("#")[0])


def _crawl(client: Client, start: str) -> dict[str, Any]:
    """GET `start` and the site's own links from it, breadth first, up to PAGES_PER_PERSONA."""
    seen: dict[str, Any] = {}
    queue = [start]
    while queue and len(seen) < PAGES_PER_PERSONA:
        url = queue.pop(0)
        if url in seen or "/afmelden" in url or "/logout" in url:
            continue
        response = client.get(url)
        seen[url] = response
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            queue.append(response["Location"])
        elif response.status_code == 200 and "text/html" in response["Content-Type"]:
            parser = _Links()
            parser.feed(response.content.decode())
            queue.extend(link for link in parser.links if link not in seen)
    return seen


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "start"),
    [
        ("owner", "/"),
        ("team_lead", "/"),
        ("worker", "/"),
        ("parent", "/"),
        ("network_member", "/"),
        ("young_person", "/"),
        ("auditor", "/"),
        ("admin", "/admin/"),
    ],
)
def test_every_page_a_persona_reaches_sends_the_policy_and_no_store(
    world: World, persona: str, start: str
) -> None:
    grant_network_and_young_person(world)
    pages = _crawl(logged_in_client(getattr(world, persona)), start)

    html = {
        url: r
        for url, r in pages.items()
        if r.status_code == 200 and "text/html" in r["Content-Type"]
    }
    assert len(html) >= 2, f"{persona} reached only {list(pages)}"
    for url, response in html.items():
        assert _policy(response) == POLICY, url
        assert _not_stored(response), url
        body = response.content.decode()
        found = INLINE.search(body) if not url.startswith("/admin/") else None
        assert found is None, f"{url}: inline {found and found.group(0)!r}"


@pytest.mark.django_db
def test_an_htmx_fragment_with_case_data_is_not_stored(world: World) -> None:
    response = logged_in_client(world.owner).post(
        "/taalcheck/",
        {"field": "text", "text": "We bespreken de casus."},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_the_login_page_is_not_stored_and_static_files_keep_their_caching(client: Client) -> None:
    login = client.get("/accounts/login/")
    static = client.get("/static/css/app.css")

    assert _not_stored(login)
    assert _policy(login) == POLICY
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")


def _templates() -> list[Path]:
    return sorted(
        [*ROOT.glob("templates/**/*.html"), *ROOT.glob("samenopweg/*/templates/**/*.html")]
    )


def test_no_template_holds_inline_script_or_style() -> None:
    templates = _templates()
    assert len(templates) > 20
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)!r}"
        for path in templates
        for match in INLINE.finditer(path.read_text())
    ]
    assert not offenders, "\n".join(offenders)


def test_no_python_that_builds_html_or_svg_writes_inline_style() -> None:
    # WeasyPrint's PDF stylesheets are not pages in a browser: leave them alone.
    sources = [p for p in ROOT.glob("samenopweg/**/*.py") if "tests" not in p.parts]
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)!r}"
        for path in sources
        for match in re.finditer(
            r"""style=\\?["']|<style\b|\son[a-z]+=\\?["']|hx-on""", path.read_text()
        )
    ]
    assert not offenders, "\n".join(offenders)


def test_htmx_adds_no_inline_indicator_style() -> None:
    base = (ROOT / "templates/base.html").read_text()
    css = (ROOT / "static/css/app.css").read_text()

    assert '"includeIndicatorStyles": false' in base
    assert ".htmx-request .htmx-indicator" in css


def _production_settings(**env: str) -> dict[str, str]:
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
    ]
    result = run_django(
        "-c",
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; "
        "django.setup(); from django.conf import settings; "
        f"[print(n, repr(getattr(settings, n))) for n in {names!r}]",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        SAMENOPWEG_SITE_URL="https://example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines())


def test_production_sends_hsts_and_secure_cookies_and_redirects_to_https() -> None:
    values = _production_settings()

    assert values == {
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "True",
        "SESSION_COOKIE_SECURE": "True",
        "CSRF_COOKIE_SECURE": "True",
        "SECURE_SSL_REDIRECT": "True",
        "SECURE_PROXY_SSL_HEADER": "None",
    }


def test_behind_a_proxy_the_redirect_can_be_left_to_it() -> None:
    values = _production_settings(DJANGO_BEHIND_PROXY="1", DJANGO_SSL_REDIRECT="0")

    assert values["SECURE_PROXY_SSL_HEADER"] == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert values["SECURE_SSL_REDIRECT"] == "False"
    assert values["SESSION_COOKIE_SECURE"] == "True"

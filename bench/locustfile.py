"""Load test of the pages: consultants and team leads, and a few family members on their own
page, all logged in through the form.

Started by bench/run.py, which passes (environment):
  BENCH_TARGETS  JSON from bench/targets.py: references and search terms per user
  BENCH_USERS    page users (half bench_consulent, half bench_teamleider); locust runs one
                 more, who prints the map PDF every 5-10 s (PdfReader), and the family users
  BENCH_PARENTS, BENCH_NETWORK_MEMBERS  family users: bench_ouder and bench_netwerk on their
                 own page /mijn/<reference>/ (default 2 and 1; FamilyUser says why so few);
                 -u is BENCH_USERS + 1 + BENCH_PARENTS + BENCH_NETWORK_MEMBERS
  BENCH_WAIT     think time between requests in seconds, "low-high" (default 0.5-1.5)
  BENCH_DURATION seconds to measure once every user has logged in (0: until locust's -t)
  BENCH_WARMUP   seconds of requests after the logins that are not measured (default 5)
  BENCH_LOGIN_STATS  where to write the login numbers (JSON) before they are reset

Logging in is not measured: Django hashes each password with 1,000,000 PBKDF2 rounds (about
0.5 s of CPU), so 20 simultaneous logins hold the two cores for seconds. Every user waits until
the last one has logged in; then BENCH_WARMUP seconds of ordinary requests fill the caches of
both gunicorn workers (compiled templates, database connections), the statistics are reset, and
the measured period of BENCH_DURATION seconds starts.
Every request has a fixed name so the CSV has one row per page.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import gevent
import gevent.event
from locust import HttpUser, between, events, task
from locust.env import Environment
from locust.exception import StopUser

PASSWORD = "bench"  # seed_synthetic's password for every synthetic user
TARGETS: dict[str, Any] = json.loads(Path(os.environ["BENCH_TARGETS"]).read_text(encoding="utf-8"))[
    "users"
]
TOTAL_USERS = int(os.environ.get("BENCH_USERS", "20"))  # the page users; plus PDF_USERS
PDF_USERS = 1
PARENTS = int(os.environ.get("BENCH_PARENTS", "2"))
NETWORK_MEMBERS = int(os.environ.get("BENCH_NETWORK_MEMBERS", "1"))
FAMILY_USERS = PARENTS + NETWORK_MEMBERS
# Everyone who logs in; the measured period starts when the last of them has.
EVERYONE = TOTAL_USERS + PDF_USERS + FAMILY_USERS
_low, _high = (float(x) for x in os.environ.get("BENCH_WAIT", "0.5-1.5").split("-"))
DURATION = float(os.environ.get("BENCH_DURATION", "0"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "5"))
LOGIN_STATS = os.environ.get("BENCH_LOGIN_STATS", "")
_state = {"started": 0.0, "logins_done": 0}
_everyone_in = gevent.event.Event()
_TOKEN = re.compile(r"<input[^>]*name=\"csrfmiddlewaretoken\"[^>]*>")
_VALUE = re.compile(r"value=\"([^\"]+)\"")


@events.test_start.add_listener
def _test_start(environment: Environment, **_kwargs: Any) -> None:
    _state["started"] = time.monotonic()


def _login_done(environment: Environment) -> None:
    """After the last login: keep the login numbers, let everyone go, start the warm-up."""
    _state["logins_done"] += 1
    if _state["logins_done"] != EVERYONE:
        return
    stats = environment.stats
    login = stats.get("login", "POST")
    if LOGIN_STATS:
        summary = {
            "logins": login.num_requests,
            "failures": login.num_failures,
            "p50": login.get_response_time_percentile(0.5),
            "p95": login.get_response_time_percentile(0.95),
            "warmup_seconds": round(time.monotonic() - _state["started"], 1),
        }
        Path(LOGIN_STATS).write_text(json.dumps(summary), encoding="utf-8")
    _everyone_in.set()
    gevent.spawn_later(WARMUP, _start_measuring, environment)


def _start_measuring(environment: Environment) -> None:
    environment.stats.reset_all()
    if DURATION and environment.runner is not None:
        gevent.spawn_later(DURATION, environment.runner.quit)


class LoggedInUser(HttpUser):
    """Logs in through the form and waits for everyone else; has no pages of its own."""

    abstract = True
    wait_time = between(_low, _high)
    username = ""

    def on_start(self) -> None:
        self.references: list[str] = TARGETS[self.username]["references"]
        self.maps: list[str] = TARGETS[self.username].get("maps") or self.references
        self.stories: list[list[Any]] = TARGETS[self.username].get("stories") or []
        self.judge_reports: list[list[Any]] = TARGETS[self.username].get("judge_reports") or []
        self.voices: list[str] = TARGETS[self.username].get("voices") or self.maps
        self.feedback: list[str] = TARGETS[self.username].get("feedback") or self.maps
        self.reviews: list[list[Any]] = TARGETS[self.username].get("reviews") or []
        self.terms: list[str] = TARGETS[self.username].get("terms") or []
        form = self.client.get("/accounts/login/", name="login form")
        found = _TOKEN.search(form.text)
        value = _VALUE.search(found.group(0)) if found else None
        token = value.group(1) if value else self.client.cookies.get("csrftoken", "")
        with self.client.post(
            "/accounts/login/",
            data={"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = response.headers.get("Location", "")
            failed = response.status_code != 302 or "/accounts/login/" in location
            if failed:
                response.failure(f"login failed for {self.username}: HTTP {response.status_code}")
        _login_done(self.environment)
        if failed:
            raise StopUser()
        _everyone_in.wait()

    def page(self, path: str, name: str, expect: str | None = None) -> None:
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif expect is not None and response.text != expect:
                response.failure("unexpected body")


class ProfessionalUser(LoggedInUser):
    """The page mix of a consultant or team lead."""

    abstract = True
    dashboard_name = ""

    @task(2)
    def bare(self) -> None:
        self.page("/bench/bare/", "bare", expect="ok")

    @task(3)
    def dashboard(self) -> None:
        self.page("/dashboard/", self.dashboard_name)

    @task(4)
    def trajectory(self) -> None:
        self.page(f"/trajecten/{random.choice(self.references)}/", "trajectory page")

    @task(3)
    def journal(self) -> None:
        self.page(f"/trajecten/{random.choice(self.references)}/logboek/", "journal")

    @task(2)
    def search(self) -> None:
        self.page(f"/dashboard/?{urlencode({'q': random.choice(self.terms)})}", "search")

    @task(2)
    def map_page(self) -> None:
        self.page(f"/trajecten/{random.choice(self.maps)}/kaart/", "map page (50 entries)")

    @task(2)
    def plan(self) -> None:
        self.page(f"/trajecten/{random.choice(self.maps)}/plan/", "plan page (40 rules)")

    @task(1)
    def network(self) -> None:
        self.page(f"/trajecten/{random.choice(self.maps)}/netwerk/", "network page (30 members)")

    @task(1)
    def diagrams(self) -> None:
        self.page(
            f"/trajecten/{random.choice(self.maps)}/netwerk/genogram/",
            "genogram and ecomap (40 persons)",
        )

    @task(1)
    def scaling(self) -> None:
        self.page(f"/trajecten/{random.choice(self.maps)}/schaal/", "scaling (5 pairs x 10 rounds)")

    @task(1)
    def child_voice(self) -> None:
        self.page(
            f"/trajecten/{random.choice(self.voices)}/kinderen/",
            "child's voice (10 sessions, 30 drawings)",
        )

    @task(1)
    def feedback_page(self) -> None:
        self.page(f"/trajecten/{random.choice(self.feedback)}/feedback/", "feedback (12 rounds)")

    @task(1)
    def review_page(self) -> None:
        if self.reviews:
            reference, review_id = random.choice(self.reviews)
            self.page(f"/trajecten/{reference}/evaluaties/{review_id}/", "review (of 10)")

    @task(1)
    def reviews_page(self) -> None:
        if self.reviews:
            reference, _review_id = random.choice(self.reviews)
            self.page(f"/trajecten/{reference}/evaluaties/", "reviews (10)")


class Consultant(ProfessionalUser):
    username = "bench_consulent"
    dashboard_name = "dashboard (consultant, 100)"
    fixed_count = TOTAL_USERS // 2


class PdfReader(LoggedInUser):
    """One more user who prints now and then (the map, or a Words and Pictures booklet): a PDF
    costs about a second of CPU, so it is measured at a realistic pace (every 5-10 s) instead
    of in every user's mix."""

    username = "bench_consulent"
    fixed_count = PDF_USERS
    wait_time = between(5, 10)

    @task
    def map_pdf(self) -> None:
        self.page(f"/trajecten/{random.choice(self.maps)}/kaart/overzicht.pdf", "map PDF")

    @task
    def booklet_pdf(self) -> None:
        if self.stories:
            reference, story = random.choice(self.stories)
            self.page(
                f"/trajecten/{reference}/woorden-en-beelden/{story}/boekje.pdf",
                "booklet PDF (6 pages)",
            )

    @task
    def judge_report_pdf(self) -> None:
        if self.judge_reports:
            reference, report = random.choice(self.judge_reports)
            self.page(
                f"/trajecten/{reference}/jeugdrechter/{report}/verslag.pdf",
                "judge report PDF (10 reviews)",
            )


class TeamLead(ProfessionalUser):
    username = "bench_teamleider"
    dashboard_name = "dashboard (team lead, 2000)"
    fixed_count = TOTAL_USERS - TOTAL_USERS // 2


class FamilyUser(LoggedInUser):
    """A parent or a network member on their own page (/mijn/<reference>/: what is shared with
    them, the plan and the rules they carry, their tasks, whom to call), now and then their
    list of trajectories (/mijn/). Few of them (2 parents and 1 network member by default):
    a family opens its page a few times a week, a consultant works in the application all
    day, so three family users beside 20 professionals clicking every second is already more
    family traffic than a team sees; more of them would change the load on the professional
    pages that earlier runs measured. Each account holds 20 trajectories (seed_synthetic's
    family.py) so the visits spread over twenty files as the professionals' do."""

    abstract = True
    page_name = ""
    home_name = ""

    @task(5)
    def own_page(self) -> None:
        self.page(f"/mijn/{random.choice(self.references)}/", self.page_name)

    @task(1)
    def home(self) -> None:
        self.page("/mijn/", self.home_name)


class Parent(FamilyUser):
    username = "bench_ouder"
    page_name = "family page (parent)"
    home_name = "family home (20 trajectories)"
    fixed_count = PARENTS


class NetworkMember(FamilyUser):
    username = "bench_netwerk"
    page_name = "family page (network member)"
    home_name = "family home (20 trajectories)"
    fixed_count = NETWORK_MEMBERS

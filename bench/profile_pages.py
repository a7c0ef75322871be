"""One request at a time: what each bench page costs by itself, and its SQL.

    DATABASE_URL=sqlite:///bench-out/bench-100000.sqlite3 .venv/bin/python bench/profile_pages.py \
        [-n 20] [--targets bench-out/targets.json] [--json OUT.json] [--sql] [--only NAME ...]

Uses Django's test client in-process (no network, no concurrency, no other requests), so the
numbers show the cost of a page on its own; bench/run.py shows the cost under load. Prints, per
page, the median and p95 time, the median CPU time (the cost even on a busy machine), the number of SQL queries and the time spent in them. Like the
real pages, it writes audit rows. One line is not a page: drawing the scaling page's five trend
charts alone (the chart's speed is measured here, not in the test suite). The family's pages
are measured logged in as bench_ouder and bench_netwerk, on the trajectories of their grants.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


# Not a page: drawing the five trend charts of the scaling page, in-process (bench/run.py
# reports it under the table).
CHARTS = "trend charts alone (5 pairs x 10 rounds x 6 people)"
# The family accounts (seed_synthetic's family.py) and the name of their own page.
FAMILY_USERS = {
    "bench_ouder": "family page (parent)",
    "bench_netwerk": "family page (network member)",
}
FAMILY_HOME = "family home (20 trajectories)"


def measure_trend_charts(n: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of drawing five charts and their tables, n times (after one)."""
    import datetime

    from samenopweg.assessments.charts import Series, trend_chart_svg, trend_table

    first = datetime.date(2026, 1, 10)
    dates = [first + datetime.timedelta(days=30 * i) for i in range(10)]
    people = [
        Series(label=f"Persoon {p}", points=[(d, (p + i) % 11) for i, d in enumerate(dates)])
        for p in range(6)
    ]

    def draw() -> None:
        for pair in range(5):
            trend_chart_svg(people, title=f"Paar {pair}", id_prefix=f"p{pair}")
            trend_table(people)

    draw()  # warm up (translations, imports)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(max(n, 5)):
        started, cpu_started = time.perf_counter(), time.process_time()
        draw()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return wall, cpu


class QueryTimer:
    """An execute wrapper that adds up the time of each query (Django's own query log rounds
    each to whole milliseconds, which counts a page of 17 short queries as 17 ms or 0)."""

    def __init__(self) -> None:
        self.spent: list[float] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.spent.append(time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=20, help="requests per page and user (default 20)")
    parser.add_argument("--targets", help="bench/targets.py output (default: computed here)")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--sql", action="store_true", help="print the slowest query of each page")
    parser.add_argument(
        "--only", action="append", default=[], help="only the pages with this name (repeatable)"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", "profile-pages-only")
    os.environ.setdefault("SAMENOPWEG_SITE_URL", "http://127.0.0.1")
    os.environ.setdefault("DJANGO_HTTPS", "0")
    os.environ.setdefault("AXES_ENABLED", "0")
    os.environ.setdefault("SAMENOPWEG_REQUIRE_2FA", "0")  # as bench/run.py
    os.environ.setdefault("SAMENOPWEG_BENCH", "1")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from samenopweg.accounts.models import User
    from samenopweg.cases.access import visible_trajectories
    from samenopweg.cases.models import Stage

    rng = random.Random(1)
    if args.targets:
        targets = json.loads(Path(args.targets).read_text(encoding="utf-8"))["users"]
    else:
        targets = {}
        for username in ("bench_consulent", "bench_teamleider"):
            found = list(
                visible_trajectories(User.objects.get(username=username)).values_list(
                    "reference", flat=True
                )[:400]
            )
            targets[username] = {
                "references": found,
                "terms": [ref[-10:] for ref in found[:60]],
                "maps": found[:20],
            }

    for username in FAMILY_USERS:
        if username not in targets:  # computed here: their open trajectories, as targets.py
            family_user = User.objects.get(username=username)
            targets[username] = {
                "references": list(
                    visible_trajectories(family_user)
                    .exclude(stage=Stage.AFGESLOTEN)
                    .order_by("reference")
                    .values_list("reference", flat=True)
                )
            }

    # Locust's request names, so bench/run.py can put both measurements side by side.
    samples: dict[str, list[float]] = {}
    queries: dict[str, list[int]] = {}
    sql_ms: dict[str, list[float]] = {}
    cpu_ms: dict[str, list[float]] = {}
    slowest: dict[str, tuple[float, str]] = {}

    def measure(client: Client, name: str, template: str, values: list[str]) -> None:
        """One page, args.n times (a PDF fewer) on random values, after one to warm up."""
        client.get(template.format(values[0]))  # warm caches (templates, translations)
        for _ in range(max(3, args.n // 4) if "PDF" in name else args.n):
            path = template.format(rng.choice(values))
            timer = QueryTimer()
            with (
                CaptureQueriesContext(connection) as captured,
                connection.execute_wrapper(timer),
            ):
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                cpu = (time.process_time() - cpu_started) * 1000
            if response.status_code != 200:
                print(f"{name}: HTTP {response.status_code} for {path}")
                continue
            samples.setdefault(name, []).append(elapsed)
            cpu_ms.setdefault(name, []).append(cpu)
            queries.setdefault(name, []).append(len(captured.captured_queries))
            # Measured around each execute (Django's own query log rounds to whole ms).
            sql_ms.setdefault(name, []).append(sum(timer.spent) * 1000)
            for query in captured.captured_queries:
                if float(query["time"]) * 1000 >= slowest.get(name, (0.0, ""))[0]:
                    slowest[name] = (float(query["time"]) * 1000, query["sql"])

    for username, dashboard in (
        ("bench_consulent", "dashboard (consultant, 100)"),
        ("bench_teamleider", "dashboard (team lead, 2000)"),
    ):
        refs: list[str] = targets[username]["references"]
        terms: list[str] = targets[username]["terms"]
        maps: list[str] = targets[username].get("maps") or refs
        voices: list[str] = targets[username].get("voices") or maps
        asked: list[str] = targets[username].get("feedback") or maps
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        pages: list[tuple[str, str, list[str]]] = [
            ("bare", "/bench/bare/", [""]),
            (dashboard, "/dashboard/", [""]),
            ("trajectory page", "/trajecten/{}/", refs),
            ("journal", "/trajecten/{}/logboek/", refs),
            ("search", "/dashboard/?q={}", terms),
            ("map page (50 entries)", "/trajecten/{}/kaart/", maps),
            ("scaling (5 pairs x 10 rounds)", "/trajecten/{}/schaal/", maps),
            ("plan page (40 rules)", "/trajecten/{}/plan/", maps),
            ("network page (30 members)", "/trajecten/{}/netwerk/", maps),
            ("genogram and ecomap (40 persons)", "/trajecten/{}/netwerk/genogram/", maps),
            ("child's voice (10 sessions, 30 drawings)", "/trajecten/{}/kinderen/", voices),
            ("feedback (12 rounds)", "/trajecten/{}/feedback/", asked),
        ]
        reviewed = targets[username].get("reviews") or []
        if reviewed:
            pages += [
                (
                    "review (of 10)",
                    "/trajecten/{}/",
                    [f"{r}/evaluaties/{pk}" for r, pk in reviewed],
                ),
                ("reviews (10)", "/trajecten/{}/evaluaties/", [r for r, _pk in reviewed]),
            ]
        stories = [
            f"{ref}/woorden-en-beelden/{pk}" for ref, pk in targets[username].get("stories") or []
        ]
        if username == "bench_consulent":  # a PDF costs about a second: fewer, one user
            pages.append(("map PDF", "/trajecten/{}/kaart/overzicht.pdf", maps))
            if stories:
                pages.append(("booklet PDF (6 pages)", "/trajecten/{}/boekje.pdf", stories))
            judged = [
                f"{r}/jeugdrechter/{pk}" for r, pk in targets[username].get("judge_reports") or []
            ]
            if judged:
                pages.append(("judge report PDF (10 reviews)", "/trajecten/{}/verslag.pdf", judged))
        for name, template, values in pages:
            if not args.only or name in args.only:
                measure(client, name, template, values)

    # The family's own pages, logged in as the family accounts (locust's FamilyUser). The
    # home page is measured once, as the parent: both accounts hold the same 20 trajectories.
    for username, page_name in FAMILY_USERS.items():
        refs = targets[username]["references"]
        if not refs:
            print(f"{username}: no trajectories (seeded before family.py?)")
            continue
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        pages = [(page_name, "/mijn/{}/", refs)]
        if username == "bench_ouder":
            pages.append((FAMILY_HOME, "/mijn/", [""]))
        for name, template, values in pages:
            if not args.only or name in args.only:
                measure(client, name, template, values)

    # The trend charts alone, without the page around them (the scaling page above includes
    # them): the bench's five danger statements, ten rounds each, six people per chart. Was a
    # wall-clock assertion in the test suite; timing belongs here.
    if not args.only or CHARTS in args.only:
        chart_times, chart_cpu = measure_trend_charts(args.n)
        samples[CHARTS] = chart_times
        cpu_ms[CHARTS] = chart_cpu
        queries[CHARTS] = [0] * len(chart_times)
        sql_ms[CHARTS] = [0.0] * len(chart_times)

    results: dict[str, dict[str, Any]] = {}
    for name, times in samples.items():
        times.sort()
        results[name] = {
            "requests": len(times),
            "p50": round(statistics.median(times), 1),
            "p95": round(times[max(0, round(len(times) * 0.95) - 1)], 1),
            "cpu_p50": round(statistics.median(cpu_ms[name]), 1),
            "queries": round(statistics.mean(queries[name]), 1),
            "sql_ms": round(statistics.median(sql_ms[name]), 1),
        }
        r = results[name]
        print(
            f"{name:30} p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms  CPU p50 {r['cpu_p50']:6.1f} ms  "
            f"{r['queries']:5.1f} queries, {r['sql_ms']:5.1f} ms in SQL (median)"
        )
        if args.sql and name in slowest:
            print(f"    slowest query {slowest[name][0]:.1f} ms: {slowest[name][1][:1200]}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

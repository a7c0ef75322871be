"""Does a page cost more as Flanders grows? `make bench-growth` (issue 10).

    .venv/bin/python bench/growth.py [--sizes 10000,100000,1000000] [-n 20] [--keep]

For each size: a fresh PostgreSQL database `samenopweg_growth_<N>` on the machine's server
(BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432), `migrate`, `seed_synthetic` (COPY,
then VACUUM ANALYZE), bench/targets.py, and bench/profile_pages.py for the four pages whose
cost could follow the size of the whole table: the consultant's dashboard (100 trajectories),
the team lead's (2,000), a trajectory page and a search. What each bench user sees stays the
same at every size; only everyone else's files grow. Writes the medians of SQL and CPU time
alone, the growth from the smallest to the largest size, and an SVG chart (docs/growth.svg)
into the growth section of docs/BENCHMARKS.md. The databases are dropped afterwards unless
--keep. A million trajectories take about 15 minutes to seed and some 8 GB of disk.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"
DOC = ROOT / "docs" / "BENCHMARKS.md"
CHART = ROOT / "docs" / "growth.svg"
START, END = "<!-- bench:growth -->", "<!-- /bench:growth -->"
PAGES = (
    "dashboard (consultant, 100)",
    "dashboard (team lead, 2000)",
    "trajectory page",
    "search",
)
GOAL = 1.5  # the largest size may cost at most this many times the smallest


def log(text: str) -> None:
    print(f"[growth {time.strftime('%H:%M:%S')}] {text}", flush=True)


def server() -> str:
    return os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def fresh_database(name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server()}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server()}/{name}"


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server()}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(size: int, n: int, keep: bool) -> dict[str, dict[str, Any]]:
    name = f"samenopweg_growth_{size}"
    env = {
        **os.environ,
        "DATABASE_URL": fresh_database(name),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-growth-only",
        "SAMENOPWEG_SITE_URL": "http://127.0.0.1",
        "DJANGO_HTTPS": "0",
        "AXES_ENABLED": "0",
        "SAMENOPWEG_BENCH": "1",
    }
    python = sys.executable

    def step(title: str, *command: str) -> None:
        began = time.monotonic()
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        log(f"{size}: {title} in {time.monotonic() - began:.0f} s")

    try:
        step("migrate", python, "manage.py", "migrate", "--noinput", "-v", "0")
        step(
            "seed_synthetic",
            python, "manage.py", "seed_synthetic", "--trajectories", str(size),
        )  # fmt: skip
        step("collectstatic", python, "manage.py", "collectstatic", "--noinput", "-v", "0")
        targets = OUT / f"growth-targets-{size}.json"
        result = OUT / f"growth-{size}.json"
        step("targets", python, "bench/targets.py", str(targets))
        only = [arg for page in PAGES for arg in ("--only", page)]
        step(
            "profile",
            python, "bench/profile_pages.py", "-n", str(n), "--targets", str(targets),
            "--json", str(result), *only,
        )  # fmt: skip
        measured: dict[str, dict[str, Any]] = json.loads(result.read_text(encoding="utf-8"))
        return measured
    finally:
        if not keep:
            drop_database(name)


def growth(results: dict[int, dict[str, dict[str, Any]]], page: str, key: str) -> float:
    sizes = sorted(results)
    first, last = results[sizes[0]][page][key], results[sizes[-1]][page][key]
    return last / first if first else float("inf")


def chart_svg(results: dict[int, dict[str, dict[str, Any]]]) -> str:
    """SQL time alone per page against the size (log scale), one line a page."""
    import math

    width, height, left, right, top, bottom = 560, 260, 56, 190, 20, 40
    sizes = sorted(results)
    most = max(results[s][p]["sql_ms"] for s in sizes for p in PAGES) or 1.0
    ceiling = max(20.0, math.ceil(most / 5) * 5)
    span = math.log10(sizes[-1] / sizes[0]) or 1.0

    def x(size: int) -> float:
        return left + (width - left - right) * math.log10(size / sizes[0]) / span

    def y(ms: float) -> float:
        return top + (height - top - bottom) * (1 - ms / ceiling)

    colours = ["#1d70b8", "#d4351c", "#00703c", "#6f3c97"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="growth-title" font-family="sans-serif" font-size="11">',
        '<title id="growth-title">Median SQL time alone per page, by number of trajectories '
        "(PostgreSQL)</title>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
    ]
    for ms in (0, ceiling / 2, ceiling):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(ms):.1f}" y2="{y(ms):.1f}" '
            'stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y(ms) + 4:.1f}" text-anchor="end">{ms:g} ms</text>'
        )
    for size in sizes:
        parts.append(
            f'<text x="{x(size):.1f}" y="{height - bottom + 16}" text-anchor="middle">'
            f"{size:,}</text>"
        )
    parts.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 6}" text-anchor="middle">'
        "trajectories in the database</text>"
    )
    for index, page in enumerate(PAGES):
        colour = colours[index % len(colours)]
        points = " ".join(f"{x(s):.1f},{y(results[s][page]['sql_ms']):.1f}" for s in sizes)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        for s in sizes:
            parts.append(
                f'<circle cx="{x(s):.1f}" cy="{y(results[s][page]["sql_ms"]):.1f}" r="3" '
                f'fill="{colour}"/>'
            )
        parts.append(
            f'<text x="{width - right + 10}" y="{top + 14 + 18 * index}" fill="{colour}">'
            f"{page}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def section(results: dict[int, dict[str, dict[str, Any]]], n: int) -> str:
    sizes = sorted(results)
    head = "| page | " + " | ".join(f"{s:,}" for s in sizes) + " | growth |"
    lines = [
        START,
        "## Growth: the same pages as Flanders grows (PostgreSQL)",
        "",
        f"Written by `make bench-growth` (bench/growth.py) on {time.strftime('%Y-%m-%d')}: "
        f"for each size a fresh database seeded by seed_synthetic, then {n} requests per page "
        "alone (bench/profile_pages.py). Each bench user sees the same number of trajectories "
        "at every size. Median SQL time / median CPU time in ms; growth is the largest size "
        f"against the smallest (goal: at most {GOAL}×).",
        "",
        head,
        "|" + "---|" * (len(sizes) + 2),
    ]
    for page in PAGES:
        cells = [
            f"{results[s][page]['sql_ms']:.1f} / {results[s][page]['cpu_p50']:.1f}" for s in sizes
        ]
        lines.append(
            f"| {page} | " + " | ".join(cells) + f" | SQL {growth(results, page, 'sql_ms'):.2f}×, "
            f"CPU {growth(results, page, 'cpu_p50'):.2f}× |"
        )
    lines += ["", "![Median SQL time alone per page by size](growth.svg)", "", END]
    return "\n".join(lines)


def write(results: dict[int, dict[str, dict[str, Any]]], n: int) -> None:
    CHART.write_text(chart_svg(results), encoding="utf-8")
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    new = section(results, n)
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + new + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("-n", type=int, default=20, help="requests per page (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    results = {size: measure(size, args.n, args.keep) for size in sizes}
    for page in PAGES:
        cells = "  ".join(
            f"{s}: {results[s][page]['sql_ms']:5.1f}/{results[s][page]['cpu_p50']:5.1f}"
            for s in sizes
        )
        print(f"{page:30} {cells}  SQL ×{growth(results, page, 'sql_ms'):.2f}")
    if not args.no_write:
        write(results, args.n)
        log(f"wrote {DOC.relative_to(ROOT)} and {CHART.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""`make bench`: seed a fresh database, serve it with gunicorn, load it with locust, report.

    .venv/bin/python bench/run.py [--trajectories 100000] [--duration 60s] [--users 20]
                                  [--database sqlite|postgres] [--database-url URL]
                                  [--reuse-db] [--seed 1]
                                  [--wait 0.5-1.5] [--workers 8] [--threads 1] [--no-docs]

    make bench BENCH_ARGS="--trajectories 2000 --duration 10s"   # a quick run
    make bench BENCH_ARGS="--database postgres"   # the machine's PostgreSQL, its own database

Steps (every one has a time limit; gunicorn is always stopped at the end):
 1. a fresh SQLite file bench-out/bench-N.sqlite3, or with --database postgres a fresh database
    samenopweg_bench on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432), or
    --database-url (an empty database), `migrate`,
    `seed_synthetic --trajectories N` (--reuse-db keeps the seeded SQLite file of an earlier run
    with the same N, or the data at --database-url, and only migrates);
 2. `collectstatic`, and bench/targets.py picks references and search terms per bench user;
 3. gunicorn on 127.0.0.1 (DEBUG off, SAMENOPWEG_BENCH=1 for /bench/bare/);
 4. locust headless, half the users bench_consulent and half bench_teamleider (plus one user
    who prints the map PDF every 5-10 s, and FAMILY_USERS on their own page: bench_ouder and
    bench_netwerk, a parent and a network member);
 5. bench/profile_pages.py: each page alone, in-process, with its CPU time and queries, and
    the scaling page's trend charts drawn alone;
 6. docs/BENCHMARKS.md from locust's CSV: the run replaces its own database's section (SQLite or
    PostgreSQL) and keeps the other one and the text below the notes marker.
Everything it makes lives in bench-out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import importlib.metadata
import json
import os
import platform
import re
import resource
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"
DOCS = ROOT / "docs" / "BENCHMARKS.md"
BIN = (
    ROOT / ".venv" / "bin"
    if (ROOT / ".venv" / "bin" / "gunicorn").exists()
    else Path(sys.executable).parent
)
WARMUP_LIMIT = 180  # seconds the logins may take before the measured period
WARMUP = 5  # seconds of unmeasured requests after the logins (caches of every worker)
NOTES_MARKER = "<!-- notes: everything below this line is kept by bench/run.py -->"
PG_BENCH_DB = "samenopweg_bench"
SECTION = "<!-- bench:{} -->"  # each database's results between its start and end markers

# (locust request name, target p95 in ms or None); the order of the report.
PAGES: tuple[tuple[str, int | None], ...] = (
    ("bare", None),
    ("dashboard (consultant, 100)", 150),
    ("dashboard (team lead, 2000)", 150),
    ("trajectory page", 100),
    ("journal", 100),
    ("search", 100),
    ("map page (50 entries)", 100),
    ("scaling (5 pairs x 10 rounds)", 100),
    ("plan page (40 rules)", 100),
    ("network page (30 members)", 100),
    ("genogram and ecomap (40 persons)", 100),
    ("child's voice (10 sessions, 30 drawings)", 100),
    ("feedback (12 rounds)", 100),
    ("review (of 10)", 100),
    ("reviews (10)", 100),
    ("family page (parent)", 100),
    ("family page (network member)", 100),
    # Not in the issue: the family's list of trajectories, here 20 (a family has one or two).
    ("family home (20 trajectories)", None),
    ("map PDF", 2000),
    ("booklet PDF (6 pages)", 2000),
    ("judge report PDF (10 reviews)", 2000),
)

# Not a page: bench/profile_pages.py also draws the five trend charts alone (its CHARTS name).
CHARTS_ALONE = "trend charts alone (5 pairs x 10 rounds x 6 people)"
CHARTS_TARGET_MS = 50
# Family users besides --users (bench/locustfile.py FamilyUser says why so few), and the PDF user.
FAMILY_USERS = {"bench_ouder": 2, "bench_netwerk": 1}
PDF_USERS = 1


@dataclass
class Run:
    args: argparse.Namespace
    database_url: str = ""
    env: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    seed_output: str = ""
    targets: dict[str, Any] = field(default_factory=dict)
    server_command: list[str] = field(default_factory=list)
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    logins: dict[str, Any] = field(default_factory=dict)
    alone: dict[str, dict[str, Any]] = field(default_factory=dict)
    cpu_use: dict[str, float] = field(default_factory=dict)


def log(message: str) -> None:
    print(f"[bench {datetime.datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)  # noqa: DTZ005


def parse_duration(text: str) -> int:
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", text.strip())
    if not match or not any(match.groups()):
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (e.g. 60s, 2m, 1m30s)")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total < 1:
        raise argparse.ArgumentTypeError("duration must be at least 1 s")
    return total


def run_step(
    run: Run, name: str, command: Sequence[str], timeout: float, *, capture: bool = False
) -> str:
    """Run one step with the bench environment and a time limit; stop the whole run if it fails."""
    log(f"{name}: {' '.join(command)}")
    started = time.monotonic()
    try:
        result = subprocess.run(
            command, cwd=ROOT, env=run.env, timeout=timeout, text=True, check=False,
            stdout=subprocess.PIPE if capture else None, stderr=None,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise SystemExit(f"bench: step '{name}' took longer than {timeout:.0f} s") from None
    run.timings[name] = time.monotonic() - started
    if capture and result.stdout:
        print(result.stdout, end="", flush=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: step '{name}' failed with exit code {result.returncode}")
    return result.stdout or ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_serving(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(
                f"bench: gunicorn exited with code {process.returncode}; see bench-out/gunicorn.log"
            )
        try:
            with urllib.request.urlopen(f"{url}/accounts/login/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"bench: gunicorn did not answer within {timeout:.0f} s")


def check_bare(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/bench/bare/", timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def stop(process: subprocess.Popen[bytes] | None) -> None:
    """Stop gunicorn (its own process group, which we started) and wait for it."""
    if process is None or process.poll() is not None:
        return
    log(f"stopping gunicorn (pid {process.pid})")
    for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def prepare_database(run: Run) -> bool:
    """Point DATABASE_URL somewhere; True when it still needs migrate + seed."""
    args = run.args
    if args.database_url:
        run.database_url = args.database_url
        return not args.reuse_db
    if args.database == "postgres":
        server = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
        run.database_url = f"{server}/{PG_BENCH_DB}"
        if args.reuse_db:
            return False
        import psycopg  # the bench's own database: dropped and made anew, nothing else touched

        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{PG_BENCH_DB}"')
        return True
    path = OUT / f"bench-{args.trajectories}.sqlite3"
    run.database_url = f"sqlite:///{path}"
    if args.reuse_db and path.exists():
        log(f"reusing {path.relative_to(ROOT)}")
        return False
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return True


def machine() -> dict[str, str]:
    info = {"cpus": str(os.cpu_count() or "?"), "cpu": platform.processor() or platform.machine()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    info.setdefault("ram", "?")
    return info


def cpu_busy_seconds() -> float:
    """CPU time all processes of the machine used so far (from /proc/stat), in seconds."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def group_cpu_seconds(pgid: int) -> float:
    """CPU time used so far by the live processes of one process group (ours: gunicorn)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid:  # fields: state ppid pgrp ... utime(11) stime(12)
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def read_stats(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "", "N/A") else None
    except ValueError:
        return None


def write_report(run: Run, stats: dict[str, dict[str, str]], failures: list[dict[str, str]]) -> str:
    args = run.args
    info = machine()
    versions = {name: importlib.metadata.version(name) for name in ("django", "gunicorn", "locust")}
    seed_match = re.search(r"Seeded (\d+) synthetic trajectories in ([\d.]+) s", run.seed_output)
    rows_match = re.search(r"^Rows: (.*)$", run.seed_output, re.MULTILINE)
    if seed_match:
        seeding = f"{float(seed_match.group(2)):.0f} s for `seed_synthetic --trajectories {seed_match.group(1)} --seed {args.seed}`"
        if "migrate" in run.timings:
            seeding += f" (migrate: {run.timings['migrate']:.0f} s)"
    else:
        seeding = "not seeded in this run (--reuse-db)"
    users = run.targets.get("users", {})
    consultant = users.get("bench_consulent", {})
    lead = users.get("bench_teamleider", {})
    parent = users.get("bench_ouder", {})
    network = users.get("bench_netwerk", {})
    half = args.users // 2
    key = database_key(run)
    command = "make bench" + (' BENCH_ARGS="--database postgres"' if key == "postgres" else "")
    lines = [
        SECTION.format(key),
        f"## {DATABASE_TITLES[key]}",
        "",
        f"Written by `{command}` "
        f"(bench/run.py) on {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}.",
        "",
        "### Set-up",
        "",
        "| | |",
        "|---|---|",
        f"| machine | {info['cpus']} CPUs ({info['cpu']}), {info['ram']} RAM; load average before the test "
        f"{run.load_before[0]:.2f} (the machine may be shared) |",
        f"| software | Python {platform.python_version()}, Django {versions['django']}, "
        f"gunicorn {versions['gunicorn']}, locust {versions['locust']} |",
        f"| database | {run.targets.get('database', '?')}"
        + (" (a file, WAL journal)" if run.database_url.startswith("sqlite") else "")
        + " |",
        f"| data | {args.trajectories:,} synthetic trajectories".replace(",", " ")
        + (f"; {rows_match.group(1)}" if rows_match else "")
        + " |",
        f"| seeding | {seeding} |",
        f"| bench users | bench_consulent sees {consultant.get('visible', '?')} trajectories "
        f"({consultant.get('open', '?')} open); bench_teamleider sees {lead.get('visible', '?')} "
        f"({lead.get('open', '?')} open; the dashboard lists open ones, 50 a page); "
        f"bench_ouder (a parent) and bench_netwerk (a network chair) each have their own page "
        f"on {parent.get('visible', '?')} and {network.get('visible', '?')} trajectories |",
        f"| server | `{' '.join(run.server_command)}`, DJANGO_DEBUG=0, on the same machine |",
        f"| load | locust, {args.duration_text} measured after all logins and {WARMUP} s of warm-up, {args.users} users ({half} bench_consulent, "
        f"{args.users - half} bench_teamleider), each waiting {args.wait.replace('-', '–')} s between requests, "
        "and one more bench_consulent who only prints the map PDF, every 5–10 s; "
        f"besides them {FAMILY_USERS['bench_ouder']} bench_ouder and "
        f"{FAMILY_USERS['bench_netwerk']} bench_netwerk on their own page (/mijn/), with the "
        "same think time; all logged in through /accounts/login/ |",
        "",
        "### Results",
        "",
        "Response times in milliseconds, measured by locust (on the same machine as the server).",
        "*Alone*: the same pages one at a time in-process after the load test (bench/profile_pages.py):",
        "the median time and the median CPU time of one request, i.e. what a page costs without",
        "waiting for other requests or other processes. *× bare*: the page's CPU time alone as a",
        "multiple of the bare Django view's in the same run, the figure that compares across machines.",
        "",
        "| page | requests | failures | p50 ms | p95 ms | req/s | alone p50 ms | alone CPU ms | × bare | SQL queries | target p95 | met? |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    bare_cpu = _number(str(run.alone.get("bare", {}).get("cpu_p50", "")))
    for name, target in PAGES:
        row = stats.get(name)
        alone = run.alone.get(name, {})
        cpu = _number(str(alone.get("cpu_p50", "")))
        times = f"{cpu / bare_cpu:.0f}×" if cpu is not None and bare_cpu else "—"
        alone_cells = (
            f"{alone.get('p50', '—')} | {alone.get('cpu_p50', '—')} | {times} | "
            f"{alone.get('queries', '—')}"
        )
        goal = f"≤ {target}" if target else "—"
        if row is None:
            lines.append(f"| {name} | 0 | — | — | — | — | {alone_cells} | {goal} | no data |")
            continue
        p95 = _number(row.get("95%"))
        failed = int(_number(row.get("Failure Count")) or 0)
        met = (
            "—"
            if target is None
            else "**no** (failures)"
            if failed
            else ("yes" if p95 is not None and p95 <= target else "**no**")
        )
        lines.append(
            f"| {name} | {row['Request Count']} | {row.get('Failure Count', '0')} | {row.get('50%', '?')} | "
            f"{row.get('95%', '?')} | {float(row.get('Requests/s') or 0):.1f} | {alone_cells} | {goal} | {met} |"
        )
    charts = run.alone.get(CHARTS_ALONE)
    if charts:
        met = "met" if float(charts["cpu_p50"]) <= CHARTS_TARGET_MS else "**not met**"
        lines += [
            "",
            f"Drawing the scaling page's five trend charts alone (5 pairs x 10 rounds x 6 people, "
            f"in-process, no page around them): p50 {charts['p50']} ms, p95 {charts['p95']} ms, "
            f"CPU p50 {charts['cpu_p50']} ms (target: CPU ≤ {CHARTS_TARGET_MS} ms, {met}).",
        ]
    total = stats.get("Aggregated", {})
    if run.cpu_use:
        use = run.cpu_use
        lines += [
            "",
            f"CPU during the load test ({use['wall']:.0f} s with the logins), in cores of {info['cpus']}: "
            f"busy {use['busy']:.2f} — gunicorn {use['gunicorn']:.2f}, locust {use['locust']:.2f}, "
            f"other processes on the machine {use['others']:.2f}"
            + (" (PostgreSQL included)." if not run.database_url.startswith("sqlite") else "."),
        ]
    lines += [
        "",
        f"All requests: {total.get('Request Count', '?')}, failures: {total.get('Failure Count', '?')}, "
        f"{float(total.get('Requests/s') or 0):.1f} req/s.",
    ]
    if run.logins:
        lines += [
            "",
            f"Logins, before the measured period (warm-up): {run.logins['logins']} logins, "
            f"{run.logins['failures']} failed, p50 {run.logins['p50']:.0f} ms, p95 {run.logins['p95']:.0f} ms; "
            f"all users were logged in after {run.logins['warmup_seconds']} s. Each login hashes the "
            "password (PBKDF2, 1,000,000 rounds), so simultaneous logins queue for the CPU.",
        ]
    else:
        lines += ["", "**The logins did not finish: the numbers above include the warm-up.**"]
    if failures:
        lines += ["", "Failures:", ""]
        lines += [
            f"- {f.get('Name')}: {f.get('Error')} ({f.get('Occurrences')}×)" for f in failures[:20]
        ]
    lines.append(SECTION.format(f"end-{key}"))
    old = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    return merge_report(old, key, "\n".join(lines) + "\n")


DATABASE_TITLES = {"sqlite": "SQLite (the embedded default)", "postgres": "PostgreSQL (production)"}
HEAD = (
    "# Benchmarks\n\n"
    "Written by `make bench` (bench/run.py): one section per database, each replaced by a run on\n"
    "that database and dated; see bench/run.py for the options.\n"
)


def database_key(run: Run) -> str:
    return "sqlite" if run.database_url.startswith("sqlite") else "postgres"


def _section(text: str, key: str) -> str:
    start, end = SECTION.format(key), SECTION.format(f"end-{key}")
    if start not in text or end not in text:
        return ""
    return start + text.split(start, 1)[1].split(end, 1)[0] + end + "\n"


def merge_report(old: str, key: str, section: str) -> str:
    """The whole page: this run's section, the other database's as it was, the notes kept."""
    sections = {name: _section(old, name) for name in DATABASE_TITLES}
    sections[key] = section
    notes = old.split(NOTES_MARKER, 1)[1] if NOTES_MARKER in old else "\n"
    body = "\n".join(sections[name] for name in DATABASE_TITLES if sections[name])
    return f"{HEAD}\n{body}\n{NOTES_MARKER}{notes}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--trajectories", type=int, default=100_000, help="synthetic trajectories (default 100000)"
    )
    parser.add_argument("--duration", default="60s", help="locust run time (default 60s)")
    parser.add_argument(
        "--users", type=int, default=20, help="concurrent locust users (default 20)"
    )
    parser.add_argument(
        "--wait", default="0.5-1.5", help="think time per user in seconds (default 0.5-1.5)"
    )
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgres"),
        default="sqlite",
        help="a fresh SQLite file (default) or a fresh database on the machine's PostgreSQL",
    )
    parser.add_argument(
        "--database-url", default="", help="use this database instead of a fresh one"
    )
    parser.add_argument(
        "--reuse-db", action="store_true", help="skip migrate and seed if the database exists"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for seed_synthetic (default 1)")
    parser.add_argument(
        "--workers", type=int, default=8, help="gunicorn workers (default 8: four per core)"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/BENCHMARKS.md")
    args = parser.parse_args(argv)
    args.duration_text = args.duration
    seconds = parse_duration(args.duration)
    if not re.fullmatch(r"\d+(\.\d+)?-\d+(\.\d+)?", args.wait):
        parser.error("--wait is low-high in seconds, e.g. 0.5-1.5")
    if args.users < 2 or args.trajectories < 1:
        parser.error("--users must be at least 2 and --trajectories at least 1")

    # A SIGTERM (e.g. a CI timeout) unwinds through the finally that stops gunicorn.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(143))
    run = Run(args=args)
    OUT.mkdir(exist_ok=True)
    needs_seed = prepare_database(run)
    run.env = {
        **os.environ,
        "DATABASE_URL": run.database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": f"bench-secret-{secrets.token_urlsafe(40)}",
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SAMENOPWEG_SITE_URL": "http://127.0.0.1",
        "SAMENOPWEG_BENCH": "1",
        # The synthetic drawings of the stories, next to the database they belong to.
        "SAMENOPWEG_UPLOAD_DIR": str(OUT / "uploads"),
        "AXES_ENABLED": "0",
        # The bench users have no authenticator app: the second step is one page at login, not
        # part of any page measured here (docs/CONFIGURATION.md, SAMENOPWEG_REQUIRE_2FA).
        "SAMENOPWEG_REQUIRE_2FA": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "PYTHONUNBUFFERED": "1",
    }
    python = str(BIN / "python")
    # Always migrate: a reused database may predate the newest migrations.
    run_step(run, "migrate", [python, "manage.py", "migrate", "--noinput", "-v", "0"], timeout=900)
    if needs_seed:
        # 100 000 trajectories take about 1.5 min on an idle 2-core machine; allow for a busy one.
        seed_timeout = 600 + args.trajectories * 0.02
        run.seed_output = run_step(
            run,
            "seed",
            [
                python,
                "manage.py",
                "seed_synthetic",
                "--trajectories",
                str(args.trajectories),
                "--seed",
                str(args.seed),
            ],
            timeout=seed_timeout,
            capture=True,
        )
    run_step(
        run,
        "collectstatic",
        [python, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        timeout=300,
    )
    targets_file = OUT / "targets.json"
    run_step(
        run, "targets", [python, str(ROOT / "bench" / "targets.py"), str(targets_file)], timeout=300
    )
    run.targets = json.loads(targets_file.read_text(encoding="utf-8"))

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    run.server_command = [
        "gunicorn",
        "config.wsgi",
        "-w",
        str(args.workers),
        "--threads",
        str(args.threads),
        "-b",
        f"127.0.0.1:{port}",
        "--no-control-socket",  # gunicorn 27 otherwise takes ~/.gunicorn/gunicorn.ctl from others
    ]
    csv_prefix = OUT / "locust"
    for old in OUT.glob("locust_*.csv"):
        old.unlink()
    server: subprocess.Popen[bytes] | None = None
    with (OUT / "gunicorn.log").open("wb") as server_log:
        try:
            log(f"serving: {' '.join(run.server_command)}")
            server = subprocess.Popen(
                [str(BIN / "gunicorn"), *run.server_command[1:], "--error-logfile", "-"],
                cwd=ROOT, env=run.env, stdout=server_log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
            wait_until_serving(url, server, timeout=90)
            if not check_bare(url):
                log(
                    "WARNING: /bench/bare/ does not answer 200 (is SAMENOPWEG_BENCH wired in config/urls.py?)"
                )
            time.sleep(1)
            run.load_before = os.getloadavg()
            login_file = OUT / "logins.json"
            login_file.unlink(missing_ok=True)
            # The clock starts once everyone has logged in (see locustfile); -t is only a backstop.
            limit = seconds + WARMUP_LIMIT
            locust_env = {
                **run.env,
                "BENCH_TARGETS": str(targets_file),
                "BENCH_USERS": str(args.users),
                "BENCH_WAIT": args.wait,
                "BENCH_DURATION": str(seconds),
                "BENCH_WARMUP": str(WARMUP),
                "BENCH_LOGIN_STATS": str(login_file),
                "BENCH_PARENTS": str(FAMILY_USERS["bench_ouder"]),
                "BENCH_NETWORK_MEMBERS": str(FAMILY_USERS["bench_netwerk"]),
            }
            everyone = str(args.users + PDF_USERS + sum(FAMILY_USERS.values()))
            command = [
                str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                "-u", everyone, "-r", everyone, "-t", f"{limit}s", "--stop-timeout", "5",
                "--host", url, "--csv", str(csv_prefix), "--only-summary", "--loglevel", "WARNING",
            ]  # fmt: skip
            log(f"load: locust -u {everyone} -t {seconds}s against {url}")
            started = time.monotonic()
            busy0, server0, children0 = (
                cpu_busy_seconds(),
                group_cpu_seconds(server.pid),
                children_cpu_seconds(),
            )
            try:
                # locust exits 1 when a request failed: the report shows it, so do not stop here.
                subprocess.run(
                    command, cwd=ROOT, env=locust_env, timeout=seconds + 120, check=False
                )
            except subprocess.TimeoutExpired:
                raise SystemExit("bench: locust did not finish in time") from None
            run.timings["load"] = wall = time.monotonic() - started
            busy = cpu_busy_seconds() - busy0
            app = group_cpu_seconds(server.pid) - server0
            load = children_cpu_seconds() - children0
            run.cpu_use = {
                "busy": busy / wall,
                "gunicorn": app / wall,
                "locust": load / wall,
                "others": max(0.0, busy - app - load) / wall,
                "wall": wall,
            }
        finally:
            stop(server)

    alone_file = OUT / "alone.json"
    alone_file.unlink(missing_ok=True)
    run_step(
        run,
        "alone",
        [
            python,
            str(ROOT / "bench" / "profile_pages.py"),
            "--targets",
            str(targets_file),
            "--json",
            str(alone_file),
        ],
        timeout=600,
    )
    run.alone = json.loads(alone_file.read_text(encoding="utf-8"))

    stats_file = Path(f"{csv_prefix}_stats.csv")
    if not stats_file.exists():
        raise SystemExit("bench: locust wrote no statistics")
    stats = read_stats(stats_file)
    login_file = OUT / "logins.json"
    if login_file.exists():
        run.logins = json.loads(login_file.read_text(encoding="utf-8"))
    failures_file = Path(f"{csv_prefix}_failures.csv")
    failures = (
        list(csv.DictReader(failures_file.open(encoding="utf-8"))) if failures_file.exists() else []
    )
    report = write_report(run, stats, failures)
    print(_section(report, database_key(run)), flush=True)
    if not args.no_docs:
        DOCS.write_text(report, encoding="utf-8")
        log(f"wrote {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

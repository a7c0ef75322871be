"""manage.py seed_synthetic --trajectories N [--seed 1] [--batch-size 5000]

Builds N synthetic trajectories for the benchmark (bench/run.py) on a fresh database; the
builder and what it promises are in samenopweg/demo/synthetic/seed.py.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from samenopweg.accounts.models import User
from samenopweg.cases.models import Trajectory
from samenopweg.demo.synthetic.family import BENCH_NETWORK, BENCH_PARENT
from samenopweg.demo.synthetic.seed import (
    BENCH_CONSULTANT,
    BENCH_TEAM_LEAD,
    BENCH_WORKER,
    SYNTHETIC_MARKER,
    Builder,
    plan_layout,
)


class Command(BaseCommand):
    help = "Build N synthetic trajectories at Flemish scale (for load tests; refuses to run twice)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--trajectories", type=int, required=True, help="how many trajectories")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="trajectories per transaction"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        n: int = options["trajectories"]
        batch_size: int = options["batch_size"]
        if n < 1 or batch_size < 1:
            raise CommandError("--trajectories and --batch-size must be at least 1.")
        if (
            User.objects.filter(
                username__in=[
                    BENCH_CONSULTANT,
                    BENCH_TEAM_LEAD,
                    BENCH_WORKER,
                    BENCH_PARENT,
                    BENCH_NETWORK,
                ]
            ).exists()
            or Trajectory.objects.filter(reference__contains=SYNTHETIC_MARKER).exists()
        ):
            raise CommandError(
                "This database already holds synthetic data (bench users or -SYN- references). "
                "seed_synthetic runs once per database: start from a fresh one "
                "(bench/run.py makes a new one for every run)."
            )
        started = time.monotonic()
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            # A throw-away database: no fsync, and a bigger page cache while it grows.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous=OFF")
                cursor.execute("PRAGMA cache_size=-262144")
        layout = plan_layout(n)
        builder = Builder(seed=options["seed"])
        with transaction.atomic():
            infos = builder.build_structure(layout)
        slots = builder.plan_slots(layout, infos)
        self.stdout.write(
            f"{len(infos)} teams, {builder.users} users; {BENCH_CONSULTANT}: "
            f"{layout.bench_caseload} trajectories, {BENCH_TEAM_LEAD}'s team: "
            f"{layout.bench_team_size} ({time.monotonic() - started:.1f} s)"
        )
        for offset in range(0, n, batch_size):
            with transaction.atomic():
                builder.build_batch(slots[offset : offset + batch_size])
            done = min(n, offset + batch_size)
            self.stdout.write(f"  {done}/{n} trajectories ({time.monotonic() - started:.1f} s)")
        with transaction.atomic():
            shared = builder.what.share()
            # After the share: the family's first look at what was shared with them.
            seen = builder.family.saw()
            builder.writer.reset_sequences()
        self.stdout.write(
            f"  {shared} shared versions of statement sets; {len(builder.family.households)} "
            f"trajectories with {BENCH_PARENT} and {BENCH_NETWORK} ({seen} items seen)"
        )
        if connection.vendor == "postgresql":
            # Fresh statistics and visibility maps, so the plans measured are the plans
            # production would have (autovacuum would get to the new tables only later).
            # Inside a transaction (the tests) VACUUM cannot run: statistics only.
            statement = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            with connection.cursor() as cursor:
                cursor.execute(statement)
            self.stdout.write(f"  {statement} ({time.monotonic() - started:.1f} s)")
        elapsed = time.monotonic() - started
        rows = ", ".join(
            f"{label.split('.')[-1]} {count}"
            for label, count in sorted(builder.writer.counts.items())
        )
        self.stdout.write(f"Rows: {rows}")
        self.stdout.write(
            self.style.SUCCESS(f"Seeded {n} synthetic trajectories in {elapsed:.1f} s")
        )

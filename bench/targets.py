"""What the load test asks for: per bench user, references they may see, search terms, and
the trajectories with a full-size WHAT and HOW (seed_synthetic gives bench_consulent's
trajectories past registration a map of 50 entries, 5 danger/goal pairs scaled in 10 rounds, a
network of 30, a plan of 40 rules and a Words and Pictures story), and those stories; the
trajectories with a child heard in 10 sessions with 30 drawings (`voices`) those with 12
feedback rounds (`feedback`) and those with 10 reviews (`reviews`: reference, latest review): the first ten of bench_consulent's full trajectories past mapping
with a child of school age have both. The family accounts (`bench_ouder`, `bench_netwerk`:
a parent and a network chair on the first 20 full trajectories, seed_synthetic's family.py)
get the references of their own page, /mijn/<reference>/.

    DATABASE_URL=... python bench/targets.py OUT.json

Run by bench/run.py against the seeded database; writes JSON for bench/locustfile.py.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
USERS = ("bench_consulent", "bench_teamleider")
FAMILY_USERS = ("bench_ouder", "bench_netwerk")
SAMPLE = 400  # references per user (the team lead sees 2,000; a sample is enough)
TERMS = 60


def main(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from samenopweg.accounts.models import User
    from samenopweg.cases.access import visible_trajectories
    from samenopweg.cases.models import Stage
    from samenopweg.people.models import Person

    rng = random.Random(1)
    result: dict[str, Any] = {"users": {}}
    for username in USERS:
        user = User.objects.get(username=username)
        visible = visible_trajectories(user)
        references = list(visible.values_list("reference", flat=True))
        open_refs = list(
            visible.exclude(stage=Stage.AFGESLOTEN).values_list("reference", flat=True)
        )
        rng.shuffle(references)
        # Search as people do: a family name of a child on the caseload, or part of a reference.
        names = sorted(
            set(
                Person.objects.filter(trajectory__in=visible.exclude(stage=Stage.AFGESLOTEN))
                .filter(is_child=True)
                .values_list("last_name", flat=True)
            )
        )
        terms = [rng.choice(names) for _ in range(TERMS // 2)] if names else []
        terms += (
            [rng.choice(open_refs)[-10:] for _ in range(TERMS - len(terms))] if open_refs else []
        )
        full_maps = list(
            visible.filter(owner__username="bench_consulent")
            .annotate(entries=Count("map_entries"))
            .filter(entries__gte=50)
            .values_list("reference", flat=True)
        )
        rng.shuffle(full_maps)
        from samenopweg.safety_plans.models import Story

        stories = [
            [reference, story_id]
            for reference, story_id in Story.objects.filter(
                trajectory__reference__in=full_maps[:SAMPLE]
            ).values_list("trajectory__reference", "pk")
        ]
        from samenopweg.child_voice.models import Drawing, VoiceSession
        from samenopweg.feedback.models import FeedbackRound

        # A child with 10 sessions and 30 drawings; a family with 12 rounds.
        heard = (
            VoiceSession.objects.filter(trajectory__in=visible)
            .values("trajectory", "child")
            .annotate(n=Count("id"))
            .filter(n__gte=10)
            .values("trajectory")
        )
        drawn = (
            Drawing.objects.filter(trajectory__in=heard)
            .values("trajectory", "session__child")
            .annotate(n=Count("id"))
            .filter(n__gte=30)
            .values_list("trajectory__reference", flat=True)
        )
        voices = sorted(set(drawn))
        asked = sorted(
            FeedbackRound.objects.filter(trajectory__in=visible, withdrawn_at__isnull=True)
            .values("trajectory")
            .annotate(n=Count("id"))
            .filter(n__gte=12)
            .values_list("trajectory__reference", flat=True)
        )
        from samenopweg.reviews.models import Review

        # A trajectory with 10 reviews: its latest one (demo/synthetic/reviews.py).
        reviewed = {
            reference: review_id
            for reference, review_id in Review.objects.filter(
                trajectory__in=visible, withdrawn_at__isnull=True
            )
            .order_by("trajectory_id", "held_on", "id")
            .values_list("trajectory__reference", "pk")
        }
        from samenopweg.reports.models import JudgeReport

        # Their report to the youth judge (demo/synthetic/reviews.py): the judge report PDF.
        judged = sorted(
            [reference, pk]
            for reference, pk in JudgeReport.objects.filter(trajectory__in=visible).values_list(
                "trajectory__reference", "pk"
            )
        )
        result["users"][username] = {
            "judge_reports": judged,
            "reviews": sorted([reference, pk] for reference, pk in reviewed.items()),
            "visible": len(references),
            "open": len(open_refs),
            "references": references[:SAMPLE],
            "terms": terms,
            "maps": full_maps,
            "stories": stories,
            "voices": voices,
            "feedback": asked,
        }
    for username in FAMILY_USERS:
        # Their own pages: every open trajectory they have a current grant on.
        mine = list(
            visible_trajectories(User.objects.get(username=username))
            .exclude(stage=Stage.AFGESLOTEN)
            .order_by("reference")
            .values_list("reference", flat=True)
        )
        result["users"][username] = {"visible": len(mine), "open": len(mine), "references": mine}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            result["database"] = f"SQLite {cursor.fetchone()[0]}"
        else:
            cursor.execute("show server_version")
            result["database"] = f"{connection.display_name} {cursor.fetchone()[0]}"
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/targets.py OUT.json")
    main(Path(sys.argv[1]))

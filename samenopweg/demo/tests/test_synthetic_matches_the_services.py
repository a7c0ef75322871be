"""What seed_synthetic writes in bulk agrees with what the services would keep for the same rows.

The seed computes the denormalised fields itself (one executemany per table, no service calls):
the safety summary on each trajectory (cases.services.refresh_safety_summary), its search text
(cases.services.refresh_search_text) and each plan rule's follow-up
(safety_plans.services.refresh_follow_up). Snapshot them, let the services recompute them from
the seeded rows, and compare: the dashboard, the search and the plan signals read these fields.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from samenopweg.cases import services as case_services
from samenopweg.cases.models import SafetyAnswer, Trajectory, Urgency
from samenopweg.safety_plans.models import CheckOutcome, PlanRule
from samenopweg.safety_plans.services import refresh_follow_up

SUMMARY = (
    "safety_status",
    "safety_checked_at",
    "safety_check_due_at",
    "next_step_urgency",
    "next_step_due_at",
)
FOLLOW_UP = ("last_checked_on", "last_outcome", "next_check_due")


def snapshot(queryset: Any, fields: tuple[str, ...]) -> dict[int, tuple[Any, ...]]:
    return {row[0]: row[1:] for row in queryset.order_by("pk").values_list("pk", *fields)}


def differences(
    seeded: dict[int, tuple[Any, ...]], computed: dict[int, tuple[Any, ...]], fields: Any
) -> list[str]:
    return [
        f"{pk}.{name}: seeded {a!r}, the service keeps {b!r}"
        for pk in seeded
        for name, a, b in zip(fields, seeded[pk], computed[pk], strict=True)
        if a != b
    ]


@pytest.mark.django_db
def test_seeded_summaries_search_text_and_follow_up_agree_with_the_services() -> None:
    # 60 trajectories: the bench consultant's 20, those past registration with a plan of 40
    # rules; seed 3 gives every answer and urgency as the latest one somewhere (checked below).
    call_command("seed_synthetic", trajectories=60, seed=3, stdout=StringIO())
    trajectories = Trajectory.objects.all()
    rules = PlanRule.objects.all()
    summaries = snapshot(trajectories, SUMMARY)
    search = snapshot(trajectories, ("search_text",))
    follow_up = snapshot(rules, FOLLOW_UP)
    # The sample covers the cases the services treat differently.
    assert {s[0] for s in summaries.values()} == set(SafetyAnswer.values)
    assert {s[3] for s in summaries.values()} == set(Urgency.values)
    assert {f[1] for f in follow_up.values()} >= {CheckOutcome.WENT_WELL, CheckOutcome.DID_NOT}
    assert len(follow_up) >= 10 * 40

    for trajectory in trajectories.select_related("team"):
        case_services.refresh_safety_summary(trajectory)
        case_services.refresh_search_text(trajectory)
    for rule in rules.select_related("plan"):
        refresh_follow_up(rule)

    assert differences(summaries, snapshot(trajectories, SUMMARY), SUMMARY) == []
    assert differences(search, snapshot(trajectories, ("search_text",)), ("search_text",)) == []
    assert differences(follow_up, snapshot(rules, FOLLOW_UP), FOLLOW_UP) == []

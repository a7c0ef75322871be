"""The family's pages for the test world: a shared version holding the world's goal, and the
URL kwargs and posts the cross-app suites use. Idempotent, like the other *_world modules."""

from __future__ import annotations

from typing import Any

from samenopweg.assessments.models import (
    BottomLine,
    DangerStatement,
    SafetyGoal,
    SharedVersion,
    StatementSet,
)
from samenopweg.assessments.services.statements import snapshot_items
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.cases.tests.helpers import reference_kwargs, world_of


def ensure_shared_goal(world: Any) -> SafetyGoal:
    """The world's goal (shared with parents), in the newest shared version."""
    world = world_of(world)
    goal = wat.ensure_goal(world)
    statement_set, _created = StatementSet.objects.get_or_create(trajectory=world.trajectory)
    latest = SharedVersion.objects.filter(statement_set=statement_set).order_by("-number").first()
    shared_goals = {
        g["id"]
        for s in (latest.snapshot.get("danger_statements", []) if latest else [])
        for g in s.get("goals", [])
    }
    if goal.pk not in shared_goals:
        statements = DangerStatement.objects.filter(trajectory=world.trajectory).prefetch_related(
            "children", "goals"
        )
        SharedVersion.objects.create(
            statement_set=statement_set,
            number=(latest.number if latest else 0) + 1,
            snapshot=snapshot_items(
                statements, BottomLine.objects.filter(trajectory=world.trajectory)
            ),
            shared_by=world.owner,
        )
    return goal


def own_view_kwargs(case: Any) -> dict[str, Any]:
    return {**reference_kwargs(case), "kind": "doel", "item_id": ensure_shared_goal(case).pk}


def own_view_data(case: Any) -> dict[str, Any]:
    return {"view": "disagree", "text": "Dat zie ik anders."}


def feedback_data(case: Any) -> dict[str, Any]:
    return {"score_1": "8", "score_2": "7", "score_3": "8", "score_4": "8", "open_answer": ""}

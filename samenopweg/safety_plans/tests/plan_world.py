"""Objects of the HOW for the test world, and the URL kwargs and posts the cross-app suites use.

Idempotent: the permission matrix builds its URLs many times on the same world.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.core.models import Audience
from samenopweg.people.models import Person
from samenopweg.safety_plans.models import (
    CheckOutcome,
    PlanKind,
    PlanRule,
    PlanStatus,
    PlanVersion,
    SafetyPlan,
)

MARK = "MATRIX-HOE"


def _world(given: Any) -> Any:
    """The helpers take the world, or the permission matrix's case (which holds the world)."""
    return getattr(given, "world", given)


def mother(world: Any) -> Person:
    world = _world(world)
    return Person.objects.filter(trajectory=world.trajectory, is_child=False).order_by("id").first()  # type: ignore[return-value]


def ensure_plan(world: Any) -> SafetyPlan:
    """A lasting plan that runs, with one version, for the world's trajectory."""
    world = _world(world)
    plan = SafetyPlan.objects.filter(trajectory=world.trajectory, kind=PlanKind.LASTING).first()
    if plan is None:
        plan = SafetyPlan.objects.create(
            trajectory=world.trajectory,
            kind=PlanKind.LASTING,
            status=PlanStatus.ACTIVE,
            status_changed_at=timezone.now(),
            safety_object="de blauwe knuffel",
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
        PlanVersion.objects.create(
            plan=plan,
            number=1,
            status=PlanStatus.ACTIVE,
            snapshot={"rules": []},
            made_by=world.worker,
        )
    return plan


def ensure_rule(world: Any) -> PlanRule:
    world = _world(world)
    plan = ensure_plan(world)
    rule = PlanRule.objects.filter(plan=plan, what__startswith=MARK).first()
    if rule is None:
        rule = PlanRule.objects.create(
            plan=plan,
            trajectory=world.trajectory,
            what=f"{MARK} Oma Maria haalt Noor elke woensdag op school.",
            when="elke woensdag om 12 uur",
            check_how="Oma stuurt mama een berichtje als Noor bij haar is.",
            fallback="Dan haalt de buurvrouw Noor op.",
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
        rule.who.set([mother(world)])
        rule.goals.set([ensure_goal(world)])
    return rule


def plan_kwargs(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {"reference": world.trajectory.reference, "plan_id": ensure_plan(world).pk}


def version_kwargs(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {**plan_kwargs(world), "number": 1}


def rule_kwargs(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {"reference": world.trajectory.reference, "rule_id": ensure_rule(world).pk}


def plan_create_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {"safety_object": "", "safety_object_meaning": "", "audience": Audience.NETWORK}


def plan_edit_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {
        "safety_object": "de rode sjaal",
        "safety_object_meaning": "",
        "audience": Audience.NETWORK,
        "version": ensure_plan(world).version,
    }


def status_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {"to_status": PlanStatus.ENDED, "version": ensure_plan(world).version}


def rule_create_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {
        "what": "Papa belt oma als hij wil drinken.",
        "who": [mother(world).pk],
        "when": "altijd",
        "check_how": "Oma vertelt het aan de hulpverlener.",
        "check_every_days": 7,
        "fallback": "Dan komt oma langs.",
        "goals": [ensure_goal(world).pk],
        "audience": Audience.NETWORK,
    }


def rule_edit_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {**rule_create_data(world), "version": ensure_rule(world).version}


def withdraw_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {"reason": "Dubbel genoteerd."}


def check_in_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {
        "outcome": CheckOutcome.DID_NOT,
        "checked_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "note": "Oma was ziek.",
        "audience": Audience.NETWORK,
    }


def comment_data(world: Any) -> dict[str, Any]:
    world = _world(world)
    return {
        "text": "Goed plan. Wie belt er als oma op reis is?",
        "audience": Audience.PROFESSIONALS,
    }


def confirm_data(world: Any) -> dict[str, Any]:
    """Nothing to post, but a plan that can be confirmed: one rule that answers the only goal."""
    ensure_rule(_world(world))
    return {}

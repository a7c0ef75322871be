"""A closed trajectory refuses every write of the HOW: plans, rules, check-ins, comments and
Words and Pictures. Nothing changes and no write leaves an audit row until it is reopened."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from conftest import World
from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import assert_refused_while_closed, close_trajectory
from samenopweg.core.models import Audience
from samenopweg.safety_plans import services
from samenopweg.safety_plans.models import (
    CheckOutcome,
    PlanKind,
    PlanRule,
    PlanStatus,
    SafetyPlan,
    Story,
    StoryPage,
)
from samenopweg.safety_plans.tests import plan_world as hoe

pytestmark = pytest.mark.django_db

WRITES = (AuditAction.CREATE, AuditAction.UPDATE, AuditAction.WITHDRAW)


def _rule(world: World) -> PlanRule:
    return PlanRule.objects.select_related("plan", "trajectory").get(pk=hoe.ensure_rule(world).pk)


def _plan(world: World) -> SafetyPlan:
    return SafetyPlan.objects.select_related("trajectory").get(pk=hoe.ensure_plan(world).pk)


def _story(world: World) -> Story:
    return Story.objects.select_related("trajectory").get(pk=hoe.ensure_story(world).pk)


def _page(world: World) -> StoryPage:
    return StoryPage.objects.select_related("story", "trajectory").get(
        story=hoe.ensure_story(world)
    )


def _rule_fields(world: World, rule: PlanRule) -> dict[str, Any]:
    return {
        "what": "Oma haalt Noor op woensdag en vrijdag.",
        "who": [hoe.mother(world)],
        "when": rule.when,
        "check_how": rule.check_how,
        "checked_by": None,
        "check_every_days": 7,
        "fallback": rule.fallback,
        "goals": [ensure_goal(world)],
        "audience": Audience.NETWORK,
        "actor": world.worker,
    }


# Each write of the app, as the worker would make it on an open trajectory.
PLAN_WRITES: dict[str, Callable[[World], Any]] = {
    "create_plan": lambda w: services.create_plan(
        trajectory=w.trajectory,
        kind=PlanKind.IMMEDIATE,
        review_on=timezone.localdate() + datetime.timedelta(days=2),
        safety_object="",
        safety_object_meaning="Oma blijft slapen.",
        audience=Audience.NETWORK,
        actor=w.worker,
    ),
    "update_plan": lambda w: services.update_plan(
        plan=_plan(w),
        expected_version=_plan(w).version,
        review_on=None,
        safety_object="de rode sjaal",
        safety_object_meaning="",
        audience=Audience.NETWORK,
        actor=w.worker,
    ),
    "change_plan_status": lambda w: services.change_plan_status(
        plan=_plan(w),
        to_status=PlanStatus.ENDED,
        expected_version=_plan(w).version,
        actor=w.worker,
    ),
    "confirm_plan": lambda w: services.confirm_plan(
        plan=_plan(w), seen=_plan(w).content_changed_at, actor=w.owner
    ),
}
RULE_WRITES: dict[str, Callable[[World], Any]] = {
    "add_rule": lambda w: services.add_rule(plan=_plan(w), **_rule_fields(w, _rule(w))),
    "update_rule": lambda w: services.update_rule(
        rule=_rule(w), expected_version=_rule(w).version, **_rule_fields(w, _rule(w))
    ),
    "withdraw_rule": lambda w: services.withdraw_rule(
        rule=_rule(w), reason="Oma verhuist.", actor=w.worker
    ),
    "add_check_in": lambda w: services.add_check_in(
        rule=_rule(w),
        outcome=CheckOutcome.WENT_WELL,
        note="Ging goed.",
        checked_on=timezone.localdate(),
        told_by=None,
        audience=Audience.NETWORK,
        actor=w.worker,
    ),
    "add_plan_comment": lambda w: services.add_plan_comment(
        plan=_plan(w), rule=None, text="Goed plan.", audience=Audience.PROFESSIONALS, actor=w.owner
    ),
}
STORY_WRITES: dict[str, Callable[[World], Any]] = {
    "create_story": lambda w: services.create_story(
        trajectory=w.trajectory,
        kind="plan",
        title="Het plan",
        written_with="",
        audience=Audience.CHILD,
        actor=w.worker,
    ),
    "update_story": lambda w: services.update_story(
        story=_story(w),
        expected_version=_story(w).version,
        title="Een nieuwe titel",
        written_with="mama",
        audience=Audience.CHILD,
        actor=w.worker,
    ),
    "add_story_page": lambda w: services.add_story_page(
        story=_story(w),
        text="Oma haalt je op.",
        uploaded=hoe.picture_file(),
        picture_alt="Oma",
        actor=w.worker,
    ),
    "update_story_page": lambda w: services.update_story_page(
        page=_page(w),
        expected_version=_page(w).version,
        text="Mama en papa praten nu rustig.",
        uploaded=None,
        picture_alt="Een huis",
        remove_picture=False,
        actor=w.worker,
    ),
    "withdraw_story_page": lambda w: services.withdraw_story_page(page=_page(w), actor=w.worker),
    "keep_story_version": lambda w: services.keep_story_version(story=_story(w), actor=w.worker),
}


def _state(world: World) -> list[Any]:
    return [
        list(SafetyPlan.objects.order_by("id").values_list("id", "version", "status")),
        list(PlanRule.objects.order_by("id").values_list("id", "version", "withdrawn_at")),
        list(Story.objects.order_by("id").values_list("id", "version")),
        list(StoryPage.objects.order_by("id").values_list("id", "version", "withdrawn_at")),
        AuditEvent.objects.filter(action__in=WRITES).count(),
    ]


def _refused_when_closed(world: World, write: Callable[[World], Any]) -> None:
    hoe.ensure_rule(world)
    hoe.ensure_story(world)
    close_trajectory(world)
    assert_refused_while_closed([lambda: write(world)], lambda: _state(world))


@pytest.mark.parametrize("name", PLAN_WRITES)
def test_a_closed_trajectory_refuses_every_write_of_the_plan(world: World, name: str) -> None:
    _refused_when_closed(world, PLAN_WRITES[name])


@pytest.mark.parametrize("name", RULE_WRITES)
def test_a_closed_trajectory_refuses_rules_check_ins_and_comments(world: World, name: str) -> None:
    _refused_when_closed(world, RULE_WRITES[name])


@pytest.mark.parametrize("name", STORY_WRITES)
def test_a_closed_trajectory_refuses_every_write_of_words_and_pictures(
    world: World, name: str
) -> None:
    _refused_when_closed(world, STORY_WRITES[name])


@pytest.mark.parametrize("name", [*PLAN_WRITES, *RULE_WRITES, *STORY_WRITES])
def test_the_same_writes_go_through_while_the_trajectory_is_open(world: World, name: str) -> None:
    hoe.ensure_rule(world)
    hoe.ensure_story(world)
    writes = AuditEvent.objects.filter(action__in=WRITES).count()
    {**PLAN_WRITES, **RULE_WRITES, **STORY_WRITES}[name](world)
    assert AuditEvent.objects.filter(action__in=WRITES).count() > writes

"""Kept versions of the plan and of a story carry each item's audience, so they are read through
the item rule (cases.access.visible_kept_items) exactly as the rows themselves."""

from __future__ import annotations

import pytest

from conftest import World
from samenopweg.cases.access import CaseAccess, visible_kept_items
from samenopweg.cases.models import CaseRole
from samenopweg.core.models import Audience
from samenopweg.safety_plans import services
from samenopweg.safety_plans.models import PlanStatus, PlanVersion, StoryPage
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import PlanRuleFactory

pytestmark = pytest.mark.django_db


def _as(world: World, role: str) -> CaseAccess:
    return CaseAccess(trajectory=world.trajectory, role=role)


def test_a_plan_version_shows_the_network_only_the_rules_shared_with_it(world: World) -> None:
    shared = hoe.ensure_rule(world)
    private = PlanRuleFactory.create(
        plan=shared.plan, audience=Audience.PROFESSIONALS, created_by=world.worker
    )
    plan = shared.plan
    plan.refresh_from_db()
    version = services.change_plan_status(
        plan=plan, to_status=PlanStatus.DRAFT, expected_version=plan.version, actor=world.worker
    )
    rules = PlanVersion.objects.get(pk=version.pk).snapshot["rules"]
    assert {r["id"]: r["audience"] for r in rules} == {
        shared.pk: Audience.NETWORK,
        private.pk: Audience.PROFESSIONALS,
    }

    assert [r["id"] for r in visible_kept_items(_as(world, CaseRole.CONSULENT), rules)] == [
        shared.pk,
        private.pk,
    ]
    assert [r["id"] for r in visible_kept_items(_as(world, CaseRole.NETWERK), rules)] == [shared.pk]
    assert visible_kept_items(_as(world, CaseRole.JONGERE), rules) == []


def test_a_kept_story_carries_the_audience_of_each_page(world: World) -> None:
    story = hoe.ensure_story(world)
    version = services.keep_story_version(story=story, actor=world.worker)
    pages = version.snapshot["pages"]
    assert [p["audience"] for p in pages] == [Audience.CHILD]
    assert visible_kept_items(_as(world, CaseRole.JONGERE), pages) == pages

    StoryPage.objects.filter(story=story).update(audience=Audience.PROFESSIONALS)
    narrowed = services.keep_story_version(story=story, actor=world.worker).snapshot["pages"]
    assert visible_kept_items(_as(world, CaseRole.JONGERE), narrowed) == []

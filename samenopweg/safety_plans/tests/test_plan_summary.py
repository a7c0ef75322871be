"""The plan page opens with the rules that need a look (issue 12, point 4): the ones whose last
check-in did not go well and the ones late for their check-in, each linking to its rule."""

from __future__ import annotations

import datetime

from django.utils import timezone

from conftest import World
from samenopweg.cases.tests.helpers import logged_in_client, trajectory_url
from samenopweg.core.models import Audience
from samenopweg.safety_plans import services
from samenopweg.safety_plans.models import CheckOutcome, PlanStatus, SafetyPlan
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import PlanRuleFactory


def _page(world: World) -> str:
    return (
        logged_in_client(world.worker)
        .get(trajectory_url("safety_plans:plan", world))
        .content.decode()
    )


def _summary(html: str) -> str:
    start = html.index('id="aandacht"')
    return html[start : html.index("</section>", start)]


def test_a_rule_that_did_not_go_well_is_summarised_at_the_top(world: World) -> None:
    rule = hoe.ensure_rule(world)
    quiet = PlanRuleFactory.create(
        plan=rule.plan, what="Papa belt elke avond.", created_by=world.worker
    )
    services.refresh_follow_up(quiet)
    services.add_check_in(
        rule=rule,
        outcome=CheckOutcome.DID_NOT,
        note="Oma was ziek.",
        checked_on=timezone.localdate(),
        told_by=None,
        audience=Audience.NETWORK,
        actor=world.worker,
    )
    html = _page(world)
    assert html.index('id="aandacht"') < html.index(f'id="plan-{rule.plan_id}"')
    summary = _summary(html)
    assert f'href="#afspraak-{rule.pk}"' in summary
    assert html.count(f'id="afspraak-{rule.pk}"') == 1
    assert "Ging niet goed" in summary
    assert "Papa belt" not in summary  # a rule without news is not in it


def test_a_rule_late_for_its_check_in_is_summarised_with_the_day(world: World) -> None:
    rule = hoe.ensure_rule(world)
    started = timezone.now() - datetime.timedelta(days=10)
    SafetyPlan.objects.filter(pk=rule.plan_id).update(status_changed_at=started)
    rule.plan.refresh_from_db()
    services.refresh_follow_up(rule)
    rule.refresh_from_db()
    summary = _summary(_page(world))
    assert f'href="#afspraak-{rule.pk}"' in summary
    assert rule.next_check_due is not None
    day = rule.next_check_due.strftime("%d/%m/%Y")
    assert f"opvolging te laat (sinds {day})" in summary
    assert "Ging niet goed" not in summary


def test_no_box_when_every_rule_is_on_track(world: World) -> None:
    hoe.ensure_rule(world)
    assert 'id="aandacht"' not in _page(world)


def test_a_draft_plan_is_not_summarised(world: World) -> None:
    rule = hoe.ensure_rule(world)
    services.add_check_in(
        rule=rule,
        outcome=CheckOutcome.DID_NOT,
        note="",
        checked_on=timezone.localdate(),
        told_by=None,
        audience=Audience.NETWORK,
        actor=world.worker,
    )
    SafetyPlan.objects.filter(pk=rule.plan_id).update(status=PlanStatus.DRAFT)
    assert 'id="aandacht"' not in _page(world)

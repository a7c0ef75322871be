"""The HOW: the plan page, who writes what, rules linked to goals, follow-up, versions."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import logged_in_client, trajectory_url
from samenopweg.core.models import Audience
from samenopweg.safety_plans import services
from samenopweg.safety_plans.models import (
    CheckOutcome,
    PlanKind,
    PlanRule,
    PlanStatus,
    PlanVersion,
    RuleCheckIn,
    SafetyPlan,
)
from samenopweg.safety_plans.selectors import plan_signals
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import SafetyGoalFactory


def _url(name: str, world: World, **kwargs: Any) -> str:
    return trajectory_url(f"safety_plans:{name}", world, **kwargs)


def _post_status(
    client: Client, world: World, plan: SafetyPlan, to_status: str, version: int
) -> Any:
    """The plan's status form posted from `version`; the page it ends on."""
    return client.post(
        _url("plan_status", world, plan_id=plan.pk),
        {"to_status": to_status, "version": version},
        follow=True,
    )


# --- making the plan ---------------------------------------------------------------------------


def test_the_worker_makes_a_plan_and_a_rule_linked_to_a_goal(world: World) -> None:
    goal = ensure_goal(world)
    client = logged_in_client(world.worker)
    response = client.post(
        _url("plan_create", world) + "?soort=lasting",
        {
            "safety_object": "de blauwe knuffel",
            "safety_object_meaning": "",
            "audience": Audience.NETWORK,
        },
    )
    assert response.status_code == 302
    plan = SafetyPlan.objects.get(trajectory=world.trajectory)
    assert (plan.kind, plan.status, plan.created_by) == (
        PlanKind.LASTING,
        PlanStatus.DRAFT,
        world.worker,
    )

    page = client.get(_url("plan", world)).content.decode()
    assert "Veiligheidsdoelen zonder afspraak" in page
    assert goal.parents_and_network_will in page

    response = client.post(_url("rule_create", world, plan_id=plan.pk), hoe.rule_create_data(world))
    assert response.status_code == 302, response.content.decode()[:2000]
    rule = PlanRule.objects.get(plan=plan)
    assert list(rule.goals.all()) == [goal]
    assert list(rule.who.all()) == [hoe.mother(world)]
    page = client.get(_url("plan", world)).content.decode()
    assert "Veiligheidsdoelen zonder afspraak" not in page
    assert "Elk veiligheidsdoel heeft minstens één afspraak." in page
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="safety_plans.planrule", object_id=str(rule.pk)
    ).exists()


def test_a_second_open_plan_of_the_same_kind_is_refused_and_what_was_typed_stays(
    world: World,
) -> None:
    hoe.ensure_plan(world)
    response = logged_in_client(world.worker).post(
        _url("plan_create", world) + "?soort=lasting",
        {
            "safety_object": "de rode sjaal",
            "safety_object_meaning": "",
            "audience": Audience.NETWORK,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is al een veiligheidsplan die loopt" in page
    assert "de rode sjaal" in page


def test_an_immediate_agreement_is_reviewed_within_a_week(world: World) -> None:
    client = logged_in_client(world.owner)
    too_late = timezone.localdate() + datetime.timedelta(days=10)
    response = client.post(
        _url("plan_create", world) + "?soort=immediate",
        {
            "review_on": too_late.isoformat(),
            "safety_object": "",
            "safety_object_meaning": "Oma blijft slapen tot vrijdag.",
            "audience": Audience.NETWORK,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kies een datum binnen de week" in page
    assert "Oma blijft slapen tot vrijdag." in page
    assert not SafetyPlan.objects.exists()

    soon = timezone.localdate() + datetime.timedelta(days=3)
    response = client.post(
        _url("plan_create", world) + "?soort=immediate",
        {
            "review_on": soon.isoformat(),
            "safety_object": "",
            "safety_object_meaning": "",
            "audience": 2,
        },
    )
    assert response.status_code == 302
    plan = SafetyPlan.objects.get(kind=PlanKind.IMMEDIATE)
    assert plan.review_on == soon


def test_a_passed_review_date_is_flagged_on_the_page_and_for_the_dashboard(world: World) -> None:
    plan = SafetyPlan.objects.create(
        trajectory=world.trajectory,
        kind=PlanKind.IMMEDIATE,
        review_on=timezone.localdate() - datetime.timedelta(days=1),
        created_by=world.worker,
    )
    page = logged_in_client(world.owner).get(_url("plan", world)).content.decode()
    assert "datum voorbij" in page
    assert plan_signals([world.trajectory.pk])[world.trajectory.pk].review_overdue == plan.review_on


# --- status and versions -----------------------------------------------------------------------


def test_a_plan_without_rules_cannot_run(world: World) -> None:
    plan = SafetyPlan.objects.create(
        trajectory=world.trajectory, kind=PlanKind.LASTING, created_by=world.worker
    )
    response = _post_status(
        logged_in_client(world.worker), world, plan, PlanStatus.ACTIVE, plan.version
    )
    assert "Schrijf eerst minstens één afspraak." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_each_status_change_keeps_the_plan_as_it_was(world: World) -> None:
    rule = hoe.ensure_rule(world)
    plan = rule.plan
    SafetyPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)
    PlanVersion.objects.all().delete()
    plan.refresh_from_db()
    client = logged_in_client(world.worker)
    _post_status(client, world, plan, PlanStatus.TESTING, plan.version)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.TESTING
    version = PlanVersion.objects.get(plan=plan)
    assert version.snapshot["rules"][0]["what"] == rule.what
    # Changing the rule later does not change the kept version.
    PlanRule.objects.filter(pk=rule.pk).update(what="Iets anders")
    page = client.get(_url("plan_version", world, plan_id=plan.pk, number=1)).content.decode()
    assert rule.what in page
    assert "Iets anders" not in page
    # A stale version number is refused, nothing changes.
    response = _post_status(client, world, plan, PlanStatus.ACTIVE, plan.version - 1)
    assert "Iemand anders paste het plan net aan" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.TESTING


# --- who decides -------------------------------------------------------------------------------


def test_only_the_consultant_confirms_and_a_later_change_asks_for_a_new_look(world: World) -> None:
    rule = hoe.ensure_rule(world)
    plan = rule.plan
    url = _url("plan_confirm", world, plan_id=plan.pk)
    assert logged_in_client(world.worker).post(url).status_code == 403
    assert logged_in_client(world.parent).post(url).status_code == 403
    assert logged_in_client(world.worker_elsewhere).post(url).status_code == 404
    assert logged_in_client(world.parent_elsewhere).post(url).status_code == 404
    plan.refresh_from_db()
    assert plan.confirmed_at is None

    # A page read before the worker's last change: refused, nothing confirmed.
    stale = (plan.content_changed_at - datetime.timedelta(minutes=1)).isoformat()
    response = logged_in_client(world.owner).post(url, {"seen": stale}, follow=True)
    assert "Het plan veranderde terwijl je keek." in response.content.decode()
    plan.refresh_from_db()
    assert plan.confirmed_at is None

    seen = plan.content_changed_at.isoformat()
    assert logged_in_client(world.owner).post(url, {"seen": seen}).status_code == 302
    plan.refresh_from_db()
    assert plan.is_confirmed and plan.confirmed_by == world.owner
    assert (
        "Bevestigd door" in logged_in_client(world.worker).get(_url("plan", world)).content.decode()
    )

    # The worker changes the rule: the confirmation no longer covers the plan.
    services.update_rule(
        rule=rule,
        expected_version=rule.version,
        what="Oma haalt Noor op woensdag en vrijdag.",
        who=list(rule.who.all()),
        when=rule.when,
        check_how=rule.check_how,
        checked_by=None,
        check_every_days=7,
        fallback=rule.fallback,
        goals=list(rule.goals.all()),
        audience=rule.audience,
        actor=world.worker,
    )
    plan.refresh_from_db()
    assert not plan.is_confirmed
    assert (
        "Aangepast sinds de bevestiging"
        in logged_in_client(world.owner).get(_url("plan", world)).content.decode()
    )


def test_a_lasting_plan_is_confirmed_only_when_every_goal_has_a_rule(world: World) -> None:
    rule = hoe.ensure_rule(world)
    SafetyGoalFactory.create(danger_statement=rule.goals.get().danger_statement)  # without a rule
    rule.plan.refresh_from_db()
    response = logged_in_client(world.owner).post(
        _url("plan_confirm", world, plan_id=rule.plan.pk),
        {"seen": rule.plan.content_changed_at.isoformat()},
        follow=True,
    )
    assert "Nog niet elk veiligheidsdoel heeft een afspraak" in response.content.decode()
    rule.plan.refresh_from_db()
    assert rule.plan.confirmed_at is None


@pytest.mark.parametrize(
    ("name", "kwargs", "data"), hoe.PLAN_FORMS, ids=[f[0] for f in hoe.PLAN_FORMS]
)
def test_writes_are_for_the_professionals_of_the_case(
    world: World, name: str, kwargs: Any, data: Any
) -> None:
    url = _url(name, world, **kwargs(world))
    counts = (PlanRule.objects.count(), RuleCheckIn.objects.count(), SafetyPlan.objects.count())
    for outsider in (
        world.worker_elsewhere,
        world.other_consultant,
        world.parent_elsewhere,
        world.expired,
    ):
        assert logged_in_client(outsider).post(url, data(world)).status_code == 404
    assert logged_in_client(world.parent).post(url, data(world)).status_code == 403
    assert (
        PlanRule.objects.count(),
        RuleCheckIn.objects.count(),
        SafetyPlan.objects.count(),
    ) == counts
    response = logged_in_client(world.worker).post(url, data(world))
    assert response.status_code == 302, response.content.decode()[:3000]


# --- follow-up ---------------------------------------------------------------------------------


def test_a_check_in_that_did_not_go_well_marks_the_rule_broken(world: World) -> None:
    rule = hoe.ensure_rule(world)
    client = logged_in_client(world.worker)
    response = client.post(_url("check_in", world, rule_id=rule.pk), hoe.check_in_data(world))
    assert response.status_code == 302
    check_in = RuleCheckIn.objects.get(rule=rule)
    assert (check_in.outcome, check_in.created_by) == (CheckOutcome.DID_NOT, world.worker)
    signals = plan_signals([world.trajectory.pk])[world.trajectory.pk]
    assert signals.broken == 1
    page = client.get(_url("plan", world)).content.decode()
    assert "Ging niet goed" in page
    assert "Oma was ziek." in page


def test_a_rule_not_checked_within_its_interval_is_overdue(world: World) -> None:
    rule = hoe.ensure_rule(world)
    started = timezone.now() - datetime.timedelta(days=10)
    SafetyPlan.objects.filter(pk=rule.plan_id).update(status_changed_at=started)
    rule.plan.refresh_from_db()
    services.refresh_follow_up(rule)
    assert plan_signals([world.trajectory.pk])[world.trajectory.pk].overdue == 1
    services.add_check_in(
        rule=rule,
        outcome=CheckOutcome.WENT_WELL,
        note="",
        checked_on=timezone.localdate(),
        told_by=None,
        audience=Audience.NETWORK,
        actor=world.worker,
    )
    signals = plan_signals([world.trajectory.pk])[world.trajectory.pk]
    assert (signals.overdue, signals.broken) == (0, 0)


def test_a_draft_plan_is_not_followed_up(world: World) -> None:
    rule = hoe.ensure_rule(world)
    SafetyPlan.objects.filter(pk=rule.plan_id).update(status=PlanStatus.DRAFT)
    rule.plan.refresh_from_db()
    services.refresh_follow_up(rule)
    response = logged_in_client(world.worker).post(
        _url("check_in", world, rule_id=rule.pk), hoe.check_in_data(world)
    )
    assert response.status_code == 200
    assert "Opvolgen kan bij afspraken van een plan" in response.content.decode()
    assert plan_signals([world.trajectory.pk])[world.trajectory.pk].overdue == 0


def test_a_withdrawn_rule_leaves_the_plan_but_stays_in_the_file(world: World) -> None:
    rule = hoe.ensure_rule(world)
    response = logged_in_client(world.worker).post(
        _url("rule_withdraw", world, rule_id=rule.pk), {"reason": "Oma verhuist."}
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.withdrawn_at is not None and rule.withdrawn_reason == "Oma verhuist."
    assert rule.what not in logged_in_client(world.worker).get(_url("plan", world)).content.decode()


def test_two_people_editing_a_rule_the_second_is_told(world: World) -> None:
    rule = hoe.ensure_rule(world)
    data = hoe.rule_edit_data(world)
    first = logged_in_client(world.worker).post(
        _url("rule_edit", world, rule_id=rule.pk), {**data, "what": "Versie van de hulpverlener."}
    )
    assert first.status_code == 302
    second = logged_in_client(world.owner).post(
        _url("rule_edit", world, rule_id=rule.pk), {**data, "what": "Versie van de consulent."}
    )
    assert second.status_code == 409
    assert "Versie van de hulpverlener." in second.content.decode()
    assert "Versie van de consulent." in second.content.decode()
    rule.refresh_from_db()
    assert rule.what == "Versie van de hulpverlener."


def test_goals_and_persons_of_another_trajectory_are_refused(world: World) -> None:
    from conftest import register

    other = register(world.team, world.owner, child="Ander")
    plan = hoe.ensure_plan(world)
    data = hoe.rule_create_data(world)
    stranger = other.persons.filter(is_child=True).get()
    response = logged_in_client(world.worker).post(
        _url("rule_create", world, plan_id=plan.pk), {**data, "who": [stranger.pk]}
    )
    assert response.status_code == 200
    assert not PlanRule.objects.filter(plan=plan).exists()


def test_the_dashboards_of_consultant_and_worker_show_broken_and_late_rules(world: World) -> None:
    rule = hoe.ensure_rule(world)
    SafetyPlan.objects.filter(pk=rule.plan_id).update(
        status_changed_at=timezone.now() - datetime.timedelta(days=30)
    )
    rule.plan.refresh_from_db()
    services.add_check_in(
        rule=rule,
        outcome=CheckOutcome.DID_NOT,
        note="",
        checked_on=timezone.localdate() - datetime.timedelta(days=9),
        told_by=None,
        audience=Audience.NETWORK,
        actor=world.worker,
    )
    for user in (world.owner, world.worker, world.team_lead):
        page = logged_in_client(user).get(reverse("dashboard:dashboard")).content.decode()
        assert "1 afspraak niet gelukt" in page, user
        assert "1 opvolging te laat" in page, user


def test_a_plan_that_needs_a_look_ranks_above_a_quiet_trajectory(world: World) -> None:
    from conftest import register
    from samenopweg.dashboard.selectors import DashboardFilters, caseload_for_user

    quiet = register(world.team, world.owner, child="Rustig")
    rule = hoe.ensure_rule(world)

    def ranking() -> list[tuple[int, int]]:
        caseload = caseload_for_user(user=world.owner, filters=DashboardFilters())
        return list(caseload.values_list("pk", "attention"))  # type: ignore[misc]  # an annotation

    before = dict(ranking())
    assert before[world.trajectory.pk] == before[quiet.pk]
    services.add_check_in(
        rule=rule,
        outcome=CheckOutcome.DID_NOT,
        note="",
        checked_on=timezone.localdate(),
        told_by=None,
        audience=Audience.NETWORK,
        actor=world.worker,
    )
    ranked = ranking()
    ranks = dict(ranked)
    assert ranks[world.trajectory.pk] < ranks[quiet.pk]
    assert [pk for pk, _rank in ranked].index(world.trajectory.pk) < [
        pk for pk, _rank in ranked
    ].index(quiet.pk)


def test_a_status_step_from_a_stale_page_is_a_conflict_not_a_refused_step(world: World) -> None:
    from samenopweg.core.locking import EditConflict
    from samenopweg.safety_plans.models import ALLOWED_STATUS

    hoe.ensure_rule(world)
    plan = hoe.ensure_plan(world)
    stale_version, step = plan.version, ALLOWED_STATUS[PlanStatus(plan.status)][0]
    services.change_plan_status(
        plan=plan, to_status=step, expected_version=plan.version, actor=world.owner
    )
    # The second person's page was read before the step; their post names that version.
    current = SafetyPlan.objects.get(pk=plan.pk)

    # The same step from the stale page: without the version check first it is refused as a
    # step that makes no sense, and the person never learns someone else just took it.
    with pytest.raises(EditConflict):
        services.change_plan_status(
            plan=current, to_status=step, expected_version=stale_version, actor=world.worker
        )
    assert SafetyPlan.objects.get(pk=plan.pk).status == step

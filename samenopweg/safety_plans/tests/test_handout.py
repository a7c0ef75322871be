"""The network handout: the danger statements, goals and plan in plain words, the member's own
part, and never what only professionals may see."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.assessments.models import DangerStatement, SafetyGoal, StatementStatus
from samenopweg.assessments.services.statements import change_statement_status, statement_set_for
from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.core.models import Audience
from samenopweg.people.tests import network_world as netwerk
from samenopweg.safety_plans.handout import handout_for
from samenopweg.safety_plans.models import PlanRule
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import DangerStatementFactory, PlanRuleFactory


def _shared(world: World, *, keep: tuple[int, ...] = ()) -> None:
    """The statements and goals for the network, shared through the service: the handout
    prints the shared version, as the family's pages do."""
    ensure_goal(world)
    ours = DangerStatement.objects.filter(trajectory=world.trajectory).exclude(pk__in=keep)
    ours.update(audience=Audience.NETWORK)
    SafetyGoal.objects.filter(danger_statement__in=ours).update(audience=Audience.NETWORK)
    for status in (StatementStatus.DISCUSSED, StatementStatus.SHARED):
        change_statement_status(
            trajectory=world.trajectory,
            to_status=status,
            expected_version=statement_set_for(world.trajectory).version,
            actor=world.owner,
        )


def _html(world: World, member: Any) -> str:
    access = get_trajectory_for_user(world.owner, world.trajectory.reference)
    return render_to_string(
        "safety_plans/handout_pdf.html",
        {"handout": handout_for(access, member), "t": world.trajectory},
    )


def test_the_handout_has_the_worries_the_plan_and_the_members_own_part(world: World) -> None:
    _shared(world)
    member = netwerk.ensure_member(world)
    rule = hoe.ensure_rule(world)
    rule.who.set([member.person])
    html = _html(world, member)
    assert "we maken ons zorgen dat papa roept en slaat" in html
    assert "Papa belt oma Maria als hij wil drinken." in html  # the goal
    assert 'class="rule mine"' in html and "Oma Maria haalt Noor elke woensdag op school." in html
    assert "Haalt de kinderen op woensdag op." in html  # their commitment


def test_the_handout_never_shows_what_only_professionals_may_see(world: World) -> None:
    private = DangerStatementFactory.create(
        trajectory=world.trajectory,
        who_is_worried="ALLEEN-PROF",
        behaviour="iets dat het netwerk niet leest",
        audience=Audience.PARENTS,
        children=[],
    )
    SafetyGoal.objects.create(
        danger_statement=private,
        trajectory=world.trajectory,
        parents_and_network_will="ALLEEN-OUDERS: een doel dat het netwerk niet leest",
        child_will_experience="x",
        professionals_will_see="x",
        for_how_long="x",
        audience=Audience.PARENTS,
        created_by=world.owner,
    )
    _shared(world, keep=(private.pk,))  # in the shared version, for the parents only
    member = netwerk.ensure_member(world)
    netwerk.ensure_ban(world)  # "ALLEEN-PROF: veroordeeld voor geweld."
    rule = hoe.ensure_rule(world)
    PlanRule.objects.filter(pk=rule.pk).update(audience=Audience.PROFESSIONALS)
    shared_rule = PlanRuleFactory.create(
        plan=rule.plan, what="GEDEELD: tante Els belt Noor elke avond.", audience=Audience.NETWORK
    )
    html = _html(world, member)
    # The control: what the network may read is printed, so an empty or failed handout
    # cannot pass the checks below.
    assert "we maken ons zorgen dat papa roept en slaat" in html  # the shared statement
    assert "Papa belt oma Maria als hij wil drinken." in html  # its goal
    assert shared_rule.what in html  # a rule of the plan shared with the network
    assert "Haalt de kinderen op woensdag op." in html  # the member's own commitment
    assert "ALLEEN-PROF" not in html
    assert rule.what not in html
    assert private.behaviour not in html
    assert "ALLEEN-OUDERS" not in html


def test_before_the_worries_are_shared_the_handout_says_so(world: World) -> None:
    ensure_goal(world)
    html = _html(world, netwerk.ensure_member(world))
    assert "De zorgen en doelen worden eerst met de ouders besproken." in html
    assert "papa roept en slaat" not in html


def test_the_handout_pdf_is_for_the_professionals_of_the_case(world: World) -> None:
    member = netwerk.ensure_member(world)
    url = reverse("safety_plans:network_handout", args=[world.trajectory.reference, member.pk])
    for user, status in [
        (world.worker, 200),
        (world.parent, 403),
        (world.worker_elsewhere, 404),
        (world.parent_elsewhere, 404),
    ]:
        client = Client()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
    assert response is not None
    client = Client()
    client.force_login(world.owner)
    response = client.get(url)
    assert response.content.startswith(b"%PDF")


def test_names_the_network_may_not_see_are_not_printed(world: World) -> None:
    from samenopweg.people.models import Person

    _shared(world)
    member = netwerk.ensure_member(world)
    rule = hoe.ensure_rule(world)
    secret = Person.objects.create(
        trajectory=world.trajectory,
        first_name="Geheimnaam",
        audience=Audience.PROFESSIONALS,
    )
    rule.who.set([member.person, secret])
    Person.objects.filter(pk=member.person.pk).update(audience=Audience.NETWORK)
    html = _html(world, member)
    assert "Geheimnaam" not in html
    assert "Maria" in html


def test_who_does_what_is_named_as_the_family_calls_them_and_the_numbers_are_there(
    world: World,
) -> None:
    """The handout printed 'Wie: ·' for a rule mama carries: her record is for the parents.
    The network reads 'mama' (never her name), the member 'jij', and whom to call."""
    from samenopweg.accounts.models import Organisation, User

    _shared(world)
    member = netwerk.ensure_member(world)
    rule = hoe.ensure_rule(world)  # mama does it
    own = PlanRuleFactory.create(
        plan=rule.plan, what="Oma belt Noor elke avond.", audience=Audience.NETWORK
    )
    own.who.set([member.person])
    User.objects.filter(pk=world.owner.pk).update(phone="09 111 22 33", reachable="ma-vr 9-17")
    User.objects.filter(pk=world.worker.pk).update(phone="0470 44 55 66")
    Organisation.objects.filter(pk=world.ocj.pk).update(out_of_hours_phone="0800 12 345")
    world.trajectory.refresh_from_db()

    html = _html(world, member)

    assert "Wie: mama ·" in html
    assert "Wie: jij ·" in html
    assert "Wie:  ·" not in html
    assert "An Peeters" not in html
    assert "09 111 22 33" in html and "Bereikbaar: ma-vr 9-17" in html
    assert "0470 44 55 66" in html
    assert "Bel 0800 12 345." in html
    assert "Bel 112." in html

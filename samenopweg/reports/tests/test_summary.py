"""The family summary (reports.summary): what we were worried about, what changed, the plan now
and the network, in plain words, as one reader may read it: on the family's own page, as a PDF,
and for the professionals at the parents' level, never more than the parents read."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, grant_network_and_young_person
from samenopweg.assessments.models import DangerStatement, ScalingRound, ScalingScore
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.cases.tests.helpers import logged_in_client, mother_of
from samenopweg.core.models import Audience
from samenopweg.people.models import NetworkKind, NetworkMember, Person
from samenopweg.people.tests import network_world as netwerk
from samenopweg.portal.tests import portal_world
from samenopweg.reports.summary import family_summary, for_the_parents
from samenopweg.safety_plans.models import CheckOutcome, RuleCheckIn
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import PlanRuleFactory

pytestmark = pytest.mark.django_db

PROS_RULE = "ALLEEN-PROF: de school meldt elke afwezigheid."
PROS_MEMBER = "Verborgen"
HIDDEN_PERSON = "Geheim"
DRAFT_WORRY = "ONTWERP-ZORG"


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _url(name: str, world: World) -> str:
    return reverse(name, args=[world.trajectory.reference])


def _scores(world: World, mother: Person, numbers: list[tuple[int, int]]) -> None:
    """Mama's numbers on the world's worry, `(days ago, score)`, shared with the parents."""
    statement = wat.ensure_statement(world)
    for days_ago, score in numbers:
        held = ScalingRound.objects.create(
            trajectory=world.trajectory,
            held_on=timezone.localdate() - datetime.timedelta(days=days_ago),
            created_by=world.owner,
        )
        ScalingScore.objects.create(
            round=held,
            trajectory=world.trajectory,
            danger_statement=statement,
            person=mother,
            score=score,
            audience=Audience.PARENTS,
            created_by=world.owner,
        )


def _file(world: World) -> dict[str, Any]:
    """A worry with its goal shared with the parents, a draft worry, a running plan with a rule
    for the network and one for the professionals, check-ins, oma in the network and a
    professionals-only member, mama's numbers from 3 to 7."""
    grant_network_and_young_person(world)
    goal = portal_world.ensure_shared_goal(world)
    DangerStatement.objects.create(
        trajectory=world.trajectory,
        who_is_worried=DRAFT_WORRY,
        behaviour="iets dat nog niet gedeeld is",
        impact="Noor slaapt slecht",
        fear="Noor ziek wordt",
        audience=Audience.PARENTS,
        created_by=world.owner,
    )
    rule = hoe.ensure_rule(world)
    hidden = PlanRuleFactory.create(
        plan=rule.plan, what=PROS_RULE, audience=Audience.PROFESSIONALS, created_by=world.worker
    )
    # A check-in shared with the network, on the rule for the professionals: not counted.
    RuleCheckIn.objects.create(
        rule=hidden,
        trajectory=world.trajectory,
        outcome=CheckOutcome.WENT_WELL,
        checked_on=timezone.localdate(),
        audience=Audience.NETWORK,
        created_by=world.worker,
    )
    for outcome in (CheckOutcome.WENT_WELL, CheckOutcome.WENT_WELL, CheckOutcome.DID_NOT):
        RuleCheckIn.objects.create(
            rule=rule,
            trajectory=world.trajectory,
            outcome=outcome,
            checked_on=timezone.localdate(),
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
    grandma = netwerk.ensure_member(world)
    NetworkMember.objects.filter(pk=grandma.pk).update(is_chair=True)
    # Her own record is shared with the network too, as the network page does when she joins.
    Person.objects.filter(pk=grandma.person_id).update(audience=Audience.NETWORK)
    secret = Person.objects.create(
        trajectory=world.trajectory, first_name=PROS_MEMBER, last_name="Coach"
    )
    NetworkMember.objects.create(
        trajectory=world.trajectory,
        person=secret,
        kind=NetworkKind.PROFESSIONAL,
        role_text="coach",
        audience=Audience.PROFESSIONALS,
        created_by=world.worker,
    )
    # A membership shared with the network, of a person whose own record is for professionals.
    unseen = Person.objects.create(
        trajectory=world.trajectory,
        first_name=HIDDEN_PERSON,
        last_name="Buur",
        audience=Audience.PROFESSIONALS,
    )
    NetworkMember.objects.create(
        trajectory=world.trajectory,
        person=unseen,
        kind=NetworkKind.INFORMAL,
        role_text="buur",
        audience=Audience.NETWORK,
        created_by=world.worker,
    )
    mother = mother_of(world.trajectory)
    _scores(world, mother, [(60, 3), (30, 5), (2, 7)])
    return {"goal": goal, "rule": rule, "hidden": hidden, "mother": mother, "grandma": grandma}


def test_the_parent_reads_the_worries_the_changes_the_plan_and_the_network(world: World) -> None:
    made = _file(world)
    page = _plain(
        logged_in_client(world.parent).get(_url("portal:summary", world)).content.decode()
    )

    statement = wat.ensure_statement(world)
    assert statement.sentence in page
    assert made["goal"].parents_and_network_will in page
    # What changed: her own numbers, from the first meeting to the latest, and the check-ins.
    assert "Jij gaf eerst 3" in page and "en nu 7" in page
    assert "3 keer zei iemand hoe een afspraak ging. 2 keer ging het goed." in page
    assert made["rule"].what in page
    assert "Maria (oma) : houdt het plan samen met iedereen bij" in page
    # Not shared with the parents: a draft worry, a rule and a member for the professionals.
    for hidden in (DRAFT_WORRY, PROS_RULE, PROS_MEMBER, HIDDEN_PERSON):
        assert hidden not in page


def test_nobody_is_named_whose_record_the_reader_may_not_see(world: World) -> None:
    """A number shared with the parents, given by someone whose own record is for the
    professionals: the parent does not read that person's name or number."""
    _file(world)
    unseen = Person.objects.get(trajectory=world.trajectory, first_name=HIDDEN_PERSON)
    _scores(world, unseen, [(5, 2)])
    access = get_trajectory_for_user(world.parent, world.trajectory.reference)
    summary = family_summary(access, mother_of(world.trajectory))
    [worry] = [w for w in summary.worries if w.scores]
    assert [(c.who, c.first, c.now) for c in worry.scores] == [("", 3, 7)]
    page = logged_in_client(world.parent).get(_url("portal:summary", world)).content.decode()
    assert HIDDEN_PERSON not in page


def test_the_network_member_reads_only_what_is_shared_with_the_network(world: World) -> None:
    _file(world)
    page = logged_in_client(world.network_member).get(_url("portal:summary", world))
    assert page.status_code == 200
    text = _plain(page.content.decode())
    # The worry and mama's numbers were shared with the parents only.
    assert wat.ensure_statement(world).sentence not in text
    assert "gaf eerst" not in text
    assert "Maria (oma)" in text
    assert PROS_MEMBER not in text and PROS_RULE not in text and HIDDEN_PERSON not in text


def test_the_professionals_print_what_the_parents_read(world: World, printed: list[str]) -> None:
    made = _file(world)
    client = logged_in_client(world.owner)
    page = _plain(client.get(_url("reports:family_summary", world)).content.decode())
    parents = _plain(
        logged_in_client(world.parent).get(_url("portal:summary", world)).content.decode()
    )

    assert made["rule"].what in page and "Maria (oma)" in page
    for hidden in (DRAFT_WORRY, PROS_RULE, PROS_MEMBER):
        assert hidden not in page
    # Mama's numbers are named, not "jij": the professional is not the reader of them.
    assert "An gaf eerst 3" in page and "Jij gaf" not in page
    assert "Jij gaf eerst 3" in parents

    response = client.get(_url("reports:family_summary_pdf", world))
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert made["rule"].what in _plain(printed[-1]) and PROS_RULE not in _plain(printed[-1])
    assert AuditEvent.objects.filter(
        trajectory=world.trajectory, action=AuditAction.EXPORT, actor=world.owner
    ).exists()


def test_the_family_pdf_is_their_own_summary_and_audited(world: World, printed: list[str]) -> None:
    made = _file(world)
    response = logged_in_client(world.parent).get(_url("portal:summary_pdf", world))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _plain(printed[-1])
    assert made["rule"].what in text and "Jij gaf eerst 3" in text
    assert PROS_RULE not in text
    assert AuditEvent.objects.filter(
        trajectory=world.trajectory, action=AuditAction.EXPORT, actor=world.parent
    ).exists()


def test_a_professional_on_the_family_page_is_sent_to_their_copy(world: World) -> None:
    response = logged_in_client(world.worker).get(_url("portal:summary", world))
    assert response.status_code == 302
    assert response["Location"] == _url("reports:family_summary", world)


def test_an_empty_file_says_so_in_plain_words(world: World) -> None:
    page = _plain(
        logged_in_client(world.parent).get(_url("portal:summary", world)).content.decode()
    )
    assert "We deelden onze zorgen nog niet met jou." in page
    assert "Er zijn nog geen cijfers en nog geen berichten over de afspraken." in page


def test_one_meeting_gives_one_number_not_a_change(world: World) -> None:
    portal_world.ensure_shared_goal(world)
    _scores(world, mother_of(world.trajectory), [(3, 4)])
    access = get_trajectory_for_user(world.parent, world.trajectory.reference)
    summary = family_summary(access, mother_of(world.trajectory))
    [change] = summary.worries[0].scores
    assert change.once and (change.first, change.now, change.who) == (4, 4, "")


def test_the_parents_level_does_not_depend_on_who_asks(world: World) -> None:
    _file(world)
    owner = get_trajectory_for_user(world.owner, world.trajectory.reference)
    worker = get_trajectory_for_user(world.worker, world.trajectory.reference)
    assert family_summary(for_the_parents(owner), None) == family_summary(
        for_the_parents(worker), None
    )


def test_the_summary_page_is_in_plain_language(world: World) -> None:
    from samenopweg.portal.tests.test_plan import _problems, _section

    _file(world)
    page = logged_in_client(world.parent).get(_url("portal:summary", world)).content.decode()
    assert _problems("portal:summary", _section(page, "portal-summary")) == []

"""Query counts of the main pages, pinned: they must not grow with the number of rows.

Each count includes the session and user lookups, the access check and the audit row. When a
change makes one of these numbers move, look at the queries (`pytest -vv` prints them) before
updating it: a count that grows with the rows is an N+1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World, register
from samenopweg.cases.tests.helpers import logged_in_client, mother_of
from samenopweg.journal.models import ContactKind, JournalEntry, Task
from samenopweg.people.models import Person

# The same on SQLite and PostgreSQL; keyed by vendor so one can differ when it must.
QUERIES: dict[str, dict[str, int]] = {
    vendor: {
        # the ranking (ids), the rows of the page, then for them: children, tasks, statements,
        # sets, scaling
        # (dashboard.selectors.caseload_details), plan signals (2), feedback flags; a savepoint
        # around the page row and the read rows; the "Vandaag" block (dashboard.today): safety
        # answers, failed agreements, open feedback signals, tasks, children's names
        "dashboard_owner": 25,
        "dashboard_team_lead": 26,  # + the open alerts of the team
        # Each trajectory page below: + 1 for the children's names in its head (cases.naming)
        "detail": 15,
        "journal": 14,  # + the contact bans, named in the "wie was erbij?" choices
        "plan": 18,  # + what the children said about its rules (child_voice, one query), + when
        # the family first read them (portal.seen, one query)
        "network": 15,
        "story": 12,
        "diagrams": 12,  # + the contact bans, marked in both drawings
        # The family's page of a parent, with the plan part (portal.plan: plans, rules with their
        # latest shared check-in, who does them, network meetings and who came, names (3)); who
        # they are and the workers to call in one read of the grants, the consultant and their
        # organisation with the access (portal.selectors.person_and_contacts); the parents'
        # version of a report to the youth judge, if one is shared (reports.selectors)
        "portal_parent": 39,
        # A report to the youth judge (reports.selectors.report_page): the report with its
        # authors, its shares, the reactions with who wrote them, its versions, the children
        "report_detail": 13,
        # The parents' version on /mijn/: the shared version with its report, the reactions
        "portal_report": 9,
        # The family summary of a parent (reports.summary): who they are (their grant), the
        # shared version, the numbers with their names, the plan (plans, rules with their latest
        # check-in, who does them, meetings, names (3)), the check-ins counted, the network
        "portal_summary": 18,
        # The family's other pages (samenopweg.portal). Each: session, user, memberships (2),
        # the trajectory (with the access), ..., audit row.
        # The family home, one trajectory: the grants, the children's names of all trajectories
        # (one query: cases.access.visible_items_of)
        "portal_home": 7,
        # The network member's and the young person's page: what the parent's page reads (the
        # shared version, their views and numbers, the plan and the meetings, first seen and its
        # journal line, whom to call, the stories and what the children said), + who the family
        # knows among themselves (safety_plans.family_names, which also tells whether the member
        # is in the network, for their handout); the young person + their trusted people and the
        # safety objects
        "portal_network": 41,
        "portal_young": 43,
        # The story reader: the story, its pages
        "portal_story": 8,
        # Their view on a shared item (GET): the shared version, the item
        "portal_own_view": 8,
        # The feedback round (GET): who they are (their grant)
        "portal_feedback": 7,
        # Saying how a rule went (GET): who they are, the rules with their latest check-in, who
        # does them, the names (3, + 1 for the network: family_names), the form's draft
        "portal_check_in_parent": 13,
        "portal_check_in_network": 14,
        # The reviews of a trajectory: the reviews with who took part, the next date, the cadence
        "reviews_overview": 10,
        # One review: its goals and what was said of them (child_voice, portal.seen), the review
        # before, participants, numbers, what the children said, feedback
        "review_detail": 22,
    }
    for vendor in ("sqlite", "postgresql")
}


def expected(page: str) -> int:
    return QUERIES[connection.vendor][page]


def assert_pinned_before_and_after(
    assert_num_queries: Any, page: str, client: Client, url: str, grow: Callable[[], Any]
) -> Any:
    """`url` answers 200 in the pinned number of queries for `page`, and again after `grow()`
    has added rows; returns the second response."""
    with assert_num_queries(expected(page)):
        assert client.get(url).status_code == 200
    grow()
    with assert_num_queries(expected(page)):
        response = client.get(url)
    assert response.status_code == 200
    return response


def _more_trajectories(world: World, n: int = 10) -> None:
    """More trajectories in the team, some with an acute alert, each with a task."""
    for i in range(n):
        trajectory = register(
            world.team, world.owner, child=f"Kind{i}", answer="no" if i % 2 else "yes"
        )
        Task.objects.create(
            trajectory=trajectory, title=f"Taak {i}", created_by=world.owner, assignee=world.worker
        )


def _more_entries(world: World, n: int = 10) -> None:
    """More entries by different authors, with participants, some withdrawn."""
    mother = mother_of(world.trajectory)  # the journal test adds a banned adult
    for i in range(n):
        withdrawn = i % 3 == 0
        entry = JournalEntry.objects.create(
            trajectory=world.trajectory,
            kind=ContactKind.PHONE,
            text=f"Contact {i}",
            created_by=world.worker if i % 2 else world.owner,
            withdrawn_at=timezone.now() if withdrawn else None,
            withdrawn_by=world.owner if withdrawn else None,
        )
        entry.participants.set([mother])
        Task.objects.create(
            trajectory=world.trajectory,
            title=f"Taak {i}",
            created_by=world.owner,
            assignee=world.worker if i % 2 else world.owner,
        )


@pytest.mark.parametrize("persona", ["owner", "team_lead"])
def test_the_dashboard_does_not_grow_with_the_caseload(
    world: World, django_assert_num_queries: Any, persona: str
) -> None:
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        f"dashboard_{persona}",
        logged_in_client(world.personas()[persona]),
        reverse("dashboard:dashboard"),
        lambda: _more_trajectories(world),
    )
    assert response.context["page"].paginator.count == 11


def test_the_trajectory_page_does_not_grow_with_its_contents(
    world: World, django_assert_num_queries: Any
) -> None:
    assert_pinned_before_and_after(
        django_assert_num_queries,
        "detail",
        logged_in_client(world.owner),
        reverse("dashboard:detail", args=[world.trajectory.reference]),
        lambda: _more_entries(world),
    )


def test_the_journal_does_not_grow_with_its_entries(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.people.tests import network_world as netwerk

    netwerk.ensure_ban(world)  # named in the "wie was erbij?" choices
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "journal",
        logged_in_client(world.owner),
        reverse("journal:list", args=[world.trajectory.reference]),
        lambda: _more_entries(world),
    )
    assert len(response.context["page"].object_list) == 12


def test_the_safety_plan_page_does_not_grow_with_its_rules(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.safety_plans.models import CheckOutcome, RuleCheckIn
    from samenopweg.safety_plans.tests import plan_world as hoe
    from tests.factories import PlanRuleFactory

    rule = hoe.ensure_rule(world)

    def more_rules() -> None:
        for i in range(6):
            more = PlanRuleFactory.create(
                plan=rule.plan, what=f"Afspraak {i}", created_by=world.worker
            )
            more.who.set(rule.who.all())
            more.goals.set(rule.goals.all())
            RuleCheckIn.objects.create(
                rule=more,
                trajectory=world.trajectory,
                outcome=CheckOutcome.WENT_WELL,
                checked_on=timezone.localdate(),
                created_by=world.worker,
            )

    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "plan",
        logged_in_client(world.owner),
        reverse("safety_plans:plan", args=[world.trajectory.reference]),
        more_rules,
    )
    assert response.content.decode().count('class="plan-rule"') == 7


def test_the_network_page_does_not_grow_with_the_network(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.people.models import NetworkKind, NetworkMeeting, NetworkMember
    from samenopweg.people.tests import network_world as netwerk

    netwerk.ensure_support(world)
    netwerk.ensure_ban(world)

    def meeting(*attendees: Person) -> None:
        held = NetworkMeeting.objects.create(
            trajectory=world.trajectory, held_on=timezone.localdate(), created_by=world.worker
        )
        held.attendees.set(attendees)

    def more_members() -> None:
        for i in range(5):
            person = Person.objects.create(trajectory=world.trajectory, first_name=f"Buur{i}")
            NetworkMember.objects.create(
                trajectory=world.trajectory,
                person=person,
                kind=NetworkKind.INFORMAL,
                role_text="buur",
                created_by=world.worker,
            )
            meeting(person)

    meeting(netwerk.ensure_member(world).person)
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "network",
        logged_in_client(world.owner),
        reverse("people:network", args=[world.trajectory.reference]),
        more_members,
    )
    assert response.content.decode().count('id="lid-') == 6


def test_the_story_page_does_not_grow_with_its_pages(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.safety_plans import services as plan_services
    from samenopweg.safety_plans.tests import plan_world as hoe

    story = hoe.ensure_story(world)

    def more_pages() -> None:
        for i in range(4):
            plan_services.add_story_page(
                story=story,
                text=f"Bladzijde {i}",
                uploaded=hoe.picture_file(),
                picture_alt="Een tekening",
                actor=world.worker,
            )

    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "story",
        logged_in_client(world.owner),
        reverse("safety_plans:story", args=[world.trajectory.reference, story.pk]),
        more_pages,
    )
    assert response.content.decode().count('class="story-page card"') == 5


def test_the_diagrams_page_does_not_grow_with_the_family(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.people.models import ContactBan
    from samenopweg.people.tests import network_world as netwerk

    netwerk.ensure_member(world)
    netwerk.ensure_ban(world)

    def more_family() -> None:
        for i in range(5):
            cousin = Person.objects.create(trajectory=world.trajectory, first_name=f"Neef{i}")
            if i % 2:  # some of them under a contact ban too
                ContactBan.objects.create(
                    trajectory=world.trajectory, person=cousin, reason="-", created_by=world.owner
                )

    assert_pinned_before_and_after(
        django_assert_num_queries,
        "diagrams",
        logged_in_client(world.owner),
        reverse("people:diagrams", args=[world.trajectory.reference]),
        more_family,
    )


def test_the_parents_page_does_not_grow_with_the_plan(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.core.models import Audience
    from samenopweg.people.models import NetworkMeeting
    from samenopweg.people.tests import network_world as netwerk
    from samenopweg.safety_plans.models import CheckOutcome, RuleCheckIn
    from samenopweg.safety_plans.tests import plan_world as hoe
    from tests.factories import PlanRuleFactory

    rule = hoe.ensure_rule(world)
    mother = mother_of(world.trajectory)
    grandma = netwerk.ensure_member(world).person

    def meeting() -> None:
        held = NetworkMeeting.objects.create(
            trajectory=world.trajectory,
            held_on=timezone.localdate(),
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
        held.attendees.set([mother, grandma])

    def more_rules() -> None:
        for i in range(6):
            more = PlanRuleFactory.create(
                plan=rule.plan,
                what=f"Afspraak {i}",
                audience=Audience.NETWORK,
                checked_by=mother,
                created_by=world.worker,
            )
            more.who.set([mother, grandma])
            RuleCheckIn.objects.create(
                rule=more,
                trajectory=world.trajectory,
                outcome=CheckOutcome.WENT_WELL,
                checked_on=timezone.localdate(),
                audience=Audience.PARENTS,
                created_by=world.worker,
            )
            meeting()

    meeting()
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "portal_parent",
        logged_in_client(world.parent),
        reverse("portal:trajectory", args=[world.trajectory.reference]),
        more_rules,
    )
    assert response.content.decode().count('class="plan-rule mine"') == 7


# --- the family's other pages (samenopweg.portal) --------------------------------------------
# Each is measured, then measured again after its items grew: 2 shared danger statements (each
# with a goal) to 5, 2 rules of the running plan (each with a check-in) to 6, 1 story to 3 (and
# 1 page of the story read to 3), 1 network meeting to 3, 1 trusted person to 4. Everything is
# shared up to the child, so the parent, the network member and the young person all read it.


def _shared_statements(world: World, n: int) -> None:
    """`n` more danger statements with a goal each, then a new shared version holding all."""
    from samenopweg.assessments.models import (
        BottomLine,
        DangerStatement,
        SafetyGoal,
        SharedVersion,
        StatementSet,
    )
    from samenopweg.assessments.services.statements import snapshot_items
    from samenopweg.cases.tests.helpers import child_of
    from samenopweg.core.models import Audience

    first = DangerStatement.objects.filter(trajectory=world.trajectory).count()
    for i in range(first, first + n):
        statement = DangerStatement.objects.create(
            trajectory=world.trajectory,
            who_is_worried=f"De school ({i})",
            behaviour=f"Noor komt zonder eten naar school ({i})",
            impact="Noor kan zich niet concentreren",
            fear="Noor ziek wordt",
            audience=Audience.CHILD,
            created_by=world.owner,
        )
        statement.children.set([child_of(world.trajectory)])
        SafetyGoal.objects.create(
            danger_statement=statement,
            trajectory=world.trajectory,
            parents_and_network_will=f"Noor eet elke ochtend ({i}).",
            child_will_experience="Noor heeft geen honger op school.",
            professionals_will_see="De school meldt niets meer.",
            for_how_long="drie maanden",
            audience=Audience.CHILD,
            created_by=world.owner,
        )
    statement_set, _created = StatementSet.objects.get_or_create(trajectory=world.trajectory)
    latest = SharedVersion.objects.filter(statement_set=statement_set).order_by("-number").first()
    SharedVersion.objects.create(
        statement_set=statement_set,
        number=(latest.number if latest else 0) + 1,
        snapshot=snapshot_items(
            DangerStatement.objects.filter(trajectory=world.trajectory).prefetch_related(
                "children", "goals"
            ),
            BottomLine.objects.filter(trajectory=world.trajectory),
        ),
        shared_by=world.owner,
    )


def _family_rules(world: World, n: int) -> None:
    """`n` more rules of the running plan that mama and oma Maria do and mama checks, each
    with a check-in."""
    from samenopweg.core.models import Audience
    from samenopweg.people.tests import network_world as netwerk
    from samenopweg.safety_plans.models import CheckOutcome, RuleCheckIn, SafetyPlan
    from samenopweg.safety_plans.tests import plan_world as hoe
    from tests.factories import PlanRuleFactory

    plan = hoe.ensure_plan(world)
    SafetyPlan.objects.filter(pk=plan.pk).update(audience=Audience.CHILD)
    mother = mother_of(world.trajectory)
    grandma = netwerk.ensure_member(world).person
    for i in range(n):
        rule = PlanRuleFactory.create(
            plan=plan,
            what=f"Afspraak {i}",
            audience=Audience.CHILD,
            checked_by=mother,
            created_by=world.worker,
        )
        rule.who.set([mother, grandma])
        RuleCheckIn.objects.create(
            rule=rule,
            trajectory=world.trajectory,
            outcome=CheckOutcome.WENT_WELL,
            checked_on=timezone.localdate(),
            audience=Audience.CHILD,
            created_by=world.worker,
        )


def _story_pages(world: World, story: Any, n: int) -> None:
    from samenopweg.safety_plans import services as plan_services
    from samenopweg.safety_plans.tests import plan_world as hoe

    for i in range(n):
        plan_services.add_story_page(
            story=story,
            text=f"Bladzijde {i}",
            uploaded=hoe.picture_file(),
            picture_alt="Een tekening",
            actor=world.worker,
        )


def _stories(world: World, n: int) -> None:
    """`n` more Words and Pictures stories for the child, with a page each."""
    from samenopweg.core.models import Audience
    from samenopweg.safety_plans import services as plan_services
    from samenopweg.safety_plans.models import StoryKind

    for i in range(n):
        story = plan_services.create_story(
            trajectory=world.trajectory,
            kind=StoryKind.WHY,
            title=f"Verhaal {i}",
            written_with="",
            audience=Audience.CHILD,
            actor=world.worker,
        )
        _story_pages(world, story, 1)


def _network_meetings(world: World, n: int) -> None:
    from samenopweg.core.models import Audience
    from samenopweg.people.models import NetworkMeeting
    from samenopweg.people.tests import network_world as netwerk

    for _i in range(n):
        held = NetworkMeeting.objects.create(
            trajectory=world.trajectory,
            held_on=timezone.localdate(),
            audience=Audience.CHILD,
            created_by=world.worker,
        )
        held.attendees.set([mother_of(world.trajectory), netwerk.ensure_member(world).person])


def _trusted_people(world: World, n: int) -> None:
    from samenopweg.core.models import Audience
    from samenopweg.people.models import ChildSupport, SupportRole

    noor = Person.objects.get(trajectory=world.trajectory, is_child=True)
    first = ChildSupport.objects.filter(child=noor).count()
    for i in range(first, first + n):
        adult = Person.objects.create(
            trajectory=world.trajectory, first_name=f"Buur{i}", audience=Audience.CHILD
        )
        ChildSupport.objects.create(
            trajectory=world.trajectory,
            child=noor,
            adult=adult,
            role=SupportRole.TRUSTED_PERSON if i == 0 else SupportRole.LASTING_ADULT,
            audience=Audience.CHILD,
            created_by=world.worker,
        )


def _family_world(world: World) -> None:
    """The network member and the young person have their grants; the smaller set of items."""
    from conftest import grant_network_and_young_person

    grant_network_and_young_person(world)
    _shared_statements(world, 2)
    _family_rules(world, 2)
    _stories(world, 1)
    _network_meetings(world, 1)
    _trusted_people(world, 1)


def _more_for_the_family(world: World) -> None:
    """The larger set: 5 statements, 6 rules, 3 stories, 3 meetings, 4 trusted people."""
    _shared_statements(world, 3)
    _family_rules(world, 4)
    _stories(world, 2)
    _network_meetings(world, 2)
    _trusted_people(world, 3)


def _more_trajectories_for_the_parent(world: World, n: int = 2) -> None:
    from samenopweg.cases import services
    from samenopweg.cases.models import CaseRole

    for i in range(n):
        other = register(world.team, world.owner, child=f"Kind{i}")
        services.grant_access(
            trajectory=other,
            user=world.parent,
            role=CaseRole.OUDER,
            person=mother_of(other),
            reason="Mama",
            actor=world.owner,
        )


def test_the_family_home_is_pinned(world: World, django_assert_num_queries: Any) -> None:
    client = logged_in_client(world.parent)
    with django_assert_num_queries(expected("portal_home")):
        response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert len(response.context["trajectories"]) == 1


def test_the_family_home_does_not_grow_with_the_trajectories(
    world: World, django_assert_num_queries: Any
) -> None:
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "portal_home",
        logged_in_client(world.parent),
        reverse("portal:home"),
        lambda: _more_trajectories_for_the_parent(world),
    )
    assert len(response.context["trajectories"]) == 3


@pytest.mark.parametrize(
    ("persona", "page"), [("network_member", "portal_network"), ("young_person", "portal_young")]
)
def test_the_family_members_page_does_not_grow_with_what_is_shared(
    world: World, django_assert_num_queries: Any, persona: str, page: str
) -> None:
    _family_world(world)
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        page,
        logged_in_client(getattr(world, persona)),
        reverse("portal:trajectory", args=[world.trajectory.reference]),
        lambda: _more_for_the_family(world),
    )
    context = response.context
    assert len(context["what"].statements) == 5
    assert sum(len(block.rules) for block in context["family_plan"].plans) == 6
    assert len(context["stories"]) == 3
    if persona == "young_person":
        assert len(context["trusted"]) == 4
    else:
        assert len(context["family_plan"].meetings) == 3


@pytest.mark.parametrize("persona", ["parent", "young_person"])
def test_the_story_reader_does_not_grow_with_its_pages(
    world: World, django_assert_num_queries: Any, persona: str
) -> None:
    from conftest import grant_network_and_young_person
    from samenopweg.safety_plans.tests import plan_world as hoe

    grant_network_and_young_person(world)
    story = hoe.ensure_story(world)

    def more() -> None:
        _story_pages(world, story, 2)
        _stories(world, 2)

    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "portal_story",
        logged_in_client(getattr(world, persona)),
        reverse("portal:story", args=[world.trajectory.reference, story.pk]),
        more,
    )
    assert len(response.context["pages"]) == 3


def test_the_own_view_form_does_not_grow_with_the_shared_items(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.portal.tests import portal_world

    _shared_statements(world, 1)
    kwargs = portal_world.own_view_kwargs(world)  # + the world's own statement: 2 shared
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "portal_own_view",
        logged_in_client(world.parent),
        reverse("portal:own_view", kwargs=kwargs),
        lambda: _shared_statements(world, 3),
    )
    assert response.context["target"].item.pk == kwargs["item_id"]


@pytest.mark.parametrize("persona", ["parent", "young_person"])
def test_the_feedback_form_does_not_grow_with_the_file(
    world: World, django_assert_num_queries: Any, persona: str
) -> None:
    import datetime

    from samenopweg.feedback.models import FeedbackRound, How, VersionKind

    _family_world(world)

    def more() -> None:
        _more_for_the_family(world)
        for days in (30, 60, 90):  # earlier rounds, by a professional
            FeedbackRound.objects.create(
                trajectory=world.trajectory,
                version_kind=VersionKind.PARENT,
                held_on=timezone.localdate() - datetime.timedelta(days=days),
                respondent=mother_of(world.trajectory),
                how=How.ENTERED_DURING_VISIT,
                score_1=7,
                score_2=7,
                score_3=8,
                score_4=7,
                created_by=world.worker,
            )

    assert_pinned_before_and_after(
        django_assert_num_queries,
        "portal_feedback",
        logged_in_client(getattr(world, persona)),
        reverse("portal:feedback", args=[world.trajectory.reference]),
        more,
    )


@pytest.mark.parametrize(
    ("persona", "page"),
    [("parent", "portal_check_in_parent"), ("network_member", "portal_check_in_network")],
)
def test_the_check_in_form_does_not_grow_with_the_rules(
    world: World, django_assert_num_queries: Any, persona: str, page: str
) -> None:
    from conftest import grant_network_and_young_person
    from samenopweg.safety_plans.models import PlanRule

    grant_network_and_young_person(world)
    _family_rules(world, 2)
    rule = PlanRule.objects.filter(trajectory=world.trajectory).order_by("id").first()
    assert rule is not None
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        page,
        logged_in_client(getattr(world, persona)),
        reverse("portal:rule_check_in", args=[world.trajectory.reference, rule.pk]),
        lambda: _family_rules(world, 4),
    )
    assert PlanRule.objects.filter(plan=rule.plan).count() == 6
    assert response.context["line"].rule.pk == rule.pk


def _more_reviews(world: World, n: int = 6) -> None:
    """More reviews, each with its participants, goals and scaling round."""
    import datetime

    from samenopweg.reviews.models import Review
    from samenopweg.reviews.tests import review_world as ev

    first = ev.ensure_review(world)
    for i in range(n):
        more = Review.objects.create(
            trajectory=world.trajectory,
            held_on=first.held_on - datetime.timedelta(weeks=6 * (i + 1)),
            changes_going_well=f"Evaluatie {i}",
            outcome=first.outcome,
            next_review_on=first.held_on - datetime.timedelta(weeks=6 * i),
            scaling_round=first.scaling_round,
            created_by=world.worker if i % 2 else world.owner,
        )
        more.participants.set(first.participants.all())
        more.professionals.set([world.worker, world.owner])


def test_the_reviews_page_does_not_grow_with_its_reviews(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.reviews.tests import review_world as ev

    ev.ensure_review(world)
    assert_pinned_before_and_after(
        django_assert_num_queries,
        "reviews_overview",
        logged_in_client(world.owner),
        reverse("reviews:overview", args=[world.trajectory.reference]),
        lambda: _more_reviews(world),
    )


def test_a_review_page_does_not_grow_with_what_it_shows(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.assessments.tests import statement_world as wat
    from samenopweg.reviews.tests import review_world as ev

    review = ev.ensure_review(world)
    wat.ensure_goal(world)  # with a goal, what the children said of it is read (3 queries)

    def more() -> None:
        from samenopweg.assessments.models import SafetyGoal

        _more_reviews(world)
        goal = wat.ensure_goal(world)
        for i in range(3):
            SafetyGoal.objects.create(
                trajectory=world.trajectory,
                danger_statement=goal.danger_statement,
                parents_and_network_will=f"Doel {i}",
                child_will_experience="Rust.",
                professionals_will_see="Rust.",
                for_how_long="drie maanden",
                audience=goal.audience,
                created_by=world.owner,
            )
        review.participants.add(*Person.objects.filter(trajectory=world.trajectory))

    assert_pinned_before_and_after(
        django_assert_num_queries,
        "review_detail",
        logged_in_client(world.owner),
        reverse("reviews:detail", args=[world.trajectory.reference, review.pk]),
        more,
    )


def _grow_report(world: World) -> None:
    """Three more saves (three kept versions), a second share and two reactions."""
    from samenopweg.reports import services as report_services
    from samenopweg.reports.models import JudgeReport
    from samenopweg.reports.tests import report_world as verslag

    report = verslag.ensure_report(world)
    for i in range(3):
        report = JudgeReport.objects.get(pk=report.pk)
        report = report_services.save_report(
            report=report,
            expected_version=report.version,
            texts={**report.texts(), "parents_version": f"Versie {i}. Papa zoekt hulp."},
            actor=world.owner,
        )
    share = report_services.share_with_parents(
        report=report, expected_version=report.version, actor=world.owner
    )
    for text in ("Ik ben het eens.", "Oma helpt ook."):
        report_services.react(
            share=share, person=mother_of(world.trajectory), text=text, actor=world.parent
        )


def test_the_report_page_does_not_grow_with_its_versions(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.reports.tests import report_world as verslag

    report = verslag.ensure_report(world)
    verslag.ensure_share(world)
    assert_pinned_before_and_after(
        django_assert_num_queries,
        "report_detail",
        logged_in_client(world.owner),
        reverse("reports:detail", args=[world.trajectory.reference, report.pk]),
        lambda: _grow_report(world),
    )


def test_the_parents_report_page_does_not_grow_with_the_reactions(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.reports.tests import report_world as verslag

    verslag.ensure_share(world)
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "portal_report",
        logged_in_client(world.parent),
        reverse("portal:report", args=[world.trajectory.reference]),
        lambda: _grow_report(world),
    )
    assert "Oma helpt ook." in response.content.decode()


def _grow_summary(world: World, start: int = 0) -> None:
    """More worries' numbers, rules, check-ins and network members, all shared."""
    import datetime

    from samenopweg.assessments.models import ScalingRound, ScalingScore
    from samenopweg.assessments.tests import statement_world as wat
    from samenopweg.core.models import Audience
    from samenopweg.people.models import NetworkKind, NetworkMember
    from samenopweg.safety_plans.models import CheckOutcome, RuleCheckIn
    from samenopweg.safety_plans.tests import plan_world as hoe
    from tests.factories import PlanRuleFactory

    plan = hoe.ensure_rule(world).plan
    statement = wat.ensure_statement(world)
    for i in range(start, start + 3):
        rule = PlanRuleFactory.create(
            plan=plan, what=f"Afspraak {i}", audience=Audience.NETWORK, created_by=world.worker
        )
        rule.who.set([mother_of(world.trajectory)])
        RuleCheckIn.objects.create(
            rule=rule,
            trajectory=world.trajectory,
            outcome=CheckOutcome.WENT_WELL,
            checked_on=timezone.localdate(),
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
        held = ScalingRound.objects.create(
            trajectory=world.trajectory,
            held_on=timezone.localdate() - datetime.timedelta(days=10 * i + 1),
            created_by=world.owner,
        )
        ScalingScore.objects.create(
            round=held,
            trajectory=world.trajectory,
            danger_statement=statement,
            person=mother_of(world.trajectory),
            score=3 + i,
            audience=Audience.PARENTS,
            created_by=world.owner,
        )
        neighbour = Person.objects.create(
            trajectory=world.trajectory,
            first_name=f"Buur{i}",
            last_name="Netwerk",
            audience=Audience.NETWORK,
        )
        NetworkMember.objects.create(
            trajectory=world.trajectory,
            person=neighbour,
            kind=NetworkKind.INFORMAL,
            role_text="buur",
            audience=Audience.NETWORK,
            created_by=world.worker,
        )


def test_the_family_summary_does_not_grow_with_the_file(
    world: World, django_assert_num_queries: Any
) -> None:
    from samenopweg.portal.tests import portal_world

    portal_world.ensure_shared_goal(world)
    _grow_summary(world)
    response = assert_pinned_before_and_after(
        django_assert_num_queries,
        "portal_summary",
        logged_in_client(world.parent),
        reverse("portal:summary", args=[world.trajectory.reference]),
        lambda: _grow_summary(world, start=3),
    )
    page = response.content.decode()
    assert "Afspraak 5" in page and "Buur5" in page

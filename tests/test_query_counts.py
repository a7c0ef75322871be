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
        "dashboard_owner": 23,
        "dashboard_team_lead": 24,  # + the open alerts of the team
        # Each trajectory page below: + 1 for the children's names in its head (cases.naming)
        "detail": 15,
        "journal": 14,  # + the contact bans, named in the "wie was erbij?" choices
        "plan": 18,  # + what the children said about its rules (child_voice, one query), + when
        # the family first read them (portal.seen, one query)
        "network": 15,
        "story": 12,
        "diagrams": 12,  # + the contact bans, marked in both drawings
        # The family's page of a parent, with the plan part (portal.plan: plans, rules with their
        # latest shared check-in, who does them, network meetings and who came, names (3))
        "portal_parent": 40,
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

"""The factories of tests/factories.py make valid objects that fit together."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World, register
from samenopweg.accounts.models import Membership, Role
from samenopweg.accounts.roles import is_family_account, is_professional
from samenopweg.cases.access import get_trajectory_for_user, visible_items, visible_trajectories
from samenopweg.cases.models import CaseGrant, CaseRole, Trajectory
from samenopweg.core.models import Audience
from samenopweg.journal.models import JournalEntry
from tests import factories as f

pytestmark = pytest.mark.django_db

ITEM_FACTORIES = [
    f.JournalEntryFactory,
    f.TaskFactory,
    f.MapEntryFactory,
    f.DangerStatementFactory,
    f.SafetyGoalFactory,
    f.SafetyPlanFactory,
    f.PlanRuleFactory,
    f.NetworkMemberFactory,
    f.StoryFactory,
    f.PersonFactory,
]


@pytest.mark.parametrize("factory", ITEM_FACTORIES, ids=lambda x: x.__name__)
def test_every_item_factory_makes_a_valid_item_of_the_given_trajectory(factory: Any) -> None:
    trajectory = f.TrajectoryFactory.create()
    item = factory(trajectory=trajectory)
    item.full_clean()
    assert item.trajectory == trajectory
    if issubclass(factory, f.ItemFactory):
        assert item.created_by == trajectory.owner


@pytest.mark.parametrize(
    "factory",
    [
        f.UserFactory,
        f.OrganisationFactory,
        f.TeamFactory,
        f.MembershipFactory,
        f.TrajectoryFactory,
        f.CaseGrantFactory,
    ],
    ids=lambda x: x.__name__,
)
def test_the_other_factories_make_valid_objects(factory: Any) -> None:
    obj = factory()
    obj.full_clean()


def test_items_made_from_the_bottom_share_one_trajectory() -> None:
    rule = f.PlanRuleFactory.create()
    assert rule.plan.trajectory == rule.trajectory
    goal = f.SafetyGoalFactory.create(danger_statement__trajectory=rule.trajectory)
    assert goal.trajectory == goal.danger_statement.trajectory == rule.trajectory
    member = f.NetworkMemberFactory.create(trajectory=rule.trajectory)
    assert member.person.trajectory == rule.trajectory
    assert Trajectory.objects.count() == 1


def test_a_trajectory_has_a_unique_reference_from_the_counter_the_service_uses(
    world: World,
) -> None:
    made = f.TrajectoryFactory.create(team=world.team, owner=world.owner)
    registered = register(world.team, world.owner)
    another = f.TrajectoryFactory.create(team=world.team, owner=world.owner)
    references = [world.trajectory.reference, made.reference, registered.reference]
    references.append(another.reference)
    assert len(set(references)) == 4
    assert all(r.startswith("OCJ-GNT-") for r in references)
    assert made.organisation == world.team.organisation
    assert made.framework == "verontrusting"


def test_an_sdj_trajectory_gets_an_sdj_framework_and_a_youth_judge_reference() -> None:
    trajectory = f.TrajectoryFactory.create(team__organisation__sdj=True)
    trajectory.full_clean()
    assert trajectory.reference.startswith("SDJ-ANT-")
    assert (trajectory.framework, trajectory.youth_judge_reference) == ("vos", "AN.26.J1.0001")


def test_the_owner_of_a_made_trajectory_sees_it_and_opens_its_page() -> None:
    trajectory = f.TrajectoryFactory.create()
    owner = trajectory.owner
    assert Membership.objects.filter(user=owner, team=trajectory.team, role=Role.CONSULENT).exists()
    assert list(visible_trajectories(owner)) == [trajectory]
    assert get_trajectory_for_user(owner, trajectory.reference).role == CaseRole.CONSULENT
    client = Client()
    client.force_login(owner)
    assert client.get(reverse("journal:list", args=[trajectory.reference])).status_code == 200


def test_a_worker_grant_and_a_family_grant() -> None:
    grant = f.CaseGrantFactory.create()
    assert grant.is_current and grant.granted_by == grant.trajectory.owner
    assert is_professional(grant.user)
    family = f.CaseGrantFactory.create(trajectory=grant.trajectory, family=True)
    assert family.role == CaseRole.OUDER and is_family_account(family.user)
    assert family.person is not None and family.person.trajectory == grant.trajectory
    assert CaseGrant.objects.filter(trajectory=grant.trajectory).count() == 3  # and the owner


def test_the_family_sees_a_made_entry_only_when_it_is_shared() -> None:
    grant = f.CaseGrantFactory.create(family=True)
    shared = f.JournalEntryFactory.create(trajectory=grant.trajectory, audience=Audience.PARENTS)
    f.JournalEntryFactory.create(trajectory=grant.trajectory)  # for professionals, the default
    access = get_trajectory_for_user(grant.user, grant.trajectory.reference)
    assert list(visible_items(access, JournalEntry.objects.all())) == [shared]


def test_a_danger_statement_is_about_the_children_of_its_trajectory() -> None:
    trajectory = f.TrajectoryFactory.create()
    children = f.PersonFactory.create_batch(2, trajectory=trajectory, child=True)
    f.PersonFactory.create(trajectory=trajectory)  # an adult
    statement = f.DangerStatementFactory.create(trajectory=trajectory)
    assert set(statement.children.all()) == set(children)
    assert all(c.is_child and c.audience == Audience.CHILD for c in children)


def test_users_have_names_and_a_known_password() -> None:
    user = f.UserFactory.create()
    assert user.first_name and user.last_name
    assert user.check_password(f.PASSWORD)

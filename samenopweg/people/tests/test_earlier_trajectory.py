"""A child registered again within a year of a closure: the new trajectory links the old one."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from conftest import World, register
from samenopweg.audit.models import AuditEvent
from samenopweg.cases.models import Trajectory
from samenopweg.cases.tests.helpers import close_trajectory, logged_in_client
from samenopweg.people.models import Person
from samenopweg.people.registration import earlier_trajectory


def closed_days_ago(world: World, days: int) -> Trajectory:
    close_trajectory(world)
    Trajectory.objects.filter(pk=world.trajectory.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=days)
    )
    return world.trajectory


def test_a_child_closed_less_than_a_year_ago_is_linked(world: World) -> None:
    closed = closed_days_ago(world, 200)

    again = register(world.team, world.owner)

    assert again.earlier == closed
    assert AuditEvent.objects.filter(
        trajectory=again, object_type="cases.trajectory", detail__earlier=closed.reference
    ).exists()
    assert AuditEvent.objects.filter(
        trajectory=closed, object_type="cases.trajectory", detail__later=again.reference
    ).exists()


def test_a_closure_longer_than_a_year_ago_is_not_linked(world: World) -> None:
    closed_days_ago(world, 400)

    assert register(world.team, world.owner).earlier is None


def test_an_open_trajectory_of_the_same_child_is_not_linked(world: World) -> None:
    assert register(world.team, world.owner).earlier is None


def test_another_child_with_the_same_name_but_another_birthday_is_not_linked(
    world: World,
) -> None:
    closed_days_ago(world, 30)
    Person.objects.filter(trajectory=world.trajectory, is_child=True).update(
        date_of_birth=datetime.date(2016, 1, 1)
    )

    assert register(world.team, world.owner).earlier is None


def test_the_name_is_matched_without_regard_to_capitals(world: World) -> None:
    closed = closed_days_ago(world, 30)

    again = register(world.team, world.owner, child="NOOR")

    assert again.earlier == closed


def test_the_match_is_one_query(world: World, django_assert_num_queries: Any) -> None:
    closed = closed_days_ago(world, 30)
    child = Person(first_name="Noor", last_name="Peeters", date_of_birth=datetime.date(2017, 3, 12))

    with django_assert_num_queries(1):
        assert earlier_trajectory([child]) == closed


def test_the_page_links_the_earlier_trajectory_for_who_may_open_it(world: World) -> None:
    closed = closed_days_ago(world, 30)
    again = register(world.team, world.owner)

    page = logged_in_client(world.owner).get(reverse("dashboard:detail", args=[again.reference]))

    assert page.status_code == 200
    link = reverse("dashboard:detail", args=[closed.reference])
    assert f'href="{link}"' in page.content.decode()


def test_the_page_names_a_trajectory_the_reader_may_not_open_without_a_link(
    world: World,
) -> None:
    closed = closed_days_ago(world, 30)
    # The same child, registered by a consultant of another organisation.
    again = register(world.other_trajectory.team, world.other_consultant)
    assert again.earlier == closed

    page = logged_in_client(world.other_consultant).get(
        reverse("dashboard:detail", args=[again.reference])
    )

    html = page.content.decode()
    assert closed.reference in html
    assert reverse("dashboard:detail", args=[closed.reference]) not in html
    assert "geen toegang" in html


def test_without_an_earlier_trajectory_the_page_says_nothing(world: World) -> None:
    page = logged_in_client(world.owner).get(
        reverse("dashboard:detail", args=[world.trajectory.reference])
    )

    assert 'id="earlier"' not in page.content.decode()

"""The family's pages (/mijn/) name only what the item rule shares with them."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

pytestmark = pytest.mark.django_db


def test_the_family_home_names_only_the_children_the_parent_may_see(world: World) -> None:
    # Noor (registered with the world) is for the child and up, so her parents see her.
    Person.objects.create(
        trajectory=world.trajectory,
        first_name="Verborgen",
        last_name="Peeters",
        date_of_birth=datetime.date(2019, 6, 1),
        is_child=True,
        audience=Audience.PROFESSIONALS,
    )
    client = Client()
    client.force_login(world.parent)

    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Noor" in body
    assert "Verborgen" not in body
    # The same answer as the trajectory's own family page.
    detail = client.get(reverse("portal:trajectory", args=[world.trajectory.reference]))
    assert detail.status_code == 200
    assert "Noor" in detail.content.decode()
    assert "Verborgen" not in detail.content.decode()


def test_the_family_home_reads_each_trajectorys_children_as_that_role_may_see_them(
    world: World,
) -> None:
    # The children of every trajectory are read at once (cases.access.visible_items_of), each
    # through the item rule of the role in that trajectory: here the same account is a parent
    # in the world's trajectory and in the network of another.
    from conftest import register
    from samenopweg.cases import services
    from samenopweg.cases.models import CaseRole
    from samenopweg.cases.tests.helpers import mother_of

    other = register(world.team, world.owner, child="Lotte")  # for the child and up, as Noor
    services.grant_access(
        trajectory=other,
        user=world.parent,
        role=CaseRole.NETWERK,
        person=mother_of(other),
        reason="In het netwerk van Lotte",
        actor=world.owner,
    )
    for trajectory, first_name in ((world.trajectory, "Bram"), (other, "Sam")):
        Person.objects.create(
            trajectory=trajectory,
            first_name=first_name,
            last_name="Peeters",
            date_of_birth=datetime.date(2020, 1, 1),
            is_child=True,
            audience=Audience.PARENTS,
        )
    client = Client()
    client.force_login(world.parent)

    links = {
        t.reference: [c.first_name for c in t.children]
        for t in client.get(reverse("portal:home")).context["trajectories"]
    }

    # Oldest first, as before: Noor (2017) before Bram (2020); Sam is for the parents only.
    assert links == {world.trajectory.reference: ["Noor", "Bram"], other.reference: ["Lotte"]}

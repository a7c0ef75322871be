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

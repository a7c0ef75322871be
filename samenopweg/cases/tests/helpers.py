"""Steps the tests of several apps share: a logged-in client, a trajectory's URL, closing it."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.cases.models import Stage
from samenopweg.cases.services import change_stage


def logged_in_client(user: Any) -> Client:
    """A test client logged in as `user`."""
    client = Client()
    client.force_login(user)
    return client


def trajectory_url(name: str, world: World, **kwargs: Any) -> str:
    """The URL named `name` of the world's trajectory, with more URL kwargs if given."""
    return reverse(name, kwargs={"reference": world.trajectory.reference, **kwargs})


def close_trajectory(world: World) -> None:
    """The owner closes the world's trajectory; `world.trajectory` is read again."""
    change_stage(
        trajectory=world.trajectory,
        to_stage=Stage.AFGESLOTEN,
        reason="Veilig genoeg.",
        expected_version=world.trajectory.version,
        actor=world.owner,
    )
    world.trajectory.refresh_from_db()

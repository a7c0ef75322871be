"""Steps the tests of several apps share: a logged-in client, a trajectory's URL, closing it,
and the small pieces the `*_world` modules all need."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.cases.models import Stage, Trajectory
from samenopweg.cases.services import change_stage
from samenopweg.people.models import Person

M = TypeVar("M", bound=Model)


def logged_in_client(user: Any) -> Client:
    """A test client logged in as `user`."""
    client = Client()
    client.force_login(user)
    return client


def trajectory_url(name: str, world: World, **kwargs: Any) -> str:
    """The URL named `name` of the world's trajectory, with more URL kwargs if given."""
    return reverse(name, kwargs={"reference": world.trajectory.reference, **kwargs})


def world_of(given: Any) -> World:
    """The world itself, or the world a permission matrix's case holds."""
    return getattr(given, "world", given)


def reference_kwargs(given: Any) -> dict[str, Any]:
    """The URL kwargs of the world's trajectory (takes the world or a matrix case)."""
    return {"reference": world_of(given).trajectory.reference}


def mother_of(trajectory: Trajectory) -> Person:
    """The first adult of the trajectory: mama An in the test world (oma Maria, when the
    network has her, came later)."""
    return Person.objects.filter(trajectory=trajectory, is_child=False).order_by("id")[0]


def child_of(trajectory: Trajectory) -> Person:
    """The first child of the trajectory: Noor in the test world."""
    return Person.objects.filter(trajectory=trajectory, is_child=True).order_by("id")[0]


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


def mark_closed(world: World) -> Trajectory:
    """The world's trajectory set to closed in the database alone (no stage change, no audit
    row), read again; `world.trajectory` keeps the open copy."""
    Trajectory.objects.filter(pk=world.trajectory.pk).update(stage=Stage.AFGESLOTEN)
    return Trajectory.objects.get(pk=world.trajectory.pk)


def assert_refused_while_closed(
    writes: Iterable[Callable[[], Any]], state: Callable[[], Any]
) -> None:
    """Each write is refused with the closed-file message, and `state()` does not change."""
    before = state()
    for write in writes:
        with pytest.raises(ValidationError, match="afgesloten"):
            write()
    assert state() == before


def first_or_create(queryset: QuerySet[M], **fields: Any) -> M:
    """The first row of `queryset`, or a new one made of `fields` (the `ensure_*` helpers of the
    `*_world` modules: idempotent, and the tests may add more rows of the kind)."""
    found = queryset.first()
    return found if found is not None else queryset.create(**fields)

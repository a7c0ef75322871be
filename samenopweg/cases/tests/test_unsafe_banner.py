"""A child who is not safe now is loud on every page of the trajectory (issue 12, point 1)."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.cases import services
from samenopweg.cases.models import SafetyAnswer, SafetyCheck, Urgency
from samenopweg.people.models import Person

pytestmark = pytest.mark.django_db

PAGES = [
    ("dashboard:detail", ()),
    ("case_people:safety", ()),
    ("people:list", ()),
    ("journal:list", ()),
    ("safety_plans:plan", ()),
    ("assessments:map", ()),
]


def _answer(world: World, answer: str, next_step: str, urgency: str) -> None:
    noor = Person.objects.get(trajectory=world.trajectory, is_child=True)
    services.record_safety_checks(
        trajectory=world.trajectory,
        answers=[(noor, answer, "Blauwe plek op de arm.", next_step, urgency)],
        actor=world.owner,
    )


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_every_page_of_an_unsafe_trajectory_says_who_is_unsafe_and_what_comes_next(
    client: Client, world: World, name: str, args: tuple[str, ...]
) -> None:
    _answer(
        world, SafetyAnswer.NO, "Vandaag nog een huisbezoek met twee consulenten.", Urgency.TODAY
    )
    client.force_login(world.worker)

    page = client.get(reverse(name, args=[world.trajectory.reference, *args])).content.decode()

    assert 'class="unsafe-banner"' in page
    banner = page[
        page.index('class="unsafe-banner"') : page.index(
            "</section>", page.index('class="unsafe-banner"')
        )
    ]
    assert "1 kind is nu niet veilig" in banner
    assert "Noor" in banner
    assert str(world.owner) in banner  # who answered
    assert "Vandaag nog een huisbezoek met twee consulenten." in banner
    assert "Ten laatste:" in banner  # the deadline of "today"
    assert reverse("case_people:safety", args=[world.trajectory.reference]) in banner


def test_the_banner_goes_when_the_question_is_answered_again(client: Client, world: World) -> None:
    _answer(world, SafetyAnswer.NO, "Huisbezoek.", Urgency.TODAY)
    client.force_login(world.owner)
    url = reverse("dashboard:detail", args=[world.trajectory.reference])
    assert 'class="unsafe-banner"' in client.get(url).content.decode()

    _answer(world, SafetyAnswer.YES, "Opvolgen bij de volgende afspraak.", Urgency.REGULAR)

    assert 'class="unsafe-banner"' not in client.get(url).content.decode()


def test_a_late_next_step_says_it_is_late(client: Client, world: World) -> None:
    _answer(world, SafetyAnswer.NO, "Huisbezoek.", Urgency.WITHIN_72_HOURS)
    SafetyCheck.objects.filter(trajectory=world.trajectory).update(
        checked_at=timezone.now() - datetime.timedelta(days=4)
    )
    client.force_login(world.owner)

    page = client.get(reverse("journal:list", args=[world.trajectory.reference])).content.decode()

    assert "Te laat: moest gebeurd zijn voor" in page


def test_a_safe_trajectory_has_no_banner(client: Client, world: World) -> None:
    client.force_login(world.owner)
    page = client.get(reverse("dashboard:detail", args=[world.trajectory.reference]))
    assert 'class="unsafe-banner"' not in page.content.decode()

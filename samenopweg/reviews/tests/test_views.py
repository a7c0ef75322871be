"""The review pages: who may open them, what a post does, bad input, the plan it opens."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, grant_network_and_young_person
from samenopweg.cases.tests.helpers import logged_in_client, mother_of
from samenopweg.child_voice.tests import voice_world as stem
from samenopweg.feedback.tests import feedback_world as fb
from samenopweg.reviews.models import Outcome, Review, ReviewCadence, goal_field
from samenopweg.reviews.tests import review_world as ev

pytestmark = pytest.mark.django_db

PAGES = [
    ("overview", ev.reference_kwargs),
    ("review_new", ev.reference_kwargs),
    ("detail", ev.review_kwargs),
    ("review_edit", ev.review_kwargs),
    ("review_withdraw", ev.review_kwargs),
    ("cadence", ev.reference_kwargs),
]


def url(name: str, world: World, kwargs_fn: Any = ev.reference_kwargs) -> str:
    return reverse(f"reviews:{name}", kwargs=kwargs_fn(world))


@pytest.mark.parametrize(("name", "kwargs_fn"), PAGES)
def test_each_page_opens_for_the_consultant(world: World, name: str, kwargs_fn: Any) -> None:
    assert logged_in_client(world.owner).get(url(name, world, kwargs_fn)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs_fn"), PAGES)
def test_each_page_but_the_cadence_opens_for_the_worker(
    world: World, name: str, kwargs_fn: Any
) -> None:
    expected = 403 if name == "cadence" else 200
    assert logged_in_client(world.worker).get(url(name, world, kwargs_fn)).status_code == expected


@pytest.mark.parametrize(("name", "kwargs_fn"), PAGES)
@pytest.mark.parametrize("outsider", ["worker_elsewhere", "other_consultant", "expired"])
def test_outsiders_get_404(world: World, name: str, kwargs_fn: Any, outsider: str) -> None:
    client = logged_in_client(getattr(world, outsider))
    assert client.get(url(name, world, kwargs_fn)).status_code == 404


@pytest.mark.parametrize(("name", "kwargs_fn"), PAGES)
@pytest.mark.parametrize("persona", ["parent", "network_member", "young_person"])
def test_the_family_gets_403_on_the_professionals_pages(
    world: World, name: str, kwargs_fn: Any, persona: str
) -> None:
    grant_network_and_young_person(world)
    response = logged_in_client(getattr(world, persona)).get(url(name, world, kwargs_fn))
    assert response.status_code == 403
    assert ev.MARK not in response.content.decode()


def test_an_outsider_cannot_post_a_review(world: World) -> None:
    client = logged_in_client(world.worker_elsewhere)
    assert client.post(url("review_new", world), ev.review_data(world)).status_code == 404
    assert not Review.objects.exists()


def test_the_worker_holds_a_review_and_lands_on_it(world: World) -> None:
    response = logged_in_client(world.worker).post(url("review_new", world), ev.review_data(world))

    review = Review.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "reviews:detail", args=[world.trajectory.reference, review.pk]
    )
    assert review.goals.get().note == "Elke week gelukt."


def test_adjusting_the_plan_opens_the_plan_with_the_points_to_change(world: World) -> None:
    client = logged_in_client(world.owner)
    points = "De afspraak voor het weekend: oma Maria komt zaterdag langs."

    response = client.post(
        url("review_new", world),
        ev.review_data(world, outcome=Outcome.ADJUST, points_to_change=points),
    )

    assert response.status_code == 302
    plan = reverse("safety_plans:plan", args=[world.trajectory.reference])
    assert response["Location"].startswith(plan + "?")
    page = client.get(response["Location"]).content.decode()
    assert "Wat moet er in het plan veranderen?" in page
    assert points in page
    # The plan page without the parameter is the plan page as it was.
    assert points not in client.get(plan).content.decode()


def test_a_proposal_to_close_leads_the_consultant_to_the_closure_checklist(world: World) -> None:
    data = ev.review_data(world, outcome=Outcome.PROPOSE_CLOSURE)
    data["next_review_on"] = ""
    response = logged_in_client(world.owner).post(url("review_new", world), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    checklist = reverse("closure:checklist", args=[world.trajectory.reference])

    consultant = logged_in_client(world.owner).get(response["Location"]).content.decode()
    worker = logged_in_client(world.worker).get(response["Location"]).content.decode()
    # The consultant decides the closure; the worker reads the proposal, without the button.
    assert f'href="{checklist}"' in consultant
    assert "Voorstel om af te sluiten" in worker and f'href="{checklist}"' not in worker


def test_the_family_never_sees_the_points_on_a_plan(world: World) -> None:
    client = logged_in_client(world.owner)
    points = "GEHEIM-PUNT: nog eens bekijken."
    client.post(
        url("review_new", world),
        ev.review_data(world, outcome=Outcome.ADJUST, points_to_change=points),
    )
    plan = reverse("safety_plans:plan", args=[world.trajectory.reference]) + "?evaluatie=1"
    assert logged_in_client(world.parent).get(plan).status_code == 403


def test_a_missing_answer_is_said_next_to_its_field_and_the_text_stays(world: World) -> None:
    typed = "Papa belt oma Maria nu elke keer, ook in het weekend."
    data = ev.review_data(
        world, outcome=Outcome.ADJUST, points_to_change="", changes_going_well=typed
    )

    response = logged_in_client(world.owner).post(url("review_new", world), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert "points_to_change" in form.errors
    page = response.content.decode()
    assert "Schrijf wat er in het plan moet veranderen" in page
    assert typed in page
    assert not Review.objects.exists()


def test_a_goal_shown_without_a_date_is_refused_next_to_the_goal(world: World) -> None:
    the_goal = ev.goal(world)
    data = ev.review_data(world, **{goal_field(the_goal.pk, "shown_since"): ""})

    response = logged_in_client(world.owner).post(url("review_new", world), data)

    assert response.status_code == 200
    assert goal_field(the_goal.pk, "shown_since") in response.context["form"].errors
    assert "Zeg sinds wanneer het getoond wordt." in response.content.decode()


def test_the_new_review_proposes_the_next_date_of_the_cadence(world: World) -> None:
    ReviewCadence.objects.create(trajectory=world.trajectory, every_weeks=3, created_by=world.owner)

    form = logged_in_client(world.owner).get(url("review_new", world)).context["form"]

    assert form.initial["next_review_on"] == timezone.localdate() + datetime.timedelta(weeks=3)


def test_the_review_page_shows_the_scaling_the_children_and_the_feedback(world: World) -> None:
    ev.goal(world)
    review = ev.ensure_review(world)
    stem.ensure_words(world)
    fb.ensure_round(world)

    page = (
        logged_in_client(world.owner).get(url("detail", world, ev.review_kwargs)).content.decode()
    )

    assert "Papa belt nu als het moeilijk wordt." in page  # mama's number and why
    assert stem.QUOTE in page
    assert "Bel eens vaker." in page  # the latest feedback round's open answer
    assert review.changes_going_well in page
    assert "zes maanden" in page  # how long the goal must be shown


def test_an_edit_saves_with_its_version(world: World) -> None:
    review = ev.ensure_review(world)

    response = logged_in_client(world.worker).post(
        url("review_edit", world, ev.review_kwargs), ev.review_edit_data(world)
    )

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.version == 2
    assert review.help_can_stop.startswith("Nog niet: het moet")


def test_an_edit_from_an_older_version_shows_the_conflict_page(world: World) -> None:
    data = ev.review_edit_data(world)
    Review.objects.filter(pk=ev.ensure_review(world).pk).update(version=5)

    response = logged_in_client(world.worker).post(
        url("review_edit", world, ev.review_kwargs), data
    )

    assert response.status_code == 409
    assert data["help_can_stop"] in response.content.decode()


def test_the_cadence_is_the_consultants(world: World) -> None:
    data = ev.cadence_data(world)
    assert logged_in_client(world.worker).post(url("cadence", world), data).status_code == 403

    response = logged_in_client(world.owner).post(url("cadence", world), data)

    assert response.status_code == 302
    assert ReviewCadence.objects.get(trajectory=world.trajectory).every_weeks == 4


def test_the_list_flags_a_review_past_its_date(world: World) -> None:
    review = ev.ensure_review(world)
    Review.objects.filter(pk=review.pk).update(
        next_review_on=timezone.localdate() - datetime.timedelta(days=2)
    )

    page = logged_in_client(world.owner).get(url("overview", world)).content.decode()

    assert "is te laat" in page


def test_the_trajectory_tabs_link_to_the_reviews(world: World) -> None:
    page = logged_in_client(world.worker).get(
        reverse("dashboard:detail", args=[world.trajectory.reference])
    )
    assert url("overview", world) in page.content.decode()


def test_the_participants_offer_the_persons_of_this_trajectory_only(world: World) -> None:
    form = logged_in_client(world.owner).get(url("review_new", world)).context["form"]
    persons = list(form.fields["participants"].queryset)
    assert mother_of(world.trajectory) in persons
    assert mother_of(world.other_trajectory) not in persons

"""The feedback pages: who may open them, what a post does, bad input, conflicts, query counts."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.cases.tests.helpers import logged_in_client, mother_of
from samenopweg.feedback import services
from samenopweg.feedback.models import (
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    How,
    VersionKind,
)
from samenopweg.feedback.tests import feedback_world as fb

pytestmark = pytest.mark.django_db

# Every page, with its URL kwargs.
PAGES = [
    ("overview", fb.reference_kwargs),
    ("round_new", fb.reference_kwargs),
    ("round_withdraw", fb.round_kwargs),
    ("signal_close", fb.signal_kwargs),
    ("expectation_new", fb.reference_kwargs),
    ("expectation_edit", fb.expectation_kwargs),
    ("expectation_withdraw", fb.expectation_kwargs),
    ("cadence", fb.reference_kwargs),
]


def url(name: str, world: World, kwargs_fn: Any = fb.reference_kwargs) -> str:
    return reverse(f"feedback:{name}", kwargs=kwargs_fn(world))


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
@pytest.mark.parametrize("outsider", ["worker_elsewhere", "other_consultant"])
def test_outsiders_get_404(world: World, name: str, kwargs_fn: Any, outsider: str) -> None:
    client = logged_in_client(getattr(world, outsider))
    assert client.get(url(name, world, kwargs_fn)).status_code == 404


@pytest.mark.parametrize(("name", "kwargs_fn"), PAGES)
def test_the_parent_gets_403_on_the_professionals_pages(
    world: World, name: str, kwargs_fn: Any
) -> None:
    assert logged_in_client(world.parent).get(url(name, world, kwargs_fn)).status_code == 403


@pytest.mark.parametrize(("name", "kwargs_fn", "data_fn"), fb.FEEDBACK_FORMS)
def test_each_form_saves_for_the_worker(
    world: World, name: str, kwargs_fn: Any, data_fn: Any
) -> None:
    response = logged_in_client(world.worker).post(url(name, world, kwargs_fn), data_fn(world))

    assert response.status_code == 302, (
        getattr(response, "context", None) and response.context["form"].errors
    )
    assert response["Location"] == url("overview", world)


def test_the_cadence_is_the_consultants(world: World) -> None:
    data = fb.cadence_data(world)
    assert logged_in_client(world.worker).post(url("cadence", world), data).status_code == 403

    response = logged_in_client(world.owner).post(url("cadence", world), data)

    assert response.status_code == 302
    assert FeedbackCadence.objects.get(trajectory=world.trajectory).every_weeks == 4


def test_without_a_version_the_new_round_page_offers_the_four(world: World) -> None:
    page = logged_in_client(world.worker).get(url("round_new", world)).content.decode()

    for value in VersionKind.values:
        assert f"?versie={value}" in page
    assert (
        logged_in_client(world.worker).get(url("round_new", world) + "?versie=nee").status_code
        == 404
    )


def test_the_childs_version_has_faces_big_targets_and_a_read_aloud_button(world: World) -> None:
    page = (
        logged_in_client(world.worker)
        .get(url("round_new", world) + "?versie=child")
        .content.decode()
    )

    assert "Luisteren ze naar mij?" in page
    assert page.count("<legend>") >= 4
    assert 'data-read-aloud="Luisteren ze naar mij?"' in page and " hidden>" in page
    assert "js/read_aloud.js" in page and "defer" in page
    assert "verdrietig" in page and "blij" in page
    assert "feedback/feedback.css" in page
    # Only the children of the trajectory answer it.
    assert "Noor" in page and ">An<" not in page


def test_the_parents_version_needs_no_script(world: World) -> None:
    page = (
        logged_in_client(world.worker)
        .get(url("round_new", world) + "?versie=parent")
        .content.decode()
    )

    assert "Ik voel me gehoord." in page and 'type="radio"' in page
    assert "read_aloud.js" not in page


def test_a_round_with_a_low_score_shows_its_signal_on_the_overview(world: World) -> None:
    data = fb.round_data(world) | {"score_2": 3}
    client = logged_in_client(world.worker)
    client.post(url("round_new", world), data)

    page = client.get(url("overview", world)).content.decode()

    signal = FeedbackSignal.objects.get()
    assert "Bespreek de samenwerking" in page
    assert reverse("feedback:signal_close", args=[world.trajectory.reference, signal.pk]) in page


def test_bad_input_keeps_what_was_typed_and_says_why_next_to_the_field(world: World) -> None:
    data = fb.round_data(world) | {"score_3": "11", "open_answer": "Bel eens vaker terug."}

    response = logged_in_client(world.worker).post(url("round_new", world), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bel eens vaker terug." in page
    assert response.context["form"].errors["score_3"]
    assert 'id="id_score_3_error"' in page
    assert not FeedbackRound.objects.exists()


def test_a_respondent_refused_by_the_service_is_named_next_to_the_field(world: World) -> None:
    data = fb.round_data(world) | {"version_kind": VersionKind.CHILD}

    response = logged_in_client(world.worker).post(url("round_new", world), data)

    # Mama is no choice of the child's version: the form refuses her, in Dutch.
    assert response.status_code == 200
    assert response.context["form"].errors["respondent"]


def test_an_expectation_too_long_keeps_the_text_and_says_how_long(world: World) -> None:
    data = fb.expectation_create_data(world) | {"expects": "lang " * 500}

    response = logged_in_client(world.worker).post(url("expectation_new", world), data)

    assert response.status_code == 200
    assert "te lang" in response.content.decode()
    assert "lang lang lang" in response.content.decode()
    assert not Expectation.objects.exists()


def test_an_edit_conflict_gives_409(world: World) -> None:
    expectation = fb.ensure_expectation(world)
    stale = fb.expectation_edit_data(world)
    services.update_expectation(
        expectation=expectation,
        expected_version=expectation.version,
        party=expectation.party,
        expects="Iemand anders schreef dit eerst.",
        offers="",
        written_on=expectation.written_on,
        audience=expectation.audience,
        actor=world.owner,
    )

    response = logged_in_client(world.worker).post(
        url("expectation_edit", world, fb.expectation_kwargs), stale
    )

    assert response.status_code == 409
    assert "Iemand anders schreef dit eerst." in response.content.decode()


def test_closing_a_loop_that_someone_closed_first_gives_409(world: World) -> None:
    stale = fb.signal_close_data(world)
    signal = fb.ensure_signal(world)
    services.close_signal(
        signal=signal,
        expected_version=signal.version,
        you_said="",
        we_did="De consulent belde al.",
        audience=0,
        actor=world.owner,
    )

    response = logged_in_client(world.worker).post(
        url("signal_close", world, fb.signal_kwargs), stale
    )

    assert response.status_code == 409


def _rounds(world: World, n: int) -> None:
    mama = mother_of(world.trajectory)
    for i in range(n):
        day = timezone.localdate() - datetime.timedelta(weeks=6 * (n - i))
        services.record_round(
            trajectory=world.trajectory,
            version_kind=VersionKind.PARENT if i % 2 else VersionKind.CONSULTANT_ABOUT_WORKER,
            held_on=day,
            how=How.BY_PHONE,
            score_1=4 + i % 6,
            score_2=8,
            score_3=8,
            score_4=3 + i % 7,
            respondent=mama if i % 2 else None,
            respondent_user=None if i % 2 else world.owner,
            actor=world.worker,
        )


@pytest.mark.parametrize("n", [2, 12])
def test_the_overview_takes_the_same_queries_for_2_or_12_rounds(
    world: World, n: int, django_assert_num_queries: Any
) -> None:
    _rounds(world, n)
    fb.ensure_expectation(world)
    client = logged_in_client(world.owner)
    client.get(url("overview", world))  # warm the session and the caches

    with django_assert_num_queries(QUERIES_OVERVIEW):
        response = client.get(url("overview", world))

    assert response.status_code == 200
    assert "<svg" in response.content.decode()


# The overview's queries whatever the number of rounds (pinned; see the test above).
QUERIES_OVERVIEW = 16

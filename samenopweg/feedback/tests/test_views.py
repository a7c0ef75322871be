"""The feedback pages: who may open them, what a post does, bad input, conflicts, query counts."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.cases.models import Draft
from samenopweg.cases.tests.helpers import child_of, logged_in_client, mother_of
from samenopweg.feedback import services
from samenopweg.feedback.forms import RoundForm
from samenopweg.feedback.models import (
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    How,
    VersionKind,
)
from samenopweg.feedback.tests import feedback_world as fb
from samenopweg.people.models import Person, RelationKind
from samenopweg.people.tests import network_world

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


def version_url(world: World, version: str) -> str:
    """The new-round page of one version of the questions."""
    return reverse("feedback:round_new", args=[world.trajectory.reference, version])


def test_without_a_version_the_new_round_page_offers_the_four(world: World) -> None:
    client = logged_in_client(world.worker)
    page = client.get(url("round_new", world)).content.decode()

    for value in VersionKind.values:
        assert f'href="{version_url(world, value)}"' in page
        assert client.get(version_url(world, value)).status_code == 200
    assert client.get(version_url(world, "nee")).status_code == 404


def test_an_old_link_with_versie_moves_to_the_versions_page(world: World) -> None:
    client = logged_in_client(world.worker)

    response = client.get(url("round_new", world) + "?versie=child")

    assert response.status_code == 302
    assert response["Location"] == version_url(world, VersionKind.CHILD)
    assert client.get(url("round_new", world) + "?versie=nee").status_code == 404


@pytest.mark.parametrize("outsider", ["worker_elsewhere", "other_consultant"])
def test_outsiders_get_404_on_a_versions_page(world: World, outsider: str) -> None:
    client = logged_in_client(getattr(world, outsider))
    assert client.get(version_url(world, VersionKind.CHILD)).status_code == 404
    assert (
        client.post(version_url(world, VersionKind.PARENT), fb.round_data(world)).status_code == 404
    )
    assert not FeedbackRound.objects.exists()


def test_the_parent_gets_403_on_a_versions_page(world: World) -> None:
    client = logged_in_client(world.parent)
    assert client.get(version_url(world, VersionKind.PARENT)).status_code == 403


def test_a_round_posted_on_its_versions_page_is_saved(world: World) -> None:
    client = logged_in_client(world.worker)

    response = client.post(version_url(world, VersionKind.PARENT), fb.round_data(world))

    assert response.status_code == 302
    saved = FeedbackRound.objects.get()
    assert saved.version_kind == VersionKind.PARENT and saved.respondent == fb.mother(world)


def test_the_pages_version_decides_not_the_hidden_field(world: World) -> None:
    data = fb.round_data(world) | {"version_kind": VersionKind.CHILD}

    response = logged_in_client(world.worker).post(version_url(world, VersionKind.PARENT), data)

    assert response.status_code == 302
    assert FeedbackRound.objects.get().version_kind == VersionKind.PARENT


def test_each_version_keeps_its_own_autosaved_draft(world: World) -> None:
    client = logged_in_client(world.worker)
    parent_url = version_url(world, VersionKind.PARENT)
    child_url = version_url(world, VersionKind.CHILD)
    typed = fb.round_data(world) | {"open_answer": "Mama typte dit half.", "_autosave": "1"}

    answer = client.post(parent_url, typed)

    assert answer.status_code == 200 and answer["X-Sow-Draft"] == "saved"
    assert list(Draft.objects.values_list("key", flat=True)) == [parent_url]
    # The child's version opens empty, with the child's questions and its own browser copy.
    child = client.get(child_url)
    page = child.content.decode()
    assert child.context["form"].kind == VersionKind.CHILD and not child.context["notice"]
    assert "Mama typte dit half." not in page and "Luisteren ze naar mij?" in page
    assert f'data-autosave="{world.worker.pk}:{child_url}"' in page
    # The parents' version gets its draft back.
    parent = client.get(parent_url)
    assert parent.context["notice"] and "Mama typte dit half." in parent.content.decode()
    assert f'data-autosave="{world.worker.pk}:{parent_url}"' in parent.content.decode()
    # Saving the parents' round drops only its own draft.
    client.post(child_url, {"_autosave": "1", "open_answer": "Noor wil meer tekenen."})
    client.post(parent_url, fb.round_data(world))
    assert list(Draft.objects.values_list("key", flat=True)) == [child_url]


def test_the_childs_version_has_faces_big_targets_and_a_read_aloud_button(world: World) -> None:
    page = (
        logged_in_client(world.worker).get(version_url(world, VersionKind.CHILD)).content.decode()
    )

    assert "Luisteren ze naar mij?" in page
    assert page.count("<legend>") >= 4
    assert 'data-read-aloud="Luisteren ze naar mij?"' in page and " hidden>" in page
    assert "js/read_aloud.js" in page and "defer" in page
    assert "verdrietig" in page and "blij" in page
    # Each number has its face, hidden from screen readers, and its word for them.
    assert page.count('<span class="face" aria-hidden="true">😢</span>') == 4 * 4  # 0 to 3
    assert page.count('<span class="face" aria-hidden="true">😊</span>') == 4 * 4  # 7 to 10
    assert page.count('<span class="sr-only">gewoon</span>') == 4 * 3  # 4 to 6
    assert "feedback/feedback.css" in page
    # Only the children of the trajectory answer it.
    assert "Noor" in page and ">An<" not in page


def test_the_parents_version_needs_no_script(world: World) -> None:
    page = (
        logged_in_client(world.worker).get(version_url(world, VersionKind.PARENT)).content.decode()
    )

    assert "Ik voel me gehoord." in page and 'type="radio"' in page
    assert "read_aloud.js" not in page
    assert 'class="face"' not in page and "verdrietig" not in page


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


def test_the_round_form_lists_only_who_may_answer(world: World) -> None:
    mama = mother_of(world.trajectory)
    foster = fb.adult_of(world, "Els", RelationKind.FOSTER_PARENT)
    banned_father = fb.adult_of(world, "Dirk", RelationKind.FATHER)
    fb.ban(world, banned_father)
    grandma = network_world.ensure_member(world).person
    noor = child_of(world.trajectory)

    def listed(version: str) -> set[Person]:
        form = RoundForm(trajectory=world.trajectory, version_kind=version)
        return set(form.fields["respondent"].queryset)  # type: ignore[attr-defined]

    assert listed(VersionKind.PARENT) == {mama, foster}
    assert listed(VersionKind.CHILD) == {noor}
    fb.ban(world, noor, child=noor)  # a ban naming the child itself still counts
    assert listed(VersionKind.CHILD) == set()

    client = logged_in_client(world.worker)
    page = client.get(version_url(world, VersionKind.PARENT)).content.decode()
    assert "> An</label>" in page and "> Els</label>" in page
    assert "Dirk" not in page and "Maria" not in page and "contactverbod" not in page
    # A post naming someone left out is refused next to the field, in Dutch; nothing is saved.
    for refused in (banned_father, grandma):
        data = fb.round_data(world) | {"respondent": refused.pk}
        response = client.post(version_url(world, VersionKind.PARENT), data)
        assert response.status_code == 200
        assert response.context["form"].errors["respondent"] == [
            "Kies een ouder uit de lijst, of iemand die voor het kind zorgt."
        ]
        assert 'id="id_respondent_error"' in response.content.decode()
    assert not FeedbackRound.objects.exists()


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


def test_the_trend_charts_axis_says_what_10_means_for_feedback(world: World) -> None:
    _rounds(world, 2)

    page = logged_in_client(world.owner).get(url("overview", world)).content.decode()

    assert 'class="axis-title"' in page
    assert "Cijfer van 0 tot 10 (10 = heel goed)" in page
    assert "veilig genoeg" not in page


# The overview's queries whatever the number of rounds (pinned; see the test above).
QUERIES_OVERVIEW = 14

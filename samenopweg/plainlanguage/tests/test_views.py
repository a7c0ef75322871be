"""The live check for professionals, and the tip after a save."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.audit.models import AuditEvent
from samenopweg.cases.models import Draft
from samenopweg.cases.tests.test_views import form_data, journal_post, registration_data

pytestmark = pytest.mark.django_db

JARGON = "Er is sprake van verontrusting en een complexe problematiek."
URL = "/taalcheck/"


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _infos(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "info"]


# --- the endpoint ---------------------------------------------------------------------------


def test_the_url_is_taalcheck() -> None:
    assert reverse("plainlanguage:check") == URL


def test_it_shows_a_professional_the_jargon_and_the_alternative(world: World) -> None:
    response = logged_in(world.owner).post(URL, {"field": "reason", "reason": JARGON})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Moeilijk woord: <strong>verontrusting</strong> → zeg liever: we maken ons zorgen" in (
        content
    )
    assert "problematiek" in content
    assert "Leesbaarheid:" in content


@pytest.mark.parametrize("persona", ["worker", "team_lead", "worker_elsewhere"])
def test_every_professional_may_use_it(world: World, persona: str) -> None:
    user = world.personas()[persona]
    response = logged_in(user).post(URL, {"field": "text", "text": JARGON})
    assert response.status_code == 200


def test_it_reports_long_sentences_and_passives_in_dutch(world: World) -> None:
    text = (
        "De kinderen werden door de politie opgehaald. Omdat de school zich al een tijd "
        "zorgen maakt over hoe Lucas aankomt en hij vaak moe is, willen we samen met jullie "
        "bekijken wat er thuis nodig is."
    )
    content = logged_in(world.owner).post(URL, {"field": "goal", "goal": text}).content.decode()

    assert "Deze zin is lang (29 woorden)" in content
    assert "Lijdende vorm: “werden … opgehaald”" in content


def test_it_says_so_when_the_text_is_clear(world: World) -> None:
    response = logged_in(world.owner).post(
        URL, {"field": "text", "text": "Mama en papa maken ruzie. Lucas is dan bang."}
    )
    content = response.content.decode()
    assert "Geen moeilijke woorden" in content
    assert "heel makkelijk" in content


def test_an_empty_or_missing_field_gives_an_empty_answer(world: World) -> None:
    client = logged_in(world.owner)
    assert client.post(URL, {"field": "text", "text": ""}).content.strip() == b""
    assert client.post(URL, {"field": "reason"}).content.strip() == b""
    assert client.post(URL, {}).content.strip() == b""


def test_it_never_echoes_markup(world: World) -> None:
    text = "<script>alert(1)</script> <b>verontrusting</b> " + " ".join(["woord"] * 25) + "."
    content = logged_in(world.owner).post(URL, {"field": "text", "text": text}).content.decode()
    assert "<script>" not in content
    assert "<b>" not in content
    assert "Deze zin is lang" in content


def test_it_stores_nothing(world: World) -> None:
    client = logged_in(world.owner)
    before = (AuditEvent.objects.count(), Draft.objects.count())
    client.post(URL, {"field": "text", "text": JARGON})
    assert (AuditEvent.objects.count(), Draft.objects.count()) == before


def test_it_sends_an_anonymous_visitor_to_the_login(client: Client) -> None:
    response = client.post(URL, {"field": "text", "text": JARGON})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_after_a_time_out_htmx_gets_no_login_page_and_the_typed_form_is_kept(
    client: Client, world: World
) -> None:
    """The check must not replace what the form's own post after the time-out kept."""
    edit = reverse("cases:edit", args=[world.trajectory.reference])
    client.force_login(world.owner)
    client.get(edit)  # this browser now remembers who was logged in on it
    client.session.delete()  # the session timed out
    client.post(edit, {"reason": "Wat ik typte", "_autosave": "1"}, HTTP_HX_REQUEST="true")

    response = client.post(URL, {"field": "reason", "reason": JARGON}, HTTP_HX_REQUEST="true")

    assert response.status_code == 204
    assert [kept["path"] for kept in client.session["pending_forms"]] == [edit]


@pytest.mark.parametrize("persona", ["parent", "auditor"])
def test_it_refuses_family_and_auditors(world: World, persona: str) -> None:
    user = world.personas()[persona]
    response = logged_in(user).post(URL, {"field": "text", "text": JARGON})
    assert response.status_code == 403
    assert "zeg liever" not in response.content.decode()


def test_it_answers_only_posts(world: World) -> None:
    assert logged_in(world.owner).get(URL).status_code == 405


def test_it_needs_the_csrf_token(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.owner)
    assert client.post(URL, {"field": "text", "text": JARGON}).status_code == 403


# --- the forms ------------------------------------------------------------------------------


def test_the_registration_form_checks_reason_and_goal_live(world: World) -> None:
    content = logged_in(world.owner).get(reverse("case_people:register")).content.decode()

    for name in ("reason", "goal"):
        assert f'id="pl-id_{name}"' in content
        assert f'hx-target="#pl-id_{name}"' in content
        assert f'hx-params="{name},field"' in content
    assert 'hx-post="/taalcheck/"' in content
    # The form's autosave stays as it was.
    assert 'hx-trigger="input delay:3s"' in content


def test_the_edit_page_shows_the_report_of_the_saved_text_without_javascript(
    world: World,
) -> None:
    world.trajectory.reason = JARGON
    world.trajectory.save(update_fields=["reason"])

    response = logged_in(world.owner).get(reverse("cases:edit", args=[world.trajectory.reference]))

    content = response.content.decode()
    assert 'id="pl-id_reason"' in content
    assert "zeg liever: we maken ons zorgen" in content


def test_the_journal_form_checks_the_text_with_a_hint(world: World) -> None:
    response = logged_in(world.owner).get(
        reverse("journal:list", args=[world.trajectory.reference])
    )
    content = response.content.decode()
    assert 'id="pl-id_text"' in content
    assert "dit verslag mogen zien" in content


def test_saving_a_registration_with_jargon_adds_one_tip(world: World) -> None:
    response = logged_in(world.owner).post(
        reverse("case_people:register"), registration_data(world, reason=JARGON)
    )

    assert response.status_code == 302
    assert _infos(response) == [
        "Tip: 2 moeilijke woorden (verontrusting, problematiek) in "
        "‘Waarom zijn de diensten betrokken?’. Ouders lezen dit ook."
    ]


def test_saving_a_clear_registration_adds_no_tip(world: World) -> None:
    response = logged_in(world.owner).post(
        reverse("case_people:register"), registration_data(world)
    )
    assert response.status_code == 302
    assert _infos(response) == []


def test_saving_the_trajectory_with_jargon_adds_one_tip(world: World) -> None:
    client = logged_in(world.owner)
    url = reverse("cases:edit", args=[world.trajectory.reference])
    data = form_data(client.get(url), "reason")
    data["goal"] = "Het hulpverleningstraject stopt als de kinderen niet meer worden geslagen."

    response = client.post(url, data)

    assert response.status_code == 302
    assert _infos(response) == [
        "Tip: 1 moeilijk woord (hulpverleningstraject) en 1 keer de lijdende vorm in "
        "‘Waar werken we samen naartoe?’. Ouders lezen dit ook."
    ]
    follow = client.get(response["Location"])
    assert "Tip: 1 moeilijk woord (hulpverleningstraject)" in follow.content.decode()


def test_a_journal_entry_for_professionals_only_gets_no_tip(world: World) -> None:
    client = logged_in(world.owner)
    url = reverse("journal:list", args=[world.trajectory.reference])

    private = client.post(url, journal_post(text=JARGON, audience="0"))
    shared = client.post(url, journal_post(text=JARGON, audience="1"))

    assert _infos(private) == []
    assert len(_infos(shared)) == 1
    assert "verontrusting, problematiek" in _infos(shared)[0]

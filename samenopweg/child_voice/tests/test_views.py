"""The pages of the child's voice, as the professionals use them and as outsiders try them."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import World
from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.cases.tests.helpers import child_of, logged_in_client, reference_kwargs
from samenopweg.child_voice.models import ChildWords, Drawing, How, Part, VoiceSession, WordsLink
from samenopweg.child_voice.tests import voice_world as stem
from samenopweg.core.models import Audience
from samenopweg.people.models import ContactBan, Person

pytestmark = pytest.mark.django_db

PAGES = [
    ("overview", reference_kwargs),
    ("session_new", reference_kwargs),
    ("spokesperson_new", reference_kwargs),
    ("session", stem.session_kwargs),
    ("session_edit", stem.session_kwargs),
    ("session_withdraw", stem.session_kwargs),
    ("words_new", stem.session_kwargs),
    ("drawing_new", stem.session_kwargs),
    ("words_edit", stem.words_kwargs),
    ("words_withdraw", stem.words_kwargs),
    ("words_share", stem.words_kwargs),
    ("words_link", stem.words_kwargs),
    ("drawing_share", stem.drawing_kwargs),
    ("drawing_withdraw", stem.drawing_kwargs),
    ("spokesperson_withdraw", stem.spokesperson_kwargs),
]


def _url(name: str, kwargs: Any, world: World) -> str:
    return reverse(f"child_voice:{name}", kwargs=kwargs(world))


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_page_opens_for_the_case_professionals_and_is_404_for_outsiders(
    world: World, name: str, kwargs: Any
) -> None:
    url = _url(name, kwargs, world)
    for user in (world.owner, world.worker, world.team_lead):
        assert logged_in_client(user).get(url).status_code == 200, (name, user)
    for outsider in (world.worker_elsewhere, world.other_consultant, world.expired, world.auditor):
        assert logged_in_client(outsider).get(url).status_code == 404, (name, outsider)
    # The parent is on the case, but a child's words are not theirs to open here.
    assert logged_in_client(world.parent).get(url).status_code == 403


def test_the_link_remove_button_is_404_for_outsiders(world: World) -> None:
    url = _url("link_remove", stem.link_kwargs, world)
    assert logged_in_client(world.worker_elsewhere).post(url).status_code == 404
    assert logged_in_client(world.parent).post(url).status_code == 403
    assert WordsLink.objects.get(pk=stem.ensure_link(world).pk).withdrawn_at is None


def test_a_worker_records_a_session_and_the_childs_words(world: World) -> None:
    client = logged_in_client(world.worker)
    noor = child_of(world.trajectory)
    response = client.post(
        reverse("child_voice:session_new", kwargs=reference_kwargs(world)),
        stem.session_create_data(world),
    )
    session = VoiceSession.objects.get(trajectory=world.trajectory, child=noor, place="op school")
    assert response.status_code == 302 and response["Location"].endswith(f"/{session.pk}/")
    page = client.get(response["Location"]).content.decode()
    for part in ("Wie woont er in het huis", "Wie mag niet binnen", "Het veiligheidspad"):
        assert part in page
    words_url = reverse(
        "child_voice:words_new", kwargs={**reference_kwargs(world), "session_id": session.pk}
    )
    response = client.post(
        words_url,
        {"part": Part.PATH, "words": "ik sta bij de deur", "how": How.SAID, "path_position": "3"},
    )
    assert response.status_code == 302
    words = ChildWords.objects.get(session=session)
    assert (words.part, words.path_position, words.created_by) == (Part.PATH, 3, world.worker)
    page = client.get(
        reverse("child_voice:session", kwargs={**reference_kwargs(world), "session_id": session.pk})
    ).content.decode()
    assert "“ik sta bij de deur”" in page and "Plek op het pad: 3 van 10" in page
    assert "Alleen professionals" in page


def test_bad_input_keeps_what_was_typed_with_the_message_next_to_the_field(world: World) -> None:
    session = VoiceSession.objects.create(
        trajectory=world.trajectory,
        child=child_of(world.trajectory),
        tool="safety_house",
        created_by=world.worker,
    )
    url = reverse(
        "child_voice:words_new", kwargs={**reference_kwargs(world), "session_id": session.pk}
    )
    response = logged_in_client(world.worker).post(
        url, {"part": Part.PATH, "words": "ergens in het midden <script>", "how": How.SAID}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "ergens in het midden &lt;script&gt;" in html  # kept, escaped
    assert "Zeg waar het kind zich op het pad zet" in html
    assert not ChildWords.objects.filter(session=session).exists()


def test_two_people_editing_the_same_words_the_second_is_told(world: World) -> None:
    words = stem.ensure_words(world)
    url = _url("words_edit", stem.words_kwargs, world)
    stale = {"words": "mijn versie", "how": How.SAID, "version": words.version}
    first = logged_in_client(world.owner).post(url, {**stale, "words": "hun versie"})
    assert first.status_code == 302
    second = logged_in_client(world.worker).post(url, stale)
    assert second.status_code == 409
    assert "mijn versie" in second.content.decode()
    assert ChildWords.objects.get(pk=words.pk).words == "hun versie"


def test_sharing_asks_whether_the_child_agreed(world: World) -> None:
    words = stem.ensure_words(world)
    url = _url("words_share", stem.words_kwargs, world)
    client = logged_in_client(world.worker)
    refused = client.post(url, {"audience": Audience.PARENTS, "version": words.version})
    assert refused.status_code == 200
    assert "Deel dit alleen als het kind het goed vindt" in refused.content.decode()
    assert ChildWords.objects.get(pk=words.pk).audience == Audience.PROFESSIONALS
    saved = client.post(url, stem.share_data(world))
    assert saved.status_code == 302
    shared = ChildWords.objects.get(pk=words.pk)
    assert shared.audience == Audience.PARENTS and shared.consent_asked_by == world.worker
    page = client.get(_url("session", stem.session_kwargs, world)).content.decode()
    assert "Het kind vond delen goed" in page


def test_a_quote_linked_to_a_goal_shows_on_the_statements_page(world: World) -> None:
    stem.ensure_words(world)
    goal = ensure_goal(world)
    client = logged_in_client(world.worker)
    response = client.post(
        _url("words_link", stem.words_kwargs, world), {"target": f"goal:{goal.pk}"}
    )
    assert response.status_code == 302
    statements = reverse("assessments:statements", kwargs=reference_kwargs(world))
    html = logged_in_client(world.owner).get(statements).content.decode()
    assert "Wat Noor zegt" in html and stem.QUOTE in html
    assert "Nog niet besproken met de kinderen" not in html
    # A made-up or foreign target is refused next to the field.
    refused = client.post(_url("words_link", stem.words_kwargs, world), {"target": "goal:999999"})
    assert refused.status_code == 200 and "Kies" in refused.content.decode()


def test_the_session_page_shows_the_childs_contact_bans_at_who_may_not_come_in(
    world: World,
) -> None:
    noor = child_of(world.trajectory)
    papa = Person.objects.create(
        trajectory=world.trajectory, first_name="Tom", created_by=world.owner
    )
    ContactBan.objects.create(
        trajectory=world.trajectory,
        person=papa,
        child=noor,
        reason="vonnis",
        created_by=world.owner,
    )
    session = VoiceSession.objects.create(
        trajectory=world.trajectory, child=noor, tool="safety_house", created_by=world.worker
    )
    html = (
        logged_in_client(world.worker)
        .get(
            reverse(
                "child_voice:session", kwargs={**reference_kwargs(world), "session_id": session.pk}
            )
        )
        .content.decode()
    )
    assert "contactverbod voor:" in html and "Tom" in html


def test_a_drawing_is_uploaded_without_javascript_and_served_through_the_item_rule(
    world: World,
) -> None:
    client = logged_in_client(world.worker)
    url = _url("drawing_new", stem.session_kwargs, world)
    assert 'type="file"' in client.get(url).content.decode()
    assert "data-drawing-pad" in client.get(url + "?op=scherm").content.decode()
    response = client.post(url, stem.drawing_data(world))
    assert response.status_code == 302
    drawing = Drawing.objects.get(session=stem.ensure_session(world))
    picture = reverse(
        "cases:upload_file", kwargs={**reference_kwargs(world), "upload_id": drawing.upload_id}
    )
    assert client.get(picture).status_code == 200
    assert logged_in_client(world.parent).get(picture).status_code == 404
    assert logged_in_client(world.worker_elsewhere).get(picture).status_code == 404


def test_a_bad_file_is_refused_next_to_the_field_and_the_description_stays(world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = logged_in_client(world.worker).post(
        _url("drawing_new", stem.session_kwargs, world),
        {
            "picture": SimpleUploadedFile("x.png", b"%PDF-1.4 nope", content_type="image/png"),
            "description": "Een boom met een vogel",
            "made": "photo",
        },
    )
    assert response.status_code == 200
    assert "Een boom met een vogel" in response.content.decode()
    assert not Drawing.objects.exists()


def test_the_overview_lists_each_child_with_their_spokesperson(world: World) -> None:
    stem.ensure_session(world)
    stem.ensure_spokesperson(world)
    html = (
        logged_in_client(world.owner)
        .get(_url("overview", reference_kwargs, world))
        .content.decode()
    )
    assert "Noor" in html and "spreekt namens Noor" in html and "Drie huizen" in html
    assert 'aria-current="page">Wat de kinderen zeggen' in html


def test_the_overview_and_a_session_take_a_fixed_number_of_queries(
    world: World, django_assert_num_queries: Any
) -> None:
    client = logged_in_client(world.worker)
    stem.ensure_words(world)
    stem.ensure_drawing(world)
    stem.ensure_link(world)
    client.get(_url("session", stem.session_kwargs, world))  # warm the session
    with django_assert_num_queries(OVERVIEW_QUERIES):
        client.get(_url("overview", reference_kwargs, world))
    with django_assert_num_queries(SESSION_QUERIES):
        client.get(_url("session", stem.session_kwargs, world))
    session = stem.ensure_session(world)
    for n in range(5):
        ChildWords.objects.create(
            trajectory=world.trajectory,
            session=session,
            part=Part.DREAMS,
            words=f"droom {n}",
            created_by=world.worker,
        )
        VoiceSession.objects.create(
            trajectory=world.trajectory,
            child=session.child,
            tool="fairy_wizard",
            created_by=world.worker,
        )
    with django_assert_num_queries(OVERVIEW_QUERIES):
        client.get(_url("overview", reference_kwargs, world))
    with django_assert_num_queries(SESSION_QUERIES):
        client.get(_url("session", stem.session_kwargs, world))


OVERVIEW_QUERIES = 11
SESSION_QUERIES = 16

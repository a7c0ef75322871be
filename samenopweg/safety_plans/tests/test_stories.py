"""Words and Pictures: pages of text and a picture, versions, an A5 booklet, the language check."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import World
from samenopweg.cases.models import Upload
from samenopweg.cases.tests.helpers import logged_in_client, trajectory_url
from samenopweg.safety_plans.models import Story, StoryPage, StoryVersion
from samenopweg.safety_plans.tests import plan_world as hoe


def _url(name: str, world: World, **kwargs: Any) -> str:
    return trajectory_url(f"safety_plans:{name}", world, **kwargs)


def test_the_worker_writes_a_story_with_a_drawing(world: World) -> None:
    client = logged_in_client(world.worker)
    response = client.post(
        _url("story_create", world) + "?soort=plan", hoe.story_create_data(world)
    )
    assert response.status_code == 302
    story = Story.objects.get()
    assert story.kind == "plan"
    response = client.post(_url("page_add", world, story_id=story.pk), hoe.page_add_data(world))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StoryPage.objects.get(story=story)
    assert page.picture is not None and page.picture.content_type == "image/jpeg"
    html = client.get(_url("story", world, story_id=story.pk)).content.decode()
    assert "Oma haalt je op woensdag op." in html
    assert 'alt="Oma met een fiets"' in html
    assert reverse("cases:upload_file", args=[world.trajectory.reference, page.picture_id]) in html


def test_a_picture_needs_its_words_and_a_bad_file_keeps_the_text(world: World) -> None:
    story = hoe.ensure_story(world)
    client = logged_in_client(world.worker)
    response = client.post(
        _url("page_add", world, story_id=story.pk),
        {**hoe.page_add_data(world), "picture_alt": ""},
    )
    assert response.status_code == 200
    assert "wat er op de tekening of foto staat" in response.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    svg = SimpleUploadedFile("tekening.png", b"<svg><script>alert(1)</script></svg>")
    response = client.post(
        _url("page_add", world, story_id=story.pk),
        {"text": "Deze tekst blijft staan.", "picture": svg, "picture_alt": "iets"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "geen foto of tekening" in page
    assert "Deze tekst blijft staan." in page
    assert StoryPage.objects.filter(story=story).count() == 1


def test_a_kept_version_stays_as_it_was(world: World) -> None:
    story = hoe.ensure_story(world)
    client = logged_in_client(world.worker)
    client.post(_url("story_keep", world, story_id=story.pk))
    assert StoryVersion.objects.filter(story=story).count() == 2
    page = story.pages.get()
    client.post(_url("page_edit", world, page_id=page.pk), hoe.page_edit_data(world))
    page.refresh_from_db()
    assert page.text == "Mama en papa praten nu rustig."
    kept = client.get(_url("story_version", world, story_id=story.pk, number=2)).content.decode()
    assert "Mama en papa maakten soms ruzie." in kept
    assert "praten nu rustig" not in kept


def test_a_replaced_picture_stays_in_the_file(world: World) -> None:
    story = hoe.ensure_story(world)
    page = story.pages.get()
    old = page.picture_id
    response = logged_in_client(world.worker).post(
        _url("page_edit", world, page_id=page.pk),
        {**hoe.page_edit_data(world), "picture": hoe.picture_file("nieuw.png")},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.picture_id != old
    assert Upload.objects.filter(pk=old).exists()


def test_the_booklet_is_an_a5_pdf_with_the_pictures(world: World) -> None:
    story = hoe.ensure_story(world)
    response = logged_in_client(world.owner).get(_url("story_booklet", world, story_id=story.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF")
    assert b"/Image" in body or b"/XObject" in body
    from samenopweg.core.pdf import pdf_document

    document = pdf_document(
        "<section class='page'><p>x</p></section>",
        base_url="http://testserver/",
        stylesheet="css/booklet.css",
    )
    width, height = document.pages[0].width, document.pages[0].height
    assert round(width * 25.4 / 96) == 148 and round(height * 25.4 / 96) == 210  # A5 in mm


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("stories", lambda w: {}),
        ("story", lambda w: {"story_id": hoe.ensure_story(w).pk}),
        ("story_booklet", lambda w: {"story_id": hoe.ensure_story(w).pk}),
        ("story_version", lambda w: {"story_id": hoe.ensure_story(w).pk, "number": 1}),
    ],
)
def test_outsiders_get_404_on_every_story_page(world: World, name: str, kwargs: Any) -> None:
    url = _url(name, world, **kwargs(world))
    for outsider in (
        world.worker_elsewhere,
        world.parent_elsewhere,
        world.other_consultant,
        world.expired,
    ):
        assert logged_in_client(outsider).get(url).status_code == 404
    assert logged_in_client(world.worker).get(url).status_code == 200

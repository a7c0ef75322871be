"""The stories and the children's words on the family's pages, and the young person's own page
(issue 14, points 2 and 4; issue 13, point 5)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import World, grant_network_and_young_person
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.child_voice.tests import voice_world as stem
from samenopweg.core.models import Audience
from samenopweg.people.models import ChildSupport, Person, SupportRole
from samenopweg.safety_plans.models import Story
from samenopweg.safety_plans.tests import plan_world as hoe

pytestmark = pytest.mark.django_db


def _page(world: World, user: Any) -> str:
    response = logged_in_client(user).get(
        reverse("portal:trajectory", args=[world.trajectory.reference])
    )
    assert response.status_code == 200
    return response.content.decode()


def test_the_parent_reads_the_shared_story_on_her_phone_and_as_a_booklet(world: World) -> None:
    story = hoe.ensure_story(world)
    page = _page(world, world.parent)
    url = reverse("portal:story", args=[world.trajectory.reference, story.pk])
    assert url in page and story.title in page

    client = logged_in_client(world.parent)
    reader = client.get(url).content.decode()
    assert "Mama en papa maakten soms ruzie." in reader
    assert 'alt="Een huis met een wolk erboven"' in reader
    booklet = client.get(
        reverse("portal:story_booklet", args=[world.trajectory.reference, story.pk])
    )
    assert booklet.status_code == 200 and booklet["Content-Type"] == "application/pdf"
    assert booklet.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, actor=world.parent, object_type="safety_plans.story"
    ).exists()


def test_a_story_for_professionals_only_is_not_there(world: World) -> None:
    story = hoe.ensure_story(world)
    Story.objects.filter(pk=story.pk).update(audience=Audience.PROFESSIONALS)
    assert story.title not in _page(world, world.parent)
    client = logged_in_client(world.parent)
    assert (
        client.get(reverse("portal:story", args=[world.trajectory.reference, story.pk])).status_code
        == 404
    )
    booklet = reverse("portal:story_booklet", args=[world.trajectory.reference, story.pk])
    assert client.get(booklet).status_code == 404
    # The parent of another family, and a professional (who reads it on the story page).
    other = logged_in_client(world.parent_elsewhere)
    assert other.get(booklet).status_code == 404
    owner = logged_in_client(world.owner)
    assert (
        owner.get(reverse("portal:story", args=[world.trajectory.reference, story.pk])).status_code
        == 403
    )


def test_the_family_reads_what_the_child_agreed_to_share_never_the_professionals_note(
    world: World,
) -> None:
    stem.ensure_words(world)  # professionals only
    shared = stem.ensure_shared_words(world)
    page = _page(world, world.parent)
    assert shared.words in page
    assert stem.QUOTE not in page
    assert "Ze keek naar de grond." not in page


def test_the_young_person_gets_a_page_of_their_own(world: World) -> None:
    grant_network_and_young_person(world)
    noor = Person.objects.get(trajectory=world.trajectory, is_child=True)
    grandma = Person.objects.get(trajectory=world.trajectory, first_name="Maria")
    ChildSupport.objects.create(
        trajectory=world.trajectory,
        child=noor,
        adult=grandma,
        role=SupportRole.TRUSTED_PERSON,
        audience=Audience.CHILD,
        created_by=world.worker,
    )
    story = hoe.ensure_story(world)  # shared with the child

    page = _page(world, world.young_person)

    assert "portal-young" in page
    assert "Bij wie kan je terecht?" in page and "Maria" in page
    assert story.title in page
    assert "Awel" in page
    # Nothing written for adults only: why the services are involved is the parents'.
    assert world.trajectory.reason not in page
    assert "Wat jij doet" not in page


def test_the_young_persons_page_speaks_plain_dutch(world: World) -> None:
    import re
    from html import unescape

    from django.core.cache import cache

    from samenopweg.plainlanguage.checker import MAX_SENTENCE_WORDS, check
    from samenopweg.plainlanguage.terms import CACHE_KEY

    grant_network_and_young_person(world)
    hoe.ensure_story(world)
    cache.delete(CACHE_KEY)
    page = _page(world, world.young_person)
    main = page[page.index("<main") : page.index("</main>")]
    main = re.sub(r'<p class="(pre|sentence)">.*?</p>', " ", main, flags=re.S)
    # The stories' titles are the family's own data (the test world's names "de consulent").
    main = re.sub(r'<a href="[^"]*/verhalen/\d+/">.*?</a>', " ", main, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", "\n", main))
    report = check(text)
    assert [hit.found for hit in report.jargon] == []
    assert all(s.words <= MAX_SENTENCE_WORDS for s in report.long_sentences)


def _due_now(world: World) -> None:
    """Registered long enough ago that the first round is due (six weeks after registration)."""
    import datetime

    from django.utils import timezone

    from samenopweg.cases.models import Trajectory

    Trajectory.objects.filter(pk=world.trajectory.pk).update(
        registered_on=timezone.localdate() - datetime.timedelta(weeks=7)
    )


def test_the_parent_answers_the_due_round_herself_and_a_low_score_raises_the_signal(
    world: World,
) -> None:
    from samenopweg.feedback.models import FeedbackRound, FeedbackSignal, How, VersionKind

    _due_now(world)
    page = _page(world, world.parent)
    url = reverse("portal:feedback", args=[world.trajectory.reference])
    assert url in page
    client = logged_in_client(world.parent)
    form = client.get(url).content.decode()
    assert "Wie antwoordt?" not in form and "Ik voel me gehoord." in form

    refused = client.post(url, {"score_1": "7"})  # three lines left empty
    assert refused.status_code == 200
    assert 'value="7" checked' in refused.content.decode() or "checked" in refused.content.decode()
    assert not FeedbackRound.objects.exists()

    scores = {"score_1": "7", "score_2": "6", "score_3": "7", "score_4": "3"}
    assert client.post(url, {**scores, "open_answer": "Bel eens terug."}).status_code == 302
    made = FeedbackRound.objects.get()
    assert made.version_kind == VersionKind.PARENT and made.how == How.BY_THEMSELF
    assert made.respondent is not None and made.respondent.first_name == "An"
    assert made.audience == Audience.PARENTS
    assert FeedbackSignal.objects.filter(round=made, closed_at__isnull=True).exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="feedback.feedbackround", actor=world.parent
    ).exists()
    # And a line in the journal for the professionals, by her, in the same write.
    from samenopweg.journal.models import ContactKind, JournalEntry

    line = JournalEntry.objects.filter(
        trajectory=world.trajectory, kind=ContactKind.PORTAL, created_by=world.parent
    ).latest("id")
    assert line.text.endswith("beantwoordde de vragen over hoe het gaat met de hulp.")
    assert line.audience == Audience.PROFESSIONALS


def test_the_young_persons_answers_are_for_the_professionals_only(world: World) -> None:
    from samenopweg.feedback.models import FeedbackRound, VersionKind

    grant_network_and_young_person(world)
    _due_now(world)
    url = reverse("portal:feedback", args=[world.trajectory.reference])
    assert url in _page(world, world.young_person)
    client = logged_in_client(world.young_person)
    assert "Lees voor" in client.get(url).content.decode()
    scores = {"score_1": "9", "score_2": "8", "score_3": "9", "score_4": "9"}
    assert client.post(url, scores).status_code == 302
    made = FeedbackRound.objects.get()
    assert made.version_kind == VersionKind.CHILD
    assert made.audience == Audience.PROFESSIONALS
    # The network has no round of its own; professionals enter theirs on the feedback tab.
    assert logged_in_client(world.network_member).get(url).status_code == 403
    assert logged_in_client(world.owner).get(url).status_code == 403
    assert logged_in_client(world.parent_elsewhere).get(url).status_code == 404

"""The family's PDFs are in the language of the family member who reads them (User.language),
like their pages and their mails: the network member's handout, whether she downloads it herself
or a professional prints it for her, and the story booklet a parent downloads.

No PDF text extractor is installed (pypdf, pdfminer), so each test keeps the HTML handed to
WeasyPrint (`core.pdf.render_pdf`, wrapped) and reads the text of its laid-out pages (WeasyPrint's
text boxes). The French strings are looked up in the catalog (and must differ from the Dutch):
locale/fr covers the family's pages and these two PDFs, not the professionals' pages.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from conftest import World, grant_network_and_young_person
from samenopweg.accounts.models import Language, User
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.core import pdf
from samenopweg.people.models import NetworkMember
from samenopweg.people.tests import network_world as netwerk
from samenopweg.safety_plans.models import Story
from samenopweg.safety_plans.tests import plan_world as hoe

pytestmark = pytest.mark.django_db

# Page words of the handout (the template's and whom to call, safety_plans.handout), in Dutch.
HANDOUT_WORDS = ["Wie bel je?", "Jouw deel", "Is het gevaarlijk? Bel 112."]
CONTACT_WORDS = "regelt de hulp voor het gezin"  # written in Python (handout.who_to_call)


@pytest.fixture(autouse=True)
def _reset_language() -> Any:
    # A request activates the user's language for the thread; do not leak it into other tests.
    yield
    translation.deactivate()


def _speaks(user: User, language: str) -> None:
    User.objects.filter(pk=user.pk).update(language=language)
    user.refresh_from_db()


def _french(text: str) -> str:
    with translation.override("fr"):
        found = gettext(text)
    assert found != text, f"not in locale/fr: {text!r}"
    return found


def _pdf_text(html: str, stylesheet: str) -> str:
    """The text of the laid-out PDF pages, in reading order, spaces made plain."""
    from weasyprint.formatting_structure import boxes

    def texts(box: Any) -> Any:
        if isinstance(box, boxes.TextBox):
            yield box.text
        for child in getattr(box, "children", []):
            yield from texts(child)

    document = pdf.pdf_document(html, base_url="http://testserver/", stylesheet=stylesheet)
    text = " ".join(t for page in document.pages for t in texts(page._page_box))
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def _download(user: User, url: str, printed: list[str]) -> str:
    """The one PDF `user` gets at `url`, as the HTML it was made from."""
    before = len(printed)
    response = logged_in_client(user).get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(printed) == before + 1
    return printed[-1]


def _assert_handout_in_french(html: str) -> None:
    assert 'lang="fr"' in html
    text = _pdf_text(html, "css/handout.css")
    for words in HANDOUT_WORDS:
        assert _plain(_french(words)) in text
        assert words not in text
    assert _plain(_french(CONTACT_WORDS)) in text  # whom to call, too
    assert CONTACT_WORDS not in text
    assert _plain(_french("Voor %(name)s: het veiligheidsplan") % {"name": "Maria"}) in text


def _assert_handout_in_dutch(html: str) -> None:
    assert 'lang="nl-be"' in html
    text = _pdf_text(html, "css/handout.css")
    for words in [*HANDOUT_WORDS, CONTACT_WORDS, "Voor Maria: het veiligheidsplan"]:
        assert words in text


def _handout_world(world: World) -> NetworkMember:
    """Oma Maria in the network with her own account (world.network_member), a running plan."""
    grant_network_and_young_person(world)
    hoe.ensure_rule(world)
    return netwerk.ensure_member(world)


def _professional_print_url(world: World, member: NetworkMember) -> str:
    return reverse("safety_plans:network_handout", args=[world.trajectory.reference, member.pk])


# --- the network member's handout -----------------------------------------------------------


def test_a_french_speaking_network_member_downloads_her_handout_in_french(
    world: World, printed: list[str]
) -> None:
    _handout_world(world)
    _speaks(world.network_member, Language.FRENCH)

    html = _download(
        world.network_member,
        reverse("portal:plan_handout", args=[world.trajectory.reference]),
        printed,
    )

    _assert_handout_in_french(html)


def test_the_professional_prints_the_handout_in_the_members_language_not_her_own(
    world: World, printed: list[str]
) -> None:
    """The member reads it: a Dutch-speaking consultant printing it for oma Maria, who chose
    French for her account, hands her a French handout."""
    member = _handout_world(world)
    _speaks(world.network_member, Language.FRENCH)
    assert world.owner.language == Language.DUTCH

    html = _download(world.owner, _professional_print_url(world, member), printed)

    _assert_handout_in_french(html)
    # The consultant's own pages stay in Dutch after printing it.
    page = logged_in_client(world.owner).get(
        reverse("people:network", args=[world.trajectory.reference])
    )
    assert '<html lang="nl' in page.content.decode()


def test_a_member_who_reads_dutch_gets_it_in_dutch_from_an_english_speaking_professional(
    world: World, printed: list[str]
) -> None:
    member = _handout_world(world)
    _speaks(world.owner, Language.ENGLISH)
    assert world.network_member.language == Language.DUTCH

    html = _download(world.owner, _professional_print_url(world, member), printed)

    _assert_handout_in_dutch(html)


def test_a_member_without_an_account_gets_it_in_the_professionals_language(
    world: World, printed: list[str]
) -> None:
    """Nothing says which language she reads (no account on this trajectory): the language of
    whoever prints it, as before."""
    hoe.ensure_rule(world)
    member = netwerk.ensure_member(world)  # no grant: no account of hers on this trajectory
    _speaks(world.network_member, Language.FRENCH)  # someone else's account, not hers

    html = _download(world.owner, _professional_print_url(world, member), printed)

    _assert_handout_in_dutch(html)


def test_an_ended_account_no_longer_decides_the_language(world: World, printed: list[str]) -> None:
    import datetime

    from django.utils import timezone

    from samenopweg.cases.models import CaseGrant

    member = _handout_world(world)
    _speaks(world.network_member, Language.FRENCH)
    past = timezone.now() - datetime.timedelta(days=30)
    CaseGrant.objects.filter(trajectory=world.trajectory, user=world.network_member).update(
        valid_from=past, valid_until=past + datetime.timedelta(days=10)
    )

    html = _download(world.owner, _professional_print_url(world, member), printed)

    _assert_handout_in_dutch(html)


# --- the story booklet ------------------------------------------------------------------------


def test_a_french_speaking_parents_booklet_is_in_french(world: World, printed: list[str]) -> None:
    story = hoe.ensure_story(world)
    Story.objects.filter(pk=story.pk).update(written_with="mama")
    _speaks(world.parent, Language.FRENCH)

    html = _download(
        world.parent,
        reverse("portal:story_booklet", args=[world.trajectory.reference, story.pk]),
        printed,
    )

    assert 'lang="fr"' in html
    text = _pdf_text(html, "css/booklet.css")
    assert _plain(_french("samen geschreven met %(who)s") % {"who": "mama"}) in text
    assert "samen geschreven met" not in text
    # What the professionals wrote stays as they wrote it.
    assert "Mama en papa maakten soms ruzie." in text

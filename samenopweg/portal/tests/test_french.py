"""The family's pages in French (the third language, for the family only): a parent and the young
person who chose French read their pages, forms and error messages without Dutch UI text.

What the professionals typed (the worries, the rules, names, the journal) stays as they wrote
it: it is cut out before the page's own words are compared. After changing a family page's
text, run `makemessages -l fr` and translate the new entries: these tests fail until then."""

from __future__ import annotations

import datetime
import re
from functools import cache
from html import unescape
from pathlib import Path
from typing import Any

import polib
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from conftest import World, grant_network_and_young_person
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.cases.models import Trajectory
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.people.models import NetworkMember
from samenopweg.people.tests import network_world as netwerk
from samenopweg.portal.tests import portal_world
from samenopweg.safety_plans.handout import handout_for
from samenopweg.safety_plans.tests import plan_world as hoe

pytestmark = pytest.mark.django_db

FR_PO = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"

# Blocks holding what the professionals typed, not the page's own words.
DATA_BLOCKS = [
    r'<p class="(?:pre|sentence)[^"]*">.*?</p>',
    r'<span class="pre">.*?</span>',
    r"<blockquote.*?</blockquote>",
    r'<span class="sr-only">: .*?</span>',  # a link's label, completed with the item's text
    r"<dd>.*?</dd>",
    r'<p class="rule-what">.*?</p>',
    r'<div class="card check-in-rule">.*?</div>',
    r"<textarea.*?</textarea>",
    r"<script.*?</script>",
    r"<style.*?</style>",
    r"<title>.*?</title>",  # the story's or the rule's title; the heading is checked instead
]
READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|alt|title|placeholder)="([^"]*)"')


@pytest.fixture(autouse=True)
def _reset_language() -> Any:
    # A request activates the user's language for the thread; do not leak it into other tests.
    yield
    translation.deactivate()


def _in_french(*users: Any) -> None:
    for user in users:
        type(user).objects.filter(pk=user.pk).update(language="fr")
        user.refresh_from_db()


def _get(user: Any, url: str) -> str:
    response = logged_in_client(user).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _post(user: Any, url: str, data: dict[str, Any]) -> str:
    response = logged_in_client(user).post(url, data)
    assert response.status_code == 200, url  # refused: the form comes back with its errors
    return response.content.decode()


def _words(page: str) -> str:
    """The page's own words as a reader meets them: the text and the read-out attributes
    (aria-label, alt, title), without the blocks the professionals wrote."""
    for block in DATA_BLOCKS:
        page = re.sub(block, " ", page, flags=re.S)
    spoken = " \n ".join(READ_ATTRIBUTES.findall(page))
    text = re.sub(r"<[^>]+>", "\n", page)
    return unescape(re.sub(r"[ \t]+", " ", f"{text}\n{spoken}"))


@cache
def _dutch_ui_sentences() -> tuple[str, ...]:
    """Every UI text of the catalog of three words or more (placeholders cut at), as Dutch
    shows it: none of them may show on a French family page."""
    found: set[str] = set()
    for entry in polib.pofile(str(FR_PO)):
        if entry.obsolete:
            continue
        for source in filter(None, [entry.msgid, entry.msgid_plural]):
            for piece in re.split(r"%\(\w+\)[sd]", source):
                piece = piece.strip(" :,.")
                translated = entry.msgstr or " ".join(entry.msgstr_plural.values())
                if len(piece.split()) >= 3 and piece not in translated:
                    found.add(piece)
    return tuple(sorted(found))


def _assert_french(page: str, *, dutch: list[str], french: list[str]) -> None:
    assert '<html lang="fr"' in page
    words = _words(page)
    assert [d for d in dutch if d in words] == []
    assert [f for f in french if f not in words] == []
    assert [d for d in _dutch_ui_sentences() if d in words] == []


def _shared(world: World) -> Any:
    """A worry with its goal and a bottom line, shared with the parents; a running plan."""
    wat.ensure_bottom_line(world)
    goal = portal_world.ensure_shared_goal(world)
    hoe.ensure_rule(world)
    return goal


def _due_now(world: World) -> None:
    Trajectory.objects.filter(pk=world.trajectory.pk).update(
        registered_on=timezone.localdate() - datetime.timedelta(weeks=7)
    )


def test_the_parents_page_is_in_french(world: World) -> None:
    _shared(world)
    _due_now(world)
    _in_french(world.parent)

    page = _get(world.parent, reverse("portal:trajectory", args=[world.trajectory.reference]))

    _assert_french(
        page,
        dutch=[
            "Wie bel je?",
            "Wat komt er nu?",
            "Wat jij doet",
            "Waar we ons zorgen over maken",
            "Onze zorgen en doelen",
            "Wat er moet veranderen",
            "Wat zeker moet veranderen",
            "Het veiligheidsplan",
            "Waarom zijn we bij jullie?",
            "Zeg hoe het gaat",
            "Je rechten",
            "Is het gevaarlijk? Bel 112.",
            "Afmelden",
            "Naar de inhoud",
        ],
        french=[
            "Qui appeler ?",
            "Et maintenant ?",
            "Ce que tu fais",
            "Ce qui nous inquiète",
            "Nos inquiétudes et nos objectifs",
            "Ce qui doit changer",
            "Ce qui doit changer à tout prix",
            "Le plan de sécurité",
            "Pourquoi sommes-nous chez vous ?",
            "Dis comment ça va",
            "Tes droits",
            "C'est dangereux ? Appelle le 112.",
            "Se déconnecter",
            "Les parents et le réseau vont",
        ],
    )


def test_the_parents_own_view_form_and_its_errors_are_in_french(world: World) -> None:
    goal = _shared(world)
    _in_french(world.parent)
    url = reverse("portal:own_view", args=[world.trajectory.reference, "doel", goal.pk])

    form = _get(world.parent, url)
    refused = _post(world.parent, url, {"view": "disagree", "text": "  "})

    dutch = ["Wat vind jij?", "Versturen", "Annuleren", "Zeg het in je eigen woorden"]
    _assert_french(
        form,
        dutch=[*dutch, "Ik ben akkoord", "Ik zie het anders"],
        french=["Qu'en penses-tu ?", "Envoyer", "Annuler", "Dis-le avec tes mots"],
    )
    _assert_french(
        refused,
        dutch=[*dutch, "Er is een probleem", "Schrijf kort wat je denkt."],
        french=["Il y a un problème", "Écris en quelques mots ce que tu penses."],
    )


def test_the_parents_feedback_form_and_djangos_own_errors_are_in_french(world: World) -> None:
    _due_now(world)
    _in_french(world.parent)
    url = reverse("portal:feedback", args=[world.trajectory.reference])

    form = _get(world.parent, url)
    refused = _post(world.parent, url, {"score_1": "7"})

    dutch = ["Hoe gaat het met de hulp?", "Versturen", "Ik voel me gehoord.", "Terug"]
    _assert_french(
        form,
        dutch=dutch,
        french=["Comment se passe l'aide ?", "Envoyer", "On m'écoute.", "Retour"],
    )
    _assert_french(
        refused,
        dutch=[*dutch, "Dit veld is verplicht."],
        french=["Il y a un problème", "Ce champ est obligatoire."],
    )


def test_the_young_persons_page_and_feedback_are_in_french(world: World) -> None:
    grant_network_and_young_person(world)
    _shared(world)
    _due_now(world)
    _in_french(world.young_person)
    reference = world.trajectory.reference

    page = _get(world.young_person, reverse("portal:trajectory", args=[reference]))
    form = _get(world.young_person, reverse("portal:feedback", args=[reference]))

    _assert_french(
        page,
        dutch=[
            "Wie bel je?",
            "Hoe gaat het met de hulp?",
            "Zeg het met de gezichtjes",
            "Hier zie je wat we met jou delen.",
            "Is het gevaarlijk? Bel 112.",
        ],
        french=[
            "Qui appeler ?",
            "Comment se passe l'aide ?",
            "Dis-le avec les petits visages",
            "Ici, tu vois ce que nous partageons avec toi.",
            "C'est dangereux ? Appelle le 112.",
        ],
    )
    _assert_french(
        form,
        dutch=["Luisteren ze naar mij?", "Versturen", "verdrietig", "Lees voor"],
        french=["Est-ce qu'on m'écoute ?", "Envoyer", "triste", "content", "Lire à voix haute"],
    )


def test_saying_how_a_rule_went_is_in_french(world: World) -> None:
    _shared(world)
    _in_french(world.parent)
    rule = hoe.ensure_rule(world)
    url = reverse("portal:rule_check_in", args=[world.trajectory.reference, rule.pk])

    form = _get(world.parent, url)

    _assert_french(
        form,
        dutch=["Het ging goed", "Het ging niet goed", "Welke dag was het?", "Terug naar het plan"],
        french=["Ça s'est bien passé", "Ça ne s'est pas bien passé", "C'était quel jour ?"],
    )


def test_the_network_members_handout_is_in_french(world: World) -> None:
    grant_network_and_young_person(world)
    _shared(world)
    _in_french(world.network_member)
    grandma = netwerk.ensure_member(world).person
    access = get_trajectory_for_user(world.network_member, world.trajectory.reference)
    member = NetworkMember.objects.get(person=grandma)

    with translation.override("fr"):
        html = render_to_string(
            "safety_plans/handout_pdf.html",
            {"handout": handout_for(access, member), "t": world.trajectory, "LANGUAGE_CODE": "fr"},
        )

    _assert_french(
        html,
        dutch=["Jouw deel", "Wat iedereen afspreekt", "Wie bel je?", "Als het niet lukt"],
        french=["Ta part", "Ce que chacun a promis", "Qui appeler ?", "Si ça ne marche pas"],
    )


def test_the_login_page_speaks_french_to_a_french_browser(client: Any) -> None:
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    _assert_french(
        page,
        dutch=["Aanmelden", "Naar de inhoud"],
        french=["Se connecter", "Aller au contenu"],
    )


def test_what_we_write_to_the_youth_judge_is_in_french(world: World) -> None:
    from samenopweg.reports.tests import report_world as verslag

    verslag.ensure_share(world)
    _in_french(world.parent)
    url = reverse("portal:report", args=[world.trajectory.reference])

    page = _get(world.parent, url)
    refused = _post(world.parent, url, {"text": " "})

    _assert_french(
        page,
        dutch=["Wat we aan de rechter schrijven", "Onze tekst", "Versturen"],
        french=["Ce que nous écrivons au juge", "Notre texte", "Envoyer"],
    )
    _assert_french(refused, dutch=["Dit veld is verplicht"], french=[])


def test_the_family_summary_is_in_french(world: World) -> None:
    _shared(world)
    _in_french(world.parent)

    page = _get(world.parent, reverse("portal:summary", args=[world.trajectory.reference]))

    _assert_french(
        page,
        dutch=["Samenvatting", "Waar we ons zorgen over maakten", "Het plan nu", "Wie doet het"],
        french=[
            "Résumé",
            "Ce qui nous inquiétait",
            "Ce qui a changé",
            "Le plan maintenant",
            "Qui fait partie du réseau",
            "Le résumé à imprimer (PDF)",
        ],
    )

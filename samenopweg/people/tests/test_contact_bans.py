"""A contact ban is never buried (issue 12, point 4): at the top of the network page, marked in
the genogram and the ecomap and their words, and next to the name in the pickers. Professionals
only, always."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, grant_network_and_young_person
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.models import CaseRole
from samenopweg.cases.tests.helpers import logged_in_client, mother_of, trajectory_url
from samenopweg.people import selectors
from samenopweg.people.diagrams import ecomap_svg, ecomap_text, genogram_svg, genogram_text
from samenopweg.people.models import ContactBan, NetworkMember, Person, Relation, RelationKind
from samenopweg.people.tests import network_world as netwerk

ALL = "contactverbod met alle kinderen"


def _ban_on_uncle(world: World, *, child: Person | None = None) -> ContactBan:
    """Nonkel Marc, family on the genogram, who may not come near the child(ren)."""
    marc = Person.objects.create(
        trajectory=world.trajectory, first_name="Marc", last_name="Peeters"
    )
    Relation.objects.create(
        trajectory=world.trajectory,
        person=marc,
        child=netwerk.child(world),
        kind=RelationKind.OTHER_FAMILY,
    )
    return ContactBan.objects.create(
        trajectory=world.trajectory,
        person=marc,
        child=child,
        reason="ALLEEN-PROF: dreigde het kind.",
        created_by=world.owner,
    )


def _professional(world: World) -> CaseAccess:
    return CaseAccess(world.trajectory, CaseRole.CONSULENT)


# --- the network page ----------------------------------------------------------------------


def test_the_network_page_opens_with_who_may_not_come_near_whom(world: World) -> None:
    netwerk.ensure_member(world)
    for_all = netwerk.ensure_ban(world)
    for_noor = _ban_on_uncle(world, child=netwerk.child(world))
    page = logged_in_client(world.worker).get(trajectory_url("people:network", world))
    html = page.content.decode()
    box = html.index('id="contactverboden"')
    assert box < html.index("Informeel netwerk") < html.index('id="niet-toegelaten"')
    summary = html[box : html.index("</section>", box)]
    assert "<strong>Marc Peeters</strong> mag niet in de buurt van Noor" in summary
    assert "<strong>Vreemde Man</strong> mag niet in de buurt van de kinderen" in summary
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert summary.count(f"genoteerd op {today}") == 2
    # Each line links to the full entry lower down, which has that id.
    for ban in (for_all, for_noor):
        assert f'href="#verbod-{ban.pk}"' in summary
        assert html.count(f'id="verbod-{ban.pk}"') == 1
    assert "ALLEEN-PROF" not in summary  # the reason stays with the full entry


def test_a_lifted_ban_leaves_the_box_and_no_ban_no_box(world: World) -> None:
    ban = netwerk.ensure_ban(world)
    ContactBan.objects.filter(pk=ban.pk).update(withdrawn_at=timezone.now())
    html = logged_in_client(world.owner).get(trajectory_url("people:network", world))
    assert 'id="contactverboden"' not in html.content.decode()


# --- the genogram and the ecomap -----------------------------------------------------------


def test_the_genogram_marks_a_banned_relative_and_says_so_in_words(world: World) -> None:
    _ban_on_uncle(world, child=netwerk.child(world))
    persons = list(Person.objects.filter(trajectory=world.trajectory))
    relations = list(Relation.objects.filter(trajectory=world.trajectory))
    bans = selectors.contact_ban_notes(_professional(world))
    svg = str(genogram_svg(persons, relations, title="Genogram", bans=bans))
    assert svg.count('class="ban-mark"') == 1
    assert "⚠ contactverbod</text>" in svg
    assert "rode streepjes: contactverbod" in svg  # the legend explains the mark
    words = genogram_text(persons, relations, bans)
    assert any(
        line.startswith("Marc Peeters") and "⚠ contactverbod met Noor" in line for line in words
    )
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg)
    assert desc is not None and "contactverbod met Noor" in desc.group(1)
    # Without a ban the drawing has no mark and no legend line for it.
    plain = str(genogram_svg(persons, relations, title="Genogram"))
    assert "ban-mark" not in plain and "contactverbod" not in plain


def test_the_ecomap_marks_a_banned_member_and_draws_a_banned_outsider(world: World) -> None:
    member = netwerk.ensure_member(world)
    stranger = netwerk.ensure_ban(world).person
    ContactBan.objects.create(
        trajectory=world.trajectory,
        person=member.person,
        child=netwerk.child(world),
        reason="Tijdelijk.",
        created_by=world.owner,
    )
    members = list(NetworkMember.objects.filter(trajectory=world.trajectory))
    household = [netwerk.child(world)]
    bans = selectors.contact_ban_notes(_professional(world))
    svg = str(ecomap_svg(household, members, title="Ecogram", bans=bans, banned=[stranger]))
    assert svg.count('class="ban-mark"') == 2  # the member and the outsider
    assert svg.count('class="ban-tie"') == 1  # only the outsider gets the crossed red line
    assert ">Vreemde</text>" in svg
    assert "rode streepjes: contactverbod" in svg
    words = ecomap_text(household, members, bans, [stranger])
    assert any("Maria Oma" in line and "⚠ contactverbod met Noor" in line for line in words)
    assert f"Vreemde Man: ⚠ {ALL} (niet in het netwerk)." in words


def test_the_diagrams_page_marks_the_ban_in_drawing_and_words(world: World) -> None:
    _ban_on_uncle(world)
    html = logged_in_client(world.worker).get(trajectory_url("people:diagrams", world))
    page = html.content.decode()
    assert page.count('class="ban-mark"') >= 2  # genogram and ecomap
    details = page[page.index("Het genogram in woorden") :]
    assert f"⚠ {ALL}" in details[: details.index("</details>")]


# --- the pickers ---------------------------------------------------------------------------


def test_the_who_was_there_choices_name_the_ban(world: World) -> None:
    _ban_on_uncle(world, child=netwerk.child(world))
    html = logged_in_client(world.worker).get(trajectory_url("journal:list", world))
    assert "Marc Peeters — contactverbod met Noor" in html.content.decode()
    mother = mother_of(world.trajectory)
    assert f"{mother.full_name} —" not in html.content.decode()


def test_the_case_team_picker_names_the_ban(world: World) -> None:
    netwerk.ensure_ban(world)
    html = logged_in_client(world.owner).get(trajectory_url("case_people:team", world))
    assert f"Vreemde Man — {ALL}" in html.content.decode()


def test_the_lasting_adult_and_meeting_pickers_name_the_ban(world: World) -> None:
    netwerk.ensure_ban(world)
    client = logged_in_client(world.worker)
    for name in ("child_support_add", "network_meeting_add", "network_member_add"):
        html = client.get(trajectory_url(f"people:{name}", world)).content.decode()
        assert f"Vreemde Man — {ALL}" in html, name


def test_a_ban_on_two_children_names_both(world: World) -> None:
    noor = netwerk.child(world)
    # Without a date of birth Sam comes after Noor, on SQLite and PostgreSQL alike.
    sam = Person.objects.create(trajectory=world.trajectory, first_name="Sam", is_child=True)
    ban = _ban_on_uncle(world, child=noor)
    ContactBan.objects.create(
        trajectory=world.trajectory,
        person=ban.person,
        child=sam,
        reason="-",
        created_by=world.owner,
    )
    notes = selectors.contact_ban_notes(_professional(world))
    assert notes == {ban.person_id: "contactverbod met Noor en Sam"}


# --- never for the family or the network ---------------------------------------------------


@pytest.mark.parametrize("role", [CaseRole.OUDER, CaseRole.JONGERE, CaseRole.NETWERK])
def test_the_family_and_the_network_get_no_ban(world: World, role: str) -> None:
    netwerk.ensure_ban(world)
    _ban_on_uncle(world)
    assert selectors.contact_ban_notes(CaseAccess(world.trajectory, role)) == {}


def test_no_family_or_network_page_shows_a_ban(world: World) -> None:
    grant_network_and_young_person(world)
    netwerk.ensure_ban(world)
    _ban_on_uncle(world)
    for user in (world.parent, world.network_member, world.young_person):
        client = logged_in_client(user)
        # The network page and the diagrams are for professionals only.
        for name in ("people:network", "people:diagrams"):
            assert client.get(trajectory_url(name, world)).status_code in (403, 404)
        for url in (
            reverse("portal:home"),
            reverse("portal:trajectory", args=[world.trajectory.reference]),
        ):
            html = client.get(url).content.decode()
            assert "contactverbod" not in html.lower()
            assert "Marc Peeters" not in html

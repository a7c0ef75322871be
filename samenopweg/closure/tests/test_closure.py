"""The closure: the checklist the consultant works through, closing refused while a point is
open unless the consultant writes why, and the contact cards (PDF for the professionals, a
page and a PDF for each family member) naming whom to call when the worries come back."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import World, grant_network_and_young_person
from samenopweg.accounts.models import User
from samenopweg.accounts.roles import CaseRole
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.models import StageChange, Trajectory
from samenopweg.cases.tests.helpers import logged_in_client, mother_of
from samenopweg.closure import services
from samenopweg.closure.cards import card_for
from samenopweg.closure.models import ClosureChecklist, ClosureReason
from samenopweg.closure.tests import closure_world as afsluiten
from samenopweg.people.models import ChildSupport, Person, SupportRole
from samenopweg.people.tests import network_world as netwerk

pytestmark = pytest.mark.django_db


def _url(name: str, world: World, **kwargs: Any) -> str:
    return reverse(name, kwargs={"reference": world.trajectory.reference, **kwargs})


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _version(world: World) -> int:
    return Trajectory.objects.get(pk=world.trajectory.pk).version


def test_closing_is_refused_while_a_point_is_open(world: World) -> None:
    afsluiten.ensure_checklist(world, last_feedback_done=False)
    with pytest.raises(ValidationError) as refused:
        services.close_trajectory(
            trajectory=world.trajectory,
            reason="Het gaat goed.",
            expected_version=_version(world),
            actor=world.owner,
        )
    assert "close_anyway" in refused.value.message_dict
    assert not Trajectory.objects.get(pk=world.trajectory.pk).is_closed


def test_the_consultant_may_close_anyway_and_says_why(world: World) -> None:
    afsluiten.ensure_checklist(world, last_feedback_done=False)
    response = logged_in_client(world.owner).post(
        _url("closure:close", world), afsluiten.close_data(world)
    )
    assert response.status_code == 302
    trajectory = Trajectory.objects.get(pk=world.trajectory.pk)
    assert trajectory.is_closed
    change = StageChange.objects.filter(trajectory=trajectory).latest("changed_at")
    assert "De laatste feedbackronde is gedaan" in change.reason  # the open point, named
    assert "De laatste feedbackronde volgt na de afsluiting." in change.reason


def test_a_done_checklist_closes_with_the_reason_alone(world: World) -> None:
    afsluiten.ensure_checklist(world)
    change = services.close_trajectory(
        trajectory=world.trajectory,
        reason="Alle doelen gehaald.",
        expected_version=_version(world),
        actor=world.owner,
    )
    assert change.reason == "Alle doelen gehaald."


def test_without_a_checklist_every_point_is_open(world: World) -> None:
    client = logged_in_client(world.owner)
    page = client.get(_url("closure:close", world)).content.decode()
    assert page.count("<li>") >= 6 and "Nog open op de afsluitlijst" in page
    response = client.post(
        _url("closure:close", world), {"reason": "Klaar.", "version": _version(world)}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["close_anyway"]
    assert "Klaar." in response.content.decode()  # what was typed stays


def test_the_checklist_is_ticked_and_kept(world: World) -> None:
    client = logged_in_client(world.owner)
    assert (
        client.post(_url("closure:checklist", world), afsluiten.checklist_data(world)).status_code
        == 302
    )
    checklist = ClosureChecklist.objects.get(trajectory=world.trajectory)
    assert checklist.goals_met and checklist.next_network_meeting_on == afsluiten.next_meeting()
    page = client.get(_url("closure:checklist", world)).content.decode()
    assert "open</span>" not in page


def test_a_closure_reason_needs_its_text_and_a_confirmed_plan_its_meeting(world: World) -> None:
    data = {
        **afsluiten.checklist_data(world),
        "goals_met": "",
        "closure_reason": ClosureReason.REFERRED,
        "closure_reason_text": "",
        "next_network_meeting_on": "",
    }
    response = logged_in_client(world.owner).post(_url("closure:checklist", world), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "closure_reason_text" in errors and "next_network_meeting_on" in errors
    assert not ClosureChecklist.objects.exists()


def test_the_worker_prints_cards_but_does_not_close(world: World) -> None:
    worker = logged_in_client(world.worker)
    assert worker.get(_url("closure:checklist", world)).status_code == 403
    assert worker.post(_url("closure:close", world), afsluiten.close_data(world)).status_code == 403
    assert worker.get(_url("closure:contact_cards", world)).status_code == 200


def test_a_contact_card_names_the_circle_the_help_and_the_next_meeting(
    world: World, printed: list[str]
) -> None:
    member = netwerk.ensure_member(world)  # oma Maria
    member.is_chair = True
    member.save()
    # The card is read at the network's level: oma is shared with the network.
    Person.objects.filter(pk=member.person_id).update(phone="0470 11 22 33", audience=2)
    noor = Person.objects.get(trajectory=world.trajectory, is_child=True)
    ChildSupport.objects.create(
        trajectory=world.trajectory,
        child=noor,
        adult=member.person,
        role=SupportRole.LASTING_ADULT,
        audience=2,
        created_by=world.owner,
    )
    afsluiten.ensure_checklist(world)
    mother = mother_of(world.trajectory)
    response = logged_in_client(world.owner).get(
        _url("closure:contact_card", world, person_id=mother.pk)
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = _plain(printed[-1])
    assert "Voor An: wie bel je?" in text
    assert "0470 11 22 33" in text and "de voorzitter van het netwerk" in text
    assert str(world.owner) in text
    assert "Het volgende netwerkoverleg is op" in text
    assert "Is het gevaarlijk? Bel 112." in text


def test_a_card_leaves_out_what_the_network_may_not_see(world: World) -> None:
    hidden = Person.objects.create(
        trajectory=world.trajectory, first_name="Geheim", last_name="Persoon", phone="0499 00 00 00"
    )
    access = CaseAccess(trajectory=world.trajectory, role=CaseRole.CONSULENT)
    card = card_for(access, mother_of(world.trajectory))
    assert hidden.phone not in str(card.circle)


def test_the_family_reads_their_own_card(world: World) -> None:
    grant_network_and_young_person(world)
    for user in (world.parent, world.network_member, world.young_person):
        page = logged_in_client(user).get(_url("portal:contact_card", world))
        assert page.status_code == 200, user
        assert "Is het gevaarlijk? Bel 112." in page.content.decode()
    young = logged_in_client(world.young_person).get(_url("portal:contact_card", world))
    assert "Awel op 102" in young.content.decode()
    home = logged_in_client(world.parent).get(_url("portal:trajectory", world)).content.decode()
    assert _url("portal:contact_card", world) in home
    for outsider in (world.parent_elsewhere, world.other_consultant):
        assert logged_in_client(outsider).get(_url("portal:contact_card", world)).status_code == 404


def test_a_child_under_twelve_has_no_card_of_their_own(world: World) -> None:
    noor = Person.objects.get(trajectory=world.trajectory, is_child=True)
    young = User.objects.get(pk=world.young_person.pk)
    from samenopweg.cases import services as case_services

    case_services.grant_access(
        trajectory=world.trajectory,
        user=young,
        role=CaseRole.JONGERE,
        person=noor,
        reason="Noor",
        actor=world.owner,
    )
    assert logged_in_client(young).get(_url("portal:contact_card", world)).status_code == 404


def test_the_card_page_is_in_plain_language(world: World) -> None:
    from samenopweg.portal.tests.test_plan import _problems, _section

    page = logged_in_client(world.parent).get(_url("portal:contact_card", world)).content.decode()
    assert _problems("portal:contact_card", _section(page, "portal-card")) == []

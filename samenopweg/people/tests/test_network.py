"""The safety network: members, the adults for each child, who may not come, meetings."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import World, register
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import logged_in_client, trajectory_url
from samenopweg.core.models import Audience
from samenopweg.people.models import (
    ChildSupport,
    ContactBan,
    NetworkMeeting,
    NetworkMember,
    SupportRole,
)
from samenopweg.people.tests import network_world as netwerk


def _url(name: str, world: World, **kwargs: Any) -> str:
    return trajectory_url(f"people:{name}", world, **kwargs)


def test_the_worker_adds_someone_to_the_network(world: World) -> None:
    client = logged_in_client(world.worker)
    response = client.post(_url("network_member_add", world), netwerk.member_add_data(world))
    assert response.status_code == 302
    member = NetworkMember.objects.get(person=netwerk.neighbour(world))
    assert (member.role_text, member.created_by) == ("de buurvrouw", world.worker)
    page = client.get(_url("network", world)).content.decode()
    assert "de buurvrouw" in page
    assert "kent de zorgen en doelen nog niet" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="people.networkmember", object_id=str(member.pk)
    ).exists()


def test_a_person_is_in_the_network_once_and_a_child_is_not_a_member(world: World) -> None:
    netwerk.ensure_member(world)
    client = logged_in_client(world.worker)
    response = client.post(
        _url("network_member_add", world),
        {**netwerk.member_add_data(world), "person": netwerk.child(world).pk},
    )
    assert response.status_code == 200
    assert "de buurvrouw" in response.content.decode()  # what was typed stays
    assert NetworkMember.objects.count() == 1


def test_a_new_chair_takes_over_from_the_previous_one(world: World) -> None:
    first = netwerk.ensure_member(world)
    NetworkMember.objects.filter(pk=first.pk).update(is_chair=True)
    client = logged_in_client(world.worker)
    client.post(
        _url("network_member_add", world), {**netwerk.member_add_data(world), "is_chair": "on"}
    )
    chairs = NetworkMember.objects.filter(is_chair=True)
    assert [m.person for m in chairs] == [netwerk.neighbour(world)]
    first.refresh_from_db()
    assert first.version == 2


def test_lasting_adults_are_confirmed_per_child(world: World) -> None:
    support = netwerk.ensure_support(world)
    client = logged_in_client(world.worker)
    page = client.get(_url("network", world)).content.decode()
    assert "nog niet bevestigd" in page
    client.post(_url("child_support_change", world, support_id=support.pk), {"what": "confirm"})
    support.refresh_from_db()
    assert support.confirmed_on is not None
    assert "zei ja op" in client.get(_url("network", world)).content.decode()
    client.post(
        _url("child_support_change", world, support_id=support.pk),
        {"what": "end", "confirm": "yes"},
    )
    support.refresh_from_db()
    assert support.withdrawn_at is not None  # ended, not deleted


@pytest.mark.parametrize("name", ["child_support_change", "child_support_end"])
def test_ending_a_lasting_adult_asks_first(world: World, name: str) -> None:
    support = netwerk.ensure_support(world)
    client = logged_in_client(world.worker)
    url = _url(name, world, support_id=support.pk)
    writes = AuditEvent.objects.filter(action=AuditAction.WITHDRAW).count()

    # "Niet meer" on the network page is a link to the question (GET); an older page's button
    # posts what=end without the answer: both only ask.
    answers = [client.post(url, {"what": "end"})]
    if name == "child_support_end":
        answers.append(client.get(url))
    for response in answers:
        assert response.status_code == 200
        page = response.content.decode()
        assert "Weet je zeker dat" in page
        assert "Ja, niet meer" in page and "Annuleren" in page
    support.refresh_from_db()
    assert support.withdrawn_at is None  # only asked
    assert AuditEvent.objects.filter(action=AuditAction.WITHDRAW).count() == writes

    response = client.post(
        _url("child_support_end", world, support_id=support.pk), {"confirm": "yes"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#kinderen")
    support.refresh_from_db()
    assert (support.withdrawn_at is not None, support.withdrawn_by) == (True, world.worker)
    assert AuditEvent.objects.filter(
        action=AuditAction.WITHDRAW, object_type="people.childsupport", object_id=str(support.pk)
    ).exists()


def test_the_network_page_asks_before_it_ends_a_support(world: World) -> None:
    support = netwerk.ensure_support(world)
    page = logged_in_client(world.worker).get(_url("network", world)).content.decode()
    assert _url("child_support_end", world, support_id=support.pk) in page
    assert 'value="end"' not in page  # no button ends it in one tap


def test_the_question_page_is_read_audited_and_closed_to_outsiders(world: World) -> None:
    support = netwerk.ensure_support(world)
    url = _url("child_support_end", world, support_id=support.pk)
    for outsider in (world.worker_elsewhere, world.other_consultant, world.parent_elsewhere):
        assert logged_in_client(outsider).get(url).status_code == 404
    assert logged_in_client(world.parent).get(url).status_code == 403
    assert logged_in_client(world.worker).get(url).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW,
        actor=world.worker,
        object_type="people.childsupport",
        object_id=str(support.pk),
    ).exists()


def test_a_trusted_person_must_be_an_adult_of_this_trajectory(world: World) -> None:
    other = register(world.team, world.owner, child="Ander")
    stranger = other.persons.filter(is_child=False).first() or other.persons.get()
    response = logged_in_client(world.worker).post(
        _url("child_support_add", world),
        {
            "child": netwerk.child(world).pk,
            "adult": stranger.pk,
            "role": SupportRole.TRUSTED_PERSON,
            "audience": Audience.NETWORK,
        },
    )
    assert response.status_code == 200
    assert not ChildSupport.objects.exists()


def test_who_may_not_come_is_for_professionals_only_whatever_was_asked(world: World) -> None:
    client = logged_in_client(world.worker)
    data = {**netwerk.ban_add_data(world), "audience": Audience.CHILD}
    assert client.post(_url("contact_ban_add", world), data).status_code == 302
    ban = ContactBan.objects.get()
    assert ban.audience == Audience.PROFESSIONALS
    assert "Dreigde de moeder." in client.get(_url("network", world)).content.decode()
    # The parent's page never shows it.
    family = logged_in_client(world.parent).get(
        reverse("portal:trajectory", args=[world.trajectory.reference])
    )
    assert "Dreigde de moeder." not in family.content.decode()
    client.post(_url("contact_ban_lift", world, ban_id=ban.pk), netwerk.ban_lift_data(world))
    ban.refresh_from_db()
    assert ban.withdrawn_at is not None and ban.withdrawn_reason == "De rechter besliste anders."


def test_a_network_meeting_keeps_who_was_there(world: World) -> None:
    response = logged_in_client(world.owner).post(
        _url("network_meeting_add", world), netwerk.meeting_data(world)
    )
    assert response.status_code == 302
    meeting = NetworkMeeting.objects.get()
    assert [p.first_name for p in meeting.attendees.all()] == ["Maria"]
    assert "de juf" in logged_in_client(world.worker).get(_url("network", world)).content.decode()


def test_two_people_editing_a_member_the_second_is_told(world: World) -> None:
    member = netwerk.ensure_member(world)
    data = netwerk.member_edit_data(world)
    url = _url("network_member_edit", world, member_id=member.pk)
    assert (
        logged_in_client(world.worker)
        .post(url, {**data, "role_text": "oma (van mama)"})
        .status_code
        == 302
    )
    second = logged_in_client(world.owner).post(url, {**data, "role_text": "oma Maria Claes"})
    assert second.status_code == 409
    member.refresh_from_db()
    assert member.role_text == "oma (van mama)"


NETWORK_WRITES = [
    *netwerk.NETWORK_FORMS,
    ("child_support_change", netwerk.support_kwargs, netwerk.support_confirm_data),
    ("child_support_end", netwerk.support_kwargs, netwerk.support_end_data),
]


@pytest.mark.parametrize(
    ("name", "kwargs", "data"), NETWORK_WRITES, ids=[write[0] for write in NETWORK_WRITES]
)
def test_network_writes_are_for_the_professionals_of_the_case(
    world: World, name: str, kwargs: Any, data: Any
) -> None:
    url = _url(name, world, **kwargs(world))

    def state() -> tuple[Any, ...]:
        return (
            list(NetworkMember.objects.values_list("version", "is_chair")),
            list(ChildSupport.objects.values_list("confirmed_on", "withdrawn_at")),
            list(ContactBan.objects.values_list("withdrawn_at", flat=True)),
            NetworkMeeting.objects.count(),
        )

    payload = data(world)  # makes what it needs first
    before = state()
    for outsider in (
        world.worker_elsewhere,
        world.other_consultant,
        world.parent_elsewhere,
        world.expired,
    ):
        assert logged_in_client(outsider).post(url, payload).status_code == 404
    assert logged_in_client(world.parent).post(url, payload).status_code == 403
    assert state() == before
    response = logged_in_client(world.worker).post(url, payload)
    assert response.status_code == 302, response.content.decode()[:3000]

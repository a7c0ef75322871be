"""The people services on the kernel: a closed file refuses every write (persons, their
relations and the whole safety network), and each write leaves its audit row."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import assert_refused_while_closed, close_trajectory
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.people import services
from samenopweg.people.models import (
    ChildSupport,
    ContactBan,
    NetworkKind,
    NetworkMeeting,
    NetworkMember,
    Person,
    Relation,
    RelationKind,
    SupportRole,
    Tie,
)
from samenopweg.people.tests import network_world as netwerk

pytestmark = pytest.mark.django_db


def _mother(world: World) -> Person:
    return Person.objects.get(trajectory=world.trajectory, is_child=False, first_name="An")


def _member_fields(member: NetworkMember, **changes: Any) -> dict[str, Any]:
    return {**{name: getattr(member, name) for name in services.NETWORK_FIELDS}, **changes}


def _events(obj: Any, action: str) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk)
        )
    )


# Every write of the app, on the trajectory of the test world (after what it needs was made).
WRITES: dict[str, Callable[[World], Callable[[], Any]]] = {
    "add_person": lambda w: (
        lambda: services.add_person(
            trajectory=w.trajectory,
            is_child=False,
            relations={netwerk.child(w).pk: (RelationKind.GRANDPARENT, False, False)},
            first_name="Jos",
            audience=Audience.PARENTS,
            actor=w.owner,
        )
    ),
    "add_child": lambda w: (
        lambda: services.add_person(
            trajectory=w.trajectory,
            is_child=True,
            relations={},
            first_name="Vic",
            date_of_birth=datetime.date(2021, 5, 1),
            audience=Audience.CHILD,
            actor=w.owner,
        )
    ),
    "update_person": lambda w: (
        lambda: services.update_person(
            person=_mother(w),
            expected_version=_mother(w).version,
            relations=None,
            phone="0470 11 22 33",
            actor=w.owner,
        )
    ),
    "update_person_relations": lambda w: (
        lambda: services.update_person(
            person=_mother(w),
            expected_version=_mother(w).version,
            relations={},
            actor=w.owner,
        )
    ),
    "add_network_member": lambda w: (
        lambda: services.add_network_member(
            trajectory=w.trajectory,
            person=netwerk.neighbour(w),
            kind=NetworkKind.INFORMAL,
            tie=Tie.NORMAL,
            role_text="de buurvrouw",
            organisation="",
            commitment="",
            heard_what_on=None,
            is_chair=False,
            audience=Audience.NETWORK,
            actor=w.worker,
        )
    ),
    "update_network_member": lambda w: (
        lambda: services.update_network_member(
            member=netwerk.ensure_member(w),
            expected_version=netwerk.ensure_member(w).version,
            actor=w.worker,
            **_member_fields(netwerk.ensure_member(w), role_text="oma Maria"),
        )
    ),
    "add_child_support": lambda w: (
        lambda: services.add_child_support(
            trajectory=w.trajectory,
            child=netwerk.child(w),
            adult=netwerk.neighbour(w),
            role=SupportRole.TRUSTED_PERSON,
            confirmed_on=None,
            audience=Audience.NETWORK,
            actor=w.worker,
        )
    ),
    "confirm_child_support": lambda w: (
        lambda: services.confirm_child_support(support=netwerk.ensure_support(w), actor=w.worker)
    ),
    "end_child_support": lambda w: (
        lambda: services.end_child_support(support=netwerk.ensure_support(w), actor=w.worker)
    ),
    "ban_contact": lambda w: (
        lambda: services.ban_contact(
            trajectory=w.trajectory,
            person=netwerk.neighbour(w),
            child=None,
            reason="Dreigde de moeder.",
            actor=w.owner,
        )
    ),
    "lift_ban": lambda w: (
        lambda: services.lift_ban(
            ban=netwerk.ensure_ban(w), reason="De rechter besliste anders.", actor=w.owner
        )
    ),
    "add_network_meeting": lambda w: (
        lambda: services.add_network_meeting(
            trajectory=w.trajectory,
            held_on=timezone.localdate(),
            attendees=[netwerk.ensure_member(w).person],
            other_attendees="",
            notes="We overliepen het plan.",
            audience=Audience.NETWORK,
            actor=w.owner,
        )
    ),
}


def _state() -> tuple[Any, ...]:
    return (
        list(Person.objects.values_list("id", "version", "phone").order_by("id")),
        list(Relation.objects.values_list("person_id", "child_id", "kind").order_by("id")),
        list(NetworkMember.objects.values_list("id", "version", "role_text").order_by("id")),
        list(ChildSupport.objects.values_list("id", "confirmed_on", "withdrawn_at").order_by("id")),
        list(ContactBan.objects.values_list("id", "withdrawn_at").order_by("id")),
        NetworkMeeting.objects.count(),
        AuditEvent.objects.exclude(action=AuditAction.VIEW).count(),
    )


@pytest.mark.parametrize("name", sorted(WRITES))
def test_every_write_is_refused_on_a_closed_trajectory(world: World, name: str) -> None:
    write = WRITES[name](world)
    netwerk.ensure_support(world), netwerk.ensure_ban(world), netwerk.neighbour(world)
    close_trajectory(world)

    assert_refused_while_closed([write], _state)


@pytest.mark.parametrize("name", sorted(WRITES))
def test_every_write_works_on_an_open_trajectory(world: World, name: str) -> None:
    write = WRITES[name](world)
    netwerk.ensure_support(world), netwerk.ensure_ban(world), netwerk.neighbour(world)
    before = AuditEvent.objects.exclude(action=AuditAction.VIEW).count()

    write()

    assert AuditEvent.objects.exclude(action=AuditAction.VIEW).count() > before


def test_a_new_person_keeps_who_added_them_and_their_relations_in_the_audit_row(
    world: World,
) -> None:
    child = netwerk.child(world)
    jos = WRITES["add_person"](world)()

    assert jos.created_by == world.owner and jos.version == 1
    (event,) = _events(jos, AuditAction.CREATE)
    assert event.detail["relations"] == [[child.pk, RelationKind.GRANDPARENT, False, False]]
    assert Relation.objects.get(person=jos).kind == RelationKind.GRANDPARENT


def test_replacing_relations_keeps_what_they_were_and_checks_the_version(world: World) -> None:
    mother, child = _mother(world), netwerk.child(world)
    services.update_person(
        person=mother,
        expected_version=mother.version,
        relations={child.pk: (RelationKind.MOTHER, True, True)},
        actor=world.owner,
    )

    (event,) = _events(mother, AuditAction.UPDATE)
    assert event.detail["relations"] == [[child.pk, RelationKind.MOTHER, True, True]]
    assert event.detail["relations_before"] == [[child.pk, RelationKind.MOTHER, False, False]]
    stale = Person.objects.get(pk=mother.pk)
    with pytest.raises(EditConflict):
        services.update_person(
            person=stale, expected_version=1, relations={}, phone="1", actor=world.worker
        )
    assert Relation.objects.filter(person=mother).count() == 1  # the refused edit changed nothing


def test_a_new_chair_takes_over_through_a_versioned_edit_of_the_previous_one(world: World) -> None:
    first = netwerk.ensure_member(world)
    NetworkMember.objects.filter(pk=first.pk).update(is_chair=True)
    services.add_network_member(
        trajectory=world.trajectory,
        person=netwerk.neighbour(world),
        kind=NetworkKind.INFORMAL,
        role_text="de buurvrouw",
        is_chair=True,
        audience=Audience.NETWORK,
        actor=world.worker,
    )

    first.refresh_from_db()
    assert (first.is_chair, first.version) == (False, 2)
    (event,) = _events(first, AuditAction.UPDATE)
    assert event.detail["after"] == {"is_chair": False}
    assert NetworkMember.objects.get(is_chair=True).person == netwerk.neighbour(world)


def test_saving_a_member_unchanged_writes_nothing_unless_someone_saved_first(world: World) -> None:
    member = netwerk.ensure_member(world)
    services.update_network_member(
        member=member, expected_version=member.version, actor=world.worker, **_member_fields(member)
    )
    assert member.version == 1 and not _events(member, AuditAction.UPDATE)

    NetworkMember.objects.filter(pk=member.pk).update(version=2)  # someone else saved
    member = NetworkMember.objects.get(pk=member.pk)
    with pytest.raises(EditConflict):
        services.update_network_member(
            member=member, expected_version=1, actor=world.worker, **_member_fields(member)
        )


def test_ending_a_support_and_lifting_a_ban_withdraw_them_once(world: World) -> None:
    support, ban = netwerk.ensure_support(world), netwerk.ensure_ban(world)
    services.end_child_support(support=support, actor=world.worker)
    services.end_child_support(support=support, actor=world.worker)
    services.lift_ban(ban=ban, reason="De rechter besliste anders.", actor=world.owner)

    support.refresh_from_db()
    ban.refresh_from_db()
    assert (support.withdrawn_by, support.version) == (world.worker, 2)
    assert (ban.withdrawn_by, ban.withdrawn_reason) == (world.owner, "De rechter besliste anders.")
    assert len(_events(support, AuditAction.WITHDRAW)) == 1
    with pytest.raises(ValidationError):
        services.lift_ban(ban=netwerk.ensure_ban(world), reason="  ", actor=world.owner)


def test_a_ban_is_for_professionals_whatever_was_asked(world: World) -> None:
    ban = WRITES["ban_contact"](world)()

    assert ban.audience == Audience.PROFESSIONALS and ban.created_by == world.owner

"""Objects of the safety network for the test world, and the URL kwargs and posts the cross-app
suites use. The helpers take the world, or the permission matrix's case (which holds it)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from samenopweg.core.models import Audience
from samenopweg.people.models import (
    ChildSupport,
    ContactBan,
    NetworkKind,
    NetworkMember,
    Person,
    SupportRole,
    Tie,
)


def _world(given: Any) -> Any:
    return getattr(given, "world", given)


def _ref(given: Any) -> dict[str, Any]:
    return {"reference": _world(given).trajectory.reference}


def child(given: Any) -> Person:
    trajectory = _world(given).trajectory
    return Person.objects.filter(trajectory=trajectory, is_child=True).order_by("id")[0]


def neighbour(given: Any) -> Person:
    """An adult of the trajectory who is not in the network yet (made once)."""
    world = _world(given)
    person, _ = Person.objects.get_or_create(
        trajectory=world.trajectory,
        first_name="Linda",
        last_name="Buur",
        defaults={"audience": Audience.NETWORK},
    )
    return person


def ensure_member(given: Any) -> NetworkMember:
    world = _world(given)
    grandma, _ = Person.objects.get_or_create(
        trajectory=world.trajectory, first_name="Maria", last_name="Oma"
    )
    member = NetworkMember.objects.filter(person=grandma).first()
    if member is None:
        member = NetworkMember.objects.create(
            trajectory=world.trajectory,
            person=grandma,
            kind=NetworkKind.INFORMAL,
            role_text="oma",
            commitment="Haalt de kinderen op woensdag op.",
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
    return member


def ensure_support(given: Any) -> ChildSupport:
    world = _world(given)
    member = ensure_member(world)
    support = ChildSupport.objects.filter(adult=member.person).first()
    if support is None:
        support = ChildSupport.objects.create(
            trajectory=world.trajectory,
            child=child(world),
            adult=member.person,
            role=SupportRole.LASTING_ADULT,
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
    return support


def ensure_ban(given: Any) -> ContactBan:
    world = _world(given)
    ban = ContactBan.objects.filter(trajectory=world.trajectory).first()
    if ban is None:
        stranger, _ = Person.objects.get_or_create(
            trajectory=world.trajectory, first_name="Vreemde", last_name="Man"
        )
        ban = ContactBan.objects.create(
            trajectory=world.trajectory,
            person=stranger,
            reason="ALLEEN-PROF: veroordeeld voor geweld.",
            created_by=world.owner,
        )
    return ban


def member_kwargs(given: Any) -> dict[str, Any]:
    return {**_ref(given), "member_id": ensure_member(given).pk}


def support_kwargs(given: Any) -> dict[str, Any]:
    return {**_ref(given), "support_id": ensure_support(given).pk}


def ban_kwargs(given: Any) -> dict[str, Any]:
    return {**_ref(given), "ban_id": ensure_ban(given).pk}


def member_add_data(given: Any) -> dict[str, Any]:
    return {
        "person": neighbour(given).pk,
        "kind": NetworkKind.INFORMAL,
        "tie": Tie.NORMAL,
        "role_text": "de buurvrouw",
        "commitment": "Komt kijken als ze ruzie hoort.",
        "audience": Audience.NETWORK,
    }


def member_edit_data(given: Any) -> dict[str, Any]:
    member = ensure_member(given)
    return {
        "kind": NetworkKind.INFORMAL,
        "tie": Tie.STRONG,
        "role_text": "oma Maria",
        "commitment": member.commitment,
        "is_chair": "on",
        "audience": Audience.NETWORK,
        "version": member.version,
    }


def support_add_data(given: Any) -> dict[str, Any]:
    return {
        "child": child(given).pk,
        "adult": neighbour(given).pk,
        "role": SupportRole.TRUSTED_PERSON,
        "audience": Audience.NETWORK,
    }


def support_confirm_data(given: Any) -> dict[str, Any]:
    ensure_support(given)
    return {"what": "confirm"}


def ban_add_data(given: Any) -> dict[str, Any]:
    return {"person": neighbour(given).pk, "reason": "Dreigde de moeder."}


def ban_lift_data(given: Any) -> dict[str, Any]:
    return {"reason": "De rechter besliste anders."}


def meeting_data(given: Any) -> dict[str, Any]:
    return {
        "held_on": timezone.localdate().isoformat(),
        "attendees": [ensure_member(given).person.pk],
        "other_attendees": "de juf",
        "notes": "We overliepen het plan.",
        "audience": Audience.NETWORK,
    }

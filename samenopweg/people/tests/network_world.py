"""Objects of the safety network for the test world, and the URL kwargs and posts the cross-app
suites use. The helpers take the world, or the permission matrix's case (which holds it)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from samenopweg.cases.tests.helpers import child_of, first_or_create, reference_kwargs, world_of
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


def child(given: Any) -> Person:
    return child_of(world_of(given).trajectory)


def neighbour(given: Any) -> Person:
    """An adult of the trajectory who is not in the network yet (made once)."""
    world = world_of(given)
    person, _ = Person.objects.get_or_create(
        trajectory=world.trajectory,
        first_name="Linda",
        last_name="Buur",
        defaults={"audience": Audience.NETWORK},
    )
    return person


def ensure_member(given: Any) -> NetworkMember:
    world = world_of(given)
    grandma, _ = Person.objects.get_or_create(
        trajectory=world.trajectory, first_name="Maria", last_name="Oma"
    )
    return first_or_create(
        NetworkMember.objects.filter(person=grandma),
        trajectory=world.trajectory,
        person=grandma,
        kind=NetworkKind.INFORMAL,
        role_text="oma",
        commitment="Haalt de kinderen op woensdag op.",
        audience=Audience.NETWORK,
        created_by=world.worker,
    )


def ensure_support(given: Any) -> ChildSupport:
    world = world_of(given)
    member = ensure_member(world)
    return first_or_create(
        ChildSupport.objects.filter(adult=member.person),
        trajectory=world.trajectory,
        child=child(world),
        adult=member.person,
        role=SupportRole.LASTING_ADULT,
        audience=Audience.NETWORK,
        created_by=world.worker,
    )


def ensure_ban(given: Any) -> ContactBan:
    world = world_of(given)
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
    return {**reference_kwargs(given), "member_id": ensure_member(given).pk}


def support_kwargs(given: Any) -> dict[str, Any]:
    return {**reference_kwargs(given), "support_id": ensure_support(given).pk}


def ban_kwargs(given: Any) -> dict[str, Any]:
    return {**reference_kwargs(given), "ban_id": ensure_ban(given).pk}


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


def support_end_data(given: Any) -> dict[str, Any]:
    ensure_support(given)
    return {"confirm": "yes"}


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


# The network's forms, for every professional on the case: URL name in `people`, its kwargs, a
# post that succeeds (confirming a support is a POST without a page: support_confirm_data).
NETWORK_FORMS = [
    ("network_member_add", reference_kwargs, member_add_data),
    ("network_member_edit", member_kwargs, member_edit_data),
    ("child_support_add", reference_kwargs, support_add_data),
    ("contact_ban_add", reference_kwargs, ban_add_data),
    ("contact_ban_lift", ban_kwargs, ban_lift_data),
    ("network_meeting_add", reference_kwargs, meeting_data),
]

"""Writes on the persons of a trajectory, their relations to each child and the safety network.

The kernel (cases.items) does the shared part of each write: the closed-file refusal, the
version check, the withdrawal and the audit row, in one transaction. The services here check
the rules of the practice and name the fields.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.cases import items
from samenopweg.cases.models import Trajectory
from samenopweg.cases.services import refresh_safety_summary, refresh_search_text
from samenopweg.core.models import Audience
from samenopweg.people.models import (
    NETWORK_FIELDS,
    PERSON_FIELDS,
    ChildSupport,
    ContactBan,
    NetworkMeeting,
    NetworkMember,
    Person,
    Relation,
)
from samenopweg.people.selectors import network_goes_on

# {child id: (kind, parental authority, lives with the child)}
Relations = dict[int, tuple[str, bool, bool]]


def _set_relations(*, person: Person, relations: Relations) -> None:
    """Replace the person's relations (part of the person's record, written with it)."""
    children = {c.pk: c for c in Person.objects.filter(trajectory=person.trajectory, is_child=True)}
    unknown = set(relations) - set(children)
    if unknown or person.pk in relations:
        raise ValidationError(_("Kies alleen kinderen van dit traject."))
    Relation.objects.filter(person=person).exclude(child_id__in=list(relations)).delete()
    for child_id, (kind, authority, lives_with) in relations.items():
        Relation.objects.update_or_create(
            person=person,
            child=children[child_id],
            defaults={
                "trajectory": person.trajectory,
                "kind": kind,
                "has_parental_authority": authority,
                "lives_with_child": lives_with,
            },
        )


def _relation_rows(relations: Relations) -> list[list[Any]]:
    """The relations as the audit row keeps them: [child id, kind, authority, lives with]."""
    return [[child_id, *relations[child_id]] for child_id in sorted(relations)]


@transaction.atomic
def add_person(
    *,
    trajectory: Trajectory,
    is_child: bool,
    relations: Relations,
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Person:
    person = items.create(
        item=Person(trajectory=trajectory, is_child=is_child, **fields),
        actor=actor,
        request=request,
        detail=None if is_child else {"relations": _relation_rows(relations)},
    )
    if not is_child:
        _set_relations(person=person, relations=relations)
    refresh_search_text(trajectory)
    if is_child:
        # A child nobody has yet asked "is the child safe now?" about makes the question due now.
        refresh_safety_summary(trajectory)
    return person


@transaction.atomic
def update_person(
    *,
    person: Person,
    expected_version: int,
    relations: Relations | None,
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Person:
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    replace = relations is not None and not person.is_child
    detail: dict[str, Any] = {}
    if replace:
        # Relations are replaced; the audit row keeps what they were and what they are now.
        detail["relations_before"] = [
            list(row)
            for row in Relation.objects.filter(person=person)
            .order_by("child_id")
            .values_list("child_id", "kind", "has_parental_authority", "lives_with_child")
        ]
        detail["relations"] = _relation_rows(relations or {})
    items.update(
        item=person,
        expected_version=expected_version,
        fields=fields,
        actor=actor,
        request=request,
        detail=detail,
    )
    if replace:
        _set_relations(person=person, relations=relations or {})
    refresh_search_text(person.trajectory)
    return person


# --- the safety network ---------------------------------------------------------------------


def _check_person(trajectory: Trajectory, person: Person | None, field: str) -> None:
    if person is not None and person.trajectory_id != trajectory.pk:
        raise ValidationError({field: _("Kies iemand uit dit traject.")})


def _hand_over_chair(member: NetworkMember, actor: Any, request: HttpRequest | None) -> None:
    """A new chair takes over: the previous one stays in the network, no longer as chair."""
    previous = NetworkMember.objects.filter(
        trajectory=member.trajectory, is_chair=True, withdrawn_at__isnull=True
    ).exclude(pk=member.pk)
    for other in previous.select_related("trajectory"):
        items.update(
            item=other,
            expected_version=other.version,
            fields={"is_chair": False},
            actor=actor,
            request=request,
        )


@transaction.atomic
def add_network_member(
    *,
    trajectory: Trajectory,
    person: Person,
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> NetworkMember:
    _check_person(trajectory, person, "person")
    if person.is_child:
        raise ValidationError({"person": _("Kies een volwassene.")})
    if NetworkMember.objects.filter(person=person).exists():
        raise ValidationError({"person": _("Deze persoon staat al in het netwerk.")})
    member = NetworkMember(trajectory=trajectory, person=person, **fields)
    if member.is_chair:
        _hand_over_chair(member, actor, request)
    return items.create(item=member, actor=actor, request=request)


@transaction.atomic
def update_network_member(
    *,
    member: NetworkMember,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> NetworkMember:
    changes = {name: fields[name] for name in NETWORK_FIELDS}
    if items.is_unchanged(member, expected_version=expected_version, fields=changes):
        return member  # no new version, no audit row
    if changes["is_chair"] and not member.is_chair:
        _hand_over_chair(member, actor, request)
    return items.update(
        item=member,
        expected_version=expected_version,
        fields=changes,
        actor=actor,
        request=request,
    )


def add_child_support(
    *,
    trajectory: Trajectory,
    child: Person,
    adult: Person,
    role: str,
    confirmed_on: datetime.date | None,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> ChildSupport:
    _check_person(trajectory, child, "child")
    _check_person(trajectory, adult, "adult")
    if not child.is_child:
        raise ValidationError({"child": _("Kies een kind van dit traject.")})
    if adult.pk == child.pk:
        raise ValidationError({"adult": _("Kies iemand anders dan het kind zelf.")})
    if ChildSupport.objects.filter(
        child=child, adult=adult, role=role, withdrawn_at__isnull=True
    ).exists():
        raise ValidationError({"adult": _("Dit staat er al.")})
    support = ChildSupport(
        trajectory=trajectory,
        child=child,
        adult=adult,
        role=role,
        confirmed_on=confirmed_on,
        audience=audience,
    )
    return items.create(item=support, actor=actor, request=request)


def confirm_child_support(
    *, support: ChildSupport, actor: Any, request: HttpRequest | None = None
) -> ChildSupport:
    """The adult said yes: today. Once is enough; an ended support stays as it was."""
    items.refuse_closed(support.trajectory)
    if support.is_withdrawn or support.confirmed_on is not None:
        return support
    return items.update(
        item=support,
        expected_version=support.version,
        fields={"confirmed_on": timezone.localdate()},
        actor=actor,
        request=request,
    )


def end_child_support(
    *, support: ChildSupport, actor: Any, request: HttpRequest | None = None
) -> None:
    """No longer so: withdrawn, the row stays in the file."""
    items.withdraw(item=support, reason="", reason_required=False, actor=actor, request=request)


def ban_contact(
    *,
    trajectory: Trajectory,
    person: Person,
    child: Person | None,
    reason: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> ContactBan:
    """Someone who may not be near the child. Always professionals only, whatever was asked."""
    _check_person(trajectory, person, "person")
    _check_person(trajectory, child, "child")
    if child is not None and not child.is_child:
        raise ValidationError({"child": _("Kies een kind van dit traject.")})
    ban = ContactBan(
        trajectory=trajectory,
        person=person,
        child=child,
        reason=reason.strip(),
        audience=Audience.PROFESSIONALS,
    )
    return items.create(item=ban, actor=actor, request=request)


def lift_ban(
    *, ban: ContactBan, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """The ban is lifted (withdrawn), with the reason: it stays in the file."""
    items.withdraw(item=ban, reason=reason, actor=actor, request=request)


def add_network_meeting(
    *,
    trajectory: Trajectory,
    held_on: datetime.date,
    attendees: list[Person],
    other_attendees: str,
    notes: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> NetworkMeeting:
    for person in attendees:
        _check_person(trajectory, person, "attendees")
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Die datum ligt in de toekomst.")})
    meeting = NetworkMeeting(
        trajectory=trajectory,
        held_on=held_on,
        other_attendees=other_attendees.strip(),
        notes=notes.strip(),
        audience=audience,
    )
    return items.create(
        item=meeting,
        actor=actor,
        request=request,
        many={"attendees": attendees},
        detail={"attendees": sorted(p.pk for p in attendees)},
        network_goes_on=network_goes_on(trajectory, actor),
    )

"""Writes on the persons of a trajectory and their relations to each child."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import changes_between, record
from samenopweg.cases.models import Trajectory
from samenopweg.cases.services import refresh_safety_summary, refresh_search_text
from samenopweg.core.locking import EditConflict, save_versioned
from samenopweg.core.models import Audience
from samenopweg.people.models import (
    ChildSupport,
    ContactBan,
    NetworkMeeting,
    NetworkMember,
    Person,
    Relation,
)

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "gender",
    "phone",
    "email",
    "notes",
    "audience",
)


def _set_relations(*, person: Person, relations: dict[int, tuple[str, bool, bool]]) -> None:
    """Replace the person's relations: {child id: (kind, parental authority, lives with)}."""
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


@transaction.atomic
def add_person(
    *,
    trajectory: Trajectory,
    is_child: bool,
    relations: dict[int, tuple[str, bool, bool]],
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Person:
    person = Person(trajectory=trajectory, is_child=is_child, **fields)
    person.full_clean()
    person.save()
    if not is_child:
        _set_relations(person=person, relations=relations)
    record(actor=actor, action=AuditAction.CREATE, obj=person, request=request)
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
    relations: dict[int, tuple[str, bool, bool]] | None,
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Person:
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    before = {name: getattr(person, name) for name in fields}
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean()
    save_versioned(person, expected_version=expected_version, fields=list(fields))
    detail = changes_between(before, fields)
    if relations is not None and not person.is_child:
        # Relations are replaced; the audit row keeps what they were.
        detail["relations_before"] = list(
            Relation.objects.filter(person=person).values_list(
                "child_id", "kind", "has_parental_authority", "lives_with_child"
            )
        )
        _set_relations(person=person, relations=relations)
    record(actor=actor, action=AuditAction.UPDATE, obj=person, request=request, detail=detail)
    refresh_search_text(person.trajectory)
    return person


# --- the safety network ---------------------------------------------------------------------

NETWORK_FIELDS = (
    "kind",
    "tie",
    "role_text",
    "organisation",
    "commitment",
    "heard_what_on",
    "is_chair",
    "audience",
)


def _check_person(trajectory: Trajectory, person: Person | None, field: str) -> None:
    if person is not None and person.trajectory_id != trajectory.pk:
        raise ValidationError({field: _("Kies iemand uit dit traject.")})


def _refuse_closed(trajectory: Trajectory) -> None:
    if trajectory.is_closed:
        raise ValidationError(_("Dit traject is afgesloten. Heropen het eerst."))


def _one_chair(member: NetworkMember, actor: Any, request: HttpRequest | None) -> None:
    """A new chair takes over: the previous one stays in the network, no longer as chair."""
    previous = NetworkMember.objects.filter(
        trajectory=member.trajectory, is_chair=True, left_at__isnull=True
    ).exclude(pk=member.pk)
    for other in previous:
        NetworkMember.objects.filter(pk=other.pk).update(is_chair=False, version=F("version") + 1)
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=other,
            request=request,
            detail={"is_chair": {"from": True, "to": False}},
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
    _refuse_closed(trajectory)
    _check_person(trajectory, person, "person")
    if person.is_child:
        raise ValidationError({"person": _("Kies een volwassene.")})
    if NetworkMember.objects.filter(person=person).exists():
        raise ValidationError({"person": _("Deze persoon staat al in het netwerk.")})
    member = NetworkMember(trajectory=trajectory, person=person, created_by=actor, **fields)
    member.full_clean(validate_constraints=False)
    if member.is_chair:
        _one_chair(member, actor, request)
    member.save()
    record(actor=actor, action=AuditAction.CREATE, obj=member, request=request)
    return member


@transaction.atomic
def update_network_member(
    *,
    member: NetworkMember,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> NetworkMember:
    _refuse_closed(member.trajectory)
    before = {name: getattr(member, name) for name in NETWORK_FIELDS}
    for name in NETWORK_FIELDS:
        setattr(member, name, fields[name])
    after = {name: getattr(member, name) for name in NETWORK_FIELDS}
    if before == after:
        if member.version != expected_version:
            raise EditConflict(NetworkMember.objects.get(pk=member.pk))
        return member
    member.full_clean(validate_constraints=False)
    if member.is_chair and not before["is_chair"]:
        _one_chair(member, actor, request)
    save_versioned(member, expected_version=expected_version, fields=NETWORK_FIELDS)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=member,
        request=request,
        detail={"version": member.version, **changes_between(before, after)},
    )
    return member


@transaction.atomic
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
    _refuse_closed(trajectory)
    _check_person(trajectory, child, "child")
    _check_person(trajectory, adult, "adult")
    if not child.is_child:
        raise ValidationError({"child": _("Kies een kind van dit traject.")})
    if adult.pk == child.pk:
        raise ValidationError({"adult": _("Kies iemand anders dan het kind zelf.")})
    if ChildSupport.objects.filter(
        child=child, adult=adult, role=role, ended_at__isnull=True
    ).exists():
        raise ValidationError({"adult": _("Dit staat er al.")})
    support = ChildSupport(
        trajectory=trajectory,
        child=child,
        adult=adult,
        role=role,
        confirmed_on=confirmed_on,
        audience=audience,
        created_by=actor,
    )
    support.full_clean(validate_constraints=False)
    support.save()
    record(actor=actor, action=AuditAction.CREATE, obj=support, request=request)
    return support


@transaction.atomic
def confirm_child_support(
    *, support: ChildSupport, actor: Any, request: HttpRequest | None = None
) -> ChildSupport:
    """The adult said yes: today."""
    _refuse_closed(support.trajectory)
    if support.ended_at is not None or support.confirmed_on is not None:
        return support
    support.confirmed_on = timezone.localdate()
    ChildSupport.objects.filter(pk=support.pk).update(confirmed_on=support.confirmed_on)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=support,
        request=request,
        detail={"confirmed_on": support.confirmed_on.isoformat()},
    )
    return support


@transaction.atomic
def end_child_support(
    *, support: ChildSupport, actor: Any, request: HttpRequest | None = None
) -> None:
    """No longer so; the row stays in the file."""
    _refuse_closed(support.trajectory)
    if support.ended_at is not None:
        return
    support.ended_at = timezone.now()
    ChildSupport.objects.filter(pk=support.pk).update(ended_at=support.ended_at)
    record(actor=actor, action=AuditAction.WITHDRAW, obj=support, request=request)


@transaction.atomic
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
    _refuse_closed(trajectory)
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
        created_by=actor,
    )
    ban.full_clean()
    ban.save()
    record(actor=actor, action=AuditAction.CREATE, obj=ban, request=request)
    return ban


@transaction.atomic
def lift_ban(
    *, ban: ContactBan, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    _refuse_closed(ban.trajectory)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Zeg kort waarom.")})
    if ban.lifted_at is not None:
        return
    ban.lifted_at, ban.lifted_reason = timezone.now(), reason[:300]
    ContactBan.objects.filter(pk=ban.pk).update(
        lifted_at=ban.lifted_at, lifted_reason=ban.lifted_reason
    )
    record(
        actor=actor,
        action=AuditAction.WITHDRAW,
        obj=ban,
        request=request,
        detail={"reason": reason},
    )


@transaction.atomic
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
    _refuse_closed(trajectory)
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
        created_by=actor,
    )
    meeting.full_clean()
    meeting.save()
    meeting.attendees.set(attendees)
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=meeting,
        request=request,
        detail={"attendees": sorted(p.pk for p in attendees)},
    )
    return meeting

"""Writes on the persons of a trajectory and their relations to each child."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import changes_between, record
from samenopweg.cases.models import Trajectory
from samenopweg.cases.services import refresh_safety_summary
from samenopweg.core.locking import save_versioned
from samenopweg.people.models import Person, Relation

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
    return person

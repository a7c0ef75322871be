"""Aanmelding: a new trajectory with its children and adults and the first safety question.

The trajectory itself (reference, stage, the owner's grant) is cases' work
(cases.services.open_trajectory); the persons and their relations are people's. One
transaction, so a refused registration leaves nothing behind.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.accounts.models import Team
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases.models import Stage, Trajectory
from samenopweg.cases.services import (
    open_trajectory,
    record_first_safety_checks,
    refresh_search_text,
)
from samenopweg.core.models import Audience
from samenopweg.people.models import Person, Relation


@dataclass
class ChildInput:
    first_name: str
    last_name: str
    date_of_birth: datetime.date | None
    gender: str
    safety_answer: str
    safety_basis: str
    next_step: str
    urgency: str


@dataclass
class AdultInput:
    first_name: str
    last_name: str
    relation_kind: str
    gender: str = ""
    has_parental_authority: bool = False
    lives_with_child: bool = False
    phone: str = ""
    email: str = ""


@dataclass
class Registration:
    team: Team
    owner: Any
    framework: str
    youth_judge_reference: str
    reason: str
    goal: str
    children: list[ChildInput]
    adults: list[AdultInput] = field(default_factory=list)
    registered_on: datetime.date | None = None


# A child registered again within a year of the closure: the new trajectory links the old.
EARLIER_WITHIN = datetime.timedelta(days=365)


def earlier_trajectory(
    children: list[Person], *, now: datetime.datetime | None = None
) -> Trajectory | None:
    """The most recently closed trajectory, closed less than a year ago, of a child with the
    same first name, last name and date of birth as one of `children`. One query. Whoever
    registers may not see it: the page shows its reference and closing date, not the file."""
    match = Q(pk__in=[])
    for child in children:
        if child.date_of_birth is None:
            continue  # a name alone is not enough to say it is the same child
        match |= Q(
            first_name__iexact=child.first_name,
            last_name__iexact=child.last_name,
            date_of_birth=child.date_of_birth,
        )
    since = (now or timezone.now()) - EARLIER_WITHIN
    found = (
        Person.objects.filter(match, is_child=True)
        .filter(trajectory__stage=Stage.AFGESLOTEN, trajectory__closed_at__gte=since)
        .exclude(trajectory_id__in={child.trajectory_id for child in children})
        .select_related("trajectory")
        .order_by("-trajectory__closed_at", "-trajectory_id")
        .first()
    )
    return found.trajectory if found is not None else None


@transaction.atomic
def register_trajectory(
    *, registration: Registration, actor: Any, request: HttpRequest | None = None
) -> Trajectory:
    """Aanmelding: the trajectory, its children and adults, the owner's grant, the first checks."""
    reg = registration
    if not reg.children:
        raise ValidationError(_("Een traject heeft minstens één kind."))
    trajectory = open_trajectory(
        team=reg.team,
        owner=reg.owner,
        framework=reg.framework,
        youth_judge_reference=reg.youth_judge_reference,
        reason=reg.reason,
        goal=reg.goal,
        registered_on=reg.registered_on,
        actor=actor,
        request=request,
    )

    def new_person(given: ChildInput | AdultInput, **fields: Any) -> Person:
        return Person.objects.create(
            trajectory=trajectory,
            first_name=given.first_name.strip(),
            last_name=given.last_name.strip(),
            gender=given.gender,
            created_by=actor,
            **fields,
        )

    children = [
        (new_person(c, date_of_birth=c.date_of_birth, is_child=True, audience=Audience.CHILD), c)
        for c in reg.children
    ]
    for adult in reg.adults:
        parent = new_person(adult, phone=adult.phone, email=adult.email, audience=Audience.PARENTS)
        Relation.objects.bulk_create(
            Relation(
                trajectory=trajectory,
                person=parent,
                child=child_person,
                kind=adult.relation_kind,
                has_parental_authority=adult.has_parental_authority,
                lives_with_child=adult.lives_with_child,
            )
            for child_person, _input in children
        )
    record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="people.person",
        trajectory=trajectory,
        request=request,
        detail={"children": len(reg.children), "adults": len(reg.adults)},
    )
    record_first_safety_checks(
        trajectory=trajectory,
        answers=[
            (person, child.safety_answer, child.safety_basis, child.next_step, child.urgency)
            for person, child in children
        ],
        actor=actor,
        request=request,
    )
    earlier = earlier_trajectory([person for person, _input in children])
    if earlier is not None:
        trajectory.earlier = earlier
        trajectory.save(update_fields=["earlier"])
        for linked, other in ((trajectory, earlier), (earlier, trajectory)):
            record(
                actor=actor,
                action=AuditAction.UPDATE,
                object_type="cases.trajectory",
                object_id=linked.pk,
                trajectory=linked,
                request=request,
                detail={"earlier" if linked is trajectory else "later": other.reference},
            )
    refresh_search_text(trajectory)
    return trajectory

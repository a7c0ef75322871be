"""Writes for the scaling question: one round of numbers, in one transaction with its audit row.

The scores are case-file items (each has its audience), made together as one round: one
closed-file refusal (the kernel's), one check of everything, one insert of all the numbers and
one audit row for the round, not one per number.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from samenopweg.assessments.models import (
    DangerStatement,
    MappingSession,
    ProfessionalView,
    ScalingRound,
    ScalingScore,
)
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases.items import refuse_closed
from samenopweg.cases.models import Trajectory
from samenopweg.core.models import Audience
from samenopweg.people.models import Person


@dataclass(frozen=True)
class ScoreInput:
    """One number in a round: who gives it (a person of the trajectory or a professional role)."""

    danger_statement: DangerStatement
    score: int
    person: Person | None = None
    professional_role: str = ""
    what_makes_it: str = ""
    one_higher: str = ""
    audience: int = Audience.PROFESSIONALS


def _check(
    trajectory: Trajectory, session: MappingSession | None, scores: Sequence[ScoreInput]
) -> None:
    """Everything must belong to this trajectory; one number per person or role per statement."""
    errors: dict[str, list[str]] = {}
    if session is not None and session.trajectory_id != trajectory.pk:
        errors.setdefault("session", []).append(_("Kies een gesprek van dit traject."))
    if not scores:
        errors.setdefault("__all__", []).append(_("Vul minstens één cijfer in."))
    seen: set[tuple[int, str]] = set()
    for item in scores:
        statement = item.danger_statement
        if statement.trajectory_id != trajectory.pk or statement.withdrawn_at is not None:
            errors.setdefault("danger_statement", []).append(
                _("Kies een gevaarsboodschap van dit traject.")
            )
        if (item.person is None) == (not item.professional_role):
            errors.setdefault("who", []).append(
                _("Kies wie dit cijfer geeft: een persoon of een professional.")
            )
            continue
        if item.person is not None and item.person.trajectory_id != trajectory.pk:
            errors.setdefault("who", []).append(_("Kies een persoon van dit traject."))
        if item.professional_role and item.professional_role not in ProfessionalView.values:
            errors.setdefault("who", []).append(_("Kies een professional uit de lijst."))
        if not isinstance(item.score, int) or not 0 <= item.score <= 10:
            errors.setdefault("score", []).append(_("Kies een cijfer van 0 tot 10."))
        if item.audience not in Audience.values:
            errors.setdefault("audience", []).append(_("Kies wie dit mag zien."))
        who = (
            f"person:{item.person.pk}"
            if item.person is not None
            else f"role:{item.professional_role}"
        )
        if (statement.pk, who) in seen:
            errors.setdefault("who", []).append(
                _("Iedereen geeft één cijfer per gevaarsboodschap in een ronde.")
            )
        seen.add((statement.pk, who))
    if errors:
        raise ValidationError({k: list(dict.fromkeys(v)) for k, v in errors.items()})


@transaction.atomic
def record_scaling_round(
    *,
    trajectory: Trajectory,
    held_on: datetime.date,
    session: MappingSession | None,
    scores: Sequence[ScoreInput],
    actor: Any,
    request: HttpRequest | None = None,
) -> ScalingRound:
    """Store the numbers everyone present gave at one moment, for each danger/goal pair."""
    refuse_closed(trajectory)
    _check(trajectory, session, scores)
    scaling_round = ScalingRound(
        trajectory=trajectory, session=session, held_on=held_on, created_by=actor
    )
    scaling_round.full_clean(exclude=["trajectory", "session", "created_by"])
    scaling_round.save()
    rows = []
    for item in scores:
        row = ScalingScore(
            round=scaling_round,
            trajectory=trajectory,
            danger_statement=item.danger_statement,
            person=item.person,
            professional_role=item.professional_role,
            score=item.score,
            what_makes_it=item.what_makes_it.strip(),
            one_higher=item.one_higher.strip(),
            audience=item.audience,
            created_by=actor,
        )
        # The relations were checked above; asking the database again per row would be N queries.
        row.full_clean(
            exclude=["round", "trajectory", "danger_statement", "person", "created_by"],
            validate_constraints=False,
        )
        rows.append(row)
    ScalingScore.objects.bulk_create(rows)
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=scaling_round,
        request=request,
        detail={
            "held_on": held_on.isoformat(),
            "session": session.pk if session is not None else None,
            "scores": len(rows),
            "danger_statements": sorted({item.danger_statement.pk for item in scores}),
        },
    )
    return scaling_round

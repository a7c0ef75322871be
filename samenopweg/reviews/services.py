"""Writes on reviews and their cadence.

The kernel (cases.items) does the shared part of each write: the closed-file refusal, the
version check and the audit row, in one transaction. The domain rules are here: the persons,
professionals, goals and scaling round all belong to this trajectory.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from samenopweg.assessments.models import SafetyGoal, ScalingRound
from samenopweg.cases import items
from samenopweg.cases.models import CaseGrant, CaseRole, Trajectory
from samenopweg.people.models import Person
from samenopweg.reviews.models import (
    GoalStatus,
    Review,
    ReviewCadence,
    ReviewGoal,
    goal_field,
)

# Who may be named as a professional who took part: a current grant in one of these roles.
PROFESSIONAL_ROLES = (CaseRole.CONSULENT, CaseRole.HULPVERLENER)


@dataclass(frozen=True)
class GoalInput:
    """Where one safety goal stands at the review."""

    safety_goal: SafetyGoal
    status: str
    shown_since: datetime.date | None = None
    note: str = ""

    def as_fields(self) -> dict[str, Any]:
        shown = self.status == GoalStatus.SHOWN
        return {
            "status": self.status,
            "shown_since": self.shown_since if shown else None,
            "note": self.note.strip(),
        }


@dataclass(frozen=True)
class ReviewData:
    """Everything a review form holds."""

    held_on: datetime.date
    changes_going_well: str
    needs_adjusting: str
    help_can_stop: str
    outcome: str
    for_the_judge: str = ""
    points_to_change: str = ""
    next_review_on: datetime.date | None = None
    scaling_round: ScalingRound | None = None
    participants: Sequence[Person] = ()
    professionals: Sequence[Any] = ()
    goals: Sequence[GoalInput] = field(default_factory=tuple)

    def as_fields(self) -> dict[str, Any]:
        return {
            "held_on": self.held_on,
            "changes_going_well": self.changes_going_well.strip(),
            "needs_adjusting": self.needs_adjusting.strip(),
            "help_can_stop": self.help_can_stop.strip(),
            "for_the_judge": self.for_the_judge.strip(),
            "outcome": self.outcome,
            "points_to_change": self.points_to_change.strip(),
            "next_review_on": self.next_review_on,
            "scaling_round": self.scaling_round,
        }

    def as_many(self) -> dict[str, list[Any]]:
        return {"participants": list(self.participants), "professionals": list(self.professionals)}


def professionals_on_case(trajectory: Trajectory) -> models.QuerySet[Any]:
    """The professionals who can have taken part: the consultant and the workers on the case."""
    on_case = (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, role__in=PROFESSIONAL_ROLES)
        .values("user_id")
    )
    return get_user_model().objects.filter(pk__in=on_case).order_by("first_name", "last_name")


def _check(trajectory: Trajectory, data: ReviewData) -> None:
    """Everything named belongs to this trajectory; a goal shown says since when."""
    errors: dict[str, list[str]] = {}
    if any(p.trajectory_id != trajectory.pk for p in data.participants):
        errors["participants"] = [_("Kies personen van dit traject.")]
    if data.professionals:
        allowed = set(professionals_on_case(trajectory).values_list("pk", flat=True))
        if any(user.pk not in allowed for user in data.professionals):
            errors["professionals"] = [_("Kies professionals die op dit traject werken.")]
    round_ = data.scaling_round
    if round_ is not None and round_.trajectory_id != trajectory.pk:
        errors["scaling_round"] = [_("Kies schaalvragen van dit traject.")]
    seen: set[int] = set()
    for line in data.goals:
        goal = line.safety_goal
        if goal.trajectory_id != trajectory.pk or goal.withdrawn_at is not None or goal.pk in seen:
            errors.setdefault("__all__", []).append(_("Kies veiligheidsdoelen van dit traject."))
            continue
        seen.add(goal.pk)
        if line.status not in GoalStatus.values:
            errors[goal_field(goal.pk, "status")] = [_("Kies hoe het met dit doel staat.")]
        elif line.status == GoalStatus.SHOWN:
            if line.shown_since is None:
                errors[goal_field(goal.pk, "shown_since")] = [
                    _("Zeg sinds wanneer het getoond wordt.")
                ]
            elif line.shown_since > data.held_on:
                errors[goal_field(goal.pk, "shown_since")] = [
                    _("Kies een datum op of voor de dag van het evaluatiemoment.")
                ]
    if errors:
        raise ValidationError({k: list(dict.fromkeys(v)) for k, v in errors.items()})


@transaction.atomic
def hold_review(
    *,
    trajectory: Trajectory,
    data: ReviewData,
    actor: Any,
    request: HttpRequest | None = None,
) -> Review:
    """A review meeting with where each goal stands, in one transaction."""
    items.refuse_closed(trajectory)
    _check(trajectory, data)
    review = items.create(
        item=Review(trajectory=trajectory, **data.as_fields()),
        actor=actor,
        request=request,
        many=data.as_many(),
    )
    for line in data.goals:
        items.create(
            item=ReviewGoal(
                trajectory=trajectory,
                review=review,
                safety_goal=line.safety_goal,
                **line.as_fields(),
            ),
            actor=actor,
            request=request,
        )
    return review


@transaction.atomic
def update_review(
    *,
    review: Review,
    expected_version: int,
    data: ReviewData,
    actor: Any,
    request: HttpRequest | None = None,
) -> Review:
    """Change a review. The review's own version guards its goals too: a change of a goal's
    line alone is an edit of the review."""
    trajectory = review.trajectory
    items.refuse_closed(trajectory)
    _check(trajectory, data)
    fields, many = data.as_fields(), data.as_many()
    existing = {row.safety_goal_id: row for row in ReviewGoal.objects.filter(review=review)}
    changed_goals = [
        line
        for line in data.goals
        if line.safety_goal.pk not in existing
        or any(
            getattr(existing[line.safety_goal.pk], name) != value
            for name, value in line.as_fields().items()
        )
    ]
    unchanged = items.is_unchanged(
        review, expected_version=expected_version, fields=fields, many=many
    )
    if unchanged and not changed_goals:
        return review
    review = items.update(
        item=review,
        expected_version=expected_version,
        fields=fields,
        many=many,
        actor=actor,
        request=request,
    )
    for line in changed_goals:
        row = existing.get(line.safety_goal.pk)
        if row is None:
            items.create(
                item=ReviewGoal(
                    trajectory=trajectory,
                    review=review,
                    safety_goal=line.safety_goal,
                    **line.as_fields(),
                ),
                actor=actor,
                request=request,
            )
        else:
            items.update(
                item=row,
                expected_version=row.version,
                fields=line.as_fields(),
                actor=actor,
                request=request,
            )
    return review


def withdraw_review(
    *, review: Review, reason: str, actor: Any, request: HttpRequest | None = None
) -> bool:
    return items.withdraw(item=review, reason=reason, actor=actor, request=request)


def set_cadence(
    *,
    trajectory: Trajectory,
    every_weeks: int,
    expected_version: int | None = None,
    actor: Any,
    request: HttpRequest | None = None,
) -> ReviewCadence:
    """Every how many weeks the next review comes. The first setting makes the row; later ones
    edit it (`expected_version`: the version the form was read at, None when there was none)."""
    return items.set_one_per_trajectory(
        model=ReviewCadence,
        trajectory=trajectory,
        fields={"every_weeks": every_weeks},
        expected_version=expected_version,
        actor=actor,
        request=request,
    )

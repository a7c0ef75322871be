"""The caseload table's rows, prepared once per request in plain Python.

A consultant opens the dashboard many times a day and a team lead's page lists 50 of 1 500
open trajectories. Rendering each row through model properties, `get_FOO_display`,
`{% url %}` and `|date` in the template made the table cost about half of the page
(nearly a thousand gettext and localize calls). Here the labels are looked up once per
request and each row becomes a handful of ready strings; the template only prints them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import formats
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from samenopweg.assessments.models import StatementStatus
from samenopweg.cases.models import SafetyAnswer, Stage, Trajectory, Urgency
from samenopweg.cases.naming import ChildName, family_label


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    attention: int
    url: str
    reference: str
    family: str  # "Emma (9) en Lucas (6) Peeters" (cases.naming), "" without children
    stage: str
    safety_status: str  # the value, for the badge's CSS class
    safety_label: str
    safety_checked_on: str
    safety_check_overdue: bool
    next_step: str
    next_step_late: bool
    open_tasks: int
    overdue_tasks: int
    what_has_statement: bool
    what_status: str  # draft / discussed / shared
    what_status_label: str
    what_goal_missing: bool
    what_scale: str  # "schaal 4/10 (12/03)" or ""
    plan_broken: int  # rules whose latest check-in did not go well
    plan_overdue: int  # rules whose check-in is late
    plan_review: str  # the passed review date of an immediate agreement, or ""
    review_on: str  # "d/m" of the next review (reviews.selectors.next_reviews), or ""
    review_late: bool
    review_never: bool  # never reviewed yet: the first one is due after the plan began
    feedback_signals: int  # open "bespreek de samenwerking" signals
    feedback_late: str  # the passed due date of the next feedback round, or ""
    expectations_missing: bool  # past mapping, and no expectations written
    owner: str


def caseload_rows(
    trajectories: Iterable[Trajectory], *, now: datetime.datetime, today: datetime.date
) -> list[CaseloadRow]:
    """Rows of caseload_for_user's queryset (its annotations and prefetched children)."""
    stages = {value: str(label) for value, label in Stage.choices}
    answers = {value: str(label) for value, label in SafetyAnswer.choices}
    urgencies = {value: str(label) for value, label in Urgency.choices}
    what_labels = {
        StatementStatus.SHARED: _("Gedeeld met het gezin"),
        StatementStatus.DISCUSSED: _("Besproken, nog niet gedeeld"),
        StatementStatus.DRAFT: _("Ontwerp, nog niet besproken"),
    }
    # reverse() once: the reference is the only part that changes per row.
    marker = "REFERENCE"
    detail_url = reverse("dashboard:detail", args=[marker])
    rows = []
    for t in trajectories:
        scale = ""
        if t.what_scale_on is not None:  # type: ignore[attr-defined]
            scale = _("laagste cijfer %(n)s/10 op %(day)s") % {
                "n": t.what_scale_min,  # type: ignore[attr-defined]
                "day": formats.date_format(t.what_scale_on, "d/m"),  # type: ignore[attr-defined]
            }
        status = t.what_status or StatementStatus.DRAFT  # type: ignore[attr-defined]
        flags = t.feedback  # type: ignore[attr-defined]
        review = t.next_review  # type: ignore[attr-defined]
        checked = ""
        if t.safety_checked_at is not None:
            checked = formats.date_format(localtime(t.safety_checked_at), "SHORT_DATE_FORMAT")
        rows.append(
            CaseloadRow(
                attention=t.attention,  # type: ignore[attr-defined]
                url=detail_url.replace(marker, t.reference),
                reference=t.reference,
                family=family_label(
                    (
                        ChildName(c.first_name, c.last_name, c.date_of_birth)
                        for c in t.children  # type: ignore[attr-defined]
                    ),
                    today,
                ),
                stage=stages.get(t.stage, t.stage),
                safety_status=t.safety_status,
                safety_label=answers.get(t.safety_status, ""),
                safety_checked_on=checked,
                safety_check_overdue=t.stage != Stage.AFGESLOTEN
                and (t.safety_check_due_at is None or t.safety_check_due_at < now),
                next_step=urgencies.get(t.next_step_urgency, ""),
                next_step_late=bool(
                    t.next_step_urgency and t.next_step_due_at and t.next_step_due_at < now
                ),
                open_tasks=t.open_task_count,  # type: ignore[attr-defined]
                overdue_tasks=t.overdue_task_count,  # type: ignore[attr-defined]
                what_has_statement=t.what_has_statement,  # type: ignore[attr-defined]
                what_status=status,
                what_status_label=what_labels.get(status, what_labels[StatementStatus.DRAFT]),
                what_goal_missing=t.what_goal_missing,  # type: ignore[attr-defined]
                what_scale=scale,
                plan_broken=t.plan.broken,  # type: ignore[attr-defined]
                plan_overdue=t.plan.overdue,  # type: ignore[attr-defined]
                plan_review=formats.date_format(t.plan.review_overdue, "d/m")  # type: ignore[attr-defined]
                if t.plan.review_overdue  # type: ignore[attr-defined]
                else "",
                review_on=formats.date_format(review.due_on, "d/m") if review else "",
                review_late=bool(review and review.late),
                review_never=bool(review and review.never_reviewed),
                feedback_signals=flags.open_signals if flags else 0,
                feedback_late=formats.date_format(flags.round_due, "d/m")
                if flags and flags.round_late
                else "",
                expectations_missing=bool(flags and flags.expectations_missing),
                owner=str(t.owner),
            )
        )
    return rows

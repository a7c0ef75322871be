"""Reads that span relations or depend on permissions. Everything starts from access.py."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

# The dashboard reads the WHAT (assessments), the HOW (safety_plans), tasks and persons of each
# trajectory: it sits above them all (.importlinter), so none of them imports it.
from samenopweg.assessments.models import (
    DangerStatement,
    SafetyGoal,
    ScalingRound,
    ScalingScore,
    StatementSet,
    StatementStatus,
)
from samenopweg.cases.access import led_team_ids, visible_trajectories
from samenopweg.cases.models import Alert, SafetyAnswer, Stage, Trajectory
from samenopweg.feedback.models import FeedbackSignal
from samenopweg.feedback.selectors import FeedbackFlags, feedback_flags
from samenopweg.journal.models import Task, TaskStatus
from samenopweg.people.models import Person
from samenopweg.reviews.selectors import NextReview, next_reviews
from samenopweg.safety_plans.models import (
    FOLLOWED_UP,
    CheckOutcome,
    PlanKind,
    PlanRule,
    PlanStatus,
    SafetyPlan,
)
from samenopweg.safety_plans.selectors import PlanSignals, plan_signals


@dataclass
class DashboardFilters:
    q: str = ""
    stage: str = ""
    safety: str = ""  # "", yes, unclear, no, overdue
    only_overdue_tasks: bool = False
    scope: str = ""  # "", "mine", "team"
    include_closed: bool = False
    what_missing: bool = False  # only trajectories without a shared WHAT (see what_annotations)


def _parse_date(text: str) -> datetime.date | None:
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None


def search_condition(q: str) -> Q:
    """Reference, names of people in the trajectory, or a date (registration or birth)."""
    q = q.strip()
    if not q:
        return Q()
    day = _parse_date(q)
    if day is not None:
        born = Person.objects.filter(trajectory=OuterRef("pk"), date_of_birth=day)
        return Q(registered_on=day) | Q(Exists(born))
    # Every word must match (a reference or a name): "Emma Peeters" finds Emma Peeters,
    # not every Emma and every Peeters. One column per trajectory (Trajectory.search_text).
    condition = Q()
    for word in q.split()[:3]:
        condition &= Q(search_text__contains=word.casefold())
    return condition


def what_annotations() -> dict[str, Any]:
    """The WHAT of each trajectory as columns of a query, for the filter "Nog geen gedeelde WAT"
    (caseload_details() computes the same for the rows of one page, more cheaply).

    - `what_has_statement`: a current (not withdrawn) danger statement exists;
    - `what_goal_missing`: some current danger statement has no current safety goal;
    - `what_status`: the statement set's status (None before anything was written: a draft);
    - `what_scale_min`, `what_scale_on`: the lowest number of the latest scaling round, and
      its date. The lowest, because one person who still sees little safety is what a team
      lead must notice; the page shows the spread.
    The dashboard is for professionals, who see every item (the item rule), so nothing here
    is filtered by audience.
    """
    current = DangerStatement.objects.filter(trajectory=OuterRef("pk"), withdrawn_at__isnull=True)
    current_goal = SafetyGoal.objects.filter(
        danger_statement=OuterRef("pk"), withdrawn_at__isnull=True
    )
    scored = ScalingScore.objects.filter(
        round=OuterRef("pk"), danger_statement__withdrawn_at__isnull=True
    )
    latest_round = (
        ScalingRound.objects.filter(trajectory=OuterRef("pk"))
        .filter(Exists(scored))
        .order_by("-held_on", "-id")
    )
    lowest = (
        ScalingScore.objects.filter(
            round=OuterRef("what_round"), danger_statement__withdrawn_at__isnull=True
        )
        .order_by()
        .values("round")
        .annotate(lowest=Min("score"))
        .values("lowest")[:1]
    )
    return {
        "what_has_statement": Exists(current),
        "what_goal_missing": Exists(current.filter(~Exists(current_goal))),
        "what_status": Subquery(
            StatementSet.objects.filter(trajectory=OuterRef("pk")).values("status")[:1]
        ),
        "what_round": Subquery(latest_round.values("pk")[:1]),
        "what_scale_on": Subquery(latest_round.values("held_on")[:1]),
        "what_scale_min": Subquery(lowest, output_field=IntegerField()),
    }


# "Gevaarsboodschappen of doelen ontbreken of zijn niet gedeeld": no current danger statement,
# a statement without a goal, or a set that was not shared with the family (yet, or again after
# being moved back).
WHAT_MISSING = (
    Q(what_has_statement=False)
    | Q(what_goal_missing=True)
    | Q(what_status__isnull=True)
    | ~Q(what_status=StatementStatus.SHARED)
)


def plan_trouble(today: datetime.date) -> Q:
    """The HOW needs a look: a rule that did not go well or is late for its check-in, or an
    immediate agreement past its review date (the follow-up fields of safety_plans)."""
    rules = PlanRule.objects.filter(
        trajectory=OuterRef("pk"), withdrawn_at__isnull=True, plan__status__in=FOLLOWED_UP
    ).filter(Q(last_outcome=CheckOutcome.DID_NOT) | Q(next_check_due__lt=today))
    review = SafetyPlan.objects.filter(
        trajectory=OuterRef("pk"), kind=PlanKind.IMMEDIATE, review_on__lt=today
    ).exclude(status=PlanStatus.ENDED)
    return Q(Exists(rules)) | Q(Exists(review))


def caseload_for_user(*, user: Any, filters: DashboardFilters) -> QuerySet[Trajectory]:
    """The caseload, most urgent first: acute, unclear, next step late, safety question
    overdue, the safety plan needs a look, "bespreek de samenwerking", overdue tasks. Annotated with `attention` (the rank) only; caseload_details()
    adds the rest for the rows of one page, so the sort over a team of thousands reads
    columns and one task subquery instead of everything the table shows."""
    now = timezone.now()
    today = timezone.localdate()
    qs = visible_trajectories(user)
    if not filters.include_closed and filters.stage != Stage.AFGESLOTEN:
        qs = qs.exclude(stage=Stage.AFGESLOTEN)
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    if filters.scope == "mine":
        qs = qs.filter(owner=user)
    elif filters.scope == "team":
        qs = qs.filter(team_id__in=led_team_ids(user))
    if filters.safety in SafetyAnswer.values:
        qs = qs.filter(safety_status=filters.safety)
    elif filters.safety == "overdue":
        qs = qs.filter(Q(safety_check_due_at__lt=now) | Q(safety_check_due_at__isnull=True))
    if filters.q:
        qs = qs.filter(search_condition(filters.q))
    overdue_tasks = Task.objects.filter(
        trajectory=OuterRef("pk"), status=TaskStatus.OPEN, deadline__lt=today
    )
    if filters.only_overdue_tasks:
        qs = qs.filter(Exists(overdue_tasks))
    open_signal = FeedbackSignal.objects.filter(trajectory=OuterRef("pk"), closed_at__isnull=True)
    if filters.what_missing:
        qs = qs.alias(**what_annotations()).filter(WHAT_MISSING)
    qs = qs.annotate(
        attention=Case(
            When(stage=Stage.AFGESLOTEN, then=Value(9)),
            When(safety_status=SafetyAnswer.NO, then=Value(0)),
            When(safety_status=SafetyAnswer.UNCLEAR, then=Value(1)),
            When(next_step_due_at__lt=now, then=Value(2)),
            When(
                Q(safety_check_due_at__lt=now) | Q(safety_check_due_at__isnull=True), then=Value(3)
            ),
            When(plan_trouble(today), then=Value(4)),
            When(Exists(open_signal), then=Value(5)),
            When(Exists(overdue_tasks), then=Value(6)),
            default=Value(7),
            output_field=IntegerField(),
        )
    )
    return (
        qs.defer("reason", "goal", "youth_judge_reference")
        .select_related("owner")
        .order_by("attention", "safety_check_due_at", "reference")
    )


def caseload_page(ranked: Sequence[tuple[int, int]]) -> list[Trajectory]:
    """The trajectories of one page of the caseload, in rank order, with caseload_details().

    `ranked` is a slice of caseload_for_user(...).values_list("pk", "attention"): the view
    reads the whole ranking once (ids only) and counts and pages it in Python, so a search
    runs its name matching once instead of once for the count and once for the page.
    """
    attention = dict(ranked)
    found = (
        Trajectory.objects.filter(pk__in=attention)
        .defer("reason", "goal", "youth_judge_reference")
        .select_related("owner")
        .in_bulk()
    )
    trajectories = []
    for pk, rank in ranked:
        if pk in found:  # gone since the ranking was read: leave it out
            found[pk].attention = rank  # type: ignore[attr-defined]
            trajectories.append(found[pk])
    return caseload_details(trajectories)


def caseload_details(trajectories: list[Trajectory]) -> list[Trajectory]:
    """Add what one page of the caseload shows, in a fixed number of queries (not per row).

    Sets on each trajectory: `children` (id, names, date of birth), `open_task_count`,
    `overdue_task_count`, `plan` (the HOW's follow-up signals: safety_plans.selectors.
    plan_signals), `feedback` (feedback.selectors.feedback_flags; None when closed),
    `next_review` (reviews.selectors.next_reviews; None when none is due), and the WHAT as described in what_annotations() (`what_has_statement`,
    `what_goal_missing`, `what_status`, `what_scale_min`, `what_scale_on`). The dashboard is
    for professionals, who see every item (the item rule), so nothing is filtered by audience.
    """
    ids = [t.pk for t in trajectories]
    children: dict[int, list[Person]] = {pk: [] for pk in ids}
    tasks: dict[int, tuple[int, int]] = {}
    has_statement: set[int] = set()
    goal_missing: set[int] = set()
    status: dict[int, str] = {}
    latest: dict[int, tuple[datetime.date, int, int]] = {}  # held_on, round id, lowest score
    if ids:
        for child in (
            Person.objects.filter(trajectory_id__in=ids, is_child=True)
            .only("id", "trajectory_id", "first_name", "last_name", "date_of_birth")
            .order_by("date_of_birth", "first_name", "id")
        ):
            children[child.trajectory_id].append(child)
        today = timezone.localdate()
        for trajectory_id, open_count, overdue_count in (
            Task.objects.filter(trajectory_id__in=ids, status=TaskStatus.OPEN)
            .order_by()
            .values("trajectory_id")
            .annotate(n=Count("pk"), late=Count("pk", filter=Q(deadline__lt=today)))
            .values_list("trajectory_id", "n", "late")
        ):
            tasks[trajectory_id] = (open_count, overdue_count)
        current_goal = SafetyGoal.objects.filter(
            danger_statement=OuterRef("pk"), withdrawn_at__isnull=True
        )
        for trajectory_id, has_goal in (
            DangerStatement.objects.filter(trajectory_id__in=ids, withdrawn_at__isnull=True)
            .annotate(has_goal=Exists(current_goal))
            .values_list("trajectory_id", "has_goal")
        ):
            has_statement.add(trajectory_id)
            if not has_goal:
                goal_missing.add(trajectory_id)
        status = dict(
            StatementSet.objects.filter(trajectory_id__in=ids).values_list(
                "trajectory_id", "status"
            )
        )
        # Rounds with a number on a current statement; the newest per trajectory counts.
        for trajectory_id, round_id, held_on, lowest in (
            ScalingScore.objects.filter(
                trajectory_id__in=ids, danger_statement__withdrawn_at__isnull=True
            )
            .order_by()
            .values("trajectory_id", "round_id", "round__held_on")
            .annotate(lowest=Min("score"))
            .values_list("trajectory_id", "round_id", "round__held_on", "lowest")
        ):
            if trajectory_id not in latest or (held_on, round_id) > latest[trajectory_id][:2]:
                latest[trajectory_id] = (held_on, round_id, lowest)
    signals = plan_signals(ids)
    feedback: dict[int, FeedbackFlags] = feedback_flags(ids, timezone.localdate()) if ids else {}
    reviews: dict[int, NextReview] = next_reviews(ids, timezone.localdate()) if ids else {}
    for t in trajectories:
        t.feedback = feedback.get(t.pk)  # type: ignore[attr-defined]
        t.next_review = reviews.get(t.pk)  # type: ignore[attr-defined]
        t.plan = signals.get(t.pk, PlanSignals())  # type: ignore[attr-defined]
        t.children = children[t.pk]  # type: ignore[attr-defined]
        t.open_task_count, t.overdue_task_count = tasks.get(t.pk, (0, 0))  # type: ignore[attr-defined]
        t.what_has_statement = t.pk in has_statement  # type: ignore[attr-defined]
        t.what_goal_missing = t.pk in goal_missing  # type: ignore[attr-defined]
        t.what_status = status.get(t.pk)  # type: ignore[attr-defined]
        scaled = latest.get(t.pk)
        t.what_scale_on = scaled[0] if scaled else None  # type: ignore[attr-defined]
        t.what_scale_min = scaled[2] if scaled else None  # type: ignore[attr-defined]
    return trajectories


def open_alerts_for_user(*, user: Any) -> QuerySet[Alert]:
    """Unacknowledged acute alerts of the teams this user leads."""
    teams = led_team_ids(user)
    if not teams:
        return Alert.objects.none()
    return (
        Alert.objects.filter(team_id__in=teams, acknowledged_at__isnull=True)
        .select_related("trajectory", "safety_check__child", "safety_check__checked_by")
        .order_by("-created_at")
    )


@dataclass(frozen=True)
class EarlierTrajectory:
    """The trajectory closed in the year before this one was registered, for a child of both
    (people.registration.earlier_trajectory): a link when the reader may open it."""

    reference: str
    closed_on: datetime.date | None
    visible: bool


def earlier_trajectory(user: Any, trajectory: Trajectory) -> EarlierTrajectory | None:
    """None, without a query, when nothing was linked; otherwise one query."""
    earlier_id = trajectory.earlier_id
    if earlier_id is None:
        return None
    row = (
        Trajectory.objects.filter(pk=earlier_id)
        .annotate(visible=Exists(visible_trajectories(user).filter(pk=OuterRef("pk"))))
        .values_list("reference", "closed_at", "visible")
        .first()
    )
    if row is None:
        return None
    reference, closed_at, visible = row
    return EarlierTrajectory(
        reference=reference,
        closed_on=timezone.localdate(closed_at) if closed_at else None,
        visible=bool(visible),
    )

"""Reads of the HOW: the plan page, and the follow-up signals the dashboard shows.

Items start from `cases.access.visible_items`, so the family will get the same rule when their
pages come.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Max, OuterRef, Prefetch, Subquery
from django.utils import timezone

from samenopweg.assessments.models import SafetyGoal
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.safety_plans.models import (
    ALLOWED_STATUS,
    FOLLOWED_UP,
    CheckOutcome,
    PlanComment,
    PlanKind,
    PlanRule,
    PlanStatus,
    PlanVersion,
    RuleCheckIn,
    SafetyPlan,
)

RECENT_CHECK_INS = 5


def _start_of_follow_up(
    plan: SafetyPlan | None, changed_at: datetime.datetime | None
) -> datetime.date:
    moment = changed_at or (plan.created_at if plan is not None else timezone.now())
    return timezone.localdate(moment)


def follow_up_due(
    *,
    last_on: datetime.date | None,
    every_days: int,
    started: datetime.date,
) -> datetime.date:
    """When the next check-in of a rule is due: its interval after the last one (or the start)."""
    return (last_on or started) + datetime.timedelta(days=every_days)


@dataclass
class RuleLine:
    rule: PlanRule
    check_ins: list[RuleCheckIn]
    due_on: datetime.date | None
    overdue: bool
    broken: bool
    comments: list[PlanComment] = field(default_factory=list)


@dataclass
class PlanBlock:
    plan: SafetyPlan
    lines: list[RuleLine]
    goals_without_rule: list[SafetyGoal]
    comments: list[PlanComment]
    versions: list[PlanVersion]
    review_overdue: bool

    @property
    def followed_up(self) -> bool:
        return self.plan.status in FOLLOWED_UP

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        return [(s, str(PlanStatus(s).label)) for s in ALLOWED_STATUS[self.plan.status]]


@dataclass
class PlanPage:
    immediate: PlanBlock | None
    lasting: PlanBlock | None
    ended: list[SafetyPlan]
    goals: list[SafetyGoal]


def _block(
    access: CaseAccess, plan: SafetyPlan, goals: list[SafetyGoal], today: datetime.date
) -> PlanBlock:
    check_ins = visible_items(access, RuleCheckIn.objects.select_related("told_by", "recorded_by"))
    rules = list(
        visible_items(access, PlanRule.objects.filter(plan=plan, withdrawn_at__isnull=True))
        .select_related("checked_by")
        .prefetch_related(
            "who",
            "goals__danger_statement",
            Prefetch(
                "check_ins",
                queryset=check_ins.order_by("-checked_on", "-id"),
                to_attr="all_check_ins",
            ),
        )
    )
    comments = list(
        visible_items(access, PlanComment.objects.filter(plan=plan)).select_related("author")
    )
    by_rule: dict[int, list[PlanComment]] = defaultdict(list)
    for comment in comments:
        if comment.rule_id is not None:
            by_rule[comment.rule_id].append(comment)
    started = _start_of_follow_up(plan, plan.status_changed_at)
    lines = []
    for rule in rules:
        done: list[RuleCheckIn] = rule.all_check_ins  # type: ignore[attr-defined]
        due = None
        if plan.status in FOLLOWED_UP:
            due = follow_up_due(
                last_on=done[0].checked_on if done else None,
                every_days=rule.check_every_days,
                started=started,
            )
        lines.append(
            RuleLine(
                rule=rule,
                check_ins=done[:RECENT_CHECK_INS],
                due_on=due,
                overdue=due is not None and due < today,
                broken=bool(done)
                and done[0].outcome == CheckOutcome.DID_NOT
                and plan.status in FOLLOWED_UP,
                comments=by_rule.get(rule.pk, []),
            )
        )
    covered = {goal.pk for rule in rules for goal in rule.goals.all()}
    return PlanBlock(
        plan=plan,
        lines=lines,
        goals_without_rule=[g for g in goals if g.pk not in covered],
        comments=[c for c in comments if c.rule_id is None],
        versions=list(plan.versions.all()[:10]),
        review_overdue=plan.kind == PlanKind.IMMEDIATE
        and not plan.is_ended
        and plan.review_on is not None
        and plan.review_on < today,
    )


def plan_page(access: CaseAccess) -> PlanPage:
    """The open immediate agreement and lasting plan with their rules, and the plans that ended."""
    today = timezone.localdate()
    plans = list(
        visible_items(access, SafetyPlan.objects.select_related("confirmed_by")).order_by(
            "-created_at"
        )
    )
    goals = list(
        visible_items(
            access,
            SafetyGoal.objects.filter(
                withdrawn_at__isnull=True, danger_statement__withdrawn_at__isnull=True
            ),
        )
        .select_related("danger_statement")
        .order_by("danger_statement__position", "danger_statement_id", "position", "id")
    )
    open_plans = {p.kind: p for p in plans if not p.is_ended}
    return PlanPage(
        immediate=_block(access, open_plans[PlanKind.IMMEDIATE], goals, today)
        if PlanKind.IMMEDIATE in open_plans
        else None,
        lasting=_block(access, open_plans[PlanKind.LASTING], goals, today)
        if PlanKind.LASTING in open_plans
        else None,
        ended=[p for p in plans if p.is_ended],
        goals=goals,
    )


@dataclass(frozen=True)
class PlanSignals:
    """What the dashboard shows of a trajectory's HOW."""

    broken: int = 0  # rules whose latest check-in did not go well
    overdue: int = 0  # rules whose next check-in is late
    review_overdue: datetime.date | None = None  # an immediate agreement past its review date
    has_active_plan: bool = False


def plan_signals(trajectory_ids: Sequence[int]) -> dict[int, PlanSignals]:
    """Per trajectory, in two queries. For professionals, who see every item (the item rule)."""
    if not trajectory_ids:
        return {}
    today = timezone.localdate()
    latest_outcome = (
        RuleCheckIn.objects.filter(rule=OuterRef("pk"))
        .order_by("-checked_on", "-id")
        .values("outcome")[:1]
    )
    broken: dict[int, int] = defaultdict(int)
    overdue: dict[int, int] = defaultdict(int)
    active: set[int] = set()
    for trajectory_id, every, last_on, outcome, status, changed_at, created_at in (
        PlanRule.objects.filter(
            trajectory_id__in=trajectory_ids,
            withdrawn_at__isnull=True,
            plan__status__in=FOLLOWED_UP,
        )
        .annotate(last_on=Max("check_ins__checked_on"), last_outcome=Subquery(latest_outcome))
        .values_list(
            "trajectory_id",
            "check_every_days",
            "last_on",
            "last_outcome",
            "plan__status",
            "plan__status_changed_at",
            "plan__created_at",
        )
    ):
        if status == PlanStatus.ACTIVE:
            active.add(trajectory_id)
        if outcome == CheckOutcome.DID_NOT:
            broken[trajectory_id] += 1
        started = timezone.localdate(changed_at or created_at)
        if follow_up_due(last_on=last_on, every_days=every, started=started) < today:
            overdue[trajectory_id] += 1
    reviews = dict(
        SafetyPlan.objects.filter(
            trajectory_id__in=trajectory_ids, kind=PlanKind.IMMEDIATE, review_on__lt=today
        )
        .exclude(status=PlanStatus.ENDED)
        .values_list("trajectory_id", "review_on")
    )
    return {
        pk: PlanSignals(
            broken=broken.get(pk, 0),
            overdue=overdue.get(pk, 0),
            review_overdue=reviews.get(pk),
            has_active_plan=pk in active,
        )
        for pk in trajectory_ids
    }

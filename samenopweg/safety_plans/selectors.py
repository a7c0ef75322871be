"""Reads of the HOW: the plan page, and the follow-up signals the dashboard shows.

Items start from `cases.access.visible_items`, so the family will get the same rule when their
pages come.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.text import Truncator

from samenopweg.assessments.models import SafetyGoal
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.extensions import attach_notes
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


@dataclass
class RuleLine:
    """One rule as the plan page shows it. The page has forty; the texts it repeats are built
    here once (names, goals, a short label for screen readers) and the view adds the links."""

    rule: PlanRule
    due_on: datetime.date | None
    overdue: bool
    broken: bool
    comments: list[PlanComment] = field(default_factory=list)
    who_names: str = ""
    goal_texts: list[str] = field(default_factory=list)
    short: str = ""
    url_prefix: str = ""  # …/plan/afspraken/<id>/ : aanpassen/, intrekken/, opvolgen/
    recent: list[CheckInLine] = field(default_factory=list)


@dataclass(frozen=True)
class CheckInLine:
    day: str
    outcome: str
    label: str
    told_by: str
    note: str


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

    @property
    def attention(self) -> list[tuple[SafetyPlan, RuleLine]]:
        """The rules that did not go well at their last check-in or are late for the next one,
        with their plan: the summary at the top of the page (from the lines, no query)."""
        return [
            (block.plan, line)
            for block in (self.immediate, self.lasting)
            if block is not None
            for line in block.lines
            if line.broken or line.overdue
        ]


def _block(
    access: CaseAccess, plan: SafetyPlan, goals: list[SafetyGoal], today: datetime.date
) -> PlanBlock:
    """One plan with its rules. A plan has up to forty rules: who does them, their goals and
    their latest check-ins are read as plain values (three queries), not as model objects."""
    rules = list(
        visible_items(access, PlanRule.objects.filter(plan=plan, withdrawn_at__isnull=True))
        .select_related("checked_by")
        .order_by("position", "id")
    )
    ids = [rule.pk for rule in rules]
    who: dict[int, list[str]] = defaultdict(list)
    for rule_id, first, last in (
        PlanRule.who.through.objects.filter(planrule_id__in=ids)
        .order_by("id")
        .values_list("planrule_id", "person__first_name", "person__last_name")
    ):
        who[rule_id].append(f"{first} {last}".strip())
    visible_goals = {g.pk: g for g in goals}
    rule_goals: dict[int, list[int]] = defaultdict(list)
    for rule_id, goal_id in (
        PlanRule.goals.through.objects.filter(planrule_id__in=ids)
        .order_by("id")
        .values_list("planrule_id", "safetygoal_id")
    ):
        if goal_id in visible_goals:
            rule_goals[rule_id].append(goal_id)
    outcomes = {value: str(label) for value, label in CheckOutcome.choices}
    recent: dict[int, list[CheckInLine]] = defaultdict(list)
    for rule_id, day, outcome, first, last, note in (
        visible_items(access, RuleCheckIn.objects.filter(rule_id__in=ids))
        .order_by("rule_id", "-checked_on", "-id")
        .values_list(
            "rule_id", "checked_on", "outcome", "told_by__first_name", "told_by__last_name", "note"
        )
    ):
        if len(recent[rule_id]) < RECENT_CHECK_INS:
            recent[rule_id].append(
                CheckInLine(
                    day=formats.date_format(day, "SHORT_DATE_FORMAT"),
                    outcome=outcome,
                    label=outcomes.get(outcome, outcome),
                    told_by=f"{first or ''} {last or ''}".strip(),
                    note=note,
                )
            )
    comments = list(
        visible_items(access, PlanComment.objects.filter(plan=plan)).select_related("created_by")
    )
    by_rule: dict[int, list[PlanComment]] = defaultdict(list)
    for comment in comments:
        if comment.rule_id is not None:
            by_rule[comment.rule_id].append(comment)
    followed = plan.status in FOLLOWED_UP
    lines = []
    for rule in rules:
        due = rule.next_check_due if followed else None
        lines.append(
            RuleLine(
                rule=rule,
                due_on=due,
                overdue=due is not None and due < today,
                broken=followed and rule.last_outcome == CheckOutcome.DID_NOT,
                comments=by_rule.get(rule.pk, []),
                who_names=", ".join(who.get(rule.pk, [])),
                goal_texts=[visible_goals[g].parents_and_network_will for g in rule_goals[rule.pk]],
                short=Truncator(rule.what).words(8, truncate=" …"),
                recent=recent.get(rule.pk, []),
            )
        )
    covered = {goal for goal_ids in rule_goals.values() for goal in goal_ids}
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
    immediate = (
        _block(access, open_plans[PlanKind.IMMEDIATE], goals, today)
        if PlanKind.IMMEDIATE in open_plans
        else None
    )
    lasting = (
        _block(access, open_plans[PlanKind.LASTING], goals, today)
        if PlanKind.LASTING in open_plans
        else None
    )
    # What the children said about each rule (child_voice, through cases.extensions).
    attach_notes(
        access, [line.rule for block in (immediate, lasting) if block for line in block.lines]
    )
    return PlanPage(
        immediate=immediate,
        lasting=lasting,
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
    """Per trajectory, in two grouped queries on the rules' follow-up fields (kept by
    services.refresh_follow_up). For professionals, who see every item (the item rule)."""
    if not trajectory_ids:
        return {}
    today = timezone.localdate()
    counts: dict[int, dict[str, Any]] = {
        row["trajectory_id"]: dict(row)
        for row in PlanRule.objects.filter(
            trajectory_id__in=trajectory_ids,
            withdrawn_at__isnull=True,
            plan__status__in=FOLLOWED_UP,
        )
        .order_by()
        .values("trajectory_id")
        .annotate(
            broken=Count("pk", filter=Q(last_outcome=CheckOutcome.DID_NOT)),
            overdue=Count("pk", filter=Q(next_check_due__lt=today)),
            active=Count("pk", filter=Q(plan__status=PlanStatus.ACTIVE)),
        )
    }
    reviews = dict(
        SafetyPlan.objects.filter(
            trajectory_id__in=trajectory_ids, kind=PlanKind.IMMEDIATE, review_on__lt=today
        )
        .exclude(status=PlanStatus.ENDED)
        .values_list("trajectory_id", "review_on")
    )
    signals = {}
    for pk in trajectory_ids:
        row = counts.get(pk, {})
        signals[pk] = PlanSignals(
            broken=row.get("broken", 0),
            overdue=row.get("overdue", 0),
            review_overdue=reviews.get(pk),
            has_active_plan=bool(row.get("active")),
        )
    return signals

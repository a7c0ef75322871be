"""The "Vandaag" block at the top of a consultant's or worker's dashboard.

Across all the families of the person logged in, what cannot wait: children who are not safe
now or whose safety is unclear, next steps due today or late, safety-plan agreements that did
not go well, "bespreek de samenwerking" (a low or falling feedback score whose loop is not
closed yet), reviews past their date, and tasks due this week. Each line is one click from its
page. A later issue adds its own kind by adding a reader to `today_for_user`.

A fixed number of queries, whatever the caseload (tests/test_query_counts.py): one for the
trajectories that need a look, one for their latest safety answers, one for failed
agreements, one for open feedback signals, one for reviews past due, one for tasks, one for
the children's names.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from samenopweg.accounts.roles import led_team_ids
from samenopweg.cases.access import visible_trajectories
from samenopweg.cases.models import CaseGrant, SafetyAnswer, SafetyCheck, Stage, Trajectory
from samenopweg.cases.naming import ChildName, and_join, family_label
from samenopweg.cases.safety import next_step_due
from samenopweg.feedback.models import SignalReason, VersionKind
from samenopweg.feedback.selectors import OpenSignal, open_signals
from samenopweg.journal.models import Task, TaskStatus
from samenopweg.people.models import Person
from samenopweg.reviews.selectors import ReviewDue, reviews_due
from samenopweg.safety_plans.models import FOLLOWED_UP, CheckOutcome, PlanRule

# The order of the block: the most urgent kind first.
UNSAFE, UNCLEAR, NEXT_STEP, PLAN_RULE, FEEDBACK, REVIEW, TASK = range(7)
TASK_HORIZON_DAYS = 7
MAX_LINES = 25
MAX_TASKS = 200  # read at most, so "en nog N" counts the tasks left out of the block too


@dataclass(frozen=True, slots=True)
class TodayLine:
    kind: int  # UNSAFE … TASK: the order, and the CSS class (today-0 … today-6)
    trajectory_id: int
    family: str  # "Emma (9) en Lucas (6) Peeters", or the reference without children
    reference: str
    what: str  # "Emma: nu niet veilig"
    detail: str  # the next step, the agreement, the task
    when: str  # "vandaag", "te laat: was tegen ma 30/11", "tegen vr 04/12"
    late: bool
    url: str
    sort: tuple[Any, ...]


class _Check(NamedTuple):
    """The latest safety answer for one child, as the block reads it (next_step_due reads
    urgency and checked_at)."""

    child_id: int
    trajectory_id: int
    reference: str
    first_name: str
    answer: str
    urgency: str
    next_step: str
    checked_at: datetime.datetime


class _Task(NamedTuple):
    pk: int
    trajectory_id: int
    reference: str
    title: str
    deadline: datetime.date | None  # never: the read filters on it


@dataclass(frozen=True)
class Today:
    lines: list[TodayLine]
    more: int  # lines left out past MAX_LINES
    trajectory_ids: list[int]  # the families named, for the page's read rows
    names: dict[int, str]  # trajectory id: the family's name, for the lines and `also_name`

    @property
    def counts(self) -> dict[str, int]:
        names = {UNSAFE: "unsafe", UNCLEAR: "unclear", NEXT_STEP: "next_step"}
        names |= {PLAN_RULE: "plan_rule", FEEDBACK: "feedback", REVIEW: "review", TASK: "task"}
        out = dict.fromkeys(names.values(), 0)
        for line in self.lines:
            out[names[line.kind]] += 1
        return out


def own_families(user: Any) -> QuerySet[Trajectory]:
    """The open trajectories this person works on. For a team lead only those they are on
    themselves: the team's urgent cases reach them as alerts, not as 1 500 lines."""
    qs = visible_trajectories(user).exclude(stage=Stage.AFGESLOTEN)
    if led_team_ids(user):
        mine = CaseGrant.objects.current().filter(user=user).values("trajectory_id")
        qs = qs.filter(pk__in=mine)
    return qs


_MARKER = "REFERENCE"


def _url(name: str, reference: str, anchor: str = "", **kwargs: Any) -> str:
    """reverse() once per URL shape: the reference (and an id) are the only parts that change,
    and a consultant's block can weigh a hundred lines before the first 25 are kept."""
    ids = {key: 999999999 for key in kwargs}
    shape = _url_shape(name, tuple(sorted(ids)))
    for key, value in kwargs.items():
        shape = shape.replace("999999999", str(value), 1) if key else shape
    return shape.replace(_MARKER, reference) + anchor


@functools.lru_cache(maxsize=32)
def _url_shape(name: str, keys: tuple[str, ...]) -> str:
    return reverse(name, kwargs={"reference": _MARKER, **dict.fromkeys(keys, 999999999)})


def _day(day: datetime.date) -> str:
    return _format(day, "D d/m")


def _format(value: datetime.date, fmt: str) -> str:
    """formats.date_format, once per value and format within one block (days repeat)."""
    key = (value, fmt, get_language())
    if key not in _formatted:
        if len(_formatted) > 512:
            _formatted.clear()
        _formatted[key] = formats.date_format(value, fmt)
    return _formatted[key]


_formatted: dict[tuple[Any, str, str | None], str] = {}


def _due(due: datetime.datetime | None, now: datetime.datetime) -> tuple[str, bool]:
    if due is None:
        return "", False
    local = timezone.localtime(due)
    if due < now:
        return _("te laat: was tegen %(day)s") % {"day": _format(local, "D d/m H:i")}, True
    if local.date() == timezone.localdate(now):
        if (local.hour, local.minute) == (23, 59):  # "vandaag" (cases.safety.next_step_due)
            return _("vandaag"), False
        return _("vandaag, tegen %(hour)s") % {"hour": formats.time_format(local, "H:i")}, False
    return _("tegen %(day)s") % {"day": _format(local, "D d/m H:i")}, False


def today_for_user(
    user: Any, *, now: datetime.datetime | None = None, also_name: Collection[int] = ()
) -> Today:
    """The block's lines; `also_name`: more trajectories (already read) whose families the page
    names, read in the same query as the block's own (Today.names)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    end_of_today = timezone.make_aware(
        datetime.datetime.combine(today, datetime.time.max), timezone.get_current_timezone()
    )
    families = own_families(user)
    broken_rules = PlanRule.objects.filter(
        trajectory=OuterRef("pk"),
        withdrawn_at__isnull=True,
        plan__status__in=FOLLOWED_UP,
        last_outcome=CheckOutcome.DID_NOT,
    )
    # A subquery in each read below: always the same four queries, whatever is found.
    needing_a_look = (
        families.filter(
            Q(safety_status__in=[SafetyAnswer.NO, SafetyAnswer.UNCLEAR])
            | Q(next_step_due_at__lte=end_of_today)
            | Q(Exists(broken_rules))
        )
        .order_by()
        .values("pk")
    )
    newer = SafetyCheck.objects.filter(
        child=OuterRef("child"), checked_at__gt=OuterRef("checked_at")
    )
    checks = [
        # The latest answer per child only, as plain rows (no model instances: a consultant's
        # hundred families bring a few hundred of them).
        _Check(*row)
        for row in SafetyCheck.objects.filter(trajectory__in=needing_a_look)
        .filter(~Exists(newer))
        .order_by("child_id", "-checked_at", "-id")
        .values_list(
            "child_id",
            "trajectory_id",
            "trajectory__reference",
            "child__first_name",
            "answer",
            "urgency",
            "next_step",
            "checked_at",
        )
    ]
    rules = list(
        PlanRule.objects.filter(
            trajectory__in=needing_a_look,
            withdrawn_at__isnull=True,
            plan__status__in=FOLLOWED_UP,
            last_outcome=CheckOutcome.DID_NOT,
        )
        .order_by(F("last_checked_on").desc(nulls_last=True), "-id")
        .values_list("id", "trajectory_id", "trajectory__reference", "what", "last_checked_on")
    )
    signals = open_signals(families)
    due_reviews = reviews_due(families, today)
    tasks = [
        _Task(*row)
        for row in Task.objects.filter(
            trajectory__in=families,
            status=TaskStatus.OPEN,
            deadline__lt=today + datetime.timedelta(days=TASK_HORIZON_DAYS),
        )
        .filter(Q(assignee=user) | Q(assignee__isnull=True))
        .order_by("deadline", "id")
        .values_list("id", "trajectory_id", "trajectory__reference", "title", "deadline")[
            :MAX_TASKS
        ]
    ]
    named = family_names(
        Q(trajectory__in=needing_a_look)
        | Q(
            trajectory_id__in={t.trajectory_id for t in tasks}
            | set(signals)
            | set(due_reviews)
            | set(also_name)
        ),
        today,
    )

    def family(trajectory_id: int, reference: str) -> str:
        return named.get(trajectory_id) or reference

    # The kinds come in the block's order (safety, agreements, feedback, reviews, tasks), each
    # sorted, so only the
    # lines that can still show are formatted; the rest are counted (a consultant's block can
    # weigh a hundred families' agreements, and formatting them cost more than the SQL).
    lines = sorted(_safety_lines(checks, family, now), key=lambda line: line.sort)
    rule_lines, rules_left_out = _rule_lines(rules, family, room=max(0, MAX_LINES - len(lines)))
    lines += rule_lines
    signal_lines = _signal_lines(signals, family, room=max(0, MAX_LINES - len(lines)))
    signals_left_out = len(signals) - len(signal_lines)
    lines += signal_lines
    review_lines = _review_lines(due_reviews, family, room=max(0, MAX_LINES - len(lines)))
    reviews_left_out = len(due_reviews) - len(review_lines)
    lines += review_lines
    room = max(0, MAX_LINES - len(lines))
    tasks_left_out = max(0, len(tasks) - room)
    for task in tasks[:room]:
        assert task.deadline is not None  # filtered on deadline__lt
        late = task.deadline < today
        when = (
            _("te laat: was tegen %(day)s") % {"day": _day(task.deadline)}
            if late
            else _("vandaag")
            if task.deadline == today
            else _("tegen %(day)s") % {"day": _day(task.deadline)}
        )
        lines.append(
            TodayLine(
                kind=TASK,
                trajectory_id=task.trajectory_id,
                family=family(task.trajectory_id, task.reference),
                reference=task.reference,
                what=_("Taak"),
                detail=task.title,
                when=when,
                late=late,
                url=_url("journal:task_edit", task.reference, task_id=task.pk),
                sort=(TASK, task.deadline, task.pk),
            )
        )
    shown = lines[:MAX_LINES]
    return Today(
        lines=shown,
        more=len(lines)
        - len(shown)
        + rules_left_out
        + signals_left_out
        + reviews_left_out
        + tasks_left_out,
        trajectory_ids=sorted({line.trajectory_id for line in shown}),
        names=named,
    )


def family_names(where: Q, today: datetime.date) -> dict[int, str]:
    """Per trajectory matched by `where` (on Person), its family's name (cases.naming)."""
    children: dict[int, list[ChildName]] = {}
    for trajectory_id, first, last, born in (
        Person.objects.filter(where, is_child=True)
        .order_by(F("date_of_birth").asc(nulls_last=True), "first_name", "id")
        .values_list("trajectory_id", "first_name", "last_name", "date_of_birth")
    ):
        children.setdefault(trajectory_id, []).append(ChildName(first, last, born))
    return {pk: family_label(kids, today) for pk, kids in children.items()}


def _safety_lines(checks: list[_Check], family: Any, now: datetime.datetime) -> list[TodayLine]:
    """Per child whose latest answer is *nee* or *onduidelijk*, and per child whose next step
    is due today or late (a *ja* can come with a step for today)."""
    latest: dict[int, _Check] = {}
    for check in checks:  # newest first per child
        latest.setdefault(check.child_id, check)
    end_of_today = timezone.localtime(now).replace(hour=23, minute=59, second=59)
    # One line per trajectory and kind: three siblings who are not safe are one line.
    grouped: dict[tuple[int, int], list[tuple[_Check, datetime.datetime | None]]] = {}
    for check in latest.values():
        due = next_step_due(check)
        if check.answer == SafetyAnswer.NO:
            kind = UNSAFE
        elif check.answer == SafetyAnswer.UNCLEAR:
            kind = UNCLEAR
        elif due is not None and due <= end_of_today:
            kind = NEXT_STEP
        else:
            continue
        grouped.setdefault((check.trajectory_id, kind), []).append((check, due))
    whats = {
        UNSAFE: _("%(children)s: nu niet veilig"),
        UNCLEAR: _("%(children)s: onduidelijk of het nu veilig is"),
        NEXT_STEP: _("%(children)s: volgende nodige stap vandaag of te laat"),
    }
    never = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    lines = []
    for (trajectory_id, kind), pairs in grouped.items():
        pairs.sort(key=lambda pair: (pair[1] or never, pair[0].first_name))
        first_check, due = pairs[0]  # the nearest deadline
        when, late = _due(due, now)
        reference = first_check.reference
        names = and_join([c.first_name for c, _due_at in pairs])
        lines.append(
            TodayLine(
                kind=kind,
                trajectory_id=trajectory_id,
                family=family(trajectory_id, reference),
                reference=reference,
                what=whats[kind] % {"children": names},
                detail=first_check.next_step,
                when=when,
                late=late,
                url=_url("case_people:safety", reference),
                # Late first, then the nearest deadline; no deadline last.
                sort=(kind, not late, due or never, reference),
            )
        )
    return lines


def _rule_lines(
    rules: list[tuple[int, int, str, str, datetime.date | None]], family: Any, *, room: int
) -> tuple[list[TodayLine], int]:
    """One line per family: its newest failed agreement and how many there are, newest report
    first; at most `room` lines, and how many families were left out."""
    per_family: dict[int, list[tuple[int, int, str, str, datetime.date | None]]] = {}
    for rule in rules:  # newest report first
        per_family.setdefault(rule[1], []).append(rule)
    lines = []
    for trajectory_id, failed in list(per_family.items())[:room]:
        pk, _trajectory_id, reference, what, checked = failed[0]
        lines.append(
            TodayLine(
                kind=PLAN_RULE,
                trajectory_id=trajectory_id,
                family=family(trajectory_id, reference),
                reference=reference,
                what=ngettext(
                    "%(n)s afspraak niet gelukt",
                    "%(n)s afspraken niet gelukt",
                    len(failed),
                )
                % {"n": len(failed)},
                detail=what,
                when=_("gemeld op %(day)s") % {"day": _day(checked)} if checked else "",
                late=False,
                url=_url("safety_plans:plan", reference, f"#afspraak-{pk}"),
                sort=(PLAN_RULE, -(checked or datetime.date.min).toordinal(), pk),
            )
        )
    return lines, max(0, len(per_family) - room)


def _signal_lines(
    signals: dict[int, list[OpenSignal]], family: Any, *, room: int
) -> list[TodayLine]:
    """One line per family with open "bespreek de samenwerking" signals: the oldest first (it
    has waited longest), with who gave the low or falling score; at most `room` lines."""
    if not room:
        return []
    versions = {value: str(label) for value, label in VersionKind.choices}
    reasons = {value: str(label) for value, label in SignalReason.choices}
    lines = []
    for trajectory_id, open_ in signals.items():
        first = open_[0]  # oldest first
        reference = first.reference
        lines.append(
            TodayLine(
                kind=FEEDBACK,
                trajectory_id=trajectory_id,
                family=family(trajectory_id, reference),
                reference=reference,
                # One signal reads as the feedback page's heading (one msgid, not a plural
                # form that would shadow it); more say how many.
                what=_("Bespreek de samenwerking")
                if len(open_) == 1
                else _("Bespreek de samenwerking (%(n)s signalen)") % {"n": len(open_)},
                detail=f"{versions.get(first.version_kind, first.version_kind)}: "
                f"{reasons.get(first.reason, first.reason)} ({first.detail})",
                when=_("gemeld op %(day)s") % {"day": _day(timezone.localdate(first.raised_at))},
                late=False,
                url=_url("feedback:overview", reference, "#signals-title"),
                sort=(FEEDBACK, first.raised_at, first.pk),
            )
        )
    lines.sort(key=lambda line: line.sort)
    return lines[:room]


def _review_lines(due: dict[int, ReviewDue], family: Any, *, room: int) -> list[TodayLine]:
    """One line per family whose next review has passed (the date the latest review set, or
    never reviewed, its cadence after the plan began): the longest overdue first; at most
    `room` lines."""
    if not room:
        return []
    lines = []
    for trajectory_id, review in due.items():
        lines.append(
            TodayLine(
                kind=REVIEW,
                trajectory_id=trajectory_id,
                family=family(trajectory_id, review.reference),
                reference=review.reference,
                what=_("Evaluatie te laat"),
                detail=_("Nog nooit geëvalueerd")
                if review.held_on is None
                else _("Vorige evaluatie op %(day)s") % {"day": _day(review.held_on)},
                when=_("te laat: was tegen %(day)s") % {"day": _day(review.due_on)},
                late=True,
                url=_url("reviews:overview", review.reference),
                sort=(REVIEW, review.due_on, review.review_id or 0),
            )
        )
    lines.sort(key=lambda line: line.sort)
    return lines[:room]

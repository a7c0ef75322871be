"""Reads of the reviews app: the list and one review for the professionals of a trajectory,
the "review past due" flag for the dashboard (many trajectories at once, one query), and the
points to change that the plan page shows (a cases.extensions provider, see apps.py)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samenopweg.assessments.models import SafetyGoal, ScalingScore
from samenopweg.assessments.selectors.scaling import person_labels
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.extensions import ItemNote, attach_notes
from samenopweg.cases.models import Stage, StageChange, Trajectory
from samenopweg.child_voice.models import ChildWords
from samenopweg.child_voice.selectors import speaker_heading
from samenopweg.feedback.models import FeedbackRound
from samenopweg.feedback.selectors import next_round_due
from samenopweg.people.models import Person
from samenopweg.reviews.models import (
    Outcome,
    Review,
    ReviewCadence,
    ReviewGoal,
    default_cadence_weeks,
)

# The page of the plan (safety_plans) that asks for the points to change
# (cases.extensions.page_notes), and the group it shows them in.
PLAN_PAGE = "plan"
PLAN_GROUP = "review"
CHILD_WORDS_SHOWN = 10
FEEDBACK_ROUNDS_READ = 40

Trajectories = Iterable[int] | QuerySet[Trajectory]


def _ids(trajectories: Trajectories) -> Iterable[int]:
    """Ids as a list, or a queryset's ids as a subquery of the one query."""
    if isinstance(trajectories, QuerySet):
        return cast("Iterable[int]", trajectories.order_by().values("pk"))
    return list(trajectories)


def cadence_weeks(trajectory: Trajectory) -> tuple[int, ReviewCadence | None]:
    """The trajectory's review cadence in weeks, and its row (None: its framework's default).
    One query."""
    row = ReviewCadence.objects.filter(trajectory=trajectory).first()
    return (row.every_weeks if row else default_cadence_weeks(trajectory.framework)), row


def latest_review(access: CaseAccess) -> Review | None:
    """The trajectory's latest review that is not withdrawn, through the item rule."""
    return (
        visible_items(access, Review.objects.filter(withdrawn_at__isnull=True))
        .order_by("-held_on", "-id")
        .first()
    )


@dataclass(frozen=True, slots=True)
class ReviewDue:
    """An open trajectory whose next review has passed: the date its latest review set, or,
    never reviewed, its cadence counted from the day it first reached the plan stage."""

    review_id: int | None  # the latest review, None: never reviewed
    trajectory_id: int
    reference: str
    held_on: datetime.date | None  # of the latest review, which planned the next one
    due_on: datetime.date

    @property
    def never_reviewed(self) -> bool:
        return self.review_id is None


@dataclass(frozen=True, slots=True)
class NextReview:
    """When a trajectory's next review comes (the caseload's column)."""

    due_on: datetime.date
    late: bool
    never_reviewed: bool


# Reviews follow the plan: a trajectory still mapping its worries has none due yet.
REVIEWED_STAGES = (Stage.PLAN, Stage.OPVOLGING)


def _first_due(plan_since: datetime.datetime, framework: str, weeks: int | None) -> datetime.date:
    since = timezone.localdate(plan_since)
    return since + datetime.timedelta(weeks=weeks or default_cadence_weeks(framework))


def review_schedule(trajectories: Trajectories) -> dict[int, ReviewDue]:
    """Per open trajectory in the plan or follow-up stage, when its next review is due.

    One query whatever the number of trajectories: per trajectory its latest review (its
    next date) and, never reviewed, the day it first reached the plan stage and its cadence.
    A latest review without a next date (a proposal to close) sets none. For professionals,
    who see every item."""
    latest = Review.objects.filter(trajectory=OuterRef("pk"), withdrawn_at__isnull=True).order_by(
        "-held_on", "-id"
    )
    plan_since = (
        StageChange.objects.filter(trajectory=OuterRef("pk"), to_stage=Stage.PLAN)
        .order_by("changed_at")
        .values("changed_at")[:1]
    )
    rows = (
        Trajectory.objects.filter(pk__in=_ids(trajectories))
        .exclude(stage=Stage.AFGESLOTEN)
        .annotate(
            last_id=Subquery(latest.values("pk")[:1]),
            last_held=Subquery(latest.values("held_on")[:1]),
            last_next=Subquery(latest.values("next_review_on")[:1]),
            plan_since=Subquery(plan_since),
        )
        .filter(Q(last_id__isnull=False) | Q(stage__in=REVIEWED_STAGES))
        .order_by()
        .values_list(
            "pk",
            "reference",
            "last_id",
            "last_held",
            "last_next",
            "framework",
            "plan_since",
            "stage_changed_at",
            "review_cadence__every_weeks",
        )
    )
    schedule: dict[int, ReviewDue] = {}
    for pk, reference, last_id, held_on, next_on, framework, since, changed_at, weeks in rows:
        if last_id is not None:
            if next_on is not None:
                schedule[pk] = ReviewDue(last_id, pk, reference, held_on, next_on)
            continue
        since = since or changed_at
        if since is not None:
            schedule[pk] = ReviewDue(None, pk, reference, None, _first_due(since, framework, weeks))
    return schedule


def reviews_due(trajectories: Trajectories, today: datetime.date) -> dict[int, ReviewDue]:
    """Per open trajectory whose next review is before `today` (review_schedule), the longest
    overdue first."""
    due = [row for row in review_schedule(trajectories).values() if row.due_on < today]
    due.sort(key=lambda row: (row.due_on, row.trajectory_id))
    return {row.trajectory_id: row for row in due}


def next_reviews(trajectories: Trajectories, today: datetime.date) -> dict[int, NextReview]:
    """Per open trajectory in plan or follow-up, its next review date and whether it passed."""
    return {
        trajectory_id: NextReview(row.due_on, row.due_on < today, row.never_reviewed)
        for trajectory_id, row in review_schedule(trajectories).items()
    }


# --- the list -------------------------------------------------------------------------------


@dataclass
class ReviewList:
    reviews: list[Review]
    weeks: int
    cadence: ReviewCadence | None
    default_weeks: int
    next_on: datetime.date | None
    late: bool


def review_list(access: CaseAccess, today: datetime.date) -> ReviewList:
    """Every review of the trajectory, newest first, with the next date and the cadence."""
    trajectory = access.trajectory
    reviews = list(
        visible_items(access, Review.objects.all())
        .select_related("created_by", "withdrawn_by")
        .order_by("-held_on", "-id")
    )
    weeks, cadence = cadence_weeks(trajectory)
    current = next((r for r in reviews if not r.is_withdrawn), None)
    next_on = current.next_review_on if current else None
    return ReviewList(
        reviews=reviews,
        weeks=weeks,
        cadence=cadence,
        default_weeks=default_cadence_weeks(trajectory.framework),
        next_on=next_on,
        late=next_on is not None and next_on < today and not trajectory.is_closed,
    )


def safety_goals(access: CaseAccess) -> list[SafetyGoal]:
    """The current safety goals, in the order of the statements page."""
    return list(
        visible_items(
            access,
            SafetyGoal.objects.filter(
                withdrawn_at__isnull=True, danger_statement__withdrawn_at__isnull=True
            ),
        )
        .select_related("danger_statement")
        .order_by("danger_statement__position", "danger_statement_id", "position", "id")
    )


# --- one review -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalLine:
    goal: SafetyGoal
    line: ReviewGoal | None


@dataclass(frozen=True)
class ScoreLine:
    who: str
    score: int
    what_makes_it: str


@dataclass
class StatementScores:
    sentence: str
    scores: list[ScoreLine] = field(default_factory=list)


@dataclass(frozen=True)
class WordsLine:
    heading: str
    words: str
    said_on: datetime.date
    url: str


@dataclass
class ReviewPage:
    review: Review
    participants: list[Person]
    professionals: list[Any]
    goals: list[GoalLine]
    scaling: list[StatementScores]
    child_words: list[WordsLine]
    feedback: list[FeedbackRound]
    feedback_due: datetime.date | None
    since: datetime.date | None  # the previous review: what the children said since then


def review_page(access: CaseAccess, review: Review) -> ReviewPage:
    """What one review shows: who was there, each goal's line (with what the children said
    about it), the scaling of the meeting, the children's words since the review before and
    the latest feedback of each respondent."""
    trajectory = access.trajectory
    lines = {
        row.safety_goal_id: row
        for row in visible_items(access, ReviewGoal.objects.filter(review=review))
    }
    goals = safety_goals(access)
    # Goals withdrawn since the review still show the line the review gave them.
    missing = [goal_id for goal_id in lines if goal_id not in {g.pk for g in goals}]
    if missing:
        goals += list(
            visible_items(access, SafetyGoal.objects.filter(pk__in=missing)).select_related(
                "danger_statement"
            )
        )
    attach_notes(access, goals)  # "Wat Lena zegt" next to a goal (child_voice)
    previous = (
        visible_items(access, Review.objects.filter(withdrawn_at__isnull=True))
        .filter(Q(held_on__lt=review.held_on) | Q(held_on=review.held_on, id__lt=review.pk))
        .order_by("-held_on", "-id")
        .values_list("held_on", flat=True)
        .first()
    )
    return ReviewPage(
        review=review,
        participants=list(review.participants.order_by("-is_child", "first_name", "id")),
        professionals=list(review.professionals.order_by("first_name", "last_name")),
        goals=[GoalLine(goal=g, line=lines.get(g.pk)) for g in goals],
        scaling=_scaling(access, review),
        child_words=_child_words(access, previous, review.held_on),
        feedback=_latest_feedback(access),
        feedback_due=next_round_due([trajectory.pk], review.held_on).get(trajectory.pk),
        since=previous,
    )


def _scaling(access: CaseAccess, review: Review) -> list[StatementScores]:
    """The numbers given at the meeting: the scaling round the review names, read from
    assessments (never copied), each with who gave it."""
    if review.scaling_round_id is None:
        return []
    scores = list(
        visible_items(access, ScalingScore.objects.filter(round_id=review.scaling_round_id))
        .select_related("danger_statement", "person")
        .order_by("danger_statement__position", "danger_statement_id", "id")
    )
    persons = {s.person.pk: s.person for s in scores if s.person is not None}
    labels = person_labels(access.trajectory, persons.values())
    blocks: dict[int, StatementScores] = {}
    for score in scores:
        block = blocks.setdefault(
            score.danger_statement_id, StatementScores(sentence=score.danger_statement.sentence)
        )
        who = (
            labels[score.person_id]
            if score.person_id is not None
            else str(score.get_professional_role_display())
        )
        block.scores.append(
            ScoreLine(who=who, score=score.score, what_makes_it=score.what_makes_it)
        )
    return list(blocks.values())


def _child_words(
    access: CaseAccess, since: datetime.date | None, until: datetime.date
) -> list[WordsLine]:
    """What the children said since the review before (all of it before the first review), up
    to the day of this one; the newest CHILD_WORDS_SHOWN."""
    rows = (
        visible_items(access, ChildWords.objects.filter(withdrawn_at__isnull=True))
        .filter(session__withdrawn_at__isnull=True, session__held_on__lte=until)
        .select_related("session__child", "spokesperson__person", "spokesperson__professional")
        .order_by("-session__held_on", "-id")
    )
    if since is not None:
        rows = rows.filter(session__held_on__gt=since)
    reference = access.trajectory.reference
    return [
        WordsLine(
            heading=speaker_heading(words, words.session.child.first_name),
            words=words.words,
            said_on=words.session.held_on,
            url=reverse("child_voice:session", args=[reference, words.session_id]),
        )
        for words in rows[:CHILD_WORDS_SHOWN]
    ]


def _latest_feedback(access: CaseAccess) -> list[FeedbackRound]:
    """The latest round of each respondent and version (not withdrawn)."""
    rounds = (
        visible_items(access, FeedbackRound.objects.filter(withdrawn_at__isnull=True))
        .select_related("respondent", "respondent_user")
        .order_by("-held_on", "-id")[:FEEDBACK_ROUNDS_READ]
    )
    latest: dict[tuple[str, int | None, int | None], FeedbackRound] = {}
    for r in rounds:
        latest.setdefault((r.version_kind, r.respondent_id, r.respondent_user_id), r)
    return list(latest.values())


# --- what the plan page shows (a cases.extensions provider) ---------------------------------


def plan_points(access: CaseAccess) -> dict[str, list[ItemNote]]:
    """The points to change of the latest review, when it decided to adjust the plan: shown at
    the top of the plan page it opens. One query."""
    if not access.is_professional:
        return {}
    review = latest_review(access)
    if review is None or review.outcome != Outcome.ADJUST or not review.points_to_change:
        return {}
    day = formats.date_format(review.held_on, "SHORT_DATE_FORMAT")
    return {
        PLAN_GROUP: [
            ItemNote(
                heading=_("Bijsturen na de evaluatie van %(day)s") % {"day": day},
                text=review.points_to_change,
                url=reverse("reviews:detail", args=[access.trajectory.reference, review.pk]),
                said_on=review.held_on,
                kind="review",
            )
        ]
    }

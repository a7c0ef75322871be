"""Reads of the reviews app: the list and one review for the professionals of a trajectory,
the "review past due" flag for the dashboard (many trajectories at once, one query), and the
points to change that the plan page shows (a cases.extensions provider, see apps.py)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from samenopweg.assessments.models import SafetyGoal, ScalingScore
from samenopweg.assessments.selectors.scaling import person_labels
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.extensions import ItemNote, attach_notes
from samenopweg.cases.models import Stage, Trajectory
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


def _newer(prefix: str = "") -> QuerySet[Review]:
    """Reviews of the same trajectory held after the outer one (not withdrawn)."""
    return Review.objects.filter(
        trajectory=OuterRef(f"{prefix}trajectory"), withdrawn_at__isnull=True
    ).filter(
        Q(held_on__gt=OuterRef(f"{prefix}held_on"))
        | Q(held_on=OuterRef(f"{prefix}held_on"), id__gt=OuterRef(f"{prefix}id"))
    )


def latest_review(access: CaseAccess) -> Review | None:
    """The trajectory's latest review that is not withdrawn, through the item rule."""
    return (
        visible_items(access, Review.objects.filter(withdrawn_at__isnull=True))
        .order_by("-held_on", "-id")
        .first()
    )


@dataclass(frozen=True, slots=True)
class ReviewDue:
    """An open trajectory whose next review (the latest review's date) has passed."""

    review_id: int
    trajectory_id: int
    reference: str
    held_on: datetime.date  # of the latest review, which planned the next one
    due_on: datetime.date


def reviews_due(trajectories: Trajectories, today: datetime.date) -> dict[int, ReviewDue]:
    """Per open trajectory whose latest review (not withdrawn) set a next date before `today`.

    One query whatever the number of trajectories (a queryset is read as its subquery). For
    professionals, who see every item."""
    rows = (
        Review.objects.filter(
            trajectory_id__in=_ids(trajectories),
            withdrawn_at__isnull=True,
            next_review_on__lt=today,
        )
        .exclude(trajectory__stage=Stage.AFGESLOTEN)
        .filter(~Exists(_newer()))
        .order_by("next_review_on", "id")
        .values_list("pk", "trajectory_id", "trajectory__reference", "held_on", "next_review_on")
    )
    # next_review_on is never None here: the filter asks for a date before today.
    return {
        trajectory_id: ReviewDue(pk, trajectory_id, reference, held_on, due_on)
        for pk, trajectory_id, reference, held_on, due_on in rows
        if due_on is not None
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

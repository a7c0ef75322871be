"""Review meetings on synthetic trajectories (seed_synthetic), for the review pages' benchmark.

The trajectories heard in full (child_voice.VOICE_FAMILIES: bench_consulent's full ones past
mapping, with the map of 50 entries, 10 scaling rounds, the plan of 40 rules, the story and
12 feedback rounds) that are in the plan or follow-up stage get REVIEWS reviews, a cadence
apart from the first scaling round up to a few weeks ago, with a scaling round when one is near: the parents
and the consultant and worker took part, every safety goal has its line (not yet, then shown
since a date), one review in three adjusted the plan, and the latest plans the next one. So the
review page and the judge report read the size issue 15 measures (10 reviews); each of them
also gets a report to the youth judge built from its file (write_judge_reports).

Its own random stream (seeded from the run's seed), so the rest of the data set does not change.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from samenopweg.cases.models import Stage
from samenopweg.core.models import Audience
from samenopweg.reviews.models import GoalStatus, Outcome, Review, ReviewGoal

Row = tuple[Any, ...]
REVIEWS = 10
EVERY = datetime.timedelta(weeks=6)
REVIEWED = (Stage.PLAN, Stage.OPVOLGING)

GOING_WELL = (
    "Ja. Oma Maria komt elke avond langs en papa belt haar als het moeilijk wordt.",
    "Grotendeels. De ochtenden lopen goed, de weekends zijn nog moeilijk.",
    "De school ziet dat de kinderen op tijd komen en hun boterhammen bij hebben.",
)
ADJUST = (
    "De buurvrouw kan niet meer op woensdag; wie neemt het over?",
    "Het belplan werkt niet als mama's gsm leeg is: een tweede nummer afspreken.",
)
CAN_STOP = (
    "Nog niet: het plan moet nog drie maanden lopen zonder ons.",
    "Bijna. Het netwerk wil eerst zelf een netwerkoverleg leiden.",
)


@dataclass(frozen=True)
class ReviewFamily:
    pk: int
    stage: str
    owner_id: int
    worker_id: int | None
    adults: Sequence[tuple[int, str]]
    goal_ids: Sequence[int]
    rounds: Sequence[tuple[int, datetime.date]]  # the scaling rounds: id, day


@dataclass
class ReviewRows:
    reviews: list[Row] = field(default_factory=list)
    participants: list[Row] = field(default_factory=list)
    professionals: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)


class ReviewBuilder:
    def __init__(self, *, seed: int, writer: Any, now: datetime.datetime) -> None:
        self.rng = random.Random(seed * 31 + 15)
        self.writer = writer
        self.now = now
        self.rows = ReviewRows()
        self.reviewed: list[int] = []  # this batch's trajectories with reviews

    def add(self, family: ReviewFamily) -> None:
        if family.stage not in REVIEWED:
            return
        rng, w, rows = self.rng, self.writer, self.rows
        today = self.now.date()
        latest = today - datetime.timedelta(days=rng.randint(3, 30))
        # From the first scaling round (the plan had begun) to the latest, evenly apart.
        first = min((held for _pk, held in family.rounds), default=latest - EVERY * REVIEWS)
        first = min(first, latest - datetime.timedelta(days=REVIEWS))
        step = (latest - first) / (REVIEWS - 1)
        days = [first + step * n for n in range(REVIEWS)]
        shown_from = len(days) // 2  # the goals are shown from the middle of the reviews on
        self.reviewed.append(family.pk)
        for n, day in enumerate(days):
            near = [(pk, held) for pk, held in family.rounds if abs((held - day).days) <= 7]
            round_id = near[0][0] if near else None
            pk = next(w.ids(Review))
            adjust = n % 3 == 1
            last = n == len(days) - 1
            at = datetime.datetime.combine(day, datetime.time(14), tzinfo=self.now.tzinfo)
            rows.reviews.append(
                (
                    pk, Audience.PROFESSIONALS, 1, family.pk, day, rng.choice(GOING_WELL),
                    rng.choice(ADJUST) if adjust else "Nee.", rng.choice(CAN_STOP), "",
                    Outcome.ADJUST if adjust else Outcome.CONTINUE,
                    rng.choice(ADJUST) if adjust else "",
                    day + (EVERY if last else step),
                    round_id, family.owner_id, at, at,
                )
            )  # fmt: skip
            rows.participants.extend((pk, person_id) for person_id, _name in family.adults)
            rows.professionals.append((pk, family.owner_id))
            if family.worker_id is not None:
                rows.professionals.append((pk, family.worker_id))
            for goal_id in family.goal_ids:
                shown = n >= shown_from
                rows.goals.append(
                    (
                        next(w.ids(ReviewGoal)), Audience.PROFESSIONALS, 1, family.pk, pk,
                        goal_id, GoalStatus.SHOWN if shown else GoalStatus.NOT_YET,
                        days[shown_from] if shown else None,
                        "Elke week gezien bij het huisbezoek." if shown else "",
                        family.owner_id, at, at,
                    )
                )  # fmt: skip

    def insert(self) -> None:
        w, rows = self.writer, self.rows
        w.insert(
            Review,
            ("id", "audience", "version", "trajectory_id", "held_on", "changes_going_well",
             "needs_adjusting", "help_can_stop", "for_the_judge", "outcome", "points_to_change",
             "next_review_on", "scaling_round_id", "created_by_id", "created_at", "updated_at"),
            rows.reviews,
        )  # fmt: skip
        w.insert(Review.participants.through, ("review_id", "person_id"), rows.participants)
        w.insert(Review.professionals.through, ("review_id", "user_id"), rows.professionals)
        w.insert(
            ReviewGoal,
            ("id", "audience", "version", "trajectory_id", "review_id", "safety_goal_id",
             "status", "shown_since", "note", "created_by_id", "created_at", "updated_at"),
            rows.goals,
        )  # fmt: skip
        self.rows = ReviewRows()
        write_judge_reports(self.reviewed)
        self.reviewed = []


def write_judge_reports(trajectory_ids: Sequence[int]) -> None:
    """A report to the youth judge on each reviewed trajectory, as a new report starts: every
    section built from the file (reports.selectors.report_facts), which this batch has just
    written. What the judge report PDF of the benchmark prints (10 reviews, the plan of 40
    rules, 10 scaling rounds)."""
    from samenopweg.accounts.roles import CaseRole
    from samenopweg.cases.access import CaseAccess
    from samenopweg.cases.models import Trajectory
    from samenopweg.reports.models import JudgeReport
    from samenopweg.reports.selectors import report_facts

    reports = []
    for trajectory in Trajectory.objects.filter(pk__in=trajectory_ids).select_related("owner"):
        facts = report_facts(CaseAccess(trajectory=trajectory, role=CaseRole.CONSULENT))
        reports.append(
            JudgeReport(
                trajectory=trajectory,
                created_by_id=trajectory.owner_id,
                edited_by_id=trajectory.owner_id,
                parents_version=PARENTS_VERSION,
                **facts,
            )
        )
    JudgeReport.objects.bulk_create(reports)


PARENTS_VERSION = (
    "We schrijven aan de rechter hoe het nu gaat. Oma komt elke avond langs. "
    "Papa belt haar als het moeilijk wordt. We vragen om de hulp nog drie maanden te laten lopen."
)

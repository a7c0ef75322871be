"""Reads of the feedback app: for the dashboard (many trajectories at once, a fixed number of
queries whatever their number) and for the overview page of one trajectory."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy

from samenopweg.assessments.charts import Series
from samenopweg.assessments.selectors.scaling import person_labels
from samenopweg.cases.models import Stage, Trajectory
from samenopweg.feedback.models import (
    DEFAULT_CADENCE_WEEKS,
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    VersionKind,
)
from samenopweg.people.models import PARENT_KINDS, ContactBan, Person, Relation, RelationKind

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# Past mapping: the plan is being made or followed up (a closed file asks for nothing).
PAST_MAPPING = (Stage.PLAN, Stage.OPVOLGING)

# Who answers the parents' version: the parents and whoever raises the child in their place
# (as the portal counts a parent), or whoever has parental authority over a child of the
# trajectory. Grandparents, siblings, other family and the network do not, by their tie alone.
PARENT_RELATIONS = (
    *PARENT_KINDS,
    RelationKind.FOSTER_PARENT,
    RelationKind.GUARDIAN,
    RelationKind.OTHER_CAREGIVER,
)

# How a professional's line reads in the chart's legend: "Els (consulent)".
_PROFESSIONAL_LABEL: dict[str, StrPromise] = {
    VersionKind.CONSULTANT_ABOUT_WORKER: gettext_lazy("%(who)s (consulent)"),
    VersionKind.WORKER_ABOUT_CONSULTANT: gettext_lazy("%(who)s (hulpverlener)"),
}


@dataclass(frozen=True)
class OpenSignal:
    """A "bespreek de samenwerking" signal that waits for its loop to be closed."""

    pk: int
    trajectory_id: int
    round_id: int
    reason: str
    detail: str
    raised_at: datetime.datetime
    version_kind: str
    reference: str  # the trajectory's, for links


Trajectories = Iterable[int] | QuerySet[Trajectory]


def _ids(trajectories: Trajectories) -> Iterable[int]:
    """Ids as a list, or a queryset's ids as a subquery of the one query."""
    if isinstance(trajectories, QuerySet):
        return cast("Iterable[int]", trajectories.order_by().values("pk"))
    return list(trajectories)


def open_signals(trajectory_ids: Trajectories) -> dict[int, list[OpenSignal]]:
    """The open signals per trajectory, oldest first; trajectories without any are left out.

    One query (a queryset of trajectories is read as its subquery)."""
    rows = (
        FeedbackSignal.objects.filter(
            trajectory_id__in=_ids(trajectory_ids), closed_at__isnull=True
        )
        .order_by("trajectory_id", "raised_at", "id")
        .values_list(
            "pk",
            "trajectory_id",
            "round_id",
            "reason",
            "detail",
            "raised_at",
            "round__version_kind",
            "trajectory__reference",
        )
    )
    result: dict[int, list[OpenSignal]] = {}
    for row in rows:
        signal = OpenSignal(*row)
        result.setdefault(signal.trajectory_id, []).append(signal)
    return result


def next_round_due(trajectory_ids: Iterable[int], today: datetime.date) -> dict[int, datetime.date]:
    """When each open trajectory's next round is due: its last round (not withdrawn, any
    version), or its registration when it has none, plus its cadence (DEFAULT_CADENCE_WEEKS
    without one). Closed trajectories are left out. One query."""
    del today  # the due date does not depend on it; the signature matches overdue_feedback
    rows = (
        Trajectory.objects.filter(pk__in=list(trajectory_ids))
        .exclude(stage=Stage.AFGESLOTEN)
        .annotate(
            last_round=Max(
                "feedback_rounds__held_on",
                filter=Q(feedback_rounds__withdrawn_at__isnull=True),
            ),
            weeks=Coalesce(
                "feedback_cadence__every_weeks",
                DEFAULT_CADENCE_WEEKS,
                output_field=IntegerField(),
            ),
        )
        .order_by()
        .values_list("pk", "registered_on", "last_round", "weeks")
    )
    return {
        pk: (last_round or registered_on) + datetime.timedelta(weeks=weeks)
        for pk, registered_on, last_round, weeks in rows
    }


def overdue_feedback(trajectory_ids: Iterable[int], today: datetime.date) -> set[int]:
    """The open trajectories whose next round was due before `today`. One query."""
    return {pk for pk, due in next_round_due(trajectory_ids, today).items() if due < today}


def trajectories_missing_expectations(trajectory_ids: Iterable[int]) -> set[int]:
    """Trajectories past mapping (PAST_MAPPING) without a current expectation. One query."""
    current = Expectation.objects.filter(trajectory=OuterRef("pk"), withdrawn_at__isnull=True)
    return set(
        Trajectory.objects.filter(pk__in=list(trajectory_ids), stage__in=PAST_MAPPING)
        .filter(~Exists(current))
        .values_list("pk", flat=True)
    )


@dataclass(frozen=True, slots=True)
class FeedbackFlags:
    """What the caseload table shows of the feedback culture for one open trajectory."""

    open_signals: int  # "bespreek de samenwerking", waiting for the loop to be closed
    round_due: datetime.date  # when the next round is (or was) due
    round_late: bool  # round_due is before today
    expectations_missing: bool  # past mapping without a current expectation


def feedback_flags(trajectory_ids: Trajectories, today: datetime.date) -> dict[int, FeedbackFlags]:
    """Per open trajectory: open signals, the next round's due date (as next_round_due) and
    missing expectations (as trajectories_missing_expectations). Closed trajectories are left
    out. One query, whatever the number of trajectories: subqueries, so no join multiplies."""
    signals = (
        FeedbackSignal.objects.filter(trajectory=OuterRef("pk"), closed_at__isnull=True)
        .order_by()
        .annotate(n=Func(F("id"), function="COUNT"))
        .values("n")
    )
    last_round = (
        FeedbackRound.objects.filter(trajectory=OuterRef("pk"), withdrawn_at__isnull=True)
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    current = Expectation.objects.filter(trajectory=OuterRef("pk"), withdrawn_at__isnull=True)
    rows = (
        Trajectory.objects.filter(pk__in=_ids(trajectory_ids))
        .exclude(stage=Stage.AFGESLOTEN)
        .annotate(
            open_signals=Subquery(signals, output_field=IntegerField()),
            last_round=Subquery(last_round),
            weeks=Coalesce(
                "feedback_cadence__every_weeks",
                DEFAULT_CADENCE_WEEKS,
                output_field=IntegerField(),
            ),
            has_expectation=Exists(current),
        )
        .order_by()
        .values_list(
            "pk", "stage", "registered_on", "last_round", "weeks", "open_signals", "has_expectation"
        )
    )
    flags = {}
    for pk, stage, registered_on, last, weeks, n_signals, has_expectation in rows:
        due = (last or registered_on) + datetime.timedelta(weeks=weeks)
        flags[pk] = FeedbackFlags(
            open_signals=n_signals or 0,
            round_due=due,
            round_late=due < today,
            expectations_missing=stage in PAST_MAPPING and not has_expectation,
        )
    return flags


def rounds_per_trajectory(trajectory_ids: Iterable[int]) -> dict[int, int]:
    """How many rounds (not withdrawn) each trajectory has, 0 included. One query."""
    ids = list(trajectory_ids)
    counts = dict(
        FeedbackRound.objects.filter(trajectory_id__in=ids, withdrawn_at__isnull=True)
        .order_by()
        .values("trajectory_id")
        .annotate(n=Count("id"))
        .values_list("trajectory_id", "n")
    )
    return {pk: counts.get(pk, 0) for pk in ids}


def expectations_written(trajectory_ids: Iterable[int]) -> dict[int, frozenset[str]]:
    """Which parties (`Party` values) wrote a current expectation, per trajectory. One query."""
    ids = list(trajectory_ids)
    parties: dict[int, set[str]] = {pk: set() for pk in ids}
    rows = (
        Expectation.objects.filter(trajectory_id__in=ids, withdrawn_at__isnull=True)
        .order_by()
        .values_list("trajectory_id", "party")
        .distinct()
    )
    for pk, party in rows:
        parties[pk].add(party)
    return {pk: frozenset(found) for pk, found in parties.items()}


def cadence_weeks(trajectory: Trajectory) -> tuple[int, FeedbackCadence | None]:
    """The trajectory's cadence in weeks, and its row (None: the default). One query."""
    row = FeedbackCadence.objects.filter(trajectory=trajectory).first()
    return (row.every_weeks if row else DEFAULT_CADENCE_WEEKS), row


def under_contact_ban(trajectory: Trajectory) -> QuerySet[ContactBan]:
    """The current contact bans with a child of the trajectory (or with all its children), as
    child_voice.services.name_spokesperson refuses a banned spokesperson. Filter on `person`."""
    return ContactBan.objects.filter(withdrawn_at__isnull=True).filter(
        Q(child__isnull=True) | Q(child__trajectory=trajectory)
    )


def respondents(trajectory: Trajectory, version_kind: str) -> QuerySet[Person]:
    """Who may answer a family's version (`PERSON_VERSIONS`): a child of the trajectory for the
    child's version, a parent (`PARENT_RELATIONS`, or parental authority) for the parents';
    never someone under a current contact ban with a child of the trajectory.

    The one rule: the round form offers these, services.record_round accepts only these."""
    people = Person.objects.filter(
        trajectory=trajectory, is_child=version_kind == VersionKind.CHILD
    )
    if version_kind == VersionKind.PARENT:
        raises_a_child = Relation.objects.filter(
            trajectory=trajectory, person=OuterRef("pk"), child__is_child=True
        ).filter(Q(kind__in=PARENT_RELATIONS) | Q(has_parental_authority=True))
        people = people.filter(Exists(raises_a_child))
    elif version_kind != VersionKind.CHILD:
        return Person.objects.none()
    banned = under_contact_ban(trajectory).filter(person=OuterRef("pk"))
    return people.filter(~Exists(banned))


def answer_trend(
    trajectory: Trajectory, rounds: Iterable[FeedbackRound] | None = None
) -> list[Series]:
    """One line per respondent and version: the fourth ("alles samen") score of each round that
    is not withdrawn, dated `held_on`. Two queries whatever the number of rounds: the rounds and
    the names. Only the names when the page read the trajectory's rounds already (`rounds`: any
    order, withdrawn ones too, with `respondent` and `respondent_user` selected)."""
    if rounds is None:
        rounds = FeedbackRound.objects.filter(
            trajectory=trajectory, withdrawn_at__isnull=True
        ).select_related("respondent", "respondent_user")
    current = sorted(
        (r for r in rounds if r.withdrawn_at is None and r.trajectory_id == trajectory.pk),
        key=lambda r: (r.held_on, r.pk),
    )
    persons = {r.respondent.pk: r.respondent for r in current if r.respondent is not None}
    labels = person_labels(trajectory, persons.values())
    lines: dict[str, list[FeedbackRound]] = {}
    for r in current:
        who = f"person:{r.respondent_id}" if r.respondent_id else f"user:{r.respondent_user_id}"
        lines.setdefault(f"{r.version_kind}:{who}", []).append(r)
    series = []
    for key, rows in lines.items():
        first = rows[0]
        if first.respondent is not None:
            label = labels[first.respondent.pk]
        else:
            label = str(_PROFESSIONAL_LABEL[first.version_kind]) % {"who": first.respondent_user}
        series.append(Series(label=label, key=key, points=[(r.held_on, r.score_4) for r in rows]))
    return series

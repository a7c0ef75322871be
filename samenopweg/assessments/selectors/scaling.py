"""Reads for the scaling page: per danger statement the trend and the latest numbers side by side.

Everything starts from `visible_items`, so the same read serves the family's pages later: a
parent sees only statements and numbers shared with parents.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenopweg.assessments.charts import Series, TrendTable, trend_chart_svg, trend_table
from samenopweg.assessments.models import (
    DangerStatement,
    ProfessionalView,
    SafetyGoal,
    ScalingScore,
)
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.extensions import extra_series
from samenopweg.cases.models import Trajectory
from samenopweg.people.models import Person, Relation, RelationKind

# A gap of this many points between a family member's and a professional's latest number is
# "large": it is named on the page as something to talk about together.
LARGE_DIFFERENCE = 3

# How a professional role reads inside a sentence ("… de consulent zegt 3").
_ROLE_IN_SENTENCE = {
    ProfessionalView.CONSULENT: gettext_lazy("de consulent"),
    ProfessionalView.HULPVERLENER: gettext_lazy("de hulpverlener"),
    ProfessionalView.SCHOOL: gettext_lazy("de school"),
    ProfessionalView.OTHER_PROFESSIONAL: gettext_lazy("een andere professional"),
}


@dataclass(frozen=True)
class Latest:
    """Someone's most recent number for one danger statement."""

    key: str
    label: str
    speaker: str
    score: int
    held_on: datetime.date
    what_makes_it: str
    one_higher: str
    is_family: bool


@dataclass(frozen=True)
class Difference:
    family: Latest
    professional: Latest

    @property
    def gap(self) -> int:
        return abs(self.family.score - self.professional.score)

    @property
    def sentence(self) -> str:
        return _(
            "Groot verschil: %(family)s zegt %(family_score)d, %(professional)s zegt "
            "%(professional_score)d — bespreek dit samen."
        ) % {
            "family": self.family.speaker,
            "family_score": self.family.score,
            "professional": self.professional.speaker,
            "professional_score": self.professional.score,
        }


@dataclass
class StatementScaling:
    """One danger statement (with its goals) on the scaling page."""

    statement: DangerStatement
    series: list[Series] = field(default_factory=list)
    chart: str = ""
    table: TrendTable | None = None
    family: list[Latest] = field(default_factory=list)
    professionals: list[Latest] = field(default_factory=list)
    difference: Difference | None = None


def person_labels(trajectory: Trajectory, persons: Iterable[Person]) -> dict[int, str]:
    """Short names for charts and choices: "An (moeder)", "Noor (kind)"; one query."""
    people = list(persons)
    kinds: dict[int, str] = {}
    relations = (
        Relation.objects.filter(trajectory=trajectory, person_id__in=[p.pk for p in people])
        .order_by("id")
        .values_list("person_id", "kind")
    )
    for person_id, kind in relations if people else ():
        kinds.setdefault(person_id, kind)
    labels = {}
    for person in people:
        if person.is_child:
            labels[person.pk] = _("%(name)s (kind)") % {"name": person.first_name}
        elif person.pk in kinds:
            kind = str(RelationKind(kinds[person.pk]).label).lower()
            labels[person.pk] = f"{person.first_name} ({kind})"
        else:
            labels[person.pk] = person.full_name
    return labels


def largest_difference(family: list[Latest], professionals: list[Latest]) -> Difference | None:
    """The family member and the professional furthest apart, if that is LARGE_DIFFERENCE or more.

    Each person is compared with each professional (not averages: an average would hide one
    parent who sees it very differently). Of equal gaps, the first pair in page order is named.
    """
    best: Difference | None = None
    for f in family:
        for p in professionals:
            candidate = Difference(family=f, professional=p)
            if best is None or candidate.gap > best.gap:
                best = candidate
    return best if best is not None and best.gap >= LARGE_DIFFERENCE else None


def _series_key(score: ScalingScore) -> str:
    return f"person:{score.person_id}" if score.person_id else f"role:{score.professional_role}"


def _series_order(key: str, persons: dict[int, Person]) -> tuple[int, tuple[object, ...]]:
    """The family first (children, then adults, as on the persons page), then the roles."""
    kind, _sep, value = key.partition(":")
    if kind == "person":
        p = persons[int(value)]
        return (0, (not p.is_child, p.date_of_birth or datetime.date.max, p.first_name, p.pk))
    return (1, (list(ProfessionalView.values).index(value), 0))


def scaling_overview(access: CaseAccess) -> list[StatementScaling]:
    """Per current danger statement the user may see: series, chart, table and latest numbers.

    Four queries whatever the number of rounds: statements, their goals, scores (with round
    and person), and the relations that name the persons.
    """
    goals = visible_items(access, SafetyGoal.objects.filter(withdrawn_at__isnull=True))
    statements = list(
        visible_items(access, DangerStatement.objects.filter(withdrawn_at__isnull=True))
        .order_by("position", "id")
        .prefetch_related(
            Prefetch("goals", queryset=goals.order_by("position", "id"), to_attr="current_goals")
        )
    )
    if not statements:
        return []
    scores = list(
        visible_items(
            access,
            ScalingScore.objects.filter(danger_statement_id__in=[s.pk for s in statements]),
        )
        .select_related("round", "person")
        .order_by("round__held_on", "round_id", "id")
    )
    persons = {s.person.pk: s.person for s in scores if s.person is not None}
    labels = person_labels(access.trajectory, persons.values())

    by_statement: dict[int, dict[str, list[ScalingScore]]] = {s.pk: {} for s in statements}
    for score in scores:
        by_statement[score.danger_statement_id].setdefault(_series_key(score), []).append(score)

    # Where each child put themself on the safety path (child_voice): a line on every chart.
    more = [Series(label=s.label, key=s.key, points=s.points) for s in extra_series(access)]
    result: list[StatementScaling] = []
    for statement in statements:
        item = StatementScaling(statement=statement)
        lines = by_statement[statement.pk]
        for key in sorted(lines, key=lambda k: _series_order(k, persons)):
            rows = lines[key]
            last = rows[-1]
            if last.person_id:
                label = speaker = labels[last.person_id]
            else:
                role = ProfessionalView(last.professional_role)
                label, speaker = str(role.label), str(_ROLE_IN_SENTENCE[role])
            item.series.append(
                Series(label=label, key=key, points=[(r.round.held_on, r.score) for r in rows])
            )
            latest = Latest(
                key=key,
                label=label,
                speaker=speaker,
                score=last.score,
                held_on=last.round.held_on,
                what_makes_it=last.what_makes_it,
                one_higher=last.one_higher,
                is_family=last.person_id is not None,
            )
            (item.family if latest.is_family else item.professionals).append(latest)
        item.series.extend(line for line in more if line.points)
        if item.series:
            item.chart = trend_chart_svg(
                item.series,
                title=_("Verloop van de cijfers voor gevaarsboodschap %(n)d")
                % {"n": len(result) + 1},
                id_prefix=f"trend-{statement.pk}",
            )
            item.table = trend_table(item.series)
        item.difference = largest_difference(item.family, item.professionals)
        result.append(item)
    return result

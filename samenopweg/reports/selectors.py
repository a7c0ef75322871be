"""Reads of the reports app: what is on file for a new report, a trajectory's reports, one
report with its versions, shares and reactions, and what the family reads of it.

Everything goes through the item rule (cases.access.visible_items): the professionals' report
is for professionals only; the family reads only the shared parents' version, and only the
parents (its audience).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from samenopweg.assessments.models import (
    BottomLine,
    DangerStatement,
    SafetyGoal,
    ScalingScore,
    StatementComment,
)
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.child_voice.models import ChildWords, Spokesperson
from samenopweg.people.models import Person
from samenopweg.reports.models import (
    SECTIONS,
    JudgeReport,
    ParentsReaction,
    ParentsVersion,
)
from samenopweg.reviews.models import Review
from samenopweg.safety_plans.models import PlanRule, PlanStatus, SafetyPlan

# How many of the latest reviews and rules a new report names (the consultant adds the rest).
LATEST_REVIEWS = 4


def _day(value: Any) -> str:
    return formats.date_format(value, "j F Y") if value else ""


def _short_day(value: Any) -> str:
    return formats.date_format(value, "d/m/Y") if value else ""


def _paragraphs(lines: list[str]) -> str:
    return "\n\n".join(line for line in lines if line.strip())


def _why_involved(access: CaseAccess) -> str:
    trajectory = access.trajectory
    lines = [
        _("Kader: %(framework)s, aangemeld op %(day)s.")
        % {"framework": trajectory.get_framework_display(), "day": _day(trajectory.registered_on)},
        trajectory.reason,
    ]
    if trajectory.goal:
        lines.append(_("Doel van de hulp: %(goal)s") % {"goal": trajectory.goal})
    return _paragraphs(lines)


def _worries(access: CaseAccess) -> str:
    statements = list(
        visible_items(access, DangerStatement.objects.filter(withdrawn_at__isnull=True)).order_by(
            "position", "id"
        )
    )
    goals = list(
        visible_items(access, SafetyGoal.objects.filter(withdrawn_at__isnull=True)).order_by(
            "position", "id"
        )
    )
    bottom_lines = list(
        visible_items(access, BottomLine.objects.filter(withdrawn_at__isnull=True)).order_by(
            "position", "id"
        )
    )
    lines: list[str] = []
    for number, statement in enumerate(statements, start=1):
        lines.append(
            _("Gevaarsboodschap %(n)s. %(sentence)s")
            % {"n": number, "sentence": statement.sentence}
        )
    for number, goal in enumerate(goals, start=1):
        lines.append(
            _("Veiligheidsdoel %(n)s: %(will)s Het kind ervaart: %(child)s Hoelang: %(long)s.")
            % {
                "n": number,
                "will": goal.parents_and_network_will,
                "child": goal.child_will_experience,
                "long": goal.for_how_long,
            }
        )
    for bottom_line in bottom_lines:
        lines.append(
            _("Bodemeis: %(text)s Waarom: %(reason)s")
            % {"text": bottom_line.text, "reason": bottom_line.reason}
        )
    return _paragraphs(lines)


def scaling_trend(access: CaseAccess) -> list[str]:
    """Per danger statement and per person (or professional), the scores in date order:
    "Gevaarsboodschap 1, An: 3 (12/01/2026), 5 (03/03/2026)". One query."""
    scores = (
        visible_items(access, ScalingScore.objects.all())
        .select_related("round", "person", "danger_statement")
        .order_by("danger_statement__position", "danger_statement_id", "round__held_on", "id")
    )
    by_line: dict[tuple[int, str], list[str]] = defaultdict(list)
    for score in scores:
        who = (
            score.person.first_name
            if score.person is not None
            else score.get_professional_role_display() or _("professional")
        )
        by_line[(score.danger_statement_id, who)].append(
            f"{score.score} ({_short_day(score.round.held_on)})"
        )
    numbers = {pk: n for n, pk in enumerate(dict.fromkeys(k[0] for k in by_line), start=1)}
    return [
        _("Schaalvraag bij gevaarsboodschap %(n)s, %(who)s: %(scores)s")
        % {"n": numbers[statement], "who": who, "scores": ", ".join(values)}
        for (statement, who), values in by_line.items()
    ]


def _progress(access: CaseAccess) -> str:
    lines = scaling_trend(access)
    plan = (
        visible_items(access, SafetyPlan.objects.exclude(status=PlanStatus.DRAFT))
        .order_by("-kind", "-id")
        .first()
    )
    if plan is not None:
        lines.append(
            _("Veiligheidsplan (%(status)s, sinds %(day)s):")
            % {
                "status": plan.get_status_display(),
                "day": _day(plan.status_changed_at or plan.created_at),
            }
        )
        rules = visible_items(
            access, PlanRule.objects.filter(plan=plan, withdrawn_at__isnull=True)
        ).order_by("position", "id")
        for rule in rules:
            went = (
                _("laatst opgevolgd op %(day)s") % {"day": _short_day(rule.last_checked_on)}
                if rule.last_checked_on
                else _("nog niet opgevolgd")
            )
            lines.append(f"- {rule.what} ({rule.when}; {went})")
    reviews = visible_items(access, Review.objects.filter(withdrawn_at__isnull=True)).order_by(
        "-held_on", "-id"
    )[:LATEST_REVIEWS]
    for review in reviews:
        lines.append(
            _("Evaluatie van %(day)s (%(outcome)s): %(well)s")
            % {
                "day": _day(review.held_on),
                "outcome": review.get_outcome_display(),
                "well": review.changes_going_well,
            }
        )
    return _paragraphs(lines)


def _child_voice(access: CaseAccess) -> str:
    words = (
        visible_items(access, ChildWords.objects.filter(withdrawn_at__isnull=True))
        .select_related("session__child", "spokesperson__person")
        .order_by("session__held_on", "id")
    )
    lines = [
        _("%(child)s (%(day)s): “%(words)s”")
        % {
            "child": w.session.child.first_name,
            "day": _short_day(w.session.held_on),
            "words": w.words,
        }
        for w in words
    ]
    spokespersons = visible_items(
        access, Spokesperson.objects.filter(withdrawn_at__isnull=True)
    ).select_related("child", "person", "professional")
    for spokesperson in spokespersons:
        if spokesperson.person is not None:
            who = spokesperson.person.full_name
        elif spokesperson.professional is not None:
            who = spokesperson.professional.get_full_name()
        else:
            who = ""

        lines.append(
            _("Vertrouwenspersoon van %(child)s: %(who)s (%(reason)s).")
            % {
                "child": spokesperson.child.first_name,
                "who": who,
                "reason": spokesperson.get_reason_display(),
            }
        )
    return _paragraphs(lines)


def _parents_view(access: CaseAccess) -> str:
    comments = (
        visible_items(
            access,
            StatementComment.objects.filter(
                view_of_person__isnull=False, view_of_person__is_child=False
            ),
        )
        .select_related("view_of_person")
        .order_by("created_at", "id")
    )
    return _paragraphs(
        [f"{c.view_of_person.first_name}: “{c.text}”" for c in comments if c.view_of_person]
    )


def _proposal(access: CaseAccess) -> str:
    review = (
        visible_items(access, Review.objects.filter(withdrawn_at__isnull=True))
        .exclude(for_the_judge="")
        .order_by("-held_on", "-id")
        .first()
    )
    return review.for_the_judge if review else ""


def report_facts(access: CaseAccess) -> dict[str, str]:
    """The text of each section of a new report, built from what is on file as this
    professional reads it. The consultant edits it before anything goes out."""
    builders = {
        "why_involved": _why_involved,
        "worries": _worries,
        "progress": _progress,
        "child_voice": _child_voice,
        "parents_view": _parents_view,
        "proposal": _proposal,
    }
    return {name: builders[name](access) for name, _heading in SECTIONS}


# --- the professionals' pages ---------------------------------------------------------------


def reports_of(access: CaseAccess) -> QuerySet[JudgeReport]:
    return (
        visible_items(access, JudgeReport.objects.all())
        .select_related("created_by", "finished_by")
        .prefetch_related(Prefetch("shares", queryset=ParentsVersion.objects.order_by("-number")))
    )


@dataclass
class ReportPage:
    report: JudgeReport
    sections: list[tuple[Any, str]]
    shares: list[ParentsVersion]
    reactions: list[ParentsReaction]
    versions: list[Any]
    children: list[Person]

    @property
    def latest_share(self) -> ParentsVersion | None:
        return self.shares[0] if self.shares else None

    @property
    def share_is_current(self) -> bool:
        """Whether the parents read the parents' version as it is now."""
        share = self.latest_share
        return share is not None and share.text == self.report.parents_version


def report_page(access: CaseAccess, report: JudgeReport) -> ReportPage:
    """One report with what belongs to it: four queries, whatever its size."""
    shares = list(
        visible_items(access, ParentsVersion.objects.filter(report=report)).order_by("-number")
    )
    reactions = list(
        visible_items(access, ParentsReaction.objects.filter(report=report))
        .select_related("person", "shared_version", "created_by")
        .order_by("created_at", "id")
    )
    versions = list(report.versions.select_related("written_by").order_by("-number"))
    children = list(
        visible_items(access, Person.objects.filter(is_child=True)).order_by(
            "date_of_birth", "first_name", "id"
        )
    )
    return ReportPage(
        report=report,
        sections=[(heading, getattr(report, name)) for name, heading in SECTIONS],
        shares=shares,
        reactions=reactions,
        versions=versions,
        children=children,
    )


# --- what the family reads ------------------------------------------------------------------


def shared_version(access: CaseAccess) -> ParentsVersion | None:
    """The latest parents' version shared on this trajectory that this reader may see (the
    parents; nobody else of the family). One query."""
    return (
        visible_items(access, ParentsVersion.objects.all())
        .select_related("report")
        .order_by("-shared_at", "-id")
        .first()
    )


def reactions_to(access: CaseAccess, share: ParentsVersion) -> list[ParentsReaction]:
    return list(
        visible_items(access, ParentsReaction.objects.filter(report=share.report_id))
        .select_related("person", "created_by")
        .order_by("created_at", "id")
    )

"""The family summary (issue 15, part 3): in plain words, what we were worried about, what
changed, what the plan is now and who is in the network, as one reader may read it.

Everything is read at the reader's level, through the item rule and the rule for kept
versions: a parent reads the worries as they were last shared with the parents, the rules of
the plan shared with them, the scaling numbers and check-ins they may see, and the network as
they know it. A professional prints the same summary at the parents' level (`for_the_parents`),
so what they hand over is what the parents read on their own page, never more.

What changed is told in what the family itself gave: the scaling numbers from the first to the
latest meeting, per person, and how often the rules of the plan went well.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from samenopweg.accounts.roles import CaseRole
from samenopweg.assessments.models import ScalingScore
from samenopweg.assessments.selectors.statements import latest_shared_page
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.core.pdf import pdf_download
from samenopweg.people.models import NetworkMember, Person
from samenopweg.safety_plans.models import CheckOutcome, RuleCheckIn
from samenopweg.safety_plans.selectors import family_plan


@dataclass(frozen=True)
class ScoreChange:
    """One person's numbers on one worry: the first and the latest meeting (0 to 10)."""

    who: str  # their first name; "" for the reader themself
    first: int
    first_on: datetime.date
    now: int
    now_on: datetime.date
    once: bool  # only one meeting so far: there is no change to tell yet


@dataclass
class SummaryWorry:
    sentence: str
    # What must change, as the goals say it ("de ouders en het netwerk zullen …").
    goals: list[str] = field(default_factory=list)
    scores: list[ScoreChange] = field(default_factory=list)


@dataclass(frozen=True)
class SummaryRule:
    what: str
    who: str  # the names the family uses ("An (mama), jij"), or ""


@dataclass(frozen=True)
class SummaryMember:
    name: str
    role_text: str  # who they are for the family ("oma", "buurvrouw")
    is_chair: bool


@dataclass(frozen=True)
class FamilySummary:
    registered_on: datetime.date
    closed_on: datetime.date | None
    worries: list[SummaryWorry]
    bottom_lines: list[str]
    rules: list[SummaryRule]
    check_ins: int  # how often someone said how a rule went (what the reader may see)
    went_well: int
    network: list[SummaryMember]

    @property
    def has_scores(self) -> bool:
        return any(worry.scores for worry in self.worries)

    @property
    def chair(self) -> SummaryMember | None:
        return next((member for member in self.network if member.is_chair), None)


def for_the_parents(access: CaseAccess) -> CaseAccess:
    """The parents' level of this trajectory: what a professional hands to the family."""
    return CaseAccess(trajectory=access.trajectory, role=CaseRole.OUDER)


def family_summary(reader: CaseAccess, person: Person | None) -> FamilySummary:
    """The summary as `reader` may read it (a family member's access, or `for_the_parents`),
    with `person` the reader's own record (None for the parents' level as a whole). Thirteen
    queries at most, whatever the number of worries, rules and members."""
    trajectory = reader.trajectory
    page = latest_shared_page(reader)
    worries: list[SummaryWorry] = []
    by_statement: dict[int, SummaryWorry] = {}
    bottom_lines: list[str] = []
    if page is not None:
        for statement in page.statements:
            worry = SummaryWorry(
                sentence=str(statement.get("sentence", "")),
                goals=[
                    str(goal.get("parents_and_network_will", ""))
                    for goal in statement.get("goals", [])
                    if goal.get("parents_and_network_will")
                ],
            )
            worries.append(worry)
            by_statement[statement["id"]] = worry
        bottom_lines = [str(b.get("text", "")) for b in page.bottom_lines if b.get("text")]
    for statement_id, changes in _score_changes(reader, person, list(by_statement)).items():
        by_statement[statement_id].scores = changes

    plan = family_plan(reader, person)
    shown = [line.rule for block in plan.plans for line in block.rules]
    rules = [
        SummaryRule(what=line.rule.what, who=line.who_names)
        for block in plan.plans
        for line in block.rules
    ]
    # Only the check-ins on the rules shown above: a shared check-in on a rule the reader may
    # not see (or of a plan no longer followed) says nothing to them and is not counted.
    counts = visible_items(
        reader,
        RuleCheckIn.objects.filter(rule_id__in=[rule.pk for rule in shown]).exclude(
            outcome=CheckOutcome.REMARK
        ),
    ).aggregate(
        total=Count("id"),
        well=Count("id", filter=Q(outcome=CheckOutcome.WENT_WELL)),
    )
    network = [
        SummaryMember(
            name=first_name,
            role_text=role_text,
            is_chair=is_chair,
        )
        # A member is named only when the reader may see both the membership and the person's
        # own record (the item rule on each, as closure.cards does).
        for first_name, role_text, is_chair in visible_items(
            reader,
            NetworkMember.objects.filter(
                withdrawn_at__isnull=True, person__in=visible_items(reader, Person.objects.all())
            ),
        )
        .order_by("-is_chair", "kind", "id")
        .values_list("person__first_name", "role_text", "is_chair")
    ]
    return FamilySummary(
        registered_on=trajectory.registered_on,
        closed_on=timezone.localdate(trajectory.closed_at) if trajectory.closed_at else None,
        worries=worries,
        bottom_lines=bottom_lines,
        rules=rules,
        check_ins=counts["total"] or 0,
        went_well=counts["well"] or 0,
        network=network,
    )


def _score_changes(
    reader: CaseAccess, person: Person | None, statement_ids: list[int]
) -> dict[int, list[ScoreChange]]:
    """Per worry, each family or network member's first and latest number, as the reader may
    see them: the score through the item rule and the person's own record too, so nobody is
    named to a reader who may not see them (the professionals' own numbers are theirs to
    explain, not in the family's summary). The reader's own line comes first. One query."""
    if not statement_ids:
        return {}
    rows = (
        visible_items(
            reader,
            ScalingScore.objects.filter(
                danger_statement_id__in=statement_ids,
                person__in=visible_items(reader, Person.objects.all()),
            ),
        )
        .order_by("round__held_on", "round_id", "id")
        .values_list(
            "danger_statement_id",
            "person_id",
            "person__first_name",
            "score",
            "round__held_on",
            "round_id",
        )
    )
    seen: dict[tuple[int, int], list[Any]] = {}
    order: dict[int, list[int]] = defaultdict(list)
    # Per (worry, person): name, first score, its day, latest score, its day, first and latest
    # round (two rounds on one day are two meetings).
    for statement_id, person_id, first_name, score, held_on, round_id in rows:
        key = (statement_id, person_id)
        if key not in seen:
            seen[key] = [first_name, score, held_on, score, held_on, round_id, round_id]
            order[statement_id].append(person_id)
        else:
            seen[key][3:5] = [score, held_on]
            seen[key][6] = round_id
    me = person.pk if person is not None else None
    found: dict[int, list[ScoreChange]] = {}
    for statement_id, people in order.items():
        people.sort(key=lambda pk: pk != me)  # the reader's own numbers first (a stable sort)
        found[statement_id] = [
            ScoreChange(
                who="" if pk == me else seen[(statement_id, pk)][0],
                first=seen[(statement_id, pk)][1],
                first_on=seen[(statement_id, pk)][2],
                now=seen[(statement_id, pk)][3],
                now_on=seen[(statement_id, pk)][4],
                once=seen[(statement_id, pk)][5] == seen[(statement_id, pk)][6],
            )
            for pk in people
        ]
    return found


def summary_pdf(
    request: HttpRequest, reader: CaseAccess, summary: FamilySummary, *, language: str = ""
) -> HttpResponse:
    """The summary as an A4 PDF in large, plain type (the family's handout style), with the
    headings in `language` (the reader's own, for the family)."""
    with translation.override(language or translation.get_language()):
        html = render_to_string(
            "reports/family_summary_pdf.html",
            {"t": reader.trajectory, "summary": summary, "today": timezone.localdate()},
            request,
        )
    return pdf_download(
        request,
        html,
        stylesheet="css/handout.css",
        filename=f"samenvatting-{reader.trajectory.reference}.pdf",
    )

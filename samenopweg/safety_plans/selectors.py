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

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from samenopweg.accounts.roles import CaseRole
from samenopweg.assessments.models import SafetyGoal
from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.extensions import attach_notes
from samenopweg.core.models import Audience
from samenopweg.people.models import NetworkMeeting, NetworkMember, Person, Relation, RelationKind
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
# A plan page opened with this parameter (by a review that adjusts the plan: samenopweg.reviews)
# shows the notes the higher apps give for the page (cases.extensions.page_notes, "plan"): the
# points to change, at the top. Only then: the page's usual reads stay as they are.
PAGE_NOTES_PARAM = "evaluatie"


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


# --- the family's pages ---------------------------------------------------------------------
# What a parent or a network member reads of the HOW on /mijn/ (samenopweg.portal), and what
# the network handout prints: the rules shared with them, who does what by the names the family
# uses, their own part, and whether they may say how a rule went.

# Who says how a rule went on the family's pages: the parent and the network member, for the
# rules they carry. A young person tells their worker (what a child says goes through the
# professionals: child_voice).
CHECK_IN_ROLES = (CaseRole.OUDER, CaseRole.NETWERK)
FAMILY_MEETINGS = 10
# The family words for a relation to a child, most telling first.
_WORD_ORDER = [
    RelationKind.MOTHER,
    RelationKind.FATHER,
    RelationKind.STEPMOTHER,
    RelationKind.STEPFATHER,
    RelationKind.GRANDPARENT,
]


def _family_word(kind: str, gender: str) -> str:
    """What the children call an adult of this relation ("mama", "opa"); "" when the family
    calls them by their name (a neighbour, an aunt)."""
    if kind == RelationKind.GRANDPARENT:
        return _("oma") if gender == "f" else _("opa") if gender == "m" else ""
    words: dict[str, str] = {
        RelationKind.MOTHER: _("mama"),
        RelationKind.FATHER: _("papa"),
        RelationKind.STEPMOTHER: _("plusmama"),
        RelationKind.STEPFATHER: _("pluspapa"),
    }
    return words.get(kind, "")


def _called(first_name: str, word: str) -> str:
    """ "An (mama)"; "oma Maria" when the word already holds the name; "Linda" without one."""
    first_name = first_name.strip()
    word = word.strip()
    if not word:
        return first_name
    if not first_name or first_name.casefold() in word.casefold():
        return word
    return f"{first_name} ({word})"


def family_names(
    access: CaseAccess, person_ids: Sequence[int | None], *, me: int | None = None
) -> dict[int, str]:
    """How the family calls each of `person_ids`, for the reader of `access`; someone missing
    from the answer is not named at all. Four queries at most, whatever the number of persons.

    - the reader themself (`me`): "jij";
    - someone the reader may see, as a person or as a member of the network: their first name
      with what they are to the family ("Maria (oma)" from the network's "wie is dit voor het
      gezin?", "An (mama)" from a relation to a child the reader may see);
    - a parent or grandparent whose record is shared with the parents but not with the reader
      (the network reads a rule that mama carries): the family word only ("mama"), nothing of
      their record;
    - anyone else, such as a person for professionals only: not named.
    """
    return _family_names(access, person_ids, me=me)[0]


def _family_names(
    access: CaseAccess,
    person_ids: Sequence[int | None],
    *,
    me: int | None = None,
    me_in_network: bool = False,
) -> tuple[dict[int, str], bool]:
    """`family_names`, and with `me_in_network` whether the reader (`me`) is a member of the
    network as they may see it (`handout.member_for`), read with the members named."""
    ids = {pk for pk in person_ids if pk is not None}
    wanted_members = ids | {me} if me_in_network and me is not None else ids
    if not wanted_members:
        return {}, False
    members = {
        pk: (role_text, first)
        for pk, role_text, first in visible_items(
            access,
            NetworkMember.objects.filter(person_id__in=wanted_members, withdrawn_at__isnull=True),
        )
        .order_by()
        .values_list("person_id", "role_text", "person__first_name")
    }
    in_network = me_in_network and me in members
    if not ids:
        return {}, in_network
    seen = {
        pk: (first, gender)
        for pk, first, gender in visible_items(access, Person.objects.filter(pk__in=ids))
        .order_by()
        .values_list("pk", "first_name", "gender")
    }
    known = dict(seen)
    unseen = ids - seen.keys()
    if unseen and not access.is_professional and access.audience_floor > Audience.PARENTS:
        # What the family knows among themselves: their records as the parents read them.
        parents = CaseAccess(trajectory=access.trajectory, role=CaseRole.OUDER)
        for pk, first, gender in (
            visible_items(parents, Person.objects.filter(pk__in=unseen))
            .order_by()
            .values_list("pk", "first_name", "gender")
        ):
            known[pk] = (first, gender)
    children = visible_items(access, Person.objects.filter(is_child=True)).values("pk")
    kinds: dict[int, list[str]] = defaultdict(list)
    for pk, kind in Relation.objects.filter(
        trajectory=access.trajectory, person_id__in=known.keys(), child_id__in=children
    ).values_list("person_id", "kind"):
        kinds[pk].append(kind)
    names = {}
    for pk in ids:
        first, gender = known.get(pk, ("", ""))
        words = [_family_word(k, gender) for k in _WORD_ORDER if k in kinds.get(pk, ())]
        word = next((w for w in words if w), "")
        if pk == me:
            names[pk] = _("jij")
        elif pk in members:
            role_text, member_first = members[pk]
            names[pk] = _called(member_first, role_text or word)
        elif pk in seen:
            names[pk] = _called(first, word)
        elif pk in known and word:
            names[pk] = word
    return names, in_network


@dataclass
class FamilyRule:
    """One rule as a family member reads it: who does it by the names the family uses, their own
    part in it, the latest check-in they may see, and whether they may say how it went."""

    rule: PlanRule
    who_names: str  # "An (mama), jij"
    checked_by: str  # who checks it, or ""
    does_it: bool  # the reader is one of those who do it
    checks_it: bool  # the reader checks it
    last_outcome: str = ""  # CheckOutcome of the latest check-in this reader may see
    last_label: str = ""
    last_on: datetime.date | None = None
    refusal: str = ""  # why they may not say how it went ("" when they may)
    # What the family's page repeats for each rule, built there in Python (portal.plan): the
    # day of the latest check-in as it writes it, and for a rule they may say how it went of,
    # the link to say it and the rule in a few words for a screen reader.
    last_day: str = ""
    check_in_url: str = ""
    short: str = ""

    @property
    def mine(self) -> bool:
        return self.does_it or self.checks_it

    @property
    def may_check_in(self) -> bool:
        return not self.refusal


@dataclass
class FamilyPlanBlock:
    plan: SafetyPlan
    rules: list[FamilyRule]

    @property
    def mine(self) -> list[FamilyRule]:
        return [line for line in self.rules if line.mine]


@dataclass(frozen=True)
class FamilyMeeting:
    held_on: datetime.date
    who: str  # who was there, by the names the family uses
    notes: str


@dataclass
class FamilyPlan:
    plans: list[FamilyPlanBlock]  # being tried out or running, the immediate agreement first
    in_the_making: bool  # a plan shared with them is still a draft
    meetings: list[FamilyMeeting]
    # The reader is a member of the network as they may see it (handout.member_for is not
    # None): read with the names, for the link to their own handout.
    in_network: bool = False
    # After the closure the reader is the network's chair, who keeps the plan going.
    goes_on: bool = False

    @property
    def mine(self) -> list[FamilyRule]:
        return [line for block in self.plans for line in block.mine]


def check_in_refusal(access: CaseAccess, line: FamilyRule, *, goes_on: bool = False) -> str:
    """Why this family member may not say how the rule went, or "" when they may: a parent or a
    network member, while the help goes on, for a rule they do or check of a plan being followed
    up; after the closure the network's chair, for every rule of the plan (`goes_on`:
    chair_goes_on). (Who steps in when it fails is free text, so it gives no one a rule.)"""
    if access.trajectory.is_closed and not goes_on:
        return _("De hulp is gestopt. De voorzitter van het netwerk houdt het plan bij.")
    if access.role not in CHECK_IN_ROLES:
        return _("Vertel aan je begeleider hoe het ging.")
    if line.rule.plan.status not in FOLLOWED_UP:
        return _("Dit plan loopt nu niet. Je kunt hier niets invullen.")
    if not line.mine and not goes_on:
        return _("Je vertelt hoe het ging bij de afspraken die jij doet of nakijkt.")
    return ""


def chair_goes_on(access: CaseAccess, person: Person | None) -> bool:
    """After the closure, the reader is the network's chair, who keeps the plan going (as
    people.selectors.network_goes_on, for the person the page is read as). No query while
    the trajectory is open; one after."""
    if not access.trajectory.is_closed or access.role != CaseRole.NETWERK or person is None:
        return False
    return NetworkMember.objects.filter(
        trajectory=access.trajectory, person=person, is_chair=True, withdrawn_at__isnull=True
    ).exists()


def _with_latest_check_in(access: CaseAccess, rules: Any) -> Any:
    """`rules` with the outcome and day of the latest check-in this reader may see (a check-in
    for professionals only does not show through, not even as the rule's last outcome)."""
    latest = visible_items(access, RuleCheckIn.objects.filter(rule=OuterRef("pk"))).order_by(
        "-checked_on", "-id"
    )
    return rules.annotate(
        seen_outcome=Subquery(latest.values("outcome")[:1]),
        seen_on=Subquery(latest.values("checked_on")[:1]),
    )


def _who(rule_ids: Sequence[int]) -> dict[int, list[int]]:
    who: dict[int, list[int]] = defaultdict(list)
    for rule_id, person_id in (
        PlanRule.who.through.objects.filter(planrule_id__in=rule_ids)
        .order_by("id")
        .values_list("planrule_id", "person_id")
    ):
        who[rule_id].append(person_id)
    return who


def _outcome_labels() -> dict[str, str]:
    """Each check-in outcome's label, translated once for all the rules of a page."""
    return {value: str(label) for value, label in CheckOutcome.choices}


def _family_line(
    access: CaseAccess,
    rule: PlanRule,
    who: list[int],
    names: dict[int, str],
    me: int | None,
    labels: dict[str, str],
    goes_on: bool = False,
) -> FamilyRule:
    outcome = getattr(rule, "seen_outcome", None) or ""
    line = FamilyRule(
        rule=rule,
        who_names=", ".join(names[pk] for pk in who if pk in names),
        checked_by=names.get(rule.checked_by_id, "") if rule.checked_by_id else "",
        does_it=me is not None and me in who,
        checks_it=me is not None and rule.checked_by_id == me,
        last_outcome=outcome,
        last_label=labels.get(outcome, ""),
        last_on=getattr(rule, "seen_on", None),
    )
    line.refusal = check_in_refusal(access, line, goes_on=goes_on)
    return line


def family_plan(access: CaseAccess, person: Person | None) -> FamilyPlan:
    """The plans being followed up as this family member may read them (the item rule), with
    who does what, their own part and the network meetings shared with them; for a network
    member, whether they are in the network as they may see it (`FamilyPlan.in_network`). Nine
    queries at most, whatever the number of plans, rules and meetings."""
    me = person.pk if person is not None else None
    plans = list(
        visible_items(access, SafetyPlan.objects.exclude(status=PlanStatus.ENDED)).order_by(
            "kind", "id"
        )
    )
    followed = {p.pk: p for p in plans if p.status in FOLLOWED_UP}
    rules = list(
        _with_latest_check_in(
            access,
            visible_items(
                access, PlanRule.objects.filter(plan_id__in=followed, withdrawn_at__isnull=True)
            ),
        ).order_by("position", "id")
    )
    who = _who([r.pk for r in rules])
    meetings = list(
        visible_items(access, NetworkMeeting.objects.all()).order_by("-held_on", "-id")[
            :FAMILY_MEETINGS
        ]
    )
    attendees: dict[int, list[int]] = defaultdict(list)
    for meeting_id, person_id in (
        NetworkMeeting.attendees.through.objects.filter(
            networkmeeting_id__in=[m.pk for m in meetings]
        )
        # In the order they came into the file (the rows' own order is not the caller's:
        # attendees.set() adds them as a set, so PostgreSQL may store them either way).
        .order_by("networkmeeting_id", "person_id")
        .values_list("networkmeeting_id", "person_id")
    ):
        attendees[meeting_id].append(person_id)
    names, in_network = _family_names(
        access,
        [
            *(pk for ids in who.values() for pk in ids),
            *(r.checked_by_id for r in rules),
            *(pk for ids in attendees.values() for pk in ids),
        ],
        me=me,
        me_in_network=access.role == CaseRole.NETWERK,
    )
    labels = _outcome_labels()
    goes_on = chair_goes_on(access, person)
    by_plan: dict[int, list[FamilyRule]] = defaultdict(list)
    for rule in rules:
        rule.plan = followed[rule.plan_id]  # read once above
        by_plan[rule.plan_id].append(
            _family_line(access, rule, who.get(rule.pk, []), names, me, labels, goes_on)
        )
    return FamilyPlan(
        plans=[FamilyPlanBlock(plan=p, rules=by_plan.get(p.pk, [])) for p in followed.values()],
        in_the_making=any(p.status == PlanStatus.DRAFT for p in plans),
        meetings=[
            FamilyMeeting(
                held_on=m.held_on,
                who=", ".join(
                    [names[pk] for pk in attendees.get(m.pk, []) if pk in names]
                    + ([m.other_attendees] if m.other_attendees else [])
                ),
                notes=m.notes,
            )
            for m in meetings
        ],
        in_network=in_network,
        goes_on=goes_on,
    )


def family_rule(access: CaseAccess, person: Person | None, rule_id: int) -> FamilyRule:
    """One rule shared with this family member (the item rule, for the rule and its plan), as
    their plan shows it; 404 for a rule not shared with them or of another trajectory."""
    me = person.pk if person is not None else None
    rule = get_item_for_user(
        access,
        _with_latest_check_in(
            access,
            PlanRule.objects.filter(
                withdrawn_at__isnull=True,
                plan__in=visible_items(access, SafetyPlan.objects.all()).values("pk"),
            ).select_related("plan"),
        ),
        rule_id,
    )
    who = _who([rule.pk])
    names = family_names(access, [*who.get(rule.pk, []), rule.checked_by_id], me=me)
    return _family_line(
        access,
        rule,
        who.get(rule.pk, []),
        names,
        me,
        _outcome_labels(),
        chair_goes_on(access, person),
    )

"""The network handout: a PDF for one network member with the danger statements and goals in
plain words, the plan, and their own part in it.

Only what the network may see: every item goes through cases.access.visible_items as the
network member would read it (audience "ook ouders en netwerk" or wider, nothing withdrawn).
Professionals-only items, such as who may not come near the child, never reach it. The danger
statements and goals go in once they were shared with the family.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from samenopweg.assessments.models import DangerStatement, SafetyGoal, StatementSet, StatementStatus
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.models import CaseRole
from samenopweg.people.models import ChildSupport, NetworkMember, Person
from samenopweg.safety_plans.models import PlanRule, PlanStatus, SafetyPlan


@dataclass
class HandoutStatement:
    sentence: str
    goals: list[SafetyGoal]


@dataclass
class HandoutPlan:
    plan: SafetyPlan
    rules: list[PlanRule]
    mine: list[PlanRule]  # rules this member does, checks, or is named in


@dataclass
class Handout:
    member: NetworkMember
    children: list[Person]
    shared: bool  # the danger statements and goals were shared with the family
    statements: list[HandoutStatement]
    plans: list[HandoutPlan]
    supports: list[ChildSupport]
    chair: NetworkMember | None


def network_access(access: CaseAccess) -> CaseAccess:
    """The same trajectory, read as a member of its network reads it."""
    return CaseAccess(trajectory=access.trajectory, role=CaseRole.NETWERK)


def handout_for(access: CaseAccess, member: NetworkMember) -> Handout:
    reader = network_access(access)
    trajectory = access.trajectory
    status = (
        StatementSet.objects.filter(trajectory=trajectory).values_list("status", flat=True).first()
    )
    shared = status == StatementStatus.SHARED
    statements: list[HandoutStatement] = []
    if shared:
        goals = list(visible_items(reader, SafetyGoal.objects.all()).order_by("position", "id"))
        for statement in visible_items(reader, DangerStatement.objects.all()).order_by(
            "position", "id"
        ):
            statements.append(
                HandoutStatement(
                    sentence=statement.sentence,
                    goals=[g for g in goals if g.danger_statement_id == statement.pk],
                )
            )
    # Names too go through the item rule: a person the network may not see is not printed.
    visible_persons = visible_items(reader, Person.objects.all())
    seen = set(visible_persons.values_list("pk", flat=True))
    plans = []
    for plan in visible_items(
        reader, SafetyPlan.objects.exclude(status__in=[PlanStatus.DRAFT, PlanStatus.ENDED])
    ).order_by("kind", "id"):
        rules = list(
            visible_items(reader, PlanRule.objects.filter(plan=plan))
            .prefetch_related(Prefetch("who", queryset=visible_persons.order_by("first_name")))
            .order_by("position", "id")
        )
        # Their own part, whether or not their own name is one the network may see.
        theirs = set(
            PlanRule.who.through.objects.filter(
                planrule_id__in=[r.pk for r in rules], person_id=member.person_id
            ).values_list("planrule_id", flat=True)
        )
        mine = [r for r in rules if r.checked_by_id == member.person_id or r.pk in theirs]
        plans.append(HandoutPlan(plan=plan, rules=rules, mine=mine))
    supports = list(
        visible_items(
            reader,
            ChildSupport.objects.filter(
                adult=member.person, withdrawn_at__isnull=True, child_id__in=seen
            ),
        ).select_related("child")
    )
    chair = (
        visible_items(
            reader,
            NetworkMember.objects.filter(
                is_chair=True, withdrawn_at__isnull=True, person_id__in=seen
            ),
        )
        .select_related("person")
        .first()
    )
    children = list(
        visible_items(reader, Person.objects.filter(is_child=True)).order_by("date_of_birth", "id")
    )
    return Handout(
        member=member,
        children=children,
        shared=shared,
        statements=statements,
        plans=plans,
        supports=supports,
        chair=chair,
    )

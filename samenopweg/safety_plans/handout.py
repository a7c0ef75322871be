"""The network handout: a PDF for one network member with the danger statements and goals in
plain words, the plan, and their own part in it.

Only what the network may see: every item goes through cases.access.visible_items as the
network member would read it (audience "ook ouders en netwerk" or wider, nothing withdrawn).
Professionals-only items, such as who may not come near the child, never reach it. The danger
statements and goals go in as they were last shared with the family (the shared version). Who
does what is named as the family calls them (selectors.family_names), and the numbers to call
are at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samenopweg.accounts.models import Team
from samenopweg.assessments.selectors.statements import latest_shared_page
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.models import CaseGrant, CaseRole, Trajectory
from samenopweg.core.pdf import pdf_download
from samenopweg.people.models import ChildSupport, NetworkMember, Person
from samenopweg.safety_plans.models import SafetyPlan
from samenopweg.safety_plans.selectors import FamilyRule, family_plan

STYLESHEET = "css/handout.css"


@dataclass
class HandoutStatement:
    sentence: str
    goals: list[dict[str, Any]]  # as shared: the snapshot's goal fields


@dataclass
class HandoutPlan:
    plan: SafetyPlan
    rules: list[FamilyRule]

    @property
    def mine(self) -> list[FamilyRule]:
        """The rules this member does or checks."""
        return [line for line in self.rules if line.mine]


@dataclass(frozen=True)
class Contact:
    name: str
    what: str
    phone: str
    reachable: str


@dataclass
class Handout:
    member: NetworkMember
    children: list[Person]
    shared: bool  # the danger statements and goals were shared with the family
    statements: list[HandoutStatement]
    plans: list[HandoutPlan]
    supports: list[ChildSupport]
    chair: NetworkMember | None
    contacts: list[Contact]  # whom to call: the consultant and the workers
    out_of_hours: str  # the organisation's number for evenings and weekends, or ""


def network_access(access: CaseAccess) -> CaseAccess:
    """The same trajectory, read as a member of its network reads it."""
    return CaseAccess(trajectory=access.trajectory, role=CaseRole.NETWERK)


def handout_for(access: CaseAccess, member: NetworkMember) -> Handout:
    reader = network_access(access)
    trajectory = access.trajectory
    # Exactly as they were last shared with the family (the newest shared version, through the
    # item rule for kept versions): a wording the consultant changed since is not theirs yet.
    page = latest_shared_page(reader)
    shared = page is not None
    statements = [
        HandoutStatement(sentence=s["sentence"], goals=s.get("goals", []))
        for s in (page.statements if page is not None else [])
    ]
    # The plans being tried out or running, as the network reads them: names through the item
    # rule (selectors.family_names: a person the network may not see is not printed), and their
    # own part whether or not their own name is one the network may see.
    plans = [
        HandoutPlan(plan=block.plan, rules=block.rules)
        for block in family_plan(reader, member.person).plans
    ]
    seen = set(visible_items(reader, Person.objects.all()).values_list("pk", flat=True))
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
    contacts, out_of_hours = who_to_call(trajectory)
    return Handout(
        member=member,
        children=children,
        shared=shared,
        statements=statements,
        plans=plans,
        supports=supports,
        chair=chair,
        contacts=contacts,
        out_of_hours=out_of_hours,
    )


def who_to_call(trajectory: Trajectory) -> tuple[list[Contact], str]:
    """Whom a network member calls: the consultant who carries the file, then the workers on
    it, with their phone and hours; and the out-of-hours number of the trajectory's service
    (its team's organisation). Two queries."""
    owner = trajectory.owner
    contacts = [
        Contact(str(owner), _("regelt de hulp voor het gezin"), owner.phone, owner.reachable)
    ]
    seen = {owner.pk}
    for grant in (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, role=CaseRole.HULPVERLENER)
        .select_related("user")
        .order_by("valid_from", "id")
    ):
        if grant.user.pk not in seen:
            seen.add(grant.user.pk)
            user = grant.user
            contacts.append(
                Contact(str(user), _("helpt het gezin thuis"), user.phone, user.reachable)
            )
    organisation = (
        Team.objects.select_related("organisation").get(pk=trajectory.team_id).organisation
    )
    return contacts, organisation.out_of_hours_phone


def member_for(access: CaseAccess, person: Person | None) -> NetworkMember | None:
    """The network member this person is, when the reader may see it (the item rule)."""
    if person is None:
        return None
    return (
        visible_items(
            access, NetworkMember.objects.filter(person=person, withdrawn_at__isnull=True)
        )
        .select_related("person")
        .first()
    )


def reader_language(member: NetworkMember) -> str:
    """The language the member chose for their own account on this trajectory (User.language,
    taken from their invitation), or "" without a current one. One query."""
    language = (
        CaseGrant.objects.current()
        .filter(trajectory_id=member.trajectory_id, person_id=member.person_id)
        .order_by("-valid_from", "-id")
        .values_list("user__language", flat=True)
        .first()
    )
    return language or ""


def handout_download(
    request: HttpRequest, access: CaseAccess, member: NetworkMember
) -> HttpResponse:
    """The handout of one network member as a PDF download, in the member's own language: they
    read it, also when a professional prints it for them (the language of whoever prints it
    when the member has no account)."""
    with translation.override(reader_language(member) or translation.get_language()):
        context: dict[str, Any] = {"handout": handout_for(access, member), "t": access.trajectory}
        html = render_to_string("safety_plans/handout_pdf.html", context, request)
    name = slugify(member.person.first_name) or "netwerk"
    return pdf_download(
        request, html, stylesheet=STYLESHEET, filename=f"veiligheidsplan-{name}.pdf"
    )

"""Reads of the safety network; everything starts from cases.access.visible_items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Prefetch
from django.utils.translation import gettext as _

from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.models import CaseGrant, CaseRole, Trajectory
from samenopweg.people.models import (
    ChildSupport,
    ContactBan,
    NetworkKind,
    NetworkMeeting,
    NetworkMember,
    Person,
    Relation,
    SupportRole,
)


@dataclass
class ChildLine:
    """One child with the adults who support it and its trusted person."""

    child: Person
    lasting_adults: list[ChildSupport] = field(default_factory=list)
    trusted: list[ChildSupport] = field(default_factory=list)
    bans: list[ContactBan] = field(default_factory=list)

    @property
    def unconfirmed(self) -> int:
        return sum(1 for s in self.lasting_adults if s.confirmed_on is None)


@dataclass
class NetworkPage:
    informal: list[NetworkMember]
    professional: list[NetworkMember]
    children: list[ChildLine]
    bans_for_all: list[ContactBan]
    bans: list[ContactBan]  # every current ban, newest first: the box at the top of the page
    meetings: list[NetworkMeeting]
    candidates: list[Person]  # adults of the trajectory not (yet) in the network
    chair: NetworkMember | None


def network_page(access: CaseAccess) -> NetworkPage:
    persons = list(
        visible_items(access, Person.objects.all()).order_by(
            "-is_child", "date_of_birth", "first_name", "id"
        )
    )
    relations = list(
        Relation.objects.filter(trajectory=access.trajectory, person__in=persons).select_related(
            "child"
        )
    )
    by_person: dict[int, list[Relation]] = {}
    for relation in relations:
        by_person.setdefault(relation.person_id, []).append(relation)
    members = list(
        visible_items(
            access, NetworkMember.objects.filter(withdrawn_at__isnull=True)
        ).select_related("person")
    )
    for member in members:
        member.relation_list = by_person.get(member.person_id, [])  # type: ignore[attr-defined]
    in_network = {m.person_id for m in members}
    supports = list(
        visible_items(
            access, ChildSupport.objects.filter(withdrawn_at__isnull=True)
        ).select_related("adult")
    )
    bans = list(
        visible_items(access, ContactBan.objects.filter(withdrawn_at__isnull=True)).select_related(
            "person", "child"
        )
    )
    children = [ChildLine(child=p) for p in persons if p.is_child]
    lines = {line.child.pk: line for line in children}
    for support in supports:
        line = lines.get(support.child_id)
        if line is None:
            continue
        (line.lasting_adults if support.role == SupportRole.LASTING_ADULT else line.trusted).append(
            support
        )
    bans_for_all = []
    for ban in bans:
        if ban.child_id is None:
            bans_for_all.append(ban)
        elif ban.child_id in lines:
            lines[ban.child_id].bans.append(ban)
    meetings = list(
        visible_items(access, NetworkMeeting.objects.all()).prefetch_related(
            Prefetch("attendees", queryset=Person.objects.order_by("first_name"))
        )[:20]
    )
    return NetworkPage(
        informal=[m for m in members if m.kind == NetworkKind.INFORMAL],
        professional=[m for m in members if m.kind == NetworkKind.PROFESSIONAL],
        children=children,
        bans_for_all=bans_for_all,
        # The ones listed lower down (a child no longer shown takes its ban with it).
        bans=[b for b in bans if b.child_id is None or b.child_id in lines],
        meetings=meetings,
        candidates=[p for p in persons if not p.is_child and p.pk not in in_network],
        chair=next((m for m in members if m.is_chair), None),
    )


def contact_ban_notes(access: CaseAccess) -> dict[int, str]:
    """Per person under a current contact ban (pk), the ban in words: "contactverbod met Emma".

    One query, through the item rule: a ban is for professionals only, so family and network
    get nothing. For the diagrams and the pickers (the case team, who was there)."""
    if not access.is_professional:  # fails closed, whatever a ban's audience says
        return {}
    names: dict[int, list[str]] = {}
    everyone: set[int] = set()
    for person_id, child_name in (
        visible_items(access, ContactBan.objects.filter(withdrawn_at__isnull=True))
        .order_by(F("child__date_of_birth").asc(nulls_last=True), "child_id")
        .values_list("person_id", "child__first_name")
    ):
        if child_name is None:
            everyone.add(person_id)
        elif child_name not in names.setdefault(person_id, []):
            names[person_id].append(child_name)
    notes = {}
    for person_id in everyone | names.keys():
        if person_id in everyone:
            notes[person_id] = _("contactverbod met alle kinderen")
        else:
            children = names[person_id]
            joined = (
                f"{', '.join(children[:-1])} {_('en')} {children[-1]}"
                if len(children) > 1
                else children[0]
            )
            notes[person_id] = _("contactverbod met %(children)s") % {"children": joined}
    return notes


def network_goes_on(trajectory: Trajectory, user: Any) -> bool:
    """After the closure the network keeps its plan going: True when `trajectory` is closed and
    `user` is the chair of its network (a current network grant bound to the chair's person).
    No query while the trajectory is open; one after."""
    if not trajectory.is_closed or user is None or not user.is_authenticated:
        return False
    chairs = NetworkMember.objects.filter(
        trajectory=trajectory, is_chair=True, withdrawn_at__isnull=True
    ).values("person_id")
    return (
        CaseGrant.objects.current()
        .filter(
            trajectory=trajectory,
            user=user,
            role=CaseRole.NETWERK,
            person_id__in=chairs,
        )
        .exists()
    )

"""Reads of the safety network; everything starts from cases.access.visible_items."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from samenopweg.cases.access import CaseAccess, visible_items
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
            "person"
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
        meetings=meetings,
        candidates=[p for p in persons if not p.is_child and p.pk not in in_network],
        chair=next((m for m in members if m.is_chair), None),
    )

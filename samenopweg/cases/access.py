"""Who may see which trajectory, and which of its items.

These are the only two rules. Every list, page, search, export and API goes through
`visible_trajectories`, `get_trajectory_for_user` and `visible_items` (`visible_items_of` for
several trajectories at once).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import PermissionDenied
from django.db import connection, models
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404
from django.utils.translation import gettext as _

from samenopweg.accounts import roles
from samenopweg.accounts.models import Role
from samenopweg.accounts.roles import (
    FAMILY_CASE_ROLES,
    TEAMVERANTWOORDELIJKE,
    CaseRole,
    active_roles,
    is_family_account,
    led_team_ids,
)
from samenopweg.cases.models import CaseGrant, Trajectory
from samenopweg.core.models import Audience

# The lowest audience level each role on a case may read (see core.models.Audience).
_AUDIENCE_FLOOR = {
    CaseRole.CONSULENT: Audience.PROFESSIONALS,
    CaseRole.HULPVERLENER: Audience.PROFESSIONALS,
    TEAMVERANTWOORDELIJKE: Audience.PROFESSIONALS,
    CaseRole.OUDER: Audience.PARENTS,
    CaseRole.NETWERK: Audience.NETWORK,
    CaseRole.JONGERE: Audience.CHILD,
}
# When someone holds several roles on one case, the widest one counts.
_ROLE_RANK = [
    CaseRole.CONSULENT,
    CaseRole.HULPVERLENER,
    CaseRole.OUDER,
    CaseRole.NETWERK,
    CaseRole.JONGERE,
]

M = TypeVar("M", bound=models.Model)


def _current_grants(user: Any) -> QuerySet[CaseGrant]:
    """Grants in force now. A professional grant only counts while its membership is active:
    a worker whose membership ends loses every case at once, whatever their grants say. A family
    grant only counts while the account is a family account (no membership, not staff)."""
    roles = active_roles(user)
    allowed = list(FAMILY_CASE_ROLES) if is_family_account(user) else []
    if roles & {Role.CONSULENT, Role.TEAMVERANTWOORDELIJKE}:
        allowed.append(CaseRole.CONSULENT)
    if Role.HULPVERLENER in roles:
        allowed.append(CaseRole.HULPVERLENER)
    return CaseGrant.objects.current().filter(user=user, role__in=allowed)


def visible_trajectories(user: Any) -> QuerySet[Trajectory]:
    """The one selector: trajectories with a current grant for the user, or of a team they lead."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Trajectory.objects.none()
    granted = _current_grants(user).order_by().values("trajectory_id")
    teams = led_team_ids(user)
    if not teams:
        return Trajectory.objects.filter(pk__in=granted)
    if connection.vendor == "postgresql":
        # `id IN (subquery) OR team_id IN (...)` makes PostgreSQL read every trajectory to test
        # the condition; `id = ANY(ARRAY(subquery))` is an index condition, so both halves are
        # read by index and OR-ed as bitmaps (docs/CONFIGURATION.md, tests/test_postgres_plans.py).
        return Trajectory.objects.filter(Q(_pk_in_array(granted)) | Q(team_id__in=teams))
    return Trajectory.objects.filter(Q(pk__in=granted) | Q(team_id__in=teams))


def _pk_in_array(ids: QuerySet[Any]) -> Func:
    """`id = ANY(ARRAY(<ids>))`, PostgreSQL only."""
    return Func(
        F("pk"),
        ArraySubquery(ids),
        template="(%(expressions)s))",
        arg_joiner=" = ANY(",
        output_field=BooleanField(),
    )


@dataclass(frozen=True)
class CaseAccess:
    """What one user may do with one trajectory."""

    trajectory: Trajectory
    role: str
    # The one record this request showed, which its read row names (cases.decorators): the
    # last item fetched through `get_item_for_user`, or what the view names with `show`.
    shown: models.Model | None = field(default=None, compare=False, repr=False)

    def show(self, record: M) -> M:
        """Name `record` as what this page shows (a kept version, the trajectory itself)."""
        # The only field that changes: which record the page showed, not what the user may do.
        object.__setattr__(self, "shown", record)
        return record

    @property
    def is_professional(self) -> bool:
        return roles.is_professional_role(self.role)

    @property
    def is_consultant(self) -> bool:
        """The mandate: the consultant(s) of the case and the team lead decide the WHAT."""
        return roles.is_consultant_role(self.role)

    @property
    def is_team_lead(self) -> bool:
        return roles.is_team_lead_role(self.role)

    @property
    def is_family(self) -> bool:
        return roles.is_family_role(self.role)

    def may_manage_case_team(self, user: Any) -> bool:
        """The consultant who owns the case and the team lead give and end access."""
        return roles.may_manage_case_team(user, self.trajectory)

    @property
    def audience_floor(self) -> int:
        return int(_AUDIENCE_FLOOR[self.role])

    def require_professional(self) -> None:
        if not self.is_professional:
            raise PermissionDenied(_("Deze pagina is voor de professionals van dit traject."))

    def require_consultant(self) -> None:
        self.require_professional()
        if not self.is_consultant:
            raise PermissionDenied(_("Dit beslist de consulent van het traject."))

    def require_open(self) -> None:
        if self.trajectory.is_closed:
            raise PermissionDenied(_("Dit traject is afgesloten. Heropen het eerst."))


def _role_annotation(user: Any) -> Case:
    ranks = [When(role=role, then=Value(i)) for i, role in enumerate(_ROLE_RANK)]
    best_grant = (
        _current_grants(user)
        .filter(trajectory=OuterRef("pk"))
        .annotate(rank=Case(*ranks, output_field=IntegerField()))
        .order_by("rank")
        .values("role")[:1]
    )
    return Subquery(best_grant)  # type: ignore[return-value]


def get_trajectory_for_user(user: Any, reference: str) -> CaseAccess:
    """Fetch a trajectory the user may see, with their role on it; 404 for anyone else."""
    trajectory = (
        visible_trajectories(user)
        .select_related("team", "organisation", "owner")
        .annotate(_grant_role=_role_annotation(user))
        .filter(reference=reference)
        .first()
    )
    if trajectory is None:
        raise Http404(_("Dit traject bestaat niet of je hebt er geen toegang toe."))
    return _access(user, trajectory)


def visible_accesses(user: Any, trajectories: QuerySet[Trajectory]) -> list[CaseAccess]:
    """A CaseAccess per trajectory of `trajectories` (a queryset from `visible_trajectories(user)`,
    in its order), with the role `get_trajectory_for_user` would give; one query. A trajectory
    the user may not see is left out."""
    accesses = []
    for trajectory in trajectories.annotate(_grant_role=_role_annotation(user)):
        access = _access(user, trajectory)
        if access.role is not None:
            accesses.append(access)
    return accesses


def _access(user: Any, trajectory: Trajectory) -> CaseAccess:
    """The widest current grant (annotated as `_grant_role`); a team lead without a consultant
    grant reads as team lead."""
    role = trajectory._grant_role  # type: ignore[attr-defined]
    if trajectory.team_id in led_team_ids(user) and role != CaseRole.CONSULENT:
        role = TEAMVERANTWOORDELIJKE
    return CaseAccess(trajectory=trajectory, role=role)


def visible_items(access: CaseAccess, queryset: QuerySet[M]) -> QuerySet[M]:
    """The one item rule: professionals see all; family and network see what is shared with them."""
    queryset = queryset.filter(trajectory=access.trajectory)
    if access.is_professional:
        return queryset
    queryset = queryset.filter(audience__gte=access.audience_floor)
    if hasattr(queryset.model, "withdrawn_at"):
        queryset = queryset.filter(withdrawn_at__isnull=True)
    return queryset


def visible_items_of(accesses: Sequence[CaseAccess], queryset: QuerySet[M]) -> QuerySet[M]:
    """The item rule of `visible_items` for several trajectories at once, for a page that lists
    them (one query, not one per trajectory): each row as the access of its own trajectory
    sees it."""
    by_role: dict[str, list[Trajectory]] = defaultdict(list)
    for access in accesses:
        by_role[access.role].append(access.trajectory)
    if not by_role:
        return queryset.none()
    rules = []
    for role, trajectories in by_role.items():
        access = CaseAccess(trajectory=trajectories[0], role=role)
        rule = Q(trajectory__in=trajectories)
        if not access.is_professional:
            rule &= Q(audience__gte=access.audience_floor)
            if hasattr(queryset.model, "withdrawn_at"):
                rule &= Q(withdrawn_at__isnull=True)
        rules.append(rule)
    return queryset.filter(reduce(or_, rules))


def get_item_for_user(access: CaseAccess, queryset: QuerySet[M], pk: int) -> M:
    """One item of the trajectory through the item rule, or 404; the page's read row names it."""
    item = visible_items(access, queryset).filter(pk=pk).first()
    if item is None:
        raise Http404(_("Dit bestaat niet of je hebt er geen toegang toe."))
    return access.show(item)


def visible_kept_items(access: CaseAccess, items: Iterable[Mapping[str, Any]]) -> list[Any]:
    """The item rule for kept versions and snapshots (plain data, not rows).

    A kept version stores each item with the audience it had then (key "audience"); family and
    network see an item only when that audience reaches them, never a withdrawn one (key
    "withdrawn"), exactly as `visible_items` does for the rows themselves.
    """
    if access.is_professional:
        return list(items)
    floor = access.audience_floor
    return [
        item
        for item in items
        if int(item.get("audience", Audience.PROFESSIONALS)) >= floor and not item.get("withdrawn")
    ]

"""Reads of the family's pages: who this user is in the trajectory, where the help stands,
whom to call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from samenopweg.accounts.models import OrganisationKind
from samenopweg.accounts.roles import CaseRole
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.models import CaseGrant, Stage, Trajectory
from samenopweg.people.models import Person

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


def person_of(access: CaseAccess, user: Any) -> Person | None:
    """The person of the trajectory this family member's current grant is bound to (ouder,
    jongere, netwerk); None for a grant without a person (an account made by hand). One query."""
    grant = (
        CaseGrant.objects.current()
        .filter(trajectory=access.trajectory, user=user, person__isnull=False)
        .select_related("person")
        .order_by("valid_from", "id")
        .first()
    )
    return grant.person if grant else None


# Where the help stands, in one sentence a parent understands (cases.models.Stage).
STAGE_SENTENCES: dict[str, StrPromise] = {
    Stage.AANMELDING: _("We leren jullie kennen. We kijken eerst of de kinderen nu veilig zijn."),
    Stage.IN_KAART: _("We kijken samen wat goed gaat en waar we ons zorgen over maken."),
    Stage.PLAN: _("We maken samen met jullie en de mensen rond jullie een plan."),
    Stage.OPVOLGING: _("Het plan loopt. We kijken samen hoe het gaat."),
    Stage.AFGESLOTEN: _("De hulp is gestopt. Jullie plan gaat verder."),
}


@dataclass(frozen=True)
class Contact:
    name: str
    what: str  # "je begeleider van het OCJ" and the like
    phone: str
    reachable: str
    email: str


@dataclass(frozen=True)
class Contacts:
    people: list[Contact]
    out_of_hours: str  # the organisation's number for evenings and weekends, or ""
    organisation_kind: str  # OCJ, SDJ: explained in words on the page


def contacts(trajectory: Trajectory) -> Contacts:
    """Whom the family calls: the consultant who carries the file, then the workers on it,
    with their phone and hours; the out-of-hours number of the consultant's organisation. Two
    queries."""
    trajectory = Trajectory.objects.select_related("owner", "team__organisation").get(
        pk=trajectory.pk
    )
    organisation = trajectory.team.organisation
    found = [
        Contact(
            name=trajectory.owner.first_name or str(trajectory.owner),
            what=str(_OWNER_WHAT.get(organisation.kind, _("je begeleider"))),
            phone=trajectory.owner.phone,
            reachable=trajectory.owner.reachable,
            email=trajectory.owner.email,
        )
    ]
    workers = (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, role=CaseRole.HULPVERLENER)
        .exclude(user=trajectory.owner)
        .select_related("user")
        .order_by("valid_from", "id")
    )
    seen = {trajectory.owner.pk}
    for grant in workers:
        if grant.user.pk in seen:
            continue
        seen.add(grant.user.pk)
        found.append(
            Contact(
                name=grant.user.first_name or str(grant.user),
                what=str(_("die jullie thuis helpt")),
                phone=grant.user.phone,
                reachable=grant.user.reachable,
                email=grant.user.email,
            )
        )
    return Contacts(
        people=found,
        out_of_hours=organisation.out_of_hours_phone,
        organisation_kind=organisation.kind,
    )


_OWNER_WHAT: dict[str, StrPromise] = {
    OrganisationKind.OCJ: _("je begeleider van het Ondersteuningscentrum Jeugdzorg"),
    OrganisationKind.SDJ: _("je begeleider van de sociale dienst van de rechtbank"),
}

"""Reads of the family's pages: who this user is in the trajectory, where the help stands,
whom to call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenopweg.accounts.models import Organisation, OrganisationKind
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


def person_and_contacts(access: CaseAccess, user: Any) -> tuple[Person | None, Contacts]:
    """For this family member's own page: who they are (as `person_of`) and whom they call, from
    one read of the trajectory's current grants (theirs with a person, and the workers'). One
    query; two when the trajectory's organisation is not its team's (`_organisation`)."""
    trajectory = access.trajectory
    person = None
    workers = []
    for grant in (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory)
        .filter(Q(user=user, person__isnull=False) | Q(role=CaseRole.HULPVERLENER))
        .select_related("user", "person")
        .order_by("valid_from", "id")
    ):
        if person is None and grant.user_id == user.pk and grant.person_id is not None:
            person = grant.person
        if grant.role == CaseRole.HULPVERLENER:
            workers.append(grant.user)
    return person, _contacts(trajectory, workers)


def _contacts(trajectory: Trajectory, workers: Iterable[Any]) -> Contacts:
    """Whom the family calls: the consultant who carries the file, then the workers on it (from
    their current grants, in order), with their phone and hours; the out-of-hours number of the
    consultant's organisation. The consultant, the team and the organisation come with a
    trajectory read through cases.access."""
    owner = trajectory.owner
    organisation = _organisation(trajectory)
    found = [
        Contact(
            name=owner.first_name or str(owner),
            what=str(_OWNER_WHAT.get(organisation.kind, _("je begeleider"))),
            phone=owner.phone,
            reachable=owner.reachable,
            email=owner.email,
        )
    ]
    seen = {owner.pk}
    helps = str(_("die jullie thuis helpt"))
    for worker in workers:
        if worker.pk in seen:
            continue
        seen.add(worker.pk)
        found.append(
            Contact(
                name=worker.first_name or str(worker),
                what=helps,
                phone=worker.phone,
                reachable=worker.reachable,
                email=worker.email,
            )
        )
    return Contacts(
        people=found,
        out_of_hours=organisation.out_of_hours_phone,
        organisation_kind=organisation.kind,
    )


def _organisation(trajectory: Trajectory) -> Organisation:
    """The consultant's organisation: the trajectory's team's. The trajectory's own, read with
    it, when that is the same one (a team's trajectories are registered with its organisation:
    cases.services); otherwise one query."""
    if trajectory.organisation_id == trajectory.team.organisation_id:
        return trajectory.organisation
    return Organisation.objects.get(pk=trajectory.team.organisation_id)


_OWNER_WHAT: dict[str, StrPromise] = {
    OrganisationKind.OCJ: _("je begeleider van het Ondersteuningscentrum Jeugdzorg"),
    OrganisationKind.SDJ: _("je begeleider van de sociale dienst van de rechtbank"),
}

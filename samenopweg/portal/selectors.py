"""Reads of the family's pages: who this user is in the trajectory."""

from __future__ import annotations

from typing import Any

from samenopweg.cases.access import CaseAccess
from samenopweg.cases.models import CaseGrant
from samenopweg.people.models import Person


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

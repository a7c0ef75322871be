"""The safety plan on the family's pages: the rules shared with this person, who does what,
their own part, and checking in on the rules they carry (a parent or a network member)."""

from __future__ import annotations

from typing import Any

from samenopweg.cases.access import CaseAccess
from samenopweg.people.models import Person


def plan_context(access: CaseAccess, person: Person | None, user: Any) -> dict[str, Any]:
    """What portal/_plan.html needs, for the page of one family member."""
    return {}

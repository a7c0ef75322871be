"""The safety plan on the family's pages: the rules shared with this person, who does what,
their own part, and checking in on the rules they carry (a parent or a network member).

The reads are the safety plan app's (safety_plans.selectors.family_plan, through the item rule);
the check-in is its service (add_check_in). Decided here, for the family:

- who may check in: a parent or a network member, on a rule shared with them of a plan being
  tried out or running, that they do (`who`) or check (`checked_by`); who steps in when it fails
  is free text and names no one (safety_plans.selectors.check_in_refusal);
- who reads their check-in: the audience of their role (`access.audience_floor`), so a parent's
  is for the parents and the professionals, a network member's for the network too;
- a network member downloads their own handout (safety_plans.handout);
- the rules shown are named in `seen_keys`, so professionals see when the family first read them.
"""

from __future__ import annotations

from typing import Any

from samenopweg.accounts.roles import CaseRole
from samenopweg.cases.access import CaseAccess
from samenopweg.people.models import Person
from samenopweg.safety_plans.handout import member_for
from samenopweg.safety_plans.selectors import family_plan


def plan_context(access: CaseAccess, person: Person | None, user: Any) -> dict[str, Any]:
    """What portal/_plan.html needs, for the page of one family member. Ten queries at most,
    whatever the number of rules (family_plan, and the network member's own record)."""
    if not access.is_family:
        return {}
    plan = family_plan(access, person)
    return {
        "family_plan": plan,
        "plan_handout": access.role == CaseRole.NETWERK and member_for(access, person) is not None,
        # The rules this page shows, for when the family first saw them (portal.seen).
        "seen_keys": [
            ("safety_plans.planrule", line.rule.pk) for block in plan.plans for line in block.rules
        ],
    }

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

A plan has up to forty rules: what the page repeats for each (the day of the latest check-in,
the link to say how it went, the rule in a few words for a screen reader) is built here, each
day formatted once and the links from one reverse(), not by the template for every rule.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.text import Truncator

from samenopweg.accounts.roles import CaseRole
from samenopweg.cases.access import CaseAccess
from samenopweg.people.models import Person
from samenopweg.safety_plans.selectors import family_plan

_MARKER = 999999999  # a rule id no rule has, to build the check-in links from one reverse()


def plan_context(access: CaseAccess, person: Person | None, user: Any) -> dict[str, Any]:
    """What portal/_plan.html needs, for the page of one family member. Nine queries at most,
    whatever the number of rules (family_plan: the network member's own record is read with
    the names)."""
    if not access.is_family:
        return {}
    plan = family_plan(access, person)
    head, tail = reverse("portal:rule_check_in", args=[access.trajectory.reference, _MARKER]).split(
        f"/{_MARKER}/"
    )
    days: dict[Any, str] = {}
    for block in plan.plans:
        for line in block.rules:
            if line.last_on is not None:
                if line.last_on not in days:
                    days[line.last_on] = formats.date_format(line.last_on, "j F")
                line.last_day = days[line.last_on]
            if line.may_check_in:
                line.check_in_url = f"{head}/{line.rule.pk}/{tail}"
                line.short = Truncator(line.rule.what).words(8, truncate=" …")
    return {
        "family_plan": plan,
        # Their own handout: a network member whose record they may see (handout.member_for).
        "plan_handout": access.role == CaseRole.NETWERK and plan.in_network,
        # The rules this page shows, for when the family first saw them (portal.seen).
        "seen_keys": [
            ("safety_plans.planrule", line.rule.pk) for block in plan.plans for line in block.rules
        ],
    }

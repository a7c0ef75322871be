"""Every role predicate in one place: who is a professional, an auditor, the family; who decides.

Two kinds of role exist. A `Role` is held in an organisation (a membership); a `CaseRole` is
held on one trajectory (a grant). The predicates on users read memberships and cache them on
the user object for the request; the predicates on case roles are pure. `cases.access.CaseAccess`
and every view ask these functions instead of comparing roles themselves.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopweg.accounts.models import Membership, Role


class CaseRole(models.TextChoices):
    """The role someone has on one trajectory (team leads see their team's without a grant)."""

    CONSULENT = "consulent", _("Consulent")
    HULPVERLENER = "hulpverlener", _("Hulpverlener")
    OUDER = "ouder", _("Ouder")
    JONGERE = "jongere", _("Kind of jongere")
    NETWERK = "netwerk", _("Netwerk")


# The role a team lead gets on a trajectory of their team without a consultant grant.
TEAMVERANTWOORDELIJKE = "teamverantwoordelijke"

PROFESSIONAL_ROLES = frozenset({Role.CONSULENT, Role.TEAMVERANTWOORDELIJKE, Role.HULPVERLENER})
# The roles that hold the public mandate: they open trajectories and carry them.
MANDATE_ROLES = frozenset({Role.CONSULENT, Role.TEAMVERANTWOORDELIJKE})
PROFESSIONAL_CASE_ROLES = (CaseRole.CONSULENT, CaseRole.HULPVERLENER)
FAMILY_CASE_ROLES = (CaseRole.OUDER, CaseRole.JONGERE, CaseRole.NETWERK)


# --- users: memberships ----------------------------------------------------------------------


def active_roles(user: Any) -> set[str]:
    """The roles this user holds in an active membership; cached on the user for the request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_active_roles", None)
    if cached is None:
        cached = set(
            Membership.objects.filter(user=user, is_active=True).values_list("role", flat=True)
        )
        user._active_roles = cached
    return cached


def led_team_ids(user: Any) -> list[int]:
    """Teams this user leads; cached on the user object for the request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_led_team_ids", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(
                user=user, role=Role.TEAMVERANTWOORDELIJKE, is_active=True, team__isnull=False
            ).values_list("team_id", flat=True)
        )
        user._led_team_ids = cached
    return cached


def is_professional(user: Any) -> bool:
    """A consultant, team lead or youth-care worker with an active membership."""
    return bool(active_roles(user) & PROFESSIONAL_ROLES)


def is_auditor(user: Any) -> bool:
    """Auditors read the whole audit trail, never the case files themselves."""
    return Role.AUDITOR in active_roles(user)


def may_register(user: Any) -> bool:
    """Only consultants and team leads open a trajectory (they hold the mandate)."""
    return bool(active_roles(user) & MANDATE_ROLES)


def may_carry_for_team(user: Any, team: Any) -> bool:
    """Whether `user` may carry (own) a trajectory of `team`: a consultant or its team lead."""
    return Membership.objects.filter(
        user=user, team=team, role__in=MANDATE_ROLES, is_active=True
    ).exists()


def is_family_account(user: Any) -> bool:
    """An account of a parent, young person or network member: no active membership, not staff.

    Family and network roles on a case go only to such accounts (cases.services.grant_access),
    and a family grant counts only while its account is one (cases.access): an account that
    later becomes an auditor or a professional stops reading /mijn/ at once.
    """
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return False
    return not active_roles(user)


def leads_team(user: Any, team_id: int | None) -> bool:
    return team_id is not None and team_id in led_team_ids(user)


def may_manage_case_team(user: Any, trajectory: Any) -> bool:
    """Who gives and ends access to a case: the consultant who owns it and the team lead."""
    return bool(
        getattr(user, "pk", None) is not None
        and (user.pk == trajectory.owner_id or leads_team(user, trajectory.team_id))
    )


# --- case roles: grants ----------------------------------------------------------------------


def is_professional_role(case_role: str) -> bool:
    return case_role in (CaseRole.CONSULENT, CaseRole.HULPVERLENER, TEAMVERANTWOORDELIJKE)


def is_consultant_role(case_role: str) -> bool:
    """The mandate: the consultant(s) of the case and the team lead decide the WHAT."""
    return case_role in (CaseRole.CONSULENT, TEAMVERANTWOORDELIJKE)


def is_team_lead_role(case_role: str) -> bool:
    return case_role == TEAMVERANTWOORDELIJKE


def is_family_role(case_role: str) -> bool:
    """Parents, young people and network members: they read what is shared with them."""
    return case_role in FAMILY_CASE_ROLES

"""The invitations part of the case team page (cases/team.html), which the cases and people
apps cannot build: they sit below the portal and never import it."""

from __future__ import annotations

from typing import Any

from django import template

from samenopweg.portal.invitations import Invitee, invitees

register = template.Library()


@register.simple_tag(takes_context=True)
def team_invitees(context: Any) -> list[Invitee]:
    """Every person of the page's trajectory with whether they may be invited and their open
    invitations; nothing for a closed trajectory or anyone but its professionals."""
    access = context.get("access")
    if access is None or not access.is_professional or access.trajectory.is_closed:
        return []
    return invitees(access.trajectory)

"""The family's own pages (/mijn/): parents, young people and network members see what is
shared with them, through the trajectory rule and the item rule, and answer on a phone.

The portal sits on top of the practice apps: it reads them through their selectors and the
item rule, and writes through their services (a view on a statement, a check-in on a rule). It
owns only invitations and when someone first saw a shared item (models.py).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from samenopweg.accounts.roles import CaseRole
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases.access import (
    CaseAccess,
    visible_accesses,
    visible_items,
    visible_trajectories,
)
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.models import Stage
from samenopweg.cases.naming import and_join
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.people.models import Person
from samenopweg.portal.plan import plan_context
from samenopweg.portal.selectors import person_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """For parents, young people and network members: the trajectories they are part of.

    Each link names the children this person may see, through the item rule as on
    /mijn/<reference>/: a child whose record is for professionals only is not named.
    """
    accesses = visible_accesses(
        request.user,
        visible_trajectories(request.user)
        .exclude(stage=Stage.AFGESLOTEN)
        .order_by("-registered_on"),
    )
    trajectories = []
    for access in accesses:
        trajectory = access.trajectory
        trajectory.children = list(  # type: ignore[attr-defined]
            visible_items(access, Person.objects.filter(is_child=True)).only(
                "id", "trajectory_id", "first_name"
            )
        )
        trajectories.append(trajectory)
    record(
        actor=request.user, action=AuditAction.VIEW, object_type="page:family_home", request=request
    )
    return render(request, "portal/home.html", {"trajectories": trajectories})


@trajectory_view(require=Require.MEMBER)
def trajectory(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """What is shared with this person: why we are involved, the goal, and shared notes and tasks."""
    if access.is_professional:
        return redirect("dashboard:detail", reference=access.trajectory.reference)
    children = [
        p.first_name
        for p in visible_items(access, Person.objects.filter(is_child=True)).order_by(
            "date_of_birth"
        )
    ]
    person = person_of(access, request.user)
    context = {
        "access": access,
        "t": access.trajectory,
        "person": person,
        # Each part of the page is its module's: the plan and its check-ins (portal.plan).
        **plan_context(access, person, request.user),
        "children_names": and_join(children),
        # Why the services are involved is written for the parents, not for a child or a neighbour.
        "show_reason": access.role == CaseRole.OUDER,
        "journal": visible_items(access, JournalEntry.objects.all()).filter(
            withdrawn_at__isnull=True
        )[:50],
        "tasks": visible_items(access, Task.objects.all()).filter(status=TaskStatus.OPEN),
    }
    return render(request, "portal/trajectory.html", context)

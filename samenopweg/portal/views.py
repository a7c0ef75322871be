"""The family's own pages (/mijn/): parents, young people and network members see what is
shared with them, through the trajectory rule and the item rule, and answer on a phone.

The portal sits on top of the practice apps: it reads them through their selectors and the
item rule, and writes through their services (a view on a statement, a check-in on a rule). It
owns only invitations and when someone first saw a shared item (models.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.accounts.roles import CaseRole
from samenopweg.assessments.services.statements import add_statement_comment
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
from samenopweg.core.forms import add_errors
from samenopweg.feedback.selectors import next_round_due
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.people.models import Person
from samenopweg.portal.forms import OwnViewForm
from samenopweg.portal.plan import plan_context
from samenopweg.portal.seen import mark_seen
from samenopweg.portal.selectors import STAGE_SENTENCES, contacts, person_of
from samenopweg.portal.what import VIEW_CHOICES, VIEW_KIND, family_what, target_for


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
    """What is shared with this person, in plain words: why we are involved, where the help
    stands and what comes next, the worries and goals with their own view, the plan, their own
    tasks, and whom to call."""
    if access.is_professional:
        return redirect("dashboard:detail", reference=access.trajectory.reference)
    trajectory = access.trajectory
    children = [
        p.first_name
        for p in visible_items(access, Person.objects.filter(is_child=True)).order_by(
            "date_of_birth"
        )
    ]
    person = person_of(access, request.user)
    today = timezone.localdate()
    tasks = list(
        # Only what was given to this person: a task without anyone is not theirs to carry.
        visible_items(
            access, Task.objects.filter(assignee_id=request.user.pk, status=TaskStatus.OPEN)
        ).order_by(F("deadline").asc(nulls_last=True), "id")
    )
    what = family_what(access, person, request.user)
    plan = plan_context(access, person, request.user)
    # What this page showed of the shared items: the first time counts (portal.seen).
    mark_seen(access, request.user, person, [*what.keys, *plan.get("seen_keys", [])], request)
    context = {
        "access": access,
        "t": trajectory,
        "person": person,
        "children_names": and_join(children),
        # Why the services are involved is written for the parents, not for a child or a neighbour.
        "show_reason": access.role == CaseRole.OUDER,
        "stage_sentence": STAGE_SENTENCES.get(trajectory.stage, ""),
        "what": what,
        "view_choices": VIEW_CHOICES,
        "journal": visible_items(access, JournalEntry.objects.all()).filter(
            withdrawn_at__isnull=True
        )[:50],
        "tasks": tasks,
        "today": today,
        "next_round": next_round_due([trajectory.pk], today).get(trajectory.pk),
        "contacts": contacts(trajectory),
        # Each part of the page is its module's: the plan and its check-ins (portal.plan).
        **plan,
    }
    return render(request, "portal/trajectory.html", context)


@trajectory_view(require=Require.MEMBER)
def own_view(request: HttpRequest, access: CaseAccess, kind: str, item_id: int) -> HttpResponse:
    """A family member says what they think of one shared worry, goal or bottom line. The
    professionals see it next to the item (assessments: a statement comment); a later view is
    a new one, the earlier ones stay."""
    if access.is_professional:
        raise PermissionDenied(
            _("Deze pagina is voor het gezin. Reageer op de pagina Wat moet er veranderen.")
        )
    target = target_for(access, kind, item_id)
    if target is None:
        raise Http404(_("Dit is niet met jou gedeeld."))
    access.show(target)
    back = reverse("portal:trajectory", args=[access.trajectory.reference]) + f"#{kind}-{item_id}"
    form = OwnViewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if access.trajectory.is_closed:
            raise PermissionDenied(_("Deze hulp is afgesloten. Je kunt niets meer toevoegen."))
        text = form.cleaned_data["text"].strip()
        try:
            add_statement_comment(
                target=target,
                kind=VIEW_KIND[form.cleaned_data["view"]],
                text=text or str(dict(VIEW_CHOICES)[form.cleaned_data["view"]]),
                view_of_person=person_of(access, request.user),
                audience=access.audience_floor,
                actor=request.user,
                request=request,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Dank je. De hulpverleners zien wat je denkt."))
            return redirect(back)
    return render(
        request,
        "portal/own_view.html",
        {"access": access, "t": access.trajectory, "form": form, "back": back, "target": target},
    )

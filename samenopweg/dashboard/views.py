"""Pages that read every practice app: the caseload dashboard (the family that needs attention
first on top) and the trajectory overview page. The family's pages under /mijn/ are the
portal's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.accounts import roles
from samenopweg.accounts.roles import led_team_ids
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record, record_list_read
from samenopweg.cases.access import (
    CaseAccess,
    visible_items,
)
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.forms import stage_form_session_key
from samenopweg.cases.models import CaseGrant, SafetyAnswer, SafetyCheck, Stage
from samenopweg.cases.services import allowed_transitions
from samenopweg.dashboard.caseload import caseload_rows
from samenopweg.dashboard.selectors import (
    DashboardFilters,
    caseload_for_user,
    caseload_page,
    earlier_trajectory,
    open_alerts_for_user,
)
from samenopweg.dashboard.today import today_for_user
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.people.models import Person, Relation

PAGE_SIZE = 50


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if roles.is_professional(request.user):
        return redirect("dashboard:dashboard")
    if request.user.is_staff:
        return redirect("admin:index")
    if roles.is_auditor(request.user):
        return redirect("audit:log")
    return redirect("portal:home")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The caseload: the family that needs attention first is on top."""
    if not roles.is_professional(request.user):
        raise PermissionDenied(_("Het overzicht van trajecten is voor professionals."))
    filters = DashboardFilters(
        q=request.GET.get("q", "").strip()[:100],
        stage=request.GET.get("stage", "") if request.GET.get("stage") in Stage.values else "",
        safety=request.GET.get("safety", ""),
        only_overdue_tasks=request.GET.get("overdue") == "1",
        scope=request.GET.get("scope", "") if request.GET.get("scope") in ("mine", "team") else "",
        include_closed=request.GET.get("closed") == "1",
        what_missing=request.GET.get("what") == "missing",
    )
    ranking = caseload_for_user(user=request.user, filters=filters)
    ranked: list[tuple[int, int]] = list(
        ranking.values_list("pk", "attention")  # type: ignore[misc]  # an annotation
    )
    paginator = Paginator(ranked, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    is_lead = bool(led_team_ids(request.user))
    alerts = list(open_alerts_for_user(user=request.user)[:20]) if is_lead else []
    # The "Vandaag" block sits above the filters: an htmx filter request replaces the table only.
    # Its names query also names the families of the team lead's alerts, as the rows do.
    today = (
        None
        if request.htmx  # type: ignore[attr-defined]
        else today_for_user(request.user, also_name={a.trajectory_id for a in alerts})
    )
    for alert in alerts:
        alert.family = today.names.get(alert.trajectory_id, "") if today else ""  # type: ignore[attr-defined]
    page.object_list = rows = caseload_page(list(page.object_list))  # type: ignore[assignment]  # the rows shown
    summary = (
        {"q": filters.q, "count": paginator.count} if filters.q else {"count": paginator.count}
    )
    with transaction.atomic():  # one write transaction for the page's read rows
        record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="page:dashboard",
            request=request,
            detail=summary,
        )
        record_list_read(
            actor=request.user,
            object_type="page:dashboard",
            trajectory_ids=list(  # each trajectory shown once, wherever on the page
                dict.fromkeys(
                    [t.pk for t in rows]
                    + [a.trajectory_id for a in alerts]
                    + (today.trajectory_ids if today else [])
                )
            ),
            request=request,
            detail={"q": filters.q} if filters.q else None,
        )
    context = {
        "page": page,
        "rows": caseload_rows(rows, now=timezone.now(), today=timezone.localdate()),
        "filters": filters,
        "alerts": alerts,
        "today": today,
        "is_lead": is_lead,
        "can_register": roles.may_register(request.user),
        "stages": Stage.choices,
        "safety_answers": SafetyAnswer.choices,
    }
    template = "dashboard/dashboard.html#caseload" if request.htmx else "dashboard/dashboard.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@trajectory_view(require=Require.PROFESSIONAL)
def detail(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.show(access.trajectory)
    persons = list(
        visible_items(access, Person.objects.all()).order_by("-is_child", "date_of_birth", "id")
    )
    relations = list(
        Relation.objects.filter(trajectory=trajectory).select_related("person", "child")
    )
    checks = list(
        visible_items(access, SafetyCheck.objects.all()).select_related("child", "checked_by")[:30]
    )
    latest_by_child: dict[int, SafetyCheck] = {}
    for check in checks:
        latest_by_child.setdefault(check.child_id, check)
    children = [p for p in persons if p.is_child]
    for child in children:
        child.latest_check = latest_by_child.get(child.pk)  # type: ignore[attr-defined]
    adults = [p for p in persons if not p.is_child]
    for adult in adults:
        adult.relation_list = [r for r in relations if r.person_id == adult.pk]  # type: ignore[attr-defined]
    context = {
        "access": access,
        "t": trajectory,
        "children": children,
        "adults": adults,
        "checks": checks,
        "grants": CaseGrant.objects.current()
        .filter(trajectory=trajectory)
        .select_related("user", "person"),
        "journal": visible_items(access, JournalEntry.objects.all()).select_related("created_by")[
            :5
        ],
        "tasks": visible_items(access, Task.objects.all())
        .filter(status=TaskStatus.OPEN)
        .select_related("assignee")
        .order_by("deadline", "id")[:10],
        "stage_typed": request.session.pop(stage_form_session_key(trajectory), {}),
        # Closing goes through the closure checklist (closure:checklist), not this form.
        "transitions": [
            (s, Stage(s).label)
            for s in allowed_transitions(trajectory.stage)
            if s != Stage.AFGESLOTEN
        ],
        "stage_changes": trajectory.stage_changes.select_related("changed_by")[:10],
        "today": timezone.localdate(),
        "earlier": earlier_trajectory(request.user, trajectory),
    }
    return render(request, "dashboard/detail.html", context)

"""Pages of a trajectory for professionals, the caseload dashboard, and registration."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from samenopweg.accounts import roles
from samenopweg.accounts.roles import led_team_ids
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.audit.services import record, record_list_read
from samenopweg.cases import services
from samenopweg.cases.access import (
    CaseAccess,
    get_item_for_user,
    visible_items,
)
from samenopweg.cases.caseload import caseload_rows
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.drafts import discard_draft, restored_form_data, save_draft
from samenopweg.cases.forms import (
    AdultFormSet,
    ChildFormSet,
    FamilyGrantForm,
    GrantForm,
    SafetyCheckForm,
    StageChangeForm,
    TrajectoryEditForm,
    TrajectoryRegistrationForm,
)
from samenopweg.cases.models import (
    Alert,
    CaseGrant,
    CaseRole,
    SafetyAnswer,
    SafetyCheck,
    Stage,
    Upload,
)
from samenopweg.cases.selectors import (
    DashboardFilters,
    caseload_for_user,
    caseload_page,
    open_alerts_for_user,
)
from samenopweg.core.forms import add_errors, hide_errors
from samenopweg.core.locking import EditConflict
from samenopweg.core.views import render_conflict
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.people.models import Person, Relation
from samenopweg.plainlanguage.services import save_tips

PAGE_SIZE = 50


def _autosave_response(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/_draft_status.html", {"saved_at": timezone.now()})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if roles.is_professional(request.user):
        return redirect("cases:dashboard")
    if request.user.is_staff:
        return redirect("admin:index")
    if roles.is_auditor(request.user):
        return redirect("audit:log")
    return redirect("cases:family_home")


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
            trajectory_ids=[t.pk for t in rows] + [a.trajectory_id for a in alerts],
            request=request,
            detail={"q": filters.q} if filters.q else None,
        )
    context = {
        "page": page,
        "rows": caseload_rows(rows, now=timezone.now(), today=timezone.localdate()),
        "filters": filters,
        "alerts": alerts,
        "is_lead": is_lead,
        "can_register": roles.may_register(request.user),
        "stages": Stage.choices,
        "safety_answers": SafetyAnswer.choices,
    }
    template = "cases/dashboard.html#caseload" if request.htmx else "cases/dashboard.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Aanmelding: a new trajectory with its children, adults and the first safety question."""
    if not roles.may_register(request.user):
        raise PermissionDenied(
            _("Alleen een consulent of teamverantwoordelijke meldt een traject aan.")
        )
    if request.method == "POST" and request.POST.get("_autosave"):
        save_draft(request=request, trajectory=None)
        return _autosave_response(request)
    notice = ""
    data: Any
    if request.method == "POST":
        data = request.POST
    else:
        data, notice = restored_form_data(request, trajectory=None)
    adding = request.method == "POST" and (
        "add_child" in request.POST or "add_adult" in request.POST
    )
    if adding:
        # "Add another" without JavaScript: one more empty form, no errors shown yet.
        data = request.POST.copy()
        which = "child" if "add_child" in request.POST else "adult"
        total = data.get(f"{which}-TOTAL_FORMS", "1")
        data[f"{which}-TOTAL_FORMS"] = str(min(int(total) + 1 if total.isdigit() else 1, 12))
    form = TrajectoryRegistrationForm(data, user=request.user)
    children = ChildFormSet(data, prefix="child")
    adults = AdultFormSet(data, prefix="adult")
    # A second click on "Traject aanmelden" (or a resent form) must not make a second trajectory.
    submission = request.POST.get("submission") or uuid.uuid4().hex
    done = request.session.get("registered", {})
    if request.method == "POST" and submission in done:
        return redirect("cases:detail", reference=done[submission])
    if adding:
        hide_errors(form, children, adults)
    elif request.method == "POST" and form.is_valid() and children.is_valid() and adults.is_valid():
        registration = services.Registration(
            team=form.cleaned_data["team"],
            owner=form.cleaned_data["owner"],
            framework=form.cleaned_data["framework"],
            youth_judge_reference=form.cleaned_data["youth_judge_reference"],
            reason=form.cleaned_data["reason"],
            goal=form.cleaned_data["goal"],
            registered_on=form.cleaned_data["registered_on"],
            children=[
                services.ChildInput(
                    **{
                        k: c[k]
                        for k in (
                            "first_name",
                            "last_name",
                            "date_of_birth",
                            "gender",
                            "safety_answer",
                            "safety_basis",
                            "next_step",
                            "urgency",
                        )
                    }
                )
                for c in children.cleaned_data
                if c and not c.get("DELETE")
            ],
            adults=[
                services.AdultInput(
                    **{
                        k: a[k]
                        for k in (
                            "first_name",
                            "last_name",
                            "relation_kind",
                            "gender",
                            "has_parental_authority",
                            "lives_with_child",
                            "phone",
                            "email",
                        )
                    }
                )
                for a in adults.cleaned_data
                if a
            ],
        )
        try:
            trajectory = services.register_trajectory(
                registration=registration, actor=request.user, request=request
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            discard_draft(request=request, trajectory=None)
            request.session["registered"] = {**done, submission: trajectory.reference}
            if any(c.safety_answer == SafetyAnswer.NO for c in registration.children):
                _say_who_was_alerted(request, trajectory)
            messages.success(
                request, _("Traject %(ref)s is aangemaakt.") % {"ref": trajectory.reference}
            )
            save_tips(request, form, ["reason", "goal"])
            return redirect("cases:detail", reference=trajectory.reference)
    return render(
        request,
        "cases/register.html",
        {
            "form": form,
            "children": children,
            "adults": adults,
            "notice": notice,
            "submission": submission,
        },
    )


def _say_who_was_alerted(request: HttpRequest, trajectory: Any) -> None:
    if services.team_leads(trajectory.team).exists():
        messages.warning(
            request, _("Het kind is nu niet veilig: de teamverantwoordelijke is verwittigd.")
        )
    else:
        messages.warning(
            request,
            _(
                "Het kind is nu niet veilig. Dit team heeft geen actieve teamverantwoordelijke: "
                "verwittig zelf je leidinggevende."
            ),
        )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="cases.trajectory")
def detail(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
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
        "journal": visible_items(access, JournalEntry.objects.all()).select_related("author")[:5],
        "tasks": visible_items(access, Task.objects.all())
        .filter(status=TaskStatus.OPEN)
        .select_related("assignee")
        .order_by("deadline", "id")[:10],
        "stage_typed": request.session.pop(_stage_key(trajectory), {}),
        "transitions": [
            (s, Stage(s).label) for s in services.allowed_transitions(trajectory.stage)
        ],
        "stage_changes": trajectory.stage_changes.select_related("changed_by")[:10],
        "today": timezone.localdate(),
    }
    return render(request, "cases/detail.html", context)


@trajectory_view(require=Require.CONSULTANT, audit_as="cases.trajectory", autosave=True)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = TrajectoryEditForm(request.POST)
    else:
        data, notice = restored_form_data(request, trajectory=trajectory)
        form = TrajectoryEditForm(
            data,
            initial={
                "framework": trajectory.framework,
                "youth_judge_reference": trajectory.youth_judge_reference,
                "reason": trajectory.reason,
                "goal": trajectory.goal,
                "version": trajectory.version,
            },
        )
    if request.method == "POST" and form.is_valid():
        fields = {
            k: form.cleaned_data[k]
            for k in ("framework", "youth_judge_reference", "reason", "goal")
        }
        try:
            services.update_trajectory(
                trajectory=trajectory,
                expected_version=form.cleaned_data["version"],
                actor=request.user,
                request=request,
                **fields,
            )
        except EditConflict as conflict:
            current = conflict.current
            return render_conflict(
                request,
                form=form,
                theirs={k: getattr(current, k) for k in fields},
                current_version=current.version,
                cancel_url=reverse("cases:detail", args=[trajectory.reference]),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            discard_draft(request=request, trajectory=trajectory)
            messages.success(request, _("De gegevens van het traject zijn bewaard."))
            save_tips(request, form, ["reason", "goal"])
            return redirect("cases:detail", reference=trajectory.reference)
    return render(
        request,
        "cases/edit.html",
        {"access": access, "t": trajectory, "form": form, "notice": notice},
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="cases.safetycheck", autosave=True)
@require_http_methods(["GET", "POST"])
def safety(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Is the child safe now? A new answer per child; earlier answers stay."""
    trajectory = access.trajectory
    children = list(
        Person.objects.filter(trajectory=trajectory, is_child=True).order_by("date_of_birth", "id")
    )
    if not children:
        raise Http404
    notice = ""
    data: Any = None
    if request.method == "POST":
        access.require_open()
        data = request.POST
    else:
        data, notice = restored_form_data(request, trajectory=trajectory)
    forms_ = [SafetyCheckForm(data, child=c, prefix=f"child-{c.pk}") for c in children]
    if request.method == "POST" and all(f.is_valid() for f in forms_):
        services.record_safety_checks(
            trajectory=trajectory,
            answers=[
                (
                    f.child,
                    f.cleaned_data["safety_answer"],
                    f.cleaned_data["safety_basis"],
                    f.cleaned_data["next_step"],
                    f.cleaned_data["urgency"],
                )
                for f in forms_
            ],
            actor=request.user,
            request=request,
        )
        discard_draft(request=request, trajectory=trajectory)
        if any(f.cleaned_data["safety_answer"] == SafetyAnswer.NO for f in forms_):
            _say_who_was_alerted(request, trajectory)
        messages.success(request, _("De veiligheidsvraag is bewaard."))
        return redirect("cases:detail", reference=trajectory.reference)
    history = SafetyCheck.objects.filter(trajectory=trajectory).select_related(
        "child", "checked_by"
    )[:100]
    return render(
        request,
        "cases/safety.html",
        {"access": access, "t": trajectory, "forms": forms_, "history": history, "notice": notice},
    )


@trajectory_view(require=Require.CONSULTANT)
@require_POST
def change_stage(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    form = StageChangeForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            services.change_stage(
                trajectory=trajectory,
                to_stage=form.cleaned_data["to_stage"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
                actor=request.user,
                request=request,
            )
        except EditConflict:
            messages.error(
                request,
                _(
                    "Iemand anders heeft dit traject intussen gewijzigd. Bekijk de nieuwe toestand en probeer opnieuw."
                ),
            )
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            saved = True
            messages.success(
                request,
                _("De fase is nu: %(stage)s.")
                % {"stage": Stage(form.cleaned_data["to_stage"]).label},
            )
    else:
        for problem in form.errors.get("to_stage", []) + form.errors.get("version", []):
            messages.error(request, str(problem))
    if not saved:
        # The reason someone typed to close or reopen comes back on the page, not lost.
        request.session[_stage_key(trajectory)] = {
            "to_stage": request.POST.get("to_stage", ""),
            "reason": request.POST.get("reason", ""),
        }
    return redirect("cases:detail", reference=trajectory.reference)


def _stage_key(trajectory: Any) -> str:
    return f"stage_form:{trajectory.pk}"


@trajectory_view(require=Require.PROFESSIONAL, audit_as="cases.casegrant")
@require_http_methods(["GET", "POST"])
def case_team(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Who has access: current and past grants. The owner and the team lead add and end them."""
    trajectory = access.trajectory
    can_grant = not trajectory.is_closed and access.may_manage_case_team(request.user)
    posted = request.POST if request.method == "POST" else None
    which = request.POST.get("form", "professional") if posted else ""
    form = GrantForm(posted if which == "professional" else None, prefix="prof")
    family_form = FamilyGrantForm(
        posted if which == "family" else None,
        prefix="family",
        persons=Person.objects.filter(trajectory=trajectory).order_by("-is_child", "first_name"),
    )
    if posted is not None:
        access.require_open()
        if not can_grant:
            raise PermissionDenied(
                _("Alleen de consulent van het traject of de teamverantwoordelijke geeft toegang.")
            )
        bound = family_form if which == "family" else form
        if bound.is_valid():
            data = bound.cleaned_data
            until = data["valid_until"]
            valid_until = (
                timezone.make_aware(datetime.datetime.combine(until, datetime.time.max))
                if until is not None
                else None
            )
            try:
                services.grant_access(
                    trajectory=trajectory,
                    user=data["who"],
                    role=data["role"],
                    person=data.get("person"),
                    reason=data["reason"],
                    valid_until=valid_until,
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                add_errors(bound, exc)
            else:
                messages.success(request, _("Toegang gegeven aan %(who)s.") % {"who": data["who"]})
                return redirect("cases:team", reference=trajectory.reference)
    grants = trajectory.grants.select_related("user", "person", "granted_by", "ended_by").order_by(
        "-valid_from"
    )
    return render(
        request,
        "cases/team.html",
        {
            "access": access,
            "t": trajectory,
            "grants": grants,
            "form": form,
            "family_form": family_form,
            "can_grant": can_grant,
            "now": timezone.now(),
        },
    )


@trajectory_view(require=Require.CONSULTANT)
@require_POST
def end_grant(request: HttpRequest, access: CaseAccess, grant_id: int) -> HttpResponse:
    grant = get_object_or_404(CaseGrant, pk=grant_id, trajectory=access.trajectory)
    if not access.may_manage_case_team(request.user):
        raise PermissionDenied(
            _("Alleen de consulent van het traject of de teamverantwoordelijke beëindigt toegang.")
        )
    try:
        services.end_grant(grant=grant, actor=request.user, request=request)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(request, _("De toegang van %(user)s is beëindigd.") % {"user": grant.user})
    return redirect("cases:team", reference=access.trajectory.reference)


@login_required
@require_POST
def acknowledge_alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = Alert.objects.filter(pk=alert_id, team_id__in=led_team_ids(request.user)).first()
    if alert is None:
        raise Http404
    services.acknowledge_alert(alert=alert, actor=request.user, request=request)
    messages.success(request, _("Melding gezien: %(ref)s.") % {"ref": alert.trajectory.reference})
    return redirect("cases:dashboard")


@login_required
def trajectory_audit(request: HttpRequest, reference: str) -> HttpResponse:
    """Who looked at this file: for the owner, the team lead and auditors."""
    from samenopweg.cases.access import get_trajectory_for_user
    from samenopweg.cases.models import Trajectory

    auditor = roles.is_auditor(request.user)
    if auditor:
        trajectory = Trajectory.objects.filter(reference=reference).first()
        if trajectory is None:
            raise Http404
    else:
        access = get_trajectory_for_user(request.user, reference)
        trajectory = access.trajectory
        if not access.may_manage_case_team(request.user):
            raise PermissionDenied(
                _(
                    "Deze pagina is voor de consulent van het traject, de teamverantwoordelijke en de auditor."
                )
            )
    with transaction.atomic():
        record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="page:trajectory_audit",
            object_id=trajectory.pk,
            trajectory=trajectory,
            request=request,
        )
    events = AuditEvent.objects.filter(trajectory=trajectory).select_related("actor")
    only_reads = request.GET.get("reads") == "1"
    if only_reads:
        events = events.filter(action=AuditAction.VIEW)
    page = Paginator(events.order_by("-at", "-id"), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/audit.html",
        {"t": trajectory, "page": page, "only_reads": only_reads, "is_auditor": auditor},
    )


@login_required
def family_home(request: HttpRequest) -> HttpResponse:
    """For parents, young people and network members: the trajectories they are part of."""
    from samenopweg.cases.access import visible_trajectories

    children = Person.objects.filter(is_child=True).only("id", "trajectory_id", "first_name")
    trajectories = list(
        visible_trajectories(request.user)
        .exclude(stage=Stage.AFGESLOTEN)
        .order_by("-registered_on")
        .prefetch_related(Prefetch("persons", queryset=children, to_attr="children"))
    )
    record(
        actor=request.user, action=AuditAction.VIEW, object_type="page:family_home", request=request
    )
    return render(request, "cases/family_home.html", {"trajectories": trajectories})


@trajectory_view(require=Require.MEMBER, audit_as="page:family_detail")
def family_detail(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """What is shared with this person: why we are involved, the goal, and shared notes and tasks."""
    if access.is_professional:
        return redirect("cases:detail", reference=access.trajectory.reference)
    children = [
        p.first_name
        for p in visible_items(access, Person.objects.filter(is_child=True)).order_by(
            "date_of_birth"
        )
    ]
    context = {
        "access": access,
        "t": access.trajectory,
        "children_names": (
            f"{', '.join(children[:-1])} {_('en')} {children[-1]}"
            if len(children) > 1
            else "".join(children)
        ),
        # Why the services are involved is written for the parents, not for a child or a neighbour.
        "show_reason": access.role == CaseRole.OUDER,
        "journal": visible_items(access, JournalEntry.objects.all()).filter(
            withdrawn_at__isnull=True
        )[:50],
        "tasks": visible_items(access, Task.objects.all()).filter(status=TaskStatus.OPEN),
    }
    return render(request, "cases/family_detail.html", context)


@trajectory_view(require=Require.MEMBER, audit_as="cases.upload", audit_action=AuditAction.EXPORT)
@require_safe
def upload_file(request: HttpRequest, access: CaseAccess, upload_id: int) -> HttpResponse:
    """A picture of the trajectory, only through the item rule: outsiders get 404 here too."""
    upload = get_item_for_user(access, Upload.objects.all(), upload_id)
    extension = "png" if upload.content_type == "image/png" else "jpg"
    response = FileResponse(upload.file.open("rb"), content_type=upload.content_type)
    response["Content-Disposition"] = str(
        content_disposition_header(as_attachment=False, filename=f"{upload.pk}.{extension}")
    )
    # A child's drawing or a family photo: no copy in a shared browser's or a proxy's cache.
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response  # type: ignore[return-value]  # a streaming HttpResponse

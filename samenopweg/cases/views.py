"""Pages of a trajectory that need nothing above cases: editing it, the stage, ending a grant,
acknowledging an alert, "who looked at this file" and serving an upload. The trajectory page,
the dashboard and the family's pages are in dashboard.views; registration, the safety question
and the case team in people.case_views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from samenopweg.accounts import roles
from samenopweg.accounts.roles import led_team_ids
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.audit.services import record
from samenopweg.cases import services
from samenopweg.cases.access import CaseAccess, get_item_for_user
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    button_step,
    edit_cycle,
    edit_initial,
    template_page,
    update_from_form,
)
from samenopweg.cases.forms import StageChangeForm, TrajectoryEditForm, stage_form_session_key
from samenopweg.cases.models import Alert, CaseGrant, Stage, Upload


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.show(access.trajectory)
    initial = edit_initial(trajectory, services.TRAJECTORY_FIELDS)
    detail_url = reverse("dashboard:detail", args=[trajectory.reference])
    return edit_cycle(
        request,
        access,
        form=lambda data: TrajectoryEditForm(data, initial=initial),
        save=update_from_form(request, services.update_trajectory, trajectory=trajectory),
        done=detail_url,
        message=_("De gegevens van het traject zijn bewaard."),
        show=template_page(request, access, "cases/edit.html"),
        cancel_url=detail_url,
        conflict_fields=services.TRAJECTORY_FIELDS,
        texts=("reason", "goal"),
        tips_always=True,
    )


@trajectory_view(require=Require.CONSULTANT)
@require_POST
def change_stage(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    form = StageChangeForm(request.POST)
    saved = False
    if form.is_valid() and form.cleaned_data["to_stage"] == Stage.AFGESLOTEN:
        # Closing goes through the closure checklist (closure.views.close), which refuses
        # while a point is open unless the consultant writes why.
        messages.info(
            request, _("Sluit af via de afsluitlijst: zo weet iedereen bij wie hij terecht kan.")
        )
        return redirect("closure:checklist", reference=trajectory.reference)
    if form.is_valid():
        saved, _change = button_step(
            request,
            lambda: services.change_stage(
                trajectory=trajectory,
                to_stage=form.cleaned_data["to_stage"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
                actor=request.user,
                request=request,
            ),
            conflict=_(
                "Iemand anders heeft dit traject intussen gewijzigd. Bekijk de nieuwe toestand en probeer opnieuw."
            ),
            each_message=True,
        )
        if saved:
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
        request.session[stage_form_session_key(trajectory)] = {
            "to_stage": request.POST.get("to_stage", ""),
            "reason": request.POST.get("reason", ""),
        }
    return redirect("dashboard:detail", reference=trajectory.reference)


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
    return redirect("case_people:team", reference=access.trajectory.reference)


@login_required
@require_POST
def acknowledge_alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = Alert.objects.filter(pk=alert_id, team_id__in=led_team_ids(request.user)).first()
    if alert is None:
        raise Http404
    services.acknowledge_alert(alert=alert, actor=request.user, request=request)
    messages.success(request, _("Melding gezien: %(ref)s.") % {"ref": alert.trajectory.reference})
    return redirect("dashboard:dashboard")


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


@trajectory_view(require=Require.MEMBER, audit_action=AuditAction.EXPORT)
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

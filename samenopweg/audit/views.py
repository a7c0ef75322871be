"""The audit trail for auditors: every row, filterable by person, trajectory and day."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from samenopweg.accounts.roles import is_auditor
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.audit.services import record


@login_required
def log(request: HttpRequest) -> HttpResponse:
    if not is_auditor(request.user):
        raise Http404
    events = AuditEvent.objects.select_related("actor", "trajectory")
    who = request.GET.get("who", "").strip()
    reference = request.GET.get("reference", "").strip()
    day_text = request.GET.get("day", "").strip()
    if who:
        events = events.filter(actor_label=who)
    if reference:
        events = events.filter(trajectory__reference=reference)
    if day_text:
        try:
            day = datetime.date.fromisoformat(day_text)
        except ValueError:
            day = None
        if day is not None:
            # A range on the indexed timestamp, from midnight to midnight in Brussels.
            start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
            events = events.filter(at__gte=start, at__lt=start + datetime.timedelta(days=1))
    record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="page:audit_log",
        request=request,
        detail={"who": who, "reference": reference, "day": day_text},
    )
    page = Paginator(events.order_by("-at", "-id"), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "who": who,
            "reference": reference,
            "day": day_text,
            "show_trajectory": True,
        },
    )

"""The contact log and the tasks of a trajectory (professionals)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.drafts import discard_draft, restored_form_data
from samenopweg.core.forms import add_errors
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.core.views import render_conflict
from samenopweg.journal import services
from samenopweg.journal.forms import (
    JournalCorrectionForm,
    JournalEntryForm,
    TaskEditForm,
    TaskForm,
    WithdrawForm,
)
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.plainlanguage.services import save_tips

JOURNAL_PAGE_SIZE = 25


@trajectory_view(require=Require.PROFESSIONAL, audit_as="journal.journalentry", autosave=True)
@require_http_methods(["GET", "POST"])
def journal_list(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The contact log, newest first, with the form to add a contact on top."""
    trajectory = access.trajectory
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = JournalEntryForm(request.POST, trajectory=trajectory)
        if form.is_valid():
            try:
                services.add_journal_entry(
                    trajectory=trajectory, actor=request.user, request=request, **form.cleaned_data
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=trajectory)
                messages.success(request, _("Het contact is bewaard in het logboek."))
                if form.cleaned_data["audience"] != Audience.PROFESSIONALS:
                    save_tips(request, form, ["text"])
                return redirect("journal:list", reference=trajectory.reference)
    else:
        data, notice = restored_form_data(request, trajectory=trajectory)
        form = JournalEntryForm(
            data, trajectory=trajectory, initial={"occurred_on": timezone.localdate()}
        )
    entries = (
        visible_items(access, JournalEntry.objects.all())
        .select_related("author", "withdrawn_by")
        .prefetch_related("participants")
    )
    page = Paginator(entries, JOURNAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "journal/list.html",
        {"access": access, "t": trajectory, "form": form, "page": page, "notice": notice},
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="journal.journalentry", autosave=True)
@require_http_methods(["GET", "POST"])
def journal_edit(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    """Correct an entry; the earlier text stays in its history."""
    trajectory = access.trajectory
    entry = get_item_for_user(access, JournalEntry.objects.all(), entry_id)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = JournalCorrectionForm(request.POST, trajectory=trajectory)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.correct_journal_entry(
                    entry=entry,
                    expected_version=data["version"],
                    occurred_on=data["occurred_on"],
                    kind=data["kind"],
                    text=data["text"],
                    audience=data["audience"],
                    participants=data["participants"],
                    other_participants=data["other_participants"],
                    reason=data["reason"],
                    actor=request.user,
                    request=request,
                )
            except EditConflict as conflict:
                current = conflict.current
                return render_conflict(
                    request,
                    form=form,
                    theirs={
                        "occurred_on": current.occurred_on,
                        "kind": current.kind,
                        "text": current.text,  # type: ignore[attr-defined]
                        "audience": current.audience,
                    },  # type: ignore[attr-defined]
                    current_version=current.version,  # type: ignore[attr-defined]
                    cancel_url=reverse("journal:list", args=[trajectory.reference]),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=trajectory)
                messages.success(
                    request,
                    _("De correctie is bewaard. De vorige tekst blijft in de geschiedenis."),
                )
                if data["audience"] != Audience.PROFESSIONALS:
                    save_tips(request, form, ["text"])
                return redirect("journal:list", reference=trajectory.reference)
    else:
        restored, notice = restored_form_data(request, trajectory=trajectory)
        form = JournalCorrectionForm(
            restored,
            trajectory=trajectory,
            initial={
                "occurred_on": entry.occurred_on,
                "kind": entry.kind,
                "participants": list(entry.participants.all()),
                "other_participants": entry.other_participants,
                "text": entry.text,
                "audience": entry.audience,
                "version": entry.version,
            },
        )
    return render(
        request,
        "journal/edit.html",
        {"access": access, "t": trajectory, "entry": entry, "form": form, "notice": notice},
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="journal.journalentry")
@require_http_methods(["GET", "POST"])
def journal_withdraw(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    entry = get_item_for_user(access, JournalEntry.objects.all(), entry_id)
    restored, notice = (
        (None, "")
        if request.method == "POST"
        else restored_form_data(request, trajectory=access.trajectory)
    )
    form = WithdrawForm(request.POST if request.method == "POST" else restored)
    if request.method == "POST":
        access.require_open()
        if form.is_valid():
            try:
                services.withdraw_journal_entry(
                    entry=entry,
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                    request=request,
                )
            except EditConflict:
                form.add_error(
                    None,
                    _("Iemand heeft dit bericht net aangepast. Lees het opnieuw en beslis dan."),
                )
                entry.refresh_from_db()
            else:
                messages.success(
                    request,
                    _("Het bericht is ingetrokken. Het blijft zichtbaar voor professionals."),
                )
                return redirect("journal:list", reference=access.trajectory.reference)
    return render(
        request,
        "journal/withdraw.html",
        {"access": access, "t": access.trajectory, "entry": entry, "form": form, "notice": notice},
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="journal.journalrevision")
def journal_history(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    entry = get_item_for_user(access, JournalEntry.objects.select_related("author"), entry_id)
    revisions = entry.revisions.select_related("replaced_by")
    return render(
        request,
        "journal/history.html",
        {"access": access, "t": access.trajectory, "entry": entry, "revisions": revisions},
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="journal.task")
@require_http_methods(["GET", "POST"])
def task_list(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    restored, notice = (
        (None, "")
        if request.method == "POST"
        else restored_form_data(request, trajectory=trajectory)
    )
    form = TaskForm(request.POST if request.method == "POST" else restored, trajectory=trajectory)
    if request.method == "POST":
        access.require_open()
        if form.is_valid():
            services.add_task(
                trajectory=trajectory, actor=request.user, request=request, **form.cleaned_data
            )
            messages.success(request, _("De taak is bewaard."))
            return redirect("journal:tasks", reference=trajectory.reference)
    tasks = visible_items(access, Task.objects.all()).select_related("assignee")
    show_closed = request.GET.get("closed") == "1"
    if not show_closed:
        tasks = tasks.filter(status=TaskStatus.OPEN)
    return render(
        request,
        "journal/tasks.html",
        {
            "access": access,
            "t": trajectory,
            "form": form,
            "tasks": tasks.order_by("status", "deadline", "id"),
            "show_closed": show_closed,
            "notice": notice,
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="journal.task")
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, access: CaseAccess, task_id: int) -> HttpResponse:
    trajectory = access.trajectory
    task = get_item_for_user(access, Task.objects.all(), task_id)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = TaskEditForm(request.POST, trajectory=trajectory)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.update_task(
                    task=task, expected_version=version, actor=request.user, request=request, **data
                )
            except EditConflict as conflict:
                current = conflict.current
                return render_conflict(
                    request,
                    form=form,
                    theirs={
                        "title": current.title,
                        "description": current.description,  # type: ignore[attr-defined]
                        "deadline": current.deadline,
                        "status": current.status,
                    },  # type: ignore[attr-defined]
                    current_version=current.version,  # type: ignore[attr-defined]
                    cancel_url=reverse("journal:tasks", args=[trajectory.reference]),
                )
            else:
                messages.success(request, _("De taak is bijgewerkt."))
                return redirect("journal:tasks", reference=trajectory.reference)
    else:
        restored, notice = restored_form_data(request, trajectory=trajectory)
        form = TaskEditForm(
            restored,
            trajectory=trajectory,
            initial={
                "title": task.title,
                "description": task.description,
                "assignee": task.assignee_id,
                "deadline": task.deadline,
                "audience": task.audience,
                "status": task.status,
                "version": task.version,
            },
        )
    return render(
        request,
        "journal/task_edit.html",
        {"access": access, "t": trajectory, "task": task, "form": form, "notice": notice},
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def task_done(request: HttpRequest, access: CaseAccess, task_id: int) -> HttpResponse:
    access.require_open()
    task = get_item_for_user(access, Task.objects.all(), task_id)
    version = request.POST.get("version", "")
    try:
        services.update_task(
            task=task,
            expected_version=int(version) if version.isdigit() else -1,
            status=TaskStatus.DONE,
            actor=request.user,
            request=request,
        )
    except EditConflict:
        messages.error(
            request, _("Iemand anders heeft deze taak intussen gewijzigd. Kijk ze opnieuw na.")
        )
    else:
        messages.success(request, _("Taak afgevinkt: %(title)s") % {"title": task.title})
    return redirect("journal:tasks", reference=access.trajectory.reference)

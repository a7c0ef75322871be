"""The contact log and the tasks of a trajectory (professionals)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    button_step,
    edit_cycle,
    edit_initial,
    from_form,
    template_page,
    update_from_form,
)
from samenopweg.journal import services
from samenopweg.journal.forms import (
    JournalCorrectionForm,
    JournalEntryForm,
    TaskEditForm,
    TaskForm,
    WithdrawForm,
)
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.people.selectors import contact_ban_notes

JOURNAL_PAGE_SIZE = 25
ENTRY_FIELDS = ("occurred_on", "kind", "text", "audience")
TASK_FIELDS = ("title", "description", "deadline", "status")


def _journal_url(access: CaseAccess) -> str:
    return reverse("journal:list", args=[access.trajectory.reference])


def _tasks_url(access: CaseAccess) -> str:
    return reverse("journal:tasks", args=[access.trajectory.reference])


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def journal_list(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The log, newest first, with the form for a new contact on top."""
    trajectory = access.trajectory
    notes = contact_ban_notes(access)

    def form(data: QueryDict | None) -> forms.Form:
        return JournalEntryForm(
            data,
            trajectory=trajectory,
            ban_notes=notes,
            initial={"occurred_on": timezone.localdate()},
        )

    entries = (
        visible_items(access, JournalEntry.objects.all())
        .select_related("created_by", "withdrawn_by")
        .prefetch_related("participants")
    )
    page = Paginator(entries, JOURNAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return edit_cycle(
        request,
        access,
        form=form,
        save=from_form(request, services.add_journal_entry, trajectory=trajectory),
        done=_journal_url(access),
        message=_("Het contact is bewaard in het logboek."),
        show=template_page(request, access, "journal/list.html", page=page),
        cancel_url=_journal_url(access),
        texts=("text",),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def journal_edit(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    """Correct an entry; the earlier text stays in its history."""
    trajectory = access.trajectory
    entry = get_item_for_user(access, JournalEntry.objects.all(), entry_id)
    notes = contact_ban_notes(access)

    def form(data: QueryDict | None) -> forms.Form:
        return JournalCorrectionForm(
            data,
            trajectory=trajectory,
            ban_notes=notes,
            initial=edit_initial(
                entry,
                (*ENTRY_FIELDS, "other_participants"),
                participants=list(entry.participants.all()),
            ),
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.correct_journal_entry, entry=entry),
        done=_journal_url(access),
        message=_("De correctie is bewaard. De vorige tekst blijft in de geschiedenis."),
        show=template_page(request, access, "journal/edit.html", entry=entry),
        cancel_url=_journal_url(access),
        conflict_fields=ENTRY_FIELDS,
        texts=("text",),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def journal_withdraw(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    entry = get_item_for_user(access, JournalEntry.objects.all(), entry_id)
    return edit_cycle(
        request,
        access,
        form=WithdrawForm,
        save=from_form(request, services.withdraw_journal_entry, entry=entry),
        done=_journal_url(access),
        message=_("Het bericht is ingetrokken. Het blijft zichtbaar voor professionals."),
        show=template_page(request, access, "journal/withdraw.html", entry=entry),
        cancel_url=_journal_url(access),
    )


@trajectory_view(require=Require.PROFESSIONAL)
def journal_history(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    entry = get_item_for_user(access, JournalEntry.objects.select_related("created_by"), entry_id)
    revisions = entry.revisions.select_related("replaced_by")
    return render(
        request,
        "journal/history.html",
        {"access": access, "t": access.trajectory, "entry": entry, "revisions": revisions},
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def task_list(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    tasks = visible_items(access, Task.objects.all()).select_related("assignee")
    show_closed = request.GET.get("closed") == "1"
    if not show_closed:
        tasks = tasks.filter(status=TaskStatus.OPEN)
    return edit_cycle(
        request,
        access,
        form=lambda data: TaskForm(data, trajectory=trajectory),
        save=from_form(request, services.add_task, trajectory=trajectory),
        done=_tasks_url(access),
        message=_("De taak is bewaard."),
        show=template_page(
            request,
            access,
            "journal/tasks.html",
            tasks=tasks.order_by("status", "deadline", "id"),
            show_closed=show_closed,
        ),
        cancel_url=_tasks_url(access),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, access: CaseAccess, task_id: int) -> HttpResponse:
    trajectory = access.trajectory
    task = get_item_for_user(access, Task.objects.all(), task_id)

    def form(data: QueryDict | None) -> forms.Form:
        initial = edit_initial(task, (*TASK_FIELDS, "audience"), assignee=task.assignee_id)
        return TaskEditForm(data, trajectory=trajectory, initial=initial)

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.update_task, task=task),
        done=_tasks_url(access),
        message=_("De taak is bijgewerkt."),
        show=template_page(request, access, "journal/task_edit.html", task=task),
        cancel_url=_tasks_url(access),
        conflict_fields=TASK_FIELDS,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def task_done(request: HttpRequest, access: CaseAccess, task_id: int) -> HttpResponse:
    access.require_open()
    task = get_item_for_user(access, Task.objects.all(), task_id)
    version = request.POST.get("version", "")
    saved, _task = button_step(
        request,
        lambda: services.update_task(
            task=task,
            expected_version=int(version) if version.isdigit() else -1,
            status=TaskStatus.DONE,
            actor=request.user,
            request=request,
        ),
        conflict=_("Iemand anders heeft deze taak intussen gewijzigd. Kijk ze opnieuw na."),
    )
    if saved:
        messages.success(request, _("Taak afgevinkt: %(title)s") % {"title": task.title})
    return redirect("journal:tasks", reference=access.trajectory.reference)

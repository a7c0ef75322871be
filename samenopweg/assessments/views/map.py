"""The map (in kaart brengen): three columns filled together over one or more sessions.

The map is shared work: every professional on the case may add, change, move, merge and
withdraw entries. The family gets its own pages later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.assessments.forms.map import (
    MapEntryEditForm,
    MapEntryForm,
    MapMergeForm,
    MapMoveForm,
    MappingSessionForm,
    MapWithdrawForm,
    category_choices,
    versions_value,
    view_value,
)
from samenopweg.assessments.models import MapCategory, MapEntry
from samenopweg.assessments.selectors.map import (
    MapBoard,
    SessionLine,
    current_map_entries,
    map_board,
    map_persons,
    mapping_sessions,
    session_professionals,
    whose_view,
)
from samenopweg.assessments.services import map as services
from samenopweg.cases.access import CaseAccess, get_item_for_user
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    button_step,
    edit_cycle,
    edit_initial,
    from_form,
    template_page,
)
from samenopweg.core.forms import add_errors
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.plainlanguage.services import save_tips

# Service errors name model fields; on the forms both are the one "whose view" choice.
_FIELD_ALIASES = {"view_of_person": "view", "view_of_role": "view"}


def _on_form_fields(exc: ValidationError) -> ValidationError:
    if hasattr(exc, "error_dict"):
        return ValidationError(
            {_FIELD_ALIASES.get(name, name): errors for name, errors in exc.error_dict.items()}
        )
    return exc


def _add_service_errors(form: Any, exc: ValidationError) -> None:
    add_errors(form, _on_form_fields(exc))


def _whose_view_errors(service: Callable[[], Any]) -> Any:
    """Call a map service; its refusals of whose view it is go next to the form's "view"."""
    try:
        return service()
    except ValidationError as exc:
        raise _on_form_fields(exc) from None


def _map_url(access: CaseAccess, entry: MapEntry | None = None) -> str:
    url = reverse("assessments:map", args=[access.trajectory.reference])
    return f"{url}#regel-{entry.pk}" if entry is not None else url


def prepare_lines(board: MapBoard, reference: str) -> None:
    """Fill the MapLine presentation fields: labels, links and move options built once, not
    per entry in the template."""
    audiences = {value: str(label) for value, label in Audience.choices}
    marker = 999999999
    prefix = reverse("assessments:map_entry_edit", args=[reference, marker]).rsplit(
        f"/{marker}/", 1
    )[0]
    groups = category_choices()
    options: dict[str, str] = {}
    for category in MapCategory.values:
        options[category] = "".join(
            format_html(
                '<optgroup label="{}">{}</optgroup>',
                group,
                format_html_join(
                    "",
                    '<option value="{}"{}>{}</option>',
                    (
                        (value, mark_safe(" selected") if value == category else "", label)
                        for value, label in choices
                    ),
                ),
            )
            for group, choices in groups
        )
    for column in board.columns:
        for block in column.categories:
            for line in block.lines:
                entry = line.entry
                line.short = Truncator(entry.text).words(8, truncate=" …")
                line.audience_label = audiences.get(entry.audience, "")
                line.url_prefix = f"{prefix}/{entry.pk}/"
                line.move_options = mark_safe(options.get(entry.category, ""))


def _default_session(sessions: list[SessionLine]) -> str:
    """New entries belong to the latest session when it is today's (held or recorded)."""
    if not sessions:
        return ""
    latest = sessions[0].session
    today = timezone.localdate()
    if latest.held_on == today or timezone.localdate(latest.created_at) == today:
        return str(latest.pk)
    return ""


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def map_page(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The three columns with their entries; the form to add an entry posts here."""
    trajectory = access.trajectory
    persons = map_persons(access)
    labels = {p.pk: label for p, label in persons}
    sessions = mapping_sessions(access, labels)
    category = request.GET.get("categorie", "")

    def form(data: QueryDict | None) -> forms.Form:
        return MapEntryForm(
            data,
            persons=persons,
            sessions=sessions,
            initial={
                "category": category if category in MapCategory.values else "",
                "session": _default_session(sessions),
            },
        )

    def show(form: forms.Form, notice: str) -> HttpResponse:
        board = map_board(access, labels)
        prepare_lines(board, trajectory.reference)
        return render(
            request,
            "assessments/map/map.html",
            {
                "access": access,
                "t": trajectory,
                "board": board,
                "sessions": sessions,
                "latest": sessions[0] if sessions else None,
                "latest_session_id": sessions[0].session.pk if sessions else 0,  # no entry has 0
                "form": form,
                "form_open": form.is_bound or bool(notice) or "categorie" in request.GET,
                "notice": notice,
            },
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=lambda f: _whose_view_errors(
            lambda: services.add_map_entry(
                trajectory=trajectory,
                actor=request.user,
                request=request,
                **f.entry_fields(),  # type: ignore[attr-defined]
            )
        ),
        done=lambda entry: _map_url(access, entry),
        message=_("De regel staat op de kaart."),
        show=show,
        cancel_url=_map_url(access),
        texts=("text",),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def session_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Record a mapping conversation: when, and who took part."""
    persons = map_persons(access)
    grants = list(session_professionals(access))
    mine = [str(g.user_id) for g in grants if g.user_id == request.user.pk]
    return edit_cycle(
        request,
        access,
        form=lambda data: MappingSessionForm(
            data,
            persons=persons,
            grants=grants,
            initial={"held_on": timezone.localdate(), "professionals": mine},
        ),
        save=lambda f: services.record_mapping_session(
            trajectory=access.trajectory,
            actor=request.user,
            request=request,
            **f.session_fields(),  # type: ignore[attr-defined]
        ),
        done=_map_url(access),
        message=_(
            "Het gesprek is bewaard. De kaart loopt verder vanaf het vorige gesprek: "
            "wat je nu toevoegt, hoort bij dit gesprek."
        ),
        show=template_page(request, access, "assessments/map/session_form.html"),
        cancel_url=_map_url(access),
    )


def _gone(request: HttpRequest, access: CaseAccess, entry: MapEntry) -> HttpResponse | None:
    """A merged or withdrawn entry has no edit or withdraw page: back to the map, saying why."""
    if entry.is_current:
        return None
    messages.error(
        request, _("Deze regel is samengevoegd of ingetrokken en staat niet meer op de kaart.")
    )
    return redirect("assessments:map", reference=access.trajectory.reference)


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    """Change the words, whose view it is, or who may see it."""
    entry = get_item_for_user(access, MapEntry.objects.all(), entry_id)
    if gone := _gone(request, access, entry):
        return gone
    persons = map_persons(access)

    def save(f: forms.Form) -> MapEntry:
        data = f.cleaned_data
        return _whose_view_errors(
            lambda: services.update_map_entry(
                entry=entry,
                expected_version=data["version"],
                text=data["text"],
                audience=data["audience"],
                actor=request.user,
                request=request,
                **f.view_fields(),  # type: ignore[attr-defined]
            )
        )

    return edit_cycle(
        request,
        access,
        form=lambda data: MapEntryEditForm(
            data,
            persons=persons,
            initial=edit_initial(entry, ("text", "audience"), view=view_value(entry)),
        ),
        save=save,
        done=_map_url(access, entry),
        message=_("De regel is aangepast."),
        show=template_page(request, access, "assessments/map/entry_edit.html", entry=entry),
        cancel_url=_map_url(access, entry),
        theirs=lambda current: {
            "text": current.text,
            "view": view_value(current),
            "audience": current.audience,
        },
        texts=("text",),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def entry_move(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    """Put an entry in another category or column; the page comes back at the entry."""
    access.require_open()
    entry = get_item_for_user(access, MapEntry.objects.all(), entry_id)
    form = MapMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies waar de regel naartoe moet."))
        return HttpResponseRedirect(_map_url(access, entry))
    saved, _moved = button_step(
        request,
        lambda: services.move_map_entry(
            entry=entry,
            expected_version=form.cleaned_data["version"],
            category=form.cleaned_data["category"],
            actor=request.user,
            request=request,
        ),
        conflict=_(
            "Iemand anders heeft deze regel intussen gewijzigd. Kijk ze na en probeer opnieuw."
        ),
    )
    if saved:
        messages.success(
            request,
            _("De regel staat nu bij ‘%(category)s’.")
            % {"category": MapCategory(entry.category).label},
        )
    return HttpResponseRedirect(_map_url(access, entry))


def _candidate_label(entry: MapEntry, labels: dict[int, str]) -> str:
    """The entry as it is now, in full: after a conflict this is where the change shows."""
    return _("%(text)s (%(category)s; kijk van %(who)s)") % {
        "text": entry.text,
        "category": entry.get_category_display(),
        "who": whose_view(entry, labels),
    }


def _chosen_entries(access: CaseAccess, values: list[str]) -> list[MapEntry]:
    """The current entries of this trajectory among the chosen ids; others are left out."""
    ids = [int(v) for v in values if v.isdigit()]
    return list(current_map_entries(access).filter(pk__in=ids).order_by("category", "position"))


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Merge entries: choose them, write one text; the old entries stay, pointing to the new."""
    persons = map_persons(access)
    labels = {p.pk: label for p, label in persons}
    source = request.POST if request.method == "POST" else request.GET
    chosen = _chosen_entries(access, source.getlist("entries"))
    candidates = [(e, _candidate_label(e, labels)) for e in chosen]
    status = 200
    if request.method == "POST":
        access.require_open()
        form = MapMergeForm(request.POST, persons=persons, candidates=candidates)
        if form.is_valid():
            data = form.cleaned_data
            try:
                merged = services.merge_map_entries(
                    trajectory=access.trajectory,
                    entries=data["entries"],
                    expected_versions=data["versions"],
                    text=data["text"],
                    category=data["category"],
                    audience=data["audience"],
                    actor=request.user,
                    request=request,
                    **form.view_fields(),
                )
            except EditConflict:
                # Show the entries as they are now; saving again means "I have seen them".
                chosen = _chosen_entries(access, source.getlist("entries"))
                candidates = [(e, _candidate_label(e, labels)) for e in chosen]
                data = request.POST.copy()
                data["versions"] = versions_value(chosen)
                form = MapMergeForm(data, persons=persons, candidates=candidates)
                form.is_valid()
                form.add_error(
                    None,
                    _(
                        "Iemand anders heeft een van deze regels intussen gewijzigd. Lees ze "
                        "hieronder opnieuw, pas je tekst aan als dat nodig is en bewaar opnieuw."
                    ),
                )
                status = 409
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("De regels zijn samengevoegd. De vorige teksten blijven bewaard."),
                )
                if merged.audience != Audience.PROFESSIONALS:
                    save_tips(request, form, ["text"])
                return HttpResponseRedirect(_map_url(access, merged))
    elif len(chosen) >= 2:
        views = {view_value(e) for e in chosen}
        form = MapMergeForm(
            persons=persons,
            candidates=candidates,
            initial={
                "entries": [str(e.pk) for e in chosen],
                "versions": versions_value(chosen),
                "text": "\n".join(e.text for e in chosen),
                "category": chosen[0].category,
                "view": views.pop() if len(views) == 1 else "",
                # The merged text may hold what only professionals could read.
                "audience": min(e.audience for e in chosen),
            },
        )
    else:
        form = None
    board = None if form is not None else map_board(access, labels)
    response = render(
        request,
        "assessments/map/merge.html",
        {
            "access": access,
            "t": access.trajectory,
            "form": form,
            "chosen": chosen,
            "board": board,
        },
    )
    response.status_code = status
    return response


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def entry_withdraw(request: HttpRequest, access: CaseAccess, entry_id: int) -> HttpResponse:
    """Take an entry off the map, with a reason; it is kept and professionals still see it."""
    entry = get_item_for_user(access, MapEntry.objects.all(), entry_id)
    if gone := _gone(request, access, entry):
        return gone
    labels = {p.pk: label for p, label in map_persons(access)}
    return edit_cycle(
        request,
        access,
        form=MapWithdrawForm,
        save=from_form(request, services.withdraw_map_entry, entry=entry),
        done=_map_url(access),
        message=_("De regel is ingetrokken. Professionals zien ze nog onder ‘Ingetrokken’."),
        show=template_page(
            request,
            access,
            "assessments/map/entry_withdraw.html",
            entry=entry,
            whose=whose_view(entry, labels),
        ),
        cancel_url=_map_url(access, entry),
    )

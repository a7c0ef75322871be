"""Views that belong to no domain: health, the edit-conflict page, one form on a page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return JsonResponse(
            {"status": "error", "database": "unreachable", "error": type(exc).__name__}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def render_conflict(
    request: HttpRequest,
    *,
    form: forms.Form,
    theirs: dict[str, Any],
    current_version: int,
    cancel_url: str,
    saved_by: str = "",
) -> HttpResponse:
    """Somebody saved first: show both versions; the form keeps what this user typed."""
    mine_data: Any = form.data
    rows = []
    for name, value in theirs.items():
        field = form.fields.get(name)
        if field is None:
            continue
        mine = mine_data.get(name, "")
        if isinstance(field, forms.ChoiceField):
            # Labels by the value as posted (a string), also inside option groups.
            choices: dict[str, Any] = {}
            for key, label in field.choices:  # type: ignore[union-attr,misc]
                if isinstance(label, list | tuple):
                    choices.update((str(k), v) for k, v in label)
                else:
                    choices[str(key)] = label
            value = choices.get(str(value), value)
            mine = choices.get(str(mine), mine)
        rows.append(
            {
                "label": field.label,
                "theirs": value,
                "mine": mine,
                "differs": str(value) != str(mine),
            }
        )
    # Saving again from this page means: "I have seen their version"; so it carries theirs.
    data = mine_data.copy()
    data["version"] = str(current_version)
    form.data = data
    return render(
        request,
        "core/conflict.html",
        {
            "form": form,
            "rows": rows,
            "cancel_url": cancel_url,
            "saved_by": saved_by,
            "title": _("Iemand anders heeft dit intussen gewijzigd"),
        },
        status=409,
    )


def render_form_page(
    request: HttpRequest,
    *,
    access: Any,
    form: forms.Form,
    heading: str,
    submit: str,
    cancel_url: str,
    active: str,
    pl_hint: str = "",
    notice: str = "",
    intro: str = "",
    multipart: bool = False,
    template: str = "core/form_page.html",
    **extra: Any,
) -> HttpResponse:
    """One form on a trajectory's page (templates/core/form_page.html): errors next to the
    fields, the language check, autosave when the view keeps drafts (`trajectory_view(autosave=
    True)`), a draft notice. `template` may extend it with a card."""
    return render(
        request,
        template,
        {
            "access": access,
            "t": access.trajectory,
            "form": form,
            "page_heading": heading,
            "submit": submit,
            "cancel_url": cancel_url,
            "active": active,
            "pl_hint": pl_hint,
            "notice": notice,
            "intro": intro,
            "multipart": multipart,
            "autosave": getattr(request, "keeps_drafts", False),
            **extra,
        },
    )

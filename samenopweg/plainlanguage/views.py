"""The live plain-language check (htmx)."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopweg.accounts.roles import is_professional
from samenopweg.plainlanguage.checker import check

# A journal entry is long; a pasted book is not checked past this point.
MAX_CHARS = 20_000


def check_view(request: HttpRequest) -> HttpResponse:
    """Report on the text of the posted field named in `field`.

    No audit row: this stores nothing and reads no case data; it only echoes back (escaped)
    findings about the text the same user just posted.
    """
    if not request.user.is_authenticated:
        if getattr(request, "htmx", False):
            # Session ran out while typing: the form's own autosave line says so; no login
            # page inside the report.
            return HttpResponse(status=204)
        return redirect_to_login(request.get_full_path())
    if not is_professional(request.user):
        raise PermissionDenied(_("De taalcheck is voor professionals."))
    return _check(request)


@require_POST
def _check(request: HttpRequest) -> HttpResponse:
    name = request.POST.get("field", "")
    text = request.POST.get(name, "") if name else ""
    report = check(text[:MAX_CHARS])
    return render(request, "plainlanguage/_report.html", {"report": report})

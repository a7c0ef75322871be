"""The one way a view gets hold of a trajectory: through the access rule, with a read audit row."""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import PAGE, record
from samenopweg.cases.access import CaseAccess, get_trajectory_for_user
from samenopweg.cases.drafts import save_draft
from samenopweg.core.middleware import DRAFT_HEADER

TrajectoryView = Callable[..., HttpResponse]


class Require(enum.Enum):
    """Who may open a trajectory page, besides having access to the trajectory at all."""

    PROFESSIONAL = "professional"  # consultant, team lead, youth-care worker of the case
    CONSULTANT = "consultant"  # the mandate: the consultant of the case or the team lead
    MEMBER = "member"  # anyone with access, the family and network included


def autosaved(request: HttpRequest, trajectory: Any) -> HttpResponse:
    """An autosave post (htmx, every few seconds): keep it as a draft, answer with its status.

    On a closed trajectory nothing is kept, and the status line says why.
    """
    try:
        save_draft(request=request, trajectory=trajectory)
    except ValidationError as refused:
        response = render(
            request, "cases/_draft_status.html", {"refused": " ".join(refused.messages)}
        )
        response[DRAFT_HEADER] = "refused"
        return response
    response = render(request, "cases/_draft_status.html", {"saved_at": timezone.now()})
    # Only this answer lets the browser forget its own copy (static/js/autosave.js).
    response[DRAFT_HEADER] = "saved"
    return response


def trajectory_view(
    *,
    require: Require = Require.PROFESSIONAL,
    autosave: bool = False,
    audit_action: str = AuditAction.VIEW,
) -> Callable[[TrajectoryView], Any]:
    """Wrap a view taking (request, access, ...): 404 for outsiders, 403 for the wrong role.

    `require`: a `Require`; anything else fails when the module is imported.
    Every answer that shows case data leaves one read row in the audit trail; writes record
    their own rows in services. The row names the record the page showed (`access.shown`: the
    item fetched through `get_item_for_user`, or what the view named with `access.show`) by its
    model and id; a page of many records names itself, `page:<view>`, without an id (the row's
    trajectory says which file).
    With `autosave`, a POST carrying `_autosave` (htmx, every few seconds) stores a draft.
    `audit_action`: the read row's action; a download records EXPORT instead of VIEW.
    """

    if not isinstance(require, Require):
        raise TypeError(f"trajectory_view(require=...) takes a Require, not {require!r}")

    def decorator(view: TrajectoryView) -> Any:
        @login_required
        @wraps(view)
        def wrapper(
            request: HttpRequest, reference: str, *args: Any, **kwargs: Any
        ) -> HttpResponse:
            access: CaseAccess = get_trajectory_for_user(request.user, reference)
            if require is Require.PROFESSIONAL:
                access.require_professional()
            elif require is Require.CONSULTANT:
                access.require_consultant()
            # Whether this page keeps drafts: its form offers autosave only then
            # (core.views.render_form_page).
            request.keeps_drafts = autosave  # type: ignore[attr-defined]
            if request.method == "POST" and request.POST.get("_autosave"):
                if autosave:
                    return autosaved(request, access.trajectory)
                # A page that keeps no drafts never takes an autosave for the button: nothing
                # is written (a reason typed for a withdrawal would otherwise withdraw).
                return HttpResponse(status=204)

            response = view(request, access, *args, **kwargs)
            # Whatever showed case data leaves a read row: a page (200), an edit conflict
            # (409), also after a POST with form errors. Redirects, 403 and 405 show nothing.
            if response.status_code in (200, 409):
                shown = access.shown
                record(
                    actor=request.user,
                    action=audit_action,
                    object_type=shown._meta.label_lower if shown else f"{PAGE}{view.__name__}",
                    object_id=shown.pk if shown else "",
                    trajectory=access.trajectory,
                    request=request,
                )
            return response

        return wrapper

    return decorator

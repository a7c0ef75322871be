"""Keep what was typed when a session ran out before the form was sent.

When a logged-out browser posts a form (the session expired while someone was typing), the
posted fields are kept in the new anonymous session before the login redirect. Django keeps
session data across login, so after logging in again the same page gets them back, but only
for the same user (a signed cookie remembers who was last logged in on this browser).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

PENDING_KEY = "pending_form"
LAST_USER_COOKIE = "sow_last_user"
_NOT_KEPT = {"csrfmiddlewaretoken", "_autosave"}
# /taalcheck/ posts one field to be checked, not a form to keep (it would replace the autosave's).
_EXEMPT_PREFIXES = ("/accounts/", "/admin/", "/healthz", "/i18n/", "/taal/", "/taalcheck/")


class ExpiredSessionFormMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "sow_logged_out", False):
            # After a logout this browser no longer belongs to anyone (issue 11, point 12).
            response.delete_cookie(LAST_USER_COOKIE, samesite="Lax")
            return response
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.get_signed_cookie(LAST_USER_COOKIE, default=None) != str(user.pk)
        ):
            response.set_signed_cookie(
                LAST_USER_COOKIE,
                str(user.pk),
                max_age=30 * 24 * 3600,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        # Runs after CsrfViewMiddleware.process_view, so only genuine posts are kept.
        if request.method != "POST" or request.user.is_authenticated:
            return None
        if request.path.startswith(_EXEMPT_PREFIXES):
            return None
        request.session[PENDING_KEY] = {
            "path": request.path,
            "data": {k: request.POST.getlist(k) for k in request.POST if k not in _NOT_KEPT},
            "user": request.get_signed_cookie(LAST_USER_COOKIE, default=None),
            "at": timezone.now().isoformat(),
        }
        if getattr(request, "htmx", False):
            # An autosave after the time-out: say so in the status line instead of a login page.
            return HttpResponse(
                _("Je sessie is verlopen. Meld je opnieuw aan: wat je typte, is bewaard."),
                headers={"HX-Reswap": "innerHTML"},
            )
        return None


def forget_last_user(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """On logout (the user_logged_out signal): the response clears the last-user cookie."""
    if request is not None:
        request.sow_logged_out = True  # type: ignore[attr-defined]


def pop_pending_form(request: HttpRequest) -> dict[str, list[str]] | None:
    """The fields a timed-out post to this page carried, once, and only for the same user."""
    pending = request.session.get(PENDING_KEY)
    if not pending or pending.get("path") != request.path:
        return None
    del request.session[PENDING_KEY]
    if pending.get("user") != str(request.user.pk):
        return None
    data: dict[str, list[str]] = pending.get("data") or {}
    return data

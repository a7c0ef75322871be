"""Keep what was typed when a session ran out before the form was sent.

When a logged-out browser posts a form (the session expired while someone was typing), the
posted fields are kept in the new anonymous session before the login redirect, every post on
its own (two tabs sent after the time-out are two kept forms, issue 11, point 2). Django keeps
session data across login; at the login the cases app turns each kept form into a server draft
of its page (`cases.drafts.keep_forms_sent_after_time_out`), but only for the same user (a
signed cookie remembers who was last logged in on this browser).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

PENDING_KEY = "pending_forms"
# A bound on what an anonymous session carries; far beyond tabs anyone has open.
MAX_PENDING = 20
LAST_USER_COOKIE = "sow_last_user"
# Fields of a post that are not what someone typed.
NOT_KEPT = frozenset({"csrfmiddlewaretoken", "_autosave", "_tab", "_concept"})
# What an anonymous session may carry in all: far more than anyone types in a few tabs, far less
# than a flood of large posts would put there.
MAX_PENDING_BYTES = 256 * 1024
LAST_USER_MAX_AGE = 30 * 24 * 3600
# /taalcheck/ posts one field to be checked, not a form to keep (it would replace the autosave's).
_EXEMPT_PREFIXES = ("/accounts/", "/admin/", "/healthz", "/i18n/", "/taal/", "/taalcheck/")


class ExpiredSessionFormMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "sow_logged_out", False):
            # After a logout this browser no longer belongs to anyone (issue 11, point 12), and
            # keeps no copy of what was typed (static/js/autosave.js) for the next person.
            response.delete_cookie(LAST_USER_COOKIE, samesite="Lax")
            response["Clear-Site-Data"] = '"storage"'
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
        user = request.get_signed_cookie(LAST_USER_COOKIE, default=None, max_age=LAST_USER_MAX_AGE)
        if user is not None:
            # Only for someone who was logged in on this browser: anything else could never be
            # given back to anyone, and would only fill the session.
            _keep(request, user)
        if getattr(request, "htmx", False):
            # An autosave after the time-out: say so in the status line instead of a login page.
            # The header tells the browser the server holds no draft yet: it keeps its own copy.
            return HttpResponse(
                _("Je sessie is verlopen. Meld je opnieuw aan: wat je typte, is bewaard."),
                headers={"HX-Reswap": "innerHTML", DRAFT_HEADER: "expired"},
            )
        return None


def _keep(request: HttpRequest, user: str) -> None:
    tab = _tab(request)
    kept = {
        "path": request.path,
        "data": {k: request.POST.getlist(k) for k in request.POST if k not in NOT_KEPT},
        "user": user,
        "at": timezone.now().isoformat(),
        "tab": tab,
    }
    pending = [
        # An autosave of the same tab replaces its own earlier copy, not the other tabs'.
        earlier
        for earlier in request.session.get(PENDING_KEY, [])
        if not (earlier["path"] == kept["path"] and earlier.get("tab") == tab)
    ]
    pending = [*pending, kept][-MAX_PENDING:]
    while len(pending) > 1 and len(json.dumps(pending)) > MAX_PENDING_BYTES:
        pending.pop(0)  # the oldest goes first
    if len(json.dumps(pending)) <= MAX_PENDING_BYTES:
        request.session[PENDING_KEY] = pending


# The answer to an autosave says whether the server kept the draft: "saved", "refused" (a
# closed trajectory) or "expired" (held in the session until the login). static/js/autosave.js
# keeps its browser copy until it reads "saved" (issue 11, point 1).
DRAFT_HEADER = "X-Sow-Draft"


def _tab(request: HttpRequest) -> str:
    """Which browser tab posted: htmx autosaves and the form post carry the same hidden value
    (static/js/autosave.js fills it); without JavaScript every post is its own."""
    return request.POST.get("_tab", "")[:40] or timezone.now().isoformat()


def forget_last_user(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """On logout (the user_logged_out signal): the response clears the last-user cookie."""
    if request is not None:
        request.sow_logged_out = True  # type: ignore[attr-defined]


def take_pending_forms(request: HttpRequest, user: Any) -> list[dict[str, Any]]:
    """The forms posted after a time-out on this browser, oldest first, taken out of the session.

    Only the ones sent while `user` was the last one logged in here; the others are dropped, as
    another person's text must not reach this user.
    """
    pending = request.session.pop(PENDING_KEY, None) or []
    return [kept for kept in pending if kept.get("user") == str(user.pk)]


SAVED_KEY = "saved_forms"


def note_form_saved(request: HttpRequest, page: str) -> None:
    """The form of `page` (a path, with ?concept=N for another text of it) was saved: the next
    page tells the browser to drop its copy of exactly that form."""
    saved = request.session.get(SAVED_KEY, [])
    if page not in saved:
        request.session[SAVED_KEY] = [*saved, page][-10:]


def take_saved_forms(request: HttpRequest) -> list[str]:
    """The pages whose form was saved since the last full page was shown (once)."""
    session = getattr(request, "session", None)
    if session is None or SAVED_KEY not in session:
        return []
    saved: list[str] = session.pop(SAVED_KEY)
    return saved


def saved_forms(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `saved_forms`, read (and taken) only by base.html's <meta>."""
    from django.utils.functional import SimpleLazyObject

    return {"saved_forms": SimpleLazyObject(lambda: take_saved_forms(request))}

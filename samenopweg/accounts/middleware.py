"""Use the language the logged-in user chose; hold a session at its second login step."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation

from samenopweg.accounts import mfa


class UserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = getattr(user, "language", "") or "nl-be"
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]
        response = self.get_response(request)
        return response


class SecondFactorMiddleware:
    """A session that still owes its second factor reaches only the pages that settle it.

    After the password, `accounts.mfa` notes in the session whether a code is still due (the
    user has an app) or an app must be set up first (required for this user). Every other page,
    the admin included, sends such a session to that step. It needs django-otp's OTPMiddleware
    before it.
    """

    ALWAYS_OPEN = frozenset({"login", "logout", "set_language", "healthz"})
    OPEN_FOR = {
        "verify": frozenset({"mfa:verify"}),
        "setup": frozenset({"mfa:setup", "mfa:recovery_codes"}),
    }

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        step = mfa.pending_step(request)
        if step is mfa.Step.NONE:
            return None
        match = request.resolver_match
        name = match.view_name if match is not None else ""
        if name in self.ALWAYS_OPEN or name in self.OPEN_FOR[step.value]:
            return None
        target = reverse("mfa:verify" if step is mfa.Step.VERIFY else "mfa:setup")
        if request.method in ("GET", "HEAD"):
            target += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(target)

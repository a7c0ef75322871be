"""Response headers that keep case data out of shared and browser caches."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.cache import patch_cache_control


class PrivateCacheMiddleware:
    """`Cache-Control: no-store, private` on every answer to a logged-in user, and on the login
    page; a response that set its own Cache-Control keeps it.

    Every page and htmx fragment a logged-in user gets may hold case data: neither a proxy nor
    the browser's back button should keep it after logout. Static files never get here
    (WhiteNoise answers them earlier) and keep their long caching.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Asked before the view: logout replaces request.user, yet its answer is still private.
        was_logged_in = request.user.is_authenticated
        response = self.get_response(request)
        if "Cache-Control" in response:
            return response
        if (
            was_logged_in
            or request.user.is_authenticated
            or request.path == resolve_url(settings.LOGIN_URL)
        ):
            patch_cache_control(response, no_store=True, private=True)
        return response

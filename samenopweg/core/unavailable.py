"""When the database is unreachable: a calm 503 instead of a 500 (issue 11, point 4).

A database blip used to end in a 500 with a `SessionStore ... _session_cache` traceback: the
session and the user are read lazily, deep in another middleware or the view. This middleware
sits right after AuthenticationMiddleware. It reads the user first, inside a guard, and it
catches a database error raised by the view. The page it answers with reads neither the
database nor the session, and one log line says what happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("samenopweg.unavailable")

DATABASE_DOWN = (OperationalError, InterfaceError)


def unavailable_response(request: HttpRequest, error: BaseException) -> HttpResponse:
    logger.error(
        "Database unreachable, answered 503 for %s %s: %s: %s",
        request.method,
        request.path,
        type(error).__name__,
        str(error).strip().splitlines()[0] if str(error).strip() else "",
    )
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store, private"
    # Django's own request logger would add a second line (and a traceback) for the 5xx.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            # Loads the session and the user now, where a failure can still be answered calmly.
            user = getattr(request, "user", None)
            if user is not None:
                bool(user.is_authenticated)
        except DATABASE_DOWN as error:
            return unavailable_response(request, error)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_DOWN):
            return unavailable_response(request, exception)
        return None

"""A database blip gives a calm 503 page and one log line, not a 500 (issue 11, point 4)."""

from __future__ import annotations

import logging
from typing import Any
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client
from django.urls import reverse

from conftest import World

CALM = "Samen op weg is even niet bereikbaar."


def _database_down(*args: Any, **kwargs: Any) -> None:
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def test_a_logged_in_page_answers_503_when_the_database_is_down(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.owner)
    url = reverse("dashboard:detail", args=[world.trajectory.reference])

    with (
        caplog.at_level(logging.ERROR),
        mock.patch.object(CursorWrapper, "execute", _database_down),
        mock.patch.object(CursorWrapper, "executemany", _database_down),
    ):
        response = client.get(url)

    assert response.status_code == 503
    page = response.content.decode()
    assert CALM in page and "staat nog in je browser" in page
    assert response["Retry-After"] == "30"
    lines = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert "Database unreachable" in lines[0].getMessage() and lines[0].exc_info is None


def test_a_database_error_in_the_view_answers_503(world: World) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.owner)
    url = reverse("dashboard:detail", args=[world.trajectory.reference])

    with mock.patch(
        "samenopweg.cases.decorators.get_trajectory_for_user", side_effect=_database_down
    ):
        response = client.get(url)

    assert response.status_code == 503
    assert CALM in response.content.decode()

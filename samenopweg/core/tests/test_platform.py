"""The platform around the domain: health, configuration, login protection, CSRF, locale."""

from __future__ import annotations

import datetime
import os
import secrets
import subprocess
import sys
from typing import Any
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent

BASE_DIR = django_settings.BASE_DIR


def run_django(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Start a fresh Python with the project's settings and only the given overrides."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "AXES_", "SAMENOPWEG_")) and k != "PYTEST_CURRENT_TEST"
    }
    environ.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


# Health


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client: Client) -> None:
    with mock.patch("samenopweg.core.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] != "ok"


# Configuration


def test_it_refuses_to_start_with_debug_off_and_no_secret_key() -> None:
    result = run_django(
        "-c",
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup()",
        DJANGO_DEBUG="0",
    )

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_the_deploy_check_is_clean_with_production_settings() -> None:
    result = run_django(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="example.org",
        SAMENOPWEG_SITE_URL="https://example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


# Login


@pytest.mark.django_db
def test_login_is_refused_after_five_wrong_passwords(
    client: Client, world: World, settings: Any
) -> None:
    settings.AXES_ENABLED = True
    url = reverse("login")
    for _attempt in range(5):
        response = client.post(url, {"username": "owner", "password": "wrong-password"})
        assert "_auth_user_id" not in client.session

    response = client.post(url, {"username": "owner", "password": "pw-owner"})

    assert response.status_code == 429 or "te vaak" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by these attempts.
    other = Client()
    assert other.post(url, {"username": "lead", "password": "pw-lead"}).status_code == 302


@pytest.mark.django_db
def test_a_failed_login_leaves_an_audit_row(client: Client, world: World) -> None:
    response = client.post(reverse("login"), {"username": "owner", "password": "wrong-password"})

    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert event.actor is None
    assert event.detail["username"] == "owner"
    assert "wrong-password" not in str(event.detail)


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.owner)
    url = reverse("journal:list", args=[world.trajectory.reference])
    before = world.trajectory.journal_entries.count()

    response = client.post(
        url,
        {
            "occurred_on": "2026-03-05",
            "kind": "conversation",
            "text": "Zonder token.",
            "audience": "0",
        },
    )

    assert response.status_code == 403
    assert world.trajectory.journal_entries.count() == before


# Locale


def test_dates_are_written_the_belgian_way() -> None:
    with translation.override("nl-be"):
        assert formats.date_format(datetime.date(2026, 3, 5), "SHORT_DATE_FORMAT") == "05/03/2026"


def test_the_time_zone_is_brussels() -> None:
    assert django_settings.TIME_ZONE == "Europe/Brussels"
    assert django_settings.USE_TZ

"""The link in an alert mail: SAMENOPWEG_SITE_URL in production, the served address in development."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

import pytest
from django.test import RequestFactory, override_settings

from conftest import World
from samenopweg.cases.models import Notification
from samenopweg.cases.services import site_link
from samenopweg.core.tests.test_platform import run_django
from samenopweg.people.registration import (
    AdultInput,
    ChildInput,
    Registration,
    register_trajectory,
)


def _request_on_port(port: int) -> Any:
    return RequestFactory().get("/aanmelden/", HTTP_HOST=f"127.0.0.1:{port}")


def _alert_body(world: World, request: Any) -> str:
    """Register a child who is not safe now, through `request`; the team lead's alert mail."""
    trajectory = register_trajectory(
        registration=Registration(
            team=world.team,
            owner=world.owner,
            framework="verontrusting",
            youth_judge_reference="",
            reason="We maken ons zorgen over de veiligheid thuis.",
            goal="Lina kan veilig thuis wonen.",
            children=[
                ChildInput(
                    first_name="Lina",
                    last_name="Peeters",
                    date_of_birth=datetime.date(2017, 3, 12),
                    gender="f",
                    safety_answer="no",
                    safety_basis="Gesprek met de school.",
                    next_step="Huisbezoek vandaag.",
                    urgency="today",
                )
            ],
            adults=[AdultInput(first_name="An", last_name="Peeters", relation_kind="mother")],
        ),
        actor=world.owner,
        request=request,
    )
    return Notification.objects.get(trajectory=trajectory, recipient=world.team_lead).body


@pytest.mark.django_db
@override_settings(SITE_URL="http://127.0.0.1:8000", SITE_URL_FOLLOWS_REQUEST=True)
def test_in_development_the_alert_links_to_the_port_it_was_served_on(world: World) -> None:
    body = _alert_body(world, _request_on_port(8123))

    assert "http://127.0.0.1:8123/trajecten/" in body
    assert "127.0.0.1:8000" not in body


@pytest.mark.django_db
@override_settings(SITE_URL="https://samenopweg.example.org", SITE_URL_FOLLOWS_REQUEST=False)
def test_with_a_site_url_the_alert_links_there_whatever_the_request(world: World) -> None:
    body = _alert_body(world, _request_on_port(8123))

    assert "https://samenopweg.example.org/trajecten/" in body
    assert "8123" not in body


@override_settings(SITE_URL="http://127.0.0.1:8000", SITE_URL_FOLLOWS_REQUEST=True)
def test_without_a_request_the_link_uses_the_site_url() -> None:
    assert site_link("/dashboard/", request=None) == "http://127.0.0.1:8000/dashboard/"


def test_production_refuses_to_start_without_a_site_url() -> None:
    result = run_django(
        "manage.py",
        "check",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="example.org",
    )

    assert result.returncode != 0
    assert "SAMENOPWEG_SITE_URL must be set" in result.stderr


def test_production_starts_with_a_site_url() -> None:
    result = run_django(
        "-c",
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; "
        "django.setup(); from django.conf import settings; "
        "print(settings.SITE_URL, settings.SITE_URL_FOLLOWS_REQUEST)",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        SAMENOPWEG_SITE_URL="https://samenopweg.example.org/",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://samenopweg.example.org", "False"]

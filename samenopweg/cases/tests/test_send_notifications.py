"""`manage.py send_notifications`: mails unsent notifications, records failures, keeps going."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conftest import World, make_user, member, register
from samenopweg.accounts.models import Role
from samenopweg.cases.management.commands import send_notifications
from samenopweg.cases.models import Notification


def run(*args: str) -> str:
    out = StringIO()
    call_command("send_notifications", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def lead_with_email(world: World) -> World:
    world.team_lead.email = "lead@example.org"
    world.team_lead.save(update_fields=["email"])
    return world


def test_it_mails_the_team_lead_when_a_child_is_not_safe(
    lead_with_email: World, mailoutbox: list[Any]
) -> None:
    world = lead_with_email
    trajectory = register(world.team, world.owner, answer="no")

    output = run()

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["lead@example.org"]
    assert trajectory.reference in mail.subject
    notification = Notification.objects.get(trajectory=trajectory)
    assert notification.sent_at is not None
    assert notification.last_error == ""
    assert "1 verzonden" in output
    assert "0 nog niet verzonden" in output


def test_it_sends_each_notification_once(lead_with_email: World, mailoutbox: list[Any]) -> None:
    register(lead_with_email.team, lead_with_email.owner, answer="no")
    run()
    output = run()
    assert len(mailoutbox) == 1
    assert "0 verzonden" in output


def test_it_skips_recipients_without_email_and_keeps_going(
    world: World, mailoutbox: list[Any]
) -> None:
    second_lead = make_user("lead2", email="lead2@example.org")
    member(second_lead, world.ocj, Role.TEAMVERANTWOORDELIJKE, world.team)
    trajectory = register(world.team, world.owner, answer="no")

    output = run()

    assert [m.to for m in mailoutbox] == [["lead2@example.org"]]
    without_email = Notification.objects.get(trajectory=trajectory, recipient=world.team_lead)
    assert without_email.sent_at is None
    assert without_email.last_error == "geen e-mailadres"
    assert "1 verzonden, 1 overgeslagen" in output


def test_it_does_not_mail_a_deactivated_user(lead_with_email: World, mailoutbox: list[Any]) -> None:
    world = lead_with_email
    trajectory = register(world.team, world.owner, answer="no")
    world.team_lead.is_active = False
    world.team_lead.save(update_fields=["is_active"])

    run()

    assert mailoutbox == []
    notification = Notification.objects.get(trajectory=trajectory)
    assert notification.sent_at is None
    assert notification.last_error == "gebruiker niet actief"


def test_it_records_a_failure_and_goes_on_with_the_rest(
    lead_with_email: World, mailoutbox: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    world = lead_with_email
    second_lead = make_user("lead2", email="lead2@example.org")
    member(second_lead, world.ocj, Role.TEAMVERANTWOORDELIJKE, world.team)
    trajectory = register(world.team, world.owner, answer="no")
    real_send_mail = send_notifications.send_mail

    def flaky_send_mail(subject: str, body: str, sender: Any, to: list[str]) -> int:
        if to == ["lead@example.org"]:
            raise ConnectionRefusedError("mail server down")
        return real_send_mail(subject, body, sender, to)

    monkeypatch.setattr(send_notifications, "send_mail", flaky_send_mail)

    output = run()

    failed = Notification.objects.get(trajectory=trajectory, recipient=world.team_lead)
    assert failed.sent_at is None
    assert failed.last_error == "ConnectionRefusedError: mail server down"
    assert Notification.objects.get(trajectory=trajectory, recipient=second_lead).sent_at
    assert [m.to for m in mailoutbox] == [["lead2@example.org"]]
    assert (
        "1 verzonden, 0 overgeslagen (geen e-mailadres of gebruiker niet actief), 1 mislukt"
        in output
    )

    monkeypatch.setattr(send_notifications, "send_mail", real_send_mail)
    run()
    failed.refresh_from_db()
    assert failed.sent_at is not None
    assert failed.last_error == ""


def test_limit_sends_at_most_n(lead_with_email: World, mailoutbox: list[Any]) -> None:
    world = lead_with_email
    register(world.team, world.owner, answer="no")
    register(world.team, world.owner, child="Lou", answer="no")

    output = run("--limit", "1")

    assert len(mailoutbox) == 1
    assert "1 nog niet verzonden" in output
    run("--limit", "1")
    assert len(mailoutbox) == 2


def test_limit_tries_messages_that_never_failed_first(
    lead_with_email: World, mailoutbox: list[Any]
) -> None:
    world = lead_with_email
    older = register(world.team, world.owner, answer="no")
    Notification.objects.filter(trajectory=older).update(last_error="SMTPException: earlier")
    newer = register(world.team, world.owner, child="Lou", answer="no")

    run("--limit", "1")

    assert [m.subject for m in mailoutbox] == [Notification.objects.get(trajectory=newer).subject]


def test_limit_must_be_positive(db: Any) -> None:
    with pytest.raises(CommandError):
        run("--limit", "0")

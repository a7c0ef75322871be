"""Two-factor login: setting up the app, the code step after the password, recovery codes,
the setting that makes it required, and the lock-out that stays per username and address."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import World
from samenopweg.accounts import mfa
from samenopweg.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    """The code the person's app shows now (or `offset` steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A six-digit code that none of the accepted steps (now, one before, one after) shows."""
    accepted = {code_for(device, offset) for offset in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(1000000)) if c not in accepted)


def with_app(user: Any) -> TOTPDevice:
    """The user has set up an app, with two recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    StaticToken.objects.create(device=static, token="abcd2efg")
    StaticToken.objects.create(device=static, token="hijk3lmn")
    return device


def password_login(user: Any, **extra: Any) -> Client:
    client = Client(**extra)
    response = client.post(
        LOGIN, {"username": user.username, "password": "pw-" + user.username}, **extra
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert "_auth_user_id" in client.session
    return client


def case_url(world: World) -> str:
    return reverse("dashboard:detail", args=[world.trajectory.reference])


@pytest.fixture
def required(settings: Any) -> None:
    settings.REQUIRE_2FA = True
    settings.DEMO_MODE = False


# --- setting up the app ----------------------------------------------------------------------


def test_setup_shows_a_qr_code_and_the_key_to_type(client: Client, world: World) -> None:
    client.force_login(world.owner)

    response = client.get(reverse("mfa:setup"))

    page = response.content.decode()
    device = TOTPDevice.objects.get(user=world.owner, confirmed=False)
    assert response.status_code == 200
    assert 'class="qr"' in page and "<svg" in page
    assert mfa.secret_for_typing(device) in page
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page
    # A reload shows the same app key: the half-made device is kept until it is confirmed.
    client.get(reverse("mfa:setup"))
    assert TOTPDevice.objects.filter(user=world.owner).count() == 1


def test_the_qr_code_has_no_style_attribute(world: World) -> None:
    device = mfa.device_in_setup(world.owner)

    svg = mfa.qr_svg(device, "QR <code>")

    assert "style" not in svg
    assert "<title>QR &lt;code&gt;</title>" in svg


def test_setup_confirms_with_the_apps_code_and_shows_ten_recovery_codes_once(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    client.get(reverse("mfa:setup"))
    device = TOTPDevice.objects.get(user=world.owner, confirmed=False)

    response = client.post(reverse("mfa:setup"), {"code": code_for(device)})

    assert response["Location"] == reverse("mfa:recovery_codes")
    device.refresh_from_db()
    assert device.confirmed
    tokens = set(
        StaticToken.objects.filter(device__user=world.owner).values_list("token", flat=True)
    )
    assert len(tokens) == mfa.RECOVERY_CODE_COUNT
    page = client.get(reverse("mfa:recovery_codes")).content.decode()
    assert all(token in page for token in tokens)
    assert client.get(reverse("mfa:recovery_codes"))["Location"] == reverse("mfa:status")
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_type=mfa.AUDIT_TYPE, detail__two_factor="on"
    ).exists()
    # The session that set it up is fully logged in.
    assert client.get(case_url(world)).status_code == 200


def test_setup_refuses_a_wrong_code_and_keeps_what_was_typed(client: Client, world: World) -> None:
    client.force_login(world.owner)
    client.get(reverse("mfa:setup"))
    device = TOTPDevice.objects.get(user=world.owner, confirmed=False)
    wrong = wrong_code_for(device)

    response = client.post(reverse("mfa:setup"), {"code": wrong})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Deze code klopt niet" in page
    assert f'value="{wrong}"' in page
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticToken.objects.filter(device__user=world.owner).exists()


def test_setup_says_what_is_wrong_with_letters(client: Client, world: World) -> None:
    client.force_login(world.owner)

    response = client.post(reverse("mfa:setup"), {"code": "12ab56"})

    assert "Typ de 6 cijfers die nu in je app staan." in response.content.decode()
    assert 'value="12ab56"' in response.content.decode()


# --- the code step after the password --------------------------------------------------------


def test_a_user_with_an_app_must_give_a_code_before_any_case_page(world: World) -> None:
    device = with_app(world.owner)
    client = password_login(world.owner)

    response = client.get(case_url(world))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa:verify"))
    for url in (reverse("home"), reverse("dashboard:dashboard"), reverse("mfa:status")):
        assert client.get(url)["Location"].startswith(reverse("mfa:verify")), url
    page = client.get(response["Location"]).content.decode()
    assert "Code uit je app" in page

    done = client.post(reverse("mfa:verify"), {"code": code_for(device), "next": case_url(world)})

    assert done["Location"] == case_url(world)
    assert client.get(case_url(world)).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.LOGIN, actor=world.owner, detail__second_factor="totp"
    ).exists()


def test_a_wrong_code_does_not_log_in(world: World) -> None:
    device = with_app(world.owner)
    client = password_login(world.owner)

    response = client.post(reverse("mfa:verify"), {"code": wrong_code_for(device)})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get(case_url(world)).status_code == 302
    assert AuditEvent.objects.filter(
        action=AuditAction.LOGIN_FAILED, detail__second_factor="totp"
    ).exists()


def test_wrong_codes_are_throttled(world: World, settings: Any) -> None:
    # A long wait after one wrong code, so the test does not depend on how fast it runs.
    settings.OTP_TOTP_THROTTLE_FACTOR = 600
    device = with_app(world.owner)
    client = password_login(world.owner)
    client.post(reverse("mfa:verify"), {"code": wrong_code_for(device)})

    response = client.post(reverse("mfa:verify"), {"code": code_for(device)})

    assert "Wacht even" in response.content.decode()
    assert client.get(case_url(world)).status_code == 302


def test_a_recovery_code_works_once(world: World) -> None:
    with_app(world.owner)
    client = password_login(world.owner)

    response = client.post(reverse("mfa:verify"), {"recovery_code": "ABCD 2EFG"})

    assert response.status_code == 302
    assert client.get(case_url(world)).status_code == 200
    assert not StaticToken.objects.filter(token="abcd2efg").exists()

    again = password_login(world.owner)
    refused = again.post(reverse("mfa:verify"), {"recovery_code": "abcd2efg"})

    assert refused.status_code == 200
    assert "Deze herstelcode klopt niet" in refused.content.decode()
    assert again.get(case_url(world)).status_code == 302


def test_the_admin_login_is_held_at_the_code_step_too(world: World) -> None:
    with_app(world.admin)
    client = Client()
    client.post(reverse("admin:login"), {"username": "admin", "password": "pw-admin"})
    assert "_auth_user_id" in client.session

    response = client.get(reverse("admin:index"))

    assert response["Location"].startswith(reverse("mfa:verify"))


def test_the_code_step_sends_a_fully_logged_in_user_on(client: Client, world: World) -> None:
    client.force_login(world.owner)

    assert client.get(reverse("mfa:verify"))["Location"] == reverse("home")


# --- required by the setting -----------------------------------------------------------------


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("persona", ["owner", "team_lead", "worker", "auditor", "admin"])
def test_required_sends_a_professional_without_app_to_setup_and_nowhere_else(
    world: World, persona: str
) -> None:
    user = getattr(world, persona)
    client = password_login(user)

    for url in (case_url(world), reverse("home"), reverse("audit:log"), reverse("admin:index")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("mfa:setup")), url
    assert client.get(reverse("mfa:setup")).status_code == 200
    # Logging out stays possible.
    assert client.post(reverse("logout")).status_code == 302


@pytest.mark.usefixtures("required")
def test_required_is_satisfied_by_setting_up_the_app(world: World) -> None:
    client = password_login(world.owner)
    client.get(reverse("mfa:setup"))
    device = TOTPDevice.objects.get(user=world.owner)

    client.post(reverse("mfa:setup"), {"code": code_for(device)})

    assert client.get(case_url(world)).status_code == 200


@pytest.mark.usefixtures("required")
def test_required_does_not_force_family_accounts(world: World) -> None:
    client = password_login(world.parent)

    response = client.get(reverse("portal:home"))

    assert response.status_code == 200


def test_the_demo_is_never_forced(world: World, settings: Any) -> None:
    settings.REQUIRE_2FA = True
    settings.DEMO_MODE = True
    client = password_login(world.owner)

    assert client.get(case_url(world)).status_code == 200


def test_it_is_not_required_by_default_in_tests(world: World) -> None:
    client = password_login(world.owner)

    assert client.get(case_url(world)).status_code == 200


# --- status, new codes, turning it off -------------------------------------------------------


def _verified_client(user: Any) -> tuple[Client, TOTPDevice]:
    device = with_app(user)
    client = password_login(user)
    client.post(reverse("mfa:verify"), {"code": code_for(device)})
    return client, device


def test_new_recovery_codes_replace_the_old_ones(world: World) -> None:
    client, _device = _verified_client(world.owner)

    response = client.post(reverse("mfa:new_codes"))

    assert response["Location"] == reverse("mfa:recovery_codes")
    tokens = StaticToken.objects.filter(device__user=world.owner)
    assert tokens.count() == mfa.RECOVERY_CODE_COUNT
    assert not tokens.filter(token="abcd2efg").exists()
    assert client.get(case_url(world)).status_code == 200


def test_turning_it_off_asks_the_password(world: World) -> None:
    client, _device = _verified_client(world.owner)

    refused = client.post(reverse("mfa:turn_off"), {"secret": "not-my-password"})
    assert "klopt niet" in refused.content.decode()
    assert mfa.has_two_factor(world.owner)

    response = client.post(reverse("mfa:turn_off"), {"secret": "pw-owner"})

    assert response["Location"] == reverse("mfa:status")
    assert not mfa.has_two_factor(world.owner)
    assert not StaticDevice.objects.filter(user=world.owner).exists()
    assert client.get(case_url(world)).status_code == 200
    assert password_login(world.owner).get(case_url(world)).status_code == 200


@pytest.mark.usefixtures("required")
def test_turning_it_off_is_refused_when_required(world: World) -> None:
    client, _device = _verified_client(world.owner)

    response = client.post(reverse("mfa:turn_off"), {"secret": "pw-owner"})

    assert response.status_code == 403
    assert mfa.has_two_factor(world.owner)
    assert "verplicht" in client.get(reverse("mfa:status")).content.decode()


# --- the lock-out after wrong passwords ------------------------------------------------------


def test_a_password_flood_from_one_address_does_not_lock_the_user_out_elsewhere(
    world: World, settings: Any
) -> None:
    settings.AXES_ENABLED = True
    office = Client(REMOTE_ADDR="192.0.2.10")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        office.post(LOGIN, {"username": "owner", "password": "wrong"}, REMOTE_ADDR="192.0.2.10")

    locked = office.post(
        LOGIN, {"username": "owner", "password": "pw-owner"}, REMOTE_ADDR="192.0.2.10"
    )
    assert "_auth_user_id" not in office.session
    assert locked.status_code in (403, 429) or "te vaak" in locked.content.decode()

    # The real user, on a second device on another address, still gets in.
    phone = Client(REMOTE_ADDR="198.51.100.7")
    response = phone.post(
        LOGIN, {"username": "owner", "password": "pw-owner"}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 302
    assert "_auth_user_id" in phone.session

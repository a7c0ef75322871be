"""Two-factor login: a code from an authenticator app (TOTP), with recovery codes (django-otp).

The password step is the ordinary login (`LoginView`; django-axes counts wrong passwords). When
it succeeds, the session notes what it still owes (`SESSION_KEY`): a code (`Step.VERIFY`, the
user has an app) or setting one up (`Step.SETUP`, required for this user and none yet).
`middleware.SecondFactorMiddleware` lets such a session reach only the pages that settle it.
A session is fully logged in when django-otp's `otp_login` marked it verified
(`request.user.is_verified()`), or when it owes nothing.
"""

from __future__ import annotations

import enum
import re
from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenopweg.accounts.roles import active_roles
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record

SESSION_KEY = "sow_2fa"
# New recovery codes wait here until the page that shows them once has read them.
NEW_CODES_SESSION_KEY = "sow_2fa_new_codes"
RECOVERY_CODE_COUNT = 10
AUDIT_TYPE = "accounts.two_factor"


class Step(enum.StrEnum):
    """What a logged-in session still owes before it is fully logged in."""

    NONE = "none"
    VERIFY = "verify"
    SETUP = "setup"


class Outcome(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    # Too many wrong codes in a row: django-otp's throttle (1, 2, 4, 8 … seconds) holds it.
    WAIT = "wait"


# --- who needs what --------------------------------------------------------------------------


def must_use_two_factor(user: Any) -> bool:
    """Professionals, admins and auditors (any membership, or staff); not family or network."""
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    return bool(active_roles(user))


def is_required_for(user: Any) -> bool:
    """Whether this user must have a second factor: by setting, never in the demo."""
    return bool(settings.REQUIRE_2FA and not settings.DEMO_MODE and must_use_two_factor(user))


def app_device(user: Any) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_two_factor(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def step_after_password(user: Any) -> Step:
    if has_two_factor(user):
        return Step.VERIFY
    if is_required_for(user):
        return Step.SETUP
    return Step.NONE


def note_password_login(request: HttpRequest, user: Any) -> None:
    """Called when the password step succeeded (the `user_logged_in` signal)."""
    request.session[SESSION_KEY] = step_after_password(user).value


def pending_step(request: HttpRequest) -> Step:
    """What this session still owes; a session from before this check is asked once."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return Step.NONE
    raw = request.session.get(SESSION_KEY)
    if raw is None:
        step = step_after_password(user)
        request.session[SESSION_KEY] = step.value
    else:
        step = Step(raw)
    if step is not Step.NONE and _is_verified(request):
        return Step.NONE
    return step


def _is_verified(request: HttpRequest) -> bool:
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


def _finish(request: HttpRequest, device: TOTPDevice | StaticDevice) -> None:
    """The second factor is settled: the session is fully logged in, under a new key."""
    otp_login(request, device)
    request.session[SESSION_KEY] = Step.NONE.value
    request.session.cycle_key()


# --- checking a code -------------------------------------------------------------------------


def _check(device: TOTPDevice | StaticDevice, token: str) -> Outcome:
    """One try against a row locked by the caller, so two tries at once count twice."""
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        return Outcome.WAIT
    return Outcome.OK if device.verify_token(token) else Outcome.WRONG


def _record_try(request: HttpRequest, user: Any, outcome: Outcome, factor: str) -> None:
    if outcome is Outcome.OK:
        record(
            actor=user,
            action=AuditAction.LOGIN,
            object_type="accounts.user",
            object_id=user.pk or "",
            request=request,
            detail={"second_factor": factor},
        )
    else:
        record(
            actor=None,
            action=AuditAction.LOGIN_FAILED,
            object_type="accounts.user",
            object_id=user.pk or "",
            request=request,
            detail={
                "username": user.get_username(),
                "second_factor": factor,
                "throttled": outcome is Outcome.WAIT,
            },
        )


def verify_app_code(*, request: HttpRequest, code: str) -> Outcome:
    """The second step with the code from the app."""
    user = request.user
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=True)
            .order_by("pk")
            .first()
        )
        outcome = Outcome.WRONG if device is None else _check(device, code)
        _record_try(request, user, outcome, "totp")
    if outcome is Outcome.OK and device is not None:
        _finish(request, device)
    return outcome


def normalise_recovery_code(value: str) -> str:
    return re.sub(r"[\s-]", "", value).lower()


def use_recovery_code(*, request: HttpRequest, code: str) -> Outcome:
    """The second step with a recovery code: each code works once (django-otp deletes it)."""
    user = request.user
    with transaction.atomic():
        device = (
            StaticDevice.objects.select_for_update()
            .filter(user=user, confirmed=True)
            .order_by("pk")
            .first()
        )
        if device is None or not has_two_factor(user):
            outcome = Outcome.WRONG
        else:
            outcome = _check(device, normalise_recovery_code(code))
        _record_try(request, user, outcome, "recovery_code")
    if outcome is Outcome.OK and device is not None:
        _finish(request, device)
    return outcome


# --- setting up, new recovery codes, turning it off ------------------------------------------


def device_in_setup(user: Any) -> TOTPDevice:
    """The app being set up: made once and kept until confirmed, so reloading shows the same QR."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    return device


def _replace_recovery_codes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirm_setup(*, request: HttpRequest, code: str) -> tuple[Outcome, list[str]]:
    """Turn the app on when its first code is right; gives the new recovery codes."""
    user = request.user
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            return Outcome.WRONG, []
        outcome = _check(device, code)
        if outcome is not Outcome.OK:
            return outcome, []
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _replace_recovery_codes(user)
        record(
            actor=user,
            action=AuditAction.UPDATE,
            object_type=AUDIT_TYPE,
            object_id=user.pk or "",
            request=request,
            detail={"two_factor": "on"},
        )
    _finish(request, device)
    return outcome, codes


def new_recovery_codes(*, request: HttpRequest) -> list[str]:
    """Fresh recovery codes; the old ones stop working."""
    user = request.user
    with transaction.atomic():
        codes = _replace_recovery_codes(user)
        record(
            actor=user,
            action=AuditAction.UPDATE,
            object_type=AUDIT_TYPE,
            object_id=user.pk or "",
            request=request,
            detail={"recovery_codes": "new"},
        )
    # The session was verified by a recovery code that is now gone: keep it verified by the app.
    device = app_device(user)
    if device is not None:
        otp_login(request, device)
    return codes


def check_password_or_code(*, user: Any, value: str) -> Outcome:
    """Before turning two-factor login off: the account's password or a code from the app."""
    if value and user.check_password(value):
        return Outcome.OK
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=True)
            .order_by("pk")
            .first()
        )
        if device is None:
            return Outcome.WRONG
        return _check(device, re.sub(r"\s", "", value))


def turn_off(*, request: HttpRequest) -> None:
    """Remove the app and the recovery codes (the view refuses it when it is required)."""
    user = request.user
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        record(
            actor=user,
            action=AuditAction.UPDATE,
            object_type=AUDIT_TYPE,
            object_id=user.pk or "",
            request=request,
            detail={"two_factor": "off"},
        )
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session[SESSION_KEY] = Step.NONE.value


# --- showing the secret ----------------------------------------------------------------------


def secret_for_typing(device: TOTPDevice) -> str:
    """The key as an app expects it typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice, title: str) -> SafeString:
    """The setup link as an inline SVG QR code: no style attributes (the CSP allows none)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", title=str(title), svgclass="qr"
    )
    # segno writes presentation attributes (fill, stroke), never style=; refuse if that changes.
    if "style" in svg:
        raise ValueError("The QR code's SVG has a style attribute.")
    return mark_safe(svg)  # segno's own markup; it escapes the title

"""Logins, logouts and failed logins go to the audit trail."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from samenopweg.accounts.mfa import note_password_login
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record


def _record_user(user: Any, action: str, request: Any) -> None:
    record(
        actor=user,
        action=action,
        object_type="accounts.user",
        object_id=user.pk,
        request=request,
    )


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record_user(user, AuditAction.LOGIN, request)
    if request is not None and hasattr(request, "session"):
        # The password is right; whether a second factor is still due is noted in the session.
        note_password_login(request, user)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        _record_user(user, AuditAction.LOGOUT, request)


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        object_type="accounts.user",
        request=request,
        detail={"username": str(credentials.get("username", ""))[:150]},
    )

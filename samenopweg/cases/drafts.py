"""Autosaved drafts of long texts, and getting back what was typed before a time-out."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import items
from samenopweg.cases.models import Draft, Trajectory
from samenopweg.core.middleware import pop_pending_form

_NOT_KEPT = {"csrfmiddlewaretoken", "_autosave"}


def _as_querydict(data: dict[str, list[str]]) -> QueryDict:
    qd = QueryDict(mutable=True)
    for key, values in data.items():
        qd.setlist(key, list(values))
    return qd


@transaction.atomic
def save_draft(*, request: HttpRequest, trajectory: Trajectory | None) -> Draft:
    """Keep the posted fields as this user's draft of this page (none on a closed trajectory)."""
    if trajectory is not None:
        items.refuse_closed(trajectory)
    data = {k: request.POST.getlist(k) for k in request.POST if k not in _NOT_KEPT}
    version = request.POST.get("version", "")
    draft, _created = Draft.objects.update_or_create(
        user_id=request.user.pk or 0,
        trajectory=trajectory,
        key=request.path,
        defaults={"data": data, "base_version": int(version) if version.isdigit() else None},
    )
    record(
        actor=request.user,
        action=AuditAction.UPDATE,
        obj=draft,
        trajectory=trajectory,
        request=request,
        detail={"autosave": True},
    )
    return draft


def discard_draft(*, request: HttpRequest, trajectory: Trajectory | None) -> None:
    Draft.objects.filter(
        user_id=request.user.pk or 0, trajectory=trajectory, key=request.path
    ).delete()


def restored_form_data(
    request: HttpRequest, *, trajectory: Trajectory | None
) -> tuple[QueryDict | None, str]:
    """Data to put back in a form shown by GET, with a notice saying where it came from.

    First what a post carried when the session had expired; else the autosaved draft.
    """
    pending = pop_pending_form(request)
    if pending:
        return _as_querydict(pending), _(
            "Je sessie was verlopen. We hebben bewaard wat je typte: kijk het na en bewaar opnieuw."
        )
    draft = Draft.objects.filter(
        user_id=request.user.pk or 0, trajectory=trajectory, key=request.path
    ).first()
    if draft is not None:
        return _as_querydict(draft.data), _(
            "We hebben je concept van %(when)s teruggezet. Kijk het na en bewaar."
        ) % {"when": _local(draft.updated_at)}
    return None, ""


def _local(value: Any) -> str:
    from django.utils import timezone
    from django.utils.formats import date_format

    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")

"""Autosaved drafts of long texts, and getting back what was typed before a time-out."""

from __future__ import annotations

import logging
import re
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, QueryDict
from django.urls import Resolver404, resolve
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import items
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.cases.models import Draft, Trajectory
from samenopweg.core.middleware import (
    NOT_KEPT,
    PENDING_KEY,
    note_form_saved,
    take_pending_forms,
)

logger = logging.getLogger("samenopweg.drafts")

# A second text of the same form (two tabs sent after a time-out) is kept under the page's key
# with "#2", "#3", ...; the page offers it with ?concept=2 and that form saves it as its own.
OTHER = "concept"


def _as_querydict(data: dict[str, list[str]]) -> QueryDict:
    qd = QueryDict(mutable=True)
    for key, values in data.items():
        qd.setlist(key, list(values))
    return qd


KEY_MAX: int = Draft._meta.get_field("key").max_length or 0  # type: ignore[union-attr]
_OTHER_NUMBER = re.compile(r"[2-9]|[1-9][0-9]")


def other_number(request: HttpRequest) -> str:
    """Which other text of this page a request is about ("" for the page's own draft): from
    ?concept=N, or the form's hidden `_concept` (a form whose action drops the query)."""
    other = request.GET.get(OTHER, "") or request.POST.get("_concept", "")
    return other if _OTHER_NUMBER.fullmatch(other) else ""


def _base_version(data: dict[str, list[str]]) -> int | None:
    """The version of the item the form was read at, as the draft remembers it."""
    version = (data.get("version") or [""])[0]
    return int(version) if version.isdigit() else None


def draft_key(request: HttpRequest) -> str:
    """The key of this page's draft: its path, or the path with "#n" for its n-th other text."""
    other = other_number(request)
    return f"{request.path}#{other}" if other else request.path


@transaction.atomic
def save_draft(*, request: HttpRequest, trajectory: Trajectory | None) -> Draft:
    """Keep the posted fields as this user's draft of this page (none on a closed trajectory)."""
    if trajectory is not None:
        items.refuse_closed(trajectory)
    data = {k: request.POST.getlist(k) for k in request.POST if k not in NOT_KEPT}
    draft, _created = Draft.objects.update_or_create(
        user_id=request.user.pk or 0,
        trajectory=trajectory,
        key=draft_key(request),
        defaults={
            "data": data,
            "base_version": _base_version(data),
            "after_time_out": False,
        },
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
    key = draft_key(request)
    for draft in Draft.objects.filter(user_id=request.user.pk or 0, trajectory=trajectory, key=key):
        record(
            actor=request.user,
            action=AuditAction.WITHDRAW,
            obj=draft,
            trajectory=trajectory,
            request=request,
            detail={"draft_discarded": key},
        )
        draft.delete()
    # The next page tells the browser it may forget its own copy (static/js/autosave.js).
    other = other_number(request)
    note_form_saved(request, f"{request.path}?{OTHER}={other}" if other else request.path)


def _trajectory_of(path: str, user: Any) -> tuple[bool, Trajectory | None]:
    """Whether a kept form of `path` may become this user's draft, and its trajectory."""
    try:
        match = resolve(path)
    except Resolver404:
        return False, None
    reference = match.kwargs.get("reference")
    if reference is None:
        return True, None
    try:
        trajectory = get_trajectory_for_user(user, reference).trajectory
    except Http404:
        return False, None  # no longer theirs: the text is not kept against the access rule
    # Also on a closed trajectory: the text stays with its page, to be saved once it reopens.
    return True, trajectory


def _free_key(user: Any, trajectory: Trajectory | None, path: str) -> str:
    """The next "#n" key of this page that no draft of this user has yet."""
    keys = Draft.objects.filter(
        user=user, trajectory=trajectory, key__startswith=f"{path}#"
    ).values_list("key", flat=True)
    numbers = [int(n) for n in (k.rpartition("#")[2] for k in keys) if n.isdigit()]
    return f"{path}#{max(numbers, default=1) + 1}"


def _keep_one(user: Any, kept: dict[str, Any], request: HttpRequest, made: set[int]) -> None:
    """One form sent after the time-out as a draft of its page. A draft already there is never
    overwritten: the newer of the two is the page's draft, the other moves aside as "#n"."""
    path = kept["path"]
    allowed, trajectory = _trajectory_of(path, user)
    if not allowed:
        return
    existing = Draft.objects.filter(user=user, trajectory=trajectory, key=path).first()
    if existing is not None and existing.data == kept["data"]:
        return
    key = path
    if existing is not None:
        sent_at = parse_datetime(kept.get("at") or "")
        # A draft made from an earlier form of this same login is older (they come in order).
        if existing.pk not in made and sent_at is not None and existing.updated_at > sent_at:
            key = _free_key(user, trajectory, path)  # typed elsewhere later: that one stays
        else:
            aside = _free_key(user, trajectory, path)
            Draft.objects.filter(pk=existing.pk).update(key=aside)
            record(
                actor=user,
                action=AuditAction.UPDATE,
                obj=existing,
                trajectory=trajectory,
                request=request,
                detail={"draft_moved": path, "to": aside},
            )
    if len(key) > KEY_MAX:
        return
    draft = Draft.objects.create(
        user=user,
        trajectory=trajectory,
        key=key,
        data=kept["data"],
        base_version=_base_version(kept["data"]),
        after_time_out=True,
    )
    made.add(draft.pk)
    record(
        actor=user,
        action=AuditAction.CREATE,
        obj=draft,
        trajectory=trajectory,
        request=request,
        detail={"after_time_out": True, "sent_at": kept.get("at", "")},
    )


def keep_forms_sent_after_time_out(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    """At login (the user_logged_in signal): every form this user sent after the session had
    timed out becomes a server draft of its page at once, so it survives closing the browser
    and opening the page twice (issue 11, points 2 and 3). Two texts of the same page are both
    kept: the newer one as the page's draft, the other as one of its other texts.

    A failure here never stops the login: the forms go back into the session (shown again at
    the next login) and the error is logged.
    """
    if request is None or user is None or not hasattr(request, "session"):
        return
    pending = take_pending_forms(request, user)
    if not pending:
        return
    try:
        with transaction.atomic():
            made: set[int] = set()
            for kept in pending:  # oldest first: a later text of a page moves an earlier aside
                _keep_one(user, kept, request, made)
    except DatabaseError:
        logger.exception("forms sent after a time-out could not become drafts; kept in session")
        request.session[PENDING_KEY] = pending


def restored_form_data(
    request: HttpRequest, *, trajectory: Trajectory | None
) -> tuple[QueryDict | None, str]:
    """Data to put back in a form shown by GET, with a notice saying where it came from: this
    page's draft (autosaved, or sent after a time-out and kept at the login). One query, which
    also finds the page's other texts (`request.other_drafts`, offered by the notice)."""
    key = draft_key(request)
    drafts = list(
        Draft.objects.filter(user_id=request.user.pk or 0, trajectory=trajectory)
        .filter(Q(key=request.path) | Q(key__startswith=f"{request.path}#"))
        .order_by("key")
    )
    draft = next((d for d in drafts if d.key == key), None)
    others = [
        {"number": d.key.rpartition("#")[2] if "#" in d.key else "1", "when": _local(d.updated_at)}
        for d in drafts
        if d is not draft
    ]
    others.sort(key=lambda o: int(o["number"]) if o["number"].isdigit() else 0)
    request.other_drafts = others  # type: ignore[attr-defined]
    if draft is None:
        return None, ""
    request.draft_at = draft.updated_at.isoformat()  # type: ignore[attr-defined]
    if draft.after_time_out:
        return _as_querydict(draft.data), _(
            "Je sessie was verlopen. We hebben bewaard wat je typte om %(when)s: kijk het na en "
            "bewaar opnieuw."
        ) % {"when": _local(draft.updated_at)}
    return _as_querydict(draft.data), _(
        "We hebben je concept van %(when)s teruggezet. Kijk het na en bewaar."
    ) % {"when": _local(draft.updated_at)}


def _local(value: Any) -> str:
    from django.utils import timezone
    from django.utils.formats import date_format

    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")

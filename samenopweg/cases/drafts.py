"""Autosaved drafts of long texts, and getting back what was typed before a time-out."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, QueryDict
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import items
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.cases.models import Draft, Trajectory
from samenopweg.core.middleware import NOT_KEPT, note_form_saved, take_pending_forms

# A second text of the same form (two tabs sent after a time-out) is kept under the page's key
# with "#2", "#3", ...; the page offers it with ?concept=2 and that form saves it as its own.
OTHER = "concept"


def _as_querydict(data: dict[str, list[str]]) -> QueryDict:
    qd = QueryDict(mutable=True)
    for key, values in data.items():
        qd.setlist(key, list(values))
    return qd


def draft_key(request: HttpRequest) -> str:
    """The key of this page's draft: its path, or the path with "#n" for its n-th other text."""
    other = request.GET.get(OTHER, "")
    return f"{request.path}#{other}" if other.isdigit() and other != "1" else request.path


@transaction.atomic
def save_draft(*, request: HttpRequest, trajectory: Trajectory | None) -> Draft:
    """Keep the posted fields as this user's draft of this page (none on a closed trajectory)."""
    if trajectory is not None:
        items.refuse_closed(trajectory)
    data = {k: request.POST.getlist(k) for k in request.POST if k not in NOT_KEPT}
    version = request.POST.get("version", "")
    draft, _created = Draft.objects.update_or_create(
        user_id=request.user.pk or 0,
        trajectory=trajectory,
        key=draft_key(request),
        defaults={
            "data": data,
            "base_version": int(version) if version.isdigit() else None,
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
    Draft.objects.filter(user_id=request.user.pk or 0, trajectory=trajectory, key=key).delete()
    # The next page tells the browser it may forget its own copy (static/js/autosave.js).
    note_form_saved(request)


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


def keep_forms_sent_after_time_out(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    """At login (the user_logged_in signal): every form this user sent after the session had
    timed out becomes a server draft of its page at once, so it survives closing the browser
    and opening the page twice (issue 11, points 2 and 3). Two texts of the same page are both
    kept: the last one as the page's draft, the earlier ones as its other texts."""
    if request is None or user is None or not hasattr(request, "session"):
        return
    pending = take_pending_forms(request, user)
    with transaction.atomic():
        taken: dict[str, int] = {}
        for kept in pending:
            allowed, trajectory = _trajectory_of(kept["path"], user)
            if not allowed:
                continue
            seen = taken.get(kept["path"], 0)
            taken[kept["path"]] = seen + 1
            if seen:
                # The one kept before moves aside; this later one becomes the page's draft.
                Draft.objects.filter(user=user, trajectory=trajectory, key=kept["path"]).update(
                    key=f"{kept['path']}#{seen + 1}"
                )
            version = (kept["data"].get("version") or [""])[0]
            draft, _created = Draft.objects.update_or_create(
                user=user,
                trajectory=trajectory,
                key=kept["path"],
                defaults={
                    "data": kept["data"],
                    "base_version": int(version) if version.isdigit() else None,
                    "after_time_out": True,
                },
            )
            record(
                actor=user,
                action=AuditAction.UPDATE,
                obj=draft,
                trajectory=trajectory,
                request=request,
                detail={"after_time_out": True, "sent_at": kept.get("at", "")},
            )


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
    request.other_drafts = [  # type: ignore[attr-defined]
        {"number": d.key.rpartition("#")[2] if "#" in d.key else "1", "when": _local(d.updated_at)}
        for d in drafts
        if d is not draft
    ]
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

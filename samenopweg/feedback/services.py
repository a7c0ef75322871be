"""Writes on expectations, the cadence, feedback rounds and their signals.

The kernel (cases.items) does the shared part of each write: the closed-file refusal, the
version check and the audit row, in one transaction.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.cases import items
from samenopweg.cases.models import CaseGrant, CaseRole, Trajectory
from samenopweg.core.models import Audience
from samenopweg.feedback import selectors
from samenopweg.feedback.models import (
    LOW_SCORE,
    NOTABLE_DROP,
    PERSON_VERSIONS,
    SCORE_FIELDS,
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    SignalReason,
    VersionKind,
)
from samenopweg.people.models import Person

EXPECTATION_FIELDS = ("party", "child", "expects", "offers", "written_on", "audience")
# Who answers the two professional versions: a current grant in this role on the case.
_PROFESSIONAL_ROLE = {
    VersionKind.CONSULTANT_ABOUT_WORKER: CaseRole.CONSULENT,
    VersionKind.WORKER_ABOUT_CONSULTANT: CaseRole.HULPVERLENER,
}


# --- expectations ---------------------------------------------------------------------------


def add_expectation(
    *,
    trajectory: Trajectory,
    party: str,
    expects: str,
    offers: str = "",
    child: Person | None = None,
    written_on: datetime.date | None = None,
    audience: int = Audience.PROFESSIONALS,
    actor: Any,
    request: HttpRequest | None = None,
) -> Expectation:
    expectation = Expectation(
        trajectory=trajectory,
        party=party,
        child=child,
        expects=expects.strip(),
        offers=offers.strip(),
        written_on=written_on or timezone.localdate(),
        audience=audience,
    )
    return items.create(item=expectation, actor=actor, request=request)


def update_expectation(
    *,
    expectation: Expectation,
    expected_version: int,
    party: str,
    expects: str,
    offers: str,
    written_on: datetime.date,
    audience: int,
    child: Person | None = None,
    actor: Any,
    request: HttpRequest | None = None,
) -> Expectation:
    """A revisit (at a review, say) is an edit: the version number shows it changed."""
    fields = {
        "party": party,
        "child": child,
        "expects": expects.strip(),
        "offers": offers.strip(),
        "written_on": written_on,
        "audience": audience,
    }
    if items.is_unchanged(expectation, expected_version=expected_version, fields=fields):
        return expectation
    return items.update(
        item=expectation,
        expected_version=expected_version,
        fields=fields,
        actor=actor,
        request=request,
    )


def withdraw_expectation(
    *, expectation: Expectation, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    items.withdraw(item=expectation, reason=reason, actor=actor, request=request)


# --- the cadence ----------------------------------------------------------------------------


def set_cadence(
    *,
    trajectory: Trajectory,
    every_weeks: int,
    expected_version: int | None = None,
    actor: Any,
    request: HttpRequest | None = None,
) -> FeedbackCadence:
    """Every how many weeks a round is due. The first setting makes the row; later ones edit it
    (`expected_version`: the version the form was read at, None when there was no row yet)."""
    return items.set_one_per_trajectory(
        model=FeedbackCadence,
        trajectory=trajectory,
        fields={"every_weeks": every_weeks},
        expected_version=expected_version,
        actor=actor,
        request=request,
    )


# --- rounds and signals ---------------------------------------------------------------------


def _check_respondent(
    trajectory: Trajectory,
    version_kind: str,
    respondent: Person | None,
    respondent_user: Any,
) -> None:
    """A parent of the trajectory (selectors.PARENT_RELATIONS) or a child of it answers the
    family's versions, never someone under a contact ban with a child of the trajectory (the
    rule is selectors.respondents, which the form offers); a professional with a current grant
    in the right role answers the others."""
    if version_kind in PERSON_VERSIONS:
        if respondent_user is not None:
            raise ValidationError({"respondent": _("Kies één persoon die antwoordt.")})
        if respondent is None:
            raise ValidationError({"respondent": _("Kies wie antwoordt.")})
        if selectors.respondents(trajectory, version_kind).filter(pk=respondent.pk).exists():
            return
        banned = (
            respondent.trajectory_id == trajectory.pk
            and selectors.under_contact_ban(trajectory).filter(person=respondent).exists()
        )
        if banned:
            message = _(
                "%(name)s heeft een contactverbod met een kind van dit traject en kan deze "
                "vragen niet beantwoorden."
            ) % {"name": respondent.first_name}
        elif version_kind == VersionKind.CHILD:
            message = _("Kies een kind van dit traject.")
        else:
            message = _("Kies een ouder van dit traject, of iemand die voor het kind zorgt.")
        raise ValidationError({"respondent": message})
    role = _PROFESSIONAL_ROLE.get(version_kind)  # type: ignore[call-overload]
    if role is None:
        raise ValidationError({"version_kind": _("Kies een versie van de vragen.")})
    if respondent is not None:
        raise ValidationError({"respondent_user": _("Kies één professional die antwoordt.")})
    if respondent_user is None:
        raise ValidationError({"respondent_user": _("Kies wie antwoordt.")})
    on_case = (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, user=respondent_user, role=role)
        .exists()
    )
    if not on_case:
        message = (
            _("Kies de consulent van dit traject.")
            if role == CaseRole.CONSULENT
            else _("Kies een hulpverlener van dit traject.")
        )
        raise ValidationError({"respondent_user": message})


def _previous_round(made: FeedbackRound) -> FeedbackRound | None:
    """The same respondent's round of the same version just before `made` (not withdrawn): the
    latest by (held_on, id) below `made`'s, so an earlier round the same day comes first."""
    return (
        FeedbackRound.objects.filter(
            trajectory=made.trajectory,
            version_kind=made.version_kind,
            respondent=made.respondent,
            respondent_user=made.respondent_user,
            withdrawn_at__isnull=True,
        )
        .filter(Q(held_on__lt=made.held_on) | Q(held_on=made.held_on, id__lt=made.pk))
        .order_by("-held_on", "-id")
        .first()
    )


def _signal_for(made: FeedbackRound) -> FeedbackSignal | None:
    """A signal when a score is LOW_SCORE or less, or fell by NOTABLE_DROP or more; one per round,
    its detail names every line."""
    previous = _previous_round(made)
    low, drops = [], []
    for n, name in enumerate(SCORE_FIELDS, start=1):
        now = getattr(made, name)
        before = getattr(previous, name) if previous is not None else None
        if now <= LOW_SCORE:
            low.append(_("vraag %(n)d: %(now)d") % {"n": n, "now": now})
        elif before is not None and before - now >= NOTABLE_DROP:
            drops.append(
                _("vraag %(n)d: van %(before)d naar %(now)d")
                % {"n": n, "before": before, "now": now}
            )
    if not low and not drops:
        return None
    return FeedbackSignal(
        trajectory=made.trajectory,
        round=made,
        reason=SignalReason.LOW if low else SignalReason.DROP,
        detail="; ".join(low + drops)[:300],
    )


@transaction.atomic
def record_round(
    *,
    trajectory: Trajectory,
    version_kind: str,
    held_on: datetime.date,
    how: str,
    score_1: int,
    score_2: int,
    score_3: int,
    score_4: int,
    open_answer: str = "",
    respondent: Person | None = None,
    respondent_user: Any = None,
    audience: int = Audience.PROFESSIONALS,
    actor: Any,
    request: HttpRequest | None = None,
) -> FeedbackRound:
    """One respondent's answers; a low or falling score raises its signal in the same
    transaction."""
    items.refuse_closed(trajectory)
    _check_respondent(trajectory, version_kind, respondent, respondent_user)
    made = items.create(
        item=FeedbackRound(
            trajectory=trajectory,
            version_kind=version_kind,
            held_on=held_on,
            how=how,
            respondent=respondent,
            respondent_user=respondent_user,
            score_1=score_1,
            score_2=score_2,
            score_3=score_3,
            score_4=score_4,
            open_answer=open_answer.strip(),
            audience=audience,
        ),
        actor=actor,
        request=request,
    )
    signal = _signal_for(made)
    if signal is not None:
        items.create(item=signal, actor=actor, request=request)
    return made


@transaction.atomic
def withdraw_round(
    *,
    feedback_round: FeedbackRound,
    reason: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> None:
    """Withdraw a round; its open signal is closed with it. A round whose loop was closed stays:
    the family may have read what we did about it."""
    signal = FeedbackSignal.objects.filter(round=feedback_round).first()
    if signal is not None and not signal.is_open:
        raise ValidationError(
            {"reason": _("Over deze ronde is de lus al gesloten. Ze kan niet meer weg.")}
        )
    if not items.withdraw(item=feedback_round, reason=reason, actor=actor, request=request):
        return
    if signal is not None:
        items.update(
            item=signal,
            expected_version=signal.version,
            fields={
                "closed_at": timezone.now(),
                "closed_by": actor,
                "we_did": _("De ronde is ingetrokken."),
            },
            actor=actor,
            request=request,
        )


def close_signal(
    *,
    signal: FeedbackSignal,
    expected_version: int,
    you_said: str,
    we_did: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> FeedbackSignal:
    """Close the loop: what they said, what we did about it; shared with the family or not.

    A closed loop may be worded again: it keeps when and by whom it was closed."""
    if not we_did.strip():
        raise ValidationError({"we_did": _("Schrijf wat jullie deden.")})
    fields: dict[str, Any] = {
        "you_said": you_said.strip(),
        "we_did": we_did.strip(),
        "audience": audience,
    }
    if signal.is_open:
        fields |= {"closed_at": timezone.now(), "closed_by": actor}
    elif items.is_unchanged(signal, expected_version=expected_version, fields=fields):
        return signal
    return items.update(
        item=signal,
        expected_version=expected_version,
        fields=fields,
        actor=actor,
        request=request,
    )

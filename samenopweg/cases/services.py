"""Writes on trajectories. Each service is one transaction with its own audit rows."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Model, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenopweg.accounts import roles
from samenopweg.accounts.models import Membership, Role, Team
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import changes_between, record
from samenopweg.cases import items
from samenopweg.cases.models import (
    OCJ_FRAMEWORKS,
    SDJ_FRAMEWORKS,
    Alert,
    AlertKind,
    CaseGrant,
    CaseRole,
    Notification,
    ReferenceCounter,
    SafetyAnswer,
    SafetyCheck,
    Stage,
    StageChange,
    Trajectory,
    Urgency,
)
from samenopweg.cases.safety import next_step_due
from samenopweg.core.locking import save_versioned
from samenopweg.core.validators import PARAGRAPH_MAX, check_length

# Which stage may follow which. Closing is possible from every open stage; a closed
# trajectory only reopens with a reason.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.AANMELDING: (Stage.IN_KAART, Stage.AFGESLOTEN),
    Stage.IN_KAART: (Stage.PLAN, Stage.AANMELDING, Stage.AFGESLOTEN),
    Stage.PLAN: (Stage.OPVOLGING, Stage.IN_KAART, Stage.AFGESLOTEN),
    Stage.OPVOLGING: (Stage.AFGESLOTEN, Stage.PLAN),
    Stage.AFGESLOTEN: (Stage.IN_KAART, Stage.PLAN, Stage.OPVOLGING),
}
# What update_trajectory (the trajectory's edit page) may change.
TRAJECTORY_FIELDS = ("framework", "youth_judge_reference", "reason", "goal")
_SAFETY_SEVERITY = {SafetyAnswer.NO: 0, SafetyAnswer.UNCLEAR: 1, SafetyAnswer.YES: 2}


def allowed_transitions(stage: str) -> tuple[str, ...]:
    return TRANSITIONS.get(stage, ())


def _next_reference(team: Team, year: int) -> str:
    organisation = team.organisation
    prefix = f"{organisation.kind}-{organisation.region_code or 'VL'}".upper()
    counter, _created = ReferenceCounter.objects.get_or_create(prefix=prefix, year=year)
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db(fields=["last_number"])
    return f"{prefix}-{year}-{counter.last_number:05d}"


M = TypeVar("M", bound=Model)


def _save_new(
    row: M,
    trajectory: Trajectory,
    *,
    action: str,
    actor: Any,
    request: HttpRequest | None,
    detail: dict[str, Any] | None = None,
) -> M:
    """Save a new row of `trajectory` that is not an item of its file (the trajectory itself, a
    grant): validated, with its audit row in the same transaction."""
    row.full_clean()
    row.save()
    record(
        actor=actor, action=action, obj=row, trajectory=trajectory, request=request, detail=detail
    )
    return row


def validate_framework(organisation_kind: str, framework: str, youth_judge_reference: str) -> None:
    if organisation_kind not in ("OCJ", "SDJ"):
        # The mandate is the government's: private organisations join a case, they do not own one.
        raise ValidationError(_("Alleen een OCJ of een SDJ meldt een traject aan."))
    if organisation_kind == "OCJ" and framework not in OCJ_FRAMEWORKS:
        raise ValidationError(
            {"framework": _("Een OCJ werkt binnen verontrusting of maatschappelijke noodzaak.")}
        )
    if organisation_kind == "SDJ":
        if framework not in SDJ_FRAMEWORKS:
            raise ValidationError({"framework": _("Een SDJ werkt binnen VOS of MOF.")})
        if not youth_judge_reference.strip():
            raise ValidationError(
                {"youth_judge_reference": _("Vul de referentie van de jeugdrechter in.")}
            )


@transaction.atomic(savepoint=False)
def open_trajectory(
    *,
    team: Team,
    owner: Any,
    framework: str,
    youth_judge_reference: str,
    reason: str,
    goal: str,
    registered_on: datetime.date | None,
    actor: Any,
    request: HttpRequest | None = None,
) -> Trajectory:
    """The trajectory of an aanmelding, before its persons: checked, numbered, in the stage
    aanmelding, with the owner's consultant grant and its audit rows.

    people.registration.register_trajectory calls this inside its own transaction and adds the
    children, the adults and the first safety question (record_first_safety_checks).
    """
    validate_framework(team.organisation.kind, framework, youth_judge_reference)
    if not roles.may_carry_for_team(owner, team):
        raise ValidationError({"owner": _("Deze consulent hoort niet bij dit team.")})
    registered_on = registered_on or timezone.localdate()
    trajectory = Trajectory(
        # The year it was made in, not the registration date's: a typed 1800 or 2030 (refused
        # by the model's validators anyway) or last year's date must not number this year's file.
        reference=_next_reference(team, timezone.localdate().year),
        organisation=team.organisation,
        team=team,
        owner=owner,
        framework=framework,
        youth_judge_reference=youth_judge_reference.strip(),
        reason=reason.strip(),
        goal=goal.strip(),
        registered_on=registered_on,
        created_by=actor,
    )
    _save_new(trajectory, trajectory, action=AuditAction.CREATE, actor=actor, request=request)
    StageChange.objects.create(
        trajectory=trajectory, from_stage="", to_stage=Stage.AANMELDING, changed_by=actor
    )
    _grant(
        trajectory=trajectory,
        user=owner,
        role=CaseRole.CONSULENT,
        reason=_("Consulent van het traject"),
        actor=actor,
        request=request,
    )
    return trajectory


@transaction.atomic(savepoint=False)
def record_first_safety_checks(
    *,
    trajectory: Trajectory,
    answers: list[tuple[Any, str, str, str, str]],
    actor: Any,
    request: HttpRequest | None = None,
) -> list[SafetyCheck]:
    """The aanmelding's round of "is the child safe now?" for the children just created:
    (child, answer, basis, next step, urgency). The alert and the summary as in
    record_safety_checks, without its checks of a trajectory that already existed."""
    return _record_round(trajectory=trajectory, answers=answers, actor=actor, request=request)


def search_text_for(reference: str, names: Iterable[tuple[str, str]]) -> str:
    """What the dashboard's search matches: the reference and every first and last name."""
    words = [reference, *(f"{first} {last}" for first, last in names)]
    return " ".join(w.strip() for w in words if w.strip()).casefold()


def refresh_search_text(trajectory: Trajectory) -> None:
    """Recompute the trajectory's search column from its persons (see Trajectory.search_text)."""
    # Through the reverse relation of people.Person: cases names no model above it.
    names = trajectory.persons.order_by("id")
    trajectory.search_text = search_text_for(
        trajectory.reference, names.values_list("first_name", "last_name")
    )
    Trajectory.objects.filter(pk=trajectory.pk).update(search_text=trajectory.search_text)


def _record_round(
    *,
    trajectory: Trajectory,
    answers: list[tuple[Any, str, str, str, str]],
    actor: Any,
    request: HttpRequest | None,
) -> list[SafetyCheck]:
    """One round of the safety question for children of the trajectory, checked beforehand:
    (child, answer, basis, next step, urgency); the alert if one is not safe, the summary."""
    checks = [
        items.create(
            item=SafetyCheck(
                trajectory=trajectory,
                child=child,
                answer=answer,
                basis=basis.strip(),
                next_step=next_step.strip(),
                urgency=urgency,
                checked_by=actor,
            ),
            actor=actor,
            request=request,
            detail={"answer": answer, "urgency": urgency},
        )
        for child, answer, basis, next_step, urgency in answers
    ]
    _alert_if_unsafe(trajectory=trajectory, checks=checks, actor=actor, request=request)
    refresh_safety_summary(trajectory)
    return checks


def site_link(path: str, *, request: HttpRequest | None) -> str:
    """The full address of `path` for a mail: at SAMENOPWEG_SITE_URL (always set in production);
    in development, without it, at the address this request came in on."""
    if request is not None and settings.SITE_URL_FOLLOWS_REQUEST:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def team_leads(team: Team) -> Any:
    """The active team leads of a team, who get the acute alerts."""
    return Membership.objects.filter(
        team=team, role=Role.TEAMVERANTWOORDELIJKE, is_active=True, user__is_active=True
    ).select_related("user")


def _alert_if_unsafe(
    *, trajectory: Trajectory, checks: list[SafetyCheck], actor: Any, request: HttpRequest | None
) -> Alert | None:
    """One acute alert per round in which a child is not safe now, for the team lead(s)."""
    unsafe = [c for c in checks if c.answer == SafetyAnswer.NO]
    if not unsafe:
        return None
    alert = Alert.objects.create(
        trajectory=trajectory,
        team=trajectory.team,
        kind=AlertKind.ACUTE_UNSAFE,
        safety_check=unsafe[0],
    )
    recipients = [m.user for m in team_leads(trajectory.team)]
    if not recipients:
        # Nobody leads the team right now: the consultant of the case hears it instead.
        recipients = [trajectory.owner]
    # Mail leaves our systems: it names the trajectory and links to it, nothing more.
    # Each lead gets it in their own language.
    path = site_link(reverse("dashboard:detail", args=[trajectory.reference]), request=request)
    notifications = []
    for recipient in recipients:
        with translation.override(recipient.language or "nl-be"):
            subject = _("Acuut: kind niet veilig in %(reference)s") % {
                "reference": trajectory.reference
            }
            body = _(
                "In traject %(reference)s is bij de vraag 'is het kind nu veilig?' geantwoord: "
                "nee. Bekijk het traject en de volgende stap in Samen op weg: %(path)s"
            ) % {"reference": trajectory.reference, "path": path}
        notifications.append(
            Notification(
                recipient=recipient,
                trajectory=trajectory,
                alert=alert,
                subject=subject,
                body=body,
            )
        )
    Notification.objects.bulk_create(notifications)
    record(
        actor=actor, action=AuditAction.CREATE, obj=alert, trajectory=trajectory, request=request
    )
    return alert


def refresh_safety_summary(trajectory: Trajectory) -> None:
    """Keep the dashboard's summary: worst latest answer over the children, oldest check date."""
    latest: dict[int, SafetyCheck] = {}
    for check in SafetyCheck.objects.filter(trajectory=trajectory).order_by(
        "child_id", "-checked_at", "-id"
    ):
        latest.setdefault(check.child_id, check)
    children_ids = set(trajectory.persons.filter(is_child=True).values_list("pk", flat=True))
    if not latest:
        return
    checks = list(latest.values())
    worst = min(checks, key=lambda c: _SAFETY_SEVERITY[SafetyAnswer(c.answer)])
    unchecked_child = bool(children_ids - set(latest))
    oldest = min(c.checked_at for c in checks)
    trajectory.safety_status = worst.answer
    trajectory.safety_checked_at = oldest
    trajectory.safety_check_due_at = (
        timezone.now()
        if unchecked_child
        else oldest + datetime.timedelta(days=trajectory.team.safety_check_interval_days)
    )
    # The step due first, not the first child's of the most urgent kind: a "binnen 72 uur" asked
    # four days ago is late even when a sibling's "binnen 72 uur" was asked today.
    most_urgent = min(checks, key=lambda c: list(Urgency).index(Urgency(c.urgency)))
    dated = [(due, c) for c in checks if (due := next_step_due(c)) is not None]
    if dated:
        trajectory.next_step_due_at, first_due = min(dated, key=lambda pair: pair[0])
        trajectory.next_step_urgency = first_due.urgency
    else:
        trajectory.next_step_urgency = most_urgent.urgency
        trajectory.next_step_due_at = None
    Trajectory.objects.filter(pk=trajectory.pk).update(
        safety_status=trajectory.safety_status,
        safety_checked_at=trajectory.safety_checked_at,
        safety_check_due_at=trajectory.safety_check_due_at,
        next_step_urgency=trajectory.next_step_urgency,
        next_step_due_at=trajectory.next_step_due_at,
    )


@transaction.atomic
def record_safety_checks(
    *,
    trajectory: Trajectory,
    answers: list[tuple[Any, str, str, str, str]],  # (people.Person, ...)
    actor: Any,
    request: HttpRequest | None = None,
) -> list[SafetyCheck]:
    """A new round of "is the child safe now?": (child, answer, basis, next step, urgency)."""
    # Read the stage from the row: the instance in hand may predate a closure.
    if Trajectory.objects.filter(pk=trajectory.pk, stage=Stage.AFGESLOTEN).exists():
        raise ValidationError(_("Dit traject is afgesloten. Heropen het eerst."))
    children = [row[0] for row in answers]
    if any(child.trajectory_id != trajectory.pk or not child.is_child for child in children):
        raise ValidationError(_("Dit kind hoort niet bij dit traject."))
    return _record_round(trajectory=trajectory, answers=answers, actor=actor, request=request)


@transaction.atomic
def acknowledge_alert(*, alert: Alert, actor: Any, request: HttpRequest | None = None) -> None:
    if alert.acknowledged_at is not None:
        return
    alert.acknowledged_by = actor
    alert.acknowledged_at = timezone.now()
    alert.save(update_fields=["acknowledged_by", "acknowledged_at"])
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=alert,
        trajectory=alert.trajectory_id,
        request=request,
        detail={"acknowledged": True},
    )


@transaction.atomic
def change_stage(
    *,
    trajectory: Trajectory,
    to_stage: str,
    reason: str,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> StageChange:
    from_stage = trajectory.stage
    if to_stage not in allowed_transitions(from_stage):
        raise ValidationError(
            {
                "to_stage": _("Van %(from)s naar %(to)s gaan kan niet.")
                % {
                    "from": Stage(from_stage).label,
                    "to": Stage(to_stage).label if to_stage in Stage.values else to_stage,
                }
            }
        )
    reason = check_length(reason.strip(), PARAGRAPH_MAX, "reason")
    if (from_stage == Stage.AFGESLOTEN or to_stage == Stage.AFGESLOTEN) and not reason:
        raise ValidationError(
            {"reason": _("Geef een reden om het traject af te sluiten of te heropenen.")}
        )
    now = timezone.now()
    trajectory.stage = to_stage
    trajectory.stage_changed_at = now
    trajectory.closed_at = now if to_stage == Stage.AFGESLOTEN else None
    save_versioned(
        trajectory,
        expected_version=expected_version,
        fields=["stage", "stage_changed_at", "closed_at"],
    )
    change = StageChange.objects.create(
        trajectory=trajectory,
        from_stage=from_stage,
        to_stage=to_stage,
        reason=reason,
        changed_by=actor,
    )
    if to_stage == Stage.AFGESLOTEN:
        _end_worker_access(trajectory, now=now, actor=actor, request=request)
    elif from_stage == Stage.AFGESLOTEN:
        _lift_closure_end(trajectory, actor=actor, request=request)
    record(
        actor=actor,
        action=AuditAction.STAGE,
        obj=trajectory,
        trajectory=trajectory,
        request=request,
        detail={"from": from_stage, "to": to_stage},
    )
    return change


def _end_worker_access(
    trajectory: Trajectory, *, now: datetime.datetime, actor: Any, request: HttpRequest | None
) -> None:
    """At the closure, each worker's access ends after WORKER_ACCESS_AFTER_CLOSURE_DAYS (read
    only until then, as for the whole case team); the consultants keep theirs, read only."""
    until = now + datetime.timedelta(days=settings.WORKER_ACCESS_AFTER_CLOSURE_DAYS)
    grants = (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, role=CaseRole.HULPVERLENER)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=until))
        .select_related("user")
    )
    for grant in grants:
        grant.valid_until = until
        grant.ends_with_closure = True
        grant.ended_by = actor
        grant.save(update_fields=["valid_until", "ends_with_closure", "ended_by"])
        record(
            actor=actor,
            action=AuditAction.REVOKE,
            obj=grant,
            trajectory=trajectory,
            request=request,
            detail={
                "user": grant.user.get_username(),
                "role": grant.role,
                "until": until.isoformat(),
                "why": "closure",
            },
        )


def _lift_closure_end(trajectory: Trajectory, *, actor: Any, request: HttpRequest | None) -> None:
    """Reopened while a worker's access after the closure still runs: it runs on again. An
    access that already ended stays ended; the consultant gives it anew."""
    for grant in (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, ends_with_closure=True)
        .select_related("user")
    ):
        grant.valid_until = None
        grant.ends_with_closure = False
        grant.ended_by = None
        grant.save(update_fields=["valid_until", "ends_with_closure", "ended_by"])
        record(
            actor=actor,
            action=AuditAction.GRANT,
            obj=grant,
            trajectory=trajectory,
            request=request,
            detail={"user": grant.user.get_username(), "role": grant.role, "why": "reopened"},
        )


@transaction.atomic
def update_trajectory(
    *,
    trajectory: Trajectory,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
    **changes: Any,
) -> Trajectory:
    unknown = set(changes) - set(TRAJECTORY_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    validate_framework(
        trajectory.organisation.kind,
        changes.get("framework", trajectory.framework),
        changes.get("youth_judge_reference", trajectory.youth_judge_reference),
    )
    before = {name: getattr(trajectory, name) for name in changes}
    for name, value in changes.items():
        setattr(trajectory, name, value.strip() if isinstance(value, str) else value)
    trajectory.full_clean(exclude=["reference", "owner", "team", "organisation", "created_by"])
    save_versioned(trajectory, expected_version=expected_version, fields=list(changes))
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=trajectory,
        trajectory=trajectory,
        request=request,
        detail=changes_between(before, {k: getattr(trajectory, k) for k in changes}),
    )
    return trajectory


def _grant(
    *,
    trajectory: Trajectory,
    user: Any,
    role: str,
    reason: str,
    actor: Any,
    request: HttpRequest | None,
    person: Any = None,  # a people.Person, for family and network grants
    valid_from: datetime.datetime | None = None,
    valid_until: datetime.datetime | None = None,
) -> CaseGrant:
    grant = CaseGrant(
        trajectory=trajectory,
        user=user,
        role=role,
        person=person,
        reason=reason,
        granted_by=actor,
        valid_from=valid_from or timezone.now(),
        valid_until=valid_until,
    )
    return _save_new(
        grant,
        trajectory,
        action=AuditAction.GRANT,
        actor=actor,
        request=request,
        detail={"user": user.get_username(), "role": role},
    )


@transaction.atomic
def grant_access(
    *,
    trajectory: Trajectory,
    user: Any,
    role: str,
    reason: str,
    actor: Any,
    request: HttpRequest | None = None,
    person: Any = None,  # a people.Person, for family and network grants
    valid_from: datetime.datetime | None = None,
    valid_until: datetime.datetime | None = None,
) -> CaseGrant:
    """Give someone access to the case: professionals by role, family and network via their person.

    Only the consultant who owns the case or the team lead gives access. A consultant must work
    in the trajectory's own service; family and network accounts are linked to a person.
    """
    if not roles.may_manage_case_team(actor, trajectory):
        raise ValidationError(
            _("Alleen de consulent van het traject of de teamverantwoordelijke geeft toegang.")
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Zeg waarom deze persoon toegang krijgt.")})
    memberships = Membership.objects.filter(user=user, is_active=True)
    if role in (CaseRole.OUDER, CaseRole.JONGERE, CaseRole.NETWERK):
        if person is None or person.trajectory_id != trajectory.pk:
            raise ValidationError({"person": _("Kies wie deze persoon is in het traject.")})
        if (role == CaseRole.JONGERE) != person.is_child:
            raise ValidationError(
                {
                    "person": _(
                        "Een kind of jongere krijgt de rol 'kind of jongere'; een volwassene niet."
                    )
                }
            )
        if not roles.is_family_account(user):
            raise ValidationError(
                {
                    "user": _(
                        "Dit is een account van een professional, niet van het gezin of netwerk."
                    )
                }
            )
    elif person is not None:
        raise ValidationError({"person": _("Professionals worden niet aan een persoon gekoppeld.")})
    if role == CaseRole.HULPVERLENER and not memberships.filter(role=Role.HULPVERLENER).exists():
        raise ValidationError({"user": _("Deze gebruiker is geen hulpverlener.")})
    if (
        role == CaseRole.CONSULENT
        and not memberships.filter(
            role__in=roles.MANDATE_ROLES,
            organisation=trajectory.organisation,
        ).exists()
    ):
        raise ValidationError({"user": _("Deze gebruiker is geen consulent van deze dienst.")})
    return _grant(
        trajectory=trajectory,
        user=user,
        role=role,
        reason=reason.strip(),
        actor=actor,
        request=request,
        person=person,
        valid_from=valid_from,
        valid_until=valid_until,
    )


@transaction.atomic
def end_grant(*, grant: CaseGrant, actor: Any, request: HttpRequest | None = None) -> None:
    """End access now. The owner's own consultant grant cannot end while they own the case."""
    if not grant.is_current and grant.valid_from <= timezone.now():
        return
    trajectory = grant.trajectory
    if grant.user_id == trajectory.owner_id and grant.role == CaseRole.CONSULENT:
        raise ValidationError(_("De consulent die het traject draagt, behoudt toegang."))
    now = timezone.now()
    grant.valid_until = max(now, grant.valid_from + datetime.timedelta(microseconds=1))
    grant.ended_by = actor
    grant.save(update_fields=["valid_until", "ended_by"])
    record(
        actor=actor,
        action=AuditAction.REVOKE,
        obj=grant,
        trajectory=trajectory,
        request=request,
        detail={"user": grant.user.get_username(), "role": grant.role},
    )


@transaction.atomic
def reschedule_safety_checks(*, team: Team) -> int:
    """After a team changes its interval, recompute when the question is due for its open cases."""
    trajectories = Trajectory.objects.filter(team=team).exclude(stage=Stage.AFGESLOTEN)
    count = 0
    for trajectory in trajectories.select_related("team").iterator(chunk_size=500):
        refresh_safety_summary(trajectory)
        count += 1
    return count

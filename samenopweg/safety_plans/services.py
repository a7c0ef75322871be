"""Writes of the HOW. Each one checks its rule, saves, and leaves its audit row, in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.assessments.models import SafetyGoal
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import changes_between, record
from samenopweg.cases.models import Trajectory, Upload
from samenopweg.core.locking import EditConflict, save_versioned
from samenopweg.core.models import Audience
from samenopweg.people.models import Person
from samenopweg.safety_plans.models import (
    ALLOWED_STATUS,
    FOLLOWED_UP,
    IMMEDIATE_REVIEW_DAYS,
    PlanComment,
    PlanKind,
    PlanRule,
    PlanStatus,
    PlanVersion,
    RuleCheckIn,
    SafetyPlan,
    Story,
    StoryPage,
    StoryVersion,
)

PLAN_FIELDS = ("review_on", "safety_object", "safety_object_meaning", "audience")
RULE_FIELDS = (
    "what",
    "when",
    "check_how",
    "checked_by",
    "check_every_days",
    "fallback",
    "audience",
)


def _refuse_closed(trajectory: Trajectory) -> None:
    if trajectory.is_closed:
        raise ValidationError(_("Dit traject is afgesloten. Heropen het eerst."))


def _refuse_ended(plan: SafetyPlan) -> None:
    if plan.is_ended:
        raise ValidationError(_("Dit plan is gestopt en kan niet meer veranderen."))


def _check_review_on(kind: str, review_on: datetime.date | None) -> None:
    if kind != PlanKind.IMMEDIATE:
        return
    today = timezone.localdate()
    if review_on is None:
        raise ValidationError(
            {"review_on": _("Een directe afspraak krijgt een datum om ze opnieuw te bekijken.")}
        )
    if not today <= review_on <= today + datetime.timedelta(days=IMMEDIATE_REVIEW_DAYS):
        raise ValidationError(
            {
                "review_on": _("Kies een datum binnen de week: tussen vandaag en %(last)s.")
                % {
                    "last": (today + datetime.timedelta(days=IMMEDIATE_REVIEW_DAYS)).strftime(
                        "%d/%m/%Y"
                    )
                }
            }
        )


def _check_persons(trajectory: Trajectory, persons: Iterable[Person | None], field: str) -> None:
    if any(p is not None and p.trajectory_id != trajectory.pk for p in persons):
        raise ValidationError({field: _("Kies iemand uit dit traject.")})


def _check_goals(trajectory: Trajectory, goals: Sequence[SafetyGoal]) -> None:
    if any(g.trajectory_id != trajectory.pk or g.withdrawn_at is not None for g in goals):
        raise ValidationError({"goals": _("Kies een veiligheidsdoel van dit traject.")})


def refresh_follow_up(rule: PlanRule, *, started: datetime.date | None = None) -> None:
    """Recompute the rule's follow-up fields from its check-ins and its plan's status.

    The next check-in is due `check_every_days` after the last one, or after the plan started
    to be tried out or to run (`started`, default: the plan's last status change). Only rules
    of a plan in FOLLOWED_UP have one.
    """
    plan = rule.plan
    last = (
        rule.check_ins.order_by("-checked_on", "-id").values_list("checked_on", "outcome").first()
    )
    due = None
    if plan.status in FOLLOWED_UP and rule.withdrawn_at is None:
        start = started or timezone.localdate(plan.status_changed_at or plan.created_at)
        due = (last[0] if last else start) + datetime.timedelta(days=rule.check_every_days)
    rule.last_checked_on, rule.last_outcome = (last[0], last[1]) if last else (None, "")
    rule.next_check_due = due
    PlanRule.objects.filter(pk=rule.pk).update(
        last_checked_on=rule.last_checked_on,
        last_outcome=rule.last_outcome,
        next_check_due=due,
    )


def _changed(plan: SafetyPlan) -> None:
    """The content changed: a confirmation before now no longer counts (see is_confirmed)."""
    plan.content_changed_at = timezone.now()
    SafetyPlan.objects.filter(pk=plan.pk).update(content_changed_at=plan.content_changed_at)


def snapshot(plan: SafetyPlan) -> dict[str, Any]:
    """The plan and its current rules as plain data, for a PlanVersion."""
    rules = (
        plan.rules.filter(withdrawn_at__isnull=True)
        .prefetch_related("who", "goals")
        .select_related("checked_by")
    )
    return {
        "kind": plan.kind,
        "status": plan.status,
        "review_on": plan.review_on.isoformat() if plan.review_on else None,
        "safety_object": plan.safety_object,
        "safety_object_meaning": plan.safety_object_meaning,
        "audience": plan.audience,
        "rules": [
            {
                "id": rule.pk,
                "what": rule.what,
                "who": [p.full_name for p in rule.who.all()],
                "when": rule.when,
                "check_how": rule.check_how,
                "checked_by": rule.checked_by.full_name if rule.checked_by else "",
                "fallback": rule.fallback,
                "goals": [g.pk for g in rule.goals.all()],
                "audience": rule.audience,
            }
            for rule in rules
        ],
    }


@transaction.atomic
def create_plan(
    *,
    trajectory: Trajectory,
    kind: str,
    review_on: datetime.date | None,
    safety_object: str,
    safety_object_meaning: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> SafetyPlan:
    _refuse_closed(trajectory)
    _check_review_on(kind, review_on)
    if (
        SafetyPlan.objects.filter(trajectory=trajectory, kind=kind)
        .exclude(status=PlanStatus.ENDED)
        .exists()
    ):
        raise ValidationError(
            _("Er is al een %(kind)s die loopt. Pas die aan, of stop ze eerst.")
            % {"kind": PlanKind(kind).label.lower()}
        )
    plan = SafetyPlan(
        trajectory=trajectory,
        kind=kind,
        review_on=review_on,
        safety_object=safety_object.strip(),
        safety_object_meaning=safety_object_meaning.strip(),
        audience=audience,
        created_by=actor,
    )
    plan.full_clean()
    plan.save()
    record(actor=actor, action=AuditAction.CREATE, obj=plan, request=request)
    return plan


@transaction.atomic
def update_plan(
    *,
    plan: SafetyPlan,
    expected_version: int,
    review_on: datetime.date | None,
    safety_object: str,
    safety_object_meaning: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> SafetyPlan:
    _refuse_closed(plan.trajectory)
    _refuse_ended(plan)
    before = {name: getattr(plan, name) for name in PLAN_FIELDS}
    if review_on != plan.review_on:
        _check_review_on(plan.kind, review_on)
    plan.review_on = review_on
    plan.safety_object, plan.safety_object_meaning = (
        safety_object.strip(),
        safety_object_meaning.strip(),
    )
    plan.audience = audience
    after = {name: getattr(plan, name) for name in PLAN_FIELDS}
    if before == after:
        if plan.version != expected_version:
            raise EditConflict(SafetyPlan.objects.get(pk=plan.pk))
        return plan
    plan.full_clean()
    save_versioned(plan, expected_version=expected_version, fields=PLAN_FIELDS)
    _changed(plan)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=plan,
        request=request,
        detail={"version": plan.version, **changes_between(before, after)},
    )
    return plan


@transaction.atomic
def change_plan_status(
    *,
    plan: SafetyPlan,
    to_status: str,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> PlanVersion:
    """Move the plan a step; each step keeps the plan as it was then (a PlanVersion)."""
    _refuse_closed(plan.trajectory)
    if plan.version != expected_version:
        raise EditConflict(SafetyPlan.objects.get(pk=plan.pk))
    from_status = PlanStatus(plan.status)
    if to_status not in ALLOWED_STATUS[from_status]:
        raise ValidationError(
            _("Van ‘%(from)s’ kan je niet naar ‘%(to)s’.")
            % {"from": from_status.label, "to": dict(PlanStatus.choices).get(to_status, "?")}
        )
    if (
        to_status in (PlanStatus.TESTING, PlanStatus.ACTIVE)
        and not plan.rules.filter(withdrawn_at__isnull=True).exists()
    ):
        raise ValidationError(_("Schrijf eerst minstens één afspraak."))
    plan.status = to_status
    plan.status_changed_at = timezone.now()
    save_versioned(plan, expected_version=expected_version, fields=["status", "status_changed_at"])
    latest = plan.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = PlanVersion.objects.create(
        plan=plan, number=latest + 1, status=to_status, snapshot=snapshot(plan), made_by=actor
    )
    for rule in plan.rules.filter(withdrawn_at__isnull=True):
        refresh_follow_up(rule, started=timezone.localdate())
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=plan,
        request=request,
        detail={
            "status": {"from": from_status.value, "to": to_status},
            "plan_version": version.number,
        },
    )
    return version


def goals_without_rule(plan: SafetyPlan) -> list[SafetyGoal]:
    """Current safety goals of the trajectory that no current rule of this plan answers."""
    covered = PlanRule.objects.filter(plan=plan, withdrawn_at__isnull=True).values("goals")
    return list(
        SafetyGoal.objects.filter(
            trajectory_id=plan.trajectory_id,
            withdrawn_at__isnull=True,
            danger_statement__withdrawn_at__isnull=True,
        )
        .exclude(pk__in=covered)
        .select_related("danger_statement")
    )


@transaction.atomic
def confirm_plan(
    *,
    plan: SafetyPlan,
    seen: datetime.datetime | None,
    actor: Any,
    request: HttpRequest | None = None,
) -> SafetyPlan:
    """The consultant confirms that the plan answers every safety goal (the WHAT).

    `seen`: the plan's content_changed_at on the page the consultant read. A rule added or
    changed since is refused: nobody confirms what they have not seen.
    """
    _refuse_closed(plan.trajectory)
    _refuse_ended(plan)
    if seen is None or seen != plan.content_changed_at:
        raise ValidationError(
            _("Het plan veranderde terwijl je keek. Bekijk de afspraken opnieuw en bevestig dan.")
        )
    if not plan.rules.filter(withdrawn_at__isnull=True).exists():
        raise ValidationError(_("Er zijn nog geen afspraken om te bevestigen."))
    if plan.kind == PlanKind.LASTING and goals_without_rule(plan):
        raise ValidationError(
            _(
                "Nog niet elk veiligheidsdoel heeft een afspraak. Bevestig als elk doel beantwoord is."
            )
        )
    plan.confirmed_by, plan.confirmed_at = actor, timezone.now()
    SafetyPlan.objects.filter(pk=plan.pk).update(confirmed_by=actor, confirmed_at=plan.confirmed_at)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=plan,
        request=request,
        detail={"confirmed": True},
    )
    return plan


def _rule_values(
    rule: PlanRule, who: Sequence[Person], goals: Sequence[SafetyGoal]
) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(rule, name) for name in RULE_FIELDS}
    values["checked_by"] = rule.checked_by_id
    values["who"] = sorted(p.pk for p in who)
    values["goals"] = sorted(g.pk for g in goals)
    return values


@transaction.atomic
def add_rule(
    *,
    plan: SafetyPlan,
    what: str,
    who: Sequence[Person],
    when: str,
    check_how: str,
    checked_by: Person | None,
    check_every_days: int,
    fallback: str,
    goals: Sequence[SafetyGoal],
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> PlanRule:
    trajectory = plan.trajectory
    _refuse_closed(trajectory)
    _refuse_ended(plan)
    _check_persons(trajectory, who, "who")
    _check_persons(trajectory, [checked_by], "checked_by")
    _check_goals(trajectory, goals)
    last = plan.rules.order_by("-position").values_list("position", flat=True).first()
    rule = PlanRule(
        plan=plan,
        trajectory=trajectory,
        what=what.strip(),
        when=when.strip(),
        check_how=check_how.strip(),
        checked_by=checked_by,
        check_every_days=check_every_days,
        fallback=fallback.strip(),
        audience=audience,
        position=(last if last is not None else -1) + 1,
        created_by=actor,
    )
    rule.full_clean()
    rule.save()
    rule.who.set(who)
    rule.goals.set(goals)
    refresh_follow_up(rule)
    _changed(plan)
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=rule,
        request=request,
        detail={"goals": sorted(g.pk for g in goals)},
    )
    return rule


@transaction.atomic
def update_rule(
    *,
    rule: PlanRule,
    expected_version: int,
    what: str,
    who: Sequence[Person],
    when: str,
    check_how: str,
    checked_by: Person | None,
    check_every_days: int,
    fallback: str,
    goals: Sequence[SafetyGoal],
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> PlanRule:
    trajectory = rule.trajectory
    _refuse_closed(trajectory)
    _refuse_ended(rule.plan)
    if rule.withdrawn_at is not None:
        raise ValidationError(_("Deze afspraak is ingetrokken en kan niet meer veranderen."))
    _check_persons(trajectory, who, "who")
    _check_persons(trajectory, [checked_by], "checked_by")
    _check_goals(trajectory, goals)
    before = _rule_values(rule, list(rule.who.all()), list(rule.goals.all()))
    rule.what, rule.when = what.strip(), when.strip()
    rule.check_how, rule.fallback = check_how.strip(), fallback.strip()
    rule.checked_by, rule.check_every_days, rule.audience = checked_by, check_every_days, audience
    after = _rule_values(rule, who, goals)
    if before == after:
        if rule.version != expected_version:
            raise EditConflict(PlanRule.objects.get(pk=rule.pk))
        return rule
    rule.full_clean()
    save_versioned(rule, expected_version=expected_version, fields=RULE_FIELDS)
    rule.who.set(who)
    rule.goals.set(goals)
    refresh_follow_up(rule)
    _changed(rule.plan)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=rule,
        request=request,
        detail={"version": rule.version, **changes_between(before, after)},
    )
    return rule


@transaction.atomic
def withdraw_rule(
    *, rule: PlanRule, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """Take a rule off the plan; it stays in the file with its check-ins, never deleted."""
    _refuse_closed(rule.trajectory)
    _refuse_ended(rule.plan)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Zeg kort waarom.")})
    if rule.withdrawn_at is not None:
        return
    now = timezone.now()
    PlanRule.objects.filter(pk=rule.pk).update(
        withdrawn_at=now, withdrawn_reason=reason[:300], next_check_due=None
    )
    rule.withdrawn_at, rule.withdrawn_reason = now, reason[:300]
    _changed(rule.plan)
    record(
        actor=actor,
        action=AuditAction.WITHDRAW,
        obj=rule,
        request=request,
        detail={"reason": reason},
    )


@transaction.atomic
def add_check_in(
    *,
    rule: PlanRule,
    outcome: str,
    note: str,
    checked_on: datetime.date,
    told_by: Person | None,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> RuleCheckIn:
    """How a rule went. Only rules of a plan that is being tried out or runs are followed up."""
    _refuse_closed(rule.trajectory)
    if rule.withdrawn_at is not None or rule.plan.status not in (
        PlanStatus.TESTING,
        PlanStatus.ACTIVE,
    ):
        raise ValidationError(
            _("Opvolgen kan bij afspraken van een plan dat uitgeprobeerd wordt of loopt.")
        )
    if checked_on > timezone.localdate():
        raise ValidationError({"checked_on": _("Die datum ligt in de toekomst.")})
    _check_persons(rule.trajectory, [told_by], "told_by")
    check_in = RuleCheckIn(
        rule=rule,
        trajectory=rule.trajectory,
        outcome=outcome,
        note=note.strip(),
        checked_on=checked_on,
        told_by=told_by,
        audience=audience,
        recorded_by=actor,
    )
    check_in.full_clean()
    check_in.save()
    refresh_follow_up(rule)
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=check_in,
        request=request,
        detail={"rule": rule.pk, "outcome": outcome},
    )
    return check_in


@transaction.atomic
def add_plan_comment(
    *,
    plan: SafetyPlan,
    rule: PlanRule | None,
    text: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> PlanComment:
    _refuse_closed(plan.trajectory)
    if rule is not None and rule.plan_id != plan.pk:
        raise ValidationError({"rule": _("Kies een afspraak van dit plan.")})
    comment = PlanComment(
        plan=plan,
        trajectory=plan.trajectory,
        rule=rule,
        text=text.strip(),
        audience=audience,
        author=actor,
    )
    comment.full_clean()
    comment.save()
    record(actor=actor, action=AuditAction.CREATE, obj=comment, request=request)
    return comment


# --- Words and Pictures ---------------------------------------------------------------------

STORY_FIELDS = ("title", "written_with", "audience")
PAGE_FIELDS = ("text", "picture_alt", "picture")


@transaction.atomic
def create_story(
    *,
    trajectory: Trajectory,
    kind: str,
    title: str,
    written_with: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> Story:
    _refuse_closed(trajectory)
    story = Story(
        trajectory=trajectory,
        kind=kind,
        title=title.strip(),
        written_with=written_with.strip(),
        audience=audience,
        created_by=actor,
    )
    story.full_clean()
    story.save()
    record(actor=actor, action=AuditAction.CREATE, obj=story, request=request)
    return story


@transaction.atomic
def update_story(
    *,
    story: Story,
    expected_version: int,
    title: str,
    written_with: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> Story:
    _refuse_closed(story.trajectory)
    before = {name: getattr(story, name) for name in STORY_FIELDS}
    story.title, story.written_with, story.audience = title.strip(), written_with.strip(), audience
    after = {name: getattr(story, name) for name in STORY_FIELDS}
    if before == after:
        if story.version != expected_version:
            raise EditConflict(Story.objects.get(pk=story.pk))
        return story
    story.full_clean()
    save_versioned(story, expected_version=expected_version, fields=STORY_FIELDS)
    # The pages and their pictures follow the story's audience: who may read the story reads
    # every page and sees every picture, and nobody else (a picture's URL is checked too).
    StoryPage.objects.filter(story=story).update(audience=audience)
    Upload.objects.filter(
        pk__in=StoryPage.objects.filter(story=story, withdrawn_at__isnull=True).values("picture")
    ).update(audience=audience)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=story,
        request=request,
        detail={"version": story.version, **changes_between(before, after)},
    )
    return story


def _retire_picture(upload_id: int | None) -> None:
    """A picture no longer on a page stays in the file (kept versions show it to professionals)
    but its URL is for professionals only from now on."""
    if upload_id is not None:
        Upload.objects.filter(pk=upload_id).update(audience=Audience.PROFESSIONALS)


def _picture(
    trajectory: Trajectory, uploaded: Any, audience: int, actor: Any, request: HttpRequest | None
) -> Any:
    from samenopweg.cases.uploads import store_picture

    return store_picture(
        trajectory=trajectory, uploaded=uploaded, audience=audience, actor=actor, request=request
    )


@transaction.atomic
def add_story_page(
    *,
    story: Story,
    text: str,
    uploaded: Any,
    picture_alt: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> StoryPage:
    trajectory = story.trajectory
    _refuse_closed(trajectory)
    # Checked before the picture is stored, so a refused page leaves no file behind.
    if uploaded and not picture_alt.strip():
        raise ValidationError(
            {"picture_alt": _("Zeg in een paar woorden wat er op de tekening of foto staat.")}
        )
    picture = _picture(trajectory, uploaded, story.audience, actor, request) if uploaded else None
    last = story.pages.order_by("-position").values_list("position", flat=True).first()
    page = StoryPage(
        story=story,
        trajectory=trajectory,
        position=(last if last is not None else -1) + 1,
        text=text.strip(),
        picture=picture,
        picture_alt=picture_alt.strip(),
        audience=story.audience,
        created_by=actor,
    )
    page.full_clean()
    page.save()
    Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
    record(actor=actor, action=AuditAction.CREATE, obj=page, request=request)
    return page


@transaction.atomic
def update_story_page(
    *,
    page: StoryPage,
    expected_version: int,
    text: str,
    uploaded: Any,
    picture_alt: str,
    remove_picture: bool,
    actor: Any,
    request: HttpRequest | None = None,
) -> StoryPage:
    """A new text, a new picture (the old one stays in the file), or no picture any more."""
    trajectory = page.trajectory
    _refuse_closed(trajectory)
    # Checked before a new picture is stored, so a refused edit leaves no file behind.
    if page.version != expected_version:
        raise EditConflict(StoryPage.objects.get(pk=page.pk))
    keeps_picture = bool(uploaded) or (page.picture_id is not None and not remove_picture)
    if keeps_picture and not picture_alt.strip():
        raise ValidationError(
            {"picture_alt": _("Zeg in een paar woorden wat er op de tekening of foto staat.")}
        )
    before = {"text": page.text, "picture_alt": page.picture_alt, "picture": page.picture_id}
    old_picture = page.picture_id
    if uploaded:
        page.picture = _picture(trajectory, uploaded, page.audience, actor, request)
    elif remove_picture:
        page.picture = None
    page.text, page.picture_alt = text.strip(), picture_alt.strip()
    if page.picture_id != old_picture:
        _retire_picture(old_picture)
    after = {"text": page.text, "picture_alt": page.picture_alt, "picture": page.picture_id}
    if before == after:
        if page.version != expected_version:
            raise EditConflict(StoryPage.objects.get(pk=page.pk))
        return page
    page.full_clean()
    save_versioned(page, expected_version=expected_version, fields=PAGE_FIELDS)
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=page,
        request=request,
        detail={"version": page.version, **changes_between(before, after)},
    )
    return page


@transaction.atomic
def withdraw_story_page(*, page: StoryPage, actor: Any, request: HttpRequest | None = None) -> None:
    """Off the story; kept in the file and in every version that had it."""
    _refuse_closed(page.trajectory)
    if page.withdrawn_at is not None:
        return
    page.withdrawn_at = timezone.now()
    StoryPage.objects.filter(pk=page.pk).update(withdrawn_at=page.withdrawn_at)
    _retire_picture(page.picture_id)
    record(actor=actor, action=AuditAction.WITHDRAW, obj=page, request=request)


@transaction.atomic
def keep_story_version(
    *, story: Story, actor: Any, request: HttpRequest | None = None
) -> StoryVersion:
    """Keep the story as it is now (for instance when it was read with the children)."""
    _refuse_closed(story.trajectory)
    pages = list(story.pages.filter(withdrawn_at__isnull=True).order_by("position", "id"))
    if not pages:
        raise ValidationError(_("Schrijf eerst minstens één bladzijde."))
    latest = story.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = StoryVersion.objects.create(
        story=story,
        number=latest + 1,
        snapshot={
            "title": story.title,
            "kind": story.kind,
            "written_with": story.written_with,
            "audience": story.audience,
            "pages": [
                {"text": p.text, "picture": p.picture_id, "picture_alt": p.picture_alt}
                for p in pages
            ],
        },
        made_by=actor,
    )
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=version,
        object_type="safety_plans.storyversion",
        trajectory=story.trajectory,
        request=request,
        detail={"story": story.pk, "number": version.number},
    )
    return version

"""Writes of the HOW. Each one checks its rule of the practice; the kernel (cases.items) does the
shared part of every write: the closed-file refusal, the version check and the audit row, in
one transaction with the rest."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.assessments.models import SafetyGoal
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import items
from samenopweg.cases.models import Trajectory, Upload
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.people.models import Person
from samenopweg.people.selectors import network_goes_on
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


def _refuse_ended(plan: SafetyPlan) -> None:
    if plan.is_ended:
        raise ValidationError(_("Dit plan is gestopt en kan niet meer veranderen."))


def _update(
    *,
    item: Any,
    expected_version: int,
    fields: Mapping[str, Any],
    actor: Any,
    request: HttpRequest | None,
    many: Mapping[str, Iterable[Any]] | None = None,
) -> bool:
    """`items.update`, unless the form saves what is already there (`items.is_unchanged`):
    then nothing happens (no new version, no audit row, and the consultant's confirmation of the
    plan still counts) and this returns False."""
    if items.is_unchanged(item, expected_version=expected_version, fields=fields, many=many):
        return False
    items.update(
        item=item,
        expected_version=expected_version,
        fields=fields,
        many=many,
        actor=actor,
        request=request,
    )
    return True


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


class RuleData(TypedDict):
    """What a rule says: the fields of its form, given to add_rule and update_rule."""

    what: str
    who: Sequence[Person]
    when: str
    check_how: str
    checked_by: Person | None
    check_every_days: int
    fallback: str
    goals: Sequence[SafetyGoal]
    audience: int


def _rule_fields(trajectory: Trajectory, data: RuleData) -> dict[str, Any]:
    """The columns (RULE_FIELDS) of a new or changed rule, once its persons and goals are found
    to be of this trajectory."""
    _check_persons(trajectory, data["who"], "who")
    _check_persons(trajectory, [data["checked_by"]], "checked_by")
    _check_goals(trajectory, data["goals"])
    return {
        "what": data["what"].strip(),
        "when": data["when"].strip(),
        "check_how": data["check_how"].strip(),
        "checked_by": data["checked_by"],
        "check_every_days": data["check_every_days"],
        "fallback": data["fallback"].strip(),
        "audience": data["audience"],
    }


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
    """The plan and its current rules as plain data, for a PlanVersion. Each rule keeps the
    audience it has now, so the version is read through the item rule (visible_kept_items)."""
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


def create_plan(
    *,
    trajectory: Trajectory,
    kind: str,
    safety_object: str,
    safety_object_meaning: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
    review_on: datetime.date | None = None,
) -> SafetyPlan:
    """A new immediate agreement (looked at again on `review_on`, within the week) or lasting
    plan (no review date)."""
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
    )
    return items.create(item=plan, actor=actor, request=request)


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
    _refuse_ended(plan)
    if review_on != plan.review_on:
        _check_review_on(plan.kind, review_on)
    fields = {
        "review_on": review_on,
        "safety_object": safety_object.strip(),
        "safety_object_meaning": safety_object_meaning.strip(),
        "audience": audience,
    }
    if _update(
        item=plan, expected_version=expected_version, fields=fields, actor=actor, request=request
    ):
        _changed(plan)
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
    if plan.version != expected_version:
        # Someone changed the plan since this page was read: a conflict, before judging a step
        # that may only look wrong because of their change.
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
    kept = PlanVersion(
        plan=plan,
        number=items.next_number(plan.versions, "number", first=1),
        status=to_status,
        made_by=actor,
    )

    def keep(before: SafetyPlan) -> PlanVersion:
        # The plan as it is after the step: what the family is given from now on.
        kept.snapshot = snapshot(plan)
        return kept

    items.update(
        item=plan,
        expected_version=expected_version,
        fields={"status": to_status, "status_changed_at": timezone.now()},
        history=keep,
        actor=actor,
        request=request,
        detail={
            "status": {"from": from_status.value, "to": to_status},
            "plan_version": kept.number,
        },
    )
    for rule in plan.rules.filter(withdrawn_at__isnull=True):
        refresh_follow_up(rule, started=timezone.localdate())
    return kept


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
    changed since is refused: nobody confirms what they have not seen. The confirmation is its
    own audit row; it does not change the plan's content or its version.
    """
    items.refuse_closed(plan.trajectory)
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


@transaction.atomic
def add_rule(
    *, plan: SafetyPlan, actor: Any, request: HttpRequest | None = None, **data: Unpack[RuleData]
) -> PlanRule:
    _refuse_ended(plan)
    fields = _rule_fields(plan.trajectory, data)
    rule = PlanRule(
        plan=plan, trajectory=plan.trajectory, position=items.next_number(plan.rules), **fields
    )
    items.create(
        item=rule,
        actor=actor,
        request=request,
        many={"who": data["who"], "goals": data["goals"]},
        detail={"goals": sorted(g.pk for g in data["goals"])},
    )
    refresh_follow_up(rule)
    _changed(plan)
    return rule


@transaction.atomic
def update_rule(
    *,
    rule: PlanRule,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
    **data: Unpack[RuleData],
) -> PlanRule:
    _refuse_ended(rule.plan)
    items.refuse_withdrawn(rule, _("Deze afspraak is ingetrokken en kan niet meer veranderen."))
    if _update(
        item=rule,
        expected_version=expected_version,
        fields=_rule_fields(rule.trajectory, data),
        many={"who": data["who"], "goals": data["goals"]},
        actor=actor,
        request=request,
    ):
        refresh_follow_up(rule)
        _changed(rule.plan)
    return rule


@transaction.atomic
def withdraw_rule(
    *, rule: PlanRule, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """Take a rule off the plan; it stays in the file with its check-ins, never deleted."""
    _refuse_ended(rule.plan)
    if items.withdraw(item=rule, reason=reason, actor=actor, request=request):
        refresh_follow_up(rule)  # off the plan: no next check-in is due any more
        _changed(rule.plan)


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
    """How a rule went. Only rules of a plan that is being tried out or runs are followed up;
    after the closure only by the network's chair (their own plan goes on)."""
    if rule.withdrawn_at is not None or rule.plan.status not in FOLLOWED_UP:
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
    )
    items.create(
        item=check_in,
        actor=actor,
        request=request,
        detail={"rule": rule.pk, "outcome": outcome},
        network_goes_on=network_goes_on(rule.trajectory, actor),
    )
    refresh_follow_up(rule)
    return check_in


def add_plan_comment(
    *,
    plan: SafetyPlan,
    rule: PlanRule | None,
    text: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> PlanComment:
    if rule is not None and rule.plan_id != plan.pk:
        raise ValidationError({"rule": _("Kies een afspraak van dit plan.")})
    comment = PlanComment(
        plan=plan, trajectory=plan.trajectory, rule=rule, text=text.strip(), audience=audience
    )
    return items.create(item=comment, actor=actor, request=request)


# --- Words and Pictures ---------------------------------------------------------------------

STORY_FIELDS = ("title", "written_with", "audience")


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
    story = Story(
        trajectory=trajectory,
        kind=kind,
        title=title.strip(),
        written_with=written_with.strip(),
        audience=audience,
    )
    return items.create(item=story, actor=actor, request=request)


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
    fields = {"title": title.strip(), "written_with": written_with.strip(), "audience": audience}
    if _update(
        item=story, expected_version=expected_version, fields=fields, actor=actor, request=request
    ):
        # The pages and their pictures follow the story's audience: who may read the story reads
        # every page and sees every picture, and nobody else (a picture's URL is checked too).
        StoryPage.objects.filter(story=story).update(audience=audience)
        Upload.objects.filter(
            pk__in=StoryPage.objects.filter(story=story, withdrawn_at__isnull=True).values(
                "picture"
            )
        ).update(audience=audience)
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


def _refuse_picture_without_words(has_picture: bool, picture_alt: str) -> None:
    # Checked before the picture is stored, so a refused page leaves no file behind.
    if has_picture and not picture_alt.strip():
        raise ValidationError(
            {"picture_alt": _("Zeg in een paar woorden wat er op de tekening of foto staat.")}
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
    _refuse_picture_without_words(bool(uploaded), picture_alt)
    # store_picture refuses a closed trajectory before it writes the file.
    picture = _picture(trajectory, uploaded, story.audience, actor, request) if uploaded else None
    page = StoryPage(
        story=story,
        trajectory=trajectory,
        position=items.next_number(story.pages),
        text=text.strip(),
        picture=picture,
        picture_alt=picture_alt.strip(),
        audience=story.audience,
    )
    items.create(item=page, actor=actor, request=request)
    Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
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
    keeps_picture = bool(uploaded) or (page.picture_id is not None and not remove_picture)
    _refuse_picture_without_words(keeps_picture, picture_alt)
    if uploaded:
        # A new picture is stored only for an edit the kernel will take: a file written for a
        # withdrawn page or a stale form would stay on disk after the refusal.
        items.refuse_withdrawn(page)
        if page.version != expected_version:
            raise EditConflict(StoryPage.objects.get(pk=page.pk))
    picture = page.picture
    if uploaded:
        picture = _picture(page.trajectory, uploaded, page.audience, actor, request)
    elif remove_picture:
        picture = None
    old_picture = page.picture_id
    _update(
        item=page,
        expected_version=expected_version,
        fields={"text": text.strip(), "picture_alt": picture_alt.strip(), "picture": picture},
        actor=actor,
        request=request,
    )
    if page.picture_id != old_picture:
        _retire_picture(old_picture)
    return page


@transaction.atomic
def withdraw_story_page(*, page: StoryPage, actor: Any, request: HttpRequest | None = None) -> None:
    """Off the story; kept in the file and in every version that had it."""
    if items.withdraw(item=page, reason="", reason_required=False, actor=actor, request=request):
        _retire_picture(page.picture_id)


def _kept_page(page: StoryPage) -> dict[str, Any]:
    """A page as a kept version holds it: with its audience, for the item rule."""
    return {
        "text": page.text,
        "picture": page.picture_id,
        "picture_alt": page.picture_alt,
        "audience": page.audience,
    }


@transaction.atomic
def keep_story_version(
    *, story: Story, actor: Any, request: HttpRequest | None = None
) -> StoryVersion:
    """Keep the story as it is now (for instance when it was read with the children)."""
    items.refuse_closed(story.trajectory)
    pages = list(story.pages.filter(withdrawn_at__isnull=True).order_by("position", "id"))
    if not pages:
        raise ValidationError(_("Schrijf eerst minstens één bladzijde."))
    version = StoryVersion.objects.create(
        story=story,
        number=items.next_number(story.versions, "number", first=1),
        snapshot={
            "title": story.title,
            "kind": story.kind,
            "written_with": story.written_with,
            "audience": story.audience,
            "pages": [_kept_page(p) for p in pages],
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

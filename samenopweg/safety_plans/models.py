"""The HOW: the immediate safety agreement and the lasting safety plan, their rules and check-ins.

The worker, the family and the network write the plan (the charter: they work out the HOW);
the consultant comments and confirms that it answers every safety goal of the WHAT.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import SafetyGoal
from samenopweg.cases.items import Item, WithdrawableItem
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import (
    EVENT_DATE_VALIDATORS,
    NOTE_MAX,
    PARAGRAPH_MAX,
    PLANNED_DATE_VALIDATORS,
)
from samenopweg.people.models import Person

# An immediate agreement covers the coming days: it is looked at again within a week.
IMMEDIATE_REVIEW_DAYS = 7


class PlanKind(models.TextChoices):
    IMMEDIATE = "immediate", _("Directe veiligheidsafspraak")
    LASTING = "lasting", _("Veiligheidsplan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Ontwerp")
    TESTING = "testing", _("Wordt uitgeprobeerd")
    ACTIVE = "active", _("Loopt")
    ENDED = "ended", _("Gestopt")


# draft → being tested → active → ended; back from testing or active to draft to rework it.
ALLOWED_STATUS: dict[str, tuple[str, ...]] = {
    PlanStatus.DRAFT: (PlanStatus.TESTING, PlanStatus.ACTIVE, PlanStatus.ENDED),
    PlanStatus.TESTING: (PlanStatus.ACTIVE, PlanStatus.DRAFT, PlanStatus.ENDED),
    PlanStatus.ACTIVE: (PlanStatus.DRAFT, PlanStatus.ENDED),
    PlanStatus.ENDED: (),
}
# Rules of a plan in these states are followed up: check-ins can be overdue, rules broken.
FOLLOWED_UP = (PlanStatus.TESTING, PlanStatus.ACTIVE)


class SafetyPlan(Item):
    """One immediate agreement or one lasting plan of a trajectory (at most one of each open)."""

    kind = models.CharField(_("soort"), max_length=20, choices=PlanKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    review_on = models.DateField(
        _("opnieuw bekijken op"), null=True, blank=True, validators=PLANNED_DATE_VALIDATORS
    )
    safety_object = models.CharField(_("veiligheidsvoorwerp"), max_length=200, blank=True)
    safety_object_meaning = BoundedTextField(
        _("wat het voorwerp betekent"), blank=True, max_length=PARAGRAPH_MAX
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Any change to the plan or its rules after the confirmation asks the consultant to look
    # again (a rule added by the worker does not touch the plan's lock version).
    content_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("veiligheidsplan")
        verbose_name_plural = _("veiligheidsplannen")
        ordering = ["kind", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "kind"],
                condition=~Q(status="ended"),
                name="one_open_plan_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.trajectory_id}"

    @property
    def is_ended(self) -> bool:
        return self.status == PlanStatus.ENDED

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None and self.confirmed_at >= self.content_changed_at


class PlanRule(WithdrawableItem):
    """An agreement (afspraak): what happens, who does it, when, how it is checked, who steps in.

    Withdrawn, never deleted: it leaves the plan and stays in the file with its check-ins."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.PROTECT, related_name="rules")
    what = BoundedTextField(_("wat gebeurt er?"), max_length=PARAGRAPH_MAX)
    who = models.ManyToManyField(Person, related_name="plan_rules", verbose_name=_("wie doet het?"))
    when = models.CharField(_("wanneer of hoe vaak?"), max_length=300)
    check_how = BoundedTextField(_("hoe weten we dat het gebeurt?"), max_length=PARAGRAPH_MAX)
    checked_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie kijkt het na?"),
    )
    check_every_days = models.PositiveSmallIntegerField(
        _("om de hoeveel dagen opvolgen?"), default=7
    )
    fallback = BoundedTextField(_("wie springt in als het niet lukt?"), max_length=PARAGRAPH_MAX)
    goals = models.ManyToManyField(
        SafetyGoal, related_name="plan_rules", verbose_name=_("bij welke veiligheidsdoelen?")
    )
    position = models.PositiveIntegerField(default=0)
    # The follow-up, kept by services.refresh_follow_up so the dashboards count broken and late
    # rules of fifty trajectories in one grouped query instead of reading every check-in.
    last_checked_on = models.DateField(null=True, blank=True)
    last_outcome = models.CharField(max_length=20, blank=True)
    next_check_due = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["trajectory", "withdrawn_at"])]

    def __str__(self) -> str:
        return self.what[:60]


class CheckOutcome(models.TextChoices):
    WENT_WELL = "went_well", _("Ging goed")
    DID_NOT = "did_not", _("Ging niet goed")
    REMARK = "remark", _("Opmerking")


class RuleCheckIn(Item):
    """How a rule went: by the worker now, by network members once the portal exists.

    `created_by` is who wrote it down; `told_by` the person who said how it went."""

    rule = models.ForeignKey(PlanRule, on_delete=models.PROTECT, related_name="check_ins")
    outcome = models.CharField(_("hoe ging het?"), max_length=20, choices=CheckOutcome.choices)
    note = BoundedTextField(_("wat gebeurde er?"), blank=True, max_length=PARAGRAPH_MAX)
    checked_on = models.DateField(_("op"), validators=EVENT_DATE_VALIDATORS)
    told_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie vertelde het?"),
    )

    class Meta:
        verbose_name = _("opvolging")
        verbose_name_plural = _("opvolgingen")
        ordering = ["-checked_on", "-id"]
        indexes = [models.Index(fields=["rule", "-checked_on"])]

    def __str__(self) -> str:
        return f"{self.checked_on} {self.outcome}"


class PlanComment(Item):
    """A remark on the plan or one rule; the consultant's look at the HOW, never hidden."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.PROTECT, related_name="comments")
    rule = models.ForeignKey(
        PlanRule, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    text = BoundedTextField(_("opmerking"), max_length=NOTE_MAX)

    class Meta:
        verbose_name = _("opmerking bij het plan")
        verbose_name_plural = _("opmerkingen bij het plan")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class KeptVersion(models.Model):
    """Something of the HOW exactly as it was at one moment, frozen as JSON, numbered from 1.

    Not an item: what it keeps carries the audience it had then and is read through
    `cases.access.visible_kept_items`."""

    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-number"]


class PlanVersion(KeptVersion):
    """The plan as it was at each status change (what the family was given)."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.PROTECT, related_name="versions")
    status = models.CharField(max_length=20, choices=PlanStatus.choices)

    class Meta(KeptVersion.Meta):
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


# --- Words and Pictures (woorden en beelden) -------------------------------------------------


class StoryKind(models.TextChoices):
    WHY = "why", _("Waarom de diensten betrokken zijn en wat er gaat gebeuren")
    PLAN = "plan", _("Het veiligheidsplan uitgelegd")


class Story(Item):
    """A Words and Pictures story for the children, written with the parents."""

    kind = models.CharField(_("soort"), max_length=20, choices=StoryKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    written_with = models.CharField(_("samen geschreven met"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("woorden en beelden")
        verbose_name_plural = _("woorden en beelden")
        ordering = ["kind", "-created_at"]

    def __str__(self) -> str:
        return self.title


class StoryPage(WithdrawableItem):
    """One page: a few sentences and a drawing or photo (an Upload). Taken off the story by
    withdrawing it: kept in the file and in every version that had it."""

    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="pages")
    position = models.PositiveIntegerField(default=0)
    text = BoundedTextField(_("tekst"), max_length=PARAGRAPH_MAX)
    picture = models.ForeignKey(
        "cases.Upload", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    picture_alt = models.CharField(
        _("wat staat er op de tekening of foto?"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("bladzijde")
        verbose_name_plural = _("bladzijden")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class StoryVersion(KeptVersion):
    """The story as it was when it was read with the family: kept exactly, pictures included."""

    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="versions")

    class Meta(KeptVersion.Meta):
        constraints = [
            models.UniqueConstraint(fields=["story", "number"], name="one_story_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.story_id} v{self.number}"

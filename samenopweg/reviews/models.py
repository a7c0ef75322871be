"""Review meetings (evaluatiemoment): with the family and the network, the brochure's four
questions, where each safety goal stands, the scaling taken there and what comes next.

Every row is an item of the kernel (cases.items): audience, author, version, withdrawal. The
family does not read reviews yet (a family version comes with the portal): audience stays
professionals.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import SafetyGoal, ScalingRound
from samenopweg.cases.items import Item, WithdrawableItem
from samenopweg.cases.models import Framework, Trajectory
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import (
    EVENT_DATE_VALIDATORS,
    NOTE_MAX,
    PARAGRAPH_MAX,
    PLANNED_DATE_VALIDATORS,
)
from samenopweg.people.models import Person

# Every how many weeks the next review comes, unless the trajectory sets its own: a voluntary
# OCJ trajectory moves fast; with the youth judge the reviews follow the judge's rhythm.
DEFAULT_CADENCE_WEEKS: dict[str, int] = {
    Framework.VERONTRUSTING: 6,
    Framework.MAATSCHAPPELIJKE_NOODZAAK: 8,
    Framework.VOS: 12,
    Framework.MOF: 12,
}
FALLBACK_CADENCE_WEEKS = 8
CADENCE_MIN_WEEKS, CADENCE_MAX_WEEKS = 1, 52


def default_cadence_weeks(framework: str) -> int:
    return DEFAULT_CADENCE_WEEKS.get(framework, FALLBACK_CADENCE_WEEKS)


def goal_field(goal_id: int, name: str) -> str:
    """The form field of one safety goal's line at a review ("goal_12_status"): the name the
    form uses and the service's refusals point at."""
    return f"goal_{goal_id}_{name}"


# The brochure's four questions (Samen op weg naar veiligheid, "opvolging en evaluatie"), in
# the order of the page: (field, question).
QUESTIONS = (
    ("changes_going_well", _("Lopen de veranderingen goed?")),
    ("needs_adjusting", _("Zijn er zaken die bijgestuurd moeten worden?")),
    ("help_can_stop", _("Kan onze hulp hier stoppen?")),
    ("for_the_judge", _("Wat kunnen we aan de jeugdrechter voorstellen?")),
)


class Outcome(models.TextChoices):
    CONTINUE = "continue", _("Verder zoals gepland")
    ADJUST = "adjust", _("Het plan bijsturen")
    PROPOSE_CLOSURE = "closure", _("Voorstel om af te sluiten")
    PROPOSE_TO_JUDGE = "judge", _("Voorstel aan de jeugdrechter")


class ReviewCadence(Item):
    """How often this trajectory is reviewed; no row means DEFAULT_CADENCE_WEEKS of its
    framework."""

    trajectory = models.OneToOneField(
        Trajectory, on_delete=models.PROTECT, related_name="review_cadence"
    )
    every_weeks = models.PositiveSmallIntegerField(
        _("om de hoeveel weken?"),
        validators=[MinValueValidator(CADENCE_MIN_WEEKS), MaxValueValidator(CADENCE_MAX_WEEKS)],
    )

    class Meta:
        verbose_name = _("ritme van de evaluaties")
        verbose_name_plural = _("ritmes van de evaluaties")

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.every_weeks}"


class Review(WithdrawableItem):
    """One review meeting: who was there, the four answers, the outcome and the next date."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField(
        _("datum"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )
    participants = models.ManyToManyField(
        Person,
        blank=True,
        related_name="reviews",
        verbose_name=_("wie van het gezin en het netwerk"),
    )
    professionals = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("welke professionals"),
    )
    changes_going_well = BoundedTextField(QUESTIONS[0][1], max_length=NOTE_MAX)
    needs_adjusting = BoundedTextField(QUESTIONS[1][1], max_length=NOTE_MAX)
    help_can_stop = BoundedTextField(QUESTIONS[2][1], max_length=NOTE_MAX)
    for_the_judge = BoundedTextField(QUESTIONS[3][1], max_length=NOTE_MAX, blank=True)
    outcome = models.CharField(_("besluit"), max_length=20, choices=Outcome.choices)
    points_to_change = BoundedTextField(
        _("wat moet er in het plan veranderen?"), max_length=NOTE_MAX, blank=True
    )
    next_review_on = models.DateField(
        _("volgende evaluatie"), null=True, blank=True, validators=PLANNED_DATE_VALIDATORS
    )
    # The numbers given at the meeting: the scaling round itself (assessments), never a copy.
    scaling_round = models.ForeignKey(
        ScalingRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("schaalvragen van dit evaluatiemoment"),
    )

    class Meta:
        verbose_name = _("evaluatiemoment")
        verbose_name_plural = _("evaluatiemomenten")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["trajectory", "-held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on} {self.get_outcome_display()}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.outcome == Outcome.ADJUST and not self.points_to_change.strip():
            errors["points_to_change"] = str(
                _("Schrijf wat er in het plan moet veranderen: dat staat dan bovenaan het plan.")
            )
        if self.outcome == Outcome.PROPOSE_TO_JUDGE and not self.for_the_judge.strip():
            errors["for_the_judge"] = str(_("Schrijf wat jullie aan de jeugdrechter voorstellen."))
        if self.next_review_on is None:
            if self.outcome != Outcome.PROPOSE_CLOSURE:
                errors["next_review_on"] = str(
                    _(
                        "Kies de datum van de volgende evaluatie. Alleen bij een voorstel om af "
                        "te sluiten mag die leeg blijven."
                    )
                )
        elif self.held_on and self.next_review_on <= self.held_on:
            errors["next_review_on"] = str(
                _("De volgende evaluatie komt na dit evaluatiemoment. Kies een latere datum.")
            )
        round_ = self.scaling_round
        if round_ is not None and round_.trajectory_id != self.trajectory_id:
            errors["scaling_round"] = str(_("Kies schaalvragen van dit traject."))
        if errors:
            raise ValidationError(errors)


class GoalStatus(models.TextChoices):
    SHOWN = "shown", _("Wordt getoond sinds")
    NOT_YET = "not_yet", _("Nog niet")
    NO_LONGER_NEEDED = "not_needed", _("Niet meer nodig")


class ReviewGoal(Item):
    """Where one safety goal stands at a review: shown since a date (the goal says for how
    long it must be shown), not yet, or no longer needed."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="goals")
    safety_goal = models.ForeignKey(
        SafetyGoal, on_delete=models.PROTECT, related_name="review_lines"
    )
    status = models.CharField(_("hoe staat het?"), max_length=20, choices=GoalStatus.choices)
    shown_since = models.DateField(
        _("getoond sinds"), null=True, blank=True, validators=EVENT_DATE_VALIDATORS
    )
    note = BoundedTextField(_("toelichting"), max_length=PARAGRAPH_MAX, blank=True)

    class Meta:
        verbose_name = _("veiligheidsdoel bij een evaluatie")
        verbose_name_plural = _("veiligheidsdoelen bij een evaluatie")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "safety_goal"], name="review_goal_once_per_review"
            )
        ]

    def __str__(self) -> str:
        return f"{self.review_id}: {self.get_status_display()}"

    def clean(self) -> None:
        super().clean()
        if self.status == GoalStatus.SHOWN:
            if self.shown_since is None:
                raise ValidationError({"shown_since": _("Zeg sinds wanneer het getoond wordt.")})
        elif self.shown_since is not None:
            self.shown_since = None

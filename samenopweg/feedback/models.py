"""Expectations at the start and feedback on the cooperation: "we invest in a feedback culture
and tune our expectations to each other".

Every row is an item of the kernel (cases.items): audience, author, version, withdrawal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.items import Item, WithdrawableItem
from samenopweg.cases.models import Trajectory
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import (
    EVENT_DATE_VALIDATORS,
    NOTE_MAX,
    PARAGRAPH_MAX,
    SHORT_TEXT_MAX,
)
from samenopweg.people.models import Person

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

SCORE_MIN, SCORE_MAX = 0, 10
# A score this low, or a line that fell this much since the respondent's previous round, asks
# to talk about the cooperation (a FeedbackSignal).
LOW_SCORE = 5
NOTABLE_DROP = 2
DEFAULT_CADENCE_WEEKS = 6
CADENCE_MIN_WEEKS, CADENCE_MAX_WEEKS = 1, 26
SCORE_FIELDS = ("score_1", "score_2", "score_3", "score_4")


class Party(models.TextChoices):
    PARENTS = "parents", _("Ouders")
    CHILD = "child", _("Kind of jongere")
    WORKER = "worker", _("Hulpverlener")
    CONSULTANT = "consultant", _("Consulent")


class Expectation(WithdrawableItem):
    """What one party expects of the others, and what the others may expect of them.

    Revisited at a review by editing it: the version number shows it changed.
    """

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="expectations"
    )
    party = models.CharField(_("wie"), max_length=20, choices=Party.choices)
    child = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("welk kind"),
    )
    expects = BoundedTextField(_("Wat verwachten we van de anderen?"), max_length=PARAGRAPH_MAX)
    offers = BoundedTextField(
        _("Wat mogen de anderen van ons verwachten?"), max_length=PARAGRAPH_MAX, blank=True
    )
    written_on = models.DateField(
        _("geschreven op"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )

    class Meta:
        verbose_name = _("verwachting")
        verbose_name_plural = _("verwachtingen")
        ordering = ["party", "written_on", "id"]
        indexes = [models.Index(fields=["trajectory", "party"])]

    def __str__(self) -> str:
        return f"{self.get_party_display()}: {self.expects[:40]}"

    def clean(self) -> None:
        super().clean()
        if self.party == Party.CHILD:
            child = self.child
            if child is None:
                raise ValidationError({"child": _("Kies het kind.")})
            if child.trajectory_id != self.trajectory_id or not child.is_child:
                raise ValidationError({"child": _("Kies een kind van dit traject.")})
        elif self.child_id is not None:
            raise ValidationError({"child": _("Kies alleen een kind bij 'Kind of jongere'.")})


class FeedbackCadence(Item):
    """How often the cooperation is asked about; no row means every DEFAULT_CADENCE_WEEKS."""

    trajectory = models.OneToOneField(
        Trajectory, on_delete=models.PROTECT, related_name="feedback_cadence"
    )
    every_weeks = models.PositiveSmallIntegerField(
        _("om de hoeveel weken?"),
        default=DEFAULT_CADENCE_WEEKS,
        validators=[MinValueValidator(CADENCE_MIN_WEEKS), MaxValueValidator(CADENCE_MAX_WEEKS)],
    )

    class Meta:
        verbose_name = _("ritme van de feedback")
        verbose_name_plural = _("ritmes van de feedback")

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.every_weeks}"


class VersionKind(models.TextChoices):
    PARENT = "parent", _("Ouders over de samenwerking")
    CHILD = "child", _("Kind of jongere")
    CONSULTANT_ABOUT_WORKER = (
        "consultant_about_worker",
        _("Consulent over de samenwerking met de hulpverlener"),
    )
    WORKER_ABOUT_CONSULTANT = (
        "worker_about_consultant",
        _("Hulpverlener over de samenwerking met de consulent"),
    )


# The versions a parent or a child answers (a Person); the others a professional (a user).
PERSON_VERSIONS = frozenset({VersionKind.PARENT, VersionKind.CHILD})


class How(models.TextChoices):
    ENTERED_DURING_VISIT = "visit", _("Ingevuld tijdens een bezoek")
    BY_THEMSELF = "self", _("Zelf ingevuld")
    BY_PHONE = "phone", _("Telefonisch")


@dataclass(frozen=True)
class Questionnaire:
    """The four lines (0-10), the open question and the line above them (`intro`) of one
    version, in our own words."""

    lines: tuple[StrPromise, StrPromise, StrPromise, StrPromise]
    open: StrPromise
    intro: StrPromise = _("Kies per vraag een cijfer van 0 tot 10. 10 is het beste.")


_BETWEEN_PROFESSIONALS = Questionnaire(
    lines=(
        _("De rollen zijn duidelijk."),
        _("Het WAT (wat moet er veranderen) is duidelijk."),
        _("Er is ruimte voor het HOE."),
        _("Alles samen: hoe loopt onze samenwerking?"),
    ),
    open=_("Wat kunnen we beter afspreken?"),
)
QUESTIONS: dict[str, Questionnaire] = {
    VersionKind.PARENT: Questionnaire(
        lines=(
            _("Ik voel me gehoord."),
            _("We werken aan wat voor ons belangrijk is."),
            _("De manier van werken past bij ons."),
            _("Alles samen: hoe gaat het met de samenwerking?"),
        ),
        open=_("Wat kunnen we beter doen?"),
    ),
    VersionKind.CHILD: Questionnaire(
        lines=(
            _("Luisteren ze naar mij?"),
            _("Praten we over wat voor mij belangrijk is?"),
            _("Vind ik het fijn hoe we het doen?"),
            _("Hoe gaat het alles samen?"),
        ),
        open=_("Wat moeten we anders doen?"),
        intro=_("Lees elke vraag voor. Kies een cijfer van 0 tot 10. 10 is het beste."),
    ),
    VersionKind.CONSULTANT_ABOUT_WORKER: _BETWEEN_PROFESSIONALS,
    VersionKind.WORKER_ABOUT_CONSULTANT: _BETWEEN_PROFESSIONALS,
}

_SCORE_VALIDATORS = [MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]


class FeedbackRound(WithdrawableItem):
    """One respondent's answers to the four lines of one version, and the open question.

    Its author (`created_by`) is who entered it; the respondent is a parent or a child of the
    trajectory (`respondent`) or a professional on the case (`respondent_user`), never both.
    """

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="feedback_rounds"
    )
    held_on = models.DateField(
        _("datum"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )
    version_kind = models.CharField(_("versie"), max_length=30, choices=VersionKind.choices)
    respondent = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie antwoordt"),
    )
    respondent_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie antwoordt"),
    )
    how = models.CharField(_("hoe"), max_length=10, choices=How.choices)
    score_1 = models.PositiveSmallIntegerField(validators=_SCORE_VALIDATORS)
    score_2 = models.PositiveSmallIntegerField(validators=_SCORE_VALIDATORS)
    score_3 = models.PositiveSmallIntegerField(validators=_SCORE_VALIDATORS)
    score_4 = models.PositiveSmallIntegerField(validators=_SCORE_VALIDATORS)
    open_answer = BoundedTextField(_("open vraag"), max_length=NOTE_MAX, blank=True)

    class Meta:
        verbose_name = _("feedbackronde")
        verbose_name_plural = _("feedbackrondes")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["trajectory", "-held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(respondent__isnull=True) ^ Q(respondent_user__isnull=True),
                name="feedback_round_one_respondent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_version_kind_display()} {self.held_on}"

    @property
    def entered_by(self) -> object:
        return self.created_by

    @property
    def scores(self) -> list[int]:
        return [getattr(self, name) for name in SCORE_FIELDS]

    @property
    def questions(self) -> Questionnaire:
        return QUESTIONS[self.version_kind]

    @property
    def lines(self) -> list[tuple[StrPromise, int]]:
        """Each question with its score, in order."""
        return list(zip(self.questions.lines, self.scores, strict=True))


class SignalReason(models.TextChoices):
    LOW = "low", _("score van 5 of minder")
    DROP = "drop", _("2 of meer gedaald sinds de vorige keer")


class FeedbackSignal(Item):
    """ "Bespreek de samenwerking": a round with a low or a falling score, until the loop is
    closed ("Jullie zeiden …, wij deden …"). Its audience says whether the closing is shared
    with the family."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="feedback_signals"
    )
    round = models.ForeignKey(FeedbackRound, on_delete=models.PROTECT, related_name="signals")
    reason = models.CharField(_("waarom"), max_length=10, choices=SignalReason.choices)
    detail = models.CharField(_("welke vragen"), max_length=SHORT_TEXT_MAX)
    raised_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    you_said = BoundedTextField(_("Jullie zeiden …"), max_length=PARAGRAPH_MAX, blank=True)
    we_did = BoundedTextField(_("Wij deden …"), max_length=PARAGRAPH_MAX, blank=True)

    class Meta:
        verbose_name = _("signaal over de samenwerking")
        verbose_name_plural = _("signalen over de samenwerking")
        ordering = ["-raised_at", "-id"]
        indexes = [models.Index(fields=["trajectory", "closed_at"])]
        constraints = [
            models.UniqueConstraint(fields=["round"], name="feedback_signal_one_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.detail}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

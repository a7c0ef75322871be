"""The child's voice: what a child said with one of the practice's tools, in their own words.

A *session* is one conversation with one child, with a tool (Three Houses, Fairy and Wizard, the
Safety House). In it, *words* are kept per part of the tool (the house of worries, the wizard,
who may not come in...) exactly as the child said or wrote them, apart from the professional's
note; a *drawing* is a picture through the safe upload path. When a child cannot speak for
themself, a *spokesperson* says it for them, and what they say is never shown as the child's own.

Words can be *linked* to a danger statement, a safety goal, a bottom line or a plan rule: the
statements, map and plan pages show them there (see `child_voice.providers`).

Everything is for the professionals unless it is shared; sharing it with the family or the
network records that the child agreed, who asked and when (`Shareable`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import BottomLine, DangerStatement, MapColumn, SafetyGoal
from samenopweg.cases.items import WithdrawableItem
from samenopweg.cases.models import Trajectory, Upload
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import (
    EVENT_DATE_VALIDATORS,
    NOTE_MAX,
    PARAGRAPH_MAX,
    SHORT_TEXT_MAX,
)
from samenopweg.people.models import Person
from samenopweg.safety_plans.models import PlanRule

PATH_TOP = 10


class Tool(models.TextChoices):
    THREE_HOUSES = "three_houses", _("Drie huizen")
    FAIRY_WIZARD = "fairy_wizard", _("Feeën en tovenaars")
    SAFETY_HOUSE = "safety_house", _("Veiligheidshuis")


class Part(models.TextChoices):
    """The parts of the tools, in the words used with the child."""

    WORRIES = "worries", _("Huis van de zorgen")
    GOOD = "good", _("Huis van de goede dingen")
    DREAMS = "dreams", _("Huis van de dromen")
    FAIRY = "fairy", _("Wat de fee beter zou maken")
    WIZARD = "wizard", _("Wat de tovenaar zou weg toveren")
    STAYS = "stays", _("Wat mag blijven")
    LIVES = "lives", _("Wie woont er in het huis")
    VISITS = "visits", _("Wie komt op bezoek en helpt")
    NOT_IN = "not_in", _("Wie mag niet binnen")
    RULES = "rules", _("De regels van het huis")
    PATH = "path", _("Het veiligheidspad")


PARTS: dict[str, tuple[Part, ...]] = {
    Tool.THREE_HOUSES: (Part.WORRIES, Part.GOOD, Part.DREAMS),
    Tool.FAIRY_WIZARD: (Part.FAIRY, Part.WIZARD, Part.STAYS),
    Tool.SAFETY_HOUSE: (Part.LIVES, Part.VISITS, Part.NOT_IN, Part.RULES, Part.PATH),
}

# The question a professional asks for each part, shown above its words.
PART_PROMPTS: dict[str, Any] = {
    Part.WORRIES: _("Waar maak je je zorgen over? Wat is er moeilijk of eng?"),
    Part.GOOD: _("Wat gaat er goed? Waar word je blij van?"),
    Part.DREAMS: _("Hoe zou het zijn als alles goed is? Wat wens je?"),
    Part.FAIRY: _("Als de fee langskomt: wat zou ze beter maken?"),
    Part.WIZARD: _("Als de tovenaar langskomt: wat zou hij weg toveren?"),
    Part.STAYS: _("Wat mag zeker blijven zoals het is?"),
    Part.LIVES: _("Wie woont er in jouw veiligheidshuis?"),
    Part.VISITS: _("Wie komt op bezoek en helpt jou?"),
    Part.NOT_IN: _("Wie mag er niet binnen? Waarom niet?"),
    Part.RULES: _("Welke regels zijn er in jouw huis, zodat jij veilig bent?"),
    Part.PATH: _("Waar sta jij op het pad? 0 is de deur, 10 is helemaal veilig in huis."),
}

# Where a part belongs on the map of the trajectory (assessments.MapColumn).
MAP_GROUP: dict[str, str] = {
    Part.WORRIES: MapColumn.WORRIES,
    Part.WIZARD: MapColumn.WORRIES,
    Part.NOT_IN: MapColumn.WORRIES,
    Part.GOOD: MapColumn.GOING_WELL,
    Part.STAYS: MapColumn.GOING_WELL,
    Part.VISITS: MapColumn.GOING_WELL,
    Part.LIVES: MapColumn.GOING_WELL,
    Part.DREAMS: MapColumn.NEEDS,
    Part.FAIRY: MapColumn.NEEDS,
    Part.RULES: MapColumn.NEEDS,
    Part.PATH: MapColumn.NEEDS,
}

# Parts about people: their words may name one person of the trajectory.
PERSON_PARTS = frozenset({Part.LIVES, Part.VISITS, Part.NOT_IN})


class SpokespersonReason(models.TextChoices):
    AGE = "age", _("Het kind is nog te jong")
    DISABILITY = "disability", _("Een beperking maakt praten moeilijk")
    NOT_READY = "not_ready", _("Het kind is er nog niet klaar voor")
    OTHER = "other", _("Een andere reden")


class Spokesperson(WithdrawableItem):
    """Someone who says what a child cannot say themself yet: a person of the trajectory or the
    network, or a professional. Exactly one of the two."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="spokespersons"
    )
    child = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="spokespersons", verbose_name=_("kind")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speaks_for",
        verbose_name=_("iemand uit het gezin of het netwerk"),
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("een professional"),
    )
    reason = models.CharField(_("waarom?"), max_length=20, choices=SpokespersonReason.choices)
    why = BoundedTextField(_("meer uitleg"), max_length=PARAGRAPH_MAX, blank=True)

    class Meta:
        verbose_name = _("woordvoerder")
        verbose_name_plural = _("woordvoerders")
        ordering = ["child_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(professional__isnull=True))
                | (Q(person__isnull=True) & Q(professional__isnull=False)),
                name="spokesperson_person_or_professional",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.first_name
        if self.professional is not None:
            return self.professional.get_full_name() or self.professional.get_username()
        return ""


class VoiceSession(WithdrawableItem):
    """One conversation with one child, with one tool."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="voice_sessions"
    )
    child = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="voice_sessions", verbose_name=_("kind")
    )
    held_on = models.DateField(
        _("datum"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )
    tool = models.CharField(_("werkvorm"), max_length=20, choices=Tool.choices)
    place = models.CharField(_("waar?"), max_length=SHORT_TEXT_MAX, blank=True)
    present = models.ManyToManyField(
        Person, blank=True, related_name="+", verbose_name=_("wie was erbij")
    )
    other_present = models.CharField(_("andere aanwezigen"), max_length=SHORT_TEXT_MAX, blank=True)
    note = BoundedTextField(_("notitie van de professional"), max_length=NOTE_MAX, blank=True)

    class Meta:
        verbose_name = _("gesprek met een kind")
        verbose_name_plural = _("gesprekken met kinderen")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["trajectory", "child", "-held_on"])]

    def __str__(self) -> str:
        return f"{self.get_tool_display()} {self.held_on}"


class How(models.TextChoices):
    SAID = "said", _("Het kind zei het")
    WROTE = "wrote", _("Het kind schreef het")
    SPOKESPERSON = "spokesperson", _("Een woordvoerder zei het")


class Shareable(WithdrawableItem):
    """What a child said or drew is for professionals unless the child agreed to share it."""

    child_agreed = models.BooleanField(_("het kind vond het goed om dit te delen"), default=False)
    consent_asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    consent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class ChildWords(Shareable):
    """What a child said about one part of a tool, as said: quoted, in their spelling."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="child_words")
    session = models.ForeignKey(VoiceSession, on_delete=models.PROTECT, related_name="words")
    part = models.CharField(_("deel"), max_length=20, choices=Part.choices)
    words = BoundedTextField(_("de woorden van het kind"), max_length=PARAGRAPH_MAX)
    how = models.CharField(_("hoe?"), max_length=20, choices=How.choices, default=How.SAID)
    spokesperson = models.ForeignKey(
        Spokesperson,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="words",
        verbose_name=_("woordvoerder"),
    )
    about_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("over wie?"),
    )
    path_position = models.PositiveSmallIntegerField(
        _("plek op het pad"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(PATH_TOP)],
    )
    professional_note = BoundedTextField(
        _("notitie van de professional"), max_length=NOTE_MAX, blank=True
    )

    class Meta:
        verbose_name = _("woorden van een kind")
        verbose_name_plural = _("woorden van kinderen")
        ordering = ["session_id", "id"]
        indexes = [models.Index(fields=["trajectory", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(how="spokesperson", spokesperson__isnull=False)
                | (~Q(how="spokesperson") & Q(spokesperson__isnull=True)),
                name="childwords_spokesperson_iff_how",
            ),
            models.CheckConstraint(
                condition=Q(path_position__isnull=True) | Q(part="path"),
                name="childwords_path_position_only_on_path",
            ),
        ]

    def __str__(self) -> str:
        return self.words[:60]

    @property
    def by_spokesperson(self) -> bool:
        return self.how == How.SPOKESPERSON


class DrawingMade(models.TextChoices):
    PHOTO = "photo", _("Foto van een tekening op papier")
    CANVAS = "canvas", _("Getekend op het scherm")


class Drawing(Shareable):
    """A child's drawing in a session: a picture through the safe upload path (cases.uploads).
    Its upload has the drawing's audience, so the picture follows the item rule too."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="child_drawings"
    )
    session = models.ForeignKey(VoiceSession, on_delete=models.PROTECT, related_name="drawings")
    upload = models.OneToOneField(Upload, on_delete=models.PROTECT, related_name="child_drawing")
    made = models.CharField(_("hoe gemaakt?"), max_length=10, choices=DrawingMade.choices)
    description = models.CharField(
        _("wat staat er op de tekening?"),
        max_length=SHORT_TEXT_MAX,
        help_text=_("Kort, in de woorden van het kind als dat kan. Wie niet kan zien, leest dit."),
    )
    part = models.CharField(_("bij welk deel?"), max_length=20, choices=Part.choices, blank=True)

    class Meta:
        verbose_name = _("tekening")
        verbose_name_plural = _("tekeningen")
        ordering = ["session_id", "id"]

    def __str__(self) -> str:
        return self.description


class WordsLink(WithdrawableItem):
    """The child's words linked to a decision they should lead: exactly one danger statement,
    safety goal, bottom line or plan rule. Unlinking withdraws the link."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="words_links")
    words = models.ForeignKey(ChildWords, on_delete=models.PROTECT, related_name="links")
    danger_statement = models.ForeignKey(
        DangerStatement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    safety_goal = models.ForeignKey(
        SafetyGoal, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bottom_line = models.ForeignKey(
        BottomLine, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    plan_rule = models.ForeignKey(
        PlanRule, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    TARGETS = ("danger_statement", "safety_goal", "bottom_line", "plan_rule")

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(danger_statement__isnull=False)
                    & Q(safety_goal__isnull=True)
                    & Q(bottom_line__isnull=True)
                    & Q(plan_rule__isnull=True)
                )
                | (
                    Q(danger_statement__isnull=True)
                    & Q(safety_goal__isnull=False)
                    & Q(bottom_line__isnull=True)
                    & Q(plan_rule__isnull=True)
                )
                | (
                    Q(danger_statement__isnull=True)
                    & Q(safety_goal__isnull=True)
                    & Q(bottom_line__isnull=False)
                    & Q(plan_rule__isnull=True)
                )
                | (
                    Q(danger_statement__isnull=True)
                    & Q(safety_goal__isnull=True)
                    & Q(bottom_line__isnull=True)
                    & Q(plan_rule__isnull=False)
                ),
                name="wordslink_exactly_one_target",
            )
        ]

    @property
    def target(self) -> models.Model:
        for name in self.TARGETS:
            value = getattr(self, name)
            if value is not None:
                return value
        raise ValueError("a link without a target")

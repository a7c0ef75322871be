"""The WHAT: the map, danger statements, safety goals, bottom lines and scaling.

The consultant decides danger statements, safety goals and bottom lines (the charter's WHAT);
everyone else comments or proposes wording, and a disagreement is kept next to the statement.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.items import Item, WithdrawableItem
from samenopweg.cases.models import Trajectory
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import EVENT_DATE_VALIDATORS, NOTE_MAX, PARAGRAPH_MAX
from samenopweg.people.models import Person


class MapColumn(models.TextChoices):
    WORRIES = "worries", _("Waar maken we ons zorgen over?")
    GOING_WELL = "going_well", _("Wat gaat er goed?")
    NEEDS = "needs", _("Wat moet er gebeuren?")


class MapCategory(models.TextChoices):
    """The rows inside the three columns, with the brochure's questions as prompts."""

    HARM = "harm", _("Schade in het verleden en de impact op het kind")
    DANGER_SHORT = "danger_short", _("Gevaar als er niets verandert: korte termijn")
    DANGER_MEDIUM = "danger_medium", _("Gevaar als er niets verandert: middellange termijn")
    DANGER_LONG = "danger_long", _("Gevaar als er niets verandert: lange termijn")
    COMPLICATING = "complicating", _("Wat maakt het moeilijker?")
    STRENGTH = "strength", _("Krachten")
    EXISTING_SAFETY = "existing_safety", _("Bestaande veiligheid, al een tijd getoond")
    EXCEPTION = "exception", _("Uitzonderingen: wat heeft eerder gewerkt?")
    CHANGE = "change", _("Wat moet er veranderen?")
    NEXT_STEP = "next_step", _("Volgende stappen")


CATEGORY_COLUMN: dict[str, str] = {
    MapCategory.HARM: MapColumn.WORRIES,
    MapCategory.DANGER_SHORT: MapColumn.WORRIES,
    MapCategory.DANGER_MEDIUM: MapColumn.WORRIES,
    MapCategory.DANGER_LONG: MapColumn.WORRIES,
    MapCategory.COMPLICATING: MapColumn.WORRIES,
    MapCategory.STRENGTH: MapColumn.GOING_WELL,
    MapCategory.EXISTING_SAFETY: MapColumn.GOING_WELL,
    MapCategory.EXCEPTION: MapColumn.GOING_WELL,
    MapCategory.CHANGE: MapColumn.NEEDS,
    MapCategory.NEXT_STEP: MapColumn.NEEDS,
}


class ProfessionalView(models.TextChoices):
    """Whose view an entry is when it is not a person of the trajectory."""

    CONSULENT = "consulent", _("Consulent")
    HULPVERLENER = "hulpverlener", _("Hulpverlener")
    SCHOOL = "school", _("School")
    OTHER_PROFESSIONAL = "other", _("Andere professional")


class MappingSession(models.Model):
    """A mapping conversation: when, and who took part.

    Not a case-file item: it has no audience (the entries made in it have theirs) and is never
    edited or withdrawn; its one write (`services.map.record_mapping_session`) still refuses a
    closed trajectory through the kernel's `refuse_closed`.
    """

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="mapping_sessions"
    )
    held_on = models.DateField(
        _("datum"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )
    participants = models.ManyToManyField(
        Person,
        blank=True,
        related_name="mapping_sessions",
        verbose_name=_("wie van het gezin en netwerk"),
    )
    professionals = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("welke professionals"),
    )
    other_participants = models.CharField(_("andere deelnemers"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek om in kaart te brengen")
        verbose_name_plural = _("gesprekken om in kaart te brengen")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.trajectory_id} {self.held_on}"


class MapEntry(WithdrawableItem):
    """One line on the map. It stays on the map for later sessions until moved, merged or withdrawn."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="map_entries")
    session = models.ForeignKey(
        MappingSession, on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    category = models.CharField(_("waar hoort dit?"), max_length=20, choices=MapCategory.choices)
    text = BoundedTextField(_("tekst"), max_length=PARAGRAPH_MAX)
    view_of_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wiens kijk (persoon)"),
    )
    view_of_role = models.CharField(
        _("wiens kijk (professional)"), max_length=20, choices=ProfessionalView.choices, blank=True
    )
    position = models.PositiveIntegerField(default=0)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )

    class Meta:
        verbose_name = _("regel op de kaart")
        verbose_name_plural = _("regels op de kaart")
        ordering = ["category", "position", "id"]
        indexes = [models.Index(fields=["trajectory", "category", "position"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(view_of_person__isnull=False) | ~models.Q(view_of_role=""),
                name="map_entry_has_a_view",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def column(self) -> str:
        return CATEGORY_COLUMN[self.category]

    @property
    def is_current(self) -> bool:
        return self.merged_into_id is None and self.withdrawn_at is None


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Ontwerp")
    DISCUSSED = "discussed", _("Besproken met het gezin")
    SHARED = "shared", _("Gedeeld")


class StatementSet(Item):
    """The WHAT of one trajectory as a whole: its status, and the versions shared with the family.

    An item of the file (one per trajectory, so its own one-to-one `trajectory`): its status
    steps are edits, made through the kernel's `update` (closed-file refusal, version check,
    history row, audit row). Its audience stays PROFESSIONALS: the set's working status is for
    the professionals; the family is given the frozen `SharedVersion`s.
    """

    trajectory = models.OneToOneField(
        Trajectory, on_delete=models.PROTECT, related_name="statement_set"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=StatementStatus.choices, default=StatementStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("gevaarsboodschappen en veiligheidsdoelen")
        verbose_name_plural = _("gevaarsboodschappen en veiligheidsdoelen")

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.status}"


class DangerStatement(WithdrawableItem):
    """Gevaarsboodschap: who is worried, about what behaviour of whom, its impact, and the fear."""

    who_is_worried = models.CharField(_("wie maakt zich zorgen?"), max_length=300)
    behaviour = BoundedTextField(
        _("over welk gedrag van wie? (in gewone woorden)"), max_length=PARAGRAPH_MAX
    )
    impact = BoundedTextField(
        _("welke impact heeft dit (gehad) op het kind?"), max_length=PARAGRAPH_MAX
    )
    fear = BoundedTextField(_("wat vrezen we als er niets verandert?"), max_length=PARAGRAPH_MAX)
    children = models.ManyToManyField(
        Person, related_name="danger_statements", verbose_name=_("over welk kind of welke kinderen")
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("gevaarsboodschap")
        verbose_name_plural = _("gevaarsboodschappen")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.sentence

    @property
    def sentence(self) -> str:
        """The statement as one readable sentence."""
        from django.utils.translation import gettext

        # "Who: we are worried that …" reads well whether one person or several are worried.
        return gettext(
            "%(who)s: we maken ons zorgen dat %(behaviour)s Dat heeft als gevolg dat %(impact)s "
            "Als er niets verandert, zijn we bang dat %(fear)s"
        ) % {
            "who": self.who_is_worried.strip().rstrip(":."),
            "behaviour": _clause(self.behaviour),
            "impact": _clause(self.impact),
            "fear": _clause(self.fear),
        }


def _clause(text: str) -> str:
    """A field written as a "dat"-clause: drop a leading "dat" and end with one full stop."""
    text = text.strip().rstrip(".").strip()
    if text.lower().startswith("dat "):
        text = text[4:].lstrip()
    return text + "."


class SafetyGoal(WithdrawableItem):
    """Veiligheidsdoel: the positive behaviour that answers one danger statement."""

    danger_statement = models.ForeignKey(
        DangerStatement, on_delete=models.PROTECT, related_name="goals"
    )
    parents_and_network_will = BoundedTextField(
        _("wat zullen ouders en netwerk in de plaats doen?"), max_length=PARAGRAPH_MAX
    )
    child_will_experience = BoundedTextField(
        _("wat zal het kind merken?"), max_length=PARAGRAPH_MAX
    )
    professionals_will_see = BoundedTextField(
        _("wat zullen professionals zien?"), max_length=PARAGRAPH_MAX
    )
    for_how_long = models.CharField(_("hoelang moet dit getoond worden?"), max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("veiligheidsdoel")
        verbose_name_plural = _("veiligheidsdoelen")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.parents_and_network_will[:60]


class BottomLine(WithdrawableItem):
    """Minimale bodemeis of the mandate, with its reason."""

    text = BoundedTextField(_("bodemeis"), max_length=PARAGRAPH_MAX)
    reason = BoundedTextField(_("waarom"), max_length=PARAGRAPH_MAX)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bodemeis")
        verbose_name_plural = _("bodemeisen")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class StatementChange(models.Model):
    """One change to a statement, goal or bottom line: who, when, and the text before and after.

    The readable history of the WHAT (not an item, and more than the earlier text of an edit):
    a row for every creation, edit (only the fields that changed, before and after: the page
    shows them as a word difference), withdrawal (with its reason) and status step. Edits write
    it through the kernel's `history=`; creations and withdrawals right after the kernel's
    `create`/`withdraw`, in the same transaction.
    """

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="statement_changes"
    )
    object_type = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=20)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["trajectory", "-changed_at"])]

    def __str__(self) -> str:
        return f"{self.object_type}#{self.object_id} {self.action}"


class SharedVersion(models.Model):
    """The statement set exactly as it was shared with the family; never changed afterwards.

    A kept version, not an item: each statement, goal, bottom line and disagreement in the
    snapshot carries the audience it had then, and is read through
    `cases.access.visible_kept_items`.
    """

    statement_set = models.ForeignKey(
        StatementSet, on_delete=models.PROTECT, related_name="shared_versions"
    )
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement_set", "number"], name="shared_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement_set_id} v{self.number}"


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("Opmerking")
    PROPOSAL = "proposal", _("Voorstel voor andere woorden")
    DISAGREEMENT = "disagreement", _("Ziet dit anders")
    AGREEMENT = "agreement", _("Akkoord")  # a family member's view on their own page (portal)


class StatementComment(Item):
    """A comment, a proposed wording or a disagreement, shown next to the statement; never hidden."""

    danger_statement = models.ForeignKey(
        DangerStatement, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    safety_goal = models.ForeignKey(
        SafetyGoal, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    bottom_line = models.ForeignKey(
        BottomLine, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=CommentKind.choices)
    text = BoundedTextField(_("tekst"), max_length=NOTE_MAX)
    view_of_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wiens kijk"),
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        danger_statement__isnull=False,
                        safety_goal__isnull=True,
                        bottom_line__isnull=True,
                    )
                    | models.Q(
                        danger_statement__isnull=True,
                        safety_goal__isnull=False,
                        bottom_line__isnull=True,
                    )
                    | models.Q(
                        danger_statement__isnull=True,
                        safety_goal__isnull=True,
                        bottom_line__isnull=False,
                    )
                ),
                name="statement_comment_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class ScalingRound(models.Model):
    """One moment (a mapping session or a review) where everyone present gives their numbers.

    Not an item: it has no audience (each score has its own) and is never edited or withdrawn.
    """

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="scaling_rounds"
    )
    session = models.ForeignKey(
        MappingSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scaling_rounds",
    )
    held_on = models.DateField(
        _("datum"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "id"]
        indexes = [models.Index(fields=["trajectory", "held_on"])]

    def __str__(self) -> str:
        return f"{self.trajectory_id} {self.held_on}"


class ScalingScore(Item):
    """One person's number 0-10 for one danger statement and its goals, with what makes it so."""

    round = models.ForeignKey(ScalingRound, on_delete=models.PROTECT, related_name="scores")
    danger_statement = models.ForeignKey(
        DangerStatement, on_delete=models.PROTECT, related_name="scores"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie (persoon)"),
    )
    professional_role = models.CharField(
        _("wie (professional)"), max_length=20, choices=ProfessionalView.choices, blank=True
    )
    score = models.PositiveSmallIntegerField(_("cijfer (0-10)"))
    what_makes_it = BoundedTextField(
        _("wat maakt dat het dit cijfer is?"), blank=True, max_length=PARAGRAPH_MAX
    )
    one_higher = BoundedTextField(
        _("wat zou het één cijfer hoger maken?"), blank=True, max_length=PARAGRAPH_MAX
    )

    class Meta:
        ordering = ["round__held_on", "id"]
        indexes = [models.Index(fields=["trajectory", "danger_statement"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__lte=10), name="scaling_score_0_10"),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(professional_role=""),
                name="scaling_score_has_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score}/10"

    @property
    def is_family(self) -> bool:
        return self.person_id is not None

"""The trajectory: registration, stages, the safety question, the case team."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.accounts.models import Organisation, Team
from samenopweg.accounts.roles import FAMILY_CASE_ROLES, PROFESSIONAL_CASE_ROLES, CaseRole
from samenopweg.cases.items import Item
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.models import Versioned
from samenopweg.core.validators import EVENT_DATE_VALIDATORS, PARAGRAPH_MAX

__all__ = ["FAMILY_CASE_ROLES", "PROFESSIONAL_CASE_ROLES", "CaseRole"]  # kept importable from here


class Framework(models.TextChoices):
    """The legal frame the services work in (OCJ: first two; SDJ: last two)."""

    VERONTRUSTING = "verontrusting", _("Verontrusting")
    MAATSCHAPPELIJKE_NOODZAAK = "maatschappelijke_noodzaak", _("Maatschappelijke noodzaak")
    VOS = "vos", _("Verontrustende opvoedingssituatie (VOS)")
    MOF = "mof", _("Als misdrijf omschreven feit (MOF)")


# The frame the professionals may not know by its name alone, explained where it is chosen
# (the registration and edit forms) and read (the trajectory's overview).
FRAMEWORK_HELP = _(
    "Maatschappelijke noodzaak: het kind heeft hulp nodig, maar vrijwillige hulp lukt niet "
    "of het gezin weigert ze. Dan komt de overheid tussen."
)

OCJ_FRAMEWORKS = (Framework.VERONTRUSTING, Framework.MAATSCHAPPELIJKE_NOODZAAK)
SDJ_FRAMEWORKS = (Framework.VOS, Framework.MOF)
# The frames with a youth judge: SDJ (VOS, MOF), and an OCJ file referred to the public
# prosecutor because help is a "maatschappelijke noodzaak" (reports: the report to the judge).
YOUTH_JUDGE_FRAMEWORKS = frozenset(
    {Framework.VOS, Framework.MOF, Framework.MAATSCHAPPELIJKE_NOODZAAK}
)


class Stage(models.TextChoices):
    AANMELDING = "aanmelding", _("Aanmelding")
    IN_KAART = "in_kaart", _("In kaart brengen")
    PLAN = "plan", _("Plan")
    OPVOLGING = "opvolging", _("Opvolging")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class SafetyAnswer(models.TextChoices):
    YES = "yes", _("Ja")
    UNCLEAR = "unclear", _("Onduidelijk")
    NO = "no", _("Nee")


class Urgency(models.TextChoices):
    TODAY = "today", _("Vandaag")
    WITHIN_72_HOURS = "72h", _("Binnen 72 uur")
    REGULAR = "regular", _("Gewoon verloop")


class Trajectory(Versioned):
    """One family's path with the services, from registration to closure."""

    reference = models.CharField(_("referentie"), max_length=40, unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("dienst"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="trajectories", verbose_name=_("team")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_trajectories",
        verbose_name=_("consulent"),
    )
    framework = models.CharField(_("kader"), max_length=30, choices=Framework.choices)
    youth_judge_reference = models.CharField(
        _("referentie jeugdrechter"), max_length=60, blank=True
    )
    reason = BoundedTextField(
        _("waarom zijn de diensten betrokken?"),
        help_text=_("In gewone woorden, zoals je het aan de ouders en het kind zou uitleggen."),
        max_length=PARAGRAPH_MAX,
    )
    goal = BoundedTextField(
        _("waar werken we samen naartoe?"),
        help_text=_("Wanneer is het veilig genoeg? In gewone woorden."),
        max_length=PARAGRAPH_MAX,
    )
    stage = models.CharField(
        _("fase"), max_length=20, choices=Stage.choices, default=Stage.AANMELDING
    )
    stage_changed_at = models.DateTimeField(default=timezone.now)
    registered_on = models.DateField(
        _("aangemeld op"), default=timezone.localdate, validators=EVENT_DATE_VALIDATORS
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # A child of this trajectory had one closed in the year before it was registered
    # (people.registration.earlier_trajectory): the new one says so and links to it.
    earlier = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("eerder traject"),
    )
    # Summary of the latest "is the child safe now?" answers, kept by cases.services so the
    # caseload dashboard can sort thousands of trajectories without reading every check.
    safety_status = models.CharField(max_length=10, choices=SafetyAnswer.choices, blank=True)
    safety_checked_at = models.DateTimeField(null=True, blank=True)
    safety_check_due_at = models.DateTimeField(null=True, blank=True)
    next_step_urgency = models.CharField(max_length=10, choices=Urgency.choices, blank=True)
    next_step_due_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The reference and the names of everyone in the file, case-folded, kept by
    # cases.services.refresh_search_text: the dashboard's search reads one column per
    # trajectory instead of matching every person of thousands of trajectories.
    search_text = models.TextField(blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        indexes = [
            models.Index(fields=["team", "stage"]),
            models.Index(fields=["owner", "stage"]),
            models.Index(fields=["safety_check_due_at"]),
            models.Index(fields=["registered_on"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def framework_help(self) -> str:
        """What the frame means, for the one frame whose name does not say it; else ""."""
        if self.framework == Framework.MAATSCHAPPELIJKE_NOODZAAK:
            return str(FRAMEWORK_HELP)
        return ""

    @property
    def is_closed(self) -> bool:
        return self.stage == Stage.AFGESLOTEN

    @property
    def has_youth_judge(self) -> bool:
        return self.framework in YOUTH_JUDGE_FRAMEWORKS

    @property
    def safety_check_overdue(self) -> bool:
        return bool(
            not self.is_closed
            and (self.safety_check_due_at is None or self.safety_check_due_at < timezone.now())
        )


class ReferenceCounter(models.Model):
    """Next number for readable references such as OCJ-GNT-2026-00042."""

    prefix = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="reference_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last_number}"


class StageChange(models.Model):
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    reason = BoundedTextField(_("reden"), blank=True, max_length=PARAGRAPH_MAX)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.from_stage} → {self.to_stage}"


class CaseGrantQuerySet(models.QuerySet["CaseGrant"]):
    def current(self) -> CaseGrantQuerySet:
        now = timezone.now()
        return self.filter(valid_from__lte=now).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=now)
        )


class CaseGrant(models.Model):
    """Access to one trajectory for one user: who, in which role, from when until when, and why."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="case_grants",
        verbose_name=_("wie"),
    )
    role = models.CharField(_("rol in dit traject"), max_length=20, choices=CaseRole.choices)
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
        verbose_name=_("persoon in het traject"),
        help_text=_("Voor ouders, jongeren en netwerk: wie zij zijn in dit traject."),
    )
    valid_from = models.DateTimeField(_("geldig vanaf"), default=timezone.now)
    valid_until = models.DateTimeField(_("geldig tot"), null=True, blank=True)
    # The end was set by the closure (settings.WORKER_ACCESS_AFTER_CLOSURE_DAYS): a reopening
    # while it still runs lifts it again.
    ends_with_closure = models.BooleanField(default=False, editable=False)
    reason = models.CharField(_("waarom"), max_length=300)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("door")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    objects = CaseGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegang")
        verbose_name_plural = _("toegangen")
        ordering = ["valid_from", "id"]
        indexes = [
            models.Index(fields=["user", "trajectory"]),
            models.Index(fields=["trajectory", "role"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=models.F("valid_from")),
                name="grant_valid_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.trajectory}"

    @property
    def is_current(self) -> bool:
        now = timezone.now()
        return self.valid_from <= now and (self.valid_until is None or self.valid_until > now)


class SafetyCheck(Item):
    """One answer to "is the child safe now?" for one child, kept forever with who and when."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="safety_checks"
    )
    child = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        related_name="safety_checks",
        verbose_name=_("kind"),
    )
    answer = models.CharField(
        _("is het kind nu veilig?"), max_length=10, choices=SafetyAnswer.choices
    )
    basis = BoundedTextField(_("waarop baseer je dit?"), max_length=PARAGRAPH_MAX)
    next_step = BoundedTextField(_("wat is de volgende nodige stap?"), max_length=PARAGRAPH_MAX)
    urgency = models.CharField(_("hoe snel?"), max_length=10, choices=Urgency.choices)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("door")
    )
    checked_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("veiligheidsvraag")
        verbose_name_plural = _("veiligheidsvragen")
        ordering = ["-checked_at", "-id"]
        indexes = [models.Index(fields=["trajectory", "child", "-checked_at"])]


class AlertKind(models.TextChoices):
    ACUTE_UNSAFE = "acute_unsafe", _("Kind nu niet veilig")


class Alert(models.Model):
    """Something a team lead must see at once, until someone acknowledges it."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="alerts")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="alerts")
    kind = models.CharField(max_length=30, choices=AlertKind.choices)
    safety_check = models.ForeignKey(
        SafetyCheck, on_delete=models.PROTECT, null=True, blank=True, related_name="alerts"
    )
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["team", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.trajectory_id})"


class Notification(models.Model):
    """A message to one user, kept as a record; `send_notifications` mails the unsent ones."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notifications"
    )
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, null=True, blank=True, related_name="notifications"
    )
    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, null=True, blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self) -> str:
        return self.subject


class Draft(models.Model):
    """An autosaved, not yet submitted form: it survives a time-out and a new login."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, null=True, blank=True, related_name="drafts"
    )
    key = models.CharField(max_length=120)
    data = models.JSONField(default=dict)
    base_version = models.PositiveIntegerField(null=True, blank=True)
    # Sent when the session had timed out and kept at the next login (not by the autosave).
    after_time_out = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "trajectory", "key"], name="draft_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.key}"


class UploadStorage(FileSystemStorage):
    """Files outside the web root (settings.UPLOAD_ROOT, read at use so tests can move it);
    never served by URL: cases.views.upload_file streams them through the item rule."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.UPLOAD_ROOT)

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def _upload_storage() -> UploadStorage:
    return UploadStorage(base_url=None)


class Upload(Item):
    """A picture of a trajectory (a drawing, a photo), checked and re-encoded on the way in.

    Served only by cases.views.upload_file through the item rule: an outsider gets 404.
    """

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="uploads")
    file = models.FileField(
        storage=_upload_storage, upload_to="trajectories/%Y/%m/", max_length=200
    )
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    original_name = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("bestand")
        verbose_name_plural = _("bestanden")

    def __str__(self) -> str:
        return self.original_name or str(self.file.name)

"""The report to the youth judge (verslag aan de jeugdrechter) and the parents' version of it.

A report is built from what is on file (selectors.report_facts) and then written by the
consultant; every save keeps the text as it was (JudgeReportVersion). Finished, it changes no
more. Beside it the consultant writes the parents' version in plain words ("wat we aan de
jeugdrechter schrijven"); sharing it keeps that text as it was then (ParentsVersion, for the
parents): the family reads the shared text, never the professionals' report or a later edit.
The parents' reaction (ParentsReaction) is shown in the report.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.items import Item
from samenopweg.cases.models import Trajectory
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import NOTE_MAX, REPORT_MAX
from samenopweg.people.models import Person


def has_judge_report(trajectory: Trajectory) -> bool:
    """A report to the youth judge is written for a frame with a judge (cases.models)."""
    return trajectory.has_youth_judge


# The report's sections, in the order a judge reads them: (field, heading).
SECTIONS = (
    ("why_involved", _("Waarom de diensten betrokken zijn")),
    ("worries", _("Gevaarsboodschappen, veiligheidsdoelen en bodemeisen")),
    ("progress", _("Het verloop: schaalvragen, veiligheidsplan en evaluaties")),
    ("child_voice", _("Wat het kind zegt")),
    ("parents_view", _("De kijk van de ouders, in hun eigen woorden")),
    ("proposal", _("Voorstel aan de jeugdrechter")),
)
SECTION_FIELDS = tuple(name for name, _heading in SECTIONS)
# Everything a version keeps: the sections and the parents' version.
TEXT_FIELDS = (*SECTION_FIELDS, "parents_version")


class JudgeReport(Item):
    """One report to the youth judge: the consultant's text per section, and the parents'
    version beside it. For the professionals only, always."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="judge_reports"
    )
    why_involved = BoundedTextField(SECTIONS[0][1], max_length=REPORT_MAX, blank=True)
    worries = BoundedTextField(SECTIONS[1][1], max_length=REPORT_MAX, blank=True)
    progress = BoundedTextField(SECTIONS[2][1], max_length=REPORT_MAX, blank=True)
    child_voice = BoundedTextField(SECTIONS[3][1], max_length=REPORT_MAX, blank=True)
    parents_view = BoundedTextField(SECTIONS[4][1], max_length=REPORT_MAX, blank=True)
    proposal = BoundedTextField(SECTIONS[5][1], max_length=REPORT_MAX, blank=True)
    parents_version = BoundedTextField(
        _("wat we aan de jeugdrechter schrijven (voor de ouders)"),
        max_length=REPORT_MAX,
        blank=True,
    )
    # Who saved the text as it is now (the author of the version a later save keeps).
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    finished_on = models.DateField(_("afgerond op"), null=True, blank=True, editable=False)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("verslag aan de jeugdrechter")
        verbose_name_plural = _("verslagen aan de jeugdrechter")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.created_at:%Y-%m-%d}" if self.created_at else ""

    @property
    def is_finished(self) -> bool:
        return self.finished_on is not None

    def texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in TEXT_FIELDS}


class JudgeReportVersion(models.Model):
    """The report's text as it was before a save: number, who wrote it and when. Not an item:
    read only with its report, never edited."""

    report = models.ForeignKey(JudgeReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    texts = models.JSONField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="judge_report_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

    @classmethod
    def of(cls, before: JudgeReport) -> JudgeReportVersion:
        """The version a save keeps: the report as it was read before the save."""
        return cls(
            report_id=before.pk,
            number=before.version,
            texts=before.texts(),
            written_by_id=before.edited_by_id or before.created_by_id,
            written_at=before.updated_at,
        )

    def sections(self) -> list[tuple[Any, str]]:
        return [(heading, self.texts.get(name, "")) for name, heading in SECTIONS]


class ParentsVersion(Item):
    """The parents' version as it was shared with them: the text they read on their page."""

    report = models.ForeignKey(JudgeReport, on_delete=models.PROTECT, related_name="shares")
    number = models.PositiveIntegerField()
    text = BoundedTextField(_("tekst"), max_length=REPORT_MAX)
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("gedeelde versie voor de ouders")
        verbose_name_plural = _("gedeelde versies voor de ouders")
        ordering = ["-shared_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="parents_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} #{self.number}"


class ParentsReaction(Item):
    """What a parent says of the shared version, in their own words: shown in the report."""

    report = models.ForeignKey(JudgeReport, on_delete=models.PROTECT, related_name="reactions")
    shared_version = models.ForeignKey(
        ParentsVersion, on_delete=models.PROTECT, related_name="reactions"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = BoundedTextField(_("wat ik erover wil zeggen"), max_length=NOTE_MAX)

    class Meta:
        verbose_name = _("reactie van de ouders")
        verbose_name_plural = _("reacties van de ouders")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]

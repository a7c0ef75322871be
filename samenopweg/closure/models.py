"""The closure (afsluiting): the checklist the consultant works through before closing.

One checklist per trajectory, an item of the kernel (version, author, audit). Closing is
refused while a point of it is open, unless the consultant writes why (closure.services).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.items import Item
from samenopweg.cases.models import Trajectory
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import PARAGRAPH_MAX, PLANNED_DATE_VALIDATORS


class ClosureReason(models.TextChoices):
    """Why the help stops when the safety goals are not (all) met."""

    JUDGE_ENDED = "judge_ended", _("De jeugdrechter beëindigde de maatregel")
    REFERRED = "referred", _("Doorverwezen naar andere hulp")
    FAMILY_STOPPED = "family_stopped", _("Het gezin stopt de vrijwillige hulp")
    MOVED = "moved", _("Het gezin verhuisde buiten onze regio")
    OTHER = "other", _("Een andere reden")


# The checklist's fields, in the order of the page.
CHECKLIST_FIELDS = (
    "goals_met",
    "closure_reason",
    "closure_reason_text",
    "network_confirmed",
    "next_network_meeting_on",
    "lasting_adults_confirmed",
    "last_feedback_done",
    "child_told",
    "child_told_note",
    "contact_cards_given",
)


class ClosureChecklist(Item):
    trajectory = models.OneToOneField(
        Trajectory, on_delete=models.PROTECT, related_name="closure_checklist"
    )
    goals_met = models.BooleanField(_("de veiligheidsdoelen zijn bereikt"), default=False)
    closure_reason = models.CharField(
        _("of: waarom stopt de hulp zonder dat alle doelen bereikt zijn?"),
        max_length=20,
        choices=ClosureReason.choices,
        blank=True,
    )
    closure_reason_text = BoundedTextField(
        _("uitleg bij de reden"), max_length=PARAGRAPH_MAX, blank=True
    )
    network_confirmed = models.BooleanField(
        _("de voorzitter van het netwerk bevestigde dat het plan verder loopt"), default=False
    )
    next_network_meeting_on = models.DateField(
        _("volgend netwerkoverleg"), null=True, blank=True, validators=PLANNED_DATE_VALIDATORS
    )
    lasting_adults_confirmed = models.BooleanField(
        _("de blijvende volwassenen bevestigden dat ze er blijven"), default=False
    )
    last_feedback_done = models.BooleanField(_("de laatste feedbackronde is gedaan"), default=False)
    child_told = models.BooleanField(
        _("het kind weet in eigen woorden dat de hulp stopt"), default=False
    )
    child_told_note = BoundedTextField(
        _("hoe we het het kind vertelden (of welk verhaal van Woorden en Beelden)"),
        max_length=PARAGRAPH_MAX,
        blank=True,
    )
    contact_cards_given = models.BooleanField(
        _("iedereen van het gezin en het netwerk kreeg een contactkaart"), default=False
    )

    class Meta:
        verbose_name = _("afsluitlijst")
        verbose_name_plural = _("afsluitlijsten")

    def __str__(self) -> str:
        return f"{self.trajectory_id}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.closure_reason and not self.closure_reason_text.strip():
            errors["closure_reason_text"] = str(_("Leg de reden in een paar woorden uit."))
        if self.network_confirmed and self.next_network_meeting_on is None:
            errors["next_network_meeting_on"] = str(
                _("Kies de datum van het volgende netwerkoverleg.")
            )
        if errors:
            raise ValidationError(errors)

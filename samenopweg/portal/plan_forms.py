"""The family's check-in on a rule: how did it go? Three big choices, a few words, a day. And
the network meeting the chair writes down after the closure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.core.fields import EventDateField, LongTextField
from samenopweg.core.validators import PARAGRAPH_MAX, REPORT_MAX
from samenopweg.people.models import Person
from samenopweg.safety_plans.models import CheckOutcome

# The outcomes of safety_plans.CheckOutcome, said the way a parent or a grandmother says them.
FAMILY_OUTCOMES = [
    (CheckOutcome.WENT_WELL.value, _("Het ging goed")),
    (CheckOutcome.DID_NOT.value, _("Het ging niet goed")),
    (CheckOutcome.REMARK.value, _("Ik wil iets vertellen")),
]


class FamilyCheckInForm(forms.Form):
    """The fields are add_check_in's own: outcome, note, checked_on (the view adds who)."""

    outcome = forms.ChoiceField(
        label=_("Hoe ging het?"), choices=FAMILY_OUTCOMES, widget=forms.RadioSelect
    )
    note = LongTextField(
        label=_("Wat gebeurde er?"),
        required=False,
        limit=PARAGRAPH_MAX,
        rows=4,
        help_text=_("Dit mag je leeg laten. Wil je iets vertellen? Schrijf het hier."),
    )
    checked_on = EventDateField(label=_("Welke dag was het?"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"checked_on": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == CheckOutcome.REMARK and not (data.get("note") or "").strip():
            self.add_error("note", _("Schrijf kort wat je wil vertellen."))
        return data


class _ByName(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)


class FamilyMeetingForm(forms.Form):
    """The fields are add_network_meeting's own, but the audience: what the chair writes is
    for the network (the view sets it)."""

    held_on = EventDateField(label=_("Welke dag kwamen jullie samen?"))
    attendees = _ByName(
        label=_("Wie was er?"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_attendees = forms.CharField(
        label=_("Wie was er nog?"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: de buurvrouw of de juf."),
    )
    notes = LongTextField(
        label=_("Wat spraken jullie af?"), required=False, limit=REPORT_MAX, rows=5
    )

    def __init__(self, *args: Any, persons: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"held_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        field = self.fields["attendees"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = persons

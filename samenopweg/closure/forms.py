from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.forms import VersionField
from samenopweg.closure.models import ClosureChecklist
from samenopweg.closure.services import CLOSE_TEXT_MAX
from samenopweg.core.fields import LongTextField, PlannedDateField
from samenopweg.core.validators import PARAGRAPH_MAX


class ChecklistForm(forms.ModelForm):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    next_network_meeting_on = PlannedDateField(label=_("Volgend netwerkoverleg"), required=False)
    closure_reason_text = LongTextField(
        label=_("Uitleg bij de reden"), limit=PARAGRAPH_MAX, required=False
    )
    child_told_note = LongTextField(
        label=_("Hoe we het het kind vertelden (of welk verhaal van Woorden en Beelden)"),
        limit=PARAGRAPH_MAX,
        required=False,
    )

    class Meta:
        model = ClosureChecklist
        fields = (
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

    def __init__(self, *args: Any, exists: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.exists = exists

    def clean_version(self) -> int | None:
        version = self.cleaned_data.get("version")
        if version is not None and not self.exists:
            # The form was read at a checklist that is not there: a page from another file.
            raise forms.ValidationError(_("Herlaad de pagina en vink opnieuw af."))
        return version

    def _post_clean(self) -> None:
        """No model validation here: the model's rules (a reason needs its text, a confirmed
        plan its next meeting) run in the kernel's full_clean, reported next to the field."""


class CloseForm(forms.Form):
    version = VersionField()
    reason = LongTextField(label=_("Waarom sluiten we af?"), limit=CLOSE_TEXT_MAX, rows=3)
    close_anyway = LongTextField(
        label=_("Nog niet alles is afgevinkt: waarom sluiten we toch af?"),
        limit=CLOSE_TEXT_MAX,
        rows=3,
        required=False,
    )

"""Forms for the safety question, stages, editing a trajectory and the case team. Messages in
Dutch. The registration forms and the family grant form (they list persons) are in
people.case_forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.models import (
    FRAMEWORK_HELP,
    CaseRole,
    Framework,
    SafetyAnswer,
    Stage,
    Urgency,
)
from samenopweg.core.fields import LongTextField, PlannedDateField
from samenopweg.core.validators import PARAGRAPH_MAX
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea


class VersionField(forms.IntegerField):
    """The version an edit started from (optimistic locking)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        super().__init__(**kwargs)


class SafetyFields(forms.Form):
    """Is the child safe now? Shared by registration and later checks."""

    safety_answer = forms.ChoiceField(
        label=_("Is het kind nu veilig?"), choices=SafetyAnswer.choices, widget=forms.RadioSelect
    )
    safety_basis = LongTextField(label=_("Waarop baseer je dit?"), limit=PARAGRAPH_MAX, rows=2)
    next_step = LongTextField(
        label=_("Wat is de volgende nodige stap?"), limit=PARAGRAPH_MAX, rows=2
    )
    urgency = forms.ChoiceField(
        label=_("Hoe snel?"), choices=Urgency.choices, widget=forms.RadioSelect
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("safety_answer") == SafetyAnswer.NO and data.get("urgency") == Urgency.REGULAR:
            self.add_error(
                "urgency",
                _("Het kind is nu niet veilig: kies 'vandaag' of 'binnen 72 uur'."),
            )
        return data


SAME_FOR_ALL = "same_safety"
_SAFETY_FIELDS = ("safety_answer", "safety_basis", "next_step", "urgency")


def same_safety_for_all(data: Any, prefixes: list[str]) -> Any:
    """With "same answer for all children" ticked, every child of `prefixes` (form prefixes, the
    first one filled in) gets the first child's answer, so three siblings need it typed once."""
    if not data or not data.get(SAME_FOR_ALL) or len(prefixes) < 2:
        return data
    data = data.copy()
    first, *others = prefixes
    for prefix in others:
        for name in _SAFETY_FIELDS:
            data[f"{prefix}-{name}"] = data.get(f"{first}-{name}", "")
    return data


class SafetyCheckForm(SafetyFields):
    """A later round of the safety question, one per child."""

    def __init__(self, *args: Any, child: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child


def stage_form_session_key(trajectory: Any) -> str:
    """Where a refused stage change keeps what was typed, for the trajectory page to show."""
    return f"stage_form:{trajectory.pk}"


class StageChangeForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Naar fase"), choices=Stage.choices)
    reason = LongTextField(
        label=_("Reden"),
        required=False,
        limit=PARAGRAPH_MAX,
        rows=2,
        help_text=_("Verplicht bij afsluiten of heropenen."),
    )
    version = VersionField()


def reason_field(rows: int) -> forms.CharField:
    """A trajectory's `reason`, as the family is told it (registration and the edit page)."""
    return LongTextField(
        label=_("Waarom zijn de diensten betrokken?"),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": rows}),
        help_text=_("In gewone woorden, zoals je het aan de ouders en het kind zou uitleggen."),
    )


def goal_field(rows: int) -> forms.CharField:
    """A trajectory's `goal`: when it is safe enough to stop."""
    return LongTextField(
        label=_("Waar werken we samen naartoe?"),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": rows}),
        help_text=_("Wanneer is het veilig genoeg om te stoppen?"),
    )


class TrajectoryEditForm(forms.Form):
    framework = forms.ChoiceField(
        label=_("Kader"), choices=Framework.choices, help_text=FRAMEWORK_HELP
    )
    youth_judge_reference = forms.CharField(
        label=_("Referentie jeugdrechter"), required=False, max_length=60
    )
    reason = reason_field(rows=6)
    goal = goal_field(rows=6)
    version = VersionField()


class GrantFields(forms.Form):
    """Whom to give access: typed as an e-mail address or user name, never picked from a list
    (a list would show every professional, or every parent, to anyone who opens the page)."""

    who = forms.CharField(
        label=_("E-mailadres of gebruikersnaam"),
        max_length=254,
        help_text=_("Precies zoals bij het account."),
    )
    valid_until = PlannedDateField(
        label=_("Toegang tot en met"),
        required=False,
        help_text=_("Leeg laten: tot iemand de toegang beëindigt."),
    )
    reason = forms.CharField(label=_("Waarom"), max_length=300)

    def clean_who(self) -> Any:
        value = self.cleaned_data["who"].strip()
        user = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(username__iexact=value) | Q(email__iexact=value))
            .first()
        )
        if user is None:
            raise forms.ValidationError(
                _("Er is geen actief account met dit e-mailadres of deze naam.")
            )
        return user

    def clean_valid_until(self) -> Any:
        value = self.cleaned_data.get("valid_until")
        if value is not None and value < timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in het verleden."))
        return value


class GrantForm(GrantFields):
    """Add a professional to the case team."""

    role = forms.ChoiceField(
        label=_("Rol in dit traject"),
        choices=[
            (CaseRole.HULPVERLENER, CaseRole.HULPVERLENER.label),
            (CaseRole.CONSULENT, CaseRole.CONSULENT.label),
        ],
    )
    field_order = ["who", "role", "valid_until", "reason"]

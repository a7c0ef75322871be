from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.forms import VersionField
from samenopweg.cases.models import CaseGrant, CaseRole
from samenopweg.core.fields import EventDateField, LongTextField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import NOTE_MAX, PARAGRAPH_MAX, SHORT_TEXT_MAX
from samenopweg.feedback import selectors
from samenopweg.feedback.models import (
    CADENCE_MAX_WEEKS,
    CADENCE_MIN_WEEKS,
    QUESTIONS,
    SCORE_FIELDS,
    SCORE_MAX,
    SCORE_MIN,
    How,
    Party,
    VersionKind,
)
from samenopweg.people.models import Person
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea

AUDIENCE_HELP = _("Ouders, netwerk en kinderen zien alleen wat met hen gedeeld is.")
SCORE_CHOICES = [(n, str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)]
# Which role on the case answers each professional version.
ANSWERING_ROLE = {
    VersionKind.CONSULTANT_ABOUT_WORKER: CaseRole.CONSULENT,
    VersionKind.WORKER_ABOUT_CONSULTANT: CaseRole.HULPVERLENER,
}


class FirstNameChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.first_name)


class ExpectationForm(forms.Form):
    party = forms.ChoiceField(label=_("Wie?"), choices=Party.choices, widget=forms.RadioSelect)
    child = FirstNameChoice(
        label=_("Welk kind?"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Alleen bij 'Kind of jongere'."),
    )
    expects = LongTextField(
        label=_("Wat verwachten we van de anderen?"),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 4}),
    )
    offers = LongTextField(
        label=_("Wat mogen de anderen van ons verwachten?"),
        limit=PARAGRAPH_MAX,
        required=False,
        widget=PlainLanguageTextarea(attrs={"rows": 4}),
    )
    written_on = EventDateField(label=_("Geschreven op"))
    audience = audience_field(Audience.PROFESSIONALS, AUDIENCE_HELP)

    def __init__(self, *args: Any, trajectory: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        children = Person.objects.filter(trajectory=trajectory, is_child=True)
        self.fields["child"].queryset = children  # type: ignore[attr-defined]


class ExpectationEditForm(ExpectationForm):
    version = VersionField()


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Waarom trek je dit in?"), max_length=SHORT_TEXT_MAX)


class CadenceForm(forms.Form):
    every_weeks = forms.IntegerField(
        label=_("Om de hoeveel weken vragen we feedback?"),
        min_value=CADENCE_MIN_WEEKS,
        max_value=CADENCE_MAX_WEEKS,
        help_text=_("Van 1 tot 26 weken. Zonder keuze is het elke 6 weken."),
    )
    # Empty while the trajectory has no cadence of its own yet.
    version = VersionField(required=False)


class SignalCloseForm(forms.Form):
    you_said = LongTextField(
        label=_("Jullie zeiden …"),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 3}),
    )
    we_did = LongTextField(
        label=_("Wij deden …"),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 3}),
    )
    audience = audience_field(
        Audience.PROFESSIONALS,
        _("Deel je dit met het gezin? Dan lezen zij wat jullie deden."),
        label=_("Delen met het gezin?"),
    )
    version = VersionField()


class RespondentUserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


# The child's version shows a face next to each number: up to 3 sad, up to 6 so-so, then happy.
# The face is decoration for the eye; its word is what a screen reader says.
FACES = (
    (3, "😢", _("verdrietig")),
    (6, "😐", _("gewoon")),
    (SCORE_MAX, "😊", _("blij")),
)


def face_of(score: int) -> tuple[str, Any]:
    """The face and its word for a score of 0 to 10."""
    return next((face, word) for upto, face, word in FACES if score <= upto)


class FaceRadioSelect(forms.RadioSelect):
    """Radios of 0 to 10 whose options carry their face (`face`, `face_label`)."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["face"], option["face_label"] = face_of(int(option["value"]))
        return option


class RoundForm(forms.Form):
    """The four lines and the open question of one version (`version_kind`), asked of one
    respondent: a parent or a child of the trajectory, or a professional on the case."""

    version_kind = forms.ChoiceField(choices=VersionKind.choices, widget=forms.HiddenInput)
    held_on = EventDateField(label=_("Datum"))
    how = forms.ChoiceField(
        label=_("Hoe werd dit ingevuld?"), choices=How.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, trajectory: Any, version_kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = version_kind
        self.for_child = version_kind == VersionKind.CHILD
        self.fields["version_kind"].initial = version_kind
        if version_kind in ANSWERING_ROLE:
            on_case = (
                CaseGrant.objects.current()
                .filter(trajectory=trajectory, role=ANSWERING_ROLE[version_kind])  # type: ignore[index]
                .values("user_id")
            )
            users = get_user_model().objects.filter(pk__in=on_case).order_by("pk")
            respondent: forms.Field = RespondentUserChoice(
                label=_("Wie antwoordt?"), queryset=users, widget=forms.RadioSelect
            )
            name = "respondent_user"
        else:
            # Only who may answer (selectors.respondents, the rule the service holds too): no
            # network, no one under a contact ban. Who was left out, and why, is not said here:
            # the form may be filled in with the family.
            hint: Any
            if self.for_child:
                hint, refused = "", _("Kies een kind uit de lijst.")
            else:
                hint = _("Een ouder of iemand die voor het kind zorgt.")
                refused = _("Kies een ouder uit de lijst, of iemand die voor het kind zorgt.")
            respondent = FirstNameChoice(
                label=_("Wie antwoordt?"),
                queryset=selectors.respondents(trajectory, version_kind),
                widget=forms.RadioSelect,
                help_text=hint,
                error_messages={"invalid_choice": refused},
            )
            name = "respondent"
        # The respondent first, then the date and how, then the questions.
        fields = {"version_kind": self.fields.pop("version_kind"), name: respondent}
        fields.update(self.fields)
        questions = QUESTIONS[version_kind]
        for field_name, question in zip(SCORE_FIELDS, questions.lines, strict=True):
            fields[field_name] = forms.TypedChoiceField(
                label=question,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=FaceRadioSelect if self.for_child else forms.RadioSelect,
            )
        fields["open_answer"] = LongTextField(
            label=questions.open, limit=NOTE_MAX, required=False, rows=4
        )
        self.fields = fields  # type: ignore[assignment]

    def clean_version_kind(self) -> str:
        # The questions shown decide: the page's version, whatever the hidden field says.
        return self.kind

    def score_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in SCORE_FIELDS]

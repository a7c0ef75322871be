from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import SafetyGoal, ScalingRound
from samenopweg.cases.forms import VersionField
from samenopweg.core.fields import EventDateField, LongTextField, PlannedDateField
from samenopweg.core.validators import NOTE_MAX, PARAGRAPH_MAX, SHORT_TEXT_MAX
from samenopweg.people.forms import PersonsChoice
from samenopweg.people.models import Person
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea
from samenopweg.reviews.models import (
    CADENCE_MAX_WEEKS,
    CADENCE_MIN_WEEKS,
    GoalStatus,
    Outcome,
    goal_field,
)
from samenopweg.reviews.services import GoalInput, ReviewData

# The fields of a review the edit page compares on a conflict, and its long texts.
REVIEW_FIELDS = (
    "held_on",
    "changes_going_well",
    "needs_adjusting",
    "help_can_stop",
    "for_the_judge",
    "outcome",
    "points_to_change",
    "next_review_on",
)
TEXTS = (
    "changes_going_well",
    "needs_adjusting",
    "help_can_stop",
    "for_the_judge",
    "points_to_change",
)


class ProfessionalsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class ScalingRoundChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(_("Schaalvragen van %(day)s")) % {
            "day": formats.date_format(obj.held_on, "SHORT_DATE_FORMAT")
        }


def _answer(label: Any, *, required: bool = True, help_text: Any = "") -> LongTextField:
    return LongTextField(
        label=label,
        limit=NOTE_MAX,
        required=required,
        help_text=help_text,
        widget=PlainLanguageTextarea(attrs={"rows": 4}),
    )


class ReviewForm(forms.Form):
    """One review meeting: the date and who was there, the brochure's four questions, a line
    per safety goal, the scaling round of the meeting, the outcome and the next date."""

    held_on = EventDateField(label=_("Datum van het evaluatiemoment"))
    participants = PersonsChoice(
        label=_("Wie van het gezin en het netwerk was erbij?"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    professionals = ProfessionalsChoice(
        label=_("Welke professionals waren erbij?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    changes_going_well = _answer(_("Lopen de veranderingen goed?"))
    needs_adjusting = _answer(_("Zijn er zaken die bijgestuurd moeten worden?"))
    help_can_stop = _answer(_("Kan onze hulp hier stoppen?"))
    for_the_judge = _answer(
        _("Wat kunnen we aan de jeugdrechter voorstellen?"),
        required=False,
        help_text=_("Nodig bij een voorstel aan de jeugdrechter."),
    )
    scaling_round = ScalingRoundChoice(
        label=_("Schaalvragen van dit evaluatiemoment"),
        queryset=ScalingRound.objects.none(),
        required=False,
        empty_label=_("Geen (nog niet gesteld)"),
        help_text=_(
            "Stel de schaalvragen bij ‘Schaalvragen’ met de datum van het evaluatiemoment en "
            "kies ze hier. De cijfers blijven daar staan, ze worden niet gekopieerd."
        ),
    )
    outcome = forms.ChoiceField(
        label=_("Wat besluiten we?"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    points_to_change = _answer(
        _("Wat moet er in het plan veranderen?"),
        required=False,
        help_text=_("Nodig als we het plan bijsturen. Het staat dan bovenaan het veiligheidsplan."),
    )
    next_review_on = PlannedDateField(
        label=_("Volgende evaluatie"),
        required=False,
        help_text=_("Mag leeg blijven bij een voorstel om af te sluiten."),
    )

    def __init__(
        self,
        *args: Any,
        trajectory: Any,
        goals: Sequence[SafetyGoal],
        professionals: Any,
        ban_notes: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        participants = self.fields["participants"]
        participants.queryset = Person.objects.filter(trajectory=trajectory).order_by(  # type: ignore[attr-defined]
            "-is_child", "first_name", "id"
        )
        # A person under a contact ban says so next to their name (people.selectors).
        participants.ban_notes = ban_notes or {}  # type: ignore[attr-defined]
        self.fields["professionals"].queryset = professionals  # type: ignore[attr-defined]
        self.fields["scaling_round"].queryset = ScalingRound.objects.filter(  # type: ignore[attr-defined]
            trajectory=trajectory
        ).order_by("-held_on", "-id")
        self.goals = list(goals)
        # The goals' lines after the four questions, before the scaling and the outcome.
        fields: dict[str, forms.Field] = {}
        for name, value in self.fields.items():
            if name == "scaling_round":
                for goal in self.goals:
                    fields.update(self._goal_fields(goal))
            fields[name] = value
        self.fields = fields  # type: ignore[assignment]

    def _goal_fields(self, goal: SafetyGoal) -> dict[str, forms.Field]:
        status = forms.ChoiceField(
            label=goal.parents_and_network_will,
            choices=GoalStatus.choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Kies hoe het met dit doel staat.")},
        )
        # The template shows the goal's heading before its status (`field.field.goal`).
        status.goal = goal  # type: ignore[attr-defined]
        return {
            goal_field(goal.pk, "status"): status,
            goal_field(goal.pk, "shown_since"): EventDateField(
                label=_("Getoond sinds"),
                required=False,
                help_text=_("Het doel zegt hoelang het getoond moet worden: %(how_long)s")
                % {"how_long": goal.for_how_long},
            ),
            goal_field(goal.pk, "note"): LongTextField(
                label=_("Toelichting bij dit doel"), limit=PARAGRAPH_MAX, required=False, rows=2
            ),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for goal in self.goals:
            status = data.get(goal_field(goal.pk, "status"))
            since = goal_field(goal.pk, "shown_since")
            if status == GoalStatus.SHOWN and not data.get(since) and since not in self.errors:
                self.add_error(since, _("Zeg sinds wanneer het getoond wordt."))
        return data

    def review_data(self) -> ReviewData:
        data = self.cleaned_data
        return ReviewData(
            held_on=data["held_on"],
            participants=list(data["participants"]),
            professionals=list(data["professionals"]),
            changes_going_well=data["changes_going_well"],
            needs_adjusting=data["needs_adjusting"],
            help_can_stop=data["help_can_stop"],
            for_the_judge=data["for_the_judge"],
            outcome=data["outcome"],
            points_to_change=data["points_to_change"],
            next_review_on=data["next_review_on"],
            scaling_round=data["scaling_round"],
            goals=[
                GoalInput(
                    safety_goal=goal,
                    status=data[goal_field(goal.pk, "status")],
                    shown_since=data.get(goal_field(goal.pk, "shown_since")),
                    note=data.get(goal_field(goal.pk, "note"), ""),
                )
                for goal in self.goals
            ],
        )


class ReviewEditForm(ReviewForm):
    version = VersionField()


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Waarom trek je dit in?"), max_length=SHORT_TEXT_MAX)


class CadenceForm(forms.Form):
    every_weeks = forms.IntegerField(
        label=_("Om de hoeveel weken evalueren we?"),
        min_value=CADENCE_MIN_WEEKS,
        max_value=CADENCE_MAX_WEEKS,
    )
    # Empty while the trajectory has no cadence of its own yet.
    version = VersionField(required=False)

    def __init__(self, *args: Any, default_weeks: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["every_weeks"].help_text = _(
            "Van %(low)d tot %(high)d weken. Zonder keuze: elke %(weeks)d weken, zoals voor dit kader."
        ) % {"low": CADENCE_MIN_WEEKS, "high": CADENCE_MAX_WEEKS, "weeks": default_weeks}

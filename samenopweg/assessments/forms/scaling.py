"""Forms for a scaling round: the moment, and rows of numbers per danger statement."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import MappingSession, ProfessionalView
from samenopweg.core.fields import EventDateField, LongTextField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import PARAGRAPH_MAX
from samenopweg.people.models import Person

# Rows shown per danger statement without JavaScript; "add another row" posts for one more.
EMPTY_ROWS = 4
MAX_ROWS = 20

SCALE_HELP = _(
    "0: het is zo ernstig dat het kind niet thuis kan blijven wonen. "
    "10: iedereen weet dat het kind veilig genoeg is om het dossier af te sluiten."
)
SCORE_CHOICES: list[tuple[Any, Any]] = [
    ("", "—"),
    (0, _("0 – het kind kan niet thuis blijven")),
    *[(n, str(n)) for n in range(1, 10)],
    (10, _("10 – veilig genoeg om af te sluiten")),
]


def who_choices(persons: list[Person], labels: dict[int, str]) -> list[tuple[Any, Any]]:
    """The "who" select: the persons of the trajectory, then the professional roles."""
    return [
        ("", "—"),
        (_("Gezin en netwerk"), [(f"person:{p.pk}", labels[p.pk]) for p in persons]),
        (_("Professionals"), [(f"role:{v}", label) for v, label in ProfessionalView.choices]),
    ]


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(
            _("Gesprek van %(day)s") % {"day": date_format(obj.held_on, "SHORT_DATE_FORMAT")}
        )


class ScalingRoundForm(forms.Form):
    """The moment of a round, with the rows of numbers for each danger statement (`blocks`).

    One form for the edit cycle: it is valid when the moment and every row are, and only when
    there is a statement to give numbers for.
    """

    held_on = EventDateField(label=_("Datum"))
    session = SessionChoiceField(
        label=_("Bij welk gesprek?"),
        queryset=MappingSession.objects.none(),
        required=False,
        empty_label=_("Geen gesprek gekozen"),
        help_text=_("Een gesprek om in kaart te brengen van dit traject, als er een was."),
        error_messages={"invalid_choice": _("Kies een gesprek van dit traject.")},
    )

    def __init__(
        self,
        *args: Any,
        trajectory: Any,
        statements: Sequence[Any] = (),
        who_choices: list[tuple[Any, Any]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = MappingSession.objects.filter(trajectory=trajectory)  # type: ignore[attr-defined]
        data = self.data if self.is_bound else None
        self.blocks = [
            (
                statement,
                ScoreFormSet(
                    data, prefix=f"s{statement.pk}", form_kwargs={"who_choices": who_choices or []}
                ),
            )
            for statement in statements
        ]

    def is_valid(self) -> bool:
        valid = [super().is_valid()] + [formset.is_valid() for _statement, formset in self.blocks]
        return bool(self.blocks) and all(valid)


class ScoreRowForm(forms.Form):
    """One person's or role's number for one danger statement; a row left empty is ignored."""

    who = forms.ChoiceField(
        label=_("Wie geeft dit cijfer?"),
        required=False,
        error_messages={"invalid_choice": _("Kies iemand uit de lijst.")},
    )
    score = forms.TypedChoiceField(
        label=_("Cijfer (0 tot 10)"),
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=SCALE_HELP,
        error_messages={"invalid_choice": _("Kies een cijfer van 0 tot 10.")},
    )
    what_makes_it = LongTextField(
        label=_("Wat maakt dat het dit cijfer is?"), required=False, limit=PARAGRAPH_MAX, rows=2
    )
    one_higher = LongTextField(
        label=_("Wat zou het één cijfer hoger maken?"), required=False, limit=PARAGRAPH_MAX, rows=2
    )
    audience = audience_field(Audience.PROFESSIONALS)

    def __init__(self, *args: Any, who_choices: list[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["who"].choices = who_choices  # type: ignore[attr-defined]

    def is_blank(self) -> bool:
        """Nothing typed or chosen (the audience alone does not count)."""
        if not self.is_bound:
            return True
        names = ("who", "score", "what_makes_it", "one_higher")
        return not any(str(self.data.get(self.add_prefix(n), "")).strip() for n in names)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_blank():
            return data
        if not data.get("who") and "who" not in self.errors:
            self.add_error("who", _("Kies wie dit cijfer geeft."))
        if data.get("score") is None and "score" not in self.errors:
            self.add_error("score", _("Kies een cijfer van 0 tot 10."))
        return data


ScoreFormSet = formset_factory(
    ScoreRowForm, extra=EMPTY_ROWS, max_num=MAX_ROWS, absolute_max=MAX_ROWS
)

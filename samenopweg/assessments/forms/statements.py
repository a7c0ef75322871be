"""Forms for the WHAT: danger statements, safety goals, bottom lines, comments and the set's status.

Every long text may reach the family, so it uses the plain-language textarea.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import CommentKind, DangerStatement, StatementStatus
from samenopweg.cases.forms import VersionField
from samenopweg.core.fields import LongTextField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import NOTE_MAX, PARAGRAPH_MAX
from samenopweg.people.models import Person
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea

AUDIENCE_HELP = _(
    "Gevaarsboodschappen, doelen en bodemeisen schrijf je voor het gezin: ouders lezen ze mee."
)


def _audience_field(initial: int, help_text: Any = AUDIENCE_HELP) -> forms.TypedChoiceField:
    return audience_field(initial, help_text)


def _long(
    label: Any, help_text: Any = "", rows: int = 3, limit: int = PARAGRAPH_MAX
) -> forms.CharField:
    return LongTextField(
        label=label,
        help_text=help_text,
        limit=limit,
        widget=PlainLanguageTextarea(attrs={"rows": rows}),
    )


class DangerStatementForm(forms.Form):
    who_is_worried = forms.CharField(
        label=_("Wie maakt zich zorgen?"),
        max_length=300,
        help_text=_("Bijvoorbeeld: de school, de consulent en oma Maria."),
    )
    behaviour = _long(
        _("Over welk gedrag van wie? In gewone woorden."),
        _(
            "Wat doet iemand, of wat doet iemand niet? Bijvoorbeeld: dat papa en mama thuis "
            "roepen en slaan als Noor erbij is."
        ),
    )
    impact = _long(
        _("Welke gevolgen heeft dit gehad of kan dit hebben voor het kind?"),
        _("Bijvoorbeeld: dat Noor bang is om naar huis te gaan en slecht slaapt."),
    )
    fear = _long(
        _("Wat vrezen we als er niets verandert?"),
        _("Bijvoorbeeld: dat Noor gewond raakt als ze tussenbeide komt."),
    )
    children = forms.ModelMultipleChoiceField(
        label=_("Over welk kind of welke kinderen?"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één kind.")},
    )
    audience = _audience_field(Audience.PARENTS)

    def __init__(self, *args: Any, trajectory: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only this trajectory's children: anything else is "not one of the choices".
        self.fields["children"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            trajectory=trajectory, is_child=True
        ).order_by("date_of_birth", "id")


class DangerStatementEditForm(DangerStatementForm):
    version = VersionField()


# Words that turn a goal into a prohibition; the practice writes goals as what people will do.
_NEGATION = re.compile(r"\b(niet|geen|nooit|niemand|stoppen|stopt|mag niet)\b", re.IGNORECASE)


def negative_wording(text: str) -> list[str]:
    """The negations in a goal text ("niet", "geen", …), as found; empty when positive."""
    return sorted({m.group(0).lower() for m in _NEGATION.finditer(text)})


class _StatementChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        behaviour = obj.behaviour if len(obj.behaviour) <= 90 else obj.behaviour[:87] + "…"
        return f"{obj.who_is_worried}: {behaviour}"


class _SafetyGoalFields(forms.Form):
    parents_and_network_will = _long(
        _("Wat zullen ouders en netwerk in de plaats doen?"),
        _(
            "Schrijf wat ze wél zullen doen. Bijvoorbeeld: mama en papa gaan apart zitten en "
            "bellen oma Maria als de ruzie begint."
        ),
    )
    child_will_experience = _long(
        _("Wat zal het kind merken?"),
        _("Bijvoorbeeld: Noor voelt zich rustig thuis en weet wie ze kan bellen."),
    )
    professionals_will_see = _long(
        _("Wat zullen professionals zien?"),
        _("Bijvoorbeeld: bij elk huisbezoek vertellen mama, papa en Noor hetzelfde verhaal."),
    )
    for_how_long = forms.CharField(
        label=_("Hoelang moet dit getoond worden?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: zes maanden lang, ook in de schoolvakanties."),
    )
    audience = _audience_field(Audience.PARENTS)


class SafetyGoalEditForm(_SafetyGoalFields):
    version = VersionField()


class SafetyGoalForm(_SafetyGoalFields):
    danger_statement = _StatementChoice(
        label=_("Bij welke gevaarsboodschap hoort dit doel?"),
        queryset=DangerStatement.objects.none(),
        empty_label=_("Kies een gevaarsboodschap"),
        error_messages={"required": _("Kies bij welke gevaarsboodschap dit doel hoort.")},
    )
    field_order = ["danger_statement"]

    def __init__(self, *args: Any, trajectory: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["danger_statement"].queryset = DangerStatement.objects.filter(  # type: ignore[attr-defined]
            trajectory=trajectory, withdrawn_at__isnull=True
        )


class BottomLineForm(forms.Form):
    text = _long(
        _("Bodemeis"),
        _(
            "Wat moet er minstens gebeuren, los van wat het gezin zelf kiest? Bijvoorbeeld: Noor "
            "slaapt niet thuis zolang papa er drinkt."
        ),
    )
    reason = _long(
        _("Waarom is dit een bodemeis?"),
        _("Leg uit waarom dit moet, zoals je het aan de ouders zou zeggen."),
    )
    audience = _audience_field(Audience.PARENTS)


class BottomLineEditForm(BottomLineForm):
    version = VersionField()


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Waarom trek je dit in?"), max_length=300)


class StatementCommentForm(forms.Form):
    """A comment, proposed wording or disagreement; optionally in the name of someone in the file."""

    kind = forms.ChoiceField(
        label=_("Wat wil je noteren?"),
        choices=CommentKind.choices,
        initial=CommentKind.COMMENT,
        widget=forms.RadioSelect,
    )
    view_of_person = forms.TypedChoiceField(
        label=_("Wiens kijk is dit?"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Zo noteer je bijvoorbeeld dat mama dit anders ziet, in haar woorden."),
    )
    text = _long(_("Wat wil je zeggen?"), limit=NOTE_MAX)
    audience = _audience_field(
        Audience.PROFESSIONALS,
        _("Kies ‘Ook ouders’ als dit de kijk van een ouder is: dan leest die het mee."),
    )

    def __init__(self, *args: Any, persons: Sequence[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.persons = {choice.person.pk: choice.person for choice in persons}
        self.fields["view_of_person"].choices = [("", _("Mijn eigen kijk"))] + [  # type: ignore[attr-defined]
            (choice.person.pk, choice.label) for choice in persons
        ]

    def clean_view_of_person(self) -> Person | None:
        pk = self.cleaned_data.get("view_of_person")
        return self.persons.get(pk) if pk else None


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=StatementStatus.choices, widget=forms.HiddenInput)
    version = VersionField()

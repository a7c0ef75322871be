from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.forms import VersionField
from samenopweg.core.fields import BirthDateField, EventDateField, LongTextField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import NOTE_MAX, PARAGRAPH_MAX, REPORT_MAX
from samenopweg.people.models import (
    PERSON_FIELDS,
    Gender,
    NetworkKind,
    Person,
    RelationKind,
    SupportRole,
    Tie,
)
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea


class PersonForm(forms.Form):
    """A person of the trajectory; for an adult, one relation per child."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100, required=False)
    date_of_birth = BirthDateField(label=_("Geboortedatum"), required=False)
    gender = forms.ChoiceField(label=_("Geslacht"), choices=Gender.choices, required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    notes = LongTextField(label=_("Opmerkingen"), required=False, limit=NOTE_MAX)
    audience = audience_field(Audience.PARENTS, label=_("Wie mag deze gegevens zien?"))

    # A new child needs a date of birth (the safety question and the genogram use it).
    child_needs_birth_date = True

    def __init__(self, *args: Any, children: list[Any], is_child: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_child = is_child
        self.children = [] if is_child else children
        for child in self.children:
            self.fields[f"rel_{child.pk}_kind"] = forms.ChoiceField(
                label=_("Relatie tot %(name)s") % {"name": child.first_name},
                choices=[("", _("Geen relatie"))] + list(RelationKind.choices),
                required=False,
            )
            self.fields[f"rel_{child.pk}_authority"] = forms.BooleanField(
                label=_("Ouderlijk gezag over %(name)s") % {"name": child.first_name},
                required=False,
            )
            self.fields[f"rel_{child.pk}_lives"] = forms.BooleanField(
                label=_("Woont bij %(name)s") % {"name": child.first_name}, required=False
            )

    def clean_date_of_birth(self) -> Any:
        value = self.cleaned_data.get("date_of_birth")
        if value is None and self.is_child and self.child_needs_birth_date:
            raise forms.ValidationError(_("Vul de geboortedatum van het kind in."))
        return value

    def person_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}

    def relations(self) -> dict[int, tuple[str, bool, bool]]:
        result = {}
        for child in self.children:
            kind = self.cleaned_data.get(f"rel_{child.pk}_kind")
            if kind:
                result[child.pk] = (
                    kind,
                    bool(self.cleaned_data.get(f"rel_{child.pk}_authority")),
                    bool(self.cleaned_data.get(f"rel_{child.pk}_lives")),
                )
        return result


class PersonEditForm(PersonForm):
    version = VersionField()
    child_needs_birth_date = False  # a correction may leave an unknown date unknown


# --- the safety network ---------------------------------------------------------------------


def person_label(person: Person, ban_notes: dict[int, str]) -> str:
    """A person as a picker offers them, with their contact ban (people.selectors.
    contact_ban_notes, professionals only): "Marc Peeters — contactverbod met Emma"."""
    note = ban_notes.get(person.pk)
    return f"{person.full_name} — {note}" if note else person.full_name


class PersonChoice(forms.ModelChoiceField):
    """A person of the trajectory, by full name, and their contact ban when `ban_notes` holds
    it (set by the form for professionals)."""

    ban_notes: dict[int, str] = {}  # replaced per form, never changed in place

    def label_from_instance(self, obj: Any) -> str:
        return person_label(obj, self.ban_notes)


class PersonsChoice(forms.ModelMultipleChoiceField):
    """Persons of the trajectory, by full name, and their contact ban as PersonChoice."""

    ban_notes: dict[int, str] = {}  # replaced per form, never changed in place

    def label_from_instance(self, obj: Any) -> str:
        return person_label(obj, self.ban_notes)


def _network_audience(initial: int = Audience.NETWORK) -> forms.TypedChoiceField:
    return audience_field(initial)


class NetworkMemberForm(forms.Form):
    person = PersonChoice(
        label=_("Wie?"),
        queryset=Person.objects.none(),
        help_text=_(
            "Staat de persoon nog niet in het dossier? Voeg hem of haar eerst toe bij Personen."
        ),
    )
    kind = forms.ChoiceField(
        label=_("Soort"), choices=NetworkKind.choices, initial=NetworkKind.INFORMAL
    )
    tie = forms.ChoiceField(
        label=_("Band met het gezin"),
        choices=Tie.choices,
        initial=Tie.NORMAL,
        help_text=_("Zo tekent het ecogram de lijn naar het gezin."),
    )
    role_text = forms.CharField(
        label=_("Wie is dit voor het gezin?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: de buurvrouw, de trainer van Noor, de juf."),
    )
    organisation = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    commitment = LongTextField(
        label=_("Wat neemt deze persoon op zich?"),
        required=False,
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 3}),
    )
    heard_what_on = EventDateField(
        label=_("Hoorde de gevaarsboodschappen en doelen op"), required=False
    )
    is_chair = forms.BooleanField(
        label=_("Voorzitter van het netwerk: houdt het netwerk samen, ook na de diensten"),
        required=False,
    )
    audience = _network_audience()

    def __init__(
        self, *args: Any, candidates: Any, ban_notes: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if candidates is None:
            del self.fields["person"]
        else:
            self.fields["person"].queryset = candidates  # type: ignore[attr-defined]
            self.fields["person"].ban_notes = ban_notes or {}  # type: ignore[attr-defined]


class NetworkMemberEditForm(NetworkMemberForm):
    version = VersionField()


class ChildSupportForm(forms.Form):
    child = PersonChoice(label=_("Voor welk kind?"), queryset=Person.objects.none())
    adult = PersonChoice(label=_("Welke volwassene?"), queryset=Person.objects.none())
    role = forms.ChoiceField(
        label=_("Wat is deze volwassene voor het kind?"), choices=SupportRole.choices
    )
    confirmed_on = EventDateField(
        label=_("Zei ja op"),
        required=False,
        help_text=_("Laat leeg als de volwassene nog niet gevraagd is of nog niet ja zei."),
    )
    audience = _network_audience()

    def __init__(
        self,
        *args: Any,
        children: Any,
        adults: Any,
        ban_notes: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children  # type: ignore[attr-defined]
        self.fields["adult"].queryset = adults  # type: ignore[attr-defined]
        self.fields["adult"].ban_notes = ban_notes or {}  # type: ignore[attr-defined]


class ContactBanForm(forms.Form):
    person = PersonChoice(label=_("Wie mag niet bij het kind?"), queryset=Person.objects.none())
    child = PersonChoice(
        label=_("Welk kind?"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Alle kinderen"),
    )
    reason = LongTextField(
        label=_("Waarom?"),
        limit=PARAGRAPH_MAX,
        help_text=_("Alleen professionals zien dit, nooit het gezin of het netwerk."),
    )

    def __init__(self, *args: Any, persons: Any, children: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons  # type: ignore[attr-defined]
        self.fields["child"].queryset = children  # type: ignore[attr-defined]


class LiftBanForm(forms.Form):
    reason = forms.CharField(label=_("Waarom mag het nu wel?"), max_length=300)


class NetworkMeetingForm(forms.Form):
    held_on = EventDateField(label=_("Datum"))
    attendees = PersonsChoice(
        label=_("Wie was er?"), queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    other_attendees = forms.CharField(label=_("Wie nog?"), max_length=300, required=False)
    notes = LongTextField(
        label=_("Wat spraken we af?"),
        required=False,
        limit=REPORT_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 4}),
    )
    audience = _network_audience()

    def __init__(
        self, *args: Any, persons: Any, ban_notes: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {"held_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = persons  # type: ignore[attr-defined]
        self.fields["attendees"].ban_notes = ban_notes or {}  # type: ignore[attr-defined]

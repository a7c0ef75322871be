from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.forms import DateInput, VersionField
from samenopweg.core.models import Audience
from samenopweg.people.models import Gender, RelationKind


class PersonForm(forms.Form):
    """A person of the trajectory; for an adult, one relation per child."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100, required=False)
    date_of_birth = forms.DateField(label=_("Geboortedatum"), required=False, widget=DateInput())
    gender = forms.ChoiceField(label=_("Geslacht"), choices=Gender.choices, required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    notes = forms.CharField(
        label=_("Opmerkingen"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    audience = forms.TypedChoiceField(
        label=_("Wie mag deze gegevens zien?"),
        choices=Audience.choices,
        coerce=int,
        initial=Audience.PARENTS,
    )

    def __init__(self, *args: Any, children: list[Any], is_child: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
        if value is not None and value > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        return value

    def person_fields(self) -> dict[str, Any]:
        names = (
            "first_name",
            "last_name",
            "date_of_birth",
            "gender",
            "phone",
            "email",
            "notes",
            "audience",
        )
        return {name: self.cleaned_data[name] for name in names}

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

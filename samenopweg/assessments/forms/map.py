"""Forms of the map. Choices come from lists the view already read, so a page costs no extra
queries; an id that is not among them (another trajectory's person) is refused as invalid."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import (
    CATEGORY_COLUMN,
    MapCategory,
    MapColumn,
    MapEntry,
    ProfessionalView,
)
from samenopweg.assessments.selectors.map import SessionLine
from samenopweg.cases.forms import VersionField
from samenopweg.cases.models import CaseGrant
from samenopweg.core.fields import EventDateField, LongTextField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import PARAGRAPH_MAX
from samenopweg.people.models import Person
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea

AUDIENCE_HELP = _("Ouders, netwerk en kinderen zien alleen wat met hen gedeeld is.")
VIEW_REQUIRED = _("Zeg wiens kijk dit is: een persoon van het traject of een professional.")

PersonChoices = Sequence[tuple[Person, str]]


def category_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The categories grouped under their column, as the page shows them."""
    return [
        (
            str(column.label),
            [
                (category.value, str(category.label))
                for category in MapCategory
                if CATEGORY_COLUMN[category] == column
            ],
        )
        for column in MapColumn
    ]


def view_value(entry: MapEntry) -> str:
    """The whose-view choice of an entry: 'p:<person id>' or 'r:<role>'."""
    if entry.view_of_person_id is not None:
        return f"p:{entry.view_of_person_id}"
    return f"r:{entry.view_of_role}" if entry.view_of_role else ""


def _audience_field() -> forms.TypedChoiceField:
    return audience_field(Audience.PROFESSIONALS, AUDIENCE_HELP)


class _WhoseViewForm(forms.Form):
    """Whose view an entry is: one choice among the persons of the trajectory and the roles."""

    view = forms.ChoiceField(
        label=_("Wiens kijk is dit?"),
        help_text=_("Een persoon van het traject, of een professional."),
        error_messages={"required": VIEW_REQUIRED},
    )

    def __init__(self, *args: Any, persons: PersonChoices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.persons = {p.pk: p for p, _label in persons}
        self.fields["view"].choices = [  # type: ignore[attr-defined]
            ("", _("Kies wie")),
            (_("Gezin en netwerk"), [(f"p:{p.pk}", label) for p, label in persons]),
            (_("Professionals"), [(f"r:{v}", label) for v, label in ProfessionalView.choices]),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, _sep, value = (data.get("view") or "").partition(":")
        data["view_of_person"] = self.persons.get(int(value)) if kind == "p" else None
        data["view_of_role"] = value if kind == "r" else ""
        return data

    def view_fields(self) -> dict[str, Any]:
        return {
            "view_of_person": self.cleaned_data["view_of_person"],
            "view_of_role": self.cleaned_data["view_of_role"],
        }


class MapEntryForm(_WhoseViewForm):
    """A new line on the map."""

    category = forms.ChoiceField(label=_("Waar hoort dit op de kaart?"), choices=category_choices)
    text = LongTextField(
        label=_("Wat zetten we op de kaart?"),
        help_text=_("In gewone woorden, zoals het gezegd werd."),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 4}),
    )
    audience = _audience_field()
    session = forms.ChoiceField(label=_("Bij welk gesprek hoort dit?"), required=False)

    field_order = ["category", "text", "view", "audience", "session"]

    def __init__(
        self, *args: Any, persons: PersonChoices, sessions: Sequence[SessionLine], **kwargs: Any
    ) -> None:
        super().__init__(*args, persons=persons, **kwargs)
        self.sessions = {line.session.pk: line.session for line in sessions}
        self.fields["session"].choices = [  # type: ignore[attr-defined]
            ("", _("Geen gesprek")),
            *[
                (
                    str(line.session.pk),
                    _("Gesprek van %(day)s")
                    % {"day": date_format(line.session.held_on, "SHORT_DATE_FORMAT")},
                )
                for line in sessions
            ],
        ]

    def entry_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        session = data.get("session")
        return {
            "category": data["category"],
            "text": data["text"],
            "audience": data["audience"],
            "session": self.sessions.get(int(session)) if session else None,
            **self.view_fields(),
        }


class MapEntryEditForm(_WhoseViewForm):
    text = LongTextField(
        label=_("Tekst op de kaart"),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 5}),
    )
    audience = _audience_field()
    version = VersionField()

    field_order = ["text", "view", "audience", "version"]


class MapMoveForm(forms.Form):
    category = forms.ChoiceField(label=_("Verplaats naar"), choices=category_choices)
    version = VersionField()


class MapMergeForm(_WhoseViewForm):
    """Several entries become one new entry; `versions` holds 'id:version' of each as shown."""

    entries = forms.MultipleChoiceField(
        label=_("Deze regels worden samengevoegd"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens twee regels om samen te voegen.")},
    )
    versions = forms.CharField(widget=forms.HiddenInput, required=False)
    text = LongTextField(
        label=_("De nieuwe tekst"),
        help_text=_("Schrijf één regel die zegt wat de gekozen regels samen zeggen."),
        limit=PARAGRAPH_MAX,
        widget=PlainLanguageTextarea(attrs={"rows": 6}),
    )
    category = forms.ChoiceField(label=_("Waar hoort dit op de kaart?"), choices=category_choices)
    audience = _audience_field()

    field_order = ["entries", "text", "category", "view", "audience", "versions"]

    def __init__(
        self,
        *args: Any,
        persons: PersonChoices,
        candidates: Sequence[tuple[MapEntry, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, persons=persons, **kwargs)
        self.candidates = {e.pk: e for e, _label in candidates}
        self.fields["entries"].choices = [  # type: ignore[attr-defined]
            (str(e.pk), label) for e, label in candidates
        ]

    def clean_entries(self) -> list[MapEntry]:
        chosen = [self.candidates[int(pk)] for pk in self.cleaned_data["entries"]]
        if len(chosen) < 2:
            raise forms.ValidationError(_("Kies minstens twee regels om samen te voegen."))
        return chosen

    def clean_versions(self) -> dict[int, int]:
        versions: dict[int, int] = {}
        for pair in (self.cleaned_data.get("versions") or "").split(","):
            pk, _sep, version = pair.partition(":")
            if pk.isdigit() and version.isdigit():
                versions[int(pk)] = int(version)
        return versions


def versions_value(entries: Sequence[MapEntry]) -> str:
    return ",".join(f"{e.pk}:{e.version}" for e in entries)


class MapWithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Waarom trek je deze regel in?"), max_length=300)


class MappingSessionForm(forms.Form):
    held_on = EventDateField(label=_("Datum van het gesprek"))
    participants = forms.MultipleChoiceField(
        label=_("Wie van het gezin en het netwerk was erbij?"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    professionals = forms.MultipleChoiceField(
        label=_("Welke professionals waren erbij?"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_participants = forms.CharField(
        label=_("Andere deelnemers"),
        help_text=_("Bijvoorbeeld: de leerkracht, een buurvrouw."),
        max_length=300,
        required=False,
    )

    def __init__(
        self, *args: Any, persons: PersonChoices, grants: Sequence[CaseGrant], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.persons = {p.pk: p for p, _label in persons}
        self.users = {g.user_id: g.user for g in grants}
        self.fields["participants"].choices = [  # type: ignore[attr-defined]
            (str(p.pk), label) for p, label in persons
        ]
        self.fields["professionals"].choices = [  # type: ignore[attr-defined]
            (str(user_id), f"{user} ({roles})") for user_id, user, roles in _roles_by_user(grants)
        ]

    def session_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "held_on": data["held_on"],
            "participants": [self.persons[int(pk)] for pk in data["participants"]],
            "professionals": [self.users[int(pk)] for pk in data["professionals"]],
            "other_participants": data["other_participants"],
        }


def _roles_by_user(grants: Sequence[CaseGrant]) -> list[tuple[int, Any, str]]:
    """One line per professional, even with two grants on the case."""
    seen: dict[int, tuple[Any, list[str]]] = {}
    for grant in grants:
        user, roles = seen.setdefault(grant.user_id, (grant.user, []))
        role = str(grant.get_role_display()).lower()
        if role not in roles:
            roles.append(role)
    return [(pk, user, ", ".join(roles)) for pk, (user, roles) in seen.items()]

"""Forms of the case pages that list or create persons: the aanmelding (the trajectory with
its children and adults) and linking a family or network account to its person. Messages in
Dutch."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.accounts import roles
from samenopweg.accounts.models import Membership, Role, Team
from samenopweg.cases.forms import GrantFields, SafetyFields, goal_field, reason_field
from samenopweg.cases.models import FRAMEWORK_HELP, CaseRole, Framework
from samenopweg.cases.services import validate_framework
from samenopweg.core.fields import BirthDateField, EventDateField
from samenopweg.core.forms import add_errors
from samenopweg.people.forms import PersonChoice
from samenopweg.people.models import Gender, Person, RelationKind


class TrajectoryRegistrationForm(forms.Form):
    team = forms.ModelChoiceField(queryset=Team.objects.none(), label=_("Team"))
    owner = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Consulent die het traject draagt"),
    )
    framework = forms.ChoiceField(
        label=_("Kader"), choices=Framework.choices, help_text=FRAMEWORK_HELP
    )
    youth_judge_reference = forms.CharField(
        label=_("Referentie jeugdrechter"),
        required=False,
        max_length=60,
        help_text=_("Alleen voor de sociale dienst jeugdrechtbank (VOS of MOF)."),
    )
    registered_on = EventDateField(label=_("Aangemeld op"), initial=timezone.localdate)
    reason = reason_field(rows=4)
    goal = goal_field(rows=4)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_ids = Membership.objects.filter(
            user=user, role__in=roles.MANDATE_ROLES, is_active=True, team__isnull=False
        ).values("team_id")
        teams = Team.objects.filter(pk__in=team_ids, is_active=True).select_related("organisation")
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        if len(teams) == 1:
            self.fields["team"].initial = teams[0].pk
        consultants = Membership.objects.filter(
            team__in=teams, role=Role.CONSULENT, is_active=True
        ).values("user_id")
        self.fields["owner"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(Q(pk__in=consultants) | Q(pk=user.pk), is_active=True)
            .order_by("last_name", "first_name")
        )
        self.fields["owner"].initial = user.pk

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        team, framework, owner = data.get("team"), data.get("framework"), data.get("owner")
        if team and owner and not roles.may_carry_for_team(owner, team):
            self.add_error("owner", _("Deze consulent hoort niet bij dit team."))
        if team and framework:
            try:
                validate_framework(
                    team.organisation.kind, framework, data.get("youth_judge_reference", "")
                )
            except ValidationError as exc:
                add_errors(self, exc)
        return data


class ChildForm(SafetyFields):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100, required=False)
    date_of_birth = BirthDateField(label=_("Geboortedatum"))
    gender = forms.ChoiceField(label=_("Geslacht"), choices=Gender.choices, required=False)

    field_order = ["first_name", "last_name", "date_of_birth", "gender"]

    def clean_date_of_birth(self) -> Any:
        value = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if today.year - value.year > 25:
            raise forms.ValidationError(_("Dit kind zou ouder zijn dan 25 jaar. Klopt de datum?"))
        return value


class AdultForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100, required=False)
    # A blank first option: otherwise the browser submits "Moeder" for every untouched adult
    # form, the form counts as changed and an empty extra form blocks the registration.
    relation_kind = forms.ChoiceField(
        label=_("Relatie tot de kinderen"), choices=[("", "---------"), *RelationKind.choices]
    )
    gender = forms.ChoiceField(label=_("Geslacht"), choices=Gender.choices, required=False)
    has_parental_authority = forms.BooleanField(label=_("Heeft ouderlijk gezag"), required=False)
    lives_with_child = forms.BooleanField(label=_("Woont bij de kinderen"), required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)


class _Children(forms.BaseFormSet):  # type: ignore[type-arg]
    """Says in words what Django's formset says in its own ("Verstuur minimaal 1 formulier")."""

    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_few_forms": _("Vul de gegevens van minstens één kind in."),
        "too_many_forms": _("Je kunt hoogstens %(num)d kinderen tegelijk aanmelden."),
    }


class _Adults(forms.BaseFormSet):  # type: ignore[type-arg]
    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_many_forms": _("Je kunt hoogstens %(num)d volwassenen tegelijk aanmelden."),
    }


ChildFormSet = formset_factory(
    ChildForm, formset=_Children, extra=1, min_num=1, validate_min=True, max_num=12
)
AdultFormSet = formset_factory(AdultForm, formset=_Adults, extra=2, max_num=12)


class FamilyGrantForm(GrantFields):
    """Link the account of a parent, a young person or a network member to their person."""

    person: forms.ModelChoiceField = PersonChoice(
        queryset=Person.objects.none(), label=_("Wie is dit in het traject?")
    )
    role = forms.ChoiceField(
        label=_("Rol in dit traject"),
        choices=[
            (CaseRole.OUDER, CaseRole.OUDER.label),
            (CaseRole.JONGERE, CaseRole.JONGERE.label),
            (CaseRole.NETWERK, CaseRole.NETWERK.label),
        ],
    )
    field_order = ["person", "who", "role", "valid_until", "reason"]

    def __init__(
        self, *args: Any, persons: Any, ban_notes: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons  # type: ignore[attr-defined]
        # Who is under a contact ban, before they get an account (professionals only).
        self.fields["person"].ban_notes = ban_notes or {}  # type: ignore[attr-defined]

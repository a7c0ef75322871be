"""Forms of the invitations: the professional's (who, e-mail, language) and the family's (the
printed code, a username and a password), the latter in short, plain words."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopweg.accounts.models import Language
from samenopweg.accounts.roles import CaseRole
from samenopweg.portal.invitations import Invitee, password_help


class InviteForm(forms.Form):
    """Whom to invite, in which role; the e-mail address is optional (else the printed code)."""

    who = forms.ChoiceField(label=_("Wie nodig je uit?"), widget=forms.RadioSelect)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_(
            "Met een adres sturen we de link per e-mail. Zonder adres geef je de link of de "
            "code zelf: je ziet ze na het bewaren, één keer."
        ),
    )
    language = forms.ChoiceField(
        label=_("Taal van de e-mail en van het account"),
        choices=Language.choices,
        initial=Language.DUTCH,
    )

    def __init__(
        self,
        *args: Any,
        invitees: list[Invitee],
        ban_notes: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        ban_notes = ban_notes or {}
        self._choices: dict[str, tuple[Any, str]] = {}
        choices = []
        for invitee in invitees:
            if not invitee.may_be_invited:
                continue
            person = invitee.person
            for role in invitee.roles:
                value = f"{person.pk}:{role}"
                label = f"{person.full_name} – {CaseRole(role).label}"
                if person.pk in ban_notes:
                    label += f" ({ban_notes[person.pk]})"
                self._choices[value] = (person, str(role))
                choices.append((value, label))
        self.fields["who"].choices = choices  # type: ignore[attr-defined]

    @staticmethod
    def value_for(invitee: Invitee) -> str:
        """The choice of `who` that preselects this person (in their first role)."""
        return f"{invitee.person.pk}:{invitee.roles[0]}" if invitee.roles else ""

    def clean_who(self) -> tuple[Any, str]:
        return self._choices[self.cleaned_data["who"]]


class CodeForm(forms.Form):
    """The code on the card, as the person types it (with or without the dash)."""

    code = forms.CharField(
        label=_("Je code"),
        max_length=20,
        help_text=_("Die staat op je kaartje, bijvoorbeeld ABCD-2345. Het streepje mag weg."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class PasswordForm(forms.Form):
    """A username and a new password, typed twice; the project's validators apply in the
    service (portal.invitations.redeem), which names the field it refuses."""

    username = forms.CharField(
        label=_("Kies een gebruikersnaam"),
        max_length=150,
        help_text=_("Daarmee meld je je later aan. Schrijf hem op."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Kies een wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Typ je wachtwoord nog eens"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = password_help()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, again = data.get("password"), data.get("password_again")
        if first and again and first != again:
            self.add_error("password_again", _("De twee wachtwoorden zijn niet gelijk."))
        return data

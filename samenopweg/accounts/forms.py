"""The forms of the two-factor login pages."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "autocapitalize": "off",
    "spellcheck": "false",
    "size": "8",
}


def _app_code(value: str) -> str:
    """Six digits, whatever spaces the person typed between them; else a message."""
    code = re.sub(r"\s", "", value)
    if not re.fullmatch(r"\d{6}", code):
        raise forms.ValidationError(_("Typ de 6 cijfers die nu in je app staan."))
    return code


class SetupForm(forms.Form):
    code = forms.CharField(
        label=_("Code uit je app"),
        max_length=20,
        widget=forms.TextInput(attrs=CODE_ATTRS),
        error_messages={"required": _("Typ de 6 cijfers die nu in je app staan.")},
    )

    def clean_code(self) -> str:
        return _app_code(self.cleaned_data["code"])


class VerifyForm(forms.Form):
    """The second step: the app's code, or one recovery code when the phone is not at hand."""

    code = forms.CharField(
        label=_("Code uit je app"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={**CODE_ATTRS, "autofocus": True}),
    )
    recovery_code = forms.CharField(
        label=_("Of een herstelcode"),
        max_length=40,
        required=False,
        help_text=_("Gebruik een herstelcode als je je telefoon niet bij je hebt."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        value = self.cleaned_data["code"]
        return _app_code(value) if value.strip() else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("code") and not data.get("recovery_code", "").strip():
            self.add_error("code", _("Typ de 6 cijfers die nu in je app staan."))
        return data


class TurnOffForm(forms.Form):
    secret = forms.CharField(
        label=_("Je wachtwoord of een code uit je app"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Typ je wachtwoord of een code uit je app.")},
    )

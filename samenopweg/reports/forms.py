from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.forms import VersionField
from samenopweg.core.fields import EventDateField, LongTextField
from samenopweg.core.validators import NOTE_MAX, REPORT_MAX
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea
from samenopweg.reports.models import SECTIONS, TEXT_FIELDS

# What the plain-language check reads after a save: the text the parents get.
TEXTS = ("parents_version",)

PARENTS_HELP = _(
    "Wat we aan de jeugdrechter schrijven, in gewone woorden: korte zinnen, geen vakwoorden. "
    "De ouders lezen deze tekst pas als je ze deelt."
)


class ReportForm(forms.Form):
    """The report's six sections and the parents' version beside it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, heading in SECTIONS:
            # Why the services are involved is what a judge reads first: never left out.
            self.fields[name] = LongTextField(
                label=heading, limit=REPORT_MAX, required=name == "why_involved", rows=8
            )
        self.fields["parents_version"] = LongTextField(
            label=_("Wat we aan de jeugdrechter schrijven (de versie voor de ouders)"),
            limit=REPORT_MAX,
            required=False,
            help_text=PARENTS_HELP,
            widget=PlainLanguageTextarea(attrs={"rows": 10}),
        )

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in TEXT_FIELDS}


class ReportEditForm(ReportForm):
    version = VersionField()


class ShareForm(forms.Form):
    version = VersionField()
    checked = forms.BooleanField(
        label=_(
            "Ik las de tekst na: korte zinnen, gewone woorden, en niets wat alleen voor de "
            "professionals is."
        ),
        error_messages={"required": _("Lees de tekst na en vink dit aan voor je deelt.")},
    )


class FinishForm(forms.Form):
    version = VersionField()
    finished_on = EventDateField(label=_("Afgerond op"))


class ReactionForm(forms.Form):
    text = LongTextField(
        label=_("Wat wil je erover zeggen?"),
        limit=NOTE_MAX,
        rows=6,
    )

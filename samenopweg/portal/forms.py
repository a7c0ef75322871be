"""Forms of the family's pages: short, in plain words, one thing at a time."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopweg.core.fields import LongTextField
from samenopweg.core.validators import NOTE_MAX
from samenopweg.feedback.forms import RoundForm
from samenopweg.portal.what import VIEW_CHOICES


class OwnViewForm(forms.Form):
    """What a parent (or a network member, a young person) thinks of one shared item."""

    view = forms.ChoiceField(
        label=_("Wat vind jij?"), choices=VIEW_CHOICES, widget=forms.RadioSelect
    )
    text = LongTextField(
        label=_("Zeg het in je eigen woorden"),
        required=False,
        limit=NOTE_MAX,
        rows=4,
        help_text=_("De hulpverleners lezen dit. Ze zien het naast de tekst."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("view") in ("disagree", "comment") and not (data.get("text") or "").strip():
            self.add_error("text", _("Schrijf kort wat je denkt."))
        return data


class FamilyRoundForm(RoundForm):
    """A feedback round the parent or the young person fills in on their own page: the same
    lines and open question as with a professional, without "who" (themself), the date (today)
    or "how" (they filled it in themself)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("version_kind", "respondent", "respondent_user", "held_on", "how"):
            self.fields.pop(name, None)

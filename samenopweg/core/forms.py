"""Form helpers every edit page shares."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict, ErrorList
from django.utils.translation import gettext_lazy as _

from samenopweg.core.models import Audience


def add_errors(form: Any, exc: ValidationError) -> None:
    """Show a service's refusal next to the field it names, or at the top of the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def hide_errors(form: Any, *formsets: Any) -> None:
    """A form restored from a draft or a time-out is shown without its errors, as typed."""
    form._errors = ErrorDict()
    for formset in formsets:
        formset._errors = []
        formset._non_form_errors = ErrorList()
        for sub in formset.forms:
            sub._errors = ErrorDict()


def audience_field(initial: int, help_text: Any = "", label: Any = None) -> forms.TypedChoiceField:
    """The choice "who may see this?" on the form of an item: an `Audience`, as an int."""
    return forms.TypedChoiceField(
        label=_("Wie mag dit zien?") if label is None else label,
        choices=Audience.choices,
        coerce=int,
        initial=initial,
        help_text=help_text,
    )

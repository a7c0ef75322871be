"""Form and model fields that carry the rules of core.validators: dates and long texts.

Form fields: EventDateField (something that happened: not in the future, not before 2000),
BirthDateField, PlannedDateField (at most five years ahead), LongTextField (a textarea with a
limit). Model field: BoundedTextField, a TextField whose max_length `full_clean` enforces, so
the kernel's writes are held to the same limit as the forms.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from samenopweg.core.validators import (
    BIRTH_DATE_VALIDATORS,
    EVENT_DATE_VALIDATORS,
    PLANNED_DATE_VALIDATORS,
    TextLengthValidator,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


class _DateField(forms.DateField):
    widget = DateInput


class EventDateField(_DateField):
    """The date of something that happened: today or earlier, from 2000 on."""

    default_validators = EVENT_DATE_VALIDATORS


class BirthDateField(_DateField):
    """A date of birth: today or earlier, from 1900 on."""

    default_validators = BIRTH_DATE_VALIDATORS


class PlannedDateField(_DateField):
    """A planned date (a review, a deadline): at most five years ahead."""

    default_validators = PLANNED_DATE_VALIDATORS


# What the counter (static/js/counter.js) says; %(count)s is replaced in the browser.
COUNTER_LEFT = _("Nog %(count)s tekens.")
COUNTER_OVER = _("%(count)s tekens te veel. Maak de tekst korter.")


class LongTextField(forms.CharField):
    """A long text with a limit: refused above `limit` characters with a message that says how
    many there are, counted live in the browser.

    The textarea gets no `maxlength`: the browser would cut a pasted text silently. It gets
    `data-maxlength` for the counter instead, and the server refuses what is too long, keeping
    everything typed in the form (and in its draft).
    """

    def __init__(self, *, limit: int, widget: Any = None, rows: int = 3, **kwargs: Any) -> None:
        self.limit = limit
        super().__init__(widget=widget or forms.Textarea(attrs={"rows": rows}), **kwargs)
        self.validators.append(TextLengthValidator(limit))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update(
            {
                "data-maxlength": str(self.limit),
                "data-counter-left": COUNTER_LEFT,
                "data-counter-over": COUNTER_OVER,
            }
        )
        return attrs


class BoundedTextField(models.TextField):  # type: ignore[type-arg]
    """A TextField with a max_length that model validation enforces (Django's does not)."""

    @cached_property
    def validators(self) -> list[Any]:
        own = [TextLengthValidator(self.max_length)] if self.max_length else []
        return [*super().validators, *own]

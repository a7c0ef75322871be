"""The rules for what a person may type in a date or a long text, in one place.

Dates of things that happened (an aanmelding, a contact, a meeting, a scaling round, "said yes
on", a check-in) lie between EVENT_FLOOR and today; birth dates between BIRTH_FLOOR and today;
planned dates (a review, a deadline, the end of an access) at most PLAN_HORIZON_YEARS ahead.
"Today" is the Brussels day (`timezone.localdate`). Form fields (core.fields) and model fields
use the same validators, so a service that sets a value without a form is held to them too.

Long texts have a limit per kind of text (TEXT_LIMITS): a reason or a paragraph the family reads,
a note, a report of a contact.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# No trajectory of the platform's practice (the Flemish youth protection as it is organised
# since the decree of 2013, and its files carried over from before) starts before 2000: an
# earlier date of an event is a typing error, such as 1800 for 2018.
EVENT_FLOOR = datetime.date(2000, 1, 1)
# A grandparent in the network can be born in the 1920s; nobody alive before 1900.
BIRTH_FLOOR = datetime.date(1900, 1, 1)
# A review, a deadline or the end of an access further ahead is a typing error (2052 for 2025).
PLAN_HORIZON_YEARS = 5

# The longest a text may be, in characters (what the field holds, with some room):
SHORT_TEXT_MAX = 300  # a reason for withdrawing, a line of who or when (CharField)
PARAGRAPH_MAX = 2_000  # a reason, a rule of a plan, a line on the map: one paragraph
NOTE_MAX = 5_000  # a note, a comment, a task's explanation: a few paragraphs
REPORT_MAX = 20_000  # a report of a contact or a meeting: some pages

TOO_LONG = _("Dit is te lang: hoogstens %(limit_value)s tekens (nu %(show_value)s).")


def _today() -> datetime.date:
    return timezone.localdate()


def _as_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value  # type: ignore[no-any-return]


def not_in_future(value: Any) -> None:
    """Refuse a date of something that happened, or a birth date, after today."""
    if value is not None and _as_date(value) > _today():
        raise ValidationError(_("Deze datum ligt in de toekomst."), code="future")


def born_not_in_future(value: Any) -> None:
    """Refuse a birth date after today."""
    if value is not None and _as_date(value) > _today():
        raise ValidationError(_("De geboortedatum ligt in de toekomst."), code="future")


@deconstructible
class NotBefore:
    """Refuse a date before `floor` (a model field's validator: it has to deconstruct)."""

    def __init__(self, floor: datetime.date) -> None:
        self.floor = floor

    def __call__(self, value: Any) -> None:
        if value is not None and _as_date(value) < self.floor:
            raise ValidationError(
                _("Deze datum ligt te ver in het verleden: kies een datum vanaf %(year)s."),
                code="too_early",
                params={"year": self.floor.year},
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NotBefore) and other.floor == self.floor

    def __hash__(self) -> int:
        return hash(self.floor)


def not_too_far_ahead(value: Any) -> None:
    """Refuse a planned date more than PLAN_HORIZON_YEARS ahead."""
    if value is None:
        return
    today = _today()
    try:
        horizon = today.replace(year=today.year + PLAN_HORIZON_YEARS)
    except ValueError:  # 29 February
        horizon = today.replace(year=today.year + PLAN_HORIZON_YEARS, day=28)
    if _as_date(value) > horizon:
        raise ValidationError(
            _("Deze datum ligt te ver in de toekomst: hoogstens %(years)s jaar vooruit."),
            code="too_far_ahead",
            params={"years": PLAN_HORIZON_YEARS},
        )


Validators = list[Callable[[Any], None]]
EVENT_DATE_VALIDATORS: Validators = [not_in_future, NotBefore(EVENT_FLOOR)]
BIRTH_DATE_VALIDATORS: Validators = [born_not_in_future, NotBefore(BIRTH_FLOOR)]
PLANNED_DATE_VALIDATORS: Validators = [not_too_far_ahead]


@deconstructible
class TextLengthValidator(MaxLengthValidator):
    """At most `limit_value` characters, with the message that says how many there are now."""

    message = TOO_LONG


def check_length(value: str, limit: int, field: str) -> str:
    """For a service that takes a text without a form: refuse it next to `field` when too long."""
    if len(value) > limit:
        raise ValidationError(
            {
                field: ValidationError(
                    TOO_LONG,
                    code="max_length",
                    params={"limit_value": limit, "show_value": len(value)},
                )
            }
        )
    return value

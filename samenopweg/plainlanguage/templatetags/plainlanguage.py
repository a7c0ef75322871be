from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string

from samenopweg.plainlanguage.checker import check

register = template.Library()


@register.simple_tag
def plain_language_report(field: Any) -> str:
    """The report of a bound field's current text, so it shows without JavaScript too."""
    value = field.value()
    if not isinstance(value, str) or not value.strip():
        return ""
    return render_to_string("plainlanguage/_report.html", {"report": check(value)})

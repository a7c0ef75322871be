"""A textarea for text the family reads: htmx posts it to the plain-language check."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.urls import reverse

# Long enough not to post on every key, short enough to feel live.
CHECK_DELAY = "800ms"


def report_id(element_id: str) -> str:
    """The id of the live region that shows the report of the field with this id."""
    return f"pl-{element_id}"


class PlainLanguageTextarea(forms.Textarea):
    """A Textarea that asks for a plain-language check after each pause in typing.

    Render `plainlanguage/_live.html` after the field for the report to land somewhere.
    The check posts only this field and its name (`hx-params`), not the surrounding form, and
    its own `input` trigger leaves the form's autosave trigger alone (the event still bubbles).
    """

    plain_language_check = True  # read by plainlanguage/_live.html

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        element_id = widget_attrs.get("id") or f"id_{name}"
        widget_attrs.update(
            {
                "hx-post": reverse("plainlanguage:check"),
                "hx-trigger": f"input changed delay:{CHECK_DELAY}",
                "hx-target": f"#{report_id(element_id)}",
                "hx-swap": "innerHTML",
                "hx-include": "this",
                "hx-vals": json.dumps({"field": name}),
                "hx-params": f"{name},field",
                "hx-sync": "this:replace",
            }
        )
        return context

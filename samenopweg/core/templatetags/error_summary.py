"""The error summary at the top of a form that came back with errors (GOV.UK's pattern)."""

from __future__ import annotations

from typing import Any

from django import forms, template

register = template.Library()


def _anchor(field: forms.BoundField) -> str:
    """The id a summary link points to: the field, or the first option of a group."""
    widget = field.field.widget
    if getattr(widget, "input_type", "") == "radio" or getattr(
        widget, "allow_multiple_selected", False
    ):
        return f"{field.auto_id}_0"
    return field.id_for_label or str(field.auto_id)


def _problems(form: Any) -> list[dict[str, str]]:
    if form is None or form == "":
        return []
    if isinstance(form, forms.BaseFormSet):
        found = [{"text": str(e), "href": ""} for e in form.non_form_errors()]
        for sub in form.forms:
            found += _problems(sub)
        return found
    if not form.is_bound or not form.errors:
        return []
    found = [{"text": str(e), "href": ""} for e in form.non_field_errors()]
    for field in form.hidden_fields():
        found += [{"text": str(e), "href": ""} for e in field.errors]
    for field in form.visible_fields():
        found += [{"text": f"{field.label}: {e}", "href": _anchor(field)} for e in field.errors]
    return found


@register.inclusion_tag("core/_error_summary.html")
def error_summary(*forms_and_formsets: Any) -> dict[str, Any]:
    """Every problem of the forms and formsets given, each a link to its field. The summary
    takes the focus when the page opens (autofocus: also without JavaScript)."""
    first = next((f for f in forms_and_formsets if f not in (None, "")), None)
    prefix = getattr(first, "prefix", None) or "form"
    problems = [p for f in forms_and_formsets for p in _problems(f)]
    return {"problems": problems, "summary_id": f"{prefix}-errors"}

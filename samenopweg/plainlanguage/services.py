"""Plain-language tips after a save: one friendly line, never a blocking error."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenopweg.plainlanguage.checker import Report, check


def findings_summary(report: Report) -> str:
    """E.g. '2 moeilijke woorden (verontrusting, problematiek) en 1 lange zin'; '' if clear."""
    parts = []
    if report.distinct_jargon:
        words = ", ".join(hit.found for hit in report.distinct_jargon)
        n = len(report.distinct_jargon)
        parts.append(
            ngettext("%(n)d moeilijk woord (%(words)s)", "%(n)d moeilijke woorden (%(words)s)", n)
            % {"n": n, "words": words}
        )
    if report.long_sentences:
        n = len(report.long_sentences)
        parts.append(ngettext("%(n)d lange zin", "%(n)d lange zinnen", n) % {"n": n})
    if report.passives:
        n = len(report.passives)
        parts.append(
            ngettext("%(n)d keer de lijdende vorm", "%(n)d keer de lijdende vorm", n) % {"n": n}
        )
    return str(get_text_list(parts, _("en"))) if parts else ""


def save_tips(
    request: HttpRequest, form: forms.Form, fields: Sequence[str], *, reader: str = ""
) -> str:
    """After a successful save: add one info message summarising the findings, if any.

    Returns the message ("" when the text is clear). `reader` ends the line; by default
    "Ouders lezen dit ook."
    """
    pieces = []
    for name in fields:
        text = form.cleaned_data.get(name) or ""
        summary = findings_summary(check(text)) if isinstance(text, str) else ""
        if summary:
            label = form.fields[name].label or name
            pieces.append(_("%(findings)s in ‘%(label)s’") % {"findings": summary, "label": label})
    if not pieces:
        return ""
    message = _("Tip: %(pieces)s. %(reader)s") % {
        "pieces": "; ".join(pieces),
        "reader": reader or _("Ouders lezen dit ook."),
    }
    messages.info(request, message)
    return message

"""The printable overview of the map and the WHAT: a page with a print stylesheet, and a PDF.

Both show `selectors.overview.overview_for(access)`: only what the reader's audience may see.
Professionals on the case print; parents get their own pages later (403 here for now).
The PDF is rendered in-process with WeasyPrint (the command line spends seconds importing).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from samenopweg.assessments.selectors.overview import overview_for
from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.decorators import trajectory_view

STYLESHEET = "css/overview.css"


@trajectory_view(require="professional", audit_as="assessments.overview")
def overview(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The one-page overview on screen; the browser prints it on A4 landscape."""
    return render(request, "assessments/print/overview.html", _context(access))


@trajectory_view(
    require="professional", audit_as="assessments.overview", audit_action=AuditAction.EXPORT
)
@require_safe
def overview_pdf(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The same overview as an A4-landscape PDF download; its read row is an EXPORT."""
    html = render_to_string("assessments/print/overview_pdf.html", _context(access), request)
    reference = access.trajectory.reference
    response = HttpResponse(
        render_pdf(html, base_url=request.build_absolute_uri("/")),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"kaart-{reference}.pdf"
    )
    # A confidential file: no copy in the browser's or a proxy's cache.
    response["Cache-Control"] = "no-store"
    return response


def _context(access: CaseAccess) -> dict[str, Any]:
    return {"access": access, "t": access.trajectory, "overview": overview_for(access)}


@functools.cache
def _stylesheet() -> Any:
    import weasyprint

    path = finders.find(STYLESHEET)
    if not path or isinstance(path, list):
        raise LookupError(STYLESHEET)
    with open(path, encoding="utf-8") as handle:
        return weasyprint.CSS(string=handle.read())


def pdf_document(html: str, *, base_url: str) -> Any:
    """The laid-out pages (a weasyprint Document), with the overview stylesheet.

    The fetcher allows only `data:` URLs: no request back to this server (which would wait for
    itself on a single worker) and nothing from the network, whatever ends up in the HTML.
    """
    import weasyprint
    from weasyprint.urls import URLFetcher

    source = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=URLFetcher(allowed_protocols={"data"})
    )
    return source.render(stylesheets=[_stylesheet()])


def render_pdf(html: str, *, base_url: str) -> bytes:
    """HTML to PDF bytes, nothing fetched from elsewhere (see `pdf_document`)."""
    pdf = pdf_document(html, base_url=base_url).write_pdf()
    assert pdf is not None  # bytes when no target is given
    return bytes(pdf)


def warm_up() -> None:
    """Import WeasyPrint, load its fonts and parse the stylesheet once, at server start.

    Otherwise the first PDF a worker renders takes about three seconds longer than the rest.
    Called from config/wsgi.py (SAMENOPWEG_WARM_PDF=0 turns it off); never fatal.
    """
    try:
        render_pdf("<!doctype html><title>.</title><p>.</p>", base_url="about:blank")
    except Exception:  # a PDF problem must not keep the site down; the PDF view reports it
        logging.getLogger(__name__).warning("Warming up WeasyPrint failed", exc_info=True)

"""The printable overview of the map and the WHAT: a page with a print stylesheet, and a PDF.

Both show `selectors.overview.overview_for(access)`: only what the reader's audience may see.
Professionals on the case print; parents get their own pages later (403 here for now).
The PDF is rendered in-process with WeasyPrint (the command line spends seconds importing).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from samenopweg.assessments.selectors.overview import overview_for
from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.core import pdf

STYLESHEET = "css/overview.css"


@trajectory_view(require=Require.PROFESSIONAL)
def overview(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The one-page overview on screen; the browser prints it on A4 landscape."""
    return render(request, "assessments/print/overview.html", _context(access))


@trajectory_view(require=Require.PROFESSIONAL, audit_action=AuditAction.EXPORT)
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


def pdf_document(html: str, *, base_url: str) -> Any:
    """The overview's laid-out pages (see core.pdf)."""
    return pdf.pdf_document(html, base_url=base_url, stylesheet=STYLESHEET)


def render_pdf(html: str, *, base_url: str) -> bytes:
    """The overview as PDF bytes, nothing fetched from elsewhere (see core.pdf)."""
    return pdf.render_pdf(html, base_url=base_url, stylesheet=STYLESHEET)

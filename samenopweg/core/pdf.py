"""HTML to PDF in-process with WeasyPrint, for every document the app prints.

The fetcher allows only `data:` URLs: no request back to this server (which would wait for
itself on a single worker) and nothing from the network, whatever ends up in the HTML. Pictures
go in as data: URLs (see cases.uploads.data_url).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header


@functools.cache
def _stylesheet(name: str) -> Any:
    import weasyprint

    path = finders.find(name)
    if not path or isinstance(path, list):
        raise LookupError(name)
    with open(path, encoding="utf-8") as handle:
        return weasyprint.CSS(string=handle.read())


def pdf_document(html: str, *, base_url: str, stylesheet: str) -> Any:
    """The laid-out pages (a weasyprint Document) with one of our static stylesheets."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    source = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=URLFetcher(allowed_protocols={"data"})
    )
    return source.render(stylesheets=[_stylesheet(stylesheet)])


def render_pdf(html: str, *, base_url: str, stylesheet: str) -> bytes:
    pdf = pdf_document(html, base_url=base_url, stylesheet=stylesheet).write_pdf()
    assert pdf is not None  # bytes when no target is given
    return bytes(pdf)


def pdf_download(
    request: HttpRequest, html: str, *, stylesheet: str, filename: str
) -> HttpResponse:
    """`html` as a PDF download; never kept in a browser's or a proxy's cache (case data)."""
    response = HttpResponse(
        render_pdf(html, base_url=request.build_absolute_uri("/"), stylesheet=stylesheet),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    response["Cache-Control"] = "no-store"
    return response


def warm_up(
    stylesheets: tuple[str, ...] = (
        "css/overview.css",
        "css/booklet.css",
        "css/handout.css",
        "css/report.css",
    ),
) -> None:
    """Import WeasyPrint, load its fonts and parse the stylesheets once, at server start.

    Otherwise the first PDF a worker renders takes about three seconds longer than the rest.
    Called from config/wsgi.py (SAMENOPWEG_WARM_PDF=0 turns it off); never fatal.
    """
    try:
        for name in stylesheets:
            render_pdf(
                "<!doctype html><title>.</title><p>.</p>", base_url="about:blank", stylesheet=name
            )
    except Exception:  # a PDF problem must not keep the site down; the PDF views report it
        logging.getLogger(__name__).warning("Warming up WeasyPrint failed", exc_info=True)

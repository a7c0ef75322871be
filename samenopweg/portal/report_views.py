"""What the parents read of the report to the youth judge: their own version, in plain words,
as it was shared with them (reports.models.ParentsVersion), as a page and as a PDF, and their
reaction, which the consultant finds in the report.

The professionals' report is never shown here. The shared version's audience is the parents:
the network and a young person get 404, as for anything not shared with them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from samenopweg.accounts.roles import CaseRole
from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import edit_cycle, template_page
from samenopweg.core.pdf import pdf_download
from samenopweg.portal.selectors import person_of
from samenopweg.reports import selectors, services
from samenopweg.reports.forms import ReactionForm
from samenopweg.reports.models import ParentsVersion


def _shared(access: CaseAccess) -> ParentsVersion:
    share = selectors.shared_version(access)
    if share is None:
        raise Http404(_("Dit is niet met jou gedeeld."))
    return access.show(share)


@trajectory_view(require=Require.MEMBER)
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """ "Wat we aan de rechter schrijven": the parents read it and say what they think."""
    reference = access.trajectory.reference
    if access.is_professional:
        return redirect("reports:overview", reference=reference)
    share = _shared(access)
    if request.method == "POST" and access.role != CaseRole.OUDER:
        raise PermissionDenied(_("Alleen de ouders reageren op dit verslag."))
    here = reverse("portal:report", args=[reference])
    return edit_cycle(
        request,
        access,
        form=lambda data: ReactionForm(data),
        save=lambda f: services.react(
            share=share,
            person=person_of(access, request.user),
            text=f.cleaned_data["text"],
            actor=request.user,
            request=request,
        ),
        done=here + "#reactie",
        message=_("Dank je. Je reactie staat nu in ons verslag aan de rechter."),
        show=template_page(
            request,
            access,
            "portal/report.html",
            share=share,
            reactions=selectors.reactions_to(access, share),
            may_react=access.role == CaseRole.OUDER and not access.trajectory.is_closed,
        ),
        cancel_url=reverse("portal:trajectory", args=[reference]),
    )


@trajectory_view(require=Require.MEMBER, audit_action=AuditAction.EXPORT)
@require_safe
def report_pdf(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The parents' version as a PDF, in the parent's own language for its headings."""
    if access.is_professional:
        return redirect("reports:overview", reference=access.trajectory.reference)
    share = _shared(access)
    with translation.override(
        getattr(request.user, "language", None) or translation.get_language()
    ):
        html = render_to_string(
            "portal/report_pdf.html",
            {
                "t": access.trajectory,
                "share": share,
                "reactions": selectors.reactions_to(access, share),
            },
            request,
        )
    return pdf_download(
        request,
        html,
        stylesheet="css/handout.css",
        filename=f"wat-we-aan-de-rechter-schrijven-{access.trajectory.reference}.pdf",
    )

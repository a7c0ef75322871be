"""The family member's own contact card and the family summary (closure.cards): whom to call if the worries come
back, as a page on their phone and as a PDF. Open or closed, the card is theirs; after the
closure a check-in that did not go well leads here (portal.plan_views). The family summary
(reports.summary) is read the same way: what this person may see, on a page and as a PDF."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.closure.cards import ContactCard, card_for, cards_pdf, holds_a_card
from samenopweg.closure.selectors import checklist_of
from samenopweg.portal.selectors import person_of
from samenopweg.reports.summary import family_summary, summary_pdf


def _own_card(request: HttpRequest, access: CaseAccess) -> ContactCard:
    if access.is_professional:
        raise PermissionDenied(_("Deze pagina is voor het gezin."))
    person = person_of(access, request.user)
    if person is None or not holds_a_card(person):
        raise Http404(_("Dit is niet met jou gedeeld."))
    access.show(person)
    checklist = checklist_of(access.trajectory)
    meeting = checklist.next_network_meeting_on if checklist else None
    return card_for(access, person, next_meeting_on=meeting)


@trajectory_view(require=Require.MEMBER)
@require_safe
def contact_card(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    if access.is_professional:
        return redirect("closure:checklist", reference=access.trajectory.reference)
    card = _own_card(request, access)
    return render(
        request,
        "portal/contact_card.html",
        {"access": access, "t": access.trajectory, "card": card},
    )


@trajectory_view(require=Require.MEMBER, audit_action=AuditAction.EXPORT)
@require_safe
def contact_card_pdf(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    if access.is_professional:
        return redirect("closure:checklist", reference=access.trajectory.reference)
    return cards_pdf(request, [_own_card(request, access)])


@trajectory_view(require=Require.MEMBER)
@require_safe
def summary(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """What we were worried about, what changed, the plan now and the network, in plain words."""
    if access.is_professional:
        return redirect("reports:family_summary", reference=access.trajectory.reference)
    return render(
        request,
        "portal/summary.html",
        {
            "access": access,
            "t": access.trajectory,
            "summary": family_summary(access, person_of(access, request.user)),
        },
    )


@trajectory_view(require=Require.MEMBER, audit_action=AuditAction.EXPORT)
@require_safe
def summary_pdf_download(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    if access.is_professional:
        return redirect("reports:family_summary_pdf", reference=access.trajectory.reference)
    return summary_pdf(
        request,
        access,
        family_summary(access, person_of(access, request.user)),
        language=getattr(request.user, "language", None) or "",
    )

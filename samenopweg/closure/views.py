"""Pages of the closure: the checklist (the consultant ticks it), closing with it, and the
contact cards as PDF (every card, or one person's)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess, get_item_for_user
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import edit_cycle, form_page
from samenopweg.closure import selectors, services
from samenopweg.closure.cards import card_for, card_holders, cards_pdf
from samenopweg.closure.forms import ChecklistForm, CloseForm
from samenopweg.closure.models import CHECKLIST_FIELDS, ClosureChecklist
from samenopweg.people.models import Person
from samenopweg.safety_plans.handout import who_to_call

ACTIVE = "detail"


def _checklist_url(access: CaseAccess) -> str:
    return reverse("closure:checklist", args=[access.trajectory.reference])


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def checklist(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The closure checklist: what is done, what the file says next to each point, the
    contact cards to print; closing comes after it."""
    trajectory = access.trajectory
    page = selectors.checklist_page(access)
    current = page.checklist
    if current is not None:
        access.show(current)

    def form(data: QueryDict | None) -> Any:  # a ModelForm (its labels come from the model)
        initial = (
            {
                **{name: getattr(current, name) for name in CHECKLIST_FIELDS},
                "version": current.version,
            }
            if current is not None
            else {}
        )
        return ChecklistForm(data, initial=initial, exists=current is not None)

    def save(f: forms.Form) -> ClosureChecklist:
        data = f.cleaned_data
        return services.save_checklist(
            trajectory=trajectory,
            expected_version=data.get("version"),
            actor=request.user,
            request=request,
            **{name: data.get(name) for name in CHECKLIST_FIELDS},
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=_checklist_url(access),
        message=_("De afsluitlijst is bewaard."),
        show=form_page(
            request,
            access,
            heading=_("Afsluiten: de afsluitlijst"),
            submit=_("Afsluitlijst bewaren"),
            intro=_(
                "Als onze hulp stopt, weet iedereen bij wie hij terecht kan. Het veiligheidsplan "
                "stopt nooit: het netwerk houdt het vol."
            ),
            template="closure/checklist.html",
            cancel_url=reverse("dashboard:detail", args=[trajectory.reference]),
            active=ACTIVE,
            page=page,
        ),
        cancel_url=reverse("dashboard:detail", args=[trajectory.reference]),
        conflict_fields=CHECKLIST_FIELDS,
    )


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Close the trajectory: refused while a point of the checklist is open, unless the
    consultant writes why."""
    trajectory = access.trajectory
    if trajectory.is_closed:
        return redirect("dashboard:detail", reference=trajectory.reference)
    page = selectors.checklist_page(access)
    return edit_cycle(
        request,
        access,
        form=lambda data: CloseForm(data, initial={"version": trajectory.version}),
        save=lambda f: services.close_trajectory(
            trajectory=trajectory,
            reason=f.cleaned_data["reason"],
            close_anyway=f.cleaned_data["close_anyway"],
            expected_version=f.cleaned_data["version"],
            actor=request.user,
            request=request,
        ),
        done=reverse("dashboard:detail", args=[trajectory.reference]),
        message=_(
            "Het traject is afgesloten. Het gezin en het netwerk houden hun pagina en hun "
            "contactkaart."
        ),
        show=form_page(
            request,
            access,
            heading=_("Het traject afsluiten"),
            submit=_("Afsluiten"),
            template="closure/close.html",
            cancel_url=_checklist_url(access),
            active=ACTIVE,
            page=page,
        ),
        cancel_url=_checklist_url(access),
        conflict_fields=("stage",),
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_action=AuditAction.EXPORT)
@require_safe
def contact_cards(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Every contact card of the family and the network, one a page."""
    holders = card_holders(access)
    if not holders:
        return redirect(_checklist_url(access))
    checklist = selectors.checklist_of(access.trajectory)
    meeting = checklist.next_network_meeting_on if checklist else None
    contacts = who_to_call(access.trajectory)
    cards = [card_for(access, p, next_meeting_on=meeting, contacts=contacts) for p in holders]
    return cards_pdf(request, cards, filename=f"contactkaarten-{access.trajectory.reference}.pdf")


@trajectory_view(require=Require.PROFESSIONAL, audit_action=AuditAction.EXPORT)
@require_safe
def contact_card(request: HttpRequest, access: CaseAccess, person_id: int) -> HttpResponse:
    """One person's contact card."""
    person = get_item_for_user(access, Person.objects.all(), person_id)
    checklist = selectors.checklist_of(access.trajectory)
    meeting = checklist.next_network_meeting_on if checklist else None
    return cards_pdf(request, [card_for(access, person, next_meeting_on=meeting)])

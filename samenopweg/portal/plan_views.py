"""The safety plan's pages for the family: saying how a rule went, and the network member's
own handout. Who may do what is decided in portal.plan (module docstring)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from samenopweg.accounts.roles import CaseRole
from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import edit_cycle, form_page, from_form
from samenopweg.core.models import Audience
from samenopweg.people.models import Person
from samenopweg.people.services import add_network_meeting
from samenopweg.portal.plan_forms import FAMILY_OUTCOMES, FamilyCheckInForm, FamilyMeetingForm
from samenopweg.portal.seen import note_response
from samenopweg.portal.selectors import person_of
from samenopweg.safety_plans.handout import handout_download, member_for
from samenopweg.safety_plans.models import CheckOutcome, PlanRule, RuleCheckIn
from samenopweg.safety_plans.selectors import chair_goes_on, family_rule
from samenopweg.safety_plans.services import add_check_in


@trajectory_view(require=Require.MEMBER)
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, access: CaseAccess, rule_id: int) -> HttpResponse:
    """How did a rule go? A parent or a network member says so for a rule they carry.

    A rule not shared with them, or of another trajectory: 404. A rule they may see but not
    check in on (not theirs, a plan that does not run, a closed trajectory, a young person):
    403 with the reason, since the rule is on their own page and "does not exist" would be
    untrue. Professionals go to their own check-in form of the rule.
    """
    reference = access.trajectory.reference
    if access.is_professional:
        return redirect("safety_plans:check_in", reference=reference, rule_id=rule_id)
    person = person_of(access, request.user)
    line = family_rule(access, person, rule_id)
    if line.refusal:
        raise PermissionDenied(line.refusal)
    back = reverse("portal:trajectory", args=[reference]) + f"#afspraak-{line.rule.pk}"
    if not access.trajectory.is_closed:
        done: str | Callable[[RuleCheckIn], str] = back
        message: str | Callable[[RuleCheckIn], str] = _("Dank je. Je begeleider ziet hoe het ging.")
    else:
        # After the closure (only the chair gets here: check_in_refusal) no professional
        # follows up: a check-in that did not go well leads to the contact card, not an alert.
        def done(saved: RuleCheckIn) -> str:
            return _contact_card_url(reference) if saved.outcome == CheckOutcome.DID_NOT else back

        def message(saved: RuleCheckIn) -> str:
            if saved.outcome == CheckOutcome.DID_NOT:
                return _(
                    "Het ging niet goed. Bel iemand van je contactkaart als je je zorgen maakt."
                )
            return _("Dank je. Het staat in jullie plan.")

    return edit_cycle(
        request,
        access,
        form=FamilyCheckInForm,
        save=_save_check_in(request, access, line.rule, person),
        done=done,
        message=message,
        network_goes_on=access.trajectory.is_closed,
        show=form_page(
            request,
            access,
            heading=_("Hoe ging de afspraak?"),
            submit=_("Bewaren"),
            cancel_url=back,
            active="",
            template="portal/check_in.html",
            line=line,
        ),
        cancel_url=back,
    )


def _contact_card_url(reference: str) -> str:
    """The family member's contact card (portal.card_views)."""
    return reverse("portal:contact_card", args=[reference])


def _save_check_in(
    request: HttpRequest, access: CaseAccess, rule: PlanRule, person: Person | None
) -> Callable[[forms.Form], RuleCheckIn]:
    """The check-in and its journal line for the professionals, in one transaction."""
    check_in = from_form(
        request,
        add_check_in,
        rule=rule,
        told_by=person,
        # Read by whoever reads at their level: a parent's by the parents, a network
        # member's by the network and the parents too (and always by the professionals).
        audience=access.audience_floor,
    )

    def save(form: forms.Form) -> RuleCheckIn:
        with transaction.atomic():
            saved = check_in(form)
            outcome = dict(FAMILY_OUTCOMES).get(saved.outcome, saved.get_outcome_display())
            what = _("zei hoe “%(rule)s” ging: %(outcome)s") % {
                "rule": str(rule)[:80],
                "outcome": str(outcome).lower(),
            }
            if saved.note:
                what = f"{what} ({saved.note[:200]})"
            note_response(access, request.user, person, what, request)
        return saved

    return save


@trajectory_view(require=Require.MEMBER, autosave=True)
@require_http_methods(["GET", "POST"])
def network_meeting(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """After the closure the network's chair writes down their network meetings themselves:
    the plan is theirs. Anyone else of the family: 403 with the reason; professionals go to
    their own form (while the help runs, the worker writes the meetings down)."""
    reference = access.trajectory.reference
    if access.is_professional:
        return redirect("people:network_meeting_add", reference=reference)
    person = person_of(access, request.user)
    if not chair_goes_on(access, person):
        raise PermissionDenied(
            _("Na de afsluiting schrijft de voorzitter van het netwerk de overleggen op.")
        )
    persons = visible_items(access, Person.objects.all()).order_by("-is_child", "first_name", "id")
    back = reverse("portal:trajectory", args=[reference]) + "#plan-title"
    return edit_cycle(
        request,
        access,
        form=lambda data: FamilyMeetingForm(data, persons=persons),
        save=from_form(
            request,
            add_network_meeting,
            trajectory=access.trajectory,
            audience=Audience.NETWORK,
        ),
        done=back,
        message=_("Dank je. Het overleg staat in jullie plan."),
        show=form_page(
            request,
            access,
            heading=_("Een netwerkoverleg opschrijven"),
            submit=_("Bewaren"),
            cancel_url=back,
            active="",
            template="portal/network_meeting.html",
        ),
        cancel_url=back,
        network_goes_on=True,
    )


@trajectory_view(require=Require.MEMBER, audit_action=AuditAction.EXPORT)
@require_safe
def handout(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """A network member's own handout: the PDF the professionals print for them, with the
    names filled in and the numbers to call (safety_plans.handout)."""
    if access.is_professional:
        return redirect("people:network", reference=access.trajectory.reference)
    if access.role != CaseRole.NETWERK:
        raise PermissionDenied(_("Dit blad is voor de mensen van het netwerk."))
    member = member_for(access, person_of(access, request.user))
    if member is None:
        raise Http404(_("Dit is niet met jou gedeeld."))
    access.show(member)
    return handout_download(request, access, member)

"""Case pages that create or list persons: the aanmelding (registration), the safety question
per child and the case team (linking a family or network account to its person).

They sit in people because they read and write people.Person; cases.views keeps the pages
that need nothing above cases. Templates stay in cases/templates/cases/.
"""

from __future__ import annotations

import dataclasses
import datetime
import uuid
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenopweg.accounts import roles
from samenopweg.cases import services as case_services
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.decorators import Require, autosaved, trajectory_view
from samenopweg.cases.drafts import discard_draft, restored_form_data
from samenopweg.cases.forms import GrantForm, SafetyCheckForm, same_safety_for_all
from samenopweg.cases.models import SafetyAnswer, SafetyCheck
from samenopweg.core.forms import add_errors, hide_errors
from samenopweg.people import selectors
from samenopweg.people.case_forms import (
    AdultFormSet,
    ChildFormSet,
    FamilyGrantForm,
    TrajectoryRegistrationForm,
)
from samenopweg.people.models import Person
from samenopweg.people.registration import (
    AdultInput,
    ChildInput,
    Registration,
    register_trajectory,
)
from samenopweg.plainlanguage.services import save_tips

Input = TypeVar("Input", ChildInput, AdultInput)


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Aanmelding: a new trajectory with its children, adults and the first safety question."""
    if not roles.may_register(request.user):
        raise PermissionDenied(
            _("Alleen een consulent of teamverantwoordelijke meldt een traject aan.")
        )
    if request.method == "POST" and request.POST.get("_autosave"):
        return autosaved(request, None)
    notice = ""
    data: Any
    if request.method == "POST":
        data = request.POST
    else:
        data, notice = restored_form_data(request, trajectory=None)
    adding = request.method == "POST" and (
        "add_child" in request.POST or "add_adult" in request.POST
    )
    if adding:
        # "Add another" without JavaScript: one more empty form, no errors shown yet.
        data = request.POST.copy()
        which = "child" if "add_child" in request.POST else "adult"
        total = data.get(f"{which}-TOTAL_FORMS", "1")
        data[f"{which}-TOTAL_FORMS"] = str(min(int(total) + 1 if total.isdigit() else 1, 12))
    restored = request.method != "POST" and data is not None
    if restored:
        data = _with_defaults(
            data,
            TrajectoryRegistrationForm(user=request.user),
            ChildFormSet(prefix="child").management_form,
            AdultFormSet(prefix="adult").management_form,
        )
    elif request.method == "POST" and not adding:
        total = data.get("child-TOTAL_FORMS", "")
        named = [
            f"child-{i}"
            for i in range(min(int(total), 12) if total.isdigit() else 0)
            if data.get(f"child-{i}-first_name", "").strip()
        ]
        data = same_safety_for_all(data, named)
    form = TrajectoryRegistrationForm(data, user=request.user)
    children = ChildFormSet(data, prefix="child")
    adults = AdultFormSet(data, prefix="adult")
    # A second click on "Traject aanmelden" (or a resent form) must not make a second trajectory.
    submission = request.POST.get("submission") or uuid.uuid4().hex
    done = request.session.get("registered", {})
    if request.method == "POST" and submission in done:
        return redirect("dashboard:detail", reference=done[submission])
    if adding or restored:
        # Not sent yet: what was typed comes back without errors, the defaults in place.
        hide_errors(form, children, adults)
    elif request.method == "POST" and form.is_valid() and children.is_valid() and adults.is_valid():
        registration = Registration(
            team=form.cleaned_data["team"],
            owner=form.cleaned_data["owner"],
            framework=form.cleaned_data["framework"],
            youth_judge_reference=form.cleaned_data["youth_judge_reference"],
            reason=form.cleaned_data["reason"],
            goal=form.cleaned_data["goal"],
            registered_on=form.cleaned_data["registered_on"],
            children=[
                _input(ChildInput, c) for c in children.cleaned_data if c and not c.get("DELETE")
            ],
            adults=[_input(AdultInput, a) for a in adults.cleaned_data if a],
        )
        try:
            trajectory = register_trajectory(
                registration=registration, actor=request.user, request=request
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            discard_draft(request=request, trajectory=None)
            request.session["registered"] = {**done, submission: trajectory.reference}
            if any(c.safety_answer == SafetyAnswer.NO for c in registration.children):
                _say_who_was_alerted(request, trajectory)
            messages.success(
                request, _("Traject %(ref)s is aangemaakt.") % {"ref": trajectory.reference}
            )
            if trajectory.earlier is not None:
                messages.info(
                    request,
                    _(
                        "Een kind van dit traject had een traject dat minder dan een jaar "
                        "geleden afgesloten werd (%(ref)s). Het nieuwe traject verwijst ernaar."
                    )
                    % {"ref": trajectory.earlier.reference},
                )
            save_tips(request, form, ["reason", "goal"])
            return redirect("dashboard:detail", reference=trajectory.reference)
    return render(
        request,
        "cases/register.html",
        {
            "form": form,
            "children": children,
            "adults": adults,
            "notice": notice,
            "submission": submission,
        },
    )


def _with_defaults(data: Any, *blanks: Any) -> Any:
    """A restored draft with the fields it left empty back at the forms' defaults (the team,
    the consultant, today's date, the formsets' counts), instead of blanks that then fail as
    required."""
    data = data.copy()
    for blank in blanks:
        for name, field in blank.fields.items():
            initial = blank.get_initial_for_field(field, name)
            key = blank.add_prefix(name)
            if initial not in (None, "") and not data.get(key):
                data[key] = initial.isoformat() if isinstance(initial, datetime.date) else initial
    return data


def _input(kind: type[Input], data: dict[str, Any]) -> Input:
    """A registration's ChildInput or AdultInput from one form of its formset."""
    return kind(**{f.name: data[f.name] for f in dataclasses.fields(kind)})


def _say_who_was_alerted(request: HttpRequest, trajectory: Any) -> None:
    if case_services.team_leads(trajectory.team).exists():
        messages.warning(
            request, _("Het kind is nu niet veilig: de teamverantwoordelijke is verwittigd.")
        )
    else:
        messages.warning(
            request,
            _(
                "Het kind is nu niet veilig. Dit team heeft geen actieve teamverantwoordelijke: "
                "verwittig zelf je leidinggevende."
            ),
        )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def safety(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Is the child safe now? A new answer per child; earlier answers stay."""
    trajectory = access.trajectory
    children = list(
        Person.objects.filter(trajectory=trajectory, is_child=True).order_by("date_of_birth", "id")
    )
    if not children:
        raise Http404
    notice = ""
    data: Any = None
    if request.method == "POST":
        access.require_open()
        data = request.POST
    else:
        data, notice = restored_form_data(request, trajectory=trajectory)
    if request.method == "POST":
        data = same_safety_for_all(data, [f"child-{c.pk}" for c in children])
    forms_ = [SafetyCheckForm(data, child=c, prefix=f"child-{c.pk}") for c in children]
    if request.method == "POST" and all(f.is_valid() for f in forms_):
        case_services.record_safety_checks(
            trajectory=trajectory,
            answers=[
                (
                    f.child,
                    f.cleaned_data["safety_answer"],
                    f.cleaned_data["safety_basis"],
                    f.cleaned_data["next_step"],
                    f.cleaned_data["urgency"],
                )
                for f in forms_
            ],
            actor=request.user,
            request=request,
        )
        discard_draft(request=request, trajectory=trajectory)
        if any(f.cleaned_data["safety_answer"] == SafetyAnswer.NO for f in forms_):
            _say_who_was_alerted(request, trajectory)
        messages.success(request, _("De veiligheidsvraag is bewaard."))
        return redirect("dashboard:detail", reference=trajectory.reference)
    history = SafetyCheck.objects.filter(trajectory=trajectory).select_related(
        "child", "checked_by"
    )[:100]
    return render(
        request,
        "cases/safety.html",
        {"access": access, "t": trajectory, "forms": forms_, "history": history, "notice": notice},
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def case_team(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Who has access: current and past grants. The owner and the team lead add and end them."""
    trajectory = access.trajectory
    can_grant = not trajectory.is_closed and access.may_manage_case_team(request.user)
    posted = request.POST if request.method == "POST" else None
    which = request.POST.get("form", "professional") if posted else ""
    form = GrantForm(posted if which == "professional" else None, prefix="prof")
    family_form = FamilyGrantForm(
        posted if which == "family" else None,
        prefix="family",
        persons=Person.objects.filter(trajectory=trajectory).order_by("-is_child", "first_name"),
        ban_notes=selectors.contact_ban_notes(access) if can_grant else None,
    )
    if posted is not None:
        access.require_open()
        if not can_grant:
            raise PermissionDenied(
                _("Alleen de consulent van het traject of de teamverantwoordelijke geeft toegang.")
            )
        bound = family_form if which == "family" else form
        if bound.is_valid():
            data = bound.cleaned_data
            until = data["valid_until"]
            valid_until = (
                timezone.make_aware(datetime.datetime.combine(until, datetime.time.max))
                if until is not None
                else None
            )
            try:
                case_services.grant_access(
                    trajectory=trajectory,
                    user=data["who"],
                    role=data["role"],
                    person=data.get("person"),
                    reason=data["reason"],
                    valid_until=valid_until,
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                # The service names the account "user"; on the form it is the field "who".
                if hasattr(exc, "error_dict") and "user" in exc.error_dict:
                    exc.error_dict["who"] = exc.error_dict.pop("user")
                add_errors(bound, exc)
            else:
                messages.success(request, _("Toegang gegeven aan %(who)s.") % {"who": data["who"]})
                return redirect("case_people:team", reference=trajectory.reference)
    grants = trajectory.grants.select_related("user", "person", "granted_by", "ended_by").order_by(
        "-valid_from"
    )
    return render(
        request,
        "cases/team.html",
        {
            "access": access,
            "t": trajectory,
            "grants": grants,
            "form": form,
            "family_form": family_form,
            "can_grant": can_grant,
            "now": timezone.now(),
        },
    )

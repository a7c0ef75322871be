"""Invitation pages: the professional invites from the case team page (/trajecten/<ref>/
uitnodigen/), and the invited person gets in through /welkom/<token>/ or /welkom/code/.

The link and the code are shown once, on the page right after the invitation is made (they
wait in the session until that page reads them, as new recovery codes do). The welcome pages
are public: a link or code that does not work gets one page, whatever the reason; wrong codes
are counted by django-axes, per address, like wrong passwords.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from samenopweg.accounts.roles import is_family_account
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.services import site_link
from samenopweg.core.forms import add_errors
from samenopweg.people.selectors import contact_ban_notes
from samenopweg.portal import invitations
from samenopweg.portal.invitation_forms import CodeForm, InviteForm, PasswordForm
from samenopweg.portal.models import Invitation

# The new link and code wait here for the one page that shows them.
SHOWN_ONCE_SESSION_KEY = "sow_invitation_shown"
# Wrong codes count for django-axes as failed logins of this name, per address.
CODE_ATTEMPTS = {"username": "welkom-code"}
_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


# --- the professional's pages -----------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Invite a parent, a young person from 12 or a network member: a link and a code."""
    trajectory = access.trajectory
    rows = invitations.invitees(trajectory)
    initial: dict[str, Any] = {}
    chosen = next((r for r in rows if str(r.person.pk) == request.GET.get("person")), None)
    if chosen is not None and chosen.may_be_invited:
        initial = {"who": InviteForm.value_for(chosen), "email": chosen.person.email}
    form = InviteForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        invitees=rows,
        ban_notes=contact_ban_notes(access),
    )
    if request.method == "POST":
        access.require_open()
        if form.is_valid():
            person, role = form.cleaned_data["who"]
            try:
                issued = invitations.invite(
                    trajectory=trajectory,
                    person=person,
                    role=role,
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                # The service names the person "person"; on the form it is the choice "who".
                if hasattr(exc, "error_dict") and "person" in exc.error_dict:
                    exc.error_dict["who"] = exc.error_dict.pop("person")
                add_errors(form, exc)
            else:
                mailed = invitations.send_invitation_mail(issued, request=request)
                request.session[SHOWN_ONCE_SESSION_KEY] = {
                    "id": issued.invitation.pk,
                    "token": issued.token,
                    "code": issued.code,
                    "mailed": mailed,
                }
                return redirect(
                    "portal:invite_done",
                    reference=trajectory.reference,
                    invitation_id=issued.invitation.pk,
                )
    context = {
        "access": access,
        "t": trajectory,
        "form": form,
        "not_invitable": [r for r in rows if not r.may_be_invited],
    }
    return render(request, "portal/invite.html", context)


@never_cache
@trajectory_view(require=Require.PROFESSIONAL)
@require_safe
def invite_done(request: HttpRequest, access: CaseAccess, invitation_id: int) -> HttpResponse:
    """The new link and printed code, once: with the card to print for the person."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("person", "created_by"),
        pk=invitation_id,
        trajectory=access.trajectory,
    )
    shown = request.session.get(SHOWN_ONCE_SESSION_KEY)
    if not shown or shown.get("id") != invitation.pk:
        messages.info(
            request,
            _(
                "De link en de code van een uitnodiging zie je maar één keer. Kwijt? Maak een "
                "nieuwe uitnodiging: de oude werkt dan niet meer."
            ),
        )
        return redirect("case_people:team", reference=access.trajectory.reference)
    del request.session[SHOWN_ONCE_SESSION_KEY]
    access.show(invitation)
    context = {
        "access": access,
        "t": access.trajectory,
        "invitation": invitation,
        "link": site_link(reverse("portal:welcome", args=[shown["token"]]), request=request),
        "code_page": site_link(reverse("portal:welcome_code"), request=request),
        "code": shown["code"],
        "mailed": shown["mailed"],
    }
    return render(request, "portal/invite_done.html", context)


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def invitation_withdraw(
    request: HttpRequest, access: CaseAccess, invitation_id: int
) -> HttpResponse:
    """Withdraw an open invitation: its link and code stop working at once."""
    invitation = get_object_or_404(Invitation, pk=invitation_id, trajectory=access.trajectory)
    if invitations.withdraw(invitation=invitation, actor=request.user, request=request):
        messages.success(
            request,
            _("De uitnodiging voor %(name)s is ingetrokken.") % {"name": invitation.person},
        )
    else:
        messages.info(request, _("Deze uitnodiging was niet meer open."))
    return redirect("case_people:team", reference=access.trajectory.reference)


# --- the family's pages -----------------------------------------------------------------------


def _refused(request: HttpRequest) -> HttpResponse:
    """The same page for a link that is unknown, used, expired or withdrawn."""
    return render(
        request, "portal/welcome_refused.html", {"message": invitations.refused_message()}
    )


def _locked(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/welcome_locked.html", status=429)


def _count_wrong_code(request: HttpRequest) -> bool:
    """Count a wrong code as a failed login (django-axes, and a row in the audit trail);
    True when this address is now locked out for a while."""
    user_login_failed.send(sender=__name__, credentials=CODE_ATTEMPTS, request=request)
    locked = bool(getattr(request, "axes_locked_out", False))
    # Our own page says why: the axes page would speak of a wrong password.
    request.axes_locked_out = False  # type: ignore[attr-defined]
    return locked


def _welcome(
    request: HttpRequest, invitation: Invitation, *, token: str = "", code: str = ""
) -> HttpResponse:
    """The step after a working link or code: choose a username and password; or, for a family
    account that is logged in, add this to that account; a professional logs out first."""
    user = request.user
    step = request.POST.get("step", "") if request.method == "POST" else ""
    context: dict[str, Any] = {
        "invitation": invitation,
        "name": invitation.person.first_name,
        "code": code,
        "action": request.path,
    }
    if user.is_authenticated and not is_family_account(user):
        context["state"] = "professional"
    elif user.is_authenticated:
        context["state"] = "join"
        if step == "join":
            try:
                invitations.redeem(token=token, code=code, user=user, request=request)
            except invitations.InvitationRefused:
                return _refused(request)
            except ValidationError as exc:
                context["problem"] = " ".join(exc.messages)
            else:
                messages.success(request, _("Gelukt. Je ziet het nu ook op je eigen pagina."))
                return redirect("portal:home")
    else:
        context["state"] = "new"
        form = PasswordForm(
            request.POST if step == "password" else None,
            initial={"username": invitations.suggested_username(invitation.person)},
        )
        context["form"] = form
        if step == "password" and form.is_valid():
            try:
                new_user = invitations.redeem(
                    token=token,
                    code=code,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                    request=request,
                )
            except invitations.InvitationRefused:
                return _refused(request)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                login(request, new_user, backend=_MODEL_BACKEND)
                messages.success(
                    request,
                    format_html(
                        '{} {} <strong>{}</strong>. {} <a href="{}">{}</a>',
                        _("Je account is klaar."),
                        _("Je gebruikersnaam is"),
                        new_user.get_username(),
                        _("Wil je nog veiliger aanmelden, met een code op je telefoon?"),
                        reverse("mfa:setup"),
                        _("Zet het hier aan."),
                    ),
                )
                return redirect("portal:home")
    record(
        actor=user,
        action=AuditAction.VIEW,
        obj=invitation,
        request=request,
    )
    return render(request, "portal/welcome.html", context)


@never_cache
@sensitive_post_parameters("password", "password_again")
@require_http_methods(["GET", "POST"])
def welcome(request: HttpRequest, token: str) -> HttpResponse:
    """The link of an invitation: choose a password, and you are in."""
    invitation = invitations.find_usable(token=token)
    if invitation is None:
        return _refused(request)
    return _welcome(request, invitation, token=token)


@never_cache
@sensitive_post_parameters("password", "password_again", "code")
@require_http_methods(["GET", "POST"])
def welcome_code(request: HttpRequest) -> HttpResponse:
    """The printed code of an invitation, typed over; then the same step as the link."""
    if request.method == "GET":
        return render(request, "portal/welcome_code.html", {"form": CodeForm()})
    if not AxesProxyHandler.is_allowed(request, CODE_ATTEMPTS):
        return _locked(request)
    form = CodeForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/welcome_code.html", {"form": form})
    code = invitations.normalize_code(form.cleaned_data["code"])
    invitation = invitations.find_usable(code=code)
    if invitation is None:
        if _count_wrong_code(request):
            return _locked(request)
        form.add_error(
            "code",
            _("Deze code werkt niet. Kijk of je hem goed overtypte.")
            + " "
            + invitations.refused_message(),
        )
        return render(request, "portal/welcome_code.html", {"form": form})
    return _welcome(request, invitation, code=code)

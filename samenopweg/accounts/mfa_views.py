"""The pages of the two-factor login: the code step, setting up the app, status, recovery codes."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.accounts import mfa
from samenopweg.accounts.forms import SetupForm, TurnOffForm, VerifyForm

WAIT_MESSAGE = gettext_lazy(
    "Je typte te vaak een foute code. Wacht even en probeer het dan opnieuw."
)


def _next_url(request: HttpRequest) -> str:
    """Where the person was going, if it is a page of this site; else the start page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@login_required
@sensitive_post_parameters("code", "recovery_code")
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step after the password: a code from the app or a recovery code."""
    if mfa.pending_step(request) is not mfa.Step.VERIFY:
        return redirect(_next_url(request))
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if code:
            outcome = mfa.verify_app_code(request=request, code=code)
            field = "code"
        else:
            outcome = mfa.use_recovery_code(
                request=request, code=form.cleaned_data["recovery_code"]
            )
            field = "recovery_code"
        if outcome is mfa.Outcome.OK:
            if field == "recovery_code":
                left = mfa.recovery_codes_left(request.user)
                messages.info(
                    request,
                    _("Je gebruikte een herstelcode. Die code werkt nu niet meer.")
                    + " "
                    + ngettext(
                        "Je hebt nog %(count)s herstelcode.",
                        "Je hebt nog %(count)s herstelcodes.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
        if outcome is mfa.Outcome.WAIT:
            form.add_error(field, WAIT_MESSAGE)
        elif field == "code":
            form.add_error(field, _("Deze code klopt niet. Typ de code die nu in je app staat."))
        else:
            form.add_error(field, _("Deze herstelcode klopt niet, of je gebruikte ze al."))
    return render(
        request, "accounts/mfa_verify.html", {"form": form, "next": request.GET.get("next", "")}
    )


@never_cache
@login_required
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Set up the app: scan the QR code (or type the key), then confirm with a first code."""
    if mfa.has_two_factor(request.user):
        return redirect("mfa:status")
    device = mfa.device_in_setup(request.user)
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome, codes = mfa.confirm_setup(request=request, code=form.cleaned_data["code"])
        if outcome is mfa.Outcome.OK:
            request.session[mfa.NEW_CODES_SESSION_KEY] = codes
            return redirect("mfa:recovery_codes")
        if outcome is mfa.Outcome.WAIT:
            form.add_error("code", WAIT_MESSAGE)
        else:
            form.add_error(
                "code",
                _("Deze code klopt niet. Kijk of de tijd op je telefoon juist staat.")
                + " "
                + _("Typ dan de code die nu in je app staat."),
            )
    context: dict[str, Any] = {
        "form": form,
        "qr": mfa.qr_svg(device, _("QR-code om Samen op weg in je app te zetten")),
        "secret": mfa.secret_for_typing(device),
        "required": mfa.is_required_for(request.user),
    }
    return render(request, "accounts/mfa_setup.html", context)


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The new recovery codes, shown once: they leave the session as soon as they are shown."""
    codes = request.session.pop(mfa.NEW_CODES_SESSION_KEY, None)
    if not codes:
        messages.info(
            request,
            _("Je ziet herstelcodes maar één keer. Ben je ze kwijt? Maak dan nieuwe."),
        )
        return redirect("mfa:status")
    return render(request, "accounts/mfa_codes.html", {"codes": codes})


@never_cache
@login_required
def status(request: HttpRequest) -> HttpResponse:
    """Whether two-factor login is on, how many recovery codes are left, and what can be done."""
    user = request.user
    context = {
        "enabled": mfa.has_two_factor(user),
        "required": mfa.is_required_for(user),
        "codes_left": mfa.recovery_codes_left(user),
    }
    return render(request, "accounts/mfa_status.html", context)


@never_cache
@login_required
@require_POST
def new_codes(request: HttpRequest) -> HttpResponse:
    """Make new recovery codes (the old ones stop working) and show them once."""
    if not mfa.has_two_factor(request.user):
        return redirect("mfa:status")
    request.session[mfa.NEW_CODES_SESSION_KEY] = mfa.new_recovery_codes(request=request)
    return redirect("mfa:recovery_codes")


@never_cache
@login_required
@sensitive_post_parameters("secret")
@require_http_methods(["GET", "POST"])
def turn_off(request: HttpRequest) -> HttpResponse:
    """Turn two-factor login off after the password or a code; refused where it is required."""
    user = request.user
    if not mfa.has_two_factor(user):
        return redirect("mfa:status")
    if mfa.is_required_for(user):
        if request.method == "POST":
            raise PermissionDenied
        return redirect("mfa:status")
    form = TurnOffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = mfa.check_password_or_code(user=user, value=form.cleaned_data["secret"])
        if outcome is mfa.Outcome.OK:
            mfa.turn_off(request=request)
            messages.success(request, _("Aanmelden in twee stappen staat nu uit."))
            return redirect("mfa:status")
        if outcome is mfa.Outcome.WAIT:
            form.add_error("secret", WAIT_MESSAGE)
        else:
            form.add_error("secret", _("Dit wachtwoord of deze code klopt niet."))
    return render(request, "accounts/mfa_turn_off.html", {"form": form})

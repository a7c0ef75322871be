"""Pages of the feedback app: expectations, the cadence, feedback rounds and closing the loop
(professionals; the cadence is the consultant's)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samenopweg.assessments.charts import trend_chart_svg, trend_table
from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    edit_cycle,
    edit_initial,
    form_page,
    from_form,
    update_from_form,
)
from samenopweg.feedback import selectors, services
from samenopweg.feedback.forms import (
    CadenceForm,
    ExpectationEditForm,
    ExpectationForm,
    RoundForm,
    SignalCloseForm,
    WithdrawForm,
)
from samenopweg.feedback.models import (
    QUESTIONS,
    SCORE_FIELDS,
    Expectation,
    FeedbackRound,
    FeedbackSignal,
    Party,
    VersionKind,
)

ACTIVE = "feedback"
ROUNDS_PAGE_SIZE = 10
# The query parameters of the "new" pages: which version of the questions (old links only: the
# version is in the path now), whose expectation.
VERSION_PARAM, PARTY_PARAM = "versie", "partij"
EXPECTATION_FIELDS = ("party", "expects", "offers", "written_on", "audience")
SIGNAL_FIELDS = ("you_said", "we_did", "audience")
PLAIN_HINT = gettext_lazy(
    "Taalcheck: dit telt vooral als het gezin dit mag lezen. Korte zinnen, gewone woorden."
)


def _overview_url(access: CaseAccess) -> str:
    return reverse("feedback:overview", args=[access.trajectory.reference])


def _round_url(access: CaseAccess, version: str) -> str:
    return reverse("feedback:round_new", args=[access.trajectory.reference, version])


def _version_links(access: CaseAccess) -> list[tuple[str, str]]:
    """(URL, label) of the new-round page of each version."""
    return [(_round_url(access, value), str(label)) for value, label in VersionKind.choices]


def _page(request: HttpRequest, access: CaseAccess, **page: Any) -> Any:
    """`form_page` on the feedback tab, back to the overview."""
    return form_page(request, access, cancel_url=_overview_url(access), active=ACTIVE, **page)


# --- the overview ---------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
def overview(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Expectations per party, the cadence, open signals first, the rounds and their trend.

    A fixed number of queries whatever the number of rounds: the rounds are read once."""
    trajectory = access.trajectory
    expectations = list(
        visible_items(access, Expectation.objects.all())
        .select_related("child", "created_by", "withdrawn_by")
        .order_by("written_on", "id")
    )
    parties = [
        {
            "party": party,
            "label": label,
            "items": [e for e in expectations if e.party == party],
        }
        for party, label in Party.choices
    ]
    weeks, cadence = selectors.cadence_weeks(trajectory)
    due = selectors.next_round_due([trajectory.pk], timezone.localdate()).get(trajectory.pk)
    signals = list(
        visible_items(access, FeedbackSignal.objects.all())
        .select_related("round", "round__respondent", "round__respondent_user", "closed_by")
        .order_by("-raised_at", "-id")[:20]
    )
    # Read once, for the list (paged here, without a COUNT) and for the trend: a trajectory has
    # a few dozen rounds a year at most.
    rounds = list(
        visible_items(access, FeedbackRound.objects.all())
        .select_related("respondent", "respondent_user", "created_by", "withdrawn_by")
        .order_by("-held_on", "-id")
    )
    page = Paginator(rounds, ROUNDS_PAGE_SIZE).get_page(request.GET.get("page"))
    series = selectors.answer_trend(trajectory, rounds)
    chart = (
        trend_chart_svg(
            series,
            title=_("Alles samen: hoe loopt de samenwerking?"),
            id_prefix="feedback-trend",
            axis_label=_("Cijfer van 0 tot 10 (10 = heel goed)"),
        )
        if series
        else ""
    )
    latest = [(s.label, *max(s.points)) for s in series if s.points]
    return render(
        request,
        "feedback/overview.html",
        {
            "access": access,
            "t": trajectory,
            "active": ACTIVE,
            "parties": parties,
            "weeks": weeks,
            "cadence": cadence,
            "due": due,
            "today": timezone.localdate(),
            "open_signals": [s for s in signals if s.is_open],
            "closed_signals": [s for s in signals if not s.is_open],
            "page": page,
            "chart": chart,
            "table": trend_table(series) if series else None,
            "latest": latest,
            "versions": _version_links(access),
        },
    )


# --- rounds ---------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def round_new(request: HttpRequest, access: CaseAccess, version: str = "") -> HttpResponse:
    """A new round of one version (in the path); without one, the choice of the four versions.

    The version is in the path, not in the query, because autosaved drafts are kept per path:
    a parent's answers typed halfway never come back in the child's form. A post to the bare
    path names its version in `version_kind`; an old `?versie=` link moves to the version's path.
    """
    trajectory = access.trajectory
    if not version:
        old_link = request.GET.get(VERSION_PARAM, "")
        if request.method == "GET" and old_link in VersionKind.values:
            return redirect(_round_url(access, old_link))
        if old_link:
            raise Http404(_("Deze versie van de vragen bestaat niet."))
        version = request.POST.get("version_kind", "") if request.method == "POST" else ""
        if not version:  # also a post without one: nothing to save, so the choice again
            return render(
                request,
                "feedback/round_choose.html",
                {"access": access, "t": trajectory, "versions": _version_links(access)},
            )
    if version not in VersionKind.values:
        raise Http404(_("Deze versie van de vragen bestaat niet."))

    def form(data: QueryDict | None) -> forms.Form:
        return RoundForm(
            data,
            trajectory=trajectory,
            version_kind=version,
            initial={"held_on": timezone.localdate()},
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=from_form(request, services.record_round, trajectory=trajectory),
        done=_overview_url(access),
        message=_("De antwoorden zijn bewaard."),
        show=_page(
            request,
            access,
            heading=VersionKind(version).label,
            submit=_("Antwoorden bewaren"),
            intro=QUESTIONS[version].intro,
            template="feedback/round_form.html",
            for_child=version == VersionKind.CHILD,
            score_names=SCORE_FIELDS,
        ),
        cancel_url=_overview_url(access),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def round_withdraw(request: HttpRequest, access: CaseAccess, round_id: int) -> HttpResponse:
    the_round = get_item_for_user(
        access, FeedbackRound.objects.select_related("respondent", "respondent_user"), round_id
    )
    return edit_cycle(
        request,
        access,
        form=WithdrawForm,
        save=from_form(request, services.withdraw_round, feedback_round=the_round),
        done=_overview_url(access),
        message=_("De ronde is ingetrokken. Professionals zien ze nog, doorgestreept."),
        show=_page(
            request,
            access,
            heading=_("Ronde intrekken"),
            submit=_("Intrekken"),
            intro=_("Niets wordt gewist. Een open signaal van deze ronde wordt mee gesloten."),
        ),
        cancel_url=_overview_url(access),
    )


# --- signals --------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def signal_close(request: HttpRequest, access: CaseAccess, signal_id: int) -> HttpResponse:
    """Close the loop: "Jullie zeiden …, wij deden …", shared with the family or not."""
    signal = get_item_for_user(
        access,
        FeedbackSignal.objects.select_related(
            "round", "round__respondent", "round__respondent_user"
        ),
        signal_id,
    )

    def form(data: QueryDict | None) -> forms.Form:
        return SignalCloseForm(data, initial=edit_initial(signal, SIGNAL_FIELDS))

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.close_signal, signal=signal),
        done=_overview_url(access),
        message=_("De lus is gesloten."),
        show=_page(
            request,
            access,
            heading=_("Sluit de lus"),
            submit=_("Bewaren"),
            intro=_("Schrijf wat het gezin zei en wat jullie ermee deden."),
            pl_hint=str(PLAIN_HINT),
            template="feedback/signal_form.html",
            signal=signal,
        ),
        cancel_url=_overview_url(access),
        conflict_fields=SIGNAL_FIELDS,
        texts=("you_said", "we_did"),
    )


# --- expectations ---------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def expectation_new(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    party = request.GET.get(PARTY_PARAM, "")

    def form(data: QueryDict | None) -> forms.Form:
        initial: dict[str, Any] = {"written_on": timezone.localdate()}
        if party in Party.values:
            initial["party"] = party
        return ExpectationForm(data, trajectory=trajectory, initial=initial)

    return edit_cycle(
        request,
        access,
        form=form,
        save=from_form(request, services.add_expectation, trajectory=trajectory),
        done=_overview_url(access),
        message=_("De verwachting is bewaard."),
        show=_page(
            request,
            access,
            heading=_("Nieuwe verwachting"),
            submit=_("Bewaren"),
            intro=_("Wat verwacht deze partij van de anderen? En wat mogen de anderen verwachten?"),
            pl_hint=str(PLAIN_HINT),
        ),
        cancel_url=_overview_url(access),
        texts=("expects", "offers"),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def expectation_edit(request: HttpRequest, access: CaseAccess, expectation_id: int) -> HttpResponse:
    """A revisit, at a review for instance: the version number shows it changed."""
    trajectory = access.trajectory
    expectation = get_item_for_user(access, Expectation.objects.all(), expectation_id)

    def form(data: QueryDict | None) -> forms.Form:
        initial = edit_initial(expectation, EXPECTATION_FIELDS, child=expectation.child_id)
        return ExpectationEditForm(data, trajectory=trajectory, initial=initial)

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.update_expectation, expectation=expectation),
        done=_overview_url(access),
        message=_("De verwachting is bijgewerkt."),
        show=_page(
            request,
            access,
            heading=_("Verwachting aanpassen"),
            submit=_("Bewaren"),
            pl_hint=str(PLAIN_HINT),
        ),
        cancel_url=_overview_url(access),
        conflict_fields=EXPECTATION_FIELDS,
        texts=("expects", "offers"),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def expectation_withdraw(
    request: HttpRequest, access: CaseAccess, expectation_id: int
) -> HttpResponse:
    expectation = get_item_for_user(access, Expectation.objects.all(), expectation_id)
    return edit_cycle(
        request,
        access,
        form=WithdrawForm,
        save=from_form(request, services.withdraw_expectation, expectation=expectation),
        done=_overview_url(access),
        message=_("De verwachting is ingetrokken."),
        show=_page(
            request,
            access,
            heading=_("Verwachting intrekken"),
            submit=_("Intrekken"),
            intro=_("Niets wordt gewist. Professionals zien ze nog, doorgestreept."),
        ),
        cancel_url=_overview_url(access),
    )


# --- the cadence ----------------------------------------------------------------------------


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def cadence(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Every how many weeks the cooperation is asked about: the consultant decides."""
    trajectory = access.trajectory
    weeks, row = selectors.cadence_weeks(trajectory)

    def form(data: QueryDict | None) -> forms.Form:
        return CadenceForm(
            data, initial={"every_weeks": weeks, "version": row.version if row else None}
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.set_cadence, trajectory=trajectory),
        done=_overview_url(access),
        message=_("Het ritme is bewaard."),
        show=_page(request, access, heading=_("Ritme van de feedback"), submit=_("Bewaren")),
        cancel_url=_overview_url(access),
        conflict_fields=("every_weeks",),
    )

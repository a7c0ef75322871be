"""Pages of the reviews app: the list with the next date and the cadence, one review, holding
and changing a review (professionals of the case; the cadence is the consultant's)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenopweg.cases.access import CaseAccess, get_item_for_user
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    edit_cycle,
    edit_initial,
    form_page,
    from_form,
    update_from_form,
)
from samenopweg.people.selectors import contact_ban_notes
from samenopweg.reviews import selectors, services
from samenopweg.reviews.forms import (
    REVIEW_FIELDS,
    TEXTS,
    CadenceForm,
    ReviewEditForm,
    ReviewForm,
    WithdrawForm,
)
from samenopweg.reviews.models import (
    QUESTIONS,
    GoalStatus,
    Outcome,
    Review,
    default_cadence_weeks,
    goal_field,
)
from samenopweg.safety_plans.selectors import PAGE_NOTES_PARAM

ACTIVE = "reviews"
# Where "bijsturen" opens the plan: the points to change at its top.
PLAN_ANCHOR = "#bijsturen"


def _overview_url(access: CaseAccess) -> str:
    return reverse("reviews:overview", args=[access.trajectory.reference])


def _detail_url(access: CaseAccess, review: Review) -> str:
    return reverse("reviews:detail", args=[access.trajectory.reference, review.pk])


def _after_saving(access: CaseAccess, review: Review) -> str:
    """Adjusting the plan opens the plan with the points to change; otherwise the review."""
    if review.outcome == Outcome.ADJUST:
        plan = reverse("safety_plans:plan", args=[access.trajectory.reference])
        return f"{plan}?{PAGE_NOTES_PARAM}={review.pk}{PLAN_ANCHOR}"
    return _detail_url(access, review)


def _saved_message(review: Review) -> str:
    if review.outcome == Outcome.ADJUST:
        return _("Het evaluatiemoment is bewaard. Pas nu het plan aan: de punten staan bovenaan.")
    return _("Het evaluatiemoment is bewaard.")


def _page(request: HttpRequest, access: CaseAccess, **page: Any) -> Any:
    return form_page(
        request,
        access,
        cancel_url=page.pop("cancel_url", _overview_url(access)),
        active=ACTIVE,
        **page,
    )


# --- the list -------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
def overview(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Every review, newest first; the next date (flagged when it passed) and the cadence."""
    listing = selectors.review_list(access, timezone.localdate())
    cadence_form = CadenceForm(
        initial={
            "every_weeks": listing.weeks,
            "version": listing.cadence.version if listing.cadence else None,
        },
        default_weeks=listing.default_weeks,
    )
    return render(
        request,
        "reviews/overview.html",
        {
            "access": access,
            "t": access.trajectory,
            "active": ACTIVE,
            "listing": listing,
            "cadence_form": cadence_form,
        },
    )


# --- one review -----------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
def detail(request: HttpRequest, access: CaseAccess, review_id: int) -> HttpResponse:
    review = get_item_for_user(
        access,
        Review.objects.select_related("created_by", "withdrawn_by", "scaling_round"),
        review_id,
    )
    page = selectors.review_page(access, review)
    return render(
        request,
        "reviews/detail.html",
        {
            "access": access,
            "t": access.trajectory,
            "active": ACTIVE,
            "page": page,
            "review": review,
            "answers": [(question, getattr(review, name)) for name, question in QUESTIONS],
            "statuses": GoalStatus,
            "outcomes": Outcome,
        },
    )


def _form_kwargs(access: CaseAccess, goals: list[Any]) -> dict[str, Any]:
    trajectory = access.trajectory
    return {
        "trajectory": trajectory,
        "goals": goals,
        "professionals": services.professionals_on_case(trajectory),
        "ban_notes": contact_ban_notes(access),
    }


def _initial_next(held_on: datetime.date, weeks: int) -> datetime.date:
    return held_on + datetime.timedelta(weeks=weeks)


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def review_new(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    goals = selectors.safety_goals(access)
    weeks, _row = selectors.cadence_weeks(trajectory)
    today = timezone.localdate()
    kwargs = _form_kwargs(access, goals)
    previous = selectors.latest_review(access)

    def form(data: QueryDict | None) -> forms.Form:
        initial: dict[str, Any] = {
            "held_on": today,
            "next_review_on": _initial_next(today, weeks),
            "professionals": [request.user.pk],
        }
        if previous is not None:
            # A goal's line starts where the review before left it.
            for line in previous.goals.all():
                initial[goal_field(line.safety_goal_id, "status")] = line.status
                initial[goal_field(line.safety_goal_id, "shown_since")] = line.shown_since
        return ReviewForm(data, initial=initial, **kwargs)

    def save(f: forms.Form) -> Review:
        assert isinstance(f, ReviewForm)
        return services.hold_review(
            trajectory=trajectory, data=f.review_data(), actor=request.user, request=request
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=lambda made: _after_saving(access, made),
        message=_saved_message,
        show=_page(
            request,
            access,
            heading=_("Nieuw evaluatiemoment"),
            submit=_("Evaluatiemoment bewaren"),
            intro=_(
                "We staan samen met het gezin en het netwerk stil bij het verloop van onze hulp."
            ),
            template="reviews/review_form.html",
            weeks=weeks,
        ),
        cancel_url=_overview_url(access),
        texts=TEXTS,
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def review_edit(request: HttpRequest, access: CaseAccess, review_id: int) -> HttpResponse:
    review = get_item_for_user(access, Review.objects.all(), review_id)
    goals = selectors.safety_goals(access)
    kwargs = _form_kwargs(access, goals)

    def form(data: QueryDict | None) -> forms.Form:
        initial = edit_initial(
            review,
            REVIEW_FIELDS,
            scaling_round=review.scaling_round_id,
            participants=list(review.participants.values_list("pk", flat=True)),
            professionals=list(review.professionals.values_list("pk", flat=True)),
        )
        for line in review.goals.all():
            initial[goal_field(line.safety_goal_id, "status")] = line.status
            initial[goal_field(line.safety_goal_id, "shown_since")] = line.shown_since
            initial[goal_field(line.safety_goal_id, "note")] = line.note
        return ReviewEditForm(data, initial=initial, **kwargs)

    def save(f: forms.Form) -> Review:
        assert isinstance(f, ReviewEditForm)
        return services.update_review(
            review=review,
            expected_version=f.cleaned_data["version"],
            data=f.review_data(),
            actor=request.user,
            request=request,
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=lambda saved: _after_saving(access, saved),
        message=_saved_message,
        show=_page(
            request,
            access,
            heading=_("Evaluatiemoment aanpassen"),
            submit=_("Bewaren"),
            template="reviews/review_form.html",
            cancel_url=_detail_url(access, review),
        ),
        cancel_url=_detail_url(access, review),
        conflict_fields=REVIEW_FIELDS,
        texts=TEXTS,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def review_withdraw(request: HttpRequest, access: CaseAccess, review_id: int) -> HttpResponse:
    review = get_item_for_user(access, Review.objects.all(), review_id)
    return edit_cycle(
        request,
        access,
        form=WithdrawForm,
        save=from_form(request, services.withdraw_review, review=review),
        done=_overview_url(access),
        message=_("Het evaluatiemoment is ingetrokken. Professionals zien het nog, doorgestreept."),
        show=_page(
            request,
            access,
            heading=_("Evaluatiemoment intrekken"),
            submit=_("Intrekken"),
            intro=_("Niets wordt gewist."),
            cancel_url=_detail_url(access, review),
        ),
        cancel_url=_detail_url(access, review),
    )


# --- the cadence ----------------------------------------------------------------------------


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def cadence(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Every how many weeks the trajectory is reviewed: the consultant decides."""
    trajectory = access.trajectory
    weeks, row = selectors.cadence_weeks(trajectory)
    default_weeks = default_cadence_weeks(trajectory.framework)

    def form(data: QueryDict | None) -> forms.Form:
        return CadenceForm(
            data,
            initial={"every_weeks": weeks, "version": row.version if row else None},
            default_weeks=default_weeks,
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.set_cadence, trajectory=trajectory),
        done=_overview_url(access),
        message=_("Het ritme van de evaluaties is bewaard."),
        show=_page(request, access, heading=_("Ritme van de evaluaties"), submit=_("Bewaren")),
        cancel_url=_overview_url(access),
        conflict_fields=("every_weeks",),
    )

"""The scaling question (schaalvraag): the trend per danger statement, and recording a round."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenopweg.assessments.forms.scaling import (
    MAX_ROWS,
    ScalingRoundForm,
    ScoreFormSet,
    ScoreRowForm,
    who_choices,
)
from samenopweg.assessments.models import DangerStatement, ProfessionalView
from samenopweg.assessments.selectors.scaling import person_labels, scaling_overview
from samenopweg.assessments.services.scaling import ScoreInput, record_scaling_round
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.core.forms import add_errors, hide_errors
from samenopweg.people.models import Person


@trajectory_view(require=Require.PROFESSIONAL, audit_as="assessments.scalingscore")
def scaling(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Per danger statement: its trend chart and the latest numbers of family and professionals."""
    return render(
        request,
        "assessments/scaling/overview.html",
        {"access": access, "t": access.trajectory, "items": scaling_overview(access)},
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="assessments.scalinground")
@require_http_methods(["GET", "POST"])
def scaling_new(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """A new round: everyone present gives a number per danger statement (no JavaScript needed)."""
    access.require_open()
    trajectory = access.trajectory
    statements = list(
        visible_items(access, DangerStatement.objects.filter(withdrawn_at__isnull=True)).order_by(
            "position", "id"
        )
    )
    persons = list(visible_items(access, Person.objects.all()))
    choices = who_choices(persons, person_labels(trajectory, persons))

    data: Any = request.POST if request.method == "POST" else None
    adding = request.method == "POST" and "add_row" in request.POST
    if adding:
        # "Add another row" without JavaScript: one more empty row for that statement, no errors.
        data = request.POST.copy()
        key = f"s{request.POST.get('add_row', '')}-TOTAL_FORMS"
        total = data.get(key, "")
        if total.isdigit():
            data[key] = str(min(int(total) + 1, MAX_ROWS))
    form = ScalingRoundForm(data, trajectory=trajectory, initial={"held_on": timezone.localdate()})
    blocks = [
        (
            statement,
            ScoreFormSet(data, prefix=f"s{statement.pk}", form_kwargs={"who_choices": choices}),
        )
        for statement in statements
    ]
    if adding:
        hide_errors(form, *(formset for _statement, formset in blocks))
    elif request.method == "POST" and statements:
        valid = [form.is_valid()] + [formset.is_valid() for _statement, formset in blocks]
        if all(valid):
            by_pk = {p.pk: p for p in persons}
            scores = [
                _score_input(statement, row, by_pk)
                for statement, formset in blocks
                for row in formset.forms
                if not row.is_blank()
            ]
            try:
                record_scaling_round(
                    trajectory=trajectory,
                    held_on=form.cleaned_data["held_on"],
                    session=form.cleaned_data["session"],
                    scores=scores,
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("De cijfers zijn bewaard (%(n)d).") % {"n": len(scores)},
                )
                return redirect("assessments:scaling", reference=trajectory.reference)
    return render(
        request,
        "assessments/scaling/new.html",
        {"access": access, "t": trajectory, "form": form, "blocks": blocks},
    )


def _score_input(
    statement: DangerStatement, row: ScoreRowForm, persons: dict[int, Person]
) -> ScoreInput:
    data = row.cleaned_data
    kind, _sep, value = data["who"].partition(":")
    return ScoreInput(
        danger_statement=statement,
        score=data["score"],
        person=persons[int(value)] if kind == "person" else None,
        professional_role=value if kind == "role" and value in ProfessionalView.values else "",
        what_makes_it=data.get("what_makes_it", ""),
        one_higher=data.get("one_higher", ""),
        audience=data["audience"],
    )

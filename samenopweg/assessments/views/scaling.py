"""The scaling question (schaalvraag): the trend per danger statement, and recording a round."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenopweg.assessments.forms.scaling import (
    MAX_ROWS,
    ScalingRoundForm,
    ScoreRowForm,
    who_choices,
)
from samenopweg.assessments.models import DangerStatement, ProfessionalView
from samenopweg.assessments.selectors.scaling import person_labels, scaling_overview
from samenopweg.assessments.services.scaling import ScoreInput, record_scaling_round
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import edit_cycle
from samenopweg.core.forms import hide_errors
from samenopweg.people.models import Person


@trajectory_view(require=Require.PROFESSIONAL)
def scaling(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Per danger statement: its trend chart and the latest numbers of family and professionals."""
    return render(
        request,
        "assessments/scaling/overview.html",
        {"access": access, "t": access.trajectory, "items": scaling_overview(access)},
    )


@trajectory_view(require=Require.PROFESSIONAL)
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

    def form(data: QueryDict | None) -> ScalingRoundForm:
        return ScalingRoundForm(
            data,
            trajectory=trajectory,
            statements=statements,
            who_choices=choices,
            initial={"held_on": timezone.localdate()},
        )

    def show(form: forms.Form, notice: str) -> HttpResponse:
        return render(
            request,
            "assessments/scaling/new.html",
            {
                "access": access,
                "t": trajectory,
                "form": form,
                "blocks": form.blocks,  # type: ignore[attr-defined]
                "notice": notice,
            },
        )

    if request.method == "POST" and "add_row" in request.POST:
        # "Add another row" without JavaScript: one more empty row for that statement, no errors.
        data = request.POST.copy()
        key = f"s{request.POST.get('add_row', '')}-TOTAL_FORMS"
        total = data.get(key, "")
        if total.isdigit():
            data[key] = str(min(int(total) + 1, MAX_ROWS))
        grown = form(data)
        hide_errors(grown, *(formset for _statement, formset in grown.blocks))
        return show(grown, "")

    def save(f: forms.Form) -> int:
        by_pk = {p.pk: p for p in persons}
        scores = [
            _score_input(statement, row, by_pk)
            for statement, formset in f.blocks  # type: ignore[attr-defined]
            for row in formset.forms
            if not row.is_blank()
        ]
        record_scaling_round(
            trajectory=trajectory,
            held_on=f.cleaned_data["held_on"],
            session=f.cleaned_data["session"],
            scores=scores,
            actor=request.user,
            request=request,
        )
        return len(scores)

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=reverse("assessments:scaling", args=[trajectory.reference]),
        message=lambda n: _("De cijfers zijn bewaard (%(n)d).") % {"n": n},
        show=show,
        cancel_url=reverse("assessments:scaling", args=[trajectory.reference]),
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

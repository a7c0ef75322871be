"""The persons of a trajectory: add, correct, and relate adults to each child."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import trajectory_view
from samenopweg.cases.drafts import restored_form_data
from samenopweg.cases.views import _add_errors
from samenopweg.core.locking import EditConflict
from samenopweg.core.views import render_conflict
from samenopweg.people import services
from samenopweg.people.forms import PersonEditForm, PersonForm
from samenopweg.people.models import Person, Relation


def _children(access: CaseAccess) -> list[Person]:
    return list(
        Person.objects.filter(trajectory=access.trajectory, is_child=True).order_by(
            "date_of_birth", "id"
        )
    )


@trajectory_view(require="professional", audit_as="people.person")
def person_list(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    persons = list(
        visible_items(access, Person.objects.all()).order_by("-is_child", "date_of_birth", "id")
    )
    relations = list(Relation.objects.filter(trajectory=access.trajectory).select_related("child"))
    for person in persons:
        person.relation_list = [r for r in relations if r.person_id == person.pk]  # type: ignore[attr-defined]
    return render(
        request, "people/list.html", {"access": access, "t": access.trajectory, "persons": persons}
    )


@trajectory_view(require="professional", audit_as="people.person")
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    is_child = request.GET.get("kind") == "child" or request.POST.get("is_child") == "1"
    children = _children(access)
    restored, notice = (
        (None, "")
        if request.method == "POST"
        else restored_form_data(request, trajectory=access.trajectory)
    )
    form = PersonForm(
        request.POST if request.method == "POST" else restored, children=children, is_child=is_child
    )
    if request.method == "POST":
        access.require_open()
        if is_child and not request.POST.get("date_of_birth"):
            form.add_error("date_of_birth", _("Vul de geboortedatum van het kind in."))
        if form.is_valid():
            try:
                person = services.add_person(
                    trajectory=access.trajectory,
                    is_child=is_child,
                    relations=form.relations(),
                    actor=request.user,
                    request=request,
                    **form.person_fields(),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("%(name)s is toegevoegd.") % {"name": person.full_name})
                if is_child:
                    messages.info(
                        request, _("Stel ook voor dit kind de vraag: is het kind nu veilig?")
                    )
                    return redirect("cases:safety", reference=access.trajectory.reference)
                return redirect("people:list", reference=access.trajectory.reference)
    return render(
        request,
        "people/form.html",
        {
            "access": access,
            "t": access.trajectory,
            "form": form,
            "is_child": is_child,
            "person": None,
            "notice": notice,
        },
    )


@trajectory_view(require="professional", audit_as="people.person")
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, access: CaseAccess, person_id: int) -> HttpResponse:
    person = get_item_for_user(access, Person.objects.all(), person_id)
    children = [c for c in _children(access) if c.pk != person.pk]
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = PersonEditForm(request.POST, children=children, is_child=person.is_child)
        if form.is_valid():
            try:
                services.update_person(
                    person=person,
                    expected_version=form.cleaned_data["version"],
                    relations=None if person.is_child else form.relations(),
                    actor=request.user,
                    request=request,
                    **form.person_fields(),
                )
            except EditConflict as conflict:
                current = conflict.current
                return render_conflict(
                    request,
                    form=form,
                    theirs={name: getattr(current, name) for name in form.person_fields()},
                    current_version=current.version,
                    cancel_url=reverse("people:list", args=[access.trajectory.reference]),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("De gegevens van %(name)s zijn bewaard.") % {"name": person.full_name},
                )
                return redirect("people:list", reference=access.trajectory.reference)
    else:
        initial: dict[str, Any] = {name: getattr(person, name) for name in services.PERSON_FIELDS}
        initial["version"] = person.version
        for relation in Relation.objects.filter(person=person):
            initial[f"rel_{relation.child_id}_kind"] = relation.kind
            initial[f"rel_{relation.child_id}_authority"] = relation.has_parental_authority
            initial[f"rel_{relation.child_id}_lives"] = relation.lives_with_child
        restored, notice = restored_form_data(request, trajectory=access.trajectory)
        form = PersonEditForm(
            restored, initial=initial, children=children, is_child=person.is_child
        )
    return render(
        request,
        "people/form.html",
        {
            "access": access,
            "t": access.trajectory,
            "form": form,
            "is_child": person.is_child,
            "person": person,
            "notice": notice,
        },
    )

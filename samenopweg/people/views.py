"""The persons of a trajectory and the safety network: add, correct, relate, withdraw.

Every form page runs `cases.editing.edit_cycle`: a view builds its form, names its service and
its page, and the cycle does the rest (draft, closed file, errors, conflict, message).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    edit_cycle,
    edit_initial,
    form_page,
    from_form,
    update_from_form,
)
from samenopweg.people import diagrams as diagrams_module
from samenopweg.people import selectors, services
from samenopweg.people.forms import (
    ChildSupportForm,
    ContactBanForm,
    LiftBanForm,
    NetworkMeetingForm,
    NetworkMemberEditForm,
    NetworkMemberForm,
    PersonEditForm,
    PersonForm,
)
from samenopweg.people.models import (
    NETWORK_FIELDS,
    PERSON_FIELDS,
    ChildSupport,
    ContactBan,
    NetworkMember,
    Person,
    Relation,
)

Show = Callable[[forms.Form, str], HttpResponse]


def _children(access: CaseAccess) -> list[Person]:
    return list(
        Person.objects.filter(trajectory=access.trajectory, is_child=True).order_by(
            "date_of_birth", "id"
        )
    )


def _list_url(access: CaseAccess) -> str:
    return reverse("people:list", args=[access.trajectory.reference])


def _person_page(
    request: HttpRequest, access: CaseAccess, *, person: Person | None, is_child: bool
) -> Show:
    def show(form: forms.Form, notice: str) -> HttpResponse:
        return render(
            request,
            "people/form.html",
            {
                "access": access,
                "t": access.trajectory,
                "form": form,
                "is_child": is_child,
                "person": person,
                "notice": notice,
            },
        )

    return show


@trajectory_view(require=Require.PROFESSIONAL)
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


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    is_child = request.GET.get("kind") == "child" or request.POST.get("is_child") == "1"
    children = _children(access)

    def save(form: Any) -> Person:
        return services.add_person(
            trajectory=access.trajectory,
            is_child=is_child,
            relations=form.relations(),
            actor=request.user,
            request=request,
            **form.person_fields(),
        )

    def done(person: Person) -> str:
        if not person.is_child:
            return _list_url(access)
        messages.info(request, _("Stel ook voor dit kind de vraag: is het kind nu veilig?"))
        return reverse("case_people:safety", args=[access.trajectory.reference])

    return edit_cycle(
        request,
        access,
        form=lambda data: PersonForm(data, children=children, is_child=is_child),
        save=save,
        done=done,
        message=lambda person: _("%(name)s is toegevoegd.") % {"name": person.full_name},
        show=_person_page(request, access, person=None, is_child=is_child),
        cancel_url=_list_url(access),
    )


def _person_initial(person: Person) -> dict[str, Any]:
    initial = edit_initial(person, PERSON_FIELDS)
    for relation in Relation.objects.filter(person=person):
        initial[f"rel_{relation.child_id}_kind"] = relation.kind
        initial[f"rel_{relation.child_id}_authority"] = relation.has_parental_authority
        initial[f"rel_{relation.child_id}_lives"] = relation.lives_with_child
    return initial


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, access: CaseAccess, person_id: int) -> HttpResponse:
    person = get_item_for_user(access, Person.objects.all(), person_id)
    children = [c for c in _children(access) if c.pk != person.pk]

    def form(data: QueryDict | None) -> forms.Form:
        initial = None if request.method == "POST" else _person_initial(person)
        return PersonEditForm(data, initial=initial, children=children, is_child=person.is_child)

    def save(form: Any) -> Person:
        return services.update_person(
            person=person,
            expected_version=form.cleaned_data["version"],
            relations=None if person.is_child else form.relations(),
            actor=request.user,
            request=request,
            **form.person_fields(),
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=_list_url(access),
        message=lambda saved: (
            _("De gegevens van %(name)s zijn bewaard.") % {"name": saved.full_name}
        ),
        show=_person_page(request, access, person=person, is_child=person.is_child),
        cancel_url=_list_url(access),
        conflict_fields=PERSON_FIELDS,
    )


# --- the safety network ---------------------------------------------------------------------


def _network_url(access: CaseAccess, anchor: str = "") -> str:
    url = reverse("people:network", args=[access.trajectory.reference])
    return f"{url}#{anchor}" if anchor else url


def _adults(access: CaseAccess) -> Any:
    return visible_items(access, Person.objects.filter(is_child=False)).order_by("first_name", "id")


def _kids(access: CaseAccess) -> Any:
    return visible_items(access, Person.objects.filter(is_child=True)).order_by(
        "date_of_birth", "id"
    )


def _initial_pk(request: HttpRequest, param: str, field: str) -> dict[str, int] | None:
    """A person chosen beforehand through the address (`?persoon=12`)."""
    value = request.GET.get(param, "")
    return {field: int(value)} if value.isdigit() else None


def _network_cycle(
    request: HttpRequest,
    access: CaseAccess,
    *,
    heading: str,
    submit: str,
    intro: str = "",
    **cycle: Any,
) -> HttpResponse:
    """`edit_cycle` for a form of the network page: its form page, back to the network."""
    show = form_page(
        request,
        access,
        heading=heading,
        submit=submit,
        cancel_url=_network_url(access),
        active="network",
        pl_hint=_("Taalcheck: het netwerk leest dit mee. Schrijf zoals je het aan hen zou zeggen."),
        intro=intro,
    )
    return edit_cycle(request, access, show=show, cancel_url=_network_url(access), **cycle)


@trajectory_view(require=Require.PROFESSIONAL)
def network(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The safety network: who is in it, the adults per child, who may not come, meetings."""
    return render(
        request,
        "people/network.html",
        {
            "access": access,
            "t": access.trajectory,
            "page": selectors.network_page(access),
            "can_write": not access.trajectory.is_closed,
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def network_member_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    candidates = _adults(access).filter(network_member__isnull=True)
    notes = selectors.contact_ban_notes(access)
    return _network_cycle(
        request,
        access,
        heading=_("Iemand aan het netwerk toevoegen"),
        submit=_("Toevoegen"),
        form=lambda data: NetworkMemberForm(
            data,
            candidates=candidates,
            ban_notes=notes,
            initial=_initial_pk(request, "persoon", "person"),
        ),
        save=from_form(request, services.add_network_member, trajectory=access.trajectory),
        done=lambda member: _network_url(access, f"lid-{member.pk}"),
        message=lambda member: (
            _("%(name)s staat in het netwerk.") % {"name": member.person.full_name}
        ),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def network_member_edit(request: HttpRequest, access: CaseAccess, member_id: int) -> HttpResponse:
    member = get_item_for_user(access, NetworkMember.objects.select_related("person"), member_id)
    initial = edit_initial(member, NETWORK_FIELDS)
    return _network_cycle(
        request,
        access,
        heading=_("%(name)s in het netwerk") % {"name": member.person.full_name},
        submit=_("Bewaren"),
        form=lambda data: NetworkMemberEditForm(data, candidates=None, initial=initial),
        save=update_from_form(request, services.update_network_member, member=member),
        done=_network_url(access, f"lid-{member.pk}"),
        message=_("Bewaard."),
        conflict_fields=("role_text", "commitment"),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def child_support_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    children, adults = _kids(access), _adults(access)
    notes = selectors.contact_ban_notes(access)
    return _network_cycle(
        request,
        access,
        heading=_("Steun voor een kind"),
        submit=_("Bewaren"),
        intro=_(
            "Elk kind heeft volwassenen nodig die er voor het kind zijn, ook later: steunende, "
            "liefdevolle en blijvende volwassenen. En iemand bij wie het kind terecht kan: de "
            "vertrouwenspersoon."
        ),
        form=lambda data: ChildSupportForm(
            data,
            children=children,
            adults=adults,
            ban_notes=notes,
            initial=_initial_pk(request, "kind", "child"),
        ),
        save=from_form(request, services.add_child_support, trajectory=access.trajectory),
        done=_network_url(access, "kinderen"),
        message=_("Bewaard."),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def child_support_change(request: HttpRequest, access: CaseAccess, support_id: int) -> HttpResponse:
    """`confirm`: the adult said yes today; `end`: no longer so (the row stays), only after the
    question of `child_support_end` was answered."""
    support = get_item_for_user(access, ChildSupport.objects.all(), support_id)
    access.require_open()
    what = request.POST.get("what")
    if what == "end":
        return _end_support(request, access, support)
    try:
        if what == "confirm":
            services.confirm_child_support(support=support, actor=request.user, request=request)
        else:
            raise ValidationError(_("Kies een geldige stap."))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(_network_url(access))
    messages.success(request, _("Bewaard."))
    return redirect(_network_url(access, "kinderen"))


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def child_support_end(request: HttpRequest, access: CaseAccess, support_id: int) -> HttpResponse:
    """The question behind "Niet meer": is this adult really no longer there for the child?"""
    support = get_item_for_user(
        access, ChildSupport.objects.select_related("adult", "child"), support_id
    )
    access.require_open()
    return _end_support(request, access, support)


def _end_support(request: HttpRequest, access: CaseAccess, support: ChildSupport) -> HttpResponse:
    """The question page, until a POST answers it with `confirm=yes`; then the support ends.

    A lasting adult is not ended by one tap: the button on the network page only asks."""
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        return render(
            request,
            "people/support_end.html",
            {"access": access, "t": access.trajectory, "support": support},
        )
    try:
        services.end_child_support(support=support, actor=request.user, request=request)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(_network_url(access))
    messages.success(
        request,
        _("%(adult)s staat niet meer bij %(child)s. Het blijft in het dossier.")
        % {"adult": support.adult.full_name, "child": support.child.first_name},
    )
    return redirect(_network_url(access, "kinderen"))


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def contact_ban_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    persons, children = _adults(access), _kids(access)
    return _network_cycle(
        request,
        access,
        heading=_("Niet toegelaten bij het kind"),
        submit=_("Bewaren"),
        intro=_("Wie mag niet bij het kind komen, en waarom. Alleen professionals zien dit."),
        form=lambda data: ContactBanForm(data, persons=persons, children=children),
        save=from_form(request, services.ban_contact, trajectory=access.trajectory),
        done=_network_url(access, "niet-toegelaten"),
        message=_("Bewaard. Alleen professionals zien dit."),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def contact_ban_lift(request: HttpRequest, access: CaseAccess, ban_id: int) -> HttpResponse:
    ban = get_item_for_user(access, ContactBan.objects.select_related("person"), ban_id)
    return _network_cycle(
        request,
        access,
        heading=_("%(name)s mag weer bij het kind") % {"name": ban.person.full_name},
        submit=_("Opheffen"),
        form=LiftBanForm,
        save=from_form(request, services.lift_ban, ban=ban),
        done=_network_url(access, "niet-toegelaten"),
        message=_("Opgeheven. Het blijft in het dossier."),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def network_meeting_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    persons = visible_items(access, Person.objects.all()).order_by("-is_child", "first_name", "id")
    notes = selectors.contact_ban_notes(access)
    return _network_cycle(
        request,
        access,
        heading=_("Netwerkoverleg"),
        submit=_("Bewaren"),
        form=lambda data: NetworkMeetingForm(data, persons=persons, ban_notes=notes),
        save=from_form(request, services.add_network_meeting, trajectory=access.trajectory),
        done=_network_url(access, "overleg"),
        message=_("Het netwerkoverleg is bewaard."),
    )


@trajectory_view(require=Require.PROFESSIONAL)
def diagrams(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The genogram and the ecomap, drawn from the persons, relations and network on file."""
    persons = list(visible_items(access, Person.objects.all()).order_by("pk"))
    relations = list(Relation.objects.filter(trajectory=access.trajectory, person__in=persons))
    members = list(
        visible_items(access, NetworkMember.objects.filter(withdrawn_at__isnull=True))
        .select_related("person")
        .order_by("kind", "pk")
    )
    living = {r.person_id for r in relations if r.lives_with_child}
    household = [p for p in persons if p.is_child or p.pk in living]
    # Contact bans are for professionals only (the item rule): this page is too, and the
    # selector would give family or network no ban either.
    bans = selectors.contact_ban_notes(access)
    banned = [p for p in persons if p.pk in bans]
    reference = access.trajectory.reference
    return render(
        request,
        "people/diagrams.html",
        {
            "access": access,
            "t": access.trajectory,
            "genogram": diagrams_module.genogram_svg(
                persons,
                relations,
                title=_("Genogram van %(ref)s") % {"ref": reference},
                bans=bans,
            ),
            "genogram_text": diagrams_module.genogram_text(persons, relations, bans),
            "ecomap": diagrams_module.ecomap_svg(
                household,
                members,
                title=_("Ecogram van %(ref)s") % {"ref": reference},
                bans=bans,
                banned=banned,
            ),
            "ecomap_text": diagrams_module.ecomap_text(household, members, bans, banned),
            # The phone's drawings (issue 12, point 7): shown instead below 40rem (app.css).
            "genogram_narrow": diagrams_module.genogram_svg(
                persons,
                relations,
                title=_("Genogram van %(ref)s") % {"ref": reference},
                id_prefix="genogram-narrow",
                bans=bans,
                narrow=True,
            ),
            "ecomap_narrow": diagrams_module.ecomap_svg(
                household,
                members,
                title=_("Ecogram van %(ref)s") % {"ref": reference},
                id_prefix="ecomap-narrow",
                bans=bans,
                banned=banned,
                narrow=True,
            ),
        },
    )

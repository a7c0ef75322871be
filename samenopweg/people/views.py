"""The persons of a trajectory: add, correct, and relate adults to each child."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.drafts import discard_draft, restored_form_data
from samenopweg.core.forms import add_errors
from samenopweg.core.locking import EditConflict
from samenopweg.core.views import render_conflict, render_form_page
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
from samenopweg.people.models import ChildSupport, ContactBan, NetworkMember, Person, Relation


def _children(access: CaseAccess) -> list[Person]:
    return list(
        Person.objects.filter(trajectory=access.trajectory, is_child=True).order_by(
            "date_of_birth", "id"
        )
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.person")
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


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.person")
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
                add_errors(form, exc)
            else:
                messages.success(request, _("%(name)s is toegevoegd.") % {"name": person.full_name})
                if is_child:
                    messages.info(
                        request, _("Stel ook voor dit kind de vraag: is het kind nu veilig?")
                    )
                    return redirect("case_people:safety", reference=access.trajectory.reference)
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


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.person")
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
                add_errors(form, exc)
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


def _network_form(
    request: HttpRequest,
    access: CaseAccess,
    form: Any,
    *,
    heading: str,
    submit: str,
    intro: str = "",
    notice: str = "",
) -> HttpResponse:
    return render_form_page(
        request,
        access=access,
        form=form,
        heading=heading,
        submit=submit,
        cancel_url=_network_url(access),
        active="network",
        pl_hint=_("Taalcheck: het netwerk leest dit mee. Schrijf zoals je het aan hen zou zeggen."),
        notice=notice,
        intro=intro,
    )


def _network_refused(
    request: HttpRequest, access: CaseAccess, exc: ValidationError
) -> HttpResponse:
    for message in exc.messages:
        messages.error(request, message)
    return redirect(_network_url(access))


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.networkmember")
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


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.networkmember", autosave=True)
@require_http_methods(["GET", "POST"])
def network_member_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    candidates = _adults(access).filter(network_member__isnull=True)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = NetworkMemberForm(request.POST, candidates=candidates)
        if form.is_valid():
            try:
                member = services.add_network_member(
                    trajectory=access.trajectory,
                    person=form.cleaned_data["person"],
                    actor=request.user,
                    request=request,
                    **form.member_fields(),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=access.trajectory)
                messages.success(
                    request, _("%(name)s staat in het netwerk.") % {"name": member.person.full_name}
                )
                return redirect(_network_url(access, f"lid-{member.pk}"))
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        person = request.GET.get("persoon", "")
        form = NetworkMemberForm(
            data,
            candidates=candidates,
            initial={"person": int(person)} if person.isdigit() else None,
        )
    return _network_form(
        request,
        access,
        form,
        heading=_("Iemand aan het netwerk toevoegen"),
        submit=_("Toevoegen"),
        notice=notice,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.networkmember", autosave=True)
@require_http_methods(["GET", "POST"])
def network_member_edit(request: HttpRequest, access: CaseAccess, member_id: int) -> HttpResponse:
    member = get_item_for_user(access, NetworkMember.objects.select_related("person"), member_id)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = NetworkMemberEditForm(request.POST, candidates=None)
        if form.is_valid():
            try:
                services.update_network_member(
                    member=member,
                    expected_version=form.cleaned_data["version"],
                    actor=request.user,
                    request=request,
                    **form.member_fields(),
                )
            except EditConflict as conflict:
                return render_conflict(
                    request,
                    form=form,
                    theirs={
                        "role_text": conflict.current.role_text,
                        "commitment": conflict.current.commitment,
                    },
                    current_version=conflict.current.version,
                    cancel_url=_network_url(access),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=access.trajectory)
                messages.success(request, _("Bewaard."))
                return redirect(_network_url(access, f"lid-{member.pk}"))
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        initial = {name: getattr(member, name) for name in services.NETWORK_FIELDS}
        form = NetworkMemberEditForm(
            data, candidates=None, initial={**initial, "version": member.version}
        )
    return _network_form(
        request,
        access,
        form,
        heading=_("%(name)s in het netwerk") % {"name": member.person.full_name},
        submit=_("Bewaren"),
        notice=notice,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.childsupport")
@require_http_methods(["GET", "POST"])
def child_support_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    children, adults = _kids(access), _adults(access)
    if request.method == "POST":
        access.require_open()
        form = ChildSupportForm(request.POST, children=children, adults=adults)
        if form.is_valid():
            try:
                services.add_child_support(
                    trajectory=access.trajectory,
                    actor=request.user,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Bewaard."))
                return redirect(_network_url(access, "kinderen"))
    else:
        child = request.GET.get("kind", "")
        form = ChildSupportForm(
            children=children,
            adults=adults,
            initial={"child": int(child)} if child.isdigit() else None,
        )
    return _network_form(
        request,
        access,
        form,
        heading=_("Steun voor een kind"),
        submit=_("Bewaren"),
        intro=_(
            "Elk kind heeft volwassenen nodig die er voor het kind zijn, ook later: steunende, "
            "liefdevolle en blijvende volwassenen. En iemand bij wie het kind terecht kan: de "
            "vertrouwenspersoon."
        ),
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.childsupport")
@require_POST
def child_support_change(request: HttpRequest, access: CaseAccess, support_id: int) -> HttpResponse:
    """`confirm`: the adult said yes today; `end`: no longer so (the row stays)."""
    support = get_item_for_user(access, ChildSupport.objects.all(), support_id)
    access.require_open()
    what = request.POST.get("what")
    try:
        if what == "confirm":
            services.confirm_child_support(support=support, actor=request.user, request=request)
        elif what == "end":
            services.end_child_support(support=support, actor=request.user, request=request)
        else:
            raise ValidationError(_("Kies een geldige stap."))
    except ValidationError as exc:
        return _network_refused(request, access, exc)
    messages.success(request, _("Bewaard."))
    return redirect(_network_url(access, "kinderen"))


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.contactban")
@require_http_methods(["GET", "POST"])
def contact_ban_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    persons, children = _adults(access), _kids(access)
    if request.method == "POST":
        access.require_open()
        form = ContactBanForm(request.POST, persons=persons, children=children)
        if form.is_valid():
            try:
                services.ban_contact(
                    trajectory=access.trajectory,
                    actor=request.user,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Bewaard. Alleen professionals zien dit."))
                return redirect(_network_url(access, "niet-toegelaten"))
    else:
        form = ContactBanForm(persons=persons, children=children)
    return _network_form(
        request,
        access,
        form,
        heading=_("Niet toegelaten bij het kind"),
        submit=_("Bewaren"),
        intro=_("Wie mag niet bij het kind komen, en waarom. Alleen professionals zien dit."),
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.contactban")
@require_http_methods(["GET", "POST"])
def contact_ban_lift(request: HttpRequest, access: CaseAccess, ban_id: int) -> HttpResponse:
    ban = get_item_for_user(access, ContactBan.objects.select_related("person"), ban_id)
    if request.method == "POST":
        access.require_open()
        form = LiftBanForm(request.POST)
        if form.is_valid():
            try:
                services.lift_ban(
                    ban=ban, reason=form.cleaned_data["reason"], actor=request.user, request=request
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Opgeheven. Het blijft in het dossier."))
                return redirect(_network_url(access, "niet-toegelaten"))
    else:
        form = LiftBanForm()
    return _network_form(
        request,
        access,
        form,
        heading=_("%(name)s mag weer bij het kind") % {"name": ban.person.full_name},
        submit=_("Opheffen"),
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.networkmeeting", autosave=True)
@require_http_methods(["GET", "POST"])
def network_meeting_add(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    persons = visible_items(access, Person.objects.all()).order_by("-is_child", "first_name", "id")
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = NetworkMeetingForm(request.POST, persons=persons)
        if form.is_valid():
            fields = dict(form.cleaned_data)
            fields["attendees"] = list(fields["attendees"])
            try:
                services.add_network_meeting(
                    trajectory=access.trajectory, actor=request.user, request=request, **fields
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=access.trajectory)
                messages.success(request, _("Het netwerkoverleg is bewaard."))
                return redirect(_network_url(access, "overleg"))
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        form = NetworkMeetingForm(data, persons=persons)
    return _network_form(
        request,
        access,
        form,
        heading=_("Netwerkoverleg"),
        submit=_("Bewaren"),
        notice=notice,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="people.genogram")
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
    reference = access.trajectory.reference
    return render(
        request,
        "people/diagrams.html",
        {
            "access": access,
            "t": access.trajectory,
            "genogram": diagrams_module.genogram_svg(
                persons, relations, title=_("Genogram van %(ref)s") % {"ref": reference}
            ),
            "genogram_text": diagrams_module.genogram_text(persons, relations),
            "ecomap": diagrams_module.ecomap_svg(
                household, members, title=_("Ecogram van %(ref)s") % {"ref": reference}
            ),
            "ecomap_text": diagrams_module.ecomap_text(household, members),
        },
    )

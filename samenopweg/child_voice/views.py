"""What the children say, per child and per session (professionals of the trajectory).

Every form runs the one edit cycle (cases.editing); every item is read through the item rule
(get_item_for_user); the services do the writes through the kernel."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    button_step,
    edit_cycle,
    edit_initial,
    form_page,
    from_form,
    template_page,
    update_from_form,
)
from samenopweg.child_voice import selectors, services
from samenopweg.child_voice.forms import (
    DrawingForm,
    LinkForm,
    SessionEditForm,
    SessionForm,
    ShareForm,
    SpokespersonForm,
    WithdrawForm,
    WordsEditForm,
    WordsForm,
)
from samenopweg.child_voice.models import (
    PARTS,
    ChildWords,
    Drawing,
    DrawingMade,
    Spokesperson,
    VoiceSession,
    WordsLink,
)
from samenopweg.core.models import Audience
from samenopweg.people.models import ContactBan, Person
from samenopweg.people.selectors import contact_ban_notes

ACTIVE = "child_voice"
SESSION_FIELDS = ("held_on", "place", "other_present", "note")
WORDS_FIELDS = ("words", "how", "path_position", "professional_note")


def _overview_url(access: CaseAccess, anchor: str = "") -> str:
    url = reverse("child_voice:overview", args=[access.trajectory.reference])
    return f"{url}#{anchor}" if anchor else url


def _session_url(access: CaseAccess, session_id: int, anchor: str = "") -> str:
    url = reverse("child_voice:session", args=[access.trajectory.reference, session_id])
    return f"{url}#{anchor}" if anchor else url


def _session(access: CaseAccess, session_id: int) -> VoiceSession:
    return get_item_for_user(
        access, VoiceSession.objects.select_related("child", "trajectory"), session_id
    )


def _words(access: CaseAccess, words_id: int) -> ChildWords:
    return get_item_for_user(
        access,
        ChildWords.objects.select_related(
            "session__child", "trajectory", "spokesperson__person", "spokesperson__professional"
        ),
        words_id,
    )


def _drawing(access: CaseAccess, drawing_id: int) -> Drawing:
    return get_item_for_user(
        access, Drawing.objects.select_related("session__child", "upload", "trajectory"), drawing_id
    )


def _child_from_query(access: CaseAccess, value: str | None) -> Person | None:
    if not value or not value.isdigit():
        return None
    return visible_items(access, Person.objects.filter(is_child=True)).filter(pk=int(value)).first()


# --- the overview and one session -------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
def overview(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Per child: who speaks for them, their sessions, and a way to start a new one."""
    show_withdrawn = request.GET.get("ingetrokken") == "1"
    return render(
        request,
        "child_voice/overview.html",
        {
            "access": access,
            "t": access.trajectory,
            "children": selectors.overview(access, show_withdrawn=show_withdrawn),
            "show_withdrawn": show_withdrawn,
            "active": ACTIVE,
        },
    )


@trajectory_view(require=Require.PROFESSIONAL)
def session(request: HttpRequest, access: CaseAccess, session_id: int) -> HttpResponse:
    """One session: each part of the tool with the child's words, how they were said, what they
    are linked to and who may see them; the drawings; at "who may not come in", the contact bans
    of this child, so nobody has to remember them."""
    the_session = _session(access, session_id)
    bans = (
        visible_items(access, ContactBan.objects.filter(withdrawn_at__isnull=True))
        .filter(child__in=[the_session.child_id, None])
        .select_related("person")
        if "not_in" in PARTS[the_session.tool]
        else ContactBan.objects.none()
    )
    return render(
        request,
        "child_voice/session.html",
        {
            "access": access,
            "t": access.trajectory,
            "session": the_session,
            "present": list(the_session.present.all()),
            "parts": selectors.session_parts(access, the_session),
            "bans": list(bans),
            "active": ACTIVE,
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    child = _child_from_query(access, request.GET.get("kind"))
    notes = contact_ban_notes(access)

    def form(data: QueryDict | None) -> forms.Form:
        return SessionForm(
            data,
            trajectory=trajectory,
            ban_notes=notes,
            initial={"held_on": timezone.localdate(), "child": child.pk if child else None},
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=from_form(request, services.add_session, trajectory=trajectory),
        done=lambda made: _session_url(access, made.pk),
        message=_("Het gesprek is bewaard. Noteer nu wat het kind zei, per deel."),
        show=form_page(
            request,
            access,
            heading=_("Nieuw gesprek met een kind"),
            submit=_("Gesprek bewaren"),
            cancel_url=_overview_url(access),
            active=ACTIVE,
            intro=_(
                "Kies het kind en de werkvorm. Daarna noteer je de woorden van het kind, per deel."
            ),
        ),
        cancel_url=_overview_url(access),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, access: CaseAccess, session_id: int) -> HttpResponse:
    the_session = _session(access, session_id)
    notes = contact_ban_notes(access)

    def form(data: QueryDict | None) -> forms.Form:
        return SessionEditForm(
            data,
            trajectory=access.trajectory,
            ban_notes=notes,
            initial=edit_initial(
                the_session, SESSION_FIELDS, present=list(the_session.present.all())
            ),
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.update_session, session=the_session),
        done=_session_url(access, the_session.pk),
        message=_("Het gesprek is bijgewerkt."),
        show=form_page(
            request,
            access,
            heading=_("Gesprek aanpassen"),
            submit=_("Bewaren"),
            cancel_url=_session_url(access, the_session.pk),
            active=ACTIVE,
        ),
        cancel_url=_session_url(access, the_session.pk),
        conflict_fields=SESSION_FIELDS,
    )


def _withdraw_page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    service: Any,
    given: dict[str, Any],
    done: str,
    message: str,
    heading: str,
    quote: str,
) -> HttpResponse:
    return edit_cycle(
        request,
        access,
        form=WithdrawForm,
        save=from_form(request, service, **given),
        done=done,
        message=message,
        show=template_page(
            request,
            access,
            "child_voice/withdraw.html",
            heading=heading,
            quote=quote,
            cancel_url=done,
            active=ACTIVE,
        ),
        cancel_url=done,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def session_withdraw(request: HttpRequest, access: CaseAccess, session_id: int) -> HttpResponse:
    the_session = _session(access, session_id)
    return _withdraw_page(
        request,
        access,
        service=services.withdraw_session,
        given={"session": the_session},
        done=_overview_url(access),
        message=_("Het gesprek is ingetrokken, met alles wat erin staat."),
        heading=_("Gesprek intrekken"),
        quote=str(the_session),
    )


# --- words ---------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def words_new(request: HttpRequest, access: CaseAccess, session_id: int) -> HttpResponse:
    the_session = _session(access, session_id)
    parts = PARTS[the_session.tool]
    asked = request.POST.get("part") or request.GET.get("deel") or parts[0]
    part = asked if asked in parts else parts[0]
    notes = contact_ban_notes(access)

    def form(data: QueryDict | None) -> forms.Form:
        return WordsForm(
            data, session=the_session, part=part, ban_notes=notes, initial={"part": part}
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=from_form(request, services.add_words, session=the_session),
        done=lambda made: _session_url(access, the_session.pk, f"woorden-{made.pk}"),
        message=_("De woorden van het kind zijn bewaard. Ze blijven bij de professionals."),
        show=form_page(
            request,
            access,
            heading=_("Wat zei %(child)s?") % {"child": the_session.child.first_name},
            submit=_("Woorden bewaren"),
            cancel_url=_session_url(access, the_session.pk),
            active=ACTIVE,
            template="child_voice/words_form.html",
            session=the_session,
            part=part,
        ),
        cancel_url=_session_url(access, the_session.pk),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def words_edit(request: HttpRequest, access: CaseAccess, words_id: int) -> HttpResponse:
    entry = _words(access, words_id)
    notes = contact_ban_notes(access)
    back = _session_url(access, entry.session_id, f"woorden-{entry.pk}")

    def form(data: QueryDict | None) -> forms.Form:
        return WordsEditForm(
            data,
            session=entry.session,
            part=entry.part,
            ban_notes=notes,
            initial=edit_initial(
                entry,
                WORDS_FIELDS,
                spokesperson=entry.spokesperson_id,
                about_person=entry.about_person_id,
            ),
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=update_from_form(request, services.update_words, entry=entry),
        done=back,
        message=_("De woorden zijn bijgewerkt."),
        show=form_page(
            request,
            access,
            heading=_("Woorden aanpassen"),
            submit=_("Bewaren"),
            cancel_url=back,
            active=ACTIVE,
            template="child_voice/words_form.html",
            session=entry.session,
            part=entry.part,
        ),
        cancel_url=back,
        conflict_fields=WORDS_FIELDS,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def words_withdraw(request: HttpRequest, access: CaseAccess, words_id: int) -> HttpResponse:
    entry = _words(access, words_id)
    return _withdraw_page(
        request,
        access,
        service=services.withdraw_words,
        given={"entry": entry},
        done=_session_url(access, entry.session_id),
        message=_("De woorden zijn ingetrokken. Ze staan niet meer bij wat eraan gekoppeld was."),
        heading=_("Woorden intrekken"),
        quote=entry.words,
    )


def _share_page(
    request: HttpRequest, access: CaseAccess, item: ChildWords | Drawing, *, quote: str
) -> HttpResponse:
    back = _session_url(access, item.session_id)

    def form(data: QueryDict | None) -> forms.Form:
        return ShareForm(data, initial=edit_initial(item, ("audience", "child_agreed")))

    def save(bound: forms.Form) -> Any:
        return services.share(
            item=item,
            expected_version=bound.cleaned_data["version"],
            audience=bound.cleaned_data["audience"],
            child_agreed=bound.cleaned_data["child_agreed"],
            actor=request.user,
            request=request,
        )

    def said(shared: Any) -> str:
        if shared.audience == Audience.PROFESSIONALS:
            return _("Dit blijft bij de professionals.")
        return _("Gedeeld: %(who)s. Het kind vond het goed.") % {
            "who": Audience(shared.audience).label
        }

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=back,
        message=said,
        show=template_page(
            request,
            access,
            "child_voice/share.html",
            item=item,
            quote=quote,
            cancel_url=back,
            active=ACTIVE,
        ),
        cancel_url=back,
        conflict_fields=("audience", "child_agreed"),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def words_share(request: HttpRequest, access: CaseAccess, words_id: int) -> HttpResponse:
    entry = _words(access, words_id)
    return _share_page(request, access, entry, quote=entry.words)


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def words_link(request: HttpRequest, access: CaseAccess, words_id: int) -> HttpResponse:
    """Link the words to the decision they should lead."""
    entry = _words(access, words_id)
    back = _session_url(access, entry.session_id, f"woorden-{entry.pk}")
    targets = selectors.link_targets(access)

    def save(bound: forms.Form) -> WordsLink:
        target = selectors.resolve_target(access, bound.cleaned_data["target"])
        if target is None:
            raise ValidationError({"target": _("Kies iets uit dit traject.")})
        return services.link_words(entry=entry, target=target, actor=request.user, request=request)

    return edit_cycle(
        request,
        access,
        form=lambda data: LinkForm(data, targets=targets),
        save=save,
        done=back,
        message=_("Gekoppeld. De woorden staan nu ook bij wat je koos."),
        show=template_page(
            request,
            access,
            "child_voice/link.html",
            entry=entry,
            has_targets=bool(targets),
            cancel_url=back,
            active=ACTIVE,
        ),
        cancel_url=back,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def link_remove(request: HttpRequest, access: CaseAccess, link_id: int) -> HttpResponse:
    access.require_open()
    link = get_item_for_user(access, WordsLink.objects.select_related("trajectory"), link_id)
    saved, _removed = button_step(
        request,
        lambda: services.unlink_words(link=link, actor=request.user, request=request),
        conflict=_("Iemand anders heeft dit intussen gewijzigd."),
    )
    if saved:
        messages.success(request, _("De koppeling is weggehaald."))
    session_id = ChildWords.objects.values_list("session_id", flat=True).get(pk=link.words_id)
    return redirect(_session_url(access, session_id, f"woorden-{link.words_id}"))


# --- drawings ------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def drawing_new(request: HttpRequest, access: CaseAccess, session_id: int) -> HttpResponse:
    """A photo of a paper drawing, or a drawing on the screen (static/js/drawing.js puts the
    canvas as a PNG in the same file field; without JavaScript the upload still works)."""
    the_session = _session(access, session_id)
    on_screen = request.GET.get("op") == "scherm"
    back = _session_url(access, the_session.pk)

    def form(data: QueryDict | None) -> forms.Form:
        return DrawingForm(
            data,
            request.FILES or None,
            session=the_session,
            initial={
                "made": DrawingMade.CANVAS if on_screen else DrawingMade.PHOTO,
                "part": request.GET.get("deel", ""),
            },
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=from_form(request, services.add_drawing, session=the_session),
        done=lambda made: _session_url(access, the_session.pk, f"tekening-{made.pk}"),
        message=_("De tekening is bewaard. Ze blijft bij de professionals."),
        show=form_page(
            request,
            access,
            heading=_("Een tekening van %(child)s") % {"child": the_session.child.first_name},
            submit=_("Tekening bewaren"),
            cancel_url=back,
            active=ACTIVE,
            multipart=True,
            template="child_voice/drawing_form.html",
            session=the_session,
            on_screen=on_screen,
        ),
        cancel_url=back,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def drawing_share(request: HttpRequest, access: CaseAccess, drawing_id: int) -> HttpResponse:
    drawing = _drawing(access, drawing_id)
    return _share_page(request, access, drawing, quote=drawing.description)


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def drawing_withdraw(request: HttpRequest, access: CaseAccess, drawing_id: int) -> HttpResponse:
    drawing = _drawing(access, drawing_id)
    return _withdraw_page(
        request,
        access,
        service=services.withdraw_drawing,
        given={"drawing": drawing},
        done=_session_url(access, drawing.session_id),
        message=_("De tekening is ingetrokken. Het gezin ziet ze niet meer."),
        heading=_("Tekening intrekken"),
        quote=drawing.description,
    )


# --- spokespersons -------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def spokesperson_new(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    child = _child_from_query(access, request.GET.get("kind"))
    notes = contact_ban_notes(access)
    professionals = services.professionals_on_case(trajectory)

    def form(data: QueryDict | None) -> forms.Form:
        return SpokespersonForm(
            data,
            trajectory=trajectory,
            professionals=professionals,
            ban_notes=notes,
            initial={"child": child.pk if child else None},
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=from_form(request, services.name_spokesperson, trajectory=trajectory),
        done=lambda made: _overview_url(access, f"kind-{made.child_id}"),
        message=lambda made: (
            _("%(name)s spreekt nu namens %(child)s.")
            % {"name": made.name, "child": made.child.first_name}
        ),
        show=form_page(
            request,
            access,
            heading=_("Een woordvoerder voor een kind"),
            submit=_("Bewaren"),
            cancel_url=_overview_url(access),
            active=ACTIVE,
            intro=_(
                "Kan een kind nog niet zelf zeggen wat het denkt? Dan zoeken we iemand die het "
                "voor het kind zegt. Wat die persoon zegt, tonen we als 'wat X zegt namens het "
                "kind', nooit als de woorden van het kind zelf."
            ),
        ),
        cancel_url=_overview_url(access),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def spokesperson_withdraw(
    request: HttpRequest, access: CaseAccess, spokesperson_id: int
) -> HttpResponse:
    spokesperson = get_item_for_user(
        access,
        Spokesperson.objects.select_related("child", "person", "professional", "trajectory"),
        spokesperson_id,
    )
    return _withdraw_page(
        request,
        access,
        service=services.withdraw_spokesperson,
        given={"spokesperson": spokesperson},
        done=_overview_url(access, f"kind-{spokesperson.child_id}"),
        message=_("%(name)s is geen woordvoerder meer. Wat die zei, blijft in het dossier.")
        % {"name": spokesperson.name},
        heading=_("Woordvoerder stoppen"),
        quote=_("%(name)s namens %(child)s")
        % {"name": spokesperson.name, "child": spokesperson.child.first_name},
    )

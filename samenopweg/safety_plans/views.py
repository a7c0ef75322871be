"""The HOW: the immediate safety agreement and the lasting safety plan of a trajectory.

Every professional on the case writes the plan (the worker with the family and network; the
family and network through the worker until their portal exists). Only the consultant (and the
team lead) confirms that the plan answers every safety goal.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from samenopweg.assessments.models import SafetyGoal
from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import (
    CaseAccess,
    get_item_for_user,
    visible_items,
    visible_kept_items,
)
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    button_step,
    edit_cycle,
    edit_initial,
    form_page,
    from_form,
    update_from_form,
)
from samenopweg.cases.extensions import page_notes
from samenopweg.cases.models import Upload
from samenopweg.cases.uploads import data_url
from samenopweg.core.models import Audience
from samenopweg.core.pdf import pdf_download
from samenopweg.people.models import NetworkMember, Person
from samenopweg.safety_plans import selectors, services
from samenopweg.safety_plans.forms import (
    CheckInForm,
    CommentForm,
    PlanEditForm,
    PlanForm,
    PlanStatusForm,
    RuleEditForm,
    RuleForm,
    StoryEditForm,
    StoryForm,
    StoryPageEditForm,
    StoryPageForm,
    WithdrawForm,
)
from samenopweg.safety_plans.handout import handout_download
from samenopweg.safety_plans.models import (
    PlanKind,
    PlanRule,
    PlanStatus,
    PlanVersion,
    SafetyPlan,
    Story,
    StoryKind,
    StoryPage,
    StoryVersion,
)

PLAN_TEXTS = ("safety_object", "safety_object_meaning")
RULE_TEXTS = ("what", "when", "check_how", "fallback")


def _page_url(access: CaseAccess, anchor: str = "") -> str:
    url = reverse("safety_plans:plan", args=[access.trajectory.reference])
    return f"{url}#{anchor}" if anchor else url


def _persons(access: CaseAccess) -> Any:
    return visible_items(access, Person.objects.all()).order_by("-is_child", "first_name", "id")


def _goals(access: CaseAccess) -> Any:
    return visible_items(
        access,
        SafetyGoal.objects.filter(
            withdrawn_at__isnull=True, danger_statement__withdrawn_at__isnull=True
        ),
    ).order_by("danger_statement__position", "danger_statement_id", "position", "id")


def _plan(access: CaseAccess, plan_id: int) -> SafetyPlan:
    return get_item_for_user(access, SafetyPlan.objects.all(), plan_id)


def _rule(access: CaseAccess, rule_id: int) -> PlanRule:
    return get_item_for_user(access, PlanRule.objects.select_related("plan"), rule_id)


PLAN_HINT = gettext_lazy(
    "Taalcheck: het gezin en het netwerk lezen dit mee. Schrijf zoals je het aan hen zou zeggen."
)
STORY_HINT = gettext_lazy("Taalcheck: de kinderen lezen dit. Korte zinnen, gewone woorden.")
PLAN_ENDED = gettext_lazy("Dit plan is gestopt en kan niet meer veranderen.")


def _cycle(
    request: HttpRequest,
    access: CaseAccess,
    *,
    heading: str,
    submit: str,
    intro: str = "",
    cancel_url: str = "",
    for_children: bool = False,
    rule: PlanRule | None = None,
    story_page: StoryPage | None = None,
    **cycle: Any,
) -> HttpResponse:
    """`edit_cycle` for a form page of the HOW: a form of the plan, which the family and the
    network read along (back to the plan, under the `rule` it is about), or `for_children`, of
    Words and Pictures (a `story_page` shows its picture)."""
    cancel_url = cancel_url or _page_url(access)
    show = form_page(
        request,
        access,
        heading=heading,
        submit=submit,
        cancel_url=cancel_url,
        active="plan",
        pl_hint=str(STORY_HINT if for_children else PLAN_HINT),
        intro=intro,
        multipart=for_children,
        template="safety_plans/story_form.html" if for_children else "safety_plans/form.html",
        rule=rule,
        story_page=story_page,
    )
    return edit_cycle(request, access, show=show, cancel_url=cancel_url, **cycle)


def _refuse(request: HttpRequest, url: str, why: ValidationError | str) -> HttpResponse:
    """A step that is not possible (a status button, a plan that ended): say why, at `url`."""
    for message in why.messages if isinstance(why, ValidationError) else [why]:
        messages.error(request, message)
    return redirect(url)


def _kept_version(access: CaseAccess, versions: Any, number: int) -> Any:
    """Version `number` of a plan's or a story's kept versions, or 404; the read row names it."""
    version = versions.filter(number=number).first()
    if version is None:
        raise Http404(_("Deze versie bestaat niet."))
    return access.show(version)


# --- the page -------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
def plan(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The immediate agreement and the lasting plan, their rules, follow-up and open goals."""
    page = selectors.plan_page(access)
    # Opened from a review that adjusts the plan: its points to change (samenopweg.reviews,
    # through cases.extensions) at the top.
    notes = page_notes(access, "plan") if request.GET.get(selectors.PAGE_NOTES_PARAM) else {}
    marker = 999999999
    prefix = reverse("safety_plans:rule_edit", args=[access.trajectory.reference, marker]).split(
        f"/{marker}/"
    )[0]
    for block in (page.immediate, page.lasting):
        for line in block.lines if block else []:
            line.url_prefix = f"{prefix}/{line.rule.pk}/"
    return render(
        request,
        "safety_plans/page.html",
        {
            "access": access,
            "t": access.trajectory,
            "page": page,
            "blocks": [b for b in (page.immediate, page.lasting) if b is not None],
            "can_write": not access.trajectory.is_closed,
            "kinds": PlanKind,
            "review_points": notes.get("review", []),
        },
    )


@trajectory_view(require=Require.PROFESSIONAL)
def plan_version(
    request: HttpRequest, access: CaseAccess, plan_id: int, number: int
) -> HttpResponse:
    """The plan exactly as it was at one status change, its rules through the item rule."""
    the_plan = _plan(access, plan_id)
    version: PlanVersion = _kept_version(access, the_plan.versions, number)
    kept = version.snapshot
    snapshot = {**kept, "rules": visible_kept_items(access, kept.get("rules", []))}
    return render(
        request,
        "safety_plans/version.html",
        {
            "access": access,
            "t": access.trajectory,
            "plan": the_plan,
            "version": version,
            "snapshot": snapshot,
        },
    )


# --- the plan itself ------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    kind = request.GET.get("soort") or request.POST.get("kind") or PlanKind.LASTING
    if kind not in PlanKind.values:
        kind = PlanKind.LASTING
    immediate = kind == PlanKind.IMMEDIATE
    return _cycle(
        request,
        access,
        heading=str(PlanKind(kind).label),
        submit=_("Plan maken"),
        intro=_(
            "Een directe veiligheidsafspraak is voor de komende dagen, tot het "
            "veiligheidsplan klaar is."
        )
        if immediate
        else _(
            "Het veiligheidsplan maken jullie samen met het gezin en het netwerk. Het loopt "
            "door, ook als de diensten er niet meer zijn."
        ),
        form=lambda data: PlanForm(data, immediate=immediate),
        save=from_form(request, services.create_plan, trajectory=access.trajectory, kind=kind),
        done=lambda made: _page_url(access, f"plan-{made.pk}"),
        message=_("Het plan is gemaakt. Schrijf nu de afspraken."),
        texts=PLAN_TEXTS,
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    the_plan = _plan(access, plan_id)
    if the_plan.is_ended:
        return _refuse(request, _page_url(access), str(PLAN_ENDED))
    immediate = the_plan.kind == PlanKind.IMMEDIATE
    initial = edit_initial(the_plan, services.PLAN_FIELDS)

    def save(form: forms.Form) -> SafetyPlan:
        return services.update_plan(
            plan=the_plan,
            expected_version=form.cleaned_data["version"],
            review_on=form.cleaned_data.get("review_on", the_plan.review_on),
            safety_object=form.cleaned_data["safety_object"],
            safety_object_meaning=form.cleaned_data["safety_object_meaning"],
            audience=form.cleaned_data["audience"],
            actor=request.user,
            request=request,
        )

    return _cycle(
        request,
        access,
        heading=_("%(kind)s aanpassen") % {"kind": the_plan.get_kind_display()},
        submit=_("Bewaren"),
        form=lambda data: PlanEditForm(data, immediate=immediate, initial=initial),
        save=save,
        done=_page_url(access, f"plan-{the_plan.pk}"),
        message=_("Het plan is bewaard."),
        conflict_fields=PLAN_TEXTS,
        texts=PLAN_TEXTS,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def plan_status(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    the_plan = _plan(access, plan_id)
    access.require_open()
    form = PlanStatusForm(request.POST)
    if not form.is_valid():
        return _refuse(request, _page_url(access), _("Kies een geldige stap."))
    saved, _version = button_step(
        request,
        lambda: services.change_plan_status(
            plan=the_plan,
            to_status=form.cleaned_data["to_status"],
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            request=request,
        ),
        conflict=_("Iemand anders paste het plan net aan. Bekijk het opnieuw en kies dan de stap."),
        each_message=True,
    )
    if saved:
        messages.success(
            request,
            _("Het plan staat nu op ‘%(status)s’.")
            % {"status": PlanStatus(form.cleaned_data["to_status"]).label},
        )
    return redirect(_page_url(access, f"plan-{the_plan.pk}"))


@trajectory_view(require=Require.CONSULTANT)
@require_POST
def plan_confirm(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    """The consultant confirms that the plan answers every safety goal."""
    the_plan = _plan(access, plan_id)
    access.require_open()
    try:
        seen = datetime.datetime.fromisoformat(request.POST.get("seen", ""))
    except ValueError:
        seen = None
    try:
        services.confirm_plan(plan=the_plan, seen=seen, actor=request.user, request=request)
    except ValidationError as exc:
        return _refuse(request, _page_url(access), exc)
    messages.success(request, _("Je bevestigde dat het plan elk veiligheidsdoel beantwoordt."))
    return redirect(_page_url(access, f"plan-{the_plan.pk}"))


# --- rules ----------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def rule_create(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    the_plan = _plan(access, plan_id)
    if the_plan.is_ended:
        return _refuse(request, _page_url(access), str(PLAN_ENDED))
    persons, goals = _persons(access), _goals(access)
    goal = request.GET.get("doel", "")
    initial = {"goals": [int(goal)]} if goal.isdigit() else {}
    return _cycle(
        request,
        access,
        heading=_("Nieuwe afspraak"),
        submit=_("Afspraak bewaren"),
        intro=_(
            "Een afspraak zegt wat er gebeurt, wie het doet, wanneer, hoe we het weten en wie "
            "inspringt."
        ),
        form=lambda data: RuleForm(data, persons=persons, goals=goals, initial=initial),
        save=from_form(request, services.add_rule, plan=the_plan),
        done=lambda rule: _page_url(access, f"afspraak-{rule.pk}"),
        message=_("De afspraak staat in het plan."),
        texts=RULE_TEXTS,
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, access: CaseAccess, rule_id: int) -> HttpResponse:
    rule = _rule(access, rule_id)
    if rule.withdrawn_at is not None or rule.plan.is_ended:
        return _refuse(request, _page_url(access), _("Deze afspraak kan niet meer veranderen."))
    persons, goals = _persons(access), _goals(access)

    def form(data: Any) -> forms.Form:
        initial = edit_initial(
            rule, services.RULE_FIELDS, who=list(rule.who.all()), goals=list(rule.goals.all())
        )
        return RuleEditForm(data, persons=persons, goals=goals, initial=initial)

    return _cycle(
        request,
        access,
        heading=_("Afspraak aanpassen"),
        submit=_("Bewaren"),
        rule=rule,
        form=form,
        save=update_from_form(request, services.update_rule, rule=rule),
        done=_page_url(access, f"afspraak-{rule.pk}"),
        message=_("De afspraak is bewaard."),
        conflict_fields=RULE_TEXTS,
        texts=RULE_TEXTS,
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def rule_withdraw(request: HttpRequest, access: CaseAccess, rule_id: int) -> HttpResponse:
    rule = _rule(access, rule_id)
    return _cycle(
        request,
        access,
        heading=_("Afspraak intrekken"),
        submit=_("Intrekken"),
        intro=_(
            "De afspraak verdwijnt uit het plan, maar blijft met haar opvolging in het dossier."
        ),
        rule=rule,
        form=WithdrawForm,
        save=from_form(request, services.withdraw_rule, rule=rule),
        done=_page_url(access),
        message=_("De afspraak is ingetrokken. Ze blijft in het dossier."),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, access: CaseAccess, rule_id: int) -> HttpResponse:
    """How did the rule go? Went well, did not, or a remark."""
    rule = _rule(access, rule_id)
    persons = _persons(access)
    return _cycle(
        request,
        access,
        heading=_("Hoe ging de afspraak?"),
        submit=_("Opvolging bewaren"),
        rule=rule,
        form=lambda data: CheckInForm(data, persons=persons),
        save=from_form(request, services.add_check_in, rule=rule),
        done=_page_url(access, f"afspraak-{rule.pk}"),
        message=_("De opvolging is bewaard."),
        texts=("note",),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def plan_comment(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    """A remark on the plan or on one rule (?afspraak=<id>); shown on the plan, never hidden."""
    the_plan = _plan(access, plan_id)
    rule_id = request.GET.get("afspraak") or request.POST.get("rule") or ""
    rule = _rule(access, int(rule_id)) if rule_id.isdigit() else None
    return _cycle(
        request,
        access,
        heading=_("Opmerking bij het plan"),
        submit=_("Opmerking bewaren"),
        rule=rule,
        form=CommentForm,
        save=from_form(request, services.add_plan_comment, plan=the_plan, rule=rule),
        done=_page_url(access, f"afspraak-{rule.pk}" if rule else f"plan-{the_plan.pk}"),
        message=_("Je opmerking staat bij het plan."),
        texts=("text",),
    )


# --- Words and Pictures ---------------------------------------------------------------------

BOOKLET_STYLESHEET = "css/booklet.css"


def _stories_url(access: CaseAccess) -> str:
    return reverse("safety_plans:stories", args=[access.trajectory.reference])


def _story_url(access: CaseAccess, story: Story, anchor: str = "") -> str:
    url = reverse("safety_plans:story", args=[access.trajectory.reference, story.pk])
    return f"{url}#{anchor}" if anchor else url


def _story(access: CaseAccess, story_id: int) -> Story:
    return get_item_for_user(access, Story.objects.all(), story_id)


def _pages(access: CaseAccess, story: Story) -> list[StoryPage]:
    return list(
        visible_items(access, StoryPage.objects.filter(story=story, withdrawn_at__isnull=True))
        .select_related("picture")
        .order_by("position", "id")
    )


@trajectory_view(require=Require.PROFESSIONAL)
def stories(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The Words and Pictures stories of the trajectory, of both kinds."""
    found = list(
        visible_items(access, Story.objects.all())
        .annotate(page_count=Count("pages", filter=Q(pages__withdrawn_at__isnull=True)))
        .order_by("kind", "-created_at")
    )
    return render(
        request,
        "safety_plans/stories.html",
        {
            "access": access,
            "t": access.trajectory,
            "stories": found,
            "kinds": StoryKind.choices,
            "can_write": not access.trajectory.is_closed,
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def story_create(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    kind = request.GET.get("soort", "")
    kind = kind if kind in StoryKind.values else StoryKind.WHY
    return _cycle(
        request,
        access,
        for_children=True,
        heading=str(StoryKind(kind).label),
        submit=_("Verhaal maken"),
        cancel_url=_stories_url(access),
        intro=_(
            "Woorden en beelden: een verhaal met tekeningen, samen met de ouders geschreven, "
            "zodat de kinderen begrijpen wat er gebeurt."
        ),
        form=StoryForm,
        save=from_form(request, services.create_story, trajectory=access.trajectory, kind=kind),
        done=lambda made: _story_url(access, made),
        message=_("Het verhaal is gemaakt. Schrijf nu de eerste bladzijde."),
    )


@trajectory_view(require=Require.PROFESSIONAL)
def story(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    the_story = _story(access, story_id)
    return render(
        request,
        "safety_plans/story.html",
        {
            "access": access,
            "t": access.trajectory,
            "story": the_story,
            "pages": _pages(access, the_story),
            "versions": list(the_story.versions.all()[:20]),
            "can_write": not access.trajectory.is_closed,
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def story_edit(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    the_story = _story(access, story_id)
    initial = edit_initial(the_story, services.STORY_FIELDS)

    return _cycle(
        request,
        access,
        for_children=True,
        heading=_("Verhaal aanpassen"),
        submit=_("Bewaren"),
        cancel_url=_story_url(access, the_story),
        form=lambda data: StoryEditForm(data, initial=initial),
        save=update_from_form(request, services.update_story, story=the_story),
        done=_story_url(access, the_story),
        message=_("Bewaard."),
        conflict_fields=("title",),
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def page_add(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    the_story = _story(access, story_id)
    return _cycle(
        request,
        access,
        for_children=True,
        heading=_("Nieuwe bladzijde"),
        submit=_("Bladzijde bewaren"),
        cancel_url=_story_url(access, the_story),
        form=lambda data: StoryPageForm(data, request.FILES or None),
        save=lambda form: services.add_story_page(
            story=the_story,
            text=form.cleaned_data["text"],
            uploaded=form.cleaned_data["picture"],
            picture_alt=form.cleaned_data["picture_alt"],
            actor=request.user,
            request=request,
        ),
        done=lambda made: _story_url(access, the_story, f"bladzijde-{made.pk}"),
        message=_("De bladzijde staat in het verhaal."),
        # The children read every page of a story shared with them.
        texts=("text",),
        tips_always=the_story.audience != Audience.PROFESSIONALS,
    )


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, access: CaseAccess, page_id: int) -> HttpResponse:
    page = get_item_for_user(access, StoryPage.objects.select_related("story", "picture"), page_id)
    if page.withdrawn_at is not None:
        messages.error(request, _("Deze bladzijde is weggehaald."))
        return redirect(_story_url(access, page.story))
    initial = edit_initial(page, ("text", "picture_alt"))
    return _cycle(
        request,
        access,
        for_children=True,
        heading=_("Bladzijde aanpassen"),
        submit=_("Bewaren"),
        cancel_url=_story_url(access, page.story),
        story_page=page,
        form=lambda data: StoryPageEditForm(data, request.FILES or None, initial=initial),
        save=lambda form: services.update_story_page(
            page=page,
            expected_version=form.cleaned_data["version"],
            text=form.cleaned_data["text"],
            uploaded=form.cleaned_data["picture"],
            picture_alt=form.cleaned_data["picture_alt"],
            remove_picture=form.cleaned_data["remove_picture"],
            actor=request.user,
            request=request,
        ),
        done=_story_url(access, page.story, f"bladzijde-{page.pk}"),
        message=_("De bladzijde is bewaard."),
        conflict_fields=("text",),
    )


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def page_withdraw(request: HttpRequest, access: CaseAccess, page_id: int) -> HttpResponse:
    page = get_item_for_user(access, StoryPage.objects.select_related("story"), page_id)
    access.require_open()
    services.withdraw_story_page(page=page, actor=request.user, request=request)
    messages.success(
        request, _("De bladzijde is uit het verhaal gehaald. Ze blijft in het dossier.")
    )
    return redirect(_story_url(access, page.story))


@trajectory_view(require=Require.PROFESSIONAL)
@require_POST
def story_keep_version(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    the_story = _story(access, story_id)
    access.require_open()
    try:
        version = services.keep_story_version(story=the_story, actor=request.user, request=request)
    except ValidationError as exc:
        return _refuse(request, _story_url(access, the_story), exc)
    messages.success(
        request, _("Versie %(n)d is bewaard, precies zoals ze nu is.") % {"n": version.number}
    )
    return redirect(_story_url(access, the_story))


@trajectory_view(require=Require.PROFESSIONAL)
def story_version(
    request: HttpRequest, access: CaseAccess, story_id: int, number: int
) -> HttpResponse:
    the_story = _story(access, story_id)
    version: StoryVersion = _kept_version(access, the_story.versions, number)
    kept = version.snapshot
    # Pages of versions kept before pages carried their audience had the story's.
    shown = visible_kept_items(
        access,
        [{"audience": kept.get("audience", Audience.PROFESSIONALS), **p} for p in kept["pages"]],
    )
    pictures = {
        u.pk: u
        for u in visible_items(access, Upload.objects.all()).filter(
            pk__in=[p["picture"] for p in shown if p["picture"]]
        )
    }
    pages = [{**p, "upload": pictures.get(p["picture"])} for p in shown]
    return render(
        request,
        "safety_plans/story_version.html",
        {
            "access": access,
            "t": access.trajectory,
            "story": the_story,
            "version": version,
            "pages": pages,
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_action=AuditAction.EXPORT)
@require_safe
def story_booklet(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    """The story as an A5 booklet (PDF), a page of text and a picture per sheet."""
    the_story = _story(access, story_id)
    pages = [
        {"text": p.text, "alt": p.picture_alt, "src": data_url(p.picture) if p.picture else ""}
        for p in _pages(access, the_story)
    ]
    html = render_to_string(
        "safety_plans/booklet_pdf.html",
        {"story": the_story, "pages": pages, "t": access.trajectory},
        request,
    )
    return pdf_download(
        request,
        html,
        stylesheet=BOOKLET_STYLESHEET,
        filename=f"woorden-en-beelden-{access.trajectory.reference}-{the_story.pk}.pdf",
    )


# --- the network handout --------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, audit_action=AuditAction.EXPORT)
@require_safe
def network_handout(request: HttpRequest, access: CaseAccess, member_id: int) -> HttpResponse:
    """A PDF for one network member: only what the network may see, in the member's language
    (safety_plans.handout), the same as the member downloads on their own page."""
    member = get_item_for_user(
        access,
        NetworkMember.objects.select_related("person").filter(withdrawn_at__isnull=True),
        member_id,
    )
    return handout_download(request, access, member)

"""The HOW: the immediate safety agreement and the lasting safety plan of a trajectory.

Every professional on the case writes the plan (the worker with the family and network; the
family and network through the worker until their portal exists). Only the consultant (and the
team lead) confirms that the plan answers every safety goal.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from samenopweg.assessments.models import SafetyGoal
from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess, get_item_for_user, visible_items
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.drafts import discard_draft, restored_form_data
from samenopweg.cases.models import Upload
from samenopweg.cases.uploads import data_url
from samenopweg.core.forms import add_errors
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.core.pdf import render_pdf
from samenopweg.core.views import render_conflict, render_form_page
from samenopweg.people.models import NetworkMember, Person
from samenopweg.plainlanguage.services import save_tips
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
from samenopweg.safety_plans.handout import handout_for
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


PLAN_HINT = _lazy(
    "Taalcheck: het gezin en het netwerk lezen dit mee. Schrijf zoals je het aan hen zou zeggen."
)
STORY_HINT = _lazy("Taalcheck: de kinderen lezen dit. Korte zinnen, gewone woorden.")


def _render_form(
    request: HttpRequest,
    access: CaseAccess,
    *,
    form: forms.Form,
    page_heading: str,
    submit: str,
    notice: str = "",
    intro: str = "",
    rule: PlanRule | None = None,
) -> HttpResponse:
    return render_form_page(
        request,
        access=access,
        form=form,
        heading=page_heading,
        submit=submit,
        cancel_url=_page_url(access),
        active="plan",
        pl_hint=str(PLAN_HINT),
        notice=notice,
        intro=intro,
        template="safety_plans/form.html",
        rule=rule,
    )


def _saved(
    request: HttpRequest,
    access: CaseAccess,
    form: forms.Form,
    *,
    message: str,
    anchor: str,
    texts: Sequence[str],
) -> HttpResponse:
    """After a save: drop the draft, confirm, give plain-language tips, back to the plan."""
    discard_draft(request=request, trajectory=access.trajectory)
    messages.success(request, message)
    if form.cleaned_data.get("audience") != Audience.PROFESSIONALS:
        save_tips(request, form, [t for t in texts if t in form.cleaned_data])
    return redirect(_page_url(access, anchor))


def _conflict(
    request: HttpRequest, access: CaseAccess, form: forms.Form, current: Any, texts: Sequence[str]
) -> HttpResponse:
    return render_conflict(
        request,
        form=form,
        theirs={name: getattr(current, name) for name in texts},
        current_version=current.version,
        cancel_url=_page_url(access),
    )


def _refuse(request: HttpRequest, access: CaseAccess, exc: ValidationError) -> HttpResponse:
    for message in exc.messages:
        messages.error(request, message)
    return redirect(_page_url(access))


# --- the page -------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.safetyplan")
def plan(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The immediate agreement and the lasting plan, their rules, follow-up and open goals."""
    page = selectors.plan_page(access)
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
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.planversion")
def plan_version(
    request: HttpRequest, access: CaseAccess, plan_id: int, number: int
) -> HttpResponse:
    """The plan exactly as it was at one status change."""
    the_plan = _plan(access, plan_id)
    version = PlanVersion.objects.filter(plan=the_plan, number=number).first()
    if version is None:
        raise Http404(_("Deze versie bestaat niet."))
    snapshot = version.snapshot
    if not access.is_professional:  # pragma: no cover - the family's pages come later
        snapshot = {
            **snapshot,
            "rules": [r for r in snapshot["rules"] if r["audience"] >= access.audience_floor],
        }
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


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.safetyplan", autosave=True)
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    kind = request.GET.get("soort") or request.POST.get("kind") or PlanKind.LASTING
    if kind not in PlanKind.values:
        kind = PlanKind.LASTING
    immediate = kind == PlanKind.IMMEDIATE
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = PlanForm(request.POST, immediate=immediate)
        if form.is_valid():
            try:
                made = services.create_plan(
                    trajectory=access.trajectory,
                    kind=kind,
                    review_on=form.cleaned_data.get("review_on"),
                    safety_object=form.cleaned_data["safety_object"],
                    safety_object_meaning=form.cleaned_data["safety_object_meaning"],
                    audience=form.cleaned_data["audience"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return _saved(
                    request,
                    access,
                    form,
                    message=_("Het plan is gemaakt. Schrijf nu de afspraken."),
                    anchor=f"plan-{made.pk}",
                    texts=PLAN_TEXTS,
                )
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        form = PlanForm(data, immediate=immediate)
    return _render_form(
        request,
        access,
        form=form,
        page_heading=str(PlanKind(kind).label),
        submit=_("Plan maken"),
        notice=notice,
        intro=_(
            "Een directe veiligheidsafspraak is voor de komende dagen, tot het veiligheidsplan "
            "klaar is."
        )
        if immediate
        else _(
            "Het veiligheidsplan maken jullie samen met het gezin en het netwerk. Het loopt door, "
            "ook als de diensten er niet meer zijn."
        ),
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.safetyplan", autosave=True)
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    the_plan = _plan(access, plan_id)
    immediate = the_plan.kind == PlanKind.IMMEDIATE
    if the_plan.is_ended:
        return _refuse(
            request, access, ValidationError(_("Dit plan is gestopt en kan niet meer veranderen."))
        )
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = PlanEditForm(request.POST, immediate=immediate)
        if form.is_valid():
            try:
                services.update_plan(
                    plan=the_plan,
                    expected_version=form.cleaned_data["version"],
                    review_on=form.cleaned_data.get("review_on", the_plan.review_on),
                    safety_object=form.cleaned_data["safety_object"],
                    safety_object_meaning=form.cleaned_data["safety_object_meaning"],
                    audience=form.cleaned_data["audience"],
                    actor=request.user,
                    request=request,
                )
            except EditConflict as conflict:
                return _conflict(request, access, form, conflict.current, PLAN_TEXTS)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return _saved(
                    request,
                    access,
                    form,
                    message=_("Het plan is bewaard."),
                    anchor=f"plan-{the_plan.pk}",
                    texts=PLAN_TEXTS,
                )
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        initial = {name: getattr(the_plan, name) for name in services.PLAN_FIELDS}
        form = PlanEditForm(
            data, immediate=immediate, initial={**initial, "version": the_plan.version}
        )
    return _render_form(
        request,
        access,
        form=form,
        page_heading=_("%(kind)s aanpassen") % {"kind": the_plan.get_kind_display()},
        submit=_("Bewaren"),
        notice=notice,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.safetyplan")
@require_POST
def plan_status(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    the_plan = _plan(access, plan_id)
    access.require_open()
    form = PlanStatusForm(request.POST)
    if not form.is_valid():
        return _refuse(request, access, ValidationError(_("Kies een geldige stap.")))
    try:
        services.change_plan_status(
            plan=the_plan,
            to_status=form.cleaned_data["to_status"],
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            request=request,
        )
    except EditConflict:
        messages.error(
            request,
            _("Iemand anders paste het plan net aan. Bekijk het opnieuw en kies dan de stap."),
        )
        return redirect(_page_url(access, f"plan-{the_plan.pk}"))
    except ValidationError as exc:
        return _refuse(request, access, exc)
    messages.success(
        request,
        _("Het plan staat nu op ‘%(status)s’.")
        % {"status": PlanStatus(form.cleaned_data["to_status"]).label},
    )
    return redirect(_page_url(access, f"plan-{the_plan.pk}"))


@trajectory_view(require=Require.CONSULTANT, audit_as="safety_plans.safetyplan")
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
        return _refuse(request, access, exc)
    messages.success(request, _("Je bevestigde dat het plan elk veiligheidsdoel beantwoordt."))
    return redirect(_page_url(access, f"plan-{the_plan.pk}"))


# --- rules ----------------------------------------------------------------------------------


def _rule_fields(form: forms.Form) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "what": data["what"],
        "who": list(data["who"]),
        "when": data["when"],
        "check_how": data["check_how"],
        "checked_by": data["checked_by"],
        "check_every_days": data["check_every_days"],
        "fallback": data["fallback"],
        "goals": list(data["goals"]),
        "audience": data["audience"],
    }


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.planrule", autosave=True)
@require_http_methods(["GET", "POST"])
def rule_create(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    the_plan = _plan(access, plan_id)
    if the_plan.is_ended:
        return _refuse(
            request, access, ValidationError(_("Dit plan is gestopt en kan niet meer veranderen."))
        )
    persons, goals = _persons(access), _goals(access)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = RuleForm(request.POST, persons=persons, goals=goals)
        if form.is_valid():
            try:
                rule = services.add_rule(
                    plan=the_plan, actor=request.user, request=request, **_rule_fields(form)
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return _saved(
                    request,
                    access,
                    form,
                    message=_("De afspraak staat in het plan."),
                    anchor=f"afspraak-{rule.pk}",
                    texts=RULE_TEXTS,
                )
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        initial = {}
        goal = request.GET.get("doel", "")
        if goal.isdigit():
            initial["goals"] = [int(goal)]
        form = RuleForm(data, persons=persons, goals=goals, initial=initial)
    return _render_form(
        request,
        access,
        form=form,
        page_heading=_("Nieuwe afspraak"),
        submit=_("Afspraak bewaren"),
        notice=notice,
        intro=_(
            "Een afspraak zegt wat er gebeurt, wie het doet, wanneer, hoe we het weten en wie inspringt."
        ),
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.planrule", autosave=True)
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, access: CaseAccess, rule_id: int) -> HttpResponse:
    rule = _rule(access, rule_id)
    if rule.withdrawn_at is not None or rule.plan.is_ended:
        return _refuse(
            request, access, ValidationError(_("Deze afspraak kan niet meer veranderen."))
        )
    persons, goals = _persons(access), _goals(access)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = RuleEditForm(request.POST, persons=persons, goals=goals)
        if form.is_valid():
            try:
                services.update_rule(
                    rule=rule,
                    expected_version=form.cleaned_data["version"],
                    actor=request.user,
                    request=request,
                    **_rule_fields(form),
                )
            except EditConflict as conflict:
                return _conflict(request, access, form, conflict.current, RULE_TEXTS)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return _saved(
                    request,
                    access,
                    form,
                    message=_("De afspraak is bewaard."),
                    anchor=f"afspraak-{rule.pk}",
                    texts=RULE_TEXTS,
                )
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        initial = {name: getattr(rule, name) for name in services.RULE_FIELDS}
        initial["who"] = list(rule.who.all())
        initial["goals"] = list(rule.goals.all())
        form = RuleEditForm(
            data, persons=persons, goals=goals, initial={**initial, "version": rule.version}
        )
    return _render_form(
        request,
        access,
        form=form,
        page_heading=_("Afspraak aanpassen"),
        submit=_("Bewaren"),
        notice=notice,
        rule=rule,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.planrule")
@require_http_methods(["GET", "POST"])
def rule_withdraw(request: HttpRequest, access: CaseAccess, rule_id: int) -> HttpResponse:
    rule = _rule(access, rule_id)
    if request.method == "POST":
        access.require_open()
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                services.withdraw_rule(
                    rule=rule,
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(
                    request, _("De afspraak is ingetrokken. Ze blijft in het dossier.")
                )
                return redirect(_page_url(access))
    else:
        form = WithdrawForm()
    return _render_form(
        request,
        access,
        form=form,
        page_heading=_("Afspraak intrekken"),
        submit=_("Intrekken"),
        intro=_(
            "De afspraak verdwijnt uit het plan, maar blijft met haar opvolging in het dossier."
        ),
        rule=rule,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.rulecheckin", autosave=True)
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, access: CaseAccess, rule_id: int) -> HttpResponse:
    """How did the rule go? Went well, did not, or a remark."""
    rule = _rule(access, rule_id)
    persons = _persons(access)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = CheckInForm(request.POST, persons=persons)
        if form.is_valid():
            try:
                services.add_check_in(
                    rule=rule, actor=request.user, request=request, **form.cleaned_data
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return _saved(
                    request,
                    access,
                    form,
                    message=_("De opvolging is bewaard."),
                    anchor=f"afspraak-{rule.pk}",
                    texts=("note",),
                )
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        form = CheckInForm(data, persons=persons)
    return _render_form(
        request,
        access,
        form=form,
        page_heading=_("Hoe ging de afspraak?"),
        submit=_("Opvolging bewaren"),
        notice=notice,
        rule=rule,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.plancomment", autosave=True)
@require_http_methods(["GET", "POST"])
def plan_comment(request: HttpRequest, access: CaseAccess, plan_id: int) -> HttpResponse:
    """A remark on the plan or on one rule (?afspraak=<id>); shown on the plan, never hidden."""
    the_plan = _plan(access, plan_id)
    rule_id = request.GET.get("afspraak") or request.POST.get("rule") or ""
    rule = _rule(access, int(rule_id)) if rule_id.isdigit() else None
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                services.add_plan_comment(
                    plan=the_plan,
                    rule=rule,
                    actor=request.user,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                anchor = f"afspraak-{rule.pk}" if rule else f"plan-{the_plan.pk}"
                return _saved(
                    request,
                    access,
                    form,
                    message=_("Je opmerking staat bij het plan."),
                    anchor=anchor,
                    texts=("text",),
                )
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        form = CommentForm(data)
    return _render_form(
        request,
        access,
        form=form,
        page_heading=_("Opmerking bij het plan"),
        submit=_("Opmerking bewaren"),
        notice=notice,
        rule=rule,
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


def _story_form(
    request: HttpRequest,
    access: CaseAccess,
    form: forms.Form,
    *,
    heading: str,
    submit: str,
    cancel_url: str,
    notice: str = "",
    intro: str = "",
    page: StoryPage | None = None,
) -> HttpResponse:
    return render_form_page(
        request,
        access=access,
        form=form,
        heading=heading,
        submit=submit,
        cancel_url=cancel_url,
        active="plan",
        pl_hint=str(STORY_HINT),
        notice=notice,
        intro=intro,
        multipart=True,
        template="safety_plans/story_form.html",
        story_page=page,
    )


def _pages(access: CaseAccess, story: Story) -> list[StoryPage]:
    return list(
        visible_items(access, StoryPage.objects.filter(story=story, withdrawn_at__isnull=True))
        .select_related("picture")
        .order_by("position", "id")
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.story")
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


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.story", autosave=True)
@require_http_methods(["GET", "POST"])
def story_create(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    kind = request.GET.get("soort", "")
    kind = kind if kind in StoryKind.values else StoryKind.WHY
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = StoryForm(request.POST)
        if form.is_valid():
            try:
                made = services.create_story(
                    trajectory=access.trajectory,
                    kind=kind,
                    actor=request.user,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=access.trajectory)
                messages.success(
                    request, _("Het verhaal is gemaakt. Schrijf nu de eerste bladzijde.")
                )
                return redirect(_story_url(access, made))
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        form = StoryForm(data)
    return _story_form(
        request,
        access,
        form,
        heading=str(StoryKind(kind).label),
        submit=_("Verhaal maken"),
        cancel_url=_stories_url(access),
        notice=notice,
        intro=_(
            "Woorden en beelden: een verhaal met tekeningen, samen met de ouders geschreven, "
            "zodat de kinderen begrijpen wat er gebeurt."
        ),
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.story")
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


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.story", autosave=True)
@require_http_methods(["GET", "POST"])
def story_edit(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    the_story = _story(access, story_id)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = StoryEditForm(request.POST)
        if form.is_valid():
            fields = dict(form.cleaned_data)
            version = fields.pop("version")
            try:
                services.update_story(
                    story=the_story,
                    expected_version=version,
                    actor=request.user,
                    request=request,
                    **fields,
                )
            except EditConflict as conflict:
                return render_conflict(
                    request,
                    form=form,
                    theirs={"title": conflict.current.title},
                    current_version=conflict.current.version,
                    cancel_url=_story_url(access, the_story),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=access.trajectory)
                messages.success(request, _("Bewaard."))
                return redirect(_story_url(access, the_story))
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        initial = {name: getattr(the_story, name) for name in services.STORY_FIELDS}
        form = StoryEditForm(data, initial={**initial, "version": the_story.version})
    return _story_form(
        request,
        access,
        form,
        heading=_("Verhaal aanpassen"),
        submit=_("Bewaren"),
        cancel_url=_story_url(access, the_story),
        notice=notice,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.storypage", autosave=True)
@require_http_methods(["GET", "POST"])
def page_add(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    the_story = _story(access, story_id)
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = StoryPageForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                made = services.add_story_page(
                    story=the_story,
                    text=form.cleaned_data["text"],
                    uploaded=form.cleaned_data["picture"],
                    picture_alt=form.cleaned_data["picture_alt"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=access.trajectory)
                messages.success(request, _("De bladzijde staat in het verhaal."))
                if the_story.audience != Audience.PROFESSIONALS:
                    save_tips(request, form, ["text"])
                return redirect(_story_url(access, the_story, f"bladzijde-{made.pk}"))
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        form = StoryPageForm(data)
    return _story_form(
        request,
        access,
        form,
        heading=_("Nieuwe bladzijde"),
        submit=_("Bladzijde bewaren"),
        cancel_url=_story_url(access, the_story),
        notice=notice,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.storypage", autosave=True)
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, access: CaseAccess, page_id: int) -> HttpResponse:
    page = get_item_for_user(access, StoryPage.objects.select_related("story", "picture"), page_id)
    if page.withdrawn_at is not None:
        messages.error(request, _("Deze bladzijde is weggehaald."))
        return redirect(_story_url(access, page.story))
    notice = ""
    if request.method == "POST":
        access.require_open()
        form = StoryPageEditForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.update_story_page(
                    page=page,
                    expected_version=form.cleaned_data["version"],
                    text=form.cleaned_data["text"],
                    uploaded=form.cleaned_data["picture"],
                    picture_alt=form.cleaned_data["picture_alt"],
                    remove_picture=form.cleaned_data["remove_picture"],
                    actor=request.user,
                    request=request,
                )
            except EditConflict as conflict:
                return render_conflict(
                    request,
                    form=form,
                    theirs={"text": conflict.current.text},
                    current_version=conflict.current.version,
                    cancel_url=_story_url(access, page.story),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                discard_draft(request=request, trajectory=access.trajectory)
                messages.success(request, _("De bladzijde is bewaard."))
                return redirect(_story_url(access, page.story, f"bladzijde-{page.pk}"))
    else:
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        form = StoryPageEditForm(
            data,
            initial={"text": page.text, "picture_alt": page.picture_alt, "version": page.version},
        )
    return _story_form(
        request,
        access,
        form,
        heading=_("Bladzijde aanpassen"),
        submit=_("Bewaren"),
        cancel_url=_story_url(access, page.story),
        notice=notice,
        page=page,
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.storypage")
@require_POST
def page_withdraw(request: HttpRequest, access: CaseAccess, page_id: int) -> HttpResponse:
    page = get_item_for_user(access, StoryPage.objects.select_related("story"), page_id)
    access.require_open()
    services.withdraw_story_page(page=page, actor=request.user, request=request)
    messages.success(
        request, _("De bladzijde is uit het verhaal gehaald. Ze blijft in het dossier.")
    )
    return redirect(_story_url(access, page.story))


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.story")
@require_POST
def story_keep_version(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    the_story = _story(access, story_id)
    access.require_open()
    try:
        version = services.keep_story_version(story=the_story, actor=request.user, request=request)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(_story_url(access, the_story))
    messages.success(
        request, _("Versie %(n)d is bewaard, precies zoals ze nu is.") % {"n": version.number}
    )
    return redirect(_story_url(access, the_story))


@trajectory_view(require=Require.PROFESSIONAL, audit_as="safety_plans.storyversion")
def story_version(
    request: HttpRequest, access: CaseAccess, story_id: int, number: int
) -> HttpResponse:
    the_story = _story(access, story_id)
    version = StoryVersion.objects.filter(story=the_story, number=number).first()
    if version is None:
        raise Http404(_("Deze versie bestaat niet."))
    pictures = {
        u.pk: u
        for u in visible_items(access, Upload.objects.all()).filter(
            pk__in=[p["picture"] for p in version.snapshot["pages"] if p["picture"]]
        )
    }
    pages = [{**p, "upload": pictures.get(p["picture"])} for p in version.snapshot["pages"]]
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


@trajectory_view(
    require=Require.PROFESSIONAL, audit_as="safety_plans.story", audit_action=AuditAction.EXPORT
)
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
    response = HttpResponse(
        render_pdf(html, base_url=request.build_absolute_uri("/"), stylesheet=BOOKLET_STYLESHEET),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True,
        filename=f"woorden-en-beelden-{access.trajectory.reference}-{the_story.pk}.pdf",
    )
    response["Cache-Control"] = "no-store"
    return response


# --- the network handout --------------------------------------------------------------------

HANDOUT_STYLESHEET = "css/handout.css"


@trajectory_view(
    require=Require.PROFESSIONAL, audit_as="people.networkmember", audit_action=AuditAction.EXPORT
)
@require_safe
def network_handout(request: HttpRequest, access: CaseAccess, member_id: int) -> HttpResponse:
    """A PDF for one network member: only what the network may see (safety_plans.handout)."""
    member = get_item_for_user(
        access,
        NetworkMember.objects.select_related("person").filter(withdrawn_at__isnull=True),
        member_id,
    )
    context = {"handout": handout_for(access, member), "t": access.trajectory}
    html = render_to_string("safety_plans/handout_pdf.html", context, request)
    response = HttpResponse(
        render_pdf(html, base_url=request.build_absolute_uri("/"), stylesheet=HANDOUT_STYLESHEET),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"veiligheidsplan-{member.person.first_name.lower()}.pdf"
    )
    response["Cache-Control"] = "no-store"
    return response

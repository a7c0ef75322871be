"""The family's own pages (/mijn/): parents, young people and network members see what is
shared with them, through the trajectory rule and the item rule, and answer on a phone.

The portal sits on top of the practice apps: it reads them through their selectors and the
item rule, and writes through their services (a view on a statement, a check-in on a rule). It
owns only invitations and when someone first saw a shared item (models.py).
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, F, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samenopweg.accounts.roles import CaseRole
from samenopweg.assessments.services.statements import add_statement_comment
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases.access import (
    CaseAccess,
    get_item_for_user,
    visible_accesses,
    visible_items,
    visible_items_of,
    visible_trajectories,
)
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.models import Stage
from samenopweg.cases.naming import and_join
from samenopweg.cases.uploads import data_url
from samenopweg.closure.cards import holds_a_card
from samenopweg.core.forms import add_errors
from samenopweg.core.models import Audience
from samenopweg.core.pdf import pdf_download
from samenopweg.feedback.models import QUESTIONS, SCORE_FIELDS, How, VersionKind
from samenopweg.feedback.selectors import next_round_due
from samenopweg.feedback.services import record_round
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.people.models import Person
from samenopweg.portal.children import (
    safety_objects,
    shared_drawings,
    shared_words,
    stories,
    story_pages,
    trusted_people,
)
from samenopweg.portal.forms import FamilyRoundForm, OwnViewForm
from samenopweg.portal.plan import plan_context
from samenopweg.portal.seen import mark_seen, note_response
from samenopweg.portal.selectors import STAGE_SENTENCES, person_and_contacts, person_of
from samenopweg.portal.what import (
    VIEW_CHOICES,
    VIEW_KIND,
    family_what,
    target_for,
    view_line,
)
from samenopweg.reports.selectors import shared_version
from samenopweg.safety_plans.models import Story


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """For parents, young people and network members: the trajectories they are part of, the
    closed ones too (after the open ones).

    Each link names the children this person may see, through the item rule as on
    /mijn/<reference>/: a child whose record is for professionals only is not named. The
    children of all the trajectories are read in one query.
    """
    # A closed trajectory stays: the family and the network keep their plan, stories and
    # contact card after the help stops (the open ones first).
    accesses = visible_accesses(
        request.user,
        visible_trajectories(request.user).order_by(
            Case(When(stage=Stage.AFGESLOTEN, then=1), default=0), "-registered_on"
        ),
    )
    children: dict[int, list[Person]] = {access.trajectory.pk: [] for access in accesses}
    for child in visible_items_of(accesses, Person.objects.filter(is_child=True)).only(
        "id", "trajectory_id", "first_name"
    ):
        children[child.trajectory_id].append(child)
    trajectories = []
    for access in accesses:
        trajectory = access.trajectory
        trajectory.children = children[trajectory.pk]  # type: ignore[attr-defined]
        trajectories.append(trajectory)
    record(
        actor=request.user, action=AuditAction.VIEW, object_type="page:family_home", request=request
    )
    return render(request, "portal/home.html", {"trajectories": trajectories})


@trajectory_view(require=Require.MEMBER)
def trajectory(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """What is shared with this person, in plain words: why we are involved, where the help
    stands and what comes next, the worries and goals with their own view, the plan, their own
    tasks, and whom to call."""
    if access.is_professional:
        return redirect("dashboard:detail", reference=access.trajectory.reference)
    trajectory = access.trajectory
    children = list(
        visible_items(access, Person.objects.filter(is_child=True))
        .order_by("date_of_birth")
        .values_list("first_name", flat=True)
    )
    # Who they are and whom they call, in one read of the grants (portal.selectors).
    person, contacts = person_and_contacts(access, request.user)
    today = timezone.localdate()
    tasks = list(
        # Only what was given to this person: a task without anyone is not theirs to carry.
        visible_items(
            access, Task.objects.filter(assignee_id=request.user.pk, status=TaskStatus.OPEN)
        ).order_by(F("deadline").asc(nulls_last=True), "id")
    )
    next_round = next_round_due([trajectory.pk], today).get(trajectory.pk)
    what = family_what(access, person, request.user)
    plan = plan_context(access, person, request.user)
    # What this page showed of the shared items: the first time counts (portal.seen).
    mark_seen(access, request.user, person, [*what.keys, *plan.get("seen_keys", [])], request)
    # A young person reads only what they themself said and drew (portal.children).
    child = person if access.role == CaseRole.JONGERE else None
    context = {
        "access": access,
        "t": trajectory,
        "person": person,
        "children_names": and_join(children),
        # Why the services are involved is written for the parents, not for a child or a neighbour.
        "show_reason": access.role == CaseRole.OUDER,
        "stage_sentence": STAGE_SENTENCES.get(trajectory.stage, ""),
        "what": what,
        "view_choices": VIEW_CHOICES,
        "journal": visible_items(access, JournalEntry.objects.all()).filter(
            withdrawn_at__isnull=True
        )[:50],
        "tasks": tasks,
        "today": today,
        "next_round": next_round,
        "contacts": contacts,
        # The round is open from a week before it is due: the family answers when it suits them.
        "round_open": next_round is not None and next_round - today <= ROUND_OPENS_BEFORE,
        "can_answer_feedback": access.role in FAMILY_VERSION
        and person is not None
        and not trajectory.is_closed,
        "stories": stories(access),
        # Their own contact card (closure.cards): every adult, and a young person from 12.
        "has_card": person is not None and holds_a_card(person),
        # What we write to the youth judge, once its parents' version is shared (parents only).
        "judge_share": shared_version(access) if access.role == CaseRole.OUDER else None,
        "shared_words": shared_words(access, child=child),
        "shared_drawings": shared_drawings(access, child=child),
        # Each part of the page is its module's: the plan and its check-ins (portal.plan).
        **plan,
    }
    if access.role == CaseRole.JONGERE:
        # A page of their own: big type, short words; nothing written for adults only (the
        # reason and goal of the file, the parents' tasks, the whole journal).
        context |= {
            "trusted": trusted_people(access, person) if person is not None else [],
            "objects": safety_objects(access),
        }
        return render(request, "portal/young.html", context)
    return render(request, "portal/trajectory.html", context)


@trajectory_view(require=Require.MEMBER)
def own_view(request: HttpRequest, access: CaseAccess, kind: str, item_id: int) -> HttpResponse:
    """A family member says what they think of one shared worry, goal or bottom line. The
    professionals see it next to the item (assessments: a statement comment); a later view is
    a new one, the earlier ones stay."""
    if access.is_professional:
        raise PermissionDenied(
            _("Deze pagina is voor het gezin. Reageer op de pagina Wat moet er veranderen.")
        )
    target = target_for(access, kind, item_id)
    if target is None:
        raise Http404(_("Dit is niet met jou gedeeld."))
    access.show(target.item)
    back = reverse("portal:trajectory", args=[access.trajectory.reference]) + f"#{kind}-{item_id}"
    form = OwnViewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if access.trajectory.is_closed:
            raise PermissionDenied(_("Deze hulp is afgesloten. Je kunt niets meer toevoegen."))
        text = form.cleaned_data["text"].strip()
        view = form.cleaned_data["view"]
        person = person_of(access, request.user)
        try:
            with transaction.atomic():
                add_statement_comment(
                    target=target.item,
                    kind=VIEW_KIND[view],
                    text=text or str(dict(VIEW_CHOICES)[view]),
                    view_of_person=person,
                    audience=access.audience_floor,
                    actor=request.user,
                    request=request,
                )
                note_response(access, request.user, person, view_line(view, target, text), request)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Dank je. De hulpverleners zien wat je denkt."))
            return redirect(back)
    return render(
        request,
        "portal/own_view.html",
        {"access": access, "t": access.trajectory, "form": form, "back": back, "target": target},
    )


def _family_only(access: CaseAccess) -> None:
    if access.is_professional:
        raise PermissionDenied(_("Deze pagina is voor het gezin."))


@trajectory_view(require=Require.MEMBER)
def story(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    """A Words and Pictures story shared with this person, as a reader on a phone: a page of
    text and its picture at a time, all on one page (no JavaScript needed)."""
    _family_only(access)
    the_story = access.show(get_item_for_user(access, Story.objects.all(), story_id))
    pages = story_pages(access, the_story)
    if not pages:
        raise Http404(_("Dit is niet met jou gedeeld."))
    return render(
        request,
        "portal/story.html",
        {"access": access, "t": access.trajectory, "story": the_story, "pages": pages},
    )


@trajectory_view(require=Require.MEMBER, audit_action=AuditAction.EXPORT)
@require_safe
def story_booklet(request: HttpRequest, access: CaseAccess, story_id: int) -> HttpResponse:
    """The same story as the A5 booklet (PDF), in this person's own language."""
    _family_only(access)
    the_story = access.show(get_item_for_user(access, Story.objects.all(), story_id))
    pages = story_pages(access, the_story)
    if not pages:
        raise Http404(_("Dit is niet met jou gedeeld."))
    with translation.override(
        getattr(request.user, "language", None) or translation.get_language()
    ):
        html = render_to_string(
            "safety_plans/booklet_pdf.html",
            {
                "story": the_story,
                "t": access.trajectory,
                "pages": [
                    {
                        "text": p.text,
                        "alt": p.picture_alt,
                        "src": data_url(p.picture) if p.picture else "",
                    }
                    for p in pages
                ],
            },
            request,
        )
    return pdf_download(
        request,
        html,
        stylesheet="css/booklet.css",
        filename=f"woorden-en-beelden-{access.trajectory.reference}-{the_story.pk}.pdf",
    )


ROUND_OPENS_BEFORE = datetime.timedelta(days=7)
# Which round a family member answers on their own page; the network has none of its own.
FAMILY_VERSION: dict[str, str] = {
    CaseRole.OUDER: VersionKind.PARENT,
    CaseRole.JONGERE: VersionKind.CHILD,
}


@trajectory_view(require=Require.MEMBER)
def feedback_round(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """ "Hoe gaat het met de hulp?": the parent or the young person answers the feedback round
    themself (feedback.services.record_round: a low or falling score raises the signal for the
    consultant and the worker). A parent's answers are for the parents and the professionals;
    a child's for the professionals only, so no parent reads what their child said of the help."""
    _family_only(access)
    version = FAMILY_VERSION.get(access.role)
    person = person_of(access, request.user)
    if version is None or person is None:
        raise PermissionDenied(_("Deze vragen zijn voor de ouders en de jongere zelf."))
    back = reverse("portal:trajectory", args=[access.trajectory.reference])
    form = FamilyRoundForm(request.POST or None, trajectory=access.trajectory, version_kind=version)
    if request.method == "POST" and form.is_valid():
        if access.trajectory.is_closed:
            raise PermissionDenied(_("Deze hulp is afgesloten. Je kunt niets meer toevoegen."))
        data = form.cleaned_data
        try:
            with transaction.atomic():
                record_round(
                    trajectory=access.trajectory,
                    version_kind=version,
                    held_on=timezone.localdate(),
                    how=How.BY_THEMSELF,
                    score_1=data["score_1"],
                    score_2=data["score_2"],
                    score_3=data["score_3"],
                    score_4=data["score_4"],
                    open_answer=data.get("open_answer", ""),
                    respondent=person,
                    audience=Audience.PARENTS
                    if version == VersionKind.PARENT
                    else Audience.PROFESSIONALS,
                    actor=request.user,
                    request=request,
                )
                note_response(
                    access,
                    request.user,
                    person,
                    _("beantwoordde de vragen over hoe het gaat met de hulp"),
                    request,
                )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Dank je. We lezen wat je zei en praten erover."))
            return redirect(back)
    return render(
        request,
        "portal/feedback.html",
        {
            "access": access,
            "t": access.trajectory,
            "form": form,
            "back": back,
            "intro": QUESTIONS[version].intro,
            "for_child": version == VersionKind.CHILD,
            "score_names": SCORE_FIELDS,
        },
    )

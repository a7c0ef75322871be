"""The WHAT: danger statements, safety goals and bottom lines.

The consultant (and the team lead) writes them; every professional on the case reads them and
adds comments, proposed wording or disagreements next to them. The history shows each change as
a readable difference; every version shared with the family stays retrievable as it was.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any, cast

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from samenopweg.assessments.forms.statements import (
    BottomLineEditForm,
    BottomLineForm,
    DangerStatementEditForm,
    DangerStatementForm,
    SafetyGoalEditForm,
    SafetyGoalForm,
    StatementCommentForm,
    StatusForm,
    WithdrawForm,
    negative_wording,
)
from samenopweg.assessments.models import (
    BottomLine,
    CommentKind,
    DangerStatement,
    SafetyGoal,
    StatementChange,
    StatementStatus,
)
from samenopweg.assessments.selectors import statements as selectors
from samenopweg.assessments.services import statements as services
from samenopweg.cases.access import CaseAccess, get_item_for_user
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import (
    button_step,
    edit_cycle,
    edit_initial,
    from_form,
    template_page,
    update_from_form,
)
from samenopweg.core.models import Audience

TITLE = gettext_lazy("Gevaarsboodschappen, veiligheidsdoelen en bodemeisen")

# URL word for each kind of comment target, and the anchor prefix on the page.
TARGETS: dict[str, tuple[type[DangerStatement | SafetyGoal | BottomLine], str]] = {
    "gevaarsboodschap": (DangerStatement, "gb"),
    "doel": (SafetyGoal, "doel"),
    "bodemeis": (BottomLine, "bm"),
}
# The texts of each form: checked for plain language, compared on the conflict page.
STATEMENT_TEXTS = ("who_is_worried", "behaviour", "impact", "fear")
GOAL_TEXTS = (
    "parents_and_network_will",
    "child_will_experience",
    "professionals_will_see",
    "for_how_long",
)
BOTTOM_LINE_TEXTS = ("text", "reason")

# The button names the step taken, so it cannot be mistaken for the status it leads to.
NEXT_STEP_LABELS = {
    StatementStatus.DRAFT: gettext_lazy("We hebben dit besproken met het gezin"),
    StatementStatus.DISCUSSED: gettext_lazy("Delen met het gezin"),
    StatementStatus.SHARED: gettext_lazy("We hebben de wijzigingen besproken met het gezin"),
}


# --- helpers --------------------------------------------------------------------------------


def _page_url(access: CaseAccess, anchor: str = "") -> str:
    url = reverse("assessments:statements", args=[access.trajectory.reference])
    return f"{url}#{anchor}" if anchor else url


def _comment_prefix(target: str, pk: int) -> str:
    return f"c-{TARGETS[target][1]}-{pk}"


_ANCHORS = {model: prefix for model, prefix in TARGETS.values()}


def _anchor(item: DangerStatement | SafetyGoal | BottomLine) -> str:
    """Where the item stands on the page: "gb-3", "doel-7", "bm-2"."""
    return f"{_ANCHORS[type(item)]}-{item.pk}"


def _text(item: DangerStatement | SafetyGoal | BottomLine) -> str:
    """The item in the words the page shows for it, above its comment and withdraw forms."""
    if isinstance(item, DangerStatement):
        return item.sentence
    if isinstance(item, SafetyGoal):
        return item.parents_and_network_will
    return item.text


def _edit_page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    page_heading: str,
    submit: str,
    intro: str = "",
    statement: DangerStatement | None = None,
) -> Callable[[forms.Form, str], HttpResponse]:
    """The `show` of edit_cycle for the statement, goal and bottom line forms."""
    return template_page(
        request,
        access,
        "assessments/statements/edit.html",
        page_heading=page_heading,
        submit=submit,
        intro=intro,
        statement=statement,
        cancel_url=_page_url(access),
    )


def _gone(request: HttpRequest, access: CaseAccess, item: Any) -> HttpResponse | None:
    """A withdrawn item has no edit or withdraw page any more: back to the page, saying why."""
    if item.withdrawn_at is None:
        return None
    messages.error(request, _("Dit is ingetrokken en kan niet meer veranderen."))
    return redirect(_page_url(access))


def _with_goal_tip(
    request: HttpRequest, save: Callable[[forms.Form], SafetyGoal]
) -> Callable[[forms.Form], SafetyGoal]:
    """`save`, then a tip when the goal is written as what must stop instead of what will happen."""

    def save_and_tip(form: forms.Form) -> SafetyGoal:
        goal = save(form)
        words = negative_wording(form.cleaned_data.get("parents_and_network_will", ""))
        if words:
            messages.info(
                request,
                _(
                    "Tip: schrijf het doel als wat ouders en netwerk wél zullen doen "
                    "(gevonden: %(words)s)."
                )
                % {"words": ", ".join(words)},
            )
        return goal

    return save_and_tip


def _statement_cycle(
    request: HttpRequest,
    access: CaseAccess,
    *,
    form: Callable[[QueryDict | None], forms.Form],
    save: Callable[[forms.Form], Any],
    message: str,
    texts: Sequence[str],
    show: Callable[[forms.Form, str], HttpResponse],
    item: Any = None,
) -> HttpResponse:
    """The edit cycle of a new or changed statement, goal or bottom line; saved, the page comes
    back at it. An edit names its `item`: a withdrawn one has no edit page any more."""
    if item is not None and (gone := _gone(request, access, item)):
        return gone
    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=lambda saved: _page_url(access, _anchor(saved)),
        message=message,
        show=show,
        cancel_url=_page_url(access),
        conflict_fields=texts,
        texts=texts,
    )


# --- the page -------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL)
def statements(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The danger statements with their goals and comments, the bottom lines, and the status."""
    page = selectors.statements_page(access)
    can_comment = not access.trajectory.is_closed
    if can_comment:
        for row in page.statements:
            if row.statement.withdrawn_at is None:
                row.comment_form = _inline_comment_form("gevaarsboodschap", row.statement.pk, page)
            for goal_row in row.goals:
                if goal_row.goal.withdrawn_at is None:
                    goal_row.comment_form = _inline_comment_form("doel", goal_row.goal.pk, page)
        for line_row in page.bottom_lines:
            if line_row.bottom_line.withdrawn_at is None:
                line_row.comment_form = _inline_comment_form(
                    "bodemeis", line_row.bottom_line.pk, page
                )
    next_status = page.next_status
    return render(
        request,
        "assessments/statements/page.html",
        {
            "access": access,
            "t": access.trajectory,
            "title": TITLE,
            "page": page,
            "can_write": access.is_consultant and not access.trajectory.is_closed,
            "next_status": next_status,
            "next_step_label": NEXT_STEP_LABELS[StatementStatus(page.status)]
            if next_status
            else "",
            "steps": StatementStatus.choices,
        },
    )


def _inline_comment_form(target: str, pk: int, page: selectors.StatementsPage) -> forms.Form:
    return StatementCommentForm(prefix=_comment_prefix(target, pk), persons=page.persons)


# --- danger statements ----------------------------------------------------------------------


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def statement_create(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    trajectory = access.trajectory
    return _statement_cycle(
        request,
        access,
        form=lambda data: DangerStatementForm(data, trajectory=trajectory),
        save=from_form(request, services.create_danger_statement, trajectory=trajectory),
        message=_("De gevaarsboodschap is bewaard. Schrijf er een veiligheidsdoel bij."),
        texts=STATEMENT_TEXTS,
        show=_edit_page(
            request,
            access,
            page_heading=_("Nieuwe gevaarsboodschap"),
            submit=_("Gevaarsboodschap bewaren"),
            intro=_(
                "Wie maakt zich zorgen, over welk gedrag van wie, wat doet dat met het kind en "
                "wat vrezen we als er niets verandert? Samen wordt dat één zin die het gezin leest."
            ),
        ),
    )


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def statement_edit(request: HttpRequest, access: CaseAccess, statement_id: int) -> HttpResponse:
    trajectory = access.trajectory
    statement = get_item_for_user(access, DangerStatement.objects.all(), statement_id)

    def form(data: QueryDict | None) -> forms.Form:
        initial = edit_initial(
            statement, services.STATEMENT_FIELDS, children=list(statement.children.all())
        )
        return DangerStatementEditForm(data, trajectory=trajectory, initial=initial)

    return _statement_cycle(
        request,
        access,
        item=statement,
        form=form,
        save=update_from_form(request, services.update_danger_statement, statement=statement),
        message=_("De gevaarsboodschap is aangepast. De vorige tekst staat in de geschiedenis."),
        texts=STATEMENT_TEXTS,
        show=_edit_page(
            request,
            access,
            page_heading=_("Gevaarsboodschap aanpassen"),
            submit=_("Aanpassing bewaren"),
            statement=statement,
        ),
    )


def _withdraw_page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    item: DangerStatement | SafetyGoal | BottomLine,
    page_heading: str,
    explanation: str,
    save: Callable[[forms.Form], Any],
) -> HttpResponse:
    """Withdraw a statement, goal or bottom line, with a reason: one edit cycle for the three."""
    if gone := _gone(request, access, item):
        return gone
    return edit_cycle(
        request,
        access,
        form=WithdrawForm,
        save=save,
        done=_page_url(access),
        message=_("Ingetrokken. Het blijft zichtbaar voor professionals, met de reden."),
        show=template_page(
            request,
            access,
            "assessments/statements/withdraw.html",
            text=_text(item),
            page_heading=page_heading,
            explanation=explanation,
            cancel_url=_page_url(access),
        ),
        cancel_url=_page_url(access),
    )


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def statement_withdraw(request: HttpRequest, access: CaseAccess, statement_id: int) -> HttpResponse:
    statement = get_item_for_user(access, DangerStatement.objects.all(), statement_id)
    return _withdraw_page(
        request,
        access,
        item=statement,
        page_heading=_("Gevaarsboodschap intrekken"),
        explanation=_(
            "Niets wordt gewist. De gevaarsboodschap en haar veiligheidsdoelen zijn daarna niet "
            "meer zichtbaar voor het gezin; professionals zien ze doorgestreept, met de reden."
        ),
        save=from_form(request, services.withdraw_danger_statement, statement=statement),
    )


# --- safety goals ---------------------------------------------------------------------------


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """A goal for one danger statement (chosen in the form, preselected from the page's link)."""
    trajectory = access.trajectory
    chosen = request.GET.get("gevaarsboodschap", "")
    return _statement_cycle(
        request,
        access,
        form=lambda data: SafetyGoalForm(
            data,
            trajectory=trajectory,
            initial={"danger_statement": int(chosen) if chosen.isdigit() else None},
        ),
        save=_with_goal_tip(request, from_form(request, services.create_safety_goal)),
        message=_("Het veiligheidsdoel is bewaard."),
        texts=GOAL_TEXTS,
        show=_edit_page(
            request,
            access,
            page_heading=_("Nieuw veiligheidsdoel"),
            submit=_("Veiligheidsdoel bewaren"),
            intro=_(
                "Schrijf wat ouders en netwerk in de plaats zullen doen, wat het kind zal merken, "
                "wat professionals zullen zien en hoelang. Schrijf wat er wél zal gebeuren."
            ),
        ),
    )


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, access: CaseAccess, goal_id: int) -> HttpResponse:
    goal = get_item_for_user(access, SafetyGoal.objects.select_related("danger_statement"), goal_id)
    initial = edit_initial(goal, services.GOAL_FIELDS)
    return _statement_cycle(
        request,
        access,
        item=goal,
        form=lambda data: SafetyGoalEditForm(data, initial=initial),
        save=_with_goal_tip(
            request, update_from_form(request, services.update_safety_goal, goal=goal)
        ),
        message=_("Het veiligheidsdoel is aangepast. De vorige tekst staat in de geschiedenis."),
        texts=GOAL_TEXTS,
        show=_edit_page(
            request,
            access,
            page_heading=_("Veiligheidsdoel aanpassen"),
            submit=_("Aanpassing bewaren"),
            statement=goal.danger_statement,
        ),
    )


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def goal_withdraw(request: HttpRequest, access: CaseAccess, goal_id: int) -> HttpResponse:
    goal = get_item_for_user(access, SafetyGoal.objects.all(), goal_id)
    return _withdraw_page(
        request,
        access,
        item=goal,
        page_heading=_("Veiligheidsdoel intrekken"),
        explanation=_(
            "Niets wordt gewist. Het doel is daarna niet meer zichtbaar voor het gezin; "
            "professionals zien het doorgestreept, met de reden."
        ),
        save=from_form(request, services.withdraw_safety_goal, goal=goal),
    )


# --- bottom lines ---------------------------------------------------------------------------


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def bottom_line_create(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    return _statement_cycle(
        request,
        access,
        form=BottomLineForm,
        save=from_form(request, services.create_bottom_line, trajectory=access.trajectory),
        message=_("De bodemeis is bewaard."),
        texts=BOTTOM_LINE_TEXTS,
        show=_edit_page(
            request,
            access,
            page_heading=_("Nieuwe bodemeis"),
            submit=_("Bodemeis bewaren"),
            intro=_("Een bodemeis hoort bij het mandaat: ze staat niet ter discussie. Zeg waarom."),
        ),
    )


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def bottom_line_edit(request: HttpRequest, access: CaseAccess, bottom_line_id: int) -> HttpResponse:
    line = get_item_for_user(access, BottomLine.objects.all(), bottom_line_id)
    initial = edit_initial(line, services.BOTTOM_LINE_FIELDS)
    return _statement_cycle(
        request,
        access,
        item=line,
        form=lambda data: BottomLineEditForm(data, initial=initial),
        save=update_from_form(request, services.update_bottom_line, bottom_line=line),
        message=_("De bodemeis is aangepast. De vorige tekst staat in de geschiedenis."),
        texts=BOTTOM_LINE_TEXTS,
        show=_edit_page(
            request, access, page_heading=_("Bodemeis aanpassen"), submit=_("Aanpassing bewaren")
        ),
    )


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def bottom_line_withdraw(
    request: HttpRequest, access: CaseAccess, bottom_line_id: int
) -> HttpResponse:
    line = get_item_for_user(access, BottomLine.objects.all(), bottom_line_id)
    return _withdraw_page(
        request,
        access,
        item=line,
        page_heading=_("Bodemeis intrekken"),
        explanation=_(
            "Niets wordt gewist. De bodemeis is daarna niet meer zichtbaar voor het gezin; "
            "professionals zien ze doorgestreept, met de reden."
        ),
        save=from_form(request, services.withdraw_bottom_line, bottom_line=line),
    )


# --- comments -------------------------------------------------------------------------------


@trajectory_view(require=Require.PROFESSIONAL, autosave=True)
@require_http_methods(["GET", "POST"])
def statement_comment(
    request: HttpRequest, access: CaseAccess, target: str, target_id: int
) -> HttpResponse:
    """Comment on, propose wording for or disagree with a statement, goal or bottom line."""
    if target not in TARGETS:
        raise Http404
    model = TARGETS[target][0]
    obj = cast(services.Target, get_item_for_user(access, model._default_manager.all(), target_id))
    persons = selectors.person_choices(access)
    prefix = _comment_prefix(target, obj.pk)
    back = _page_url(access, _anchor(obj))
    return edit_cycle(
        request,
        access,
        form=lambda data: StatementCommentForm(data, prefix=prefix, persons=persons),
        save=from_form(request, services.add_statement_comment, target=obj),
        done=back,
        message=_("Je reactie staat nu bij de tekst."),
        show=template_page(
            request,
            access,
            "assessments/statements/comment.html",
            text=_text(obj),
            kind_label=model._meta.verbose_name,
            cancel_url=back,
        ),
        cancel_url=back,
        texts=("text",),
    )


# --- status and shared versions -------------------------------------------------------------


@trajectory_view(require=Require.CONSULTANT)
@require_POST
def statement_status(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The next step of the set: discussed with the family, shared (a frozen version)."""
    access.require_open()
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Deze stap bestaat niet. Kijk de pagina opnieuw na."))
        return redirect(_page_url(access))
    saved, statement_set = button_step(
        request,
        lambda: services.change_statement_status(
            trajectory=access.trajectory,
            to_status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            request=request,
        ),
        conflict=_("Iemand anders heeft de status intussen gewijzigd. Kijk de pagina opnieuw na."),
    )
    if saved and statement_set is not None:
        if statement_set.status == StatementStatus.SHARED:
            number = statement_set.shared_versions.values_list("number", flat=True).first()
            messages.success(
                request,
                _(
                    "Gedeeld met het gezin als versie %(n)s. Die versie blijft bewaard zoals ze nu is."
                )
                % {"n": number},
            )
        else:
            messages.success(
                request,
                _("De status is nu: %(status)s.") % {"status": statement_set.get_status_display()},
            )
    return redirect(_page_url(access))


@trajectory_view(require=Require.PROFESSIONAL)
def statement_shared(request: HttpRequest, access: CaseAccess, number: int) -> HttpResponse:
    """A shared version exactly as it was given to the family, from its frozen snapshot."""
    page = selectors.shared_version_page(access, number)
    if page is None:
        raise Http404(_("Deze versie bestaat niet."))
    access.show(page.shared)
    return render(
        request,
        "assessments/statements/shared.html",
        {
            "access": access,
            "t": access.trajectory,
            "shared": page.shared,
            "statements": page.statements,
            "bottom_lines": page.bottom_lines,
        },
    )


# --- history --------------------------------------------------------------------------------

_WORDS = re.compile(r"\S+\s*")


def word_diff(before: str, after: str) -> SafeString:
    """`after` with removed words in <del> and added words in <ins>, each named for screen readers."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    removed, added = _("weggehaald:"), _("toegevoegd:")
    end = _("einde")
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(
                format_html(
                    '<del><span class="sr-only">[{} </span>{}<span class="sr-only"> {}]</span></del> ',
                    removed,
                    "".join(old[i1:i2]).strip(),
                    end,
                )
            )
        if j2 > j1:
            parts.append(
                format_html(
                    '<ins><span class="sr-only">[{} </span>{}<span class="sr-only"> {}]</span></ins> ',
                    added,
                    "".join(new[j1:j2]).strip(),
                    end,
                )
            )
    # Every piece is escaped above (escape / format_html).
    return mark_safe("".join(parts).strip())


_TYPE_LABELS = {
    "assessments.dangerstatement": gettext_lazy("Gevaarsboodschap"),
    "assessments.safetygoal": gettext_lazy("Veiligheidsdoel"),
    "assessments.bottomline": gettext_lazy("Bodemeis"),
    "assessments.statementset": gettext_lazy("Status van het geheel"),
    "assessments.statementcomment": gettext_lazy("Reactie"),
}
_ACTION_LABELS = {
    services.CREATED: gettext_lazy("nieuw"),
    services.UPDATED: gettext_lazy("aangepast"),
    services.WITHDRAWN: gettext_lazy("ingetrokken"),
    services.STATUS_CHANGED: gettext_lazy("andere stap"),
}
_FIELD_LABELS = {
    "children": gettext_lazy("Over welk kind"),
    "withdrawn_reason": gettext_lazy("Reden van intrekken"),
    "status": gettext_lazy("Status"),
    "shared_version": gettext_lazy("Gedeelde versie"),
    "audience": gettext_lazy("Wie mag dit zien"),
    "view_of_person": gettext_lazy("Wiens kijk"),
    "kind": gettext_lazy("Soort"),
    "danger_statement": gettext_lazy("Bij gevaarsboodschap"),
}
# Internal keys kept in the row but not worth a line in the readable history.
_NOT_SHOWN = {"target"}


def _field_label(object_type: str, name: str) -> str:
    if name in _FIELD_LABELS:
        return str(_FIELD_LABELS[name])
    try:
        return capfirst(apps.get_model(object_type)._meta.get_field(name).verbose_name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return name


def _display(name: str, value: Any) -> str:
    """A stored value as readable text (labels for choices, names joined)."""
    if value is None:
        return ""
    if name == "audience":
        return str(dict(Audience.choices).get(value, value))
    if name == "status":
        return str(dict(StatementStatus.choices).get(value, value))
    if name == "kind":
        return str(dict(CommentKind.choices).get(value, value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _object_label(change: StatementChange, objects: dict[tuple[str, int], Any]) -> str:
    obj = objects.get((change.object_type, change.object_id))
    if isinstance(obj, DangerStatement):
        text = f"{obj.who_is_worried}: {obj.behaviour}"
    elif isinstance(obj, SafetyGoal):
        text = obj.parents_and_network_will
    elif isinstance(obj, BottomLine):
        text = obj.text
    else:
        return ""
    return Truncator(text).chars(90)


def _history_entry(change: StatementChange, objects: dict[tuple[str, int], Any]) -> dict[str, Any]:
    names = [n for n in {**change.before, **change.after} if n not in _NOT_SHOWN]
    compare = change.action in (services.UPDATED, services.STATUS_CHANGED)
    rows = []
    for name in names:
        before = _display(name, change.before.get(name))
        after = _display(name, change.after.get(name))
        rows.append(
            {
                "label": _field_label(change.object_type, name),
                "before": before,
                "after": after,
                # A new item or a withdrawal is shown as written; an edit as a difference.
                "diff": word_diff(before, after) if compare else after,
            }
        )
    return {
        "change": change,
        "type_label": _TYPE_LABELS.get(change.object_type, change.object_type),
        "action_label": _ACTION_LABELS.get(change.action, change.action),
        "object_label": _object_label(change, objects),
        "rows": rows,
    }


@trajectory_view(require=Require.PROFESSIONAL)
def statement_history(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """Who changed what and when, each change as a readable difference."""
    page, objects = selectors.statement_history(access, request.GET.get("page"))
    return render(
        request,
        "assessments/statements/history.html",
        {
            "access": access,
            "t": access.trajectory,
            "page": page,
            "entries": [_history_entry(change, objects) for change in page.object_list],
        },
    )

"""Writes on the WHAT: danger statements, safety goals, bottom lines, comments and the set's status.

Each service checks the rules of the practice and leaves the shared steps to the case-file kernel
(`cases.items.create`, `update`, `withdraw`: closed-file refusal, validation, version check,
audit row, withdrawal). What the kernel does not know is the readable history: each creation,
edit, withdrawal and status step also leaves a `StatementChange` row (the field values before
and after), in the same transaction. Who may call which service is decided in the views: the
consultant writes, every professional on the case comments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samenopweg.assessments.models import (
    BottomLine,
    CommentKind,
    DangerStatement,
    SafetyGoal,
    SharedVersion,
    StatementChange,
    StatementComment,
    StatementSet,
    StatementStatus,
)
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import items
from samenopweg.cases.models import Trajectory
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.people.models import Gender, Person, Relation, RelationKind

# The editable fields of each kind, in the order the history shows them.
STATEMENT_FIELDS = ("who_is_worried", "behaviour", "impact", "fear", "audience")
GOAL_FIELDS = (
    "parents_and_network_will",
    "child_will_experience",
    "professionals_will_see",
    "for_how_long",
    "audience",
)
BOTTOM_LINE_FIELDS = ("text", "reason", "audience")

# StatementChange.action
CREATED = "create"
UPDATED = "update"
WITHDRAWN = "withdraw"
STATUS_CHANGED = "status"

# The steps of a statement set: draft → discussed with the family → shared. A change after
# sharing does not silently move the set back to draft: it stays "shared" (the family still holds
# that version) and the page says "gewijzigd sinds het delen", found by comparing the content with
# the newest SharedVersion. Only then may the consultant step back, discuss and share version n+1.
ALLOWED_STATUS = {
    StatementStatus.DRAFT: (StatementStatus.DISCUSSED,),
    StatementStatus.DISCUSSED: (StatementStatus.SHARED, StatementStatus.DRAFT),
    StatementStatus.SHARED: (StatementStatus.DISCUSSED, StatementStatus.DRAFT),
}
NEXT_STATUS = {
    StatementStatus.DRAFT: StatementStatus.DISCUSSED,
    StatementStatus.DISCUSSED: StatementStatus.SHARED,
    StatementStatus.SHARED: StatementStatus.DISCUSSED,
}
SNAPSHOT_FORMAT = 1

Target = DangerStatement | SafetyGoal | BottomLine


# --- helpers --------------------------------------------------------------------------------


def statement_set_for(trajectory: Trajectory, *, actor: Any = None) -> StatementSet:
    """The trajectory's statement set, created (as a draft) on first use.

    The set is the container the first statement or bottom line needs, not something a user
    makes: no audit row of its own (the write that needed it has one).
    """
    by = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    statement_set, _created = StatementSet.objects.get_or_create(
        trajectory=trajectory, defaults={"created_by": by}
    )
    return statement_set


def _next_position(model: type[models.Model], **filters: Any) -> int:
    highest = model._default_manager.filter(**filters).aggregate(m=Max("position"))["m"]
    return 0 if highest is None else highest + 1


def _values(obj: Any, fields: Sequence[str]) -> dict[str, Any]:
    """The fields as the history and the shared version keep them."""
    return {name: getattr(obj, name) for name in fields}


def _children_value(children: Iterable[Person]) -> list[str]:
    return [child.full_name for child in sorted(children, key=lambda p: p.pk)]


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict, dict]:
    """Only the fields that changed, before and after."""
    names = [name for name in after if before.get(name) != after[name]]
    return {n: before.get(n) for n in names}, {n: after[n] for n in names}


def _history(
    obj: Any, action: str, before: Mapping[str, Any], after: Mapping[str, Any], actor: Any
) -> StatementChange:
    """The row of the readable history (unsaved: the kernel saves it with an edit)."""
    return StatementChange(
        trajectory_id=obj.trajectory_id,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        action=action,
        before=dict(before),
        after=dict(after),
        changed_by=actor,
    )


def _created(obj: Any, after: Mapping[str, Any], actor: Any) -> None:
    _history(obj, CREATED, {}, after, actor).save()


def _edit(
    item: Any,
    *,
    fields: dict[str, Any],
    expected_version: int,
    actor: Any,
    request: HttpRequest | None,
    children: list[Person] | None = None,
) -> Any:
    """An edit through the kernel, with its history row (texts are kept without the spaces
    around them). A save that changes nothing is no change: no new version, no history row,
    no audit row."""
    items.refuse_withdrawn(item)
    fields = {name: v.strip() if isinstance(v, str) else v for name, v in fields.items()}
    old_children = list(item.children.all()) if children is not None else []
    before = _values(item, list(fields))
    after = dict(fields)
    if children is not None:
        before["children"] = _children_value(old_children)
        after["children"] = _children_value(children)
    if before == after and item.version == expected_version:
        return item  # a stale unchanged form still meets the conflict in items.update
    return items.update(
        item=item,
        expected_version=expected_version,
        fields=fields,
        many={"children": children} if children is not None else None,
        actor=actor,
        request=request,
        history=lambda _saved: _history(item, UPDATED, *_changed(before, after), actor),
    )


def _withdraw_with_history(
    item: DangerStatement | SafetyGoal | BottomLine,
    *,
    reason: str,
    actor: Any,
    request: HttpRequest | None,
) -> bool:
    """The kernel's withdrawal and its line in the history; False when it already was."""
    withdrawn = items.withdraw(item=item, reason=reason, actor=actor, request=request)
    if withdrawn:
        _history(item, WITHDRAWN, {}, {"withdrawn_reason": item.withdrawn_reason}, actor).save()
    return withdrawn


def _check_children(trajectory: Trajectory, children: Iterable[Person]) -> list[Person]:
    kids = list(children)
    if not kids:
        raise ValidationError({"children": _("Kies minstens één kind.")})
    if any(p.trajectory_id != trajectory.pk or not p.is_child for p in kids):
        raise ValidationError({"children": _("Kies alleen kinderen van dit traject.")})
    return kids


# --- danger statements ----------------------------------------------------------------------


@transaction.atomic
def create_danger_statement(
    *,
    trajectory: Trajectory,
    who_is_worried: str,
    behaviour: str,
    impact: str,
    fear: str,
    children: Iterable[Person],
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> DangerStatement:
    kids = _check_children(trajectory, children)
    statement_set_for(trajectory, actor=actor)
    statement = DangerStatement(
        trajectory=trajectory,
        who_is_worried=who_is_worried.strip(),
        behaviour=behaviour.strip(),
        impact=impact.strip(),
        fear=fear.strip(),
        audience=audience,
        position=_next_position(DangerStatement, trajectory=trajectory),
    )
    items.create(item=statement, actor=actor, request=request, many={"children": kids})
    _created(
        statement,
        {**_values(statement, STATEMENT_FIELDS), "children": _children_value(kids)},
        actor,
    )
    return statement


@transaction.atomic
def update_danger_statement(
    *,
    statement: DangerStatement,
    expected_version: int,
    who_is_worried: str,
    behaviour: str,
    impact: str,
    fear: str,
    children: Iterable[Person],
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> DangerStatement:
    """Change a statement; raises EditConflict when someone else saved since `expected_version`."""
    return _edit(
        statement,
        fields={
            "who_is_worried": who_is_worried,
            "behaviour": behaviour,
            "impact": impact,
            "fear": fear,
            "audience": audience,
        },
        children=_check_children(statement.trajectory, children),
        expected_version=expected_version,
        actor=actor,
        request=request,
    )


@transaction.atomic
def withdraw_danger_statement(
    *, statement: DangerStatement, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    """Withdraw a statement and its goals: the family stops seeing them, professionals keep them."""
    reason = items.clean_reason(reason)
    if not _withdraw_with_history(statement, reason=reason, actor=actor, request=request):
        return
    for goal in statement.goals.filter(withdrawn_at__isnull=True).select_related("trajectory"):
        _withdraw_with_history(goal, reason=reason, actor=actor, request=request)


# --- safety goals ---------------------------------------------------------------------------


@transaction.atomic
def create_safety_goal(
    *,
    danger_statement: DangerStatement | None,
    parents_and_network_will: str,
    child_will_experience: str,
    professionals_will_see: str,
    for_how_long: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> SafetyGoal:
    """A goal always answers one current danger statement."""
    if danger_statement is None:
        raise ValidationError(
            {"danger_statement": _("Kies bij welke gevaarsboodschap dit doel hoort.")}
        )
    if danger_statement.withdrawn_at is not None:
        raise ValidationError(
            {"danger_statement": _("Deze gevaarsboodschap is ingetrokken: kies een andere.")}
        )
    goal = SafetyGoal(
        danger_statement=danger_statement,
        trajectory=danger_statement.trajectory,
        parents_and_network_will=parents_and_network_will.strip(),
        child_will_experience=child_will_experience.strip(),
        professionals_will_see=professionals_will_see.strip(),
        for_how_long=for_how_long.strip(),
        audience=audience,
        position=_next_position(SafetyGoal, danger_statement=danger_statement),
    )
    items.create(item=goal, actor=actor, request=request)
    _created(goal, {**_values(goal, GOAL_FIELDS), "danger_statement": danger_statement.pk}, actor)
    return goal


@transaction.atomic
def update_safety_goal(
    *,
    goal: SafetyGoal,
    expected_version: int,
    parents_and_network_will: str,
    child_will_experience: str,
    professionals_will_see: str,
    for_how_long: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> SafetyGoal:
    return _edit(
        goal,
        fields={
            "parents_and_network_will": parents_and_network_will,
            "child_will_experience": child_will_experience,
            "professionals_will_see": professionals_will_see,
            "for_how_long": for_how_long,
            "audience": audience,
        },
        expected_version=expected_version,
        actor=actor,
        request=request,
    )


@transaction.atomic
def withdraw_safety_goal(
    *, goal: SafetyGoal, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    _withdraw_with_history(goal, reason=items.clean_reason(reason), actor=actor, request=request)


# --- bottom lines ---------------------------------------------------------------------------


@transaction.atomic
def create_bottom_line(
    *,
    trajectory: Trajectory,
    text: str,
    reason: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> BottomLine:
    statement_set_for(trajectory, actor=actor)
    bottom_line = BottomLine(
        trajectory=trajectory,
        text=text.strip(),
        reason=reason.strip(),
        audience=audience,
        position=_next_position(BottomLine, trajectory=trajectory),
    )
    items.create(item=bottom_line, actor=actor, request=request)
    _created(bottom_line, _values(bottom_line, BOTTOM_LINE_FIELDS), actor)
    return bottom_line


@transaction.atomic
def update_bottom_line(
    *,
    bottom_line: BottomLine,
    expected_version: int,
    text: str,
    reason: str,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> BottomLine:
    return _edit(
        bottom_line,
        fields={"text": text, "reason": reason, "audience": audience},
        expected_version=expected_version,
        actor=actor,
        request=request,
    )


@transaction.atomic
def withdraw_bottom_line(
    *, bottom_line: BottomLine, reason: str, actor: Any, request: HttpRequest | None = None
) -> None:
    _withdraw_with_history(
        bottom_line, reason=items.clean_reason(reason), actor=actor, request=request
    )


# --- comments, proposals and disagreements --------------------------------------------------


@transaction.atomic
def add_statement_comment(
    *,
    target: Target,
    kind: str,
    text: str,
    view_of_person: Person | None,
    audience: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> StatementComment:
    """A comment, proposed wording or disagreement next to a statement, goal or bottom line.

    Never hidden and never edited: a later view is a new comment.
    """
    trajectory_id = target.trajectory_id
    if view_of_person is not None and view_of_person.trajectory_id != trajectory_id:
        raise ValidationError({"view_of_person": _("Kies een persoon van dit traject.")})
    field = {
        DangerStatement: "danger_statement",
        SafetyGoal: "safety_goal",
        BottomLine: "bottom_line",
    }[type(target)]
    on = f"{target._meta.label_lower}#{target.pk}"
    comment = StatementComment(
        trajectory=target.trajectory,
        kind=kind,
        text=text.strip(),
        view_of_person=view_of_person,
        audience=audience,
        **{field: target},
    )
    items.create(item=comment, actor=actor, request=request, detail={"kind": kind, "on": on})
    _created(
        comment,
        {
            "kind": kind,
            "text": comment.text,
            "view_of_person": view_of_person.full_name if view_of_person else "",
            "audience": audience,
            "target": on,
        },
        actor,
    )
    return comment


# --- whose view: "Mama Sarah" ---------------------------------------------------------------


def _relation_word(kind: str, gender: str) -> str:
    """How the family names this relation, before a first name ("Mama Sarah"); "" if unsure."""
    if kind == RelationKind.GRANDPARENT:
        return {Gender.FEMALE: _("Oma"), Gender.MALE: _("Opa")}.get(gender, "")  # type: ignore[call-overload]
    if kind == RelationKind.SIBLING:
        return {Gender.FEMALE: _("Zus"), Gender.MALE: _("Broer")}.get(gender, "")  # type: ignore[call-overload]
    words = {
        RelationKind.MOTHER: _("Mama"),
        RelationKind.FATHER: _("Papa"),
        RelationKind.STEPMOTHER: _("Plusmama"),
        RelationKind.STEPFATHER: _("Pluspapa"),
        RelationKind.FOSTER_PARENT: _("Pleegouder"),
        RelationKind.GUARDIAN: _("Voogd"),
    }
    return words.get(kind, "")  # type: ignore[call-overload]


def person_labels(trajectory: Trajectory, persons: Iterable[Person]) -> dict[int, str]:
    """Each person named as the family would: "Mama Sarah", "Oma Maria", "Noor" (one query)."""
    kinds: dict[int, str] = {}
    for person_id, kind in Relation.objects.filter(trajectory=trajectory).values_list(
        "person_id", "kind"
    ):
        kinds.setdefault(person_id, kind)
    labels = {}
    for person in persons:
        word = "" if person.is_child else _relation_word(kinds.get(person.pk, ""), person.gender)
        labels[person.pk] = f"{word} {person.first_name}".strip()
    return labels


# --- the shared version ---------------------------------------------------------------------


def _person_name(person: Person) -> dict[str, Any]:
    return {"id": person.pk, "name": person.full_name, "audience": person.audience}


def snapshot_items(
    statements: Iterable[DangerStatement], bottom_lines: Iterable[BottomLine]
) -> dict[str, Any]:
    """The current (not withdrawn) statements with their goals, and the bottom lines, as JSON.

    `statements` must come with `children` and `goals` prefetched (see the selector).
    """
    audience_labels = dict(Audience.choices)
    result_statements = []
    for statement in statements:
        if statement.withdrawn_at is not None:
            continue
        goals = [g for g in statement.goals.all() if g.withdrawn_at is None]
        result_statements.append(
            {
                "id": statement.pk,
                **_values(statement, STATEMENT_FIELDS),
                "audience_label": str(audience_labels[statement.audience]),
                "sentence": statement.sentence,
                "children": [
                    _person_name(p) for p in sorted(statement.children.all(), key=lambda p: p.pk)
                ],
                "goals": [
                    {
                        "id": goal.pk,
                        **_values(goal, GOAL_FIELDS),
                        "audience_label": str(audience_labels[goal.audience]),
                    }
                    for goal in goals
                ],
            }
        )
    return {
        "danger_statements": result_statements,
        "bottom_lines": [
            {
                "id": line.pk,
                **_values(line, BOTTOM_LINE_FIELDS),
                "audience_label": str(audience_labels[line.audience]),
            }
            for line in bottom_lines
            if line.withdrawn_at is None
        ],
    }


def comparable(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """What counts as a change since sharing: field values, children, audience; not wording of
    the sentence template (language-dependent), labels or comments."""

    def pick(item: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
        return {"id": item["id"], **{name: item.get(name) for name in fields}}

    return {
        "danger_statements": [
            {
                **pick(s, STATEMENT_FIELDS),
                "children": sorted(c["id"] for c in s.get("children", [])),
                "goals": [pick(g, GOAL_FIELDS) for g in s.get("goals", [])],
            }
            for s in snapshot.get("danger_statements", [])
        ],
        "bottom_lines": [pick(b, BOTTOM_LINE_FIELDS) for b in snapshot.get("bottom_lines", [])],
    }


def changed_since(shared: SharedVersion | None, items: Mapping[str, Any]) -> bool:
    """Whether the current content (from `snapshot_items`) differs from a shared version."""
    return shared is not None and comparable(items) != comparable(shared.snapshot)


def _disagreements(
    comments: Iterable[StatementComment], labels: Mapping[int, str]
) -> dict[str, list[dict[str, Any]]]:
    """Disagreements by target key ("statement:3"), kept in the shared version next to the text."""
    result: dict[str, list[dict[str, Any]]] = {}
    for comment in comments:
        if comment.kind != CommentKind.DISAGREEMENT:
            continue
        if comment.danger_statement_id:
            key = f"statement:{comment.danger_statement_id}"
        elif comment.safety_goal_id:
            key = f"goal:{comment.safety_goal_id}"
        else:
            key = f"bottom_line:{comment.bottom_line_id}"
        result.setdefault(key, []).append(
            {
                "id": comment.pk,
                "view_of": labels.get(comment.view_of_person_id or 0, ""),
                "author": str(comment.created_by),
                "text": comment.text,
                "audience": comment.audience,
                "created_at": comment.created_at.isoformat(),
            }
        )
    return result


def build_snapshot(*, trajectory: Trajectory, number: int, actor: Any) -> dict[str, Any]:
    """Everything the family is given when the set is shared, frozen as JSON."""
    statements = list(
        DangerStatement.objects.filter(trajectory=trajectory, withdrawn_at__isnull=True)
        .prefetch_related("children", "goals")
        .order_by("position", "id")
    )
    bottom_lines = BottomLine.objects.filter(trajectory=trajectory, withdrawn_at__isnull=True)
    items = snapshot_items(statements, bottom_lines)
    empty = [s for s in items["danger_statements"] if not s["goals"]]
    if not items["danger_statements"]:
        raise ValidationError(_("Schrijf eerst minstens één gevaarsboodschap."))
    if empty:
        raise ValidationError(
            _("Elke gevaarsboodschap heeft minstens één veiligheidsdoel nodig voor je ze deelt.")
        )
    comments = StatementComment.objects.filter(trajectory=trajectory).select_related("created_by")
    labels = person_labels(trajectory, Person.objects.filter(trajectory=trajectory))
    return {
        "format": SNAPSHOT_FORMAT,
        "trajectory": trajectory.reference,
        "number": number,
        "shared_at": timezone.now().isoformat(),
        "shared_by": str(actor),
        "language": get_language(),
        **items,
        "disagreements": _disagreements(comments, labels),
    }


@transaction.atomic
def change_statement_status(
    *,
    trajectory: Trajectory,
    to_status: str,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> StatementSet:
    """Move the set a step (draft → discussed → shared); sharing freezes a new SharedVersion."""
    statement_set = statement_set_for(trajectory, actor=actor)
    if statement_set.version != expected_version:
        # The step is judged from the status the user saw: a stale page is a conflict, not a
        # refused step. The kernel checks the version again when it saves.
        raise EditConflict(statement_set)
    from_status = StatementStatus(statement_set.status)
    if to_status not in ALLOWED_STATUS[from_status]:
        raise ValidationError(
            _("Van ‘%(from)s’ kan je niet naar ‘%(to)s’.")
            % {"from": from_status.label, "to": dict(StatementStatus.choices).get(to_status, "?")}
        )
    latest = statement_set.shared_versions.first()
    if from_status == StatementStatus.SHARED:
        statements = DangerStatement.objects.filter(trajectory=trajectory).prefetch_related(
            "children", "goals"
        )
        current = snapshot_items(statements, BottomLine.objects.filter(trajectory=trajectory))
        if not changed_since(latest, current):
            raise ValidationError(
                _("Er is niets veranderd sinds de gedeelde versie. Die blijft gelden.")
            )
    number = (latest.number if latest else 0) + 1
    snapshot = None
    if to_status == StatementStatus.SHARED:
        snapshot = build_snapshot(trajectory=trajectory, number=number, actor=actor)
    after: dict[str, Any] = {"status": to_status}
    if snapshot is not None:
        after["shared_version"] = number
    items.update(
        item=statement_set,
        expected_version=expected_version,
        fields={
            "status": to_status,
            "status_changed_at": timezone.now(),
            "status_changed_by": actor,
        },
        actor=actor,
        request=request,
        history=lambda _before: _history(
            statement_set, STATUS_CHANGED, {"status": from_status.value}, after, actor
        ),
        detail={"from": from_status.value, "to": to_status},
    )
    if snapshot is not None:
        # The kept version is no item: it is frozen once and read through visible_kept_items.
        shared = SharedVersion.objects.create(
            statement_set=statement_set, number=number, snapshot=snapshot, shared_by=actor
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=shared,
            trajectory=trajectory,
            request=request,
            detail={"number": shared.number},
        )
    return statement_set

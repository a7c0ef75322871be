"""Reads for the WHAT: the statements page and its history, in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from samenopweg.assessments.models import (
    BottomLine,
    DangerStatement,
    SafetyGoal,
    SharedVersion,
    StatementChange,
    StatementComment,
    StatementSet,
    StatementStatus,
)
from samenopweg.assessments.services.statements import (
    NEXT_STATUS,
    changed_since,
    person_labels,
    snapshot_items,
)
from samenopweg.cases.access import CaseAccess, visible_items, visible_kept_items
from samenopweg.cases.extensions import attach_notes
from samenopweg.people.models import Person

HISTORY_PAGE_SIZE = 25


# --- whose view: "Mama Sarah" ---------------------------------------------------------------


@dataclass(frozen=True)
class PersonChoice:
    person: Person
    label: str


def person_choices(access: CaseAccess) -> list[PersonChoice]:
    """The persons of the trajectory, each named as the family would: "Mama Sarah", "Noor"."""
    persons = list(visible_items(access, Person.objects.all()).order_by("-is_child", "id"))
    labels = person_labels(access.trajectory, persons)
    return [PersonChoice(person, labels[person.pk]) for person in persons]


# --- the page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Remark:
    """A comment, proposal or disagreement as shown next to its target."""

    comment: StatementComment
    who: str


@dataclass(frozen=True)
class Withdrawal:
    reason: str
    by: Any
    at: datetime.datetime

    @classmethod
    def of(cls, item: Any) -> Withdrawal | None:
        """Who withdrew the item, when and why (kept on the item itself), or None."""
        if item.withdrawn_at is None:
            return None
        return cls(reason=item.withdrawn_reason, by=item.withdrawn_by or "", at=item.withdrawn_at)


@dataclass(kw_only=True)
class _Row:
    """What the page shows with a statement, goal or bottom line besides its own fields."""

    remarks: list[Remark] = field(default_factory=list)
    withdrawal: Withdrawal | None = None
    comment_form: Any = None  # set by the view


@dataclass
class GoalRow(_Row):
    goal: SafetyGoal


@dataclass
class StatementRow(_Row):
    statement: DangerStatement
    children: list[Person]
    goals: list[GoalRow] = field(default_factory=list)

    @property
    def has_goal(self) -> bool:
        return any(row.goal.withdrawn_at is None for row in self.goals)


@dataclass
class BottomLineRow(_Row):
    bottom_line: BottomLine


@dataclass
class StatementsPage:
    statement_set: StatementSet | None
    status: str
    version: int
    statements: list[StatementRow]
    bottom_lines: list[BottomLineRow]
    shared_versions: list[SharedVersion]
    latest_shared: SharedVersion | None
    changed_since_shared: bool
    persons: list[PersonChoice]

    @property
    def next_status(self) -> str | None:
        """The one step the page offers; after sharing only once something changed."""
        if self.status == StatementStatus.SHARED and not self.changed_since_shared:
            return None
        return NEXT_STATUS[StatementStatus(self.status)]

    @property
    def statements_without_goal(self) -> list[StatementRow]:
        return [
            row
            for row in self.statements
            if row.statement.withdrawn_at is None and not row.has_goal
        ]


def statements_page(access: CaseAccess) -> StatementsPage:
    """Everything the WHAT page shows, through the item rule."""
    trajectory = access.trajectory
    statement_set = StatementSet.objects.filter(trajectory=trajectory).first()
    # Few per trajectory; the newest one's snapshot tells whether anything changed since.
    shared_versions = (
        list(SharedVersion.objects.filter(statement_set=statement_set).select_related("shared_by"))
        if statement_set is not None
        else []
    )
    latest = shared_versions[0] if shared_versions else None
    statements = list(
        visible_items(
            access, DangerStatement.objects.select_related("withdrawn_by")
        ).prefetch_related(
            "children",
            Prefetch(
                "goals",
                queryset=visible_items(
                    access, SafetyGoal.objects.select_related("withdrawn_by")
                ).order_by("position", "id"),
            ),
        )
    )
    bottom_lines = list(visible_items(access, BottomLine.objects.select_related("withdrawn_by")))
    persons = person_choices(access)
    labels = {choice.person.pk: choice.label for choice in persons}
    comments = visible_items(access, StatementComment.objects.select_related("created_by"))

    by_target: dict[tuple[str, int], list[Remark]] = {}
    for comment in comments:
        who = labels.get(comment.view_of_person_id or 0) or str(comment.created_by)
        if comment.danger_statement_id:
            key = ("statement", comment.danger_statement_id)
        elif comment.safety_goal_id:
            key = ("goal", comment.safety_goal_id)
        else:
            key = ("bottom_line", comment.bottom_line_id or 0)
        by_target.setdefault(key, []).append(Remark(comment, who))

    def around(kind: str, item: Any) -> dict[str, Any]:
        """The `_Row` part of an item's row: its remarks and its withdrawal."""
        return {"remarks": by_target.get((kind, item.pk), []), "withdrawal": Withdrawal.of(item)}

    rows = [
        StatementRow(
            statement=s,
            children=list(s.children.all()),
            goals=[GoalRow(goal=g, **around("goal", g)) for g in s.goals.all()],
            **around("statement", s),
        )
        for s in statements
    ]
    line_rows = [BottomLineRow(bottom_line=b, **around("bottom_line", b)) for b in bottom_lines]
    # What the children said about each item (child_voice, through cases.extensions).
    attach_notes(
        access,
        [
            *statements,
            *(row.goal for statement in rows for row in statement.goals),
            *bottom_lines,
        ],
    )
    return StatementsPage(
        statement_set=statement_set,
        status=statement_set.status if statement_set else StatementStatus.DRAFT,
        version=statement_set.version if statement_set else 1,
        statements=rows,
        bottom_lines=line_rows,
        shared_versions=shared_versions,
        latest_shared=latest,
        changed_since_shared=changed_since(latest, snapshot_items(statements, bottom_lines)),
        persons=persons,
    )


# --- a shared version -----------------------------------------------------------------------


@dataclass(frozen=True)
class SharedPage:
    """A shared version as this reader may see it: its statements (each with its children,
    goals and disagreements) and bottom lines, as they were frozen."""

    shared: SharedVersion
    statements: list[dict[str, Any]]
    bottom_lines: list[dict[str, Any]]


def shared_version_page(access: CaseAccess, number: int) -> SharedPage | None:
    """The kept version `number` through the item rule for kept versions: each statement, goal,
    bottom line, child and disagreement with the audience it had when it was shared."""
    shared = (
        SharedVersion.objects.filter(statement_set__trajectory=access.trajectory, number=number)
        .select_related("shared_by")
        .first()
    )
    return _shared_page(access, shared)


def latest_shared_page(access: CaseAccess) -> SharedPage | None:
    """The newest shared version as this reader may see it (the family's pages). One query."""
    shared = (
        SharedVersion.objects.filter(statement_set__trajectory=access.trajectory)
        .select_related("shared_by")
        .order_by("-number")
        .first()
    )
    return _shared_page(access, shared)


def _shared_page(access: CaseAccess, shared: SharedVersion | None) -> SharedPage | None:
    if shared is None:
        return None
    snapshot = shared.snapshot
    disagreements = snapshot.get("disagreements", {})

    def remarks(key: str) -> list[dict[str, Any]]:
        return visible_kept_items(access, disagreements.get(key, []))

    statements = [
        {
            **s,
            "children": visible_kept_items(access, s.get("children", [])),
            "disagreements": remarks(f"statement:{s['id']}"),
            "goals": [
                {**g, "disagreements": remarks(f"goal:{g['id']}")}
                for g in visible_kept_items(access, s.get("goals", []))
            ],
        }
        for s in visible_kept_items(access, snapshot.get("danger_statements", []))
    ]
    bottom_lines = [
        {**b, "disagreements": remarks(f"bottom_line:{b['id']}")}
        for b in visible_kept_items(access, snapshot.get("bottom_lines", []))
    ]
    return SharedPage(shared=shared, statements=statements, bottom_lines=bottom_lines)


# --- the history ----------------------------------------------------------------------------


def statement_history(
    access: CaseAccess, page_number: Any
) -> tuple[Page, dict[tuple[str, int], Any]]:
    """A page of changes, newest first, and the objects they concern (for their short labels)."""
    changes = StatementChange.objects.filter(trajectory=access.trajectory).select_related(
        "changed_by"
    )
    page = Paginator(changes, HISTORY_PAGE_SIZE).get_page(page_number)
    wanted: dict[str, set[int]] = {}
    for change in page.object_list:
        wanted.setdefault(change.object_type, set()).add(change.object_id)
    objects: dict[tuple[str, int], Any] = {}
    for model in (DangerStatement, SafetyGoal, BottomLine):
        ids = wanted.get(model._meta.label_lower)
        if ids:
            for obj in visible_items(access, model._default_manager.filter(pk__in=ids)):
                objects[(model._meta.label_lower, obj.pk)] = obj
    return page, objects

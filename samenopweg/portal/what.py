"""The WHAT on the family's pages: the worries (danger statements), what must change (safety
goals) and what must happen for sure (bottom lines), exactly as they were last shared with this
person, each with the day it was shared and the person's own view beside it.

The text comes from the newest shared version (assessments.SharedVersion, through the item rule
for kept versions): a parent reads what was given to her, not a draft the consultant is still
changing. Her view is a statement comment of the assessments app (`add_statement_comment`), so
the professionals see it next to the statement; a disagreement is shown, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import (
    BottomLine,
    CommentKind,
    DangerStatement,
    SafetyGoal,
    StatementComment,
)
from samenopweg.assessments.selectors.statements import SharedPage, latest_shared_page
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.people.models import Person

# The URL word of each kind of item, and its model.
KINDS: dict[str, type[DangerStatement] | type[SafetyGoal] | type[BottomLine]] = {
    "zorg": DangerStatement,
    "doel": SafetyGoal,
    "zeker": BottomLine,
}
_FIELD = {"zorg": "danger_statement", "doel": "safety_goal", "zeker": "bottom_line"}

# What the person may say about an item, in their words; each becomes a comment kind.
VIEW_CHOICES = (
    ("agree", _("Ik ben akkoord")),
    ("disagree", _("Ik zie het anders")),
    ("comment", _("Ik wil iets zeggen")),
)
VIEW_KIND = {
    "agree": CommentKind.AGREEMENT,
    "disagree": CommentKind.DISAGREEMENT,
    "comment": CommentKind.COMMENT,
}


@dataclass
class OwnView:
    kind: str  # CommentKind
    text: str
    when: Any  # datetime


@dataclass
class FamilyItem:
    """One shared item as the family member reads it, with their own views on it."""

    kind: str  # "zorg", "doel", "zeker"
    pk: int
    data: dict[str, Any]  # the snapshot's fields (sentence, goal parts, text and reason…)
    views: list[OwnView] = field(default_factory=list)
    goals: list[FamilyItem] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.pk}"

    @property
    def summary(self) -> str:
        """The item in a few words, to name it for a screen reader next to a link."""
        text = self.data.get("sentence") or self.data.get("text") or ""
        return str(text or self.data.get("parents_and_network_will", ""))


@dataclass(frozen=True)
class FamilyWhat:
    shared: SharedPage | None
    statements: list[FamilyItem]
    bottom_lines: list[FamilyItem]

    @property
    def shared_at(self) -> Any:
        return self.shared.shared.shared_at if self.shared else None

    @property
    def keys(self) -> list[tuple[str, int]]:
        """The items shown, as (model label, pk): for portal.seen."""
        labels = {"zorg": "assessments.dangerstatement", "doel": "assessments.safetygoal"}
        labels["zeker"] = "assessments.bottomline"
        shown = [
            *self.statements,
            *(g for s in self.statements for g in s.goals),
            *self.bottom_lines,
        ]
        return [(labels[item.kind], item.pk) for item in shown]


def family_what(access: CaseAccess, person: Person | None, user: Any) -> FamilyWhat:
    """The newest shared version as this person may see it, with their own views. Three
    queries, whatever the number of statements."""
    page = latest_shared_page(access)
    if page is None:
        return FamilyWhat(shared=None, statements=[], bottom_lines=[])
    mine = Q(created_by=user) | (Q(view_of_person=person) if person is not None else Q(pk=None))
    views: dict[tuple[str, int], list[OwnView]] = {}
    for comment in visible_items(access, StatementComment.objects.filter(mine)).order_by(
        "created_at", "id"
    ):
        if comment.danger_statement_id:
            key = ("zorg", comment.danger_statement_id)
        elif comment.safety_goal_id:
            key = ("doel", comment.safety_goal_id)
        else:
            key = ("zeker", comment.bottom_line_id or 0)
        views.setdefault(key, []).append(
            OwnView(kind=comment.kind, text=comment.text, when=comment.created_at)
        )

    def item(kind: str, data: dict[str, Any]) -> FamilyItem:
        return FamilyItem(
            kind=kind, pk=data["id"], data=data, views=views.get((kind, data["id"]), [])
        )

    statements = []
    for s in page.statements:
        row = item("zorg", s)
        row.goals = [item("doel", g) for g in s.get("goals", [])]
        statements.append(row)
    return FamilyWhat(
        shared=page,
        statements=statements,
        bottom_lines=[item("zeker", b) for b in page.bottom_lines],
    )


def target_for(access: CaseAccess, kind: str, pk: int) -> Any:
    """The current item a view is given on: shared with this person in the newest version and
    still visible to them now (the item rule); None otherwise (the page answers 404)."""
    model = KINDS.get(kind)
    if model is None:
        return None
    page = latest_shared_page(access)
    if page is None:
        return None
    shared_ids = {b["id"] for b in page.bottom_lines} if kind == "zeker" else set()
    for s in page.statements:
        if kind == "zorg":
            shared_ids.add(s["id"])
        elif kind == "doel":
            shared_ids.update(g["id"] for g in s.get("goals", []))
    if pk not in shared_ids:
        return None
    return (
        visible_items(access, model.objects.filter(pk=pk, withdrawn_at__isnull=True))
        .select_related("trajectory")
        .first()
    )


def comment_field(kind: str) -> str:
    return _FIELD[kind]

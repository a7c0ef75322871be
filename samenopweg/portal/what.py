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
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import (
    BottomLine,
    CommentKind,
    DangerStatement,
    SafetyGoal,
    ScalingScore,
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


@dataclass(frozen=True)
class OwnScore:
    """The number this person gave on a worry at one scaling moment, in their own words."""

    score: int
    held_on: Any  # date
    what_makes_it: str
    one_higher: str
    # The day as the page writes it: the newest in full ("3 december 2026"), the earlier ones
    # short ("3/12/2026"); formatted once per scaling moment, not once per worry.
    day: str = ""
    short_day: str = ""


@dataclass
class FamilyItem:
    """One shared item as the family member reads it, with their own views on it."""

    kind: str  # "zorg", "doel", "zeker"
    pk: int
    data: dict[str, Any]  # the snapshot's fields (sentence, goal parts, text and reason…)
    views: list[OwnView] = field(default_factory=list)
    goals: list[FamilyItem] = field(default_factory=list)
    # Their own scaling numbers on a worry, the newest first (only on a danger statement).
    scores: list[OwnScore] = field(default_factory=list)

    @property
    def score(self) -> OwnScore | None:
        return self.scores[0] if self.scores else None

    @property
    def earlier_scores(self) -> list[OwnScore]:
        return self.scores[1:]

    @property
    def earlier_line(self) -> str:
        """The earlier numbers in one line: "6 (3/12/2026), 5 (5/11/2026)"."""
        return ", ".join(f"{e.score} ({e.short_day})" for e in self.earlier_scores)

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
    """The newest shared version as this person may see it, with their own views and their
    own scaling numbers. Four queries, whatever the number of statements."""
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

    scores = own_scores(access, person, [s["id"] for s in page.statements])
    statements = []
    for s in page.statements:
        row = item("zorg", s)
        row.goals = [item("doel", g) for g in s.get("goals", [])]
        row.scores = scores.get(s["id"], [])
        statements.append(row)
    return FamilyWhat(
        shared=page,
        statements=statements,
        bottom_lines=[item("zeker", b) for b in page.bottom_lines],
    )


def own_scores(
    access: CaseAccess, person: Person | None, statement_ids: list[int]
) -> dict[int, list[OwnScore]]:
    """This person's own scaling numbers per danger statement, the newest first, with what
    makes it that high and what would make it one higher, as they said it at the meeting. Only
    what the item rule shows them. One query (none without a person)."""
    if person is None or not statement_ids:
        return {}
    found: dict[int, list[OwnScore]] = {}
    days: dict[Any, tuple[str, str]] = {}
    rows = (
        visible_items(
            access,
            ScalingScore.objects.filter(person=person, danger_statement_id__in=statement_ids),
        )
        .order_by("-round__held_on", "-round_id", "-id")
        .values_list(
            "danger_statement_id", "score", "round__held_on", "what_makes_it", "one_higher"
        )
    )
    for statement_id, score, held_on, what_makes_it, one_higher in rows:
        if held_on not in days:
            days[held_on] = (
                formats.date_format(held_on, "j F Y"),
                formats.date_format(held_on, "j/m/Y"),
            )
        day, short_day = days[held_on]
        found.setdefault(statement_id, []).append(
            OwnScore(
                score=score,
                held_on=held_on,
                what_makes_it=what_makes_it,
                one_higher=one_higher,
                day=day,
                short_day=short_day,
            )
        )
    return found


@dataclass(frozen=True)
class Target:
    """The current item a view is given on, and its words as they were shared."""

    item: Any  # DangerStatement, SafetyGoal or BottomLine
    shared: dict[str, Any]  # the snapshot's fields: what the family was given to read

    @property
    def words(self) -> str:
        data = self.shared
        return str(
            data.get("sentence") or data.get("text") or data.get("parents_and_network_will") or ""
        )


def target_for(access: CaseAccess, kind: str, pk: int) -> Target | None:
    """The item a view is given on: shared with this person in the newest version and still
    visible to them now (the item rule), with its shared words (a wording changed since is a
    draft they do not read); None otherwise (the page answers 404)."""
    model = KINDS.get(kind)
    if model is None:
        return None
    page = latest_shared_page(access)
    if page is None:
        return None
    shared: dict[int, dict[str, Any]] = (
        {b["id"]: b for b in page.bottom_lines} if kind == "zeker" else {}
    )
    for s in page.statements:
        if kind == "zorg":
            shared[s["id"]] = s
        elif kind == "doel":
            shared.update((g["id"], g) for g in s.get("goals", []))
    if pk not in shared:
        return None
    item = (
        visible_items(access, model.objects.filter(pk=pk, withdrawn_at__isnull=True))
        .select_related("trajectory")
        .first()
    )
    return Target(item=item, shared=shared[pk]) if item is not None else None


# How a view reads in the journal line for the professionals (portal.seen.note_response).
_VIEW_LINES = {
    "agree": _("is akkoord met “%(item)s”"),
    "disagree": _("ziet het anders bij “%(item)s”"),
    "comment": _("zei iets over “%(item)s”"),
}


def view_line(view: str, target: Target, text: str) -> str:
    """What the journal says of one view: what they think, of which item (as it was shared with
    them), in their words."""
    name = target.words
    if len(name) > 80:
        name = name[:79].rstrip() + "…"
    line = str(_VIEW_LINES[view]) % {"item": name}
    return f"{line}: {text}" if text else line


def comment_field(kind: str) -> str:
    return _FIELD[kind]

"""The one-page overview of the WHAT: the map, danger statements with goals, bottom lines, scaling.

Built for one `CaseAccess`, so it holds only what that reader's audience may see: every part
comes from a selector that starts from `visible_items` (the map's, the scaling page's) or from
`visible_items` itself. The printed page and the PDF show exactly this and nothing else.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from samenopweg.assessments.models import (
    BottomLine,
    DangerStatement,
    SafetyGoal,
    StatementSet,
    StatementStatus,
)
from samenopweg.assessments.selectors.map import CategoryBlock, map_board, map_persons
from samenopweg.assessments.selectors.scaling import Latest, scaling_overview
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.people.models import Person


@dataclass
class OverviewStatement:
    """A current danger statement with its current goals and everyone's latest number."""

    number: int
    statement: DangerStatement
    goals: list[SafetyGoal]
    children: list[str]
    latest: list[Latest] = field(default_factory=list)

    @property
    def latest_on(self) -> datetime.date | None:
        return max((row.held_on for row in self.latest), default=None)


@dataclass
class OverviewColumn:
    """One of the map's three columns with only the categories that have entries."""

    column: str
    label: str
    categories: list[CategoryBlock]


@dataclass
class Overview:
    """What the overview page and the PDF show, for one reader."""

    columns: list[OverviewColumn]
    entry_count: int
    statements: list[OverviewStatement]
    bottom_lines: list[BottomLine]
    status: str
    status_label: str
    printed_on: datetime.date

    @property
    def statements_without_goal(self) -> list[OverviewStatement]:
        return [row for row in self.statements if not row.goals]


def _children_by_statement(access: CaseAccess, ids: list[int]) -> dict[int, list[str]]:
    """First names of the children each statement is about, as far as the reader sees them."""
    if not ids:
        return {}
    through = DangerStatement.children.through
    rows = (
        through.objects.filter(
            dangerstatement_id__in=ids,
            person__in=visible_items(access, Person.objects.all()).values("pk"),
        )
        .order_by("person__date_of_birth", "person_id")
        .values_list("dangerstatement_id", "person__first_name")
    )
    names: dict[int, list[str]] = {}
    for statement_id, first_name in rows:
        names.setdefault(statement_id, []).append(first_name)
    return names


def overview_for(access: CaseAccess) -> Overview:
    """Everything the overview shows, through the item rule; a fixed number of queries.

    Ten at most, whatever the number of entries, statements or rounds: the persons, their
    relations and the map (three, `selectors.map`); statements, goals, scores and the scoring
    persons' relations (four, `selectors.scaling`); the children the statements are about; the
    bottom lines; the statement set's status.
    """
    labels = {person.pk: label for person, label in map_persons(access)}
    board = map_board(access, labels)
    # The scaling page's read: current statements with their current goals (through the item
    # rule) and everyone's latest number, family first. Its charts are not used here.
    scaled = scaling_overview(access)
    children = _children_by_statement(access, [item.statement.pk for item in scaled])
    statements = [
        OverviewStatement(
            number=n,
            statement=item.statement,
            goals=list(getattr(item.statement, "current_goals", [])),
            children=children.get(item.statement.pk, []),
            latest=item.family + item.professionals,
        )
        for n, item in enumerate(scaled, start=1)
    ]
    bottom_lines = list(
        visible_items(access, BottomLine.objects.filter(withdrawn_at__isnull=True)).order_by(
            "position", "id"
        )
    )
    status = (
        StatementSet.objects.filter(trajectory=access.trajectory)
        .values_list("status", flat=True)
        .first()
    ) or StatementStatus.DRAFT
    columns = [
        OverviewColumn(
            column=col.column,
            label=col.label,
            categories=[cat for cat in col.categories if cat.lines],
        )
        for col in board.columns
    ]
    return Overview(
        columns=columns,
        entry_count=board.count,
        statements=statements,
        bottom_lines=bottom_lines,
        status=status,
        status_label=str(StatementStatus(status).label),
        printed_on=timezone.localdate(),
    )

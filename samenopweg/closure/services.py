"""Writes of the closure: the checklist (one per trajectory, through the kernel), and closing
with it. Closing is refused while a point is open, unless the consultant writes why; the stage
change itself (its audit row, the end of the workers' access) is cases.services.change_stage,
with the open points and the reason for closing anyway in its reason."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from samenopweg.cases import items
from samenopweg.cases.models import Stage, StageChange, Trajectory
from samenopweg.cases.services import change_stage
from samenopweg.closure.models import ClosureChecklist
from samenopweg.closure.selectors import checklist_of, open_points
from samenopweg.core.validators import check_length

# The reason and why it closes anyway share the stage change's reason (PARAGRAPH_MAX).
CLOSE_TEXT_MAX = 800


def save_checklist(
    *,
    trajectory: Trajectory,
    expected_version: int | None,
    actor: Any,
    request: HttpRequest | None = None,
    **fields: Any,
) -> ClosureChecklist:
    """The checklist as the consultant ticks it; the first save makes it."""
    for name in ("closure_reason_text", "child_told_note"):
        fields[name] = (fields.get(name) or "").strip()
    return items.set_one_per_trajectory(
        model=ClosureChecklist,
        trajectory=trajectory,
        fields=fields,
        expected_version=expected_version,
        actor=actor,
        request=request,
    )


@transaction.atomic
def close_trajectory(
    *,
    trajectory: Trajectory,
    reason: str,
    expected_version: int,
    actor: Any,
    close_anyway: str = "",
    request: HttpRequest | None = None,
) -> StageChange:
    """Close the trajectory after its checklist. With open points, only with `close_anyway`
    (why it closes all the same), which is kept with the stage change."""
    items.refuse_closed(trajectory)
    still_open = open_points(checklist_of(trajectory))
    close_anyway = check_length((close_anyway or "").strip(), CLOSE_TEXT_MAX, "close_anyway")
    reason = check_length((reason or "").strip(), CLOSE_TEXT_MAX, "reason")
    if still_open and not close_anyway:
        raise ValidationError(
            {
                "close_anyway": _(
                    "Nog niet alles van de afsluitlijst is gedaan. Schrijf waarom je toch afsluit."
                )
            }
        )
    if still_open and reason:
        reason = "\n\n".join(
            [
                reason,
                _("Open punten: %(points)s.") % {"points": "; ".join(still_open)},
                _("Waarom toch: %(why)s") % {"why": close_anyway},
            ]
        )
    return change_stage(
        trajectory=trajectory,
        to_stage=Stage.AFGESLOTEN,
        reason=reason,
        expected_version=expected_version,
        actor=actor,
        request=request,
    )

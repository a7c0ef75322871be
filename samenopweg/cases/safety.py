"""Reading the answers to "is het kind nu veilig?"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from samenopweg.cases.models import SafetyAnswer, SafetyCheck, Trajectory, Urgency


@dataclass(frozen=True)
class UnsafeChild:
    check: SafetyCheck
    due: datetime.datetime | None  # the next step's deadline; None for "gewoon verloop"

    @property
    def late(self) -> bool:
        return self.due is not None and self.due < timezone.now()


def next_step_due(check: Any) -> datetime.datetime | None:
    """ "Today" means before the end of this (Brussels) day; "regular" has no deadline."""
    if check.urgency == Urgency.TODAY:
        local = timezone.localtime(check.checked_at)
        return local.replace(hour=23, minute=59, second=59, microsecond=0)
    if check.urgency == Urgency.WITHIN_72_HOURS:
        return check.checked_at + datetime.timedelta(hours=72)
    return None


def unsafe_now(trajectory: Trajectory) -> list[UnsafeChild]:
    """The children whose latest answer is *nee*, oldest name first; one query."""
    latest: dict[int, SafetyCheck] = {}
    checks = (
        SafetyCheck.objects.filter(trajectory=trajectory)
        .select_related("child", "checked_by")
        .order_by("child_id", "-checked_at", "-id")
    )
    for check in checks:
        latest.setdefault(check.child_id, check)
    unsafe = [c for c in latest.values() if c.answer == SafetyAnswer.NO]
    unsafe.sort(key=lambda c: (c.child.first_name, c.child_id))
    return [UnsafeChild(check=c, due=next_step_due(c)) for c in unsafe]

"""The closure in the demo: the consultant works through the closure checklist, then closes
through closure.services (so the stage change says nothing was left open). A family without a
ClosureSpec closes through the stage form's rules directly, as before this app.

All through the services (audit rows, the kernel's checks). Once per trajectory: a closed
trajectory is only read.
"""

from __future__ import annotations

import datetime

from samenopweg.closure import services
from samenopweg.closure.models import ClosureChecklist
from samenopweg.demo.builders import Family, change_stages


def close(family: Family, stages: tuple[tuple[str, str], ...]) -> None:
    """The closing stage(s) of the family's spec, after the checklist when it has one."""
    spec = family.spec.closure
    if spec is None or not stages:
        change_stages(family, stages)
        return
    trajectory = family.trajectory
    checklist = ClosureChecklist.objects.filter(trajectory=trajectory).first()
    services.save_checklist(
        trajectory=trajectory,
        expected_version=checklist.version if checklist else None,
        actor=family.owner,
        goals_met=True,
        closure_reason="",
        closure_reason_text="",
        network_confirmed=True,
        next_network_meeting_on=family.today + datetime.timedelta(days=spec.next_meeting_in_days),
        lasting_adults_confirmed=True,
        last_feedback_done=True,
        child_told=True,
        child_told_note=spec.child_told_note,
        contact_cards_given=True,
    )
    (_, reason), *rest = stages
    trajectory.refresh_from_db()
    services.close_trajectory(
        trajectory=trajectory,
        reason=reason,
        expected_version=trajectory.version,
        actor=family.owner,
    )
    trajectory.refresh_from_db()
    change_stages(family, tuple(rest))

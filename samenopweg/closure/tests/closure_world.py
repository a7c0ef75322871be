"""The closure for the test world: a checklist with every point done, and the URL kwargs and
posts the cross-app suites use. Idempotent."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from samenopweg.cases.models import Trajectory
from samenopweg.cases.tests.helpers import mother_of, reference_kwargs, world_of
from samenopweg.closure.models import ClosureChecklist

DONE = {
    "goals_met": True,
    "closure_reason": "",
    "closure_reason_text": "",
    "network_confirmed": True,
    "lasting_adults_confirmed": True,
    "last_feedback_done": True,
    "child_told": True,
    "child_told_note": "Noor las haar verhaal met de consulent.",
    "contact_cards_given": True,
}


def next_meeting() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(weeks=4)


def ensure_checklist(world: Any, **fields: Any) -> ClosureChecklist:
    world = world_of(world)
    found = ClosureChecklist.objects.filter(trajectory=world.trajectory).first()
    if found is None:
        found = ClosureChecklist.objects.create(
            trajectory=world.trajectory,
            next_network_meeting_on=next_meeting(),
            created_by=world.owner,
            **{**DONE, **fields},
        )
    return found


def card_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "person_id": mother_of(world_of(world).trajectory).pk}


def checklist_data(world: Any) -> dict[str, Any]:
    current = ClosureChecklist.objects.filter(trajectory=world_of(world).trajectory).first()
    data: dict[str, Any] = {
        name: ("on" if value is True else value)
        for name, value in DONE.items()
        if value is not False
    }
    return {
        **data,
        "next_network_meeting_on": next_meeting().isoformat(),
        "version": current.version if current else "",
    }


def close_data(world: Any) -> dict[str, Any]:
    return {
        "reason": "De doelen worden zes maanden getoond; het netwerk houdt het plan vol.",
        "close_anyway": "De laatste feedbackronde volgt na de afsluiting.",
        "version": Trajectory.objects.get(pk=world_of(world).trajectory.pk).version,
    }


CONSULTANT_FORMS = [
    ("checklist", reference_kwargs, checklist_data),
    ("close", reference_kwargs, close_data),
]

"""Map entries for the test world, and the URL kwargs and posts the cross-app suites use.

Idempotent: the permission matrix builds its URLs many times on the same world.
"""

from __future__ import annotations

from typing import Any

from samenopweg.assessments.models import MapCategory, MapEntry, ProfessionalView
from samenopweg.cases.tests.helpers import first_or_create, reference_kwargs, world_of
from samenopweg.core.models import Audience

MARK = "MATRIX-KAART"


def ensure_entry(world: Any, text: str = MARK) -> MapEntry:
    return first_or_create(
        MapEntry.objects.filter(trajectory=world.trajectory, text=text),
        trajectory=world.trajectory,
        category=MapCategory.HARM,
        text=text,
        view_of_role=ProfessionalView.CONSULENT,
        audience=Audience.PARENTS,
        created_by=world.owner,
    )


def entry_kwargs(case: Any) -> dict[str, Any]:
    return {**reference_kwargs(case), "entry_id": ensure_entry(world_of(case)).pk}


def add_data(case: Any) -> dict[str, Any]:
    return {
        "category": MapCategory.STRENGTH,
        "text": "Mama brengt Noor elke dag naar school.",
        "view": f"p:{case.mother.pk}",
        "audience": int(Audience.PARENTS),
    }


def session_data(case: Any) -> dict[str, Any]:
    return {
        "held_on": "2026-01-15",
        "participants": [case.mother.pk],
        "professionals": [case.world.owner.pk],
        "other_participants": "juf Ann",
    }


def edit_data(case: Any) -> dict[str, Any]:
    entry = ensure_entry(case.world)
    return {
        "text": entry.text + " (aangevuld)",
        "view": "r:consulent",
        "audience": entry.audience,
        "version": entry.version,
    }


def move_data(case: Any) -> dict[str, Any]:
    entry = ensure_entry(case.world)
    return {"category": MapCategory.NEXT_STEP, "version": entry.version}


def merge_data(case: Any) -> dict[str, Any]:
    first, second = ensure_entry(case.world), ensure_entry(case.world, MARK + " 2")
    return {
        "entries": [first.pk, second.pk],
        "versions": f"{first.pk}:{first.version},{second.pk}:{second.version}",
        "text": "Samengevoegd.",
        "category": MapCategory.HARM,
        "view": "r:consulent",
        "audience": int(Audience.PROFESSIONALS),
    }


def withdraw_data(case: Any) -> dict[str, Any]:
    return {"reason": "Dubbel genoteerd"}

"""Optimistic locking: write only if nobody else changed the row since it was read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import F
from django.utils import timezone


class EditConflict(Exception):
    """Somebody saved the same record after this edit began; `current` is what they saved."""

    def __init__(self, current: Any) -> None:
        super().__init__("edit conflict")
        self.current = current


def save_versioned(instance: Any, *, expected_version: int, fields: Iterable[str]) -> None:
    """Save `fields` of `instance` if its row still has `expected_version`, and bump the version."""
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if updated != 1:
        raise EditConflict(model._default_manager.get(pk=instance.pk))
    instance.version = expected_version + 1

"""The active jargon list, cached: the checker runs on every pause in typing.

The list lives in Django's cache for CACHE_SECONDS and is dropped whenever a JargonTerm is
saved or deleted. With the default per-process LocMemCache, other worker processes pick up an
admin's change when their copy expires; with a shared cache (Redis, database) at once.
Bulk `QuerySet.update()` sends no signals; the expiry covers that too.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from samenopweg.plainlanguage.checker import Term

CACHE_KEY = "plainlanguage:terms:v1"
CACHE_SECONDS = 300


def active_terms() -> tuple[Term, ...]:
    """The active terms, from the cache or else from the database (one query)."""
    cached = cache.get(CACHE_KEY)
    if cached is not None:
        return tuple(Term(*row) for row in cached)
    from samenopweg.plainlanguage.models import JargonTerm

    rows = list(
        JargonTerm.objects.filter(is_active=True)
        .order_by("term")
        .values_list("term", "alternative", "explanation")
    )
    cache.set(CACHE_KEY, rows, CACHE_SECONDS)
    return tuple(Term(*row) for row in rows)


def invalidate(**_kwargs: Any) -> None:
    cache.delete(CACHE_KEY)


def connect_signals() -> None:
    from samenopweg.plainlanguage.models import JargonTerm

    post_save.connect(invalidate, sender=JargonTerm, dispatch_uid="plainlanguage-terms-save")
    post_delete.connect(invalidate, sender=JargonTerm, dispatch_uid="plainlanguage-terms-delete")

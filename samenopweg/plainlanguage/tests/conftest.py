from collections.abc import Iterator

import pytest
from django.core.cache import cache

from samenopweg.plainlanguage.terms import CACHE_KEY


@pytest.fixture(autouse=True)
def _fresh_term_cache() -> Iterator[None]:
    """Rolled-back terms must not linger in the cache for the next test."""
    cache.delete(CACHE_KEY)
    yield
    cache.delete(CACHE_KEY)

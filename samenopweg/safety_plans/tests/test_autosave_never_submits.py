"""An autosave post (htmx, every few seconds while typing) is never taken for the button.

A page that keeps drafts stores one; a page that keeps none (a withdrawal's or a lifted ban's
reason, a new support) answers 204 and writes nothing, and its form does not autosave at all.
Before, the reason typed on such a page withdrew the rule or lifted the ban three seconds later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.people.tests.network_world import NETWORK_FORMS
from samenopweg.safety_plans.tests.plan_world import PLAN_FORMS, STORY_FORMS

FORMS = [("people", *form) for form in NETWORK_FORMS] + [
    ("safety_plans", *form) for form in PLAN_FORMS + STORY_FORMS
]
Data = Callable[[Any], dict[str, Any]]


@pytest.mark.parametrize(("app", "name", "kwargs", "data"), FORMS, ids=[f[1] for f in FORMS])
def test_an_autosave_post_writes_nothing(
    world: World, app: str, name: str, kwargs: Data, data: Data
) -> None:
    client = logged_in_client(world.owner)
    url = reverse(f"{app}:{name}", kwargs=kwargs(world))
    page = client.get(url)
    assert page.status_code == 200
    posted = {**data(world), "_autosave": "1"}
    # What a post wrote to the file: anything but reads and the draft itself.
    writes = AuditEvent.objects.exclude(action=AuditAction.VIEW).exclude(object_type="cases.draft")
    before = writes.count()
    response = client.post(url, posted, HTTP_HX_REQUEST="true")
    assert response.status_code in (200, 204)
    assert writes.count() == before
    offers_autosave = "_autosave" in page.content.decode()
    # Only a page that keeps the draft offers autosave; the others answer "nothing kept".
    assert (response.status_code == 200) == offers_autosave, response.status_code

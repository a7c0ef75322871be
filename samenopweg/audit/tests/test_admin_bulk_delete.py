"""The admin's bulk "delete selected" leaves one audit row per deleted object (issue 11)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Team, User
from samenopweg.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _bulk_delete(client: Client, world: Any, model: type[Any], pks: list[int]) -> None:
    client.force_login(world.admin)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = client.post(
        url, {"action": "delete_selected", "_selected_action": pks, "post": "yes"}
    )
    assert response.status_code == 302, response.content[:2000]
    assert not model.objects.filter(pk__in=pks).exists()


def _deletion_rows(world: Any, model: type[Any]) -> list[tuple[str, str]]:
    rows = AuditEvent.objects.filter(
        action=AuditAction.WITHDRAW, actor=world.admin, object_type=model._meta.label_lower
    )
    assert all(row.detail.get("admin") and row.detail.get("bulk") for row in rows)
    return sorted((row.object_id, row.detail["deleted"]) for row in rows)


def test_it_audits_each_user_deleted_in_bulk(client: Client, world: Any) -> None:
    users = [User.objects.create_user(username=f"weg{n}", password="x" * 12) for n in range(2)]
    _bulk_delete(client, world, User, [u.pk for u in users])
    assert _deletion_rows(world, User) == sorted((str(u.pk), str(u)) for u in users)


def test_it_audits_each_membership_deleted_in_bulk(client: Client, world: Any) -> None:
    memberships = list(Membership.objects.filter(user=world.worker))
    assert memberships
    _bulk_delete(client, world, Membership, [m.pk for m in memberships])
    assert _deletion_rows(world, Membership) == sorted((str(m.pk), str(m)) for m in memberships)


def test_it_audits_each_organisation_and_team_deleted_in_bulk(client: Client, world: Any) -> None:
    organisations = [
        Organisation.objects.create(name=f"Weg {n}", kind=OrganisationKind.PRIVATE)
        for n in range(2)
    ]
    teams = [Team.objects.create(organisation=organisations[0], name=f"T{n}") for n in range(2)]
    _bulk_delete(client, world, Team, [t.pk for t in teams])
    assert _deletion_rows(world, Team) == sorted((str(t.pk), str(t)) for t in teams)
    _bulk_delete(client, world, Organisation, [o.pk for o in organisations])
    assert _deletion_rows(world, Organisation) == sorted((str(o.pk), str(o)) for o in organisations)


def test_a_failed_bulk_delete_leaves_no_audit_row(
    client: Client, world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows and the deletion commit together: when the delete fails, no row claims it."""
    users = [User.objects.create_user(username=f"blijft{n}", password="x" * 12) for n in range(2)]

    def fail(*args: Any, **kwargs: Any) -> None:
        raise DatabaseError("the database went away")

    client.force_login(world.admin)
    monkeypatch.setattr("django.contrib.admin.ModelAdmin.delete_queryset", fail)
    client.raise_request_exception = False
    url = reverse("admin:accounts_user_changelist")
    client.post(
        url,
        {"action": "delete_selected", "_selected_action": [u.pk for u in users], "post": "yes"},
    )
    assert User.objects.filter(pk__in=[u.pk for u in users]).count() == 2
    assert not AuditEvent.objects.filter(
        action=AuditAction.WITHDRAW, object_id__in=[str(u.pk) for u in users]
    ).exists()

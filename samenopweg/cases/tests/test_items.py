"""The case-file kernel: every item's writes share one closed-file refusal, version check, history
row, audit row and withdrawal; every edit page shares one cycle."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases import items
from samenopweg.cases.access import CaseAccess, visible_kept_items
from samenopweg.cases.models import Draft
from samenopweg.cases.tests.helpers import close_trajectory
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.journal import services as journal
from samenopweg.journal.models import ContactKind, JournalEntry, JournalRevision, Task

pytestmark = pytest.mark.django_db


def _entry(world: World, **extra: object) -> JournalEntry:
    return journal.add_journal_entry(
        trajectory=world.trajectory,
        occurred_on=datetime.date(2026, 11, 2),
        kind=ContactKind.PHONE,
        text="Mama belde over de school.",
        audience=Audience.PARENTS,
        actor=world.owner,
        **extra,  # type: ignore[arg-type]
    )


def _correct(
    entry: JournalEntry, expected_version: int, text: str, *, actor: object, reason: str = ""
) -> JournalEntry:
    """Correct only the text of `entry` (read at `expected_version`); the rest stays as it is."""
    return journal.correct_journal_entry(
        entry=entry,
        expected_version=expected_version,
        occurred_on=entry.occurred_on,
        kind=entry.kind,
        text=text,
        audience=entry.audience,
        participants=[],
        other_participants="",
        reason=reason,
        actor=actor,
    )


def _events(obj: object, action: str) -> int:
    return AuditEvent.objects.filter(
        action=action,
        object_type=obj._meta.label_lower,  # type: ignore[attr-defined]
        object_id=str(obj.pk),  # type: ignore[attr-defined]
    ).count()


def test_create_keeps_who_made_it_and_leaves_one_audit_row(world: World) -> None:
    entry = _entry(world)

    assert entry.created_by == world.owner and entry.version == 1
    assert _events(entry, AuditAction.CREATE) == 1


def test_update_checks_the_version_keeps_history_and_names_the_change(world: World) -> None:
    entry = _entry(world)
    _correct(entry, 1, "Mama belde over de nieuwe school.", actor=world.worker, reason="Typfout")

    revision = JournalRevision.objects.get(entry=entry)
    assert revision.text == "Mama belde over de school." and revision.version == 1
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(entry.pk))
    assert event.detail["changed"] == ["text"]
    assert event.detail["before"]["text"] == "Mama belde over de school."
    assert event.detail["version"] == 2

    stale = JournalEntry.objects.get(pk=entry.pk)
    with pytest.raises(EditConflict) as conflict:
        _correct(stale, 1, "Iets anders", actor=world.owner)
    assert conflict.value.current.text == "Mama belde over de nieuwe school."
    assert JournalRevision.objects.filter(entry=entry).count() == 1


def test_a_closed_trajectory_refuses_create_update_and_withdraw(world: World) -> None:
    entry = _entry(world)
    task = journal.add_task(
        trajectory=world.trajectory,
        title="Bellen",
        description="",
        assignee=None,
        deadline=None,
        audience=Audience.PROFESSIONALS,
        actor=world.owner,
    )
    close_trajectory(world)
    entry.trajectory, task.trajectory = world.trajectory, world.trajectory

    with pytest.raises(ValidationError, match="afgesloten"):
        _entry(world)
    with pytest.raises(ValidationError, match="afgesloten"):
        journal.update_task(task=task, expected_version=1, title="Later", actor=world.owner)
    with pytest.raises(ValidationError, match="afgesloten"):
        journal.withdraw_journal_entry(entry=entry, reason="Fout traject", actor=world.owner)
    assert Task.objects.get(pk=task.pk).title == "Bellen"


def test_withdraw_says_why_hides_from_family_and_bumps_the_version(world: World) -> None:
    entry = _entry(world)
    with pytest.raises(ValidationError):
        journal.withdraw_journal_entry(entry=entry, reason="  ", actor=world.owner)

    assert items.withdraw(item=entry, reason="Fout traject", actor=world.owner) is True
    assert items.withdraw(item=entry, reason="Nog eens", actor=world.owner) is False

    entry.refresh_from_db()
    assert entry.is_withdrawn and entry.withdrawn_by == world.owner and entry.version == 2
    assert entry.withdrawn_reason == "Fout traject"
    assert _events(entry, AuditAction.WITHDRAW) == 1
    with pytest.raises(ValidationError, match="ingetrokken"):
        _correct(entry, 2, "x", actor=world.owner)


def test_a_withdrawal_with_a_stale_version_is_a_conflict(world: World) -> None:
    entry = _entry(world)
    JournalEntry.objects.filter(pk=entry.pk).update(version=5)

    with pytest.raises(EditConflict):
        items.withdraw(item=entry, reason="Fout", actor=world.owner, expected_version=1)
    assert JournalEntry.objects.get(pk=entry.pk).withdrawn_at is None


def test_kept_versions_follow_the_item_rule(world: World) -> None:
    kept = [
        {"id": 1, "audience": Audience.PROFESSIONALS},
        {"id": 2, "audience": Audience.PARENTS},
        {"id": 3, "audience": Audience.NETWORK},
        {"id": 4, "audience": Audience.CHILD, "withdrawn": True},
    ]
    as_worker = CaseAccess(trajectory=world.trajectory, role="hulpverlener")
    as_parent = CaseAccess(trajectory=world.trajectory, role="ouder")
    as_network = CaseAccess(trajectory=world.trajectory, role="netwerk")

    assert [k["id"] for k in visible_kept_items(as_worker, kept)] == [1, 2, 3, 4]
    assert [k["id"] for k in visible_kept_items(as_parent, kept)] == [2, 3]
    assert [k["id"] for k in visible_kept_items(as_network, kept)] == [3]


# --- the edit cycle, through one page that uses it ---------------------------------------------


def _edit_url(world: World, entry: JournalEntry) -> str:
    return reverse("journal:edit", args=[world.trajectory.reference, entry.pk])


def _post(entry: JournalEntry, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "occurred_on": "02/11/2026",
        "kind": entry.kind,
        "text": entry.text,
        "audience": entry.audience,
        "other_participants": "",
        "reason": "Aangevuld na het gesprek",
        "version": entry.version,
    }
    data.update(overrides)
    return data


def test_the_cycle_saves_drops_the_draft_and_redirects(client, world: World) -> None:
    entry = _entry(world)
    client.force_login(world.owner)
    url = _edit_url(world, entry)
    client.post(url, {**_post(entry, text="Concept"), "_autosave": "1"}, HTTP_HX_REQUEST="true")
    assert Draft.objects.filter(key=url).exists()

    response = client.post(url, _post(entry, text="Mama belde over het zwemmen."))

    assert response.status_code == 302
    assert JournalEntry.objects.get(pk=entry.pk).text == "Mama belde over het zwemmen."
    assert not Draft.objects.filter(key=url).exists()


def test_the_cycle_restores_the_draft_on_the_next_visit(client, world: World) -> None:
    entry = _entry(world)
    client.force_login(world.owner)
    url = _edit_url(world, entry)
    client.post(url, {**_post(entry, text="HALF-GETYPT"), "_autosave": "1"}, HTTP_HX_REQUEST="true")

    response = client.get(url)

    assert response.status_code == 200
    assert "HALF-GETYPT" in response.content.decode()


def test_the_cycle_shows_the_conflict_and_keeps_what_was_typed(client, world: World) -> None:
    entry = _entry(world)
    JournalEntry.objects.filter(pk=entry.pk).update(version=2, text="DOOR-IEMAND-ANDERS")
    client.force_login(world.owner)

    response = client.post(_edit_url(world, entry), _post(entry, text="MIJN-TEKST", version=1))

    page = response.content.decode()
    assert response.status_code == 409
    assert "DOOR-IEMAND-ANDERS" in page and "MIJN-TEKST" in page
    assert JournalEntry.objects.get(pk=entry.pk).text == "DOOR-IEMAND-ANDERS"


def test_the_cycle_shows_a_refusal_next_to_the_form_with_the_text_kept(
    client, world: World
) -> None:
    entry = _entry(world)
    journal.withdraw_journal_entry(entry=entry, reason="Fout traject", actor=world.owner)
    client.force_login(world.owner)

    response = client.post(_edit_url(world, entry), _post(entry, text="NIEUWE-TEKST", version=2))

    page = response.content.decode()
    assert response.status_code == 200
    assert "ingetrokken" in page and "NIEUWE-TEKST" in page


def test_the_cycle_refuses_a_post_on_a_closed_trajectory(client, world: World) -> None:
    entry = _entry(world)
    close_trajectory(world)
    client.force_login(world.owner)

    response = client.post(_edit_url(world, entry), _post(entry, text="Te laat"))

    assert response.status_code == 403
    assert JournalEntry.objects.get(pk=entry.pk).text == "Mama belde over de school."

import datetime

import pytest

from samenopweg.cases.services import reschedule_safety_checks


def change_team_in_admin(client, world, interval_days):
    client.force_login(world.admin)
    return client.post(
        f"/admin/accounts/team/{world.team.pk}/change/",
        {
            "organisation": world.ocj.pk,
            "name": world.team.name,
            "safety_check_interval_days": interval_days,
            "is_active": "on",
        },
    )


def assert_due_after(world, days):
    world.trajectory.refresh_from_db()
    assert (
        world.trajectory.safety_check_due_at
        == world.trajectory.safety_checked_at + datetime.timedelta(days=days)
    )


@pytest.mark.django_db
def test_changing_the_team_interval_moves_the_due_dates(world):
    world.team.safety_check_interval_days = 7
    world.team.save()
    assert reschedule_safety_checks(team=world.team) == 1
    assert_due_after(world, 7)


@pytest.mark.django_db
def test_the_admin_reschedules_when_the_interval_changes(client, world):
    response = change_team_in_admin(client, world, 3)
    assert response.status_code == 302
    assert_due_after(world, 3)


@pytest.mark.django_db
def test_admin_changes_are_audited(client, world):
    from samenopweg.audit.models import AuditEvent

    change_team_in_admin(client, world, 5)
    event = AuditEvent.objects.get(object_type="accounts.team", object_id=str(world.team.pk))
    assert event.actor == world.admin
    assert event.detail["changed"] == ["safety_check_interval_days"]

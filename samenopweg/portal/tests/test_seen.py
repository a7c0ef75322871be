"""Professionals see what the family saw (issue 14, point 5): the first time a parent opened a
shared item, on the item and as one journal line per visit that showed something new."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import World, grant_network_and_young_person
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry
from samenopweg.portal.models import FirstSeen
from samenopweg.portal.tests.portal_world import ensure_shared_goal

pytestmark = pytest.mark.django_db


def _open(world: World, user: object) -> str:
    url = reverse("portal:trajectory", args=[world.trajectory.reference])
    response = logged_in_client(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_first_visit_marks_what_was_shown_and_writes_one_journal_line(world: World) -> None:
    goal = ensure_shared_goal(world)

    _open(world, world.parent)

    seen = set(FirstSeen.objects.filter(user=world.parent).values_list("object_type", "object_id"))
    assert ("assessments.safetygoal", goal.pk) in seen
    assert ("assessments.dangerstatement", goal.danger_statement_id) in seen
    (line,) = JournalEntry.objects.filter(trajectory=world.trajectory, kind=ContactKind.PORTAL)
    assert line.audience == Audience.PROFESSIONALS
    assert line.created_by == world.parent
    assert line.text.endswith("las voor het eerst: 1 zorg, 1 doel.")
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="journal.journalentry", actor=world.parent
    ).exists()

    # A second visit adds nothing; the line is for the professionals, not on her own page.
    page = _open(world, world.parent)
    assert JournalEntry.objects.filter(kind=ContactKind.PORTAL).count() == 1
    assert FirstSeen.objects.filter(user=world.parent).count() == len(seen)
    assert "las voor het eerst" not in page


def test_the_consultant_sees_on_the_goal_who_read_it_and_when(world: World) -> None:
    ensure_shared_goal(world)
    statements = reverse("assessments:statements", args=[world.trajectory.reference])
    before = logged_in_client(world.owner).get(statements).content.decode()
    assert "Gelezen door" not in before

    _open(world, world.parent)

    page = logged_in_client(world.owner).get(statements).content.decode()
    assert "Gelezen door" in page and "voor het eerst op" in page


def test_what_was_not_shown_is_not_marked(world: World) -> None:
    ensure_shared_goal(world)
    grant_network_and_young_person(world)
    _open(world, world.network_member)  # the goal is shared with parents only
    assert not FirstSeen.objects.filter(
        user=world.network_member, object_type="assessments.safetygoal"
    ).exists()
    assert not JournalEntry.objects.filter(kind=ContactKind.PORTAL).exists()


def test_professionals_mark_nothing(world: World) -> None:
    ensure_shared_goal(world)
    logged_in_client(world.owner).get(
        reverse("portal:trajectory", args=[world.trajectory.reference])
    )
    assert not FirstSeen.objects.exists()


def test_a_closed_file_still_opens_and_takes_no_journal_line(world: World) -> None:
    from samenopweg.cases.models import Stage, Trajectory

    ensure_shared_goal(world)
    Trajectory.objects.filter(pk=world.trajectory.pk).update(stage=Stage.AFGESLOTEN)
    world.trajectory.refresh_from_db()
    _open(world, world.parent)
    assert FirstSeen.objects.filter(user=world.parent).exists()
    assert not JournalEntry.objects.filter(kind=ContactKind.PORTAL).exists()

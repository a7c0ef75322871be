"""seed_synthetic: a small run builds a complete, consistent synthetic data set."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q
from django.utils import timezone

from samenopweg.accounts.models import Membership, Role, User
from samenopweg.audit.models import AuditEvent
from samenopweg.cases.access import visible_trajectories
from samenopweg.cases.models import CaseGrant, CaseRole, SafetyCheck, Stage, Trajectory
from samenopweg.demo.synthetic.seed import plan_layout
from samenopweg.journal.models import JournalEntry, Task
from samenopweg.people.models import Person, Relation

N = 30


@pytest.fixture
def seeded() -> str:
    out = StringIO()
    call_command("seed_synthetic", trajectories=N, seed=7, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_counts_and_references(seeded: str) -> None:
    assert f"Seeded {N} synthetic trajectories" in seeded
    references = list(Trajectory.objects.values_list("reference", flat=True))
    assert len(references) == N
    assert len(set(references)) == N
    assert all("-SYN-" in reference for reference in references)
    assert Person.objects.filter(is_child=True).count() >= N
    assert Relation.objects.exists()
    assert JournalEntry.objects.count() >= N
    assert Task.objects.count() >= N
    assert SafetyCheck.objects.count() >= N
    assert set(Trajectory.objects.values_list("stage", flat=True)) <= set(Stage.values)
    assert not AuditEvent.objects.exists()
    # The explicit ids left the id sequences usable for ordinary inserts (PostgreSQL).
    highest = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    person = Person.objects.create(trajectory=Trajectory.objects.all()[0], first_name="Nieuw")
    assert highest is not None and person.pk > highest


@pytest.mark.django_db
def test_bench_users_and_what_they_see(seeded: str) -> None:
    layout = plan_layout(N)
    consultant = User.objects.get(username="bench_consulent")
    lead = User.objects.get(username="bench_teamleider")
    worker = User.objects.get(username="bench_hulpverlener")
    for user in (consultant, lead, worker):
        assert user.check_password("bench")
    assert Membership.objects.filter(
        user=lead, role=Role.TEAMVERANTWOORDELIJKE, team__isnull=False
    ).exists()
    assert Membership.objects.filter(user=consultant, role=Role.CONSULENT).exists()
    assert Membership.objects.filter(user=worker, role=Role.HULPVERLENER).exists()

    mine = visible_trajectories(consultant)
    assert mine.count() == layout.bench_caseload == 10
    assert not mine.filter(stage=Stage.AFGESLOTEN).exists()
    assert visible_trajectories(lead).count() == layout.bench_team_size == N


@pytest.mark.django_db
def test_every_trajectory_is_complete(seeded: str) -> None:
    now = timezone.now()
    trajectories = Trajectory.objects.annotate(
        children=Count("persons", filter=Q(persons__is_child=True), distinct=True),
        consultants=Count(
            "grants",
            filter=Q(grants__role=CaseRole.CONSULENT, grants__valid_from__lte=now)
            & (Q(grants__valid_until__isnull=True) | Q(grants__valid_until__gt=now)),
            distinct=True,
        ),
    )
    for trajectory in trajectories:
        assert trajectory.children >= 1, trajectory.reference
        assert trajectory.consultants >= 1, trajectory.reference
        assert trajectory.safety_status
        assert trajectory.safety_checked_at is not None
        assert trajectory.safety_check_due_at is not None
        interval = trajectory.team.safety_check_interval_days
        assert (trajectory.safety_check_due_at - trajectory.safety_checked_at).days == interval
        assert trajectory.next_step_urgency
        assert (trajectory.stage == Stage.AFGESLOTEN) == (trajectory.closed_at is not None)
    assert CaseGrant.objects.current().filter(role=CaseRole.CONSULENT).count() >= N


@pytest.mark.django_db
def test_refuses_a_second_run(seeded: str) -> None:
    with pytest.raises(CommandError, match="already holds synthetic data"):
        call_command("seed_synthetic", trajectories=5, stdout=StringIO())
    assert Trajectory.objects.count() == N


@pytest.mark.django_db
def test_the_bench_consultant_has_full_size_maps_that_the_pages_render(seeded: str) -> None:
    """The figures of the WHAT are measured on a map of 50 entries and 5 pairs x 10 rounds."""
    from django.test import Client
    from django.urls import reverse

    from samenopweg.assessments.models import (
        DangerStatement,
        MapEntry,
        ScalingRound,
        SharedVersion,
        StatementSet,
        StatementStatus,
    )

    consultant = User.objects.get(username="bench_consulent")
    full = visible_trajectories(consultant).exclude(stage=Stage.AANMELDING)
    assert full.exists()
    for trajectory in full:
        assert MapEntry.objects.filter(trajectory=trajectory).count() == 50
        statements = DangerStatement.objects.filter(trajectory=trajectory)
        assert statements.count() == 5
        assert all(s.goals.count() == 1 for s in statements)
        assert ScalingRound.objects.filter(trajectory=trajectory).count() == 10
    # Shared sets carry the version the application itself froze.
    for statement_set in StatementSet.objects.filter(status=StatementStatus.SHARED):
        shared = SharedVersion.objects.get(statement_set=statement_set)
        assert shared.snapshot["trajectory"] == statement_set.trajectory.reference
    client = Client()
    client.force_login(consultant)
    reference = full[0].reference
    for name in ("map", "statements", "scaling", "overview"):
        url = reverse(f"assessments:{name}", args=[reference])
        assert client.get(url).status_code == 200, url

"""The feedback culture on the dashboard (issue 13, 8 and 9): a low or falling score raises
"bespreek de samenwerking" in the "Vandaag" block of the consultant and the worker, after
unsafe children and broken agreements; the caseload table shows open signals, late rounds and
missing expectations, as it shows late check-ins."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, register
from samenopweg.cases.models import Stage, Trajectory
from samenopweg.cases.tests.helpers import logged_in_client, mother_of
from samenopweg.core.models import Audience
from samenopweg.dashboard.selectors import DashboardFilters, caseload_for_user
from samenopweg.dashboard.today import FEEDBACK, PLAN_RULE, UNSAFE, today_for_user
from samenopweg.feedback import services as feedback
from samenopweg.feedback.models import FeedbackSignal, How, Party, VersionKind
from samenopweg.safety_plans.models import CheckOutcome, PlanStatus
from tests.factories import PlanRuleFactory, SafetyPlanFactory

pytestmark = pytest.mark.django_db


def _parent_round(trajectory: Trajectory, actor: Any, overall: int, days_ago: int = 1) -> Any:
    return feedback.record_round(
        trajectory=trajectory,
        version_kind=VersionKind.PARENT,
        held_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        how=How.ENTERED_DURING_VISIT,
        score_1=8,
        score_2=8,
        score_3=8,
        score_4=overall,
        open_answer="Bel eens vaker.",
        respondent=mother_of(trajectory),
        actor=actor,
    )


def _rows(client: Any) -> dict[str, str]:
    """The caseload table's rows by reference: the row's HTML."""
    page = client.get(reverse("dashboard:dashboard")).content.decode()
    rows = {}
    for chunk in page.split('<tr class="attention-')[1:]:
        reference = chunk.split('data-reference="', 1)[1].split('"', 1)[0]
        rows[reference] = chunk.split("</tr>", 1)[0]
    return rows


def test_a_low_parent_score_raises_the_line_for_the_consultant_and_the_worker(
    world: World,
) -> None:
    _parent_round(world.trajectory, world.worker, overall=4)

    for user in (world.owner, world.worker):
        (line,) = [line for line in today_for_user(user).lines if line.kind == FEEDBACK]
        assert line.what == "Bespreek de samenwerking"
        assert line.reference == world.trajectory.reference
        assert line.detail.startswith("Ouders") or ":" in line.detail
        assert "score van 5 of minder" in line.detail
        assert line.url == (
            reverse("feedback:overview", args=[world.trajectory.reference]) + "#signals-title"
        )
        assert line.when.startswith("gemeld op ")
    # Someone else's families do not see it.
    assert not [
        line for line in today_for_user(world.other_consultant).lines if line.kind == FEEDBACK
    ]


def test_the_line_comes_after_unsafe_children_and_broken_agreements(world: World) -> None:
    unsafe = register(world.team, world.owner, child="Emma", answer="no")
    broken = register(world.team, world.owner, child="Mila")
    plan = SafetyPlanFactory(trajectory=broken, created_by=world.owner, status=PlanStatus.ACTIVE)
    PlanRuleFactory(
        plan=plan,
        created_by=world.owner,
        last_outcome=CheckOutcome.DID_NOT,
        last_checked_on=timezone.localdate(),
    )
    _parent_round(world.trajectory, world.owner, overall=3)

    kinds = [line.kind for line in today_for_user(world.owner).lines]
    assert kinds.index(UNSAFE) < kinds.index(PLAN_RULE) < kinds.index(FEEDBACK)
    assert unsafe.pk != broken.pk


def test_two_open_signals_are_one_line_that_counts_them(world: World) -> None:
    _parent_round(world.trajectory, world.owner, overall=8, days_ago=30)
    _parent_round(world.trajectory, world.owner, overall=5, days_ago=10)  # low and a drop
    _parent_round(world.trajectory, world.owner, overall=3, days_ago=2)
    (line,) = [line for line in today_for_user(world.owner).lines if line.kind == FEEDBACK]
    assert line.what == "Bespreek de samenwerking (2 signalen)"


def test_closing_the_loop_takes_the_line_away(world: World) -> None:
    _parent_round(world.trajectory, world.owner, overall=4)
    signal = FeedbackSignal.objects.get(trajectory=world.trajectory)
    feedback.close_signal(
        signal=signal,
        expected_version=signal.version,
        you_said="Jullie zeiden dat we te weinig bellen.",
        we_did="We bellen nu elke vrijdag.",
        audience=Audience.PARENTS,
        actor=world.owner,
    )
    assert not [line for line in today_for_user(world.owner).lines if line.kind == FEEDBACK]


def test_an_open_signal_ranks_the_family_above_a_quiet_one(world: World) -> None:
    quiet = register(world.team, world.owner, child="Rustig")

    def ranks() -> dict[int, int]:
        caseload = caseload_for_user(user=world.owner, filters=DashboardFilters())
        return dict(caseload.values_list("pk", "attention"))  # type: ignore[misc]  # an annotation

    before = ranks()
    assert before[world.trajectory.pk] == before[quiet.pk]
    _parent_round(world.trajectory, world.owner, overall=4)
    after = ranks()
    assert after[world.trajectory.pk] < after[quiet.pk]


def test_the_caseload_shows_signals_late_rounds_and_missing_expectations(world: World) -> None:
    late = register(world.team, world.owner, child="Laat")
    ten_weeks_ago = timezone.localdate() - datetime.timedelta(weeks=10)
    Trajectory.objects.filter(pk=late.pk).update(registered_on=ten_weeks_ago, stage=Stage.PLAN)
    on_time = register(world.team, world.owner, child="Optijd")
    Trajectory.objects.filter(pk=on_time.pk).update(stage=Stage.PLAN)
    feedback.add_expectation(
        trajectory=on_time,
        party=Party.PARENTS,
        expects="Dat jullie eerlijk zeggen wat jullie zien.",
        actor=world.owner,
    )
    _parent_round(world.trajectory, world.owner, overall=4)

    rows = _rows(logged_in_client(world.owner))

    signal_row = rows[world.trajectory.reference]
    assert "bespreek de samenwerking" in signal_row
    late_row = rows[late.reference]
    due = ten_weeks_ago + datetime.timedelta(weeks=6)
    assert f"feedback te laat, sinds {due:%d/%m}" in late_row
    assert "nog geen verwachtingen" in late_row  # past mapping, none written
    quiet_row = rows[on_time.reference]
    for badge in ("bespreek de samenwerking", "feedback te laat", "nog geen verwachtingen"):
        assert badge not in quiet_row
    assert "feedback te laat" not in signal_row  # a round yesterday: the next is weeks away


def test_the_dashboard_page_shows_the_line_with_its_link(world: World) -> None:
    _parent_round(world.trajectory, world.worker, overall=4)
    page = logged_in_client(world.worker).get(reverse("dashboard:dashboard")).content.decode()
    block = page[page.index('<section class="today"') : page.index("</section>")]
    assert "Bespreek de samenwerking" in block
    assert reverse("feedback:overview", args=[world.trajectory.reference]) in block

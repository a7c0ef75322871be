"""The "Vandaag" block: what cannot wait across a consultant's or worker's families (issue 12, 2)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, register
from samenopweg.audit.models import AuditEvent
from samenopweg.cases.models import Stage, Trajectory
from samenopweg.cases.naming import ChildName, age_on, family_label
from samenopweg.cases.tests.helpers import logged_in_client, mother_of
from samenopweg.dashboard.today import NEXT_STEP, PLAN_RULE, TASK, UNCLEAR, UNSAFE, today_for_user
from samenopweg.journal.models import Task, TaskStatus
from samenopweg.people.models import Person
from samenopweg.safety_plans.models import CheckOutcome, PlanStatus
from tests.factories import PlanRuleFactory, SafetyPlanFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
# The age of a child of conftest.register (born 12/03/2017) on the day the tests run.
AGE = age_on(datetime.date(2017, 3, 12), timezone.localdate())


def _broken_rule(trajectory: Trajectory, owner: Any, what: str = "Oma haalt Noor op.") -> Any:
    plan = SafetyPlanFactory(trajectory=trajectory, created_by=owner, status=PlanStatus.ACTIVE)
    return PlanRuleFactory(
        plan=plan,
        created_by=owner,
        what=what,
        last_outcome=CheckOutcome.DID_NOT,
        last_checked_on=timezone.localdate() - datetime.timedelta(days=1),
    )


def _task(trajectory: Trajectory, owner: Any, title: str, days: int, **extra: Any) -> Task:
    return Task.objects.create(
        trajectory=trajectory,
        title=title,
        created_by=owner,
        deadline=timezone.localdate() + datetime.timedelta(days=days),
        **extra,
    )


def _noah(trajectory: Trajectory, owner: Any) -> Person:
    """A younger brother in the same file."""
    return Person.objects.create(
        trajectory=trajectory,
        first_name="Noah",
        last_name="Peeters",
        is_child=True,
        date_of_birth=datetime.date(2020, 5, 1),
        created_by=owner,
    )


def _low_parent_round(trajectory: Trajectory, actor: Any) -> None:
    """A parent's round with a low overall score: "bespreek de samenwerking"."""
    from samenopweg.feedback.models import How, VersionKind
    from samenopweg.feedback.services import record_round

    record_round(
        trajectory=trajectory,
        version_kind=VersionKind.PARENT,
        held_on=timezone.localdate(),
        how=How.ENTERED_DURING_VISIT,
        score_1=7,
        score_2=7,
        score_3=7,
        score_4=3,
        respondent=mother_of(trajectory),
        actor=actor,
    )


def _caseload(world: World) -> dict[str, Trajectory]:
    """The consultant's families, each needing something else; and what must not show."""
    made = {
        "unsafe": register(world.team, world.owner, child="Emma", answer="no"),
        "unclear": register(world.team, world.owner, child="Lucas", answer="unclear"),
        "rule": register(world.team, world.owner, child="Mila"),
        "closed": register(world.team, world.owner, child="Gesloten", answer="no"),
    }
    _broken_rule(made["rule"], world.owner)
    Trajectory.objects.filter(pk=made["closed"].pk).update(stage=Stage.AFGESLOTEN)
    _task(world.trajectory, world.owner, "Verslag voor de jeugdrechter", 3, assignee=world.owner)
    _task(world.trajectory, world.owner, "Te laat: school bellen", -2)
    _task(world.trajectory, world.owner, "Volgende maand", 20, assignee=world.owner)
    _task(world.trajectory, world.owner, "Van de hulpverlener", 1, assignee=world.worker)
    _task(
        world.trajectory,
        world.owner,
        "Al gedaan",
        1,
        assignee=world.owner,
        status=TaskStatus.DONE,
    )
    # Not hers: another consultant's unsafe child.
    register(world.other_trajectory.team, world.other_consultant, answer="no")
    return made


def test_the_block_lists_what_cannot_wait_most_urgent_first(world: World) -> None:
    made = _caseload(world)

    today = today_for_user(world.owner)

    kinds = [line.kind for line in today.lines]
    assert kinds == [UNSAFE, UNCLEAR, PLAN_RULE, TASK, TASK]
    unsafe, unclear, rule, late_task, task = today.lines
    assert unsafe.what == "Emma: nu niet veilig"
    assert unsafe.family == f"Emma ({AGE}) Peeters"
    assert unsafe.reference == made["unsafe"].reference
    assert unsafe.detail == "Huisbezoek plannen."
    assert unsafe.url == reverse("case_people:safety", args=[made["unsafe"].reference])
    assert unclear.what == "Lucas: onduidelijk of het nu veilig is"
    assert rule.what == "1 afspraak niet gelukt" and rule.detail == "Oma haalt Noor op."
    assert rule.url.endswith(f"#afspraak-{rule.url.rsplit('-', 1)[1]}")
    assert rule.url.startswith(reverse("safety_plans:plan", args=[made["rule"].reference]))
    # Late tasks first; unassigned tasks count, someone else's and later ones do not.
    assert (late_task.detail, late_task.late) == ("Te laat: school bellen", True)
    assert late_task.when.startswith("te laat: was tegen")
    assert task.detail == "Verslag voor de jeugdrechter" and not task.late
    task_id = Task.objects.get(title="Verslag voor de jeugdrechter").pk
    assert task.url == reverse("journal:task_edit", args=[world.trajectory.reference, task_id])
    assert today.more == 0
    assert made["closed"].pk not in today.trajectory_ids


def test_siblings_who_are_not_safe_are_one_line(world: World) -> None:
    trajectory = register(world.team, world.owner, child="Emma", answer="no")
    child = Person.objects.get(trajectory=trajectory, is_child=True)
    _noah(trajectory, world.owner)
    from samenopweg.cases.services import record_safety_checks

    noah = Person.objects.get(trajectory=trajectory, first_name="Noah")
    record_safety_checks(
        trajectory=trajectory,
        answers=[(noah, "no", "Blauwe plekken.", "Vandaag naar oma.", "today")],
        actor=world.owner,
        request=None,
    )

    (line,) = [line for line in today_for_user(world.owner).lines if line.kind == UNSAFE]
    assert line.what == "Emma en Noah: nu niet veilig"
    assert line.family.startswith(f"{child.first_name} (")
    assert line.family.endswith(" Peeters") and "Noah (" in line.family


def test_a_team_lead_sees_only_the_families_they_are_on(world: World) -> None:
    _caseload(world)
    assert today_for_user(world.team_lead).lines == []


def test_the_block_costs_the_same_queries_for_one_or_many_families(
    world: World, django_assert_num_queries: Any
) -> None:
    _caseload(world)
    # The user's roles and led teams (cached on the user within one request), the safety
    # answers, the failed agreements, the open feedback signals, the reviews past due, the
    # tasks, the children's names.
    owner = type(world.owner).objects.get(pk=world.owner.pk)  # nothing cached on it
    with django_assert_num_queries(8) as first:
        today_for_user(owner)
    for i in range(6):
        made = register(
            world.team, world.owner, child=f"Kind{i}", answer="no" if i % 2 else "unclear"
        )
        _task(world.trajectory, world.owner, f"Taak {i}", i, assignee=world.owner)
        _low_parent_round(made, world.owner)
    owner = type(world.owner).objects.get(pk=world.owner.pk)
    with django_assert_num_queries(len(first.captured_queries)):
        assert len(today_for_user(owner).lines) == 5 + 6 + 6 + 6


def test_the_block_keeps_to_its_limit_and_says_how_many_more(world: World) -> None:
    for i in range(30):
        _task(world.trajectory, world.owner, f"Taak {i}", 2, assignee=world.owner)
    for i in range(3):
        register(world.team, world.owner, child=f"Kind{i}", answer="no")
    today = today_for_user(world.owner)
    assert len(today.lines) == 25
    assert [line.kind for line in today.lines[:3]] == [UNSAFE] * 3
    assert today.more == 30 + 3 - 25  # the tasks left out are counted too


def test_the_dashboard_shows_the_block_and_audits_its_families(world: World) -> None:
    made = _caseload(world)
    client = logged_in_client(world.owner)
    page = client.get(reverse("dashboard:dashboard")).content.decode()
    block = page[page.index('<section class="today"') : page.index("</section>")]
    assert "Vandaag" in block
    assert block.index("Emma: nu niet veilig") < block.index("1 afspraak niet gelukt")
    assert reverse("case_people:safety", args=[made["unsafe"].reference]) in block
    assert made["unsafe"].reference in block  # the reference is a second line
    # The closed family and the other consultant's child are not named.
    assert "Gesloten" not in block and "Mila (" in block  # Mila: the rule's family, hers
    read = set(
        AuditEvent.objects.filter(
            object_type="page:dashboard", trajectory__isnull=False
        ).values_list("trajectory_id", flat=True)
    )
    assert {made["unsafe"].pk, made["unclear"].pk, made["rule"].pk} <= read

    # A filter request (htmx) replaces the table only: no block in it.
    partial = client.get(reverse("dashboard:dashboard"), {"q": "Emma"}, HTTP_HX_REQUEST="true")
    assert 'class="today"' not in partial.content.decode()


def test_an_empty_day_says_so(world: World) -> None:
    Task.objects.all().delete()
    page = logged_in_client(world.worker).get(reverse("dashboard:dashboard")).content.decode()
    assert "Niets dringends" in page


@pytest.mark.parametrize(
    ("children", "label"),
    [
        ([("Emma", "Peeters", datetime.date(2017, 3, 12))], "Emma (9) Peeters"),
        (
            [
                ("Emma", "Peeters", datetime.date(2017, 3, 12)),
                ("Lucas", "Peeters", datetime.date(2020, 12, 2)),
                ("Mila", "Peeters", None),
            ],
            "Emma (9), Lucas (6) en Mila Peeters",
        ),
        (
            [
                ("Emma", "Peeters", datetime.date(2017, 3, 12)),
                ("Noah", "Janssens", datetime.date(2023, 1, 5)),
            ],
            "Emma Peeters (9) en Noah Janssens (3)",
        ),
        ([], ""),
    ],
)
def test_a_family_is_named_by_its_children(
    children: list[tuple[str, str, datetime.date | None]], label: str
) -> None:
    assert family_label([ChildName(*c) for c in children], TODAY) == label


def test_trajectory_pages_lead_with_the_family(world: World) -> None:
    page = (
        logged_in_client(world.owner)
        .get(reverse("journal:list", args=[world.trajectory.reference]))
        .content.decode()
    )
    child = Person.objects.get(trajectory=world.trajectory, is_child=True)
    heading = page[page.index("<h1>") : page.index("</h1>")]
    assert heading.startswith(f"<h1>{child.first_name} (")
    assert f'<span class="reference">{world.trajectory.reference}</span>' in heading


def test_the_team_leads_alerts_name_the_family(world: World) -> None:
    unsafe = register(world.team, world.owner, child="Emma", answer="no")
    page = logged_in_client(world.team_lead).get(reverse("dashboard:dashboard")).content.decode()
    alerts = page[page.index('<section class="alerts"') : page.index("</section>")]
    assert f"<strong>Emma ({AGE}) Peeters</strong>" in alerts
    assert unsafe.reference in alerts


def test_a_late_step_of_one_sibling_is_not_hidden_by_a_newer_one(world: World) -> None:
    """Two children, both "binnen 72 uur": the step asked four days ago is late, whatever the
    order of the children (cases.services.refresh_safety_summary keeps the first deadline)."""
    from samenopweg.cases.models import SafetyCheck
    from samenopweg.cases.services import record_safety_checks, refresh_safety_summary

    trajectory = register(world.team, world.owner, child="Emma")
    noah = _noah(trajectory, world.owner)
    emma = Person.objects.get(trajectory=trajectory, first_name="Emma")
    record_safety_checks(
        trajectory=trajectory,
        answers=[
            (emma, "yes", "Gesprek.", "Emma op school spreken.", "72h"),
            (noah, "yes", "Gesprek.", "Noah bij oma spreken.", "72h"),
        ],
        actor=world.owner,
        request=None,
    )
    four_days_ago = timezone.now() - datetime.timedelta(days=4)
    SafetyCheck.objects.filter(child=noah).update(checked_at=four_days_ago)
    refresh_safety_summary(trajectory)

    trajectory.refresh_from_db()
    assert trajectory.next_step_due_at is not None
    assert trajectory.next_step_due_at < timezone.now()
    (line,) = [line for line in today_for_user(world.owner).lines if line.kind == NEXT_STEP]
    assert line.what.startswith("Noah:") and line.late
    assert line.detail == "Noah bij oma spreken."


def test_failed_agreements_are_one_line_per_family_newest_first(world: World) -> None:
    trajectory = register(world.team, world.owner, child="Mila")
    old = _broken_rule(trajectory, world.owner, what="Oude afspraak.")
    new = _broken_rule(trajectory, world.owner, what="Nieuwe afspraak.")
    type(old).objects.filter(pk=old.pk).update(
        last_checked_on=timezone.localdate() - datetime.timedelta(days=5)
    )
    withdrawn = _broken_rule(trajectory, world.owner, what="Ingetrokken afspraak.")
    type(withdrawn).objects.filter(pk=withdrawn.pk).update(withdrawn_at=timezone.now())

    (line,) = [line for line in today_for_user(world.owner).lines if line.kind == PLAN_RULE]
    assert line.what == "2 afspraken niet gelukt"
    assert line.detail == "Nieuwe afspraak."
    assert line.url.endswith(f"#afspraak-{new.pk}")


def test_a_team_lead_on_a_family_sees_it(world: World) -> None:
    _caseload(world)  # the team's families, not hers: not in her block
    mine = register(world.team, world.team_lead, child="Emma", answer="no")  # she carries it
    lines = today_for_user(world.team_lead).lines
    assert [line.reference for line in lines] == [mine.reference]

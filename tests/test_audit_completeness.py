"""Every read and every write of case data leaves its audit row, and the trail is append-only."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenopweg.assessments.tests import map_world as kaart
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.audit.services import record
from samenopweg.cases.models import CaseGrant, CaseRole, Stage, Trajectory, Urgency
from samenopweg.child_voice.tests import voice_world as stem
from samenopweg.closure.tests import closure_world as afsluiten
from samenopweg.core.models import Audience
from samenopweg.feedback.tests import feedback_world as fb
from samenopweg.journal.models import ContactKind, TaskStatus
from samenopweg.people.models import Person
from samenopweg.people.tests import network_world as netwerk
from samenopweg.portal.tests import portal_world as portaal
from samenopweg.reports.tests import report_world as verslag
from samenopweg.reviews.tests import review_world as ev
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.test_permission_matrix import MATRIX, Case, _invite_data, make_case


@pytest.fixture
def case(world: Any) -> Case:
    return make_case(world)


READ_PAGES = sorted(
    name for name, row in MATRIX.items() if row.trajectory_bound and row.get["owner"] == 200
)
# Downloads: their read row is an EXPORT, and they answer GET only (a POST gets 405, no row).
EXPORTS = {
    "assessments:overview_pdf",
    "cases:upload_file",
    "closure:contact_card",
    "closure:contact_cards",
    "reports:family_summary_pdf",
    "reports:pdf",
    "safety_plans:network_handout",
    "safety_plans:story_booklet",
}


def test_the_read_pages_are_the_ones_expected() -> None:
    """Guards the parametrisation below: a page that stops answering 200 drops out silently."""
    assert READ_PAGES == [
        "assessments:bottom_line_create",
        "assessments:bottom_line_edit",
        "assessments:bottom_line_withdraw",
        "assessments:goal_create",
        "assessments:goal_edit",
        "assessments:goal_withdraw",
        "assessments:map",
        "assessments:map_entry_edit",
        "assessments:map_entry_withdraw",
        "assessments:map_merge",
        "assessments:map_session_add",
        "assessments:overview",
        "assessments:overview_pdf",
        "assessments:scaling",
        "assessments:scaling_new",
        "assessments:statement_comment",
        "assessments:statement_create",
        "assessments:statement_edit",
        "assessments:statement_history",
        "assessments:statement_shared",
        "assessments:statement_withdraw",
        "assessments:statements",
        "case_people:safety",
        "case_people:team",
        "cases:audit",
        "cases:edit",
        "cases:upload_file",
        "child_voice:drawing_new",
        "child_voice:drawing_share",
        "child_voice:drawing_withdraw",
        "child_voice:overview",
        "child_voice:session",
        "child_voice:session_edit",
        "child_voice:session_new",
        "child_voice:session_withdraw",
        "child_voice:spokesperson_new",
        "child_voice:spokesperson_withdraw",
        "child_voice:words_edit",
        "child_voice:words_link",
        "child_voice:words_new",
        "child_voice:words_share",
        "child_voice:words_withdraw",
        "closure:checklist",
        "closure:close",
        "closure:contact_card",
        "closure:contact_cards",
        "dashboard:detail",
        "feedback:cadence",
        "feedback:expectation_edit",
        "feedback:expectation_new",
        "feedback:expectation_withdraw",
        "feedback:overview",
        "feedback:round_new",
        "feedback:round_withdraw",
        "feedback:signal_close",
        "journal:edit",
        "journal:history",
        "journal:list",
        "journal:task_edit",
        "journal:tasks",
        "journal:withdraw",
        "people:add",
        "people:child_support_add",
        "people:child_support_end",
        "people:contact_ban_add",
        "people:contact_ban_lift",
        "people:diagrams",
        "people:edit",
        "people:list",
        "people:network",
        "people:network_meeting_add",
        "people:network_member_add",
        "people:network_member_edit",
        "portal:invite",
        "reports:detail",
        "reports:family_summary",
        "reports:family_summary_pdf",
        "reports:finish",
        "reports:overview",
        "reports:pdf",
        "reports:report_edit",
        "reports:report_new",
        "reports:share",
        "reviews:cadence",
        "reviews:detail",
        "reviews:overview",
        "reviews:review_edit",
        "reviews:review_new",
        "reviews:review_withdraw",
        "safety_plans:check_in",
        "safety_plans:network_handout",
        "safety_plans:page_add",
        "safety_plans:page_edit",
        "safety_plans:plan",
        "safety_plans:plan_comment",
        "safety_plans:plan_create",
        "safety_plans:plan_edit",
        "safety_plans:plan_version",
        "safety_plans:rule_create",
        "safety_plans:rule_edit",
        "safety_plans:rule_withdraw",
        "safety_plans:stories",
        "safety_plans:story",
        "safety_plans:story_booklet",
        "safety_plans:story_create",
        "safety_plans:story_edit",
        "safety_plans:story_version",
    ]


@pytest.mark.parametrize("name", READ_PAGES)
def test_it_records_every_read_of_a_trajectory_page(client: Client, case: Case, name: str) -> None:
    world = case.world
    url = reverse(name, kwargs=MATRIX[name].kwargs(case))
    trail = AuditEvent.objects.filter(trajectory=world.trajectory)
    before = trail.count()
    client.force_login(world.owner)
    assert client.get(url).status_code == 200
    assert trail.count() > before
    read = trail.filter(path=url).get()
    action = AuditAction.EXPORT if name in EXPORTS else AuditAction.VIEW
    assert (read.action, read.actor) == (action, world.owner)


def _trajectory_of(record: Any) -> int:
    """The trajectory a record belongs to; a kept version through what it is a version of."""
    if isinstance(record, Trajectory):
        return record.pk
    for parent in ("plan", "story", "statement_set"):
        if hasattr(record, f"{parent}_id"):
            return _trajectory_of(getattr(record, parent))
    return int(record.trajectory_id)


@pytest.mark.parametrize("name", READ_PAGES)
def test_the_read_row_names_the_record_the_page_shows(
    client: Client, case: Case, name: str
) -> None:
    """A model's label comes with that record's own id, never the trajectory's; a page of many
    records names itself (`page:<view>`) and has no id."""
    world = case.world
    kwargs = MATRIX[name].kwargs(case)
    url = reverse(name, kwargs=kwargs)
    client.force_login(world.owner)
    assert client.get(url).status_code == 200
    read = AuditEvent.objects.filter(path=url).get()
    ids = [value for key, value in kwargs.items() if key.endswith("_id")]
    if read.object_type.startswith("page:"):
        assert read.object_id == ""
        assert not ids and "number" not in kwargs, "a page of one record names that record"
        return
    shown = apps.get_model(read.object_type)._default_manager.get(pk=read.object_id)
    assert _trajectory_of(shown) == world.trajectory.pk
    if "number" in kwargs:  # a kept version, by its own id
        assert (read.object_type.endswith("version"), shown.number) == (True, kwargs["number"])
    elif ids:  # the record the address names (a comment's target, a rule's plan)
        assert int(read.object_id) in ids
    else:  # the trajectory itself: its overview and its edit page
        assert (read.object_type, name) in {
            ("cases.trajectory", "dashboard:detail"),
            ("cases.trajectory", "cases:edit"),
        }


@pytest.mark.parametrize(
    ("name", "persona"),
    [
        ("dashboard:dashboard", "owner"),
        ("portal:home", "parent"),
        ("portal:home", "network_member"),
        ("portal:home", "young_person"),
        ("audit:log", "auditor"),
    ],
)
def test_it_records_reads_of_pages_across_trajectories(
    client: Client, case: Case, name: str, persona: str
) -> None:
    user = case.world.personas()[persona]
    assert user is not None
    client.force_login(user)
    url = reverse(name)
    assert client.get(url).status_code == 200
    reads = AuditEvent.objects.filter(path=url)
    # The list page itself (trajectory empty), and the dashboard one row per file it shows.
    assert reads.filter(trajectory__isnull=True).count() == 1
    assert {(r.action, r.actor) for r in reads} == {(AuditAction.VIEW, user)}
    if name == "dashboard:dashboard":
        assert reads.filter(trajectory=case.world.trajectory).exists() == (persona != "auditor")


@pytest.mark.parametrize("persona", ["parent", "network_member", "young_person"])
def test_it_records_the_familys_read_of_their_own_page(
    client: Client, case: Case, persona: str
) -> None:
    user = case.world.personas()[persona]
    assert user is not None
    client.force_login(user)
    url = reverse("portal:trajectory", args=[case.world.trajectory.reference])
    assert client.get(url).status_code == 200
    read = AuditEvent.objects.filter(path=url).get()
    assert (read.action, read.actor, read.trajectory) == (
        AuditAction.VIEW,
        user,
        case.world.trajectory,
    )


# --- writes ---------------------------------------------------------------------------------

TODAY = datetime.date(2026, 1, 15)


def _registration(case: Case) -> dict[str, Any]:
    return {
        "team": case.world.team.pk,
        "owner": case.world.owner.pk,
        "framework": "verontrusting",
        "youth_judge_reference": "",
        "registered_on": timezone.localdate().isoformat(),
        "reason": "De school maakt zich zorgen.",
        "goal": "Sam kan veilig thuis wonen.",
        "child-TOTAL_FORMS": "1",
        "child-INITIAL_FORMS": "0",
        "child-0-first_name": "Sam",
        "child-0-last_name": "Janssens",
        "child-0-date_of_birth": "2018-05-01",
        "child-0-gender": "m",
        "child-0-safety_answer": "yes",
        "child-0-safety_basis": "Gesprek met de leerkracht.",
        "child-0-next_step": "Huisbezoek.",
        "child-0-urgency": "regular",
        "adult-TOTAL_FORMS": "1",
        "adult-INITIAL_FORMS": "0",
        "adult-0-first_name": "Els",
        "adult-0-last_name": "Janssens",
        "adult-0-relation_kind": "mother",
    }


def _edit(case: Case) -> dict[str, Any]:
    t = case.world.trajectory
    return {
        "framework": t.framework,
        "youth_judge_reference": t.youth_judge_reference,
        "reason": t.reason + " Aangevuld.",
        "goal": t.goal,
        "version": t.version,
    }


def _safety(case: Case) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for child in Person.objects.filter(trajectory=case.world.trajectory, is_child=True):
        prefix = f"child-{child.pk}"
        data |= {
            f"{prefix}-safety_answer": "unclear",
            f"{prefix}-safety_basis": "Niemand deed open.",
            f"{prefix}-next_step": "Opnieuw langsgaan.",
            f"{prefix}-urgency": Urgency.WITHIN_72_HOURS,
        }
    return data


def _stage(case: Case) -> dict[str, Any]:
    return {"to_stage": Stage.IN_KAART, "reason": "", "version": case.world.trajectory.version}


def _grant(case: Case) -> dict[str, Any]:
    # worker2 is a hulpverlener, not yet on this case.
    return {
        "form": "professional",
        "prof-who": case.world.worker_elsewhere.username,
        "prof-role": CaseRole.HULPVERLENER,
        "prof-reason": "Thuisbegeleiding",
    }


def _nothing(case: Case) -> dict[str, Any]:
    return {}


def _journal_add(case: Case) -> dict[str, Any]:
    return {
        "occurred_on": TODAY.isoformat(),
        "kind": ContactKind.PHONE,
        "text": "Mama belde terug.",
        "audience": int(Audience.PROFESSIONALS),
    }


def _journal_correct(case: Case) -> dict[str, Any]:
    entry = case.world.shared_entry
    return {
        "occurred_on": entry.occurred_on.isoformat(),
        "kind": entry.kind,
        "text": entry.text + " (tweewekelijks)",
        "audience": entry.audience,
        "version": entry.version,
        "reason": "Tikfout",
    }


def _withdraw(case: Case) -> dict[str, Any]:
    return {"reason": "Verkeerd traject"}


def _task_add(case: Case) -> dict[str, Any]:
    return {
        "title": "Netwerkmoment plannen",
        "assignee": case.world.worker.pk,
        "deadline": TODAY.isoformat(),
        "audience": int(Audience.PROFESSIONALS),
    }


def _task_edit(case: Case) -> dict[str, Any]:
    task = case.world.task
    return {
        "title": task.title + " (met tolk)",
        "description": "",
        "assignee": task.assignee_id,
        "deadline": "",
        "audience": task.audience,
        "status": TaskStatus.OPEN,
        "version": task.version,
    }


def _task_done(case: Case) -> dict[str, Any]:
    return {"version": case.world.task.version}


def _person_add(case: Case) -> dict[str, Any]:
    child = Person.objects.get(trajectory=case.world.trajectory, is_child=True)
    return {
        "first_name": "Jef",
        "last_name": "Peeters",
        "audience": int(Audience.PARENTS),
        f"rel_{child.pk}_kind": "grandparent",
    }


def _person_edit(case: Case) -> dict[str, Any]:
    mother = case.mother
    return {
        "first_name": mother.first_name,
        "last_name": mother.last_name,
        "phone": "0470 12 34 56",
        "audience": mother.audience,
        "version": mother.version,
    }


def _scaling_round(case: Case) -> dict[str, Any]:
    """A round needs a danger statement: the world has none, so one is written here."""
    prefix = f"s{wat.ensure_statement(case.world).pk}"
    return {
        "held_on": TODAY.isoformat(),
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-0-who": f"person:{case.mother.pk}",
        f"{prefix}-0-score": "6",
        f"{prefix}-0-audience": int(Audience.PARENTS),
    }


@dataclass(frozen=True)
class Write:
    name: str
    persona: str
    data: Callable[[Case], dict[str, Any]]
    action: str
    object_type: str


CREATE, UPDATE, WITHDRAW = AuditAction.CREATE, AuditAction.UPDATE, AuditAction.WITHDRAW


def _writes(app: str, rows: list[tuple[str, str, Callable[[Case], Any], str, str]]) -> list[Write]:
    """The writes of one app: (URL name, persona, post, action, model) with the app's name in
    front of the URL name and of the object type."""
    return [
        Write(f"{app}:{name}", persona, data, action, f"{app}.{model}")
        for name, persona, data, action, model in rows
    ]


WRITES = [
    Write("case_people:register", "owner", _registration, AuditAction.CREATE, "cases.trajectory"),
    Write("cases:edit", "owner", _edit, AuditAction.UPDATE, "cases.trajectory"),
    Write("case_people:safety", "owner", _safety, AuditAction.CREATE, "cases.safetycheck"),
    Write("cases:stage", "owner", _stage, AuditAction.STAGE, "cases.trajectory"),
    Write("case_people:team", "owner", _grant, AuditAction.GRANT, "cases.casegrant"),
    Write("cases:grant_end", "owner", _nothing, AuditAction.REVOKE, "cases.casegrant"),
    Write("cases:alert_ack", "team_lead", _nothing, AuditAction.UPDATE, "cases.alert"),
    Write("journal:list", "owner", _journal_add, AuditAction.CREATE, "journal.journalentry"),
    Write("journal:edit", "owner", _journal_correct, AuditAction.UPDATE, "journal.journalentry"),
    Write("journal:withdraw", "owner", _withdraw, AuditAction.WITHDRAW, "journal.journalentry"),
    Write("journal:tasks", "owner", _task_add, AuditAction.CREATE, "journal.task"),
    Write("journal:task_edit", "owner", _task_edit, AuditAction.UPDATE, "journal.task"),
    Write("journal:task_done", "owner", _task_done, AuditAction.UPDATE, "journal.task"),
    Write("people:add", "owner", _person_add, AuditAction.CREATE, "people.person"),
    Write("people:edit", "owner", _person_edit, AuditAction.UPDATE, "people.person"),
    # Inviting the family: the worker invites (a link and a code), the consultant withdraws.
    Write("portal:invite", "worker", _invite_data, AuditAction.CREATE, "portal.invitation"),
    Write("portal:invitation_withdraw", "owner", _nothing, WITHDRAW, "portal.invitation"),
    # The family's pages: a parent's own feedback round, her own view on a shared goal.
    Write(
        "portal:feedback",
        "parent",
        portaal.feedback_data,
        AuditAction.CREATE,
        "feedback.feedbackround",
    ),
    # A parent says how a rule she carries went (portal.plan): a check-in of the plan.
    Write(
        "portal:rule_check_in",
        "parent",
        hoe.check_in_data,
        AuditAction.CREATE,
        "safety_plans.rulecheckin",
    ),
    Write(
        "portal:own_view",
        "parent",
        portaal.own_view_data,
        AuditAction.CREATE,
        "assessments.statementcomment",
    ),
    # A parent's reaction to the parents' version of the report to the youth judge.
    Write("portal:report", "parent", verslag.reaction_data, CREATE, "reports.parentsreaction"),
    # The map is shared work: the worker on the case writes too.
    *_writes(
        "assessments",
        [
            ("map", "worker", kaart.add_data, CREATE, "mapentry"),
            ("map_session_add", "worker", kaart.session_data, CREATE, "mappingsession"),
            ("map_entry_edit", "worker", kaart.edit_data, UPDATE, "mapentry"),
            ("map_entry_move", "worker", kaart.move_data, UPDATE, "mapentry"),
            ("map_merge", "worker", kaart.merge_data, CREATE, "mapentry"),
            ("map_entry_withdraw", "worker", kaart.withdraw_data, WITHDRAW, "mapentry"),
        ],
    ),
    # The WHAT: the consultant (or team lead) writes; a worker comments for mama.
    *_writes(
        "assessments",
        [
            ("statement_create", "owner", wat.statement_create_data, CREATE, "dangerstatement"),
            ("statement_edit", "owner", wat.statement_edit_data, UPDATE, "dangerstatement"),
            ("statement_withdraw", "owner", wat.withdraw_data, WITHDRAW, "dangerstatement"),
            ("goal_create", "owner", wat.goal_create_data, CREATE, "safetygoal"),
            ("goal_edit", "owner", wat.goal_edit_data, UPDATE, "safetygoal"),
            ("goal_withdraw", "owner", wat.withdraw_data, WITHDRAW, "safetygoal"),
            ("bottom_line_create", "owner", wat.bottom_line_create_data, CREATE, "bottomline"),
            ("bottom_line_edit", "owner", wat.bottom_line_edit_data, UPDATE, "bottomline"),
            ("bottom_line_withdraw", "owner", wat.withdraw_data, WITHDRAW, "bottomline"),
            ("statement_comment", "worker", wat.comment_data, CREATE, "statementcomment"),
            ("statement_status", "team_lead", wat.status_data, UPDATE, "statementset"),
            ("scaling_new", "worker", _scaling_round, CREATE, "scalinground"),
        ],
    ),
    # The safety network.
    *_writes(
        "people",
        [
            ("network_member_add", "worker", netwerk.member_add_data, CREATE, "networkmember"),
            ("network_member_edit", "worker", netwerk.member_edit_data, UPDATE, "networkmember"),
            ("child_support_add", "worker", netwerk.support_add_data, CREATE, "childsupport"),
            (
                "child_support_change",
                "worker",
                netwerk.support_confirm_data,
                UPDATE,
                "childsupport",
            ),
            ("contact_ban_add", "worker", netwerk.ban_add_data, CREATE, "contactban"),
            ("contact_ban_lift", "worker", netwerk.ban_lift_data, WITHDRAW, "contactban"),
            ("network_meeting_add", "worker", netwerk.meeting_data, CREATE, "networkmeeting"),
        ],
    ),
    # The HOW: the worker writes the plan, the consultant confirms it.
    *_writes(
        "safety_plans",
        [
            ("plan_create", "worker", hoe.plan_create_data, CREATE, "safetyplan"),
            ("plan_edit", "worker", hoe.plan_edit_data, UPDATE, "safetyplan"),
            ("plan_status", "worker", hoe.status_data, UPDATE, "safetyplan"),
            ("plan_confirm", "owner", hoe.confirm_data, UPDATE, "safetyplan"),
            ("plan_comment", "owner", hoe.comment_data, CREATE, "plancomment"),
            ("rule_create", "worker", hoe.rule_create_data, CREATE, "planrule"),
            ("rule_edit", "worker", hoe.rule_edit_data, UPDATE, "planrule"),
            ("rule_withdraw", "worker", hoe.withdraw_data, WITHDRAW, "planrule"),
            ("check_in", "worker", hoe.check_in_data, CREATE, "rulecheckin"),
        ],
    ),
    # What the children say: the worker records, shares, links and withdraws.
    *_writes(
        "child_voice",
        [
            ("session_new", "worker", stem.session_create_data, CREATE, "voicesession"),
            ("session_edit", "worker", stem.session_edit_data, UPDATE, "voicesession"),
            ("words_new", "worker", stem.words_create_data, CREATE, "childwords"),
            ("words_edit", "worker", stem.words_edit_data, UPDATE, "childwords"),
            ("words_share", "worker", stem.share_data, UPDATE, "childwords"),
            ("words_link", "worker", stem.link_data, CREATE, "wordslink"),
            ("link_remove", "worker", lambda case: {}, WITHDRAW, "wordslink"),
            ("drawing_new", "worker", stem.drawing_data, CREATE, "drawing"),
            ("drawing_share", "worker", stem.drawing_share_data, UPDATE, "drawing"),
            ("drawing_withdraw", "worker", stem.withdraw_data, WITHDRAW, "drawing"),
            ("spokesperson_new", "worker", stem.spokesperson_data, CREATE, "spokesperson"),
            ("spokesperson_withdraw", "owner", stem.withdraw_data, WITHDRAW, "spokesperson"),
            ("words_withdraw", "worker", stem.withdraw_data, WITHDRAW, "childwords"),
            ("session_withdraw", "worker", stem.withdraw_data, WITHDRAW, "voicesession"),
        ],
    ),
    # The feedback culture.
    *_writes(
        "feedback",
        [
            ("round_new", "worker", fb.round_data, CREATE, "feedbackround"),
            ("round_withdraw", "worker", fb.withdraw_data, WITHDRAW, "feedbackround"),
            ("signal_close", "worker", fb.signal_close_data, UPDATE, "feedbacksignal"),
            ("expectation_new", "worker", fb.expectation_create_data, CREATE, "expectation"),
            ("expectation_edit", "worker", fb.expectation_edit_data, UPDATE, "expectation"),
            ("expectation_withdraw", "worker", fb.withdraw_data, WITHDRAW, "expectation"),
            ("cadence", "owner", fb.cadence_data, CREATE, "feedbackcadence"),
        ],
    ),
    # Review meetings.
    *_writes(
        "reviews",
        [
            ("review_new", "worker", ev.review_data, CREATE, "review"),
            ("review_edit", "worker", ev.review_edit_data, UPDATE, "review"),
            ("review_withdraw", "worker", ev.withdraw_data, WITHDRAW, "review"),
            ("cadence", "owner", ev.cadence_data, CREATE, "reviewcadence"),
        ],
    ),
    # The closure: the checklist, and closing with it (a stage change of the trajectory).
    Write(
        "closure:checklist", "owner", afsluiten.checklist_data, CREATE, "closure.closurechecklist"
    ),
    Write("closure:close", "owner", afsluiten.close_data, AuditAction.STAGE, "cases.trajectory"),
    # The report to the youth judge: the consultant writes, shares and finishes it.
    *_writes(
        "reports",
        [
            ("report_new", "owner", verslag.report_data, CREATE, "judgereport"),
            ("report_edit", "owner", verslag.report_edit_data, UPDATE, "judgereport"),
            ("share", "owner", verslag.share_data, CREATE, "parentsversion"),
            ("finish", "owner", verslag.finish_data, UPDATE, "judgereport"),
        ],
    ),
]


def _form_errors(response: Any) -> list[Any]:
    """The errors of every form and formset on a page that did not redirect."""
    errors: list[Any] = [response.status_code]
    context = response.context
    # A ContextList iterates over its contexts, so the keys are asked for explicitly.
    for value in [context[name] for name in context.keys()] if context else []:  # noqa: SIM118
        for item in value if isinstance(value, list) else [value]:
            if hasattr(item, "errors") and item.errors:
                errors.append(item.errors)
            if hasattr(item, "non_form_errors") and item.non_form_errors():
                errors.append(item.non_form_errors())
    return errors


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.name)
def test_it_records_every_write_in_the_same_request(
    client: Client, case: Case, write: Write
) -> None:
    user = case.world.personas()[write.persona]
    assert user is not None
    url = reverse(write.name, kwargs=MATRIX[write.name].kwargs(case))
    client.force_login(user)
    response = client.post(url, write.data(case))
    assert response.status_code == 302, _form_errors(response)
    rows = AuditEvent.objects.filter(
        path=url, action=write.action, actor=user, object_type=write.object_type
    )
    assert rows.exists(), list(AuditEvent.objects.filter(path=url).values("action", "object_type"))
    assert all(row.trajectory_id is not None for row in rows)
    if write.name != "case_people:register":
        expected = (
            case.alert.trajectory if write.name == "cases:alert_ack" else case.world.trajectory
        )
        assert {row.trajectory_id for row in rows} == {expected.pk}


def test_the_grant_write_really_granted(client: Client, case: Case) -> None:
    """The POST above succeeds for the right reason: the grant exists afterwards."""
    client.force_login(case.world.owner)
    client.post(reverse("case_people:team", args=[case.world.trajectory.reference]), _grant(case))
    granted = CaseGrant.objects.current().filter(trajectory=case.world.trajectory)
    assert granted.filter(user=case.world.worker_elsewhere).exists()


# --- append-only ----------------------------------------------------------------------------


@pytest.fixture
def event(world: Any) -> AuditEvent:
    return record(
        actor=world.owner, action=AuditAction.VIEW, object_type="test", trajectory=world.trajectory
    )


def test_it_refuses_to_update_an_audit_row(event: AuditEvent) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(object_type="tampered")
    assert AuditEvent.objects.get(pk=event.pk).object_type == "test"


def test_it_refuses_to_delete_an_audit_row(event: AuditEvent) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_it_refuses_to_save_an_audit_row_again(event: AuditEvent) -> None:
    event.object_type = "tampered"
    with pytest.raises(DatabaseError), transaction.atomic():
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).object_type == "test"


@pytest.mark.parametrize("name", [name for name in READ_PAGES if name not in EXPORTS])
def test_it_records_a_read_through_a_post_that_shows_the_page(
    client: Client, case: Case, name: str
) -> None:
    """An invalid form shown again, or a read-only page posted to, is a read like any other."""
    world = case.world
    url = reverse(name, kwargs=MATRIX[name].kwargs(case))
    client.force_login(world.owner)
    response = client.post(url, {"version": "1"})
    assert response.status_code == 200
    read = AuditEvent.objects.filter(path=url, action=AuditAction.VIEW).get()
    assert (read.actor, read.trajectory) == (world.owner, world.trajectory)

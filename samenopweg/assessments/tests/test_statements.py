"""The WHAT: danger statements, safety goals and bottom lines; who decides, comments, history, sharing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import World
from samenopweg.assessments.models import (
    BottomLine,
    CommentKind,
    DangerStatement,
    SafetyGoal,
    SharedVersion,
    StatementChange,
    StatementComment,
    StatementSet,
    StatementStatus,
)
from samenopweg.assessments.selectors import statements as selectors
from samenopweg.assessments.services import statements as services
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.assessments.views.statements import word_diff
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.models import CaseRole, Trajectory
from samenopweg.cases.tests.helpers import (
    assert_refused_while_closed,
    logged_in_client,
    mark_closed,
    mother_of,
    reference_kwargs,
    trajectory_url,
)
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

pytestmark = pytest.mark.django_db


def _url(world: World, name: str, **kwargs: Any) -> str:
    return trajectory_url(f"assessments:{name}", world, **kwargs)


def _statement(
    world: World, trajectory: Trajectory | None = None, **changes: Any
) -> DangerStatement:
    """The owner writes a statement about Noor (on `trajectory`: a copy read again)."""
    data: dict[str, Any] = {
        "who_is_worried": "De school en de consulent",
        "behaviour": "papa roept en slaat als hij gedronken heeft",
        "impact": "Noor bang is om naar huis te gaan",
        "fear": "Noor gewond raakt",
        "children": [wat.child_of(world.trajectory)],
        "audience": Audience.PARENTS,
        **changes,
    }
    return services.create_danger_statement(
        trajectory=trajectory or world.trajectory, actor=world.owner, **data
    )


def _update_statement(statement: DangerStatement, actor: Any, **changes: Any) -> DangerStatement:
    """The statement saved from its current version with `changes`, the rest as it is."""
    data: dict[str, Any] = {name: getattr(statement, name) for name in services.STATEMENT_FIELDS}
    data["children"] = list(statement.children.all())
    return services.update_danger_statement(
        statement=statement,
        expected_version=statement.version,
        actor=actor,
        **{**data, **changes},
    )


def _goal(statement: DangerStatement, actor: Any, text: str = "Papa belt oma.") -> SafetyGoal:
    return services.create_safety_goal(
        danger_statement=statement,
        parents_and_network_will=text,
        child_will_experience="Noor voelt zich rustig thuis.",
        professionals_will_see="Bij elk huisbezoek is papa nuchter.",
        for_how_long="zes maanden",
        audience=Audience.PARENTS,
        actor=actor,
    )


def _update_goal(goal: SafetyGoal, actor: Any, **changes: Any) -> SafetyGoal:
    """The goal saved from its current version with `changes`, the rest as it is."""
    data = {name: getattr(goal, name) for name in services.GOAL_FIELDS}
    return services.update_safety_goal(
        goal=goal, expected_version=goal.version, actor=actor, **{**data, **changes}
    )


def _comment(
    world: World,
    target: Any,
    kind: str,
    text: str,
    *,
    mother: bool = False,
    audience: int = Audience.PROFESSIONALS,
) -> StatementComment:
    """The worker's comment on a statement, goal or bottom line; `mother`: in mama's view."""
    return services.add_statement_comment(
        target=target,
        kind=kind,
        text=text,
        view_of_person=mother_of(world.trajectory) if mother else None,
        audience=audience,
        actor=world.worker,
    )


def _bottom_line(world: World, trajectory: Trajectory | None = None, *, text: str) -> BottomLine:
    return services.create_bottom_line(
        trajectory=trajectory or world.trajectory,
        text=text,
        reason="Omdat",
        audience=1,
        actor=world.owner,
    )


def _foreign_statement(world: World) -> DangerStatement:
    """A statement of the other trajectory."""
    return DangerStatement.objects.create(
        trajectory=world.other_trajectory,
        who_is_worried="ANDER",
        behaviour="x",
        impact="y",
        fear="z",
        created_by=world.other_consultant,
    )


def _change_status(world: World, *steps: str, trajectory: Trajectory | None = None) -> None:
    """The owner takes the statement set through `steps`, each from its current version."""
    for step in steps:
        services.change_statement_status(
            trajectory=trajectory or world.trajectory,
            to_status=step,
            expected_version=StatementSet.objects.get(trajectory=world.trajectory).version,
            actor=world.owner,
        )


# Every write of the WHAT: the consultant's forms and the status of the set.
WRITE_URLS = [*wat.CONSULTANT_FORMS, ("statement_status", reference_kwargs, wat.status_data)]
READ_URLS = [
    ("statements", reference_kwargs),
    ("statement_history", reference_kwargs),
    ("statement_shared", wat.shared_kwargs),
    ("statement_comment", wat.comment_kwargs),
]


def _what(world: World) -> tuple[int, ...]:
    """Everything a refused write could have changed."""
    statement_set = StatementSet.objects.filter(trajectory=world.trajectory).first()
    return (
        DangerStatement.objects.count(),
        SafetyGoal.objects.count(),
        BottomLine.objects.count(),
        StatementChange.objects.count(),
        SharedVersion.objects.count(),
        sum(DangerStatement.objects.values_list("version", flat=True)),
        sum(SafetyGoal.objects.values_list("version", flat=True)),
        sum(BottomLine.objects.values_list("version", flat=True)),
        DangerStatement.objects.filter(withdrawn_at__isnull=False).count(),
        statement_set.version if statement_set else 0,
    )


# --- the consultant decides -----------------------------------------------------------------


def test_the_consultant_writes_a_danger_statement(world: World) -> None:
    child = wat.child_of(world.trajectory)
    response = logged_in_client(world.owner).post(
        _url(world, "statement_create"), wat.statement_create_data(world)
    )
    assert response.status_code == 302
    statement = DangerStatement.objects.get(trajectory=world.trajectory)
    assert response["Location"].endswith(f"/wat/#gb-{statement.pk}")
    assert list(statement.children.all()) == [child]
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        object_type="assessments.dangerstatement",
        object_id=str(statement.pk),
        actor=world.owner,
        trajectory=world.trajectory,
    ).exists()
    change = StatementChange.objects.get(object_id=statement.pk)
    assert (change.action, change.changed_by, change.before) == ("create", world.owner, {})
    assert change.after["behaviour"] == "Noor komt vaak zonder eten naar school"
    assert change.after["children"] == [child.full_name]
    # The set exists from the first statement on, as a draft.
    assert StatementSet.objects.get(trajectory=world.trajectory).status == StatementStatus.DRAFT


def test_the_consultant_adds_a_goal_and_a_bottom_line(world: World) -> None:
    client = logged_in_client(world.owner)
    assert client.post(_url(world, "goal_create"), wat.goal_create_data(world)).status_code == 302
    assert (
        client.post(
            _url(world, "bottom_line_create"), wat.bottom_line_create_data(world)
        ).status_code
        == 302
    )
    goal = SafetyGoal.objects.get()
    line = BottomLine.objects.get()
    assert goal.danger_statement == wat.ensure_statement(world)
    assert line.reason == "Zo blijft Noor veilig."
    for obj in (goal, line):
        assert StatementChange.objects.filter(
            object_type=obj._meta.label_lower, object_id=obj.pk, action="create"
        ).exists()
        assert AuditEvent.objects.filter(
            action=AuditAction.CREATE, object_type=obj._meta.label_lower, object_id=str(obj.pk)
        ).exists()


def test_the_team_lead_may_decide_too(world: World) -> None:
    response = logged_in_client(world.team_lead).post(
        _url(world, "bottom_line_create"), wat.bottom_line_create_data(world)
    )
    assert response.status_code == 302
    assert BottomLine.objects.get().created_by == world.team_lead


@pytest.mark.parametrize(("name", "kwargs", "data"), WRITE_URLS, ids=[w[0] for w in WRITE_URLS])
def test_the_worker_gets_403_on_every_write(
    world: World, name: str, kwargs: Any, data: Any
) -> None:
    url = _url(world, name, **kwargs(world))
    posted = data(world)
    before = _what(world)
    client = logged_in_client(world.worker)
    assert client.get(url).status_code == 403
    assert client.post(url, posted).status_code == 403
    assert client.post(url, {**posted, "_autosave": "1"}).status_code == 403
    assert _what(world) == before


def test_the_worker_reads_the_page_without_forms_to_change_it(world: World) -> None:
    statement = wat.ensure_statement(world)
    wat.ensure_goal(world)
    line = wat.ensure_bottom_line(world)
    response = logged_in_client(world.worker).get(_url(world, "statements"))
    assert response.status_code == 200
    page = response.content.decode()
    assert statement.sentence in page
    assert line.text in page
    assert "Gevaarsboodschappen, veiligheidsdoelen en bodemeisen" in page
    assert "Alleen de consulent schrijft en verandert deze teksten." in page
    for name in ("statement_create", "bottom_line_create", "goal_create", "statement_status"):
        assert _url(world, name) not in page
    assert _url(world, "statement_edit", statement_id=statement.pk) not in page
    comment_url = _url(
        world, "statement_comment", target="gevaarsboodschap", target_id=statement.pk
    )
    assert f'action="{comment_url}"' in page
    assert 'aria-current="page">Gevaarsboodschappen en doelen</a>' in page


def test_the_consultant_sees_the_forms_and_the_next_step(world: World) -> None:
    wat.ensure_statement(world)
    page = logged_in_client(world.owner).get(_url(world, "statements")).content.decode()
    assert _url(world, "statement_create") in page
    assert _url(world, "statement_status") in page
    assert "We hebben dit besproken met het gezin</button>" in page
    assert "Elke gevaarsboodschap heeft minstens één veiligheidsdoel nodig." in page
    assert f"{_url(world, 'goal_create')}?gevaarsboodschap=" in page


GOAL_WARNING = "Elke gevaarsboodschap heeft minstens één veiligheidsdoel nodig."


def test_the_warning_goes_once_every_statement_has_a_goal(world: World) -> None:
    """The warning is there while a statement has no goal, and gone on the same page, loaded
    and showing the statement, once it has one: its absence alone would also pass on an
    error page, an empty page, or a page that never warns."""
    statement = wat.ensure_statement(world)
    client = logged_in_client(world.owner)
    before = client.get(_url(world, "statements"))
    assert before.status_code == 200
    assert statement.sentence in before.content.decode()
    assert GOAL_WARNING in before.content.decode()

    goal = wat.ensure_goal(world)
    after = client.get(_url(world, "statements"))
    assert after.status_code == 200
    page = after.content.decode()
    assert statement.sentence in page
    assert goal.parents_and_network_will in page
    assert GOAL_WARNING not in page


# --- who may see it at all ------------------------------------------------------------------

ALL_URLS: list[tuple[str, Callable[[World], dict[str, Any]]]] = [
    (name, kwargs) for name, kwargs, _data in WRITE_URLS
] + READ_URLS  # type: ignore[operator]


@pytest.mark.parametrize("persona", ["worker_elsewhere", "other_consultant", "expired", "parent_elsewhere"])  # fmt: skip
def test_outsiders_get_404_on_every_url(world: World, persona: str) -> None:
    client = logged_in_client(world.personas()[persona])
    urls = [(name, _url(world, name, **kwargs(world))) for name, kwargs in ALL_URLS]
    before = _what(world)
    for name, url in urls:
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"reason": "x", "version": "1"}).status_code == 404, name
    assert _what(world) == before


def test_the_parent_gets_403_on_every_url(world: World) -> None:
    client = logged_in_client(world.parent)
    for name, kwargs in ALL_URLS:
        url = _url(world, name, **kwargs(world))
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"reason": "x", "version": "1"}).status_code == 403, name


def test_an_item_of_another_trajectory_is_not_found_under_this_reference(world: World) -> None:
    foreign = _foreign_statement(world)
    client = logged_in_client(world.owner)
    assert client.get(_url(world, "statement_edit", statement_id=foreign.pk)).status_code == 404
    url = _url(world, "statement_comment", target="gevaarsboodschap", target_id=foreign.pk)
    assert client.get(url).status_code == 404
    assert (
        client.get(_url(world, "statement_comment", target="iets", target_id=1)).status_code == 404
    )


def test_visible_items_hides_professionals_only_statements_from_a_parent(world: World) -> None:
    shared = _statement(world, audience=Audience.PARENTS, who_is_worried="GEDEELD")
    private = _statement(world, audience=Audience.PROFESSIONALS, who_is_worried="ALLEEN-PROF")
    withdrawn = _statement(world, audience=Audience.NETWORK, who_is_worried="INGETROKKEN")
    services.withdraw_danger_statement(statement=withdrawn, reason="Dubbel", actor=world.owner)
    parent = CaseAccess(trajectory=world.trajectory, role=CaseRole.OUDER)
    worker = CaseAccess(trajectory=world.trajectory, role=CaseRole.HULPVERLENER)
    assert list(visible_items(parent, DangerStatement.objects.all())) == [shared]
    assert set(visible_items(worker, DangerStatement.objects.all())) == {
        shared,
        private,
        withdrawn,
    }


# --- what the statement must hold -----------------------------------------------------------


def test_children_of_another_trajectory_are_refused(world: World) -> None:
    other_child = wat.child_of(world.other_trajectory)
    data = {**wat.statement_create_data(world), "children": [other_child.pk]}
    response = logged_in_client(world.owner).post(_url(world, "statement_create"), data)
    assert response.status_code == 200
    assert "children" in response.context["form"].errors
    assert not DangerStatement.objects.exists()
    with pytest.raises(ValidationError):
        _statement(world, children=[other_child])
    with pytest.raises(ValidationError):
        _statement(
            world, children=[mother_of(world.trajectory)]
        )  # an adult is not a child of the statement


def test_a_statement_needs_at_least_one_child(world: World) -> None:
    data = {**wat.statement_create_data(world), "children": []}
    response = logged_in_client(world.owner).post(_url(world, "statement_create"), data)
    assert response.status_code == 200
    assert "Kies minstens één kind." in response.content.decode()
    assert not DangerStatement.objects.exists()


def test_a_goal_without_a_danger_statement_is_refused(world: World) -> None:
    data = {**wat.goal_create_data(world), "danger_statement": ""}
    response = logged_in_client(world.owner).post(_url(world, "goal_create"), data)
    assert response.status_code == 200
    assert "Kies bij welke gevaarsboodschap dit doel hoort." in response.content.decode()
    assert not SafetyGoal.objects.exists()
    with pytest.raises(ValidationError):
        services.create_safety_goal(
            danger_statement=None,
            parents_and_network_will="a",
            child_will_experience="b",
            professionals_will_see="c",
            for_how_long="d",
            audience=Audience.PARENTS,
            actor=world.owner,
        )


def test_a_goal_for_another_trajectorys_statement_is_refused(world: World) -> None:
    foreign = _foreign_statement(world)
    data = {**wat.goal_create_data(world), "danger_statement": foreign.pk}
    response = logged_in_client(world.owner).post(_url(world, "goal_create"), data)
    assert response.status_code == 200
    assert not SafetyGoal.objects.exists()


def test_the_statement_reads_as_one_sentence() -> None:
    statement = DangerStatement(
        who_is_worried="De school en de consulent:",
        behaviour="Dat papa roept en slaat als hij gedronken heeft.",
        impact="Noor bang is om naar huis te gaan",
        fear="dat Noor gewond raakt.",
    )
    assert statement.sentence == (
        "De school en de consulent: we maken ons zorgen dat papa roept en slaat als hij "
        "gedronken heeft. Dat heeft als gevolg dat Noor bang is om naar huis te gaan. "
        "Als er niets verandert, zijn we bang dat Noor gewond raakt."
    )


def test_jargon_in_a_statement_gives_a_plain_language_tip(world: World) -> None:
    data = {
        **wat.statement_create_data(world),
        "behaviour": "er sprake is van verontrusting en problematiek thuis",
    }
    response = logged_in_client(world.owner).post(
        _url(world, "statement_create"), data, follow=True
    )
    page = response.content.decode()
    assert "Tip: 2 moeilijke woorden (verontrusting, problematiek)" in page


def test_every_long_text_has_the_plain_language_check(world: World) -> None:
    page = logged_in_client(world.owner).get(_url(world, "statement_create")).content.decode()
    for name in ("behaviour", "impact", "fear"):
        assert f'id="pl-id_{name}"' in page
    page = logged_in_client(world.owner).get(_url(world, "goal_create")).content.decode()
    assert 'id="pl-id_parents_and_network_will"' in page
    page = logged_in_client(world.owner).get(_url(world, "bottom_line_create")).content.decode()
    assert 'id="pl-id_reason"' in page


def test_a_goal_written_as_a_prohibition_gets_a_tip(world: World) -> None:
    data = {
        **wat.goal_create_data(world),
        "parents_and_network_will": "Papa drinkt niet meer.",
    }
    page = logged_in_client(world.owner).post(_url(world, "goal_create"), data, follow=True)
    assert "wél zullen doen (gevonden: niet)" in page.content.decode()


# --- edits, conflicts and history -----------------------------------------------------------


def test_editing_twice_from_the_same_version_is_a_conflict(world: World) -> None:
    statement = wat.ensure_statement(world)
    client = logged_in_client(world.owner)
    url = _url(world, "statement_edit", statement_id=statement.pk)
    base = wat.statement_edit_data(world)
    first = client.post(url, {**base, "behaviour": "papa roept VERSIE-EEN"})
    assert first.status_code == 302
    second = client.post(url, {**base, "behaviour": "papa roept VERSIE-TWEE"})
    assert second.status_code == 409
    page = second.content.decode()
    assert "VERSIE-EEN" in page and "VERSIE-TWEE" in page
    statement.refresh_from_db()
    assert (statement.behaviour, statement.version) == ("papa roept VERSIE-EEN", 2)


def test_an_unchanged_save_writes_nothing(world: World) -> None:
    statement = wat.ensure_statement(world)
    before = StatementChange.objects.count()
    data = {**wat.statement_edit_data(world), "behaviour": statement.behaviour}
    response = logged_in_client(world.owner).post(
        _url(world, "statement_edit", statement_id=statement.pk), data
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.version == 1
    assert StatementChange.objects.count() == before


def test_the_history_shows_a_readable_difference(world: World) -> None:
    statement = wat.ensure_statement(world)
    data = {
        **wat.statement_edit_data(world),
        "behaviour": "papa roept als hij bier gedronken heeft",
    }
    client = logged_in_client(world.owner)
    client.post(_url(world, "statement_edit", statement_id=statement.pk), data)
    change = StatementChange.objects.get(object_id=statement.pk, action="update")
    assert change.before == {"behaviour": "papa roept en slaat als hij gedronken heeft"}
    assert change.after == {"behaviour": "papa roept als hij bier gedronken heeft"}
    page = client.get(_url(world, "statement_history")).content.decode()
    assert "Over welk gedrag van wie" in page  # which field
    assert str(world.owner) in page  # who
    assert '<del><span class="sr-only">[weggehaald: </span>en slaat<span' in page
    assert '<ins><span class="sr-only">[toegevoegd: </span>bier<span' in page


def test_the_word_diff_escapes_and_marks_both_sides() -> None:
    html = word_diff("mama <b>zegt</b> nee", "mama zegt ja")
    assert "<b>" not in html
    assert "&lt;b&gt;zegt&lt;/b&gt;" in html
    assert html.startswith("mama ")
    assert "toegevoegd:" in html and "weggehaald:" in html


def test_withdrawing_keeps_the_statement_and_its_goals_with_the_reason(world: World) -> None:
    goal = wat.ensure_goal(world)
    statement = goal.danger_statement
    client = logged_in_client(world.owner)
    response = client.post(
        _url(world, "statement_withdraw", statement_id=statement.pk), {"reason": "Dubbel ingevoerd"}
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    goal.refresh_from_db()
    assert statement.withdrawn_at is not None and goal.withdrawn_at is not None
    assert StatementChange.objects.filter(action="withdraw").count() == 2
    page = client.get(_url(world, "statements")).content.decode()
    assert "Dubbel ingevoerd" in page
    assert statement.sentence in page
    # A withdrawn statement cannot be edited any more.
    edit = client.get(_url(world, "statement_edit", statement_id=statement.pk))
    assert edit.status_code == 302


def test_withdrawing_needs_a_reason(world: World) -> None:
    line = wat.ensure_bottom_line(world)
    response = logged_in_client(world.owner).post(
        _url(world, "bottom_line_withdraw", bottom_line_id=line.pk), {"reason": " "}
    )
    assert response.status_code == 200
    line.refresh_from_db()
    assert line.withdrawn_at is None


def test_the_create_page_autosaves_a_draft(world: World) -> None:
    client = logged_in_client(world.owner)
    url = _url(world, "statement_create")
    response = client.post(url, {"_autosave": "1", "behaviour": "half geschreven"})
    assert response.status_code == 200
    again = client.get(url).content.decode()
    assert "half geschreven" in again


# --- comments, proposals and disagreements --------------------------------------------------


def test_the_worker_records_that_mama_sees_it_differently(world: World) -> None:
    statement = wat.ensure_statement(world)
    client = logged_in_client(world.worker)
    url = _url(world, "statement_comment", target="gevaarsboodschap", target_id=statement.pk)
    response = client.post(url, wat.comment_data(world))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#gb-{statement.pk}")
    comment = StatementComment.objects.get()
    assert (comment.kind, comment.view_of_person, comment.created_by) == (
        CommentKind.DISAGREEMENT,
        mother_of(world.trajectory),
        world.worker,
    )
    assert comment.danger_statement == statement
    page = client.get(_url(world, "statements")).content.decode()
    assert "Mama An ziet dit anders:" in page
    assert "Papa drinkt niet meer sinds de zomer." in page
    assert f"genoteerd door {world.worker}" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="assessments.statementcomment", actor=world.worker
    ).exists()


def test_a_proposal_on_a_goal_and_a_comment_on_a_bottom_line(world: World) -> None:
    goal = wat.ensure_goal(world)
    line = wat.ensure_bottom_line(world)
    client = logged_in_client(world.worker)
    for target, obj, kind, text in [
        ("doel", goal, "proposal", "Papa belt oma Maria of tante Els."),
        ("bodemeis", line, "comment", "Dit hebben we uitgelegd aan papa."),
    ]:
        prefix = f"c-{'doel' if target == 'doel' else 'bm'}-{obj.pk}"
        response = client.post(
            _url(world, "statement_comment", target=target, target_id=obj.pk),
            {
                f"{prefix}-kind": kind,
                f"{prefix}-view_of_person": "",
                f"{prefix}-text": text,
                f"{prefix}-audience": "0",
            },
        )
        assert response.status_code == 302
    page = client.get(_url(world, "statements")).content.decode()
    assert f"{world.worker} stelt andere woorden voor:" in page
    assert f"Opmerking van {world.worker}:" in page


def test_a_comment_may_only_name_a_person_of_this_trajectory(world: World) -> None:
    statement = wat.ensure_statement(world)
    other_mother = Person.objects.get(trajectory=world.other_trajectory, is_child=False)
    data = wat.comment_data(world)
    data[f"c-gb-{statement.pk}-view_of_person"] = other_mother.pk
    url = _url(world, "statement_comment", target="gevaarsboodschap", target_id=statement.pk)
    response = logged_in_client(world.worker).post(url, data)
    assert response.status_code == 200
    assert not StatementComment.objects.exists()


# --- status and shared versions -------------------------------------------------------------


def _step(client: Client, world: World, status: str) -> Any:
    statement_set = StatementSet.objects.get(trajectory=world.trajectory)
    return client.post(
        _url(world, "statement_status"), {"status": status, "version": statement_set.version}
    )


def test_sharing_freezes_version_1_exactly_as_it_was(world: World) -> None:
    goal = wat.ensure_goal(world)
    statement = goal.danger_statement
    _comment(
        world,
        statement,
        CommentKind.DISAGREEMENT,
        "Het was maar één keer.",
        mother=True,
        audience=Audience.PARENTS,
    )
    services.statement_set_for(world.trajectory)
    client = logged_in_client(world.owner)
    assert _step(client, world, "discussed").status_code == 302
    assert _step(client, world, "shared").status_code == 302
    shared = SharedVersion.objects.get()
    assert shared.number == 1
    old_sentence = statement.sentence
    frozen = shared.snapshot
    assert frozen["danger_statements"][0]["sentence"] == old_sentence
    assert frozen["danger_statements"][0]["goals"][0]["parents_and_network_will"] == (
        goal.parents_and_network_will
    )
    assert frozen["danger_statements"][0]["audience"] == Audience.PARENTS
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="assessments.sharedversion"
    ).exists()

    data = {**wat.statement_edit_data(world), "behaviour": "NIEUWE TEKST"}
    assert (
        client.post(_url(world, "statement_edit", statement_id=statement.pk), data).status_code
        == 302
    )
    shared.refresh_from_db()
    assert shared.snapshot == frozen
    statement_set = StatementSet.objects.get(trajectory=world.trajectory)
    assert statement_set.status == StatementStatus.SHARED  # kept, but marked as changed

    old = client.get(_url(world, "statement_shared", number=1)).content.decode()
    assert old_sentence in old
    assert "NIEUWE TEKST" not in old
    assert "Mama An ziet dit anders:" in old
    now = client.get(_url(world, "statements")).content.decode()
    assert "Gewijzigd sinds het delen." in now
    assert "NIEUWE TEKST" in now
    assert "We hebben de wijzigingen besproken met het gezin</button>" in now

    # Discussing and sharing again makes version 2; version 1 stays as it was.
    assert _step(client, world, "discussed").status_code == 302
    assert _step(client, world, "shared").status_code == 302
    assert list(SharedVersion.objects.values_list("number", flat=True)) == [2, 1]
    assert (
        "NIEUWE TEKST" not in client.get(_url(world, "statement_shared", number=1)).content.decode()
    )
    assert "NIEUWE TEKST" in client.get(_url(world, "statement_shared", number=2)).content.decode()
    assert (
        "Gewijzigd sinds het delen." not in client.get(_url(world, "statements")).content.decode()
    )


def test_a_shared_version_is_read_through_the_item_rule_for_kept_versions(world: World) -> None:
    """Each statement, goal, bottom line, child and disagreement keeps the audience it had when
    it was shared; a parent reads only what reached parents then (visible_kept_items)."""
    shared_statement = _statement(world, who_is_worried="GEDEELD")
    private_statement = _statement(
        world, who_is_worried="ALLEEN-PROF", audience=Audience.PROFESSIONALS
    )
    _goal(shared_statement, world.owner, text="Gedeeld doel.")
    private_goal = _goal(shared_statement, world.owner, text="Prof doel.")
    _update_goal(private_goal, world.owner, audience=Audience.PROFESSIONALS)
    _goal(private_statement, world.owner)
    for text, audience in (("Mama ziet het anders.", Audience.PARENTS), ("Intern.", 0)):
        _comment(
            world, shared_statement, CommentKind.DISAGREEMENT, text, mother=True, audience=audience
        )
    services.statement_set_for(world.trajectory)
    _change_status(world, StatementStatus.DISCUSSED, StatementStatus.SHARED)
    child = wat.child_of(world.trajectory)
    frozen = SharedVersion.objects.get().snapshot["danger_statements"]
    assert {c["audience"] for s in frozen for c in s["children"]} == {child.audience}

    def read(role: str) -> tuple[list[str], list[str], list[str], list[str]]:
        page = selectors.shared_version_page(CaseAccess(trajectory=world.trajectory, role=role), 1)
        assert page is not None
        return (
            [s["who_is_worried"] for s in page.statements],
            [g["parents_and_network_will"] for s in page.statements for g in s["goals"]],
            [d["text"] for s in page.statements for d in s["disagreements"]],
            [c["name"] for s in page.statements for c in s["children"]],
        )

    statements, goals, remarks, _children = read(CaseRole.HULPVERLENER)
    assert statements == ["GEDEELD", "ALLEEN-PROF"]
    assert "Prof doel." in goals and remarks == ["Mama ziet het anders.", "Intern."]
    statements, goals, remarks, children = read(CaseRole.OUDER)
    assert (statements, goals, remarks) == (
        ["GEDEELD"],
        ["Gedeeld doel."],
        ["Mama ziet het anders."],
    )
    assert children == ([child.full_name] if child.audience >= Audience.PARENTS else [])


def test_after_sharing_nothing_changed_means_no_step_back(world: World) -> None:
    wat.ensure_goal(world)
    client = logged_in_client(world.owner)
    services.statement_set_for(world.trajectory)
    _step(client, world, "discussed")
    _step(client, world, "shared")
    response = _step(client, world, "discussed")
    assert response.status_code == 302
    assert StatementSet.objects.get().status == StatementStatus.SHARED
    page = client.get(_url(world, "statements")).content.decode()
    assert "Er is niets veranderd sinds de gedeelde versie." in page
    assert "We hebben de wijzigingen besproken met het gezin</button>" not in page


def test_sharing_needs_a_goal_for_every_statement(world: World) -> None:
    wat.ensure_statement(world)
    services.statement_set_for(world.trajectory)
    client = logged_in_client(world.owner)
    _step(client, world, "discussed")
    page = _step(client, world, "shared")
    assert page.status_code == 302
    assert StatementSet.objects.get().status == StatementStatus.DISCUSSED
    assert not SharedVersion.objects.exists()
    follow = client.get(_url(world, "statements")).content.decode()
    assert "minstens één veiligheidsdoel nodig voor je ze deelt" in follow


def test_a_status_change_from_a_stale_version_changes_nothing(world: World) -> None:
    wat.ensure_goal(world)
    services.statement_set_for(world.trajectory)
    client = logged_in_client(world.owner)
    stale = StatementSet.objects.get().version
    _step(client, world, "discussed")
    response = client.post(_url(world, "statement_status"), {"status": "shared", "version": stale})
    assert response.status_code == 302
    assert StatementSet.objects.get().status == StatementStatus.DISCUSSED
    assert not SharedVersion.objects.exists()
    page = client.get(_url(world, "statements")).content.decode()
    assert "Iemand anders heeft de status intussen gewijzigd." in page


def test_a_status_may_not_skip_a_step(world: World) -> None:
    wat.ensure_goal(world)
    services.statement_set_for(world.trajectory)
    response = _step(logged_in_client(world.owner), world, "shared")
    assert response.status_code == 302
    assert StatementSet.objects.get().status == StatementStatus.DRAFT
    with pytest.raises(ValidationError):
        _change_status(world, StatementStatus.SHARED)


def test_status_changes_are_in_the_history(world: World) -> None:
    wat.ensure_goal(world)
    client = logged_in_client(world.owner)
    services.statement_set_for(world.trajectory)
    _step(client, world, "discussed")
    change = StatementChange.objects.get(action="status")
    assert (change.before, change.after) == ({"status": "draft"}, {"status": "discussed"})
    page = client.get(_url(world, "statement_history")).content.decode()
    assert "Besproken met het gezin" in page


def test_a_closed_trajectory_refuses_every_write_on_the_what(world: World) -> None:
    """The kernel's closed-file refusal holds for the services themselves, not only the pages."""
    goal = wat.ensure_goal(world)
    line = wat.ensure_bottom_line(world)
    services.statement_set_for(world.trajectory)
    trajectory = mark_closed(world)
    statement = DangerStatement.objects.get(pk=goal.danger_statement_id)
    goal = SafetyGoal.objects.get(pk=goal.pk)
    line = BottomLine.objects.get(pk=line.pk)
    writes: list[Callable[[], Any]] = [
        lambda: _statement(world, trajectory, who_is_worried="Nieuw"),
        lambda: _update_statement(statement, world.owner, who_is_worried="Anders"),
        lambda: services.withdraw_danger_statement(
            statement=statement, reason="Weg", actor=world.owner
        ),
        lambda: _goal(statement, world.owner),
        lambda: _update_goal(goal, world.owner, parents_and_network_will="Anders."),
        lambda: services.withdraw_safety_goal(goal=goal, reason="Weg", actor=world.owner),
        lambda: _bottom_line(world, trajectory, text="Nieuw"),
        lambda: services.update_bottom_line(
            bottom_line=line,
            expected_version=line.version,
            text="Anders",
            reason=line.reason,
            audience=line.audience,
            actor=world.owner,
        ),
        lambda: services.withdraw_bottom_line(bottom_line=line, reason="Weg", actor=world.owner),
        lambda: _comment(world, statement, CommentKind.COMMENT, "Een opmerking"),
        lambda: _change_status(world, StatementStatus.DISCUSSED, trajectory=trajectory),
    ]
    assert_refused_while_closed(
        writes,
        lambda: (*_what(world), StatementComment.objects.count(), AuditEvent.objects.count()),
    )


# --- the page does not grow with the statements ---------------------------------------------


def _fill(world: World, statements: int, goals: int) -> None:
    for i in range(statements):
        statement = _statement(world, who_is_worried=f"Zorg {i}")
        for j in range(goals):
            goal = _goal(statement, world.owner, text=f"Doel {i}.{j}")
            _comment(world, goal, CommentKind.PROPOSAL, "Andere woorden")
        _comment(
            world,
            statement,
            CommentKind.DISAGREEMENT,
            "Mama ziet het anders",
            mother=True,
            audience=Audience.PARENTS,
        )
    line = _bottom_line(world, text="Bodemeis")
    services.withdraw_bottom_line(bottom_line=line, reason="Weg", actor=world.owner)


# Session, user, memberships, trajectory; the set, its shared versions, statements, children,
# goals, bottom lines, persons, relations, comments; the header's team; the audit row. (Who
# withdrew what and why is read with the items themselves.)
STATEMENTS_PAGE_QUERIES = 20  # + the children's names in the page head (cases.naming); + what the
# children said about the items and whether the trajectory has children (child_voice, through
# cases.extensions); + when the family first read each item (portal.seen, the same way)


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_statements_page_does_not_grow_with_the_statements(world: World) -> None:
    client = logged_in_client(world.owner)
    url = _url(world, "statements")
    _fill(world, 1, 2)
    client.get(url)  # warm the session
    small = _count(client, url)
    _fill(world, 4, 2)
    services.statement_set_for(world.trajectory)
    assert DangerStatement.objects.count() == 5
    large = _count(client, url)
    assert small == large == STATEMENTS_PAGE_QUERIES


def test_the_history_does_not_grow_with_the_changes(world: World) -> None:
    client = logged_in_client(world.owner)
    url = _url(world, "statement_history")
    _fill(world, 1, 1)
    client.get(url)
    small = _count(client, url)
    _fill(world, 3, 2)
    assert _count(client, url) == small


def test_an_unchanged_save_from_a_stale_version_is_still_a_conflict(world: World) -> None:
    statement = wat.ensure_statement(world)
    client = logged_in_client(world.owner)
    url = _url(world, "statement_edit", statement_id=statement.pk)
    base = wat.statement_edit_data(world)
    assert client.post(url, {**base, "behaviour": "papa roept NIEUW"}).status_code == 302

    # The same person's second tab still shows version 1 and the old text, unchanged.
    stale = client.post(url, {**base, "behaviour": statement.behaviour})

    assert stale.status_code == 409
    assert "papa roept NIEUW" in stale.content.decode()
    statement.refresh_from_db()
    assert (statement.behaviour, statement.version) == ("papa roept NIEUW", 2)

"""The scaling question: recording a round, who may, and the page with trends and differences."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.assessments.models import (
    DangerStatement,
    MappingSession,
    ProfessionalView,
    SafetyGoal,
    ScalingRound,
    ScalingScore,
)
from samenopweg.assessments.selectors.scaling import (
    LARGE_DIFFERENCE,
    Latest,
    largest_difference,
    scaling_overview,
)
from samenopweg.assessments.services.scaling import ScoreInput, record_scaling_round
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.models import CaseRole, Trajectory
from samenopweg.cases.tests.helpers import child_of, logged_in_client, mark_closed, mother_of
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)
URL_NAMES = ["assessments:scaling", "assessments:scaling_new"]


def make_statement(
    trajectory: Trajectory, author: Any, *, n: int = 1, audience: int = Audience.PARENTS
) -> DangerStatement:
    statement = DangerStatement.objects.create(
        trajectory=trajectory,
        who_is_worried="De consulent en de school",
        behaviour=f"papa soms roept en slaat als hij gedronken heeft ({n})",
        impact="Noor bang is om naar huis te gaan",
        fear="Noor gewond raakt",
        position=n,
        audience=audience,
        created_by=author,
    )
    SafetyGoal.objects.create(
        danger_statement=statement,
        trajectory=trajectory,
        parents_and_network_will=f"Mama en oma zorgen dat papa nuchter is als hij Noor ziet ({n})",
        child_will_experience="Noor voelt zich veilig thuis",
        professionals_will_see="Afspraken worden nagekomen",
        for_how_long="drie maanden",
        audience=audience,
        created_by=author,
    )
    return statement


def session_of(trajectory: Trajectory) -> MappingSession:
    """A mapping session of `trajectory` on DAY, recorded by its owner."""
    return MappingSession.objects.create(
        trajectory=trajectory, held_on=DAY, created_by=trajectory.owner
    )


def row_data(
    statement: DangerStatement, rows: list[dict[str, Any]], total: int = 4
) -> dict[str, Any]:
    prefix = f"s{statement.pk}"
    data: dict[str, Any] = {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "20",
    }
    for i in range(total):
        row = {"audience": int(Audience.PROFESSIONALS)} | (rows[i] if i < len(rows) else {})
        for name, value in row.items():
            data[f"{prefix}-{i}-{name}"] = value
    return data


def round_data(
    statements: dict[DangerStatement, list[dict[str, Any]]], *, session: Any = ""
) -> dict[str, Any]:
    data: dict[str, Any] = {"held_on": DAY.isoformat(), "session": session}
    for statement, rows in statements.items():
        data |= row_data(statement, rows)
    return data


@pytest.fixture
def statement(world: World) -> DangerStatement:
    return make_statement(world.trajectory, world.owner)


def _new_url(world: World) -> str:
    return reverse("assessments:scaling_new", args=[world.trajectory.reference])


# --- recording a round ----------------------------------------------------------------------


def test_it_records_a_round_with_its_numbers_and_an_audit_row(
    world: World, statement: DangerStatement
) -> None:
    mama = mother_of(world.trajectory)
    data = round_data(
        {
            statement: [
                {
                    "who": f"person:{mama.pk}",
                    "score": "6",
                    "what_makes_it": "Papa drinkt minder.",
                    "one_higher": "Oma komt elke avond langs.",
                    "audience": int(Audience.PARENTS),
                },
                {"who": "role:consulent", "score": "3"},
            ]
        }
    )
    response = logged_in_client(world.owner).post(_new_url(world), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:scaling", args=[world.trajectory.reference])
    scaling_round = ScalingRound.objects.get(trajectory=world.trajectory)
    assert (scaling_round.held_on, scaling_round.created_by) == (DAY, world.owner)
    scores = list(scaling_round.scores.order_by("id"))
    assert [(s.person, s.professional_role, s.score, s.audience) for s in scores] == [
        (mama, "", 6, Audience.PARENTS),
        (None, ProfessionalView.CONSULENT, 3, Audience.PROFESSIONALS),
    ]
    assert scores[0].what_makes_it == "Papa drinkt minder."
    assert scores[0].one_higher == "Oma komt elke avond langs."
    assert {s.trajectory_id for s in scores} == {world.trajectory.pk}
    audit = AuditEvent.objects.get(
        action=AuditAction.CREATE, object_type="assessments.scalinground"
    )
    assert (audit.actor, audit.trajectory_id, audit.object_id) == (
        world.owner,
        world.trajectory.pk,
        str(scaling_round.pk),
    )
    assert audit.detail["scores"] == 2


def test_the_worker_on_the_case_may_record_a_round(
    world: World, statement: DangerStatement
) -> None:
    data = round_data({statement: [{"who": "role:hulpverlener", "score": "5"}]})
    assert logged_in_client(world.worker).post(_new_url(world), data).status_code == 302
    assert ScalingScore.objects.get().professional_role == ProfessionalView.HULPVERLENER


def test_it_records_a_round_at_a_mapping_session_of_this_trajectory(
    world: World, statement: DangerStatement
) -> None:
    session = session_of(world.trajectory)
    data = round_data({statement: [{"who": "role:consulent", "score": "4"}]}, session=session.pk)
    assert logged_in_client(world.owner).post(_new_url(world), data).status_code == 302
    assert ScalingRound.objects.get().session == session


def test_it_records_numbers_for_several_statements_in_one_round(world: World) -> None:
    first = make_statement(world.trajectory, world.owner, n=1)
    second = make_statement(world.trajectory, world.owner, n=2)
    mama = mother_of(world.trajectory)
    data = round_data(
        {
            first: [{"who": f"person:{mama.pk}", "score": "7"}],
            second: [
                {"who": f"person:{mama.pk}", "score": "2"},
                {"who": "role:school", "score": "2"},
            ],
        }
    )
    assert logged_in_client(world.owner).post(_new_url(world), data).status_code == 302
    assert ScalingRound.objects.count() == 1
    assert sorted(ScalingScore.objects.values_list("danger_statement_id", "score")) == sorted(
        [(first.pk, 7), (second.pk, 2), (second.pk, 2)]
    )


def _post_refused(world: World, data: dict[str, Any]) -> str:
    """The owner posts a round that is not stored (refused, or a row added): the page again."""
    response = logged_in_client(world.owner).post(_new_url(world), data)
    assert response.status_code == 200
    assert not ScalingRound.objects.exists()
    return str(response.content.decode())


def test_empty_rows_are_ignored_but_a_round_needs_one_number(
    world: World, statement: DangerStatement
) -> None:
    client = logged_in_client(world.owner)
    response = client.post(_new_url(world), round_data({statement: []}))
    assert response.status_code == 200
    assert "Vul minstens één cijfer in." in response.content.decode()
    assert not ScalingRound.objects.exists()
    # A row where only the audience was changed is still empty.
    data = round_data(
        {statement: [{"audience": int(Audience.PARENTS)}, {"who": "role:consulent", "score": "0"}]}
    )
    assert client.post(_new_url(world), data).status_code == 302
    assert ScalingScore.objects.get().score == 0


def test_a_number_without_anyone_is_refused_next_to_the_field_keeping_the_text(
    world: World, statement: DangerStatement
) -> None:
    data = round_data(
        {statement: [{"score": "5", "what_makes_it": "Mama belt elke dag <naar> oma."}]}
    )
    page = _post_refused(world, data)
    assert "Kies wie dit cijfer geeft." in page
    assert f'id="id_s{statement.pk}-0-who_error"' in page
    assert "Mama belt elke dag &lt;naar&gt; oma." in page
    assert '<option value="5" selected>5</option>' in page


def test_someone_without_a_number_is_refused(world: World, statement: DangerStatement) -> None:
    data = round_data({statement: [{"who": "role:consulent", "what_makes_it": "Nog te vroeg."}]})
    page = _post_refused(world, data)
    assert "Kies een cijfer van 0 tot 10." in page


def test_eleven_is_refused_with_a_dutch_message_keeping_what_was_typed(
    world: World, statement: DangerStatement
) -> None:
    data = round_data(
        {
            statement: [
                {
                    "who": "role:consulent",
                    "score": "11",
                    "what_makes_it": "Alles gaat heel goed.",
                    "one_higher": "Niets meer.",
                }
            ]
        }
    )
    page = _post_refused(world, data)
    assert "Kies een cijfer van 0 tot 10." in page
    assert f'id="id_s{statement.pk}-0-score_error"' in page
    assert "Alles gaat heel goed." in page and "Niets meer." in page
    assert '<option value="role:consulent" selected>' in page


def test_a_person_of_another_trajectory_is_refused(
    world: World, statement: DangerStatement
) -> None:
    foreign = mother_of(world.other_trajectory)
    data = round_data({statement: [{"who": f"person:{foreign.pk}", "score": "4"}]})
    page = _post_refused(world, data)
    assert "Kies iemand uit de lijst." in page


def test_a_session_of_another_trajectory_is_refused(
    world: World, statement: DangerStatement
) -> None:
    foreign = session_of(world.other_trajectory)
    data = round_data({statement: [{"who": "role:consulent", "score": "4"}]}, session=foreign.pk)
    page = _post_refused(world, data)
    assert "Kies een gesprek van dit traject." in page


def test_a_statement_of_another_trajectory_is_not_on_the_form(
    world: World, statement: DangerStatement
) -> None:
    foreign = make_statement(world.other_trajectory, world.other_consultant)
    data = round_data({statement: [], foreign: [{"who": "role:consulent", "score": "4"}]})
    response = logged_in_client(world.owner).post(_new_url(world), data)
    assert response.status_code == 200  # its rows are not read: nothing to store
    assert not ScalingScore.objects.exists()


def test_a_withdrawn_statement_is_not_on_the_form(world: World, statement: DangerStatement) -> None:
    withdrawn = make_statement(world.trajectory, world.owner, n=2)
    DangerStatement.objects.filter(pk=withdrawn.pk).update(withdrawn_at=world.trajectory.created_at)
    response = logged_in_client(world.owner).get(_new_url(world))
    assert [s.pk for s, _formset in response.context["blocks"]] == [statement.pk]


@pytest.mark.parametrize(
    "foreign",
    ["person", "statement", "session"],
)
def test_the_service_refuses_anything_of_another_trajectory(
    world: World, statement: DangerStatement, foreign: str
) -> None:
    other = world.other_trajectory
    item = ScoreInput(danger_statement=statement, score=5, professional_role="consulent")
    session = None
    if foreign == "person":
        item = ScoreInput(danger_statement=statement, score=5, person=mother_of(other))
    elif foreign == "statement":
        item = ScoreInput(
            danger_statement=make_statement(other, world.other_consultant),
            score=5,
            professional_role="consulent",
        )
    else:
        session = session_of(other)
    with pytest.raises(ValidationError):
        record_scaling_round(
            trajectory=world.trajectory,
            held_on=DAY,
            session=session,
            scores=[item],
            actor=world.owner,
        )
    assert not ScalingRound.objects.exists()
    assert not AuditEvent.objects.filter(object_type="assessments.scalinground").exists()


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"score": 11, "professional_role": "consulent"}, "Kies een cijfer van 0 tot 10."),
        ({"score": 5}, "Kies wie dit cijfer geeft"),
        ({"score": 5, "professional_role": "rechter"}, "Kies een professional uit de lijst."),
    ],
)
def test_the_service_checks_each_number(
    world: World, statement: DangerStatement, item: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        record_scaling_round(
            trajectory=world.trajectory,
            held_on=DAY,
            session=None,
            scores=[ScoreInput(danger_statement=statement, **item)],
            actor=world.owner,
        )
    assert any(message in m for m in error.value.messages)
    assert not ScalingRound.objects.exists()


def test_one_number_per_person_per_statement_in_a_round(
    world: World, statement: DangerStatement
) -> None:
    twice = [
        ScoreInput(danger_statement=statement, score=5, professional_role="consulent"),
        ScoreInput(danger_statement=statement, score=6, professional_role="consulent"),
    ]
    with pytest.raises(ValidationError):
        record_scaling_round(
            trajectory=world.trajectory, held_on=DAY, session=None, scores=twice, actor=world.owner
        )


def test_add_another_row_shows_one_more_row_without_errors_keeping_the_text(
    world: World, statement: DangerStatement
) -> None:
    data = round_data({statement: [{"score": "5", "what_makes_it": "Blijft staan."}]})
    data["add_row"] = str(statement.pk)
    page = _post_refused(world, data)
    assert f'name="s{statement.pk}-4-who"' in page
    assert f'name="s{statement.pk}-5-who"' not in page
    assert 'class="error"' not in page
    assert "Blijft staan." in page


def test_the_form_offers_only_this_trajectorys_persons_and_sessions(
    world: World, statement: DangerStatement
) -> None:
    session_of(world.trajectory)
    session_of(world.other_trajectory)
    response = logged_in_client(world.owner).get(_new_url(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"person:{mother_of(world.trajectory).pk}" in page
    assert f"person:{mother_of(world.other_trajectory).pk}" not in page
    assert "An (moeder)" in page and "Noor (kind)" in page
    assert "0 – het kind kan niet thuis blijven" in page
    assert "veilig genoeg is om het dossier af te sluiten" in page
    assert len(response.context["form"].fields["session"].queryset) == 1


# --- who may ------------------------------------------------------------------------------


def _get_and_post(
    user: Any, world: World, statement: DangerStatement, name: str
) -> tuple[int, int]:
    """The status codes `user` gets on the page `name`: reading it, and posting a round."""
    client = logged_in_client(user)
    url = reverse(name, args=[world.trajectory.reference])
    data = round_data({statement: [{"who": "role:consulent", "score": "4"}]})
    return client.get(url).status_code, client.post(url, data).status_code


@pytest.mark.parametrize("name", URL_NAMES)
@pytest.mark.parametrize(
    "persona", ["worker_elsewhere", "other_consultant", "expired", "parent_elsewhere", "auditor"]
)
def test_outsiders_get_404_on_every_url(
    world: World, statement: DangerStatement, name: str, persona: str
) -> None:
    assert _get_and_post(world.personas()[persona], world, statement, name) == (404, 404)
    assert not ScalingRound.objects.exists()


@pytest.mark.parametrize("name", URL_NAMES)
def test_the_parent_gets_403(world: World, statement: DangerStatement, name: str) -> None:
    assert _get_and_post(world.parent, world, statement, name) == (403, 403)
    assert not ScalingRound.objects.exists()


@pytest.mark.parametrize("name", URL_NAMES)
def test_anonymous_visitors_go_to_the_login(world: World, name: str) -> None:
    response = Client().get(reverse(name, args=[world.trajectory.reference]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_closed_trajectory_takes_no_new_round(world: World, statement: DangerStatement) -> None:
    mark_closed(world)
    client = logged_in_client(world.owner)
    assert client.get(_new_url(world)).status_code == 403
    data = round_data({statement: [{"who": "role:consulent", "score": "4"}]})
    assert client.post(_new_url(world), data).status_code == 403
    assert not ScalingRound.objects.exists()
    page = client.get(reverse("assessments:scaling", args=[world.trajectory.reference]))
    assert page.status_code == 200
    assert _new_url(world) not in page.content.decode()


def test_the_service_refuses_a_round_on_a_closed_trajectory(
    world: World, statement: DangerStatement
) -> None:
    trajectory = mark_closed(world)
    with pytest.raises(ValidationError, match="afgesloten"):
        record_scaling_round(
            trajectory=trajectory,
            held_on=DAY,
            session=None,
            scores=[ScoreInput(danger_statement=statement, score=4, professional_role="consulent")],
            actor=world.owner,
        )
    assert not ScalingRound.objects.exists() and not ScalingScore.objects.exists()


# --- the page -------------------------------------------------------------------------------


def _round(
    world: World,
    day: datetime.date,
    numbers: list[tuple[DangerStatement, Person | str, int]],
    audience: int = Audience.PARENTS,
) -> ScalingRound:
    return record_scaling_round(
        trajectory=world.trajectory,
        held_on=day,
        session=None,
        scores=[
            ScoreInput(
                danger_statement=statement,
                score=score,
                person=who if isinstance(who, Person) else None,
                professional_role=who if isinstance(who, str) else "",
                what_makes_it=f"Reden {score}",
                audience=audience,
            )
            for statement, who, score in numbers
        ],
        actor=world.owner,
    )


def test_the_page_shows_each_statement_with_its_chart_table_and_latest_numbers(
    world: World, statement: DangerStatement
) -> None:
    mama = mother_of(world.trajectory)
    _round(world, DAY, [(statement, mama, 4), (statement, "consulent", 3)])
    _round(world, DAY + datetime.timedelta(days=30), [(statement, mama, 5)])
    response = logged_in_client(world.owner).get(
        reverse("assessments:scaling", args=[world.trajectory.reference])
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "papa soms roept en slaat" in page
    assert "Mama en oma zorgen dat papa nuchter is" in page  # the goal of the pair
    assert page.count("<svg") == 1 and 'role="img"' in page
    assert page.count("<polyline") == 2
    assert "Alle cijfers als tabel" in page
    assert "Laatste cijfers" in page
    (item,) = response.context["items"]
    assert [(x.label, x.score, x.held_on) for x in item.family] == [
        ("An (moeder)", 5, DAY + datetime.timedelta(days=30))
    ]
    assert [(x.label, x.score) for x in item.professionals] == [("Consulent", 3)]
    assert item.difference is None  # 5 against 3: a difference of 2
    assert "Groot verschil" not in page
    assert 'aria-current="page">Schaalvragen' in page


def test_a_large_difference_is_named_in_words(world: World, statement: DangerStatement) -> None:
    mama = mother_of(world.trajectory)
    _round(
        world, DAY, [(statement, mama, 7), (statement, "consulent", 3), (statement, "school", 5)]
    )
    page = logged_in_client(world.owner).get(
        reverse("assessments:scaling", args=[world.trajectory.reference])
    )
    assert (
        "Groot verschil: An (moeder) zegt 7, de consulent zegt 3 — bespreek dit samen."
        in page.content.decode()
    )


def _latest(label: str, score: int, family: bool) -> Latest:
    return Latest(
        key=label,
        label=label,
        speaker=label,
        score=score,
        held_on=DAY,
        what_makes_it="",
        one_higher="",
        is_family=family,
    )


def test_the_largest_difference_compares_each_family_member_with_each_professional() -> None:
    family = [_latest("mama", 5, True), _latest("papa", 8, True)]
    pros = [_latest("consulent", 6, False), _latest("school", 4, False)]
    difference = largest_difference(family, pros)
    assert difference is not None
    assert (difference.family.label, difference.professional.label, difference.gap) == (
        "papa",
        "school",
        4,
    )
    assert LARGE_DIFFERENCE == 3
    assert largest_difference([_latest("mama", 6, True)], [_latest("consulent", 4, False)]) is None
    assert largest_difference([_latest("mama", 6, True)], []) is None


def test_the_item_rule_hides_professionals_only_numbers_from_a_parent(world: World) -> None:
    shared = make_statement(world.trajectory, world.owner, n=1, audience=Audience.PARENTS)
    hidden = make_statement(world.trajectory, world.owner, n=2, audience=Audience.PROFESSIONALS)
    mama = mother_of(world.trajectory)
    _round(world, DAY, [(shared, mama, 6), (hidden, mama, 6)], audience=Audience.PARENTS)
    _round(world, DAY, [(shared, "consulent", 2)], audience=Audience.PROFESSIONALS)

    parent = CaseAccess(trajectory=world.trajectory, role=CaseRole.OUDER)
    (item,) = scaling_overview(parent)
    assert item.statement == shared
    assert [s.label for s in item.series] == ["An (moeder)"]
    assert item.professionals == [] and item.difference is None

    owner = CaseAccess(trajectory=world.trajectory, role=CaseRole.CONSULENT)
    items = scaling_overview(owner)
    assert [i.statement for i in items] == [shared, hidden]
    assert [s.label for s in items[0].series] == ["An (moeder)", "Consulent"]
    assert items[0].difference is not None


def test_the_page_without_statements_says_what_comes_first(world: World) -> None:
    response = logged_in_client(world.owner).get(
        reverse("assessments:scaling", args=[world.trajectory.reference])
    )
    assert response.status_code == 200
    assert "Er zijn nog geen gevaarsboodschappen." in response.content.decode()
    new = logged_in_client(world.owner).get(_new_url(world))
    assert new.status_code == 200
    assert '<form method="post" novalidate>' not in new.content.decode()


# --- queries --------------------------------------------------------------------------------

# Session, user, their roles, led teams, the trajectory, the audit row; statements, goals, scores
# (with round and person), relations; the team's organisation in the header.
SCALING_PAGE_QUERIES = 13  # + the children's names in the head; + the safety path (child_voice)


def _bulk_rounds(world: World, statements: list[DangerStatement], start: int, count: int) -> None:
    """Rounds straight in the database: 4 people (2 of the family, 2 roles) per statement."""
    people: list[Person | str] = [mother_of(world.trajectory), child_of(world.trajectory)]
    people += ["consulent", "hulpverlener"]
    for r in range(start, start + count):
        scaling_round = ScalingRound.objects.create(
            trajectory=world.trajectory,
            held_on=DAY + datetime.timedelta(days=14 * r),
            created_by=world.owner,
        )
        ScalingScore.objects.bulk_create(
            ScalingScore(
                round=scaling_round,
                trajectory=world.trajectory,
                danger_statement=statement,
                person=who if isinstance(who, Person) else None,
                professional_role=who if isinstance(who, str) else "",
                score=(r + i + s) % 11,
                what_makes_it="Reden",
            )
            for s, statement in enumerate(statements)
            for i, who in enumerate(people)
        )


def test_the_scaling_page_does_not_grow_with_the_rounds(
    world: World, django_assert_num_queries: Any
) -> None:
    statements = [make_statement(world.trajectory, world.owner, n=n) for n in range(5)]
    _bulk_rounds(world, statements, 0, 10)
    client = logged_in_client(world.owner)
    url = reverse("assessments:scaling", args=[world.trajectory.reference])
    with django_assert_num_queries(SCALING_PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<polyline") == 5 * 4
    _bulk_rounds(world, statements, 10, 10)
    with django_assert_num_queries(SCALING_PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["items"][0].table.rows) == 20

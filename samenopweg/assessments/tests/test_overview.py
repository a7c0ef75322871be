"""The printable overview: who may print, the PDF download, and only what the reader may see."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.assessments.models import (
    BottomLine,
    DangerStatement,
    MapCategory,
    MapEntry,
    ProfessionalView,
    SafetyGoal,
    ScalingRound,
    ScalingScore,
    StatementSet,
    StatementStatus,
)
from samenopweg.assessments.selectors.overview import Overview, overview_for
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.access import CaseAccess, get_trajectory_for_user
from samenopweg.cases.tests.helpers import child_of, logged_in_client, mother_of
from samenopweg.core.models import Audience

pytestmark = pytest.mark.django_db

# Text that only professionals may see carries this mark; text shared with parents the other.
PRIVATE = "ALLEEN-PROF"
SHARED = "GEDEELD"
DAY = datetime.date(2026, 3, 2)
# The overview page: session and user (2), the access check (memberships, teams led and the
# trajectory: 3), the reads of `selectors.overview` (10) and the audit row (1).
OVERVIEW_QUERIES = 18  # + what the children said on the map and about the items (child_voice)


# --- a full map ------------------------------------------------------------------------------


def add_entries(world: World, n: int, *, start: int = 0) -> None:
    """n entries spread over every category; every third one for professionals only."""
    categories = list(MapCategory)
    mother = mother_of(world.trajectory)
    MapEntry.objects.bulk_create(
        MapEntry(
            trajectory=world.trajectory,
            category=categories[i % len(categories)],
            text=(
                f"{PRIVATE} regel {i}: de school meldt dat Noor moe is."
                if i % 3 == 0
                else f"{SHARED} regel {i}: mama brengt Noor elke dag op tijd naar school."
            ),
            view_of_person=mother if i % 2 else None,
            view_of_role="" if i % 2 else ProfessionalView.CONSULENT,
            audience=Audience.PROFESSIONALS if i % 3 == 0 else Audience.PARENTS,
            position=i,
            created_by=world.owner,
        )
        for i in range(start, start + n)
    )


def add_statement(
    world: World, n: int, *, audience: int = Audience.PARENTS, goal_audience: int | None = None
) -> DangerStatement:
    mark = PRIVATE if audience == Audience.PROFESSIONALS else SHARED
    statement = DangerStatement.objects.create(
        trajectory=world.trajectory,
        who_is_worried=f"{mark} De school en de consulent",
        behaviour=f"papa roept en slaat als hij gedronken heeft ({n})",
        impact="Noor bang is om naar huis te gaan",
        fear="Noor gewond raakt",
        position=n,
        audience=audience,
        created_by=world.owner,
    )
    statement.children.set([child_of(world.trajectory)])
    goal_audience = audience if goal_audience is None else goal_audience
    goal_mark = PRIVATE if goal_audience == Audience.PROFESSIONALS else SHARED
    SafetyGoal.objects.create(
        danger_statement=statement,
        trajectory=world.trajectory,
        parents_and_network_will=f"{goal_mark} Oma Maria is erbij als papa Noor ziet ({n})",
        child_will_experience="Noor voelt zich rustig thuis",
        professionals_will_see="Bij elk huisbezoek is papa nuchter",
        for_how_long="drie maanden",
        audience=goal_audience,
        created_by=world.owner,
    )
    return statement


def add_round(world: World, statements: list[DangerStatement], *, day: datetime.date) -> None:
    """Mama (shared with parents) and the consultant (professionals only) give a number."""
    scaling_round = ScalingRound.objects.create(
        trajectory=world.trajectory, held_on=day, created_by=world.owner
    )
    mother = mother_of(world.trajectory)
    for statement in statements:
        ScalingScore.objects.create(
            round=scaling_round,
            trajectory=world.trajectory,
            danger_statement=statement,
            person=mother,
            score=6,
            audience=Audience.PARENTS,
        )
        ScalingScore.objects.create(
            round=scaling_round,
            trajectory=world.trajectory,
            danger_statement=statement,
            professional_role=ProfessionalView.CONSULENT,
            score=2,
            audience=Audience.PROFESSIONALS,
        )


def fill(world: World, *, entries: int = 50, statements: int = 5) -> list[DangerStatement]:
    """A full map: entries, statements (the first for professionals only), rounds, bottom lines."""
    add_entries(world, entries)
    made = [
        add_statement(world, n, audience=Audience.PROFESSIONALS if n == 1 else Audience.PARENTS)
        for n in range(1, statements + 1)
    ]
    add_round(world, made, day=DAY)
    add_round(world, made, day=DAY + datetime.timedelta(days=28))
    for text, reason, audience in (
        (
            f"{SHARED} Noor slaapt niet thuis als papa gedronken heeft.",
            "Dan is het thuis niet veilig.",
            Audience.PARENTS,
        ),
        (
            f"{PRIVATE} Melding bij het parket als papa opnieuw slaat.",
            "Het mandaat.",
            Audience.PROFESSIONALS,
        ),
    ):
        BottomLine.objects.create(
            trajectory=world.trajectory,
            text=text,
            reason=reason,
            audience=audience,
            created_by=world.owner,
        )
    StatementSet.objects.create(trajectory=world.trajectory, status=StatementStatus.DISCUSSED)
    return made


def _access(user: Any, world: World) -> CaseAccess:
    return get_trajectory_for_user(user, world.trajectory.reference)


def _url(world: World, name: str = "assessments:overview") -> str:
    return reverse(name, args=[world.trajectory.reference])


def _texts(overview: Overview) -> str:
    """Every text of the overview's data, joined: what a template could possibly show."""
    parts: list[str] = []
    for column in overview.columns:
        for category in column.categories:
            parts += [line.entry.text for line in category.lines]
    for row in overview.statements:
        parts.append(row.statement.sentence)
        parts += [goal.parents_and_network_will for goal in row.goals]
        parts += [f"{latest.label}={latest.score}" for latest in row.latest]
    parts += [line.text for line in overview.bottom_lines]
    return "\n".join(parts)


# --- who may print ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["owner", "worker", "team_lead"])
def test_the_professionals_of_the_case_see_the_overview(world: World, persona: str) -> None:
    fill(world, entries=6, statements=2)
    response = logged_in_client(world.personas()[persona]).get(_url(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert world.trajectory.reference in page
    assert "Vertrouwelijk" in page
    assert f"{SHARED} regel 1" in page and f"{PRIVATE} regel 0" in page
    assert 'href="/static/css/overview.css"' in page
    assert _url(world, "assessments:overview_pdf") in page


@pytest.mark.parametrize(
    "persona", ["worker_elsewhere", "other_consultant", "expired", "parent_elsewhere", "auditor"]
)
@pytest.mark.parametrize("name", ["assessments:overview", "assessments:overview_pdf"])
def test_outsiders_get_404(world: World, persona: str, name: str) -> None:
    assert logged_in_client(world.personas()[persona]).get(_url(world, name)).status_code == 404


@pytest.mark.parametrize("name", ["assessments:overview", "assessments:overview_pdf"])
def test_a_parent_cannot_print_here_yet(world: World, name: str) -> None:
    """Their portal comes later; the selector is ready for them (see below)."""
    assert logged_in_client(world.parent).get(_url(world, name)).status_code == 403


def test_anonymous_visitors_go_to_the_login_page(client: Client, world: World) -> None:
    response = client.get(_url(world, "assessments:overview_pdf"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_page_read_is_audited_as_a_view(world: World) -> None:
    logged_in_client(world.worker).get(_url(world))
    row = AuditEvent.objects.get(path=_url(world))
    assert (row.action, row.actor, row.trajectory) == (
        AuditAction.VIEW,
        world.worker,
        world.trajectory,
    )


# --- the PDF ---------------------------------------------------------------------------------


def test_the_pdf_is_an_a4_landscape_attachment_with_an_export_row(world: World) -> None:
    fill(world, entries=10, statements=2)
    url = _url(world, "assessments:overview_pdf")
    response = logged_in_client(world.owner).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reference = world.trajectory.reference
    assert response["Content-Disposition"] == f'attachment; filename="kaart-{reference}.pdf"'
    assert "no-store" in response["Cache-Control"]
    rows = AuditEvent.objects.filter(path=url)
    assert [(r.action, r.actor, r.trajectory) for r in rows] == [
        (AuditAction.EXPORT, world.owner, world.trajectory)
    ]


def test_a_usual_map_fits_one_a4_landscape_page(world: World) -> None:
    from samenopweg.assessments.views.print import pdf_document

    fill(world, entries=12, statements=2)
    access = _access(world.owner, world)
    html = render_to_string(
        "assessments/print/overview_pdf.html",
        {"access": access, "t": access.trajectory, "overview": overview_for(access)},
    )
    document = pdf_document(html, base_url="http://testserver/")
    px_per_mm = 96 / 25.4
    assert [(round(p.width / px_per_mm), round(p.height / px_per_mm)) for p in document.pages] == [
        (297, 210)
    ]


def _pdf_pages(user: Any, reference: str) -> list[tuple[int, int]]:
    """The overview PDF of a trajectory, as the (width, height) in mm of each page."""
    from samenopweg.assessments.views.print import pdf_document

    access = get_trajectory_for_user(user, reference)
    html = render_to_string(
        "assessments/print/overview_pdf.html",
        {"access": access, "t": access.trajectory, "overview": overview_for(access)},
    )
    px_per_mm = 96 / 25.4
    return [
        (round(p.width / px_per_mm), round(p.height / px_per_mm))
        for p in pdf_document(html, base_url="http://testserver/").pages
    ]


def test_every_demo_family_prints_on_one_sheet(settings: Any) -> None:
    """The demo's maps are ordinary full ones (up to 16 lines, two statements, five scores each)."""
    from samenopweg.cases.models import Trajectory
    from samenopweg.demo import loader

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    loader.load()
    trajectories = list(Trajectory.objects.select_related("owner"))
    assert len(trajectories) == 7
    pages = {t.reference: _pdf_pages(t.owner, t.reference) for t in trajectories}
    assert pages == {t.reference: [(297, 210)] for t in trajectories}


def test_a_very_long_map_flows_onto_more_a4_landscape_pages(world: World) -> None:
    """Nothing is dropped: 50 lines and five statements take more than one sheet."""
    fill(world)
    pages = _pdf_pages(world.owner, world.trajectory.reference)
    assert len(pages) > 1
    assert set(pages) == {(297, 210)}


def test_the_pdf_answers_only_get(world: World) -> None:
    url = _url(world, "assessments:overview_pdf")
    assert logged_in_client(world.owner).post(url).status_code == 405
    assert not AuditEvent.objects.filter(path=url).exists()


def test_the_pdf_fetches_nothing_from_outside(world: World, monkeypatch: Any) -> None:
    """Whatever is in the HTML, the renderer asks no server for anything (not even this one)."""
    from samenopweg.assessments.views.print import render_pdf

    html = '<img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="/static/x.css">'
    calls: list[str] = []
    monkeypatch.setattr("urllib.request.OpenerDirector.open", lambda *a, **k: calls.append(a))
    assert render_pdf(html, base_url="http://testserver/").startswith(b"%PDF")
    assert calls == []


# --- only what the reader's audience may see -------------------------------------------------


def test_a_parent_gets_only_what_is_shared_with_parents(world: World) -> None:
    statements = fill(world)
    withdrawn = add_statement(world, 9)
    DangerStatement.objects.filter(pk=withdrawn.pk).update(
        who_is_worried="INGETROKKEN", withdrawn_at=timezone.now()
    )
    access = _access(world.parent, world)
    assert not access.is_professional

    overview = overview_for(access)
    texts = _texts(overview)

    assert f"{SHARED} regel 1" in texts
    assert PRIVATE not in texts
    assert "INGETROKKEN" not in texts
    assert [row.statement.pk for row in overview.statements] == [s.pk for s in statements[1:]]
    assert [row.number for row in overview.statements] == [1, 2, 3, 4]
    # Mama's numbers are shared with her; the consultant's are not.
    for row in overview.statements:
        assert [(latest.key, latest.score) for latest in row.latest] == [
            (f"person:{mother_of(world.trajectory).pk}", 6)
        ]
    assert [line.text for line in overview.bottom_lines] == [
        f"{SHARED} Noor slaapt niet thuis als papa gedronken heeft."
    ]


def test_a_render_for_a_parent_shows_nothing_for_professionals_only(world: World) -> None:
    fill(world, entries=12, statements=3)
    # A shared statement whose goal is still for professionals only.
    add_statement(world, 7, audience=Audience.PARENTS, goal_audience=Audience.PROFESSIONALS)
    access = _access(world.parent, world)
    context = {"access": access, "t": access.trajectory, "overview": overview_for(access)}

    for template in ("assessments/print/overview_pdf.html", "assessments/print/_sheet.html"):
        html = render_to_string(template, context)
        assert SHARED in html
        assert PRIVATE not in html
        assert "alleen prof." not in html
        assert "Consulent <strong>2</strong>" not in html  # the consultant's number
        assert "<strong>6</strong>" in html  # mama's
        assert "Nog geen veiligheidsdoel." in html  # statement 7's goal is not theirs to see


def test_professionals_see_everything_with_private_lines_marked(world: World) -> None:
    fill(world, entries=12, statements=3)
    access = _access(world.worker, world)
    overview = overview_for(access)
    assert len(overview.statements) == 3
    assert {latest.score for latest in overview.statements[0].latest} == {6, 2}
    html = render_to_string(
        "assessments/print/_sheet.html",
        {"access": access, "t": access.trajectory, "overview": overview},
    )
    assert PRIVATE in html
    assert html.count("alleen prof.") >= 1 + 4 + 1 + 1  # legend, entries, statement, bottom line


def test_columns_keep_the_map_order_and_drop_empty_categories(world: World) -> None:
    add_entries(world, 3)  # harm, danger_short, danger_medium
    overview = overview_for(_access(world.owner, world))
    assert [c.column for c in overview.columns] == ["worries", "going_well", "needs"]
    worries, going_well, needs = overview.columns
    assert [cat.category for cat in worries.categories] == [
        MapCategory.HARM,
        MapCategory.DANGER_SHORT,
        MapCategory.DANGER_MEDIUM,
    ]
    assert going_well.categories == needs.categories == []
    assert overview.entry_count == 3


def test_an_empty_trajectory_prints_an_empty_sheet(world: World) -> None:
    response = logged_in_client(world.owner).get(_url(world))
    page = response.content.decode()
    assert "Nog geen gevaarsboodschappen." in page
    assert "Nog geen bodemeisen." in page
    assert response.context["overview"].status == StatementStatus.DRAFT


# --- queries ---------------------------------------------------------------------------------


def test_the_overview_does_not_grow_with_the_map(
    world: World, django_assert_num_queries: Any
) -> None:
    statements = fill(world)
    client = logged_in_client(world.owner)
    with django_assert_num_queries(OVERVIEW_QUERIES):
        response = client.get(_url(world))
    assert response.status_code == 200
    assert response.context["overview"].entry_count == 50
    assert len(response.context["overview"].statements) == 5

    add_entries(world, 20, start=50)
    more = add_statement(world, 6)
    add_round(world, [*statements, more], day=DAY + datetime.timedelta(days=56))
    with django_assert_num_queries(OVERVIEW_QUERIES):
        response = client.get(_url(world))
    assert response.context["overview"].entry_count == 70
    assert len(response.context["overview"].statements) == 6


# --- where the overview is offered -----------------------------------------------------------


@pytest.mark.parametrize("name", ["assessments:map", "assessments:statements"])
def test_the_map_and_the_statements_page_link_to_it(world: World, name: str) -> None:
    page = logged_in_client(world.owner).get(_url(world, name)).content.decode()
    assert f'href="{_url(world)}"' in page

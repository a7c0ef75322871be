"""The practice's words say what they are (issue 12, point 8).

WAT is spelled out where it is used; "maatschappelijke noodzaak" is explained where it is chosen
and read; the tab and the map heading have different names; the safety question's next step and
the plan's status have different words.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import World
from samenopweg.cases.models import Framework
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.safety_plans.tests.plan_world import ensure_plan

pytestmark = pytest.mark.django_db

WAT_EXPLAINED = (
    "Samen zijn ze het <strong>WAT</strong>: wat er moet veranderen opdat het kind veilig is."
)
NOODZAAK_EXPLAINED = (
    "Maatschappelijke noodzaak: het kind heeft hulp nodig, maar vrijwillige hulp lukt niet "
    "of het gezin weigert ze. Dan komt de overheid tussen."
)


def _page(world: World, name: str) -> str:
    url = reverse(name, args=[world.trajectory.reference])
    response = logged_in_client(world.owner).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_statements_tab_names_what_is_behind_it_and_the_page_spells_out_wat(
    world: World,
) -> None:
    page = _page(world, "assessments:statements")
    assert 'aria-current="page">Gevaarsboodschappen en doelen</a>' in page
    assert "<h2>Gevaarsboodschappen, veiligheidsdoelen en bodemeisen</h2>" in page
    assert WAT_EXPLAINED in page
    assert "De consulent beslist het WAT, na overleg met het gezin" in page


def test_the_map_keeps_its_question_and_no_tab_has_the_same_name(world: World) -> None:
    page = _page(world, "assessments:map")
    assert "Wat moet er veranderen?" in page  # the map's own heading, the brochure's question
    assert ">Wat moet er veranderen</a>" not in page
    assert ">Gevaarsboodschappen en doelen</a>" in page


def test_the_overview_sheet_has_no_bare_wat(world: World) -> None:
    page = _page(world, "assessments:overview")
    assert "Kaart, gevaarsboodschappen en doelen" in page
    assert "WAT" not in page


def test_the_safety_question_has_a_next_necessary_step_and_the_plan_a_new_status(
    world: World,
) -> None:
    safety = _page(world, "case_people:safety")
    assert '<th scope="col">Volgende nodige stap</th>' in safety
    ensure_plan(world)
    plan = _page(world, "safety_plans:plan")
    assert ">Nieuwe status van het plan</label>" in plan
    assert "Volgende stap" not in plan
    for name in ("dashboard:detail", "dashboard:dashboard"):
        url = reverse(name, args=[world.trajectory.reference] if name == "dashboard:detail" else [])
        page = logged_in_client(world.owner).get(url).content.decode()
        assert "Volgende stap" not in page


def test_the_dashboard_filter_says_what_is_missing(world: World) -> None:
    page = logged_in_client(world.owner).get(reverse("dashboard:dashboard")).content.decode()
    assert "Gevaarsboodschappen of doelen ontbreken of zijn niet gedeeld" in page
    assert "WAT" not in page


def test_maatschappelijke_noodzaak_is_explained_where_it_is_read(world: World) -> None:
    page = _page(world, "dashboard:detail")
    assert "Kader: Verontrusting" in page
    assert "vrijwillige hulp lukt niet" not in page  # only the frame that needs it

    world.trajectory.framework = Framework.MAATSCHAPPELIJKE_NOODZAAK
    world.trajectory.save(update_fields=["framework"])
    page = _page(world, "dashboard:detail")
    assert "Kader: Maatschappelijke noodzaak" in page
    assert f'<p class="help">{NOODZAAK_EXPLAINED}</p>' in page


@pytest.mark.parametrize("name", ["case_people:register", "cases:edit"])
def test_maatschappelijke_noodzaak_is_explained_where_it_is_chosen(world: World, name: str) -> None:
    args = [] if name == "case_people:register" else [world.trajectory.reference]
    page = logged_in_client(world.owner).get(reverse(name, args=args)).content.decode()
    assert f'id="id_framework_helptext">{NOODZAAK_EXPLAINED}</p>' in page

"""After a failed submit, a summary on top names every problem with a link to its field
(issue 12, point 6), and the registration speaks no formset jargon."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.cases.models import SafetyCheck, Trajectory
from samenopweg.cases.tests.test_views import journal_post, journal_url, registration_data
from samenopweg.people.models import Person

pytestmark = pytest.mark.django_db


def _summary(page: str) -> str:
    start = page.index('class="error-summary"')
    return page[start : page.index("</div>", start)]


def test_a_failed_form_page_opens_with_a_summary_that_links_to_each_field(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)

    page = client.post(journal_url(world), journal_post(text="", occurred_on="")).content.decode()

    summary = _summary(page)
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    assert "Er is een probleem" in summary
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert ("id_text", "Verslag: Dit veld is verplicht.") in links
    for anchor, _text in links:
        assert f'id="{anchor}"' in page  # each link lands on its field


def test_a_page_without_errors_has_no_summary(client: Client, world: World) -> None:
    client.force_login(world.owner)
    assert 'class="error-summary"' not in client.get(journal_url(world)).content.decode()


def test_the_registration_summary_names_the_problems_of_the_children_too(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    data = registration_data(world, **{"child-0-first_name": "", "child-0-safety_answer": ""})

    page = client.post(reverse("case_people:register"), data).content.decode()

    summary = _summary(page)
    assert 'href="#id_child-0-first_name"' in summary
    assert 'href="#id_child-0-safety_answer_0"' in summary  # a radio group: its first option
    assert 'id="id_child-0-safety_answer_0"' in page


def test_no_child_at_all_is_said_in_words_not_in_formset_jargon(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    data = registration_data(world)
    data = {k: v for k, v in data.items() if not k.startswith("child-0-")}

    page = client.post(reverse("case_people:register"), data).content.decode()

    assert "Vul de gegevens van minstens één kind in." in page
    assert "formulier" not in _summary(page)


def test_same_answer_for_all_children_is_typed_once_at_registration(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    data = registration_data(world, same_safety="1")
    data.update(
        {
            "child-TOTAL_FORMS": "3",
            "child-1-first_name": "Mats",
            "child-1-date_of_birth": "2016-01-05",
            "child-2-first_name": "Lien",
            "child-2-date_of_birth": "2020-07-09",
        }
    )

    response = client.post(reverse("case_people:register"), data)

    assert response.status_code == 302, _summary(response.content.decode())
    trajectory = Trajectory.objects.get(reason=data["reason"], team=world.team)
    checks = SafetyCheck.objects.filter(trajectory=trajectory)
    assert sorted(c.child.first_name for c in checks) == ["Lien", "Lotte", "Mats"]
    assert {(c.answer, c.basis, c.next_step, c.urgency) for c in checks} == {
        ("unclear", "Melding van de school.", "Gesprek met de moeder.", "72h")
    }


def test_same_answer_for_all_children_on_the_safety_page(client: Client, world: World) -> None:
    trajectory = world.trajectory
    Person.objects.create(
        trajectory=trajectory,
        first_name="Sem",
        is_child=True,
        date_of_birth=datetime.date(2019, 1, 1),
    )
    children = list(Person.objects.filter(trajectory=trajectory, is_child=True))
    first = sorted(children, key=lambda c: (c.date_of_birth, c.pk))[0]
    client.force_login(world.owner)
    data = {
        "same_safety": "1",
        f"child-{first.pk}-safety_answer": "yes",
        f"child-{first.pk}-safety_basis": "Huisbezoek: het gaat goed.",
        f"child-{first.pk}-next_step": "Opvolgen.",
        f"child-{first.pk}-urgency": "regular",
    }

    response = client.post(reverse("case_people:safety", args=[trajectory.reference]), data)

    assert response.status_code == 302
    latest = SafetyCheck.objects.filter(trajectory=trajectory, basis="Huisbezoek: het gaat goed.")
    assert sorted(c.child_id for c in latest) == sorted(c.pk for c in children)


def test_a_restored_registration_keeps_the_default_date_and_shows_no_errors(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    url = reverse("case_people:register")
    client.post(url, {"reason": "Half getypt", "_autosave": "1"}, HTTP_HX_REQUEST="true")

    page = client.get(url).content.decode()

    assert "Half getypt" in page
    today = timezone.localdate().isoformat()
    assert re.search(rf'name="registered_on" value="{today}"', page)
    assert 'class="error-summary"' not in page
    assert "Dit veld is verplicht." not in page

"""After a failed submit, a summary on top names every problem with a link to its field
(issue 12, point 6), and the registration speaks no formset jargon."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.cases.tests.test_views import journal_post, journal_url, registration_data

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

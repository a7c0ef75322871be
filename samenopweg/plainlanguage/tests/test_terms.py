"""The word list: seeded, unique whatever the case, cached and refreshed on every change."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from conftest import World
from samenopweg.plainlanguage.checker import check, find_jargon
from samenopweg.plainlanguage.models import JargonTerm
from samenopweg.plainlanguage.terms import active_terms

pytestmark = pytest.mark.django_db


def test_the_list_is_seeded_with_at_least_80_terms() -> None:
    terms = {t.term for t in JargonTerm.objects.filter(is_active=True)}
    assert len(terms) >= 80
    for expected in ["verontrusting", "maatschappelijke noodzaak", "MOF", "jeugdrechter"]:
        assert expected in terms


def test_no_plain_alternative_uses_a_word_from_the_list() -> None:
    terms = active_terms()
    offenders = {t.term: hit.term for t in terms for hit in find_jargon(t.alternative, terms)}
    assert offenders == {}


def test_a_term_is_unique_whatever_its_case() -> None:
    duplicate = JargonTerm(term="Verontrusting", alternative="zorgen")
    with pytest.raises(ValidationError, match="Dit woord staat al in de lijst."):
        duplicate.full_clean()


def test_saving_a_term_refreshes_the_cached_list(django_assert_num_queries: Any) -> None:
    active_terms()
    with django_assert_num_queries(0):
        assert check("De zorgboog.").jargon == ()

    term = JargonTerm.objects.create(term="zorgboog", alternative="de hulp")
    assert [h.alternative for h in check("De zorgboog.").jargon] == ["de hulp"]

    term.is_active = False
    term.save()
    assert check("De zorgboog.").jargon == ()

    term.is_active = True
    term.save()
    term.delete()
    assert check("De zorgboog.").jargon == ()


def test_admins_search_and_edit_the_alternative_in_the_list(world: World) -> None:
    client = Client()
    client.force_login(world.admin)
    url = reverse("admin:plainlanguage_jargonterm_changelist")

    response = client.get(url, {"q": "verontrusting"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "we maken ons zorgen" in content
    assert 'name="form-0-alternative"' in content


def test_the_word_list_is_not_for_professionals(client: Client, world: World) -> None:
    client.force_login(world.owner)
    url = reverse("admin:plainlanguage_jargonterm_changelist")
    assert client.get(url).status_code == 302

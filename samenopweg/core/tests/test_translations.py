"""The English catalog is complete and compiled; Dutch (nl-be) works from the source texts.

After changing UI text, run `make messages`, translate the new English entries and commit both
the .po and the .mo file: these tests fail until then.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import polib
import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

EN_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")

Key = tuple[str | None, str]


@pytest.fixture(autouse=True)
def _reset_language() -> Any:
    # A request activates the user's language for the thread; do not leak it into other tests.
    yield
    translation.deactivate()


def _po() -> polib.POFile:
    return polib.pofile(str(EN_DIR / "django.po"))


def _translations(entries: Any) -> dict[Key, tuple[str, ...]]:
    result: dict[Key, tuple[str, ...]] = {}
    for entry in entries:
        if entry.msgid_plural:
            plural = entry.msgstr_plural
            result[(entry.msgctxt, entry.msgid)] = tuple(plural[i] for i in sorted(plural))
        else:
            result[(entry.msgctxt, entry.msgid)] = (entry.msgstr,)
    return result


def test_every_english_entry_is_translated_and_not_fuzzy() -> None:
    po = _po()
    live = [e for e in po if not e.obsolete]
    assert live, "the English catalog is empty: run `make messages`"
    assert not po.metadata_is_fuzzy
    untranslated = [e.msgid for e in live if not e.translated()]
    fuzzy = [e.msgid for e in live if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_english_translations_keep_every_placeholder() -> None:
    for entry in _po():
        if entry.obsolete:
            continue
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        targets = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = sorted(set().union(*(PLACEHOLDER.findall(s) for s in sources)))
        for target in targets:
            assert sorted(set(PLACEHOLDER.findall(target))) == expected, entry.msgid


def test_compiled_english_catalog_matches_the_po_file() -> None:
    po = _po()
    mo = polib.mofile(str(EN_DIR / "django.mo"))
    expected = _translations(e for e in po if e.translated() and not e.obsolete)
    assert _translations(mo) == expected, "run `make messages` to recompile the .mo file"


def test_it_translates_the_safety_question_into_english() -> None:
    with translation.override("en"):
        assert gettext("Is het kind nu veilig?") == "Is the child safe now?"
        assert ngettext("%(n)s traject", "%(n)s trajecten", 2) % {"n": 2} == "2 trajectories"
        rendered = Template('{% load i18n %}{% translate "Logboek" %}').render(Context())
        assert rendered == "Journal"


def test_dutch_shows_the_source_text_and_djangos_own_dutch_messages() -> None:
    class OneField(forms.Form):
        name = forms.CharField()

    with translation.override(settings.LANGUAGE_CODE):
        assert translation.get_language() == "nl-be"
        assert gettext("Is het kind nu veilig?") == "Is het kind nu veilig?"
        form = OneField(data={})
        assert not form.is_valid()
        assert form.errors["name"] == ["Dit veld is verplicht."]


def test_belgian_short_date_format() -> None:
    with translation.override("nl-be"):
        assert date_format(datetime.date(2026, 3, 12), "SHORT_DATE_FORMAT") == "12/03/2026"


@pytest.mark.django_db
def test_a_user_who_chose_english_gets_english_pages(client: Any, world: Any) -> None:
    world.owner.language = "en"
    world.owner.save(update_fields=["language"])
    client.force_login(world.owner)
    page = client.get(f"/trajecten/{world.trajectory.reference}/").content.decode()
    assert "Log out" in page
    assert "Afmelden" not in page


@pytest.mark.django_db
def test_other_users_keep_dutch(client: Any, world: Any) -> None:
    client.force_login(world.worker)
    page = client.get(f"/trajecten/{world.trajectory.reference}/").content.decode()
    assert "Afmelden" in page

"""What a parent or a child reads in the feedback app passes our own language check: no word
from the jargon list, no sentence over MAX_SENTENCE_WORDS words."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.core.cache import cache
from django.utils import translation

from conftest import World
from samenopweg.feedback.forms import FACES, ExpectationForm, RoundForm
from samenopweg.feedback.models import QUESTIONS, Party, VersionKind
from samenopweg.plainlanguage.checker import MAX_SENTENCE_WORDS, check
from samenopweg.plainlanguage.terms import CACHE_KEY

pytestmark = pytest.mark.django_db

FAMILY_VERSIONS = [VersionKind.PARENT, VersionKind.CHILD]
FAMILY_PARTIES = [Party.PARENTS, Party.CHILD]


def _problems(texts: list[tuple[str, Any]]) -> list[str]:
    """What the check finds in each (where, text): jargon and long sentences."""
    cache.delete(CACHE_KEY)  # the seeded list, not one a rolled-back test left in the cache
    found = []
    for where, text in texts:
        report = check(str(text))
        for hit in report.jargon:
            found.append(f"{where}: moeilijk woord {hit.found!r} in {str(text)!r}")
        for sentence in report.long_sentences:
            found.append(f"{where}: zin van {sentence.words} woorden in {str(text)!r}")
    return found


def _round_texts(world: World, version: str) -> list[tuple[str, Any]]:
    """The questions, the open question, the line above them, the heading, and every label,
    help text and choice of the round form of `version` (not the hidden version, the names of
    the people who answer or the numbers 0 to 10)."""
    questions = QUESTIONS[version]
    texts: list[tuple[str, Any]] = [
        ("heading", VersionKind(version).label),
        ("intro", questions.intro),
        ("open question", questions.open),
        *((f"question {n}", line) for n, line in enumerate(questions.lines, start=1)),
    ]
    form = RoundForm(trajectory=world.trajectory, version_kind=version)
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            continue
        if field.label:
            texts.append((f"{name}.label", field.label))
        if field.help_text:
            texts.append((f"{name}.help_text", field.help_text))
        if isinstance(field, forms.ModelChoiceField):
            continue
        for _value, label in getattr(field, "choices", ()):
            if not str(label).isdigit():
                texts.append((f"{name}.choice", label))
    return texts


def test_the_check_finds_what_it_should() -> None:
    """Guards the tests below: the seeded list is there and long sentences count."""
    long = " ".join(["woord"] * (MAX_SENTENCE_WORDS + 1)) + "."
    assert _problems([("jargon", "Er is een verontrusting."), ("long", long)]) != []
    assert len(_problems([("long", long)])) == 1


@pytest.mark.parametrize("version", FAMILY_VERSIONS)
def test_the_round_a_parent_or_a_child_answers_is_in_plain_language(
    world: World, version: str
) -> None:
    with translation.override("nl-be"):
        assert _problems(_round_texts(world, version)) == []


def test_the_faces_of_the_childs_version_are_plain_words() -> None:
    with translation.override("nl-be"):
        assert _problems([(f"face {face}", word) for _upto, face, word in FACES]) == []


@pytest.mark.parametrize("party", FAMILY_PARTIES)
def test_the_expectation_prompts_for_parents_and_child_are_in_plain_language(
    world: World, party: str
) -> None:
    form = ExpectationForm(trajectory=world.trajectory, initial={"party": party})
    with translation.override("nl-be"):
        texts: list[tuple[str, Any]] = [("party", Party(party).label)]
        for name in ("expects", "offers", "child"):
            field = form.fields[name]
            texts.append((f"{name}.label", field.label))
            if field.help_text:
                texts.append((f"{name}.help_text", field.help_text))
        assert _problems(texts) == []

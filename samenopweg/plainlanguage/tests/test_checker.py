"""The checker on real Dutch sentences, with the seeded word list."""

from __future__ import annotations

import pytest

from samenopweg.plainlanguage.checker import (
    MAX_SENTENCE_WORDS,
    Report,
    Term,
    check,
    is_participle,
    label_for,
    sentences_of,
    syllables,
)

pytestmark = pytest.mark.django_db

LEGAL = (
    "Gelet op de maatschappelijke noodzaak en de verontrustende opvoedingssituatie beveelt de "
    "jeugdrechter overeenkomstig artikel 51 van het decreet integrale jeugdhulp een voorlopige "
    "maatregel van uithuisplaatsing."
)


def test_it_finds_jargon_with_its_plain_alternative() -> None:
    text = "Er is sprake van verontrusting en een complexe problematiek."
    report = check(text)

    found = {hit.term: hit.alternative for hit in report.jargon}
    assert found == {
        "verontrusting": "we maken ons zorgen",
        "problematiek": "de moeilijkheden",
    }
    assert [hit.start for hit in report.jargon] == [
        text.index("verontrusting"),
        text.index("problematiek"),
    ]


def test_it_finds_multi_word_terms_across_a_line_break_and_in_any_case() -> None:
    report = check("Er is een Maatschappelijke\nnoodzaak. Het hulpverleningstraject start.")

    assert [hit.term for hit in report.jargon] == [
        "maatschappelijke noodzaak",
        "hulpverleningstraject",
    ]
    assert report.jargon[0].found == "Maatschappelijke\nnoodzaak"


def test_the_longest_term_wins_and_plurals_match() -> None:
    report = check("De contextbegeleiding start. Er komen twee voorlopige maatregelen.")

    assert [hit.term for hit in report.jargon] == ["contextbegeleiding", "voorlopige maatregel"]
    assert report.jargon[1].found == "voorlopige maatregelen"


def test_acronyms_match_in_capitals_only() -> None:
    report = check("Het gaat om een MOF. In het verhaal sluipt een vos rond.")

    assert [hit.term for hit in report.jargon] == ["MOF"]
    assert report.jargon[0].alternative == "een feit dat de wet als misdrijf ziet"


def test_a_word_that_only_contains_a_term_is_not_jargon() -> None:
    assert check("We spraken over de contexten en de verontrustingssituatie.").jargon[0].found == (
        "contexten"
    )
    assert [h.term for h in check("De verontrustingssituatie.").jargon] == []


def test_jargon_is_listed_once_per_term() -> None:
    report = check("Verontrusting blijft verontrusting.")

    assert len(report.jargon) == 2
    assert [hit.term for hit in report.distinct_jargon] == ["verontrusting"]


def test_it_flags_a_long_sentence_by_its_opening() -> None:
    text = (
        "Mama zegt dat het goed gaat. Omdat de school zich al een tijd zorgen maakt over hoe "
        "Lucas 's morgens aankomt en hij vaak moe is, willen we samen met jullie en de "
        "leerkracht bekijken wat er thuis nodig is."
    )
    report = check(text)

    assert len(report.long_sentences) == 1
    long = report.long_sentences[0]
    assert long.words > MAX_SENTENCE_WORDS
    assert long.start == text.index("Omdat")
    assert long.opening.startswith("Omdat de school zich al een")


def test_a_sentence_of_twenty_words_is_not_long() -> None:
    twenty = " ".join(["woord"] * 20) + "."
    assert check(twenty).long_sentences == ()


def test_it_flags_the_passive() -> None:
    report = check("De kinderen werden door de politie opgehaald.")

    assert [p.fragment for p in report.passives] == ["werden … opgehaald"]
    assert report.passives[0].start == len("De kinderen ")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Er wordt beslist dat Noor bij oma blijft.", "wordt … beslist"),
        ("Mama werd gisteren door de school verwittigd.", "werd … verwittigd"),
        ("Omdat de kinderen opgehaald werden, was mama boos.", "opgehaald … werden"),
        ("Lucas is naar een andere dienst doorverwezen geworden.", "doorverwezen … geworden"),
        ("Dat werd al gedaan.", "werd … gedaan"),
    ],
)
def test_it_flags_passives_in_other_shapes(text: str, fragment: str) -> None:
    assert [p.fragment for p in check(text).passives] == [fragment]


@pytest.mark.parametrize(
    "text",
    [
        "Lucas wordt boos als papa roept.",
        "Mama wordt gezond.",
        "Het wordt moeilijk om de huur te betalen.",
        "Het wordt vervelend.",
        "Papa heeft de kinderen opgehaald.",
        "Noor wordt tien en papa heeft een taart gekocht.",
        "Misschien wordt het beter.",
    ],
)
def test_it_leaves_active_sentences_alone(text: str) -> None:
    assert check(text).passives == ()


def test_a_short_plain_text_scores_high() -> None:
    readability = check("Mama en papa maken ruzie. Lucas is dan bang.").readability

    assert readability is not None
    assert readability.score >= 80
    assert readability.label == "heel makkelijk"
    assert (readability.words, readability.sentences) == (9, 2)


def test_a_legal_sentence_scores_low() -> None:
    readability = check(LEGAL).readability

    assert readability is not None
    assert readability.score < 30
    assert readability.label == "heel moeilijk"


@pytest.mark.parametrize(
    "text",
    [
        "Ja.",
        "Nee",
        "Hulpverleningstraject.",
        LEGAL,
        LEGAL * 3,
        "Mama en papa maken ruzie. Lucas is dan bang.",
        "a a a a a a a a a a a a a.",
        "onoverkomelijkheidsverklaringsprocedure",
        "1 2 3 4 5",
    ],
)
def test_the_score_stays_between_0_and_100(text: str) -> None:
    readability = check(text).readability
    assert readability is not None
    assert 0 <= readability.score <= 100


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "... !? –"])
def test_an_empty_text_gives_an_empty_report(text: str) -> None:
    report = check(text)

    assert report == Report()
    assert report.is_empty
    assert not report.has_findings
    assert report.readability is None


def test_clear_text_has_no_findings() -> None:
    report = check("We maken ons zorgen. Lucas komt vaak moe op school aan.")

    assert not report.is_empty
    assert not report.has_findings


def test_it_takes_an_explicit_word_list_without_the_database() -> None:
    terms = [Term("casusoverleg", "een overleg over jullie gezin")]
    report = check("Na het casusoverleg bellen we.", terms)
    assert [hit.alternative for hit in report.jargon] == ["een overleg over jullie gezin"]


# --- the building blocks --------------------------------------------------------------------


def test_abbreviations_and_list_numbers_do_not_end_a_sentence() -> None:
    text = "We belden o.a. de school, bv. de juf.\n1. Mama belt.\n2. Papa komt."
    assert [s for _o, s in sentences_of(text)] == [
        "We belden o.a. de school, bv. de juf.",
        "1. Mama belt.",
        "2. Papa komt.",
    ]


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("over", 2),  # hyphenation gives none: vowel groups decide
        ("eten", 2),
        ("bang", 1),
        ("ruzie", 2),
        ("situatie", 4),  # hiatus: hyphenation decides
        ("ideeën", 3),  # the diaeresis starts a syllable
        ("coördinatie", 5),
        ("hulpverleningstraject", 6),
        ("uithuisplaatsing", 4),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (100, "heel makkelijk"),
        (80, "heel makkelijk"),
        (70, "makkelijk"),
        (62, "redelijk"),
        (40, "moeilijk"),
        (10, "heel moeilijk"),
        (0, "heel moeilijk"),
    ],
)
def test_labels(score: int, label: str) -> None:
    assert label_for(score) == label


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("opgehaald", True),
        ("besproken", True),
        ("gegeven", True),
        ("gedaan", True),
        ("mishandeld", True),
        ("gezond", False),
        ("misschien", False),
        ("gezondheid", False),
        ("vervelend", False),
        ("geen", False),
        ("morgen", False),
    ],
)
def test_participles(word: str, expected: bool) -> None:
    assert is_participle(word) is expected


def test_both_parts_of_a_hyphenated_word_are_checked() -> None:
    report = check("De OCJ-consulent belt.")
    assert [hit.term for hit in report.jargon] == ["OCJ", "consulent"]


def test_short_terms_are_found_too() -> None:
    terms = [Term("IJ", "ij"), Term("ok", "goed"), Term("okido", "prima")]
    report = check("Het is ok. Okido!", terms)
    assert [hit.alternative for hit in report.jargon] == ["goed", "prima"]

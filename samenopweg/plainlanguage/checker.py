"""Plain-language check of a Dutch text: jargon, long sentences, passives, readability.

Pure Python and deterministic; the only outside input is the jargon list (`terms.py`, cached).
Everything here is a heuristic meant to prompt a second look, never to block a save.

- Sentences end at . ! ? … followed by a space and no lower-case letter, and at every line
  break (list items and short lines count as sentences). Common Dutch abbreviations (bv.,
  o.a., enz., d.w.z., art., …) and initials do not end a sentence.
- Jargon: whole words, case-insensitive (acronyms such as MOF and VOS only in capitals, so
  "vos" and "mof" stay ordinary words); multi-word terms match across any whitespace; the last
  word may carry a plural or inflection ending (-e, -en, -n, -s, -'s). Compounds are not split:
  "verontrusting" does not match inside "verontrustingssituatie" (list such compounds), but
  both parts of a hyphenated word are checked ("OCJ-consulent").
- Passive: inside one clause (split at , ; : and at en/maar/want/omdat/dat/die/…), a form of
  "worden" (word, wordt, worden, werd, werden, geworden, so also "is … geworden") together with
  a past participle: ge…d/t/en, optionally after a separable particle (opgehaald, doorverwezen),
  or be-/ver-/ont-/her-/onder-/over-/mis-…d/t/en without ge- (besproken, verwittigd), or a
  short list of irregulars (gedaan, ontstaan, erkend). Words that only look like participles (gezond,
  bekend, misschien, gebied, -heid nouns, present participles on -end) are left out, and so is
  an infinitive after "te". Perfect passives with "zijn" but without "geworden" ("de kinderen
  zijn opgehaald") are not flagged: they look exactly like the active perfect of verbs such as
  "komen" or "gaan".
- Readability: Flesch–Douma = 206.835 − 0.93 × (words/sentences) − 77 × (syllables/words),
  clamped to 0..100. Syllables per word: the larger of pyphen's nl_NL hyphenation (+1) and the
  number of vowel groups (a diaeresis starts a new group, as in "ideeën"). Hyphenation alone
  undercounts short words ("over", "eten" get no hyphen at all) and some long compounds; vowel
  groups alone undercount hiatus ("situatie"). Computed here rather than with textstat, so
  the result does not depend on textstat's dictionaries or language state.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pyphen
from django.utils.translation import gettext_noop

MAX_SENTENCE_WORDS = 20
OPENING_WORDS = 6


class Term(NamedTuple):
    term: str
    alternative: str
    explanation: str = ""


@dataclass(frozen=True)
class JargonHit:
    term: str  # as in the list
    alternative: str
    explanation: str
    found: str  # as written in the text
    start: int  # character offset in the text


@dataclass(frozen=True)
class LongSentence:
    start: int
    words: int
    opening: str  # the first few words, to find it back


@dataclass(frozen=True)
class PassiveHit:
    start: int  # offset of the form of "worden"
    fragment: str  # e.g. "werden … opgehaald"


@dataclass(frozen=True)
class Readability:
    score: int  # Flesch–Douma, 0..100, higher is easier
    label: str
    words: int
    sentences: int
    syllables: int


@dataclass(frozen=True)
class Report:
    jargon: tuple[JargonHit, ...] = ()
    long_sentences: tuple[LongSentence, ...] = ()
    passives: tuple[PassiveHit, ...] = ()
    readability: Readability | None = None
    distinct_jargon: tuple[JargonHit, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        seen: dict[str, JargonHit] = {}
        for hit in self.jargon:
            seen.setdefault(hit.term.lower(), hit)
        object.__setattr__(self, "distinct_jargon", tuple(seen.values()))

    @property
    def is_empty(self) -> bool:
        return self.readability is None

    @property
    def has_findings(self) -> bool:
        return bool(self.jargon or self.long_sentences or self.passives)


# --- readability labels -----------------------------------------------------------------------

# (lowest score, label); gettext_noop so the template can translate them.
LABELS = [
    (80, gettext_noop("heel makkelijk")),
    (65, gettext_noop("makkelijk")),
    (50, gettext_noop("redelijk")),
    (30, gettext_noop("moeilijk")),
    (0, gettext_noop("heel moeilijk")),
]


def label_for(score: float) -> str:
    for lowest, label in LABELS:
        if score >= lowest:
            return label
    return LABELS[-1][1]


# --- words and sentences ----------------------------------------------------------------------

WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n")
ABBREVIATIONS = frozenset(
    [
        "bv",
        "bvb",
        "bijv",
        "o.a",
        "enz",
        "d.w.z",
        "m.a.w",
        "i.v.m",
        "t.o.v",
        "t.e.m",
        "m.b.t",
        "e.d",
        "e.a",
        "incl",
        "excl",
        "ca",
        "resp",
        "nr",
        "art",
        "dhr",
        "mevr",
        "mr",
        "dr",
        "prof",
        "vzw",
        "p.s",
        "i.p.v",
        "o.b.v",
        "a.d.h.v",
        "z.g.a.n",
    ]
)


def words_of(text: str) -> list[re.Match[str]]:
    return list(WORD_RE.finditer(text))


def sentences_of(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence that holds at least one word."""
    result: list[tuple[int, str]] = []
    start = 0
    for boundary in _BOUNDARY_RE.finditer(text):
        end = boundary.end()
        if boundary.group() != "\n":
            before = text[start : boundary.start()].split()
            last = before[-1].lower().lstrip("(\"'“‘") if before else ""
            if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            if last.isdigit() and len(before) == 1:  # "1. " opening a list item
                continue
            rest = text[end:].lstrip()
            if rest[:1].islower():
                continue
        _add_sentence(result, text, start, end)
        start = end
    _add_sentence(result, text, start, len(text))
    return result


def _add_sentence(result: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped and WORD_RE.search(stripped):
        result.append((start + len(chunk) - len(chunk.lstrip()), stripped))


# --- syllables --------------------------------------------------------------------------------

_VOWELS_RE = re.compile(r"[aeiouyáàâéèêíìîóòôúùûëïäöü]+", re.IGNORECASE)
# A vowel with a diaeresis starts a new syllable (ideeën, coördinatie, reünie): split before it.
_DIAERESIS_RE = re.compile(r"(?=[ëïöüä])", re.IGNORECASE)


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def _vowel_groups(word: str) -> int:
    count = 0
    for part in _DIAERESIS_RE.split(word):
        count += len(_VOWELS_RE.findall(part))
    return count


@functools.lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables of one word: max(hyphenation, vowel groups), at least 1."""
    word = word.lower()
    total = 0
    for part in re.split(r"[-'’]", word):
        if not part:
            continue
        hyphenated = len(_hyphenator().positions(part)) + 1
        total += max(hyphenated, _vowel_groups(part), 1)
    return max(total, 1)


def readability(text: str) -> Readability | None:
    words = [m.group() for m in words_of(text)]
    if not words:
        return None
    sentence_count = max(len(sentences_of(text)), 1)
    syllable_count = sum(syllables(w) for w in words)
    raw = 206.835 - 0.93 * (len(words) / sentence_count) - 77 * (syllable_count / len(words))
    score = round(min(max(raw, 0.0), 100.0))
    return Readability(
        score=score,
        label=label_for(score),
        words=len(words),
        sentences=sentence_count,
        syllables=syllable_count,
    )


# --- jargon -----------------------------------------------------------------------------------

_SUFFIX = r"(?:e|en|n|s|['’]s)?"
_ACRONYM_SUFFIX = r"(?:['’]s)?"


def _term_pattern(term: str) -> str:
    parts = [re.escape(word).replace(r"\-", "[-‐‑]") for word in term.split()]
    body = r"\s+".join(parts)
    if term.isupper():
        # Acronyms match in capitals only: "MOF" and "VOS", not "mof" or "vos" (a fox).
        body = f"(?-i:{body}){_ACRONYM_SUFFIX}"
    else:
        body += _SUFFIX
    return r"(?<![^\W_])" + body + r"(?![^\W_])"


_WORD_START_RE = re.compile(r"(?<![^\W_])[^\W_]")
_KEY_LENGTH = 2

Candidates = dict[str, tuple[tuple[re.Pattern[str], Term], ...]]


@functools.lru_cache(maxsize=4)
def _matcher(terms: tuple[Term, ...]) -> Candidates:
    """Each term's pattern, filed under its first letters, longest term first.

    Only patterns whose first letters fit are tried at each word start: one big alternation
    of 140 terms tried at every position is some 20 times slower. Longest first, so
    "contextbegeleiding" wins over "context".
    """
    index: dict[str, list[tuple[re.Pattern[str], Term]]] = {}
    ordered = sorted((t for t in terms if t.term.strip()), key=lambda t: (-len(t.term), t.term))
    for term in ordered:
        key = term.term.strip().lower()[:_KEY_LENGTH]
        index.setdefault(key, []).append((re.compile(_term_pattern(term.term), re.I), term))
    return {key: tuple(patterns) for key, patterns in index.items()}


def find_jargon(text: str, terms: Sequence[Term]) -> list[JargonHit]:
    candidates = _matcher(tuple(terms))
    if not candidates:
        return []
    short_keys = {key for key in candidates if len(key) < _KEY_LENGTH}
    hits = []
    end = 0
    for start in _WORD_START_RE.finditer(text):
        position = start.start()
        if position < end:
            continue  # inside the previous hit ("maatschappelijke noodzaak")
        head = text[position : position + _KEY_LENGTH].lower()
        options = candidates.get(head, ())
        if short_keys:
            shorter = (p for key in short_keys if head.startswith(key) for p in candidates[key])
            options = tuple(sorted((*options, *shorter), key=lambda p: -len(p[1].term)))
        for pattern, term in options:
            match = pattern.match(text, position)
            if match:
                hits.append(
                    JargonHit(
                        term=term.term,
                        alternative=term.alternative,
                        explanation=term.explanation,
                        found=match.group(),
                        start=position,
                    )
                )
                end = match.end()
                break
    return hits


# --- passive ----------------------------------------------------------------------------------

WORDEN_FORMS = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
_CLAUSE_BREAK_WORDS = frozenset(
    [
        "en",
        "maar",
        "want",
        "omdat",
        "dat",
        "die",
        "wie",
        "wat",
        "als",
        "wanneer",
        "terwijl",
        "of",
        "doordat",
        "zodat",
        "nadat",
        "voordat",
        "toen",
        "waardoor",
        "hoewel",
        "tenzij",
    ]
)
_PARTICLES = (
    "aan|af|bij|door|in|mee|na|om|op|over|samen|terug|toe|tussen|uit|vast|voor|weg|neer|vrij|"
    "los|klaar|thuis|tegen|achter|binnen|buiten|rond|dicht|open|kapot|stil|teleur|weer|bloot|"
    "goed|vol|voort|bijeen|rond"
)
_PARTICIPLE_RE = re.compile(
    rf"^(?:{_PARTICLES})?(?:ge[a-zà-ÿ]{{2,}}|(?:be|ver|ont|her|onder|over|mis)[a-zà-ÿ]{{2,}})(?:d|t|en)$"
)
IRREGULAR_PARTICIPLES = frozenset(
    [
        "gedaan",
        "gegaan",
        "gestaan",
        "ontstaan",
        "verstaan",
        "toegestaan",
        "voldaan",
        "begaan",
        "nagegaan",
        "opgedaan",
        "aangedaan",
        "afgedaan",
        "erkend",
        "ervaren",
        "herkend",
    ]
)
# Look like participles, are not (or hardly ever after "worden").
NOT_PARTICIPLES = frozenset(
    [
        "gezond",
        "gemeen",
        "gerust",
        "gewend",
        "geschikt",
        "gepast",
        "gespannen",
        "bekend",
        "bezorgd",
        "verliefd",
        "verlegen",
        "ontevreden",
        "verkeerd",
        "vermoeid",
        "bedroefd",
        "beschaamd",
        "beleefd",
        "bereid",
        "beneden",
        "misschien",
        "verleden",
        "vertrouwen",
        "verhalen",
        "belangen",
        "beelden",
        "ontbijt",
        "herfst",
        "bericht",
        "beleid",
        "gebied",
        "gezicht",
        "gewicht",
        "geluid",
        "geheugen",
        "gebit",
        "gedicht",
        "gebeurt",
        "geniet",
        "gelooft",
        "geeft",
        "gedrag",
        "gevoelens",
        "gedachten",
        "gewoonten",
        "gebeurtenissen",
        "gesprekken",
        "gezinnen",
        "geschenken",
        "onderhand",
    ]
)


def is_participle(word: str) -> bool:
    word = word.lower()
    if word in IRREGULAR_PARTICIPLES:
        return True
    if word in NOT_PARTICIPLES or word in WORDEN_FORMS:
        return False
    if word.endswith(("heid", "teit", "tijd")):
        return False
    if word.endswith("end") and len(word) >= 8:  # present participle: vervelend, belastend
        return False
    return bool(_PARTICIPLE_RE.match(word))


def _clauses(sentence_words: list[re.Match[str]], text: str) -> list[list[re.Match[str]]]:
    clauses: list[list[re.Match[str]]] = [[]]
    previous_end = None
    for match in sentence_words:
        between = text[previous_end : match.start()] if previous_end is not None else ""
        if any(mark in between for mark in ",;:()–—"):
            clauses.append([])
        if match.group().lower() in _CLAUSE_BREAK_WORDS:
            clauses.append([])
        else:
            clauses[-1].append(match)
        previous_end = match.end()
    return [c for c in clauses if c]


def find_passives(text: str, sentences: list[tuple[int, str]]) -> list[PassiveHit]:
    hits = []
    for offset, sentence in sentences:
        words = list(WORD_RE.finditer(text, offset, offset + len(sentence)))
        for clause in _clauses(words, text):
            lowered = [m.group().lower() for m in clause]
            aux = next((i for i, w in enumerate(lowered) if w in WORDEN_FORMS), None)
            if aux is None:
                continue
            participle = next(
                (
                    i
                    for i, w in enumerate(lowered)
                    if i != aux and is_participle(w) and (i == 0 or lowered[i - 1] != "te")
                ),
                None,
            )
            if participle is None:
                continue
            first, second = sorted((aux, participle))
            hits.append(
                PassiveHit(
                    start=clause[aux].start(),
                    fragment=f"{clause[first].group()} … {clause[second].group()}",
                )
            )
    return hits


# --- the report -------------------------------------------------------------------------------


def check(text: str, terms: Sequence[Term] | None = None) -> Report:
    """The plain-language report of `text`; `terms` defaults to the cached active list."""
    if not text or not WORD_RE.search(text):
        return Report()
    if terms is None:
        from samenopweg.plainlanguage.terms import active_terms

        terms = active_terms()
    sentences = sentences_of(text)
    long_sentences = []
    for offset, sentence in sentences:
        words = WORD_RE.findall(sentence)
        if len(words) > MAX_SENTENCE_WORDS:
            opening = " ".join(words[:OPENING_WORDS]) + " …"
            long_sentences.append(LongSentence(start=offset, words=len(words), opening=opening))
    return Report(
        jargon=tuple(find_jargon(text, terms)),
        long_sentences=tuple(long_sentences),
        passives=tuple(find_passives(text, sentences)),
        readability=readability(text),
    )

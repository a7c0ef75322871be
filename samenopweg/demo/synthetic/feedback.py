"""The feedback culture of synthetic trajectories (seed_synthetic): expectations, rounds, signals.

Only the benchmark team's open trajectories past registration get any, so the dashboards of
bench_consulent and bench_teamleider show "bespreek de samenwerking", late rounds and missing
expectations in realistic shares (the other teams hold none, like their WHAT):

- the trajectories that get the full child's voice (child_voice.VOICE_FAMILIES) get the size the
  benchmark measures: an expectation of every party (the parents, the oldest child, the worker
  when there is one, the consultant; one revisited), and 12 rounds in sittings a cadence apart,
  in every version the family allows, with two signals: a low score long ago (its loop closed)
  and a fall in the latest sitting (open);
- the others: expectations for most (EXPECTATIONS per stage; the rest count as missing once
  past mapping), 1-3 recent sittings for most (ROUNDS; the feedback culture is new) whose last
  one is now and then more than a cadence ago (late), scores that sometimes fall or are low.

A round raises its signal as feedback.services.record_round would (a score of LOW_SCORE or less,
or a fall of NOTABLE_DROP since the respondent's previous round of the same version, the detail
in the service's own words); test_synthetic_matches_the_services.py holds them to the service.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from samenopweg.cases.models import Stage
from samenopweg.core.models import Audience
from samenopweg.feedback.models import (
    LOW_SCORE,
    NOTABLE_DROP,
    SCORE_MAX,
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    How,
    Party,
    SignalReason,
    VersionKind,
)

Row = tuple[Any, ...]
DAY = datetime.timedelta(days=1)

FULL_ROUNDS = 12
CHILD_ANSWERS_FROM = 6  # years: younger children do not get the child's version
# Share of the others with expectations, and with rounds, per stage.
EXPECTATIONS: dict[str, float] = {Stage.IN_KAART: 0.4, Stage.PLAN: 0.88, Stage.OPVOLGING: 0.88}
ROUNDS: dict[str, float] = {Stage.IN_KAART: 0.5, Stage.PLAN: 0.9, Stage.OPVOLGING: 0.9}
# The last sitting lies up to LATEST cadences back: about one in six is late.
LATEST = 1.2
OWN_CADENCE = 0.15  # share with a cadence of their own instead of every 6 weeks
CADENCES = (4, 8, 12)
LOW, FALL = 0.05, 0.04  # chance per round of a low score, or of a fall since the previous one
OPEN_IF_RECENT = 0.75  # a signal of the last four weeks is often still open, an older one rarely
OPEN_IF_OLDER = 0.1

EXPECTS: dict[str, tuple[tuple[str, str], ...]] = {
    Party.PARENTS: (
        ("Dat jullie zeggen wat jullie zorgen zijn, en niet alleen aan de school.",
         "We zijn er op de afspraken en we zeggen het als het niet lukt."),
        ("Dat we samen beslissen wat er gebeurt, en dat jullie uitleggen waarom.",
         "We vertellen eerlijk hoe het thuis gaat."),
    ),
    Party.CHILD: (
        ("Dat ze naar mij luisteren en het zeggen als ze met mama praten.",
         "Ik zeg het als ik iets niet fijn vind."),
        ("Dat ik niet weg moet van mijn school.", "Ik vertel het aan oma als er iets is."),
    ),
    Party.WORKER: (
        ("Dat de consulent ons meteen laat weten als er iets verandert in het WAT.",
         "We komen elke week langs en schrijven op wat we zien."),
    ),
    Party.CONSULTANT: (
        ("Dat iedereen de afspraken van het veiligheidsplan mee opvolgt.",
         "Ik bel terug binnen twee werkdagen en ik zeg wat ik doorgeef aan de jeugdrechter."),
    ),
}  # fmt: skip
OPEN_ANSWERS: dict[str, tuple[str, ...]] = {
    VersionKind.PARENT: (
        "",
        "Minder papier, meer praten.",
        "Soms weten we niet wie we moeten bellen.",
        "Het gaat beter sinds oma mee aan tafel zit.",
    ),
    VersionKind.CHILD: ("", "Meer tekenen.", "Niet altijd op school komen praten."),
    VersionKind.CONSULTANT_ABOUT_WORKER: ("", "Verslagen iets vroeger doorsturen."),
    VersionKind.WORKER_ABOUT_CONSULTANT: ("", "Sneller laten weten wat de jeugdrechter besliste."),
}
YOU_SAID = (
    "Jullie zeiden dat jullie je niet gehoord voelden in het laatste gesprek.",
    "Jullie zeiden dat de afspraken niet duidelijk waren.",
    "Je zei dat we te veel op school kwamen praten.",
)
WE_DID = (
    "We hebben een gesprek gepland met alleen jullie, zonder de school.",
    "We schreven de afspraken samen op, in korte zinnen, en gaven jullie een blad mee.",
    "We spreken nu thuis af in plaats van op school.",
)


@dataclass
class FeedbackRows:
    cadences: list[Row] = field(default_factory=list)
    expectations: list[Row] = field(default_factory=list)
    rounds: list[Row] = field(default_factory=list)
    signals: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class FeedbackFamily:
    pk: int
    stage: str
    owner_id: int
    worker_id: int | None
    worker_since: datetime.datetime | None
    registered_at: datetime.datetime
    children: Sequence[tuple[int, str, datetime.date]]  # id, first name, date of birth
    adults: Sequence[tuple[int, str]]


# A respondent: (version, person id, user id).
Respondent = tuple[str, int | None, int | None]


def signal_for(scores: Sequence[int], before: Sequence[int] | None) -> tuple[str, str] | None:
    """(reason, detail) of the signal a round raises, as feedback.services._signal_for."""
    low, drops = [], []
    previous: Sequence[int | None] = before or [None] * len(scores)
    for n, (now, was) in enumerate(zip(scores, previous, strict=True), start=1):
        if now <= LOW_SCORE:
            low.append(_("vraag %(n)d: %(now)d") % {"n": n, "now": now})
        elif was is not None and was - now >= NOTABLE_DROP:
            drops.append(
                _("vraag %(n)d: van %(before)d naar %(now)d") % {"n": n, "before": was, "now": now}
            )
    if not low and not drops:
        return None
    return (SignalReason.LOW if low else SignalReason.DROP), "; ".join(low + drops)[:300]


class FeedbackBuilder:
    def __init__(
        self, *, rng: random.Random, writer: Any, now: datetime.datetime, today: datetime.date
    ) -> None:
        self.rng = rng
        self.writer = writer
        self.now = now
        self.today = today
        self.rows = FeedbackRows()

    def add(self, family: FeedbackFamily, *, full: bool) -> None:
        rng, w, rows = self.rng, self.writer, self.rows
        weeks = 6
        if rng.random() < OWN_CADENCE:
            weeks = rng.choice(CADENCES)
            at = family.registered_at + DAY
            rows.cadences.append(
                (next(w.ids(FeedbackCadence)), Audience.PROFESSIONALS, 1, family.pk, weeks,
                 family.owner_id, at, at)
            )  # fmt: skip
        respondents = self._respondents(family)
        if full:
            self._expectations(family, every_party=True)
            parents = [r for r in respondents if r[0] == VersionKind.PARENT]
            per_sitting = min(3, len(respondents))
            plan: list[list[Respondent]] = []
            taken = 0
            while (left := FULL_ROUNDS - sum(map(len, plan))) > 0:
                # A parent first (the two take turns), then the others in turn; each
                # respondent once a sitting.
                first = parents[len(plan) % len(parents)]
                rest = [r for r in respondents if r != first]
                size = min(per_sitting, left)
                plan.append([first] + [rest[(taken + i) % len(rest)] for i in range(size - 1)])
                taken += size - 1
            last = self.now - datetime.timedelta(days=rng.randint(3, 20))
            # Two signals: a parent's low score in the second sitting (its loop closed since),
            # and a parent's fall in the latest one (still open).
            events = {(1, 0): "low", (len(plan) - 1, 0): "fall"}
            self._rounds(family, plan, weeks, last, events=events, full=True)
            return
        if rng.random() < EXPECTATIONS.get(family.stage, 0):
            self._expectations(family, every_party=False)
        if rng.random() >= ROUNDS.get(family.stage, 0):
            return
        last = self.now - datetime.timedelta(days=rng.uniform(0.05, LATEST) * 7 * weeks)
        plan = []
        for _sitting in range(rng.choice((1, 2, 2, 3))):
            chosen = [respondents[0]] + [r for r in respondents[1:] if rng.random() < 0.4]
            plan.append(chosen)
        self._rounds(family, plan, weeks, last, events={}, full=False)

    def _respondents(self, family: FeedbackFamily) -> list[Respondent]:
        """Who answers: the parents, the oldest child when old enough, consultant and worker
        about each other when there is a worker on the case."""
        found: list[Respondent] = [
            (VersionKind.PARENT, pk, None) for pk, _name in family.adults[:2]
        ]
        oldest = min(family.children, key=lambda child: child[2])
        if (self.today - oldest[2]).days >= CHILD_ANSWERS_FROM * 365:
            found.append((VersionKind.CHILD, oldest[0], None))
        if family.worker_id is not None:
            found.append((VersionKind.CONSULTANT_ABOUT_WORKER, None, family.owner_id))
            found.append((VersionKind.WORKER_ABOUT_CONSULTANT, None, family.worker_id))
        return found

    def _expectations(self, family: FeedbackFamily, *, every_party: bool) -> None:
        rng, w = self.rng, self.writer
        parties = [Party.PARENTS, Party.CHILD, Party.CONSULTANT]
        if family.worker_id is not None:
            parties.insert(2, Party.WORKER)
        if not every_party:
            parties = [Party.PARENTS] + [p for p in parties[1:] if rng.random() < 0.5]
        oldest = min(family.children, key=lambda child: child[2])
        written = min(family.registered_at + 14 * DAY, self.now - DAY).replace(microsecond=0)
        for position, party in enumerate(parties):
            expects, offers = rng.choice(EXPECTS[party])
            # One is revisited at a review: edited, so version 2 and a later change.
            revisited = every_party and position == 0
            changed = max(written, self.now - 30 * DAY) if revisited else written
            family_party = party in (Party.PARENTS, Party.CHILD)
            audience = Audience.PARENTS if family_party else Audience.PROFESSIONALS
            self.rows.expectations.append(
                (next(w.ids(Expectation)), audience, 2 if revisited else 1, family.pk, party,
                 oldest[0] if party == Party.CHILD else None, expects, offers, written.date(),
                 family.owner_id, written, changed)
            )  # fmt: skip

    def _rounds(
        self,
        family: FeedbackFamily,
        plan: list[list[Respondent]],
        weeks: int,
        last: datetime.datetime,
        *,
        events: dict[tuple[int, int], str],
        full: bool,
    ) -> None:
        """The sittings of `plan`, the last at `last` and each a cadence before the next (closer
        together when the trajectory is younger), with their signals. The full family's only
        signals are its `events` (sitting, place): "low" is closed since, "fall" still open."""
        rng, w, rows = self.rng, self.writer, self.rows
        first_day = family.registered_at + 3 * DAY
        if last <= first_day:
            return
        # Sittings on different days: a respondent's previous round is on an earlier day.
        plan = plan[-((last - first_day).days + 1) :]
        gap = min(datetime.timedelta(weeks=weeks), (last - first_day) / max(1, len(plan) - 1))
        scores: dict[Respondent, list[int]] = {}
        for number, respondents in enumerate(plan):
            moment = (last - gap * (len(plan) - 1 - number)).replace(microsecond=0)
            for place, respondent in enumerate(respondents):
                version, person, user = respondent
                worker = user is not None and user == family.worker_id
                if worker and not full and moment < (family.worker_since or self.now):
                    continue  # the worker answers once they are on the case
                before = scores.get(respondent)
                now = self._scores(before)
                event = events.get((number, place), "")
                if not full:
                    event = "low" if rng.random() < LOW else "fall" if rng.random() < FALL else ""
                if event == "low":
                    now[rng.randrange(4)] = rng.randint(2, LOW_SCORE)
                elif event == "fall" and before is not None:
                    line = max(range(4), key=lambda i: before[i])
                    now[line] = max(0, before[line] - NOTABLE_DROP - rng.randint(0, 1))
                scores[respondent] = now
                round_id = next(w.ids(FeedbackRound))
                entered_by = user if user is not None else family.owner_id
                if version == VersionKind.PARENT or version == VersionKind.CHILD:
                    how = How.ENTERED_DURING_VISIT if rng.random() < 0.8 else How.BY_PHONE
                else:
                    how = How.BY_THEMSELF
                rows.rounds.append(
                    (round_id, Audience.PROFESSIONALS, 1, family.pk, moment.date(), version,
                     person, user, how, *now, rng.choice(OPEN_ANSWERS[version]), entered_by,
                     moment, moment)
                )  # fmt: skip
                signal = signal_for(now, before)
                if signal is not None:
                    still_open = event == "fall" if full else None
                    self._signal(family, round_id, signal, entered_by, moment, version, still_open)

    def _scores(self, before: list[int] | None) -> list[int]:
        """Four lines near the respondent's previous ones: at most one lower, never low."""
        rng = self.rng
        if before is None:
            return [rng.randint(LOW_SCORE + 2, SCORE_MAX - 1) for _ in range(4)]
        return [
            max(LOW_SCORE + 1, min(SCORE_MAX, max(was, LOW_SCORE + 1) + rng.choice((-1, 0, 0, 1))))
            for was in before
        ]

    def _signal(
        self,
        family: FeedbackFamily,
        round_id: int,
        signal: tuple[str, str],
        entered_by: int,
        raised: datetime.datetime,
        version: str,
        still_open: bool | None,
    ) -> None:
        """The round's signal, open or with its loop closed (`still_open` None: by chance, a
        recent one more often open)."""
        rng = self.rng
        if still_open is None:
            recent = self.now - raised < 28 * DAY
            still_open = rng.random() < (OPEN_IF_RECENT if recent else OPEN_IF_OLDER)
        reason, detail = signal
        pk = next(self.writer.ids(FeedbackSignal))
        if still_open:
            closing: Row = (Audience.PROFESSIONALS, 1, None, None, "", "", raised)
        else:
            closed = min(raised + rng.randint(2, 20) * DAY, self.now - DAY)
            closed = max(closed, raised)
            family_version = version in (VersionKind.PARENT, VersionKind.CHILD)
            shared = family_version and rng.random() < 0.6
            closing = (
                Audience.PARENTS if shared else Audience.PROFESSIONALS, 2, closed,
                family.owner_id, rng.choice(YOU_SAID), rng.choice(WE_DID), closed,
            )  # fmt: skip
        self.rows.signals.append(
            (pk, *closing, family.pk, round_id, reason, detail, raised, entered_by, raised)
        )

    def insert(self) -> None:
        w, rows = self.writer, self.rows
        w.insert(
            FeedbackCadence,
            ("id", "audience", "version", "trajectory_id", "every_weeks", "created_by_id",
             "created_at", "updated_at"),
            rows.cadences,
        )  # fmt: skip
        w.insert(
            Expectation,
            ("id", "audience", "version", "trajectory_id", "party", "child_id", "expects",
             "offers", "written_on", "created_by_id", "created_at", "updated_at"),
            rows.expectations,
        )  # fmt: skip
        w.insert(
            FeedbackRound,
            ("id", "audience", "version", "trajectory_id", "held_on", "version_kind",
             "respondent_id", "respondent_user_id", "how", "score_1", "score_2", "score_3",
             "score_4", "open_answer", "created_by_id", "created_at", "updated_at"),
            rows.rounds,
        )  # fmt: skip
        w.insert(
            FeedbackSignal,
            ("id", "audience", "version", "closed_at", "closed_by_id", "you_said", "we_did",
             "updated_at", "trajectory_id", "round_id", "reason", "detail", "raised_at",
             "created_by_id", "created_at"),
            rows.signals,
        )  # fmt: skip
        self.rows = FeedbackRows()

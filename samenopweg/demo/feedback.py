"""The feedback culture in the demo: expectations at the start, a cadence, rounds, one loop.

Every family past registration (FEEDBACK, by its label) gets what its parents, one child, the
worker and the consultant expect of each other, written at the start; a cadence of its own
when six weeks does not fit how long it has been open; and three sittings of the parents'
version a cadence apart, none of them late today. Some sittings also hold the child's version
(a child of 8 or older) or the consultant and the worker about each other. One parent's round
dips (8 -> 5 -> 8): it raises "bespreek de samenwerking", which is closed a few days later with
"jullie zeiden … wij deden …", shared with the parents. No other score is low or falls, so no
signal stays open.

All through the feedback services (audit rows, the signal raised by the round itself); only the
signal's times are set back afterwards, as builders.py does for plans. Once per part per
trajectory (expectations, cadence, rounds), so a run on an older demo adds only what it lacks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from samenopweg.accounts.models import User
from samenopweg.cases.models import Stage
from samenopweg.core.models import Audience
from samenopweg.demo.builders import Family
from samenopweg.demo.specs import HULPVERLENER, OWNER
from samenopweg.feedback import services
from samenopweg.feedback.models import (
    DEFAULT_CADENCE_WEEKS,
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    How,
    Party,
    VersionKind,
)

PARENT = VersionKind.PARENT
CHILD = VersionKind.CHILD
ABOUT_WORKER = VersionKind.CONSULTANT_ABOUT_WORKER
ABOUT_CONSULTANT = VersionKind.WORKER_ABOUT_CONSULTANT
# The youngest child who answers the child's version in the demo; younger ones are heard in the
# child's voice (voice.py).
CHILD_ROUND_FROM = 8

Scores = tuple[int, int, int, int]


@dataclass(frozen=True)
class Revision:
    """The expectation as it was worded again later (at a review, say)."""

    days_ago: int
    expects: str
    offers: str


@dataclass(frozen=True)
class ExpectationSpec:
    party: str
    expects: str
    offers: str
    child: str = ""  # the child's first name, for Party.CHILD
    revision: Revision | None = None

    @property
    def audience(self) -> int:
        # Written together at the start: the parents read every party's; the child's own words
        # also reach the child's login.
        return Audience.CHILD if self.party == Party.CHILD else Audience.PARENTS


@dataclass(frozen=True)
class Loop:
    """How the signal the round raised was closed, `days_later` days after the round."""

    you_said: str
    we_did: str
    days_later: int = 4


@dataclass(frozen=True)
class Answer:
    """One respondent's round: `who` is a first name (parents' or child's version) or OWNER or
    HULPVERLENER (the professional versions, each entered by the respondent)."""

    version: str
    who: str
    scores: Scores
    how: str = How.ENTERED_DURING_VISIT
    open_answer: str = ""
    loop: Loop | None = None  # set on the one round that raises a signal


@dataclass(frozen=True)
class Sitting:
    days_ago: int
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class FeedbackSpec:
    written_days_ago: int  # when the expectations were written
    expectations: tuple[ExpectationSpec, ...]
    sittings: tuple[Sitting, ...]  # oldest first
    cadence_weeks: int = DEFAULT_CADENCE_WEEKS


def write_feedback(family: Family) -> int:
    """Expectations, cadence and rounds of one family; returns how many rows it wrote."""
    spec = FEEDBACK.get(family.spec.label)
    trajectory = family.trajectory
    if spec is None or trajectory.is_closed or trajectory.stage == Stage.AANMELDING:
        return 0
    written = write_expectations(family, spec)
    if spec.cadence_weeks != DEFAULT_CADENCE_WEEKS and not (
        FeedbackCadence.objects.filter(trajectory=trajectory).exists()
    ):
        services.set_cadence(
            trajectory=trajectory, every_weeks=spec.cadence_weeks, actor=family.owner
        )
        written += 1
    return written + write_rounds(family, spec)


def write_expectations(family: Family, spec: FeedbackSpec) -> int:
    trajectory = family.trajectory
    if Expectation.objects.filter(trajectory=trajectory).exists():
        return 0
    persons = family.persons()
    for wanted in spec.expectations:
        made = services.add_expectation(
            trajectory=trajectory,
            party=wanted.party,
            child=persons[wanted.child] if wanted.child else None,
            expects=wanted.expects,
            offers=wanted.offers,
            written_on=family.day(spec.written_days_ago),
            audience=wanted.audience,
            actor=_writer(family, wanted.party),
        )
        if wanted.revision is not None:
            services.update_expectation(
                expectation=made,
                expected_version=made.version,
                party=made.party,
                child=made.child,
                expects=wanted.revision.expects,
                offers=wanted.revision.offers,
                written_on=family.day(wanted.revision.days_ago),
                audience=made.audience,
                actor=_writer(family, wanted.party),
            )
    return len(spec.expectations)


def _writer(family: Family, party: str) -> User:
    """The consultant writes their own; the worker writes the others with the family. Without
    our worker on the case (Desmet, Goossens, Van Acker) the consultant writes them all, the
    worker's being what the family's own worker expects (at school, at the CAD, for the amends)."""
    if party == Party.CONSULTANT:
        return family.owner
    return family.writer


def write_rounds(family: Family, spec: FeedbackSpec) -> int:
    trajectory = family.trajectory
    if FeedbackRound.objects.filter(trajectory=trajectory).exists():
        return 0
    persons = family.persons()
    count = 0
    for sitting in spec.sittings:
        for answer in sitting.answers:
            professional = answer.version in (ABOUT_WORKER, ABOUT_CONSULTANT)
            user = family.who(answer.who) if professional else None
            made = services.record_round(
                trajectory=trajectory,
                version_kind=answer.version,
                held_on=family.day(sitting.days_ago),
                how=answer.how,
                score_1=answer.scores[0],
                score_2=answer.scores[1],
                score_3=answer.scores[2],
                score_4=answer.scores[3],
                open_answer=answer.open_answer,
                respondent=None if professional else persons[answer.who],
                respondent_user=user,
                actor=user or _entered_by(family, answer.how),
            )
            count += 1
            if answer.loop is not None:
                close_loop(family, made, answer.loop, sitting.days_ago)
    return count


def _entered_by(family: Family, how: str) -> User:
    """Who entered a family's round: the consultant on the phone, else who was there."""
    return family.owner if how == How.BY_PHONE else family.writer


def close_loop(family: Family, made: FeedbackRound, loop: Loop, days_ago: int) -> None:
    """Close the signal the round raised; it was raised on the day and closed days later."""
    signal = FeedbackSignal.objects.get(round=made)
    services.close_signal(
        signal=signal,
        expected_version=signal.version,
        you_said=loop.you_said,
        we_did=loop.we_did,
        audience=Audience.PARENTS,
        actor=family.owner,
    )
    now = timezone.now()
    FeedbackSignal.objects.filter(pk=signal.pk).update(
        raised_at=now - datetime.timedelta(days=days_ago),
        closed_at=now - datetime.timedelta(days=days_ago - loop.days_later),
    )


# -- the families ---------------------------------------------------------------------------------
# Parents read all of this: plain Dutch, short sentences, none of the words on the jargon list
# (test_load_demo checks them with the plain-language checker).

VERSTRAETE = FeedbackSpec(
    written_days_ago=14,
    cadence_weeks=1,  # a new file: in the first weeks we ask every week
    expectations=(
        ExpectationSpec(
            Party.PARENTS,
            "Dat jullie eerlijk zeggen waarover jullie je zorgen maken. "
            "Dat jullie mij helpen om hulp voor mezelf te vinden.",
            "Ik zeg het als het een slechte week is. "
            "Oma Maria mag jullie bellen als ik het zelf niet kan.",
        ),
        ExpectationSpec(
            Party.CHILD,
            "Dat ze mama helpen, zodat ze weer lacht. Dat ik bij mama mag blijven wonen.",
            "Ik zeg het aan de juf of aan oma als ik geen eten bij heb.",
            child="Emma",
        ),
        ExpectationSpec(
            Party.WORKER,
            "Dat Evelien het zegt als iets niet lukt, ook als ze zich schaamt. "
            "Dat Lotte mij laat weten wat ze met de school bespreekt.",
            "Ik kom elke week op huisbezoek. Ik help Evelien een dokter of psycholoog "
            "te zoeken. Ik schrijf niets op zonder het eerst te vertellen.",
        ),
        ExpectationSpec(
            Party.CONSULTANT,
            "Dat Evelien en Tom allebei meedenken over wat Emma nodig heeft. "
            "Dat Ines mij meteen belt als Emma niet naar school gaat.",
            "Ik zeg altijd eerst aan jullie wat mij zorgen maakt. "
            "Ik bel binnen twee werkdagen terug.",
        ),
    ),
    sittings=(
        Sitting(
            14,
            (
                Answer(
                    PARENT,
                    "Evelien",
                    (6, 7, 6, 6),
                    open_answer="Ik weet nog niet goed wat jullie van mij verwachten.",
                ),
            ),
        ),
        Sitting(7, (Answer(PARENT, "Evelien", (7, 7, 7, 7), How.BY_PHONE),)),
        Sitting(
            2,
            (
                Answer(
                    PARENT,
                    "Evelien",
                    (8, 7, 8, 8),
                    open_answer="Het helpt dat Ines elke week komt.",
                ),
                Answer(CHILD, "Emma", (8, 7, 9, 8), open_answer="Meer tekenen."),
            ),
        ),
    ),
)

AERTS = FeedbackSpec(
    written_days_ago=70,
    cadence_weeks=4,
    expectations=(
        ExpectationSpec(
            Party.PARENTS,
            "Dat jullie ook zien wat goed gaat, en niet alleen wat fout loopt. "
            "Dat we samen beslissen wat er moet veranderen.",
            "We zijn er op de afspraken. Dirk zegt het als hij gedronken heeft. "
            "We bellen Greet als het thuis misloopt.",
        ),
        ExpectationSpec(
            Party.CHILD,
            "Dat ze soms met mij alleen praten, zonder mama en papa erbij. "
            "Dat ik niet meer tussen mama en papa moet staan.",
            "Ik zeg het als het thuis niet goed gaat. Ik bel tante Greet als papa boos wordt.",
            child="Jonas",
        ),
        ExpectationSpec(
            Party.WORKER,
            "Dat Katrien en Dirk zeggen wat ze zelf willen veranderen. "
            "Dat Lotte duidelijk zegt wat zeker moet veranderen.",
            "Ik kom elke week langs. Ik zoek samen met jullie en het netwerk hoe het thuis "
            "veilig kan. Als ik me zorgen maak, zeg ik het eerst aan jullie.",
        ),
        ExpectationSpec(
            Party.CONSULTANT,
            "Dat de kinderen nooit alleen zijn met een volwassene die gedronken heeft. "
            "Dat Ines mij elke maand vertelt hoe het plan loopt.",
            "Ik zeg duidelijk wat er moet veranderen, en waarom. Ik lees jullie voor wat ik "
            "over jullie schrijf. Ik bel binnen twee werkdagen terug.",
        ),
    ),
    sittings=(
        Sitting(
            75,
            (
                Answer(
                    PARENT,
                    "Katrien",
                    (8, 8, 7, 8),
                    open_answer="Het is goed dat er eindelijk iemand komt.",
                ),
            ),
        ),
        Sitting(
            47,
            (
                Answer(
                    PARENT,
                    "Katrien",
                    (4, 7, 5, 5),
                    How.BY_PHONE,
                    "Het gaat altijd over Dirk. Ik kom niet aan het woord. "
                    "Ik weet niet wat er met het netwerk besproken is.",
                    loop=Loop(
                        you_said="In de gesprekken ging het vooral over Dirk. Katrien kwam "
                        "weinig aan het woord. Ze wist niet goed wat het netwerk had afgesproken.",
                        we_did="Ines praat nu om de twee weken ook apart met Katrien. Elk "
                        "gesprek begint met wat jullie zelf willen bespreken. Na elk overleg "
                        "met het netwerk krijgen jullie de afspraken op papier.",
                    ),
                ),
                Answer(
                    PARENT,
                    "Dirk",
                    (6, 7, 6, 6),
                    How.BY_PHONE,
                    "Ik wil dat jullie ook zien dat ik mijn best doe.",
                ),
                Answer(
                    CHILD,
                    "Jonas",
                    (7, 6, 7, 7),
                    open_answer="Niet altijd samen met papa praten.",
                ),
            ),
        ),
        # The next round is due within the week: Katrien and Jonas see it on their page.
        Sitting(
            24,
            (
                Answer(
                    PARENT,
                    "Katrien",
                    (8, 8, 8, 8),
                    How.BY_THEMSELF,
                    "Het helpt dat ik nu ook apart met Ines praat.",
                ),
                Answer(PARENT, "Dirk", (7, 7, 7, 7)),
                Answer(
                    CHILD,
                    "Jonas",
                    (8, 7, 7, 8),
                    open_answer="Het is beter nu ik Ines soms alleen zie.",
                ),
            ),
        ),
    ),
)

EL_AMRANI = FeedbackSpec(
    written_days_ago=135,
    expectations=(
        ExpectationSpec(
            Party.PARENTS,
            "Dat jullie ook naar Yasmine luisteren, en niet alleen naar ons. "
            "Dat jullie zeggen wat jullie aan de school vertellen.",
            "We laten het meteen weten als Yasmine weg is. "
            "We komen allebei naar de gesprekken, ook Karim.",
            # Worded again when the plan stood and the network took over.
            revision=Revision(
                35,
                "Dat jullie op voorhand zeggen wanneer jullie minder komen. "
                "Dat we het plan zelf met oma Fatima verder kunnen doen.",
                "We houden ons aan het plan. Nadia stuurt Ines een berichtje als er een ruzie was.",
            ),
        ),
        ExpectationSpec(
            Party.CHILD,
            "Dat ze mij geloven. Dat ik naar oma mag als het thuis te veel wordt.",
            "Ik stuur mama een berichtje als ik wegga. Ik zeg waar ik slaap.",
            child="Yasmine",
        ),
        ExpectationSpec(
            Party.WORKER,
            "Dat Nadia, Karim en oma Fatima samen de afspraken van het plan maken. "
            "Dat Lotte mij vertelt wat ze aan de school vraagt.",
            "Ik kom om de week langs. Ik help bij elk overleg met het netwerk. "
            "Ik zeg eerlijk wat ik zie, ook aan Yasmine en Adam.",
        ),
        ExpectationSpec(
            Party.CONSULTANT,
            "Dat Nadia altijd weet waar Yasmine en Adam zijn. "
            "Dat Ines mij meteen belt als Yasmine weer wegloopt.",
            "Ik zeg op voorhand wat ik wil weten, en waarom. Ik bel binnen twee werkdagen "
            "terug. Ik vertel jullie eerst wat ik opschrijf.",
        ),
    ),
    sittings=(
        Sitting(
            110,
            (
                Answer(
                    PARENT,
                    "Nadia",
                    (6, 7, 6, 7),
                    open_answer="Het is veel. Ik weet niet altijd wie wat doet.",
                ),
                Answer(
                    ABOUT_WORKER,
                    OWNER,
                    (7, 7, 6, 7),
                    How.BY_THEMSELF,
                    "Wie belt Yasmine als ze weggelopen is? Dat spreken we nog af.",
                ),
                Answer(
                    ABOUT_CONSULTANT,
                    HULPVERLENER,
                    (7, 8, 6, 7),
                    How.BY_THEMSELF,
                    "Laat me sneller weten wat de school zegt.",
                ),
            ),
        ),
        Sitting(
            68,
            (
                Answer(PARENT, "Nadia", (7, 7, 7, 8), How.BY_PHONE),
                Answer(
                    CHILD,
                    "Yasmine",
                    (7, 6, 7, 7),
                    open_answer="Niet altijd samen met mama praten.",
                ),
                Answer(ABOUT_WORKER, OWNER, (8, 8, 7, 8), How.BY_THEMSELF),
                Answer(ABOUT_CONSULTANT, HULPVERLENER, (8, 8, 7, 8), How.BY_THEMSELF),
            ),
        ),
        Sitting(
            26,
            (
                Answer(
                    PARENT,
                    "Nadia",
                    (8, 8, 8, 8),
                    open_answer="Het gaat beter. Oma Fatima helpt veel.",
                ),
                Answer(CHILD, "Yasmine", (8, 7, 8, 8), How.BY_THEMSELF),
                Answer(ABOUT_WORKER, OWNER, (8, 8, 8, 8), How.BY_THEMSELF),
                Answer(
                    ABOUT_CONSULTANT,
                    HULPVERLENER,
                    (8, 9, 8, 8),
                    How.BY_THEMSELF,
                    "Fijn dat ik nu sneller antwoord krijg.",
                ),
            ),
        ),
    ),
)

# Closed at the end of the load: these were written while the plan was followed up.
DESMET = FeedbackSpec(
    written_days_ago=300,
    cadence_weeks=8,
    expectations=(
        ExpectationSpec(
            Party.PARENTS,
            "Dat jullie Ruben helpen om weer naar school te gaan. "
            "Dat jullie ons zeggen hoe we met hem over zijn mama kunnen praten.",
            "We vertellen het als Ruben niet opstaat of niet eet. "
            "We komen naar elk gesprek op school.",
        ),
        ExpectationSpec(
            Party.CHILD,
            "Dat ik niet alles tien keer moet vertellen. "
            "Dat ze mij niet dwingen om over mama te praten.",
            "Ik ga naar de gesprekken op school. "
            "Ik zeg het aan tante Christine als het slecht gaat.",
            child="Ruben",
        ),
        ExpectationSpec(
            Party.WORKER,
            "Dat Ruben elke week naar ons gesprek op school komt. "
            "Dat Bart en Ann het ons zeggen als het thuis slechter gaat.",
            "We maken met Ruben een lesrooster dat hij aankan. "
            "We praten elke week met hem, op school.",
        ),
        ExpectationSpec(
            Party.CONSULTANT,
            "Dat Bart en Ann merken wanneer het minder gaat met Ruben, en dan hulp vragen. "
            "Dat de school mij belt als Ruben niet komt.",
            "Ik kom elke maand langs. Ik zeg eerlijk hoe ik het zie. "
            "Ik stop pas als jullie het zelf kunnen.",
        ),
    ),
    sittings=(
        Sitting(
            124,
            (
                Answer(
                    PARENT,
                    "Bart",
                    (7, 7, 6, 7),
                    open_answer="Het gaat beter op school. Ruben staat weer op.",
                ),
            ),
        ),
        Sitting(
            68,
            (
                Answer(PARENT, "Bart", (7, 8, 7, 8), How.BY_PHONE),
                Answer(CHILD, "Ruben", (7, 6, 6, 7)),
            ),
        ),
        Sitting(
            12,
            (
                Answer(
                    PARENT,
                    "Bart",
                    (8, 8, 8, 9),
                    open_answer="Bedankt. We weten nu wie we kunnen bellen.",
                ),
                Answer(
                    CHILD,
                    "Ruben",
                    (8, 7, 7, 8),
                    open_answer="Het was oké. Tante Christine helpt het meest.",
                ),
            ),
        ),
    ),
)

GOOSSENS = FeedbackSpec(
    written_days_ago=28,
    cadence_weeks=2,  # a new file: every two weeks at first
    expectations=(
        ExpectationSpec(
            Party.PARENTS,
            "Dat jullie in gewone woorden zeggen wat de rechter van ons vraagt. "
            "Dat jullie zien dat we hard werken om te stoppen.",
            "We komen elke dag nuchter op bezoek bij Finn en Julie. "
            "We gaan elke week naar onze afspraak bij het CAD.",
        ),
        ExpectationSpec(
            Party.CHILD,
            "Dat ik niet meer elke ochtend voor Finn moet zorgen. "
            "Dat ik bij oma mag slapen tot het thuis beter gaat.",
            "Ik zeg het aan oma of aan de juf als ik me zorgen maak.",
            child="Julie",
        ),
        ExpectationSpec(
            Party.WORKER,
            "Dat Jessica en Steven elke week naar hun afspraak bij het CAD komen. "
            "Dat Pieter ons vraagt wat hij over hun behandeling mag doorgeven.",
            "We helpen Jessica en Steven om te stoppen met drugs. "
            "We laten Pieter weten als ze niet komen, als zij dat goed vinden.",
        ),
        ExpectationSpec(
            Party.CONSULTANT,
            "Dat er elke dag een nuchtere volwassene bij Finn en Julie is. "
            "Dat jullie eerlijk zeggen als het niet lukt.",
            "Ik lees jullie eerst voor wat ik aan de rechter schrijf. Ik leg uit wat de "
            "rechter beslist. Ik bel binnen twee werkdagen terug.",
        ),
    ),
    sittings=(
        Sitting(
            28,
            (
                Answer(
                    PARENT,
                    "Jessica",
                    (6, 6, 6, 6),
                    How.BY_THEMSELF,
                    "Ik ben bang dat we de kinderen kwijt zijn.",
                ),
            ),
        ),
        Sitting(16, (Answer(PARENT, "Jessica", (7, 7, 6, 7), How.BY_PHONE),)),
        Sitting(
            4,
            (
                Answer(
                    PARENT,
                    "Jessica",
                    (7, 8, 7, 8),
                    open_answer="Het is fijn dat Pieter uitlegt wat er gebeurt.",
                ),
            ),
        ),
    ),
)

VAN_ACKER = FeedbackSpec(
    written_days_ago=55,
    cadence_weeks=3,
    expectations=(
        ExpectationSpec(
            Party.PARENTS,
            "Dat jullie Milan een eerlijke kans geven. "
            "Dat jullie ons vertellen wat er bij de rechter gebeurt.",
            "We houden Milan aan het uur dat we afspraken. We komen allebei naar de gesprekken.",
        ),
        ExpectationSpec(
            Party.CHILD,
            "Dat ze mij niet zien als een dief. Dat ik mijn stage mag houden.",
            "Ik ben op tijd thuis. Ik ga elke dag naar school of naar mijn stage. "
            "Ik betaal de schade terug.",
            child="Milan",
        ),
        ExpectationSpec(
            Party.WORKER,
            "Dat Milan zelf naar de gesprekken komt. Dat hij zelf vertelt wat er gebeurd is.",
            "We bereiden het gesprek met de eigenaar van de scooter goed voor. "
            "Milan beslist mee hoe hij de schade goedmaakt.",
        ),
        ExpectationSpec(
            Party.CONSULTANT,
            "Dat Milan elke dag naar school of stage gaat. "
            "Dat Kim en Wim mij bellen als Milan niet op tijd thuis is.",
            "Ik leg uit wat de rechter beslist, en waarom. Ik schrijf niets aan de rechter "
            "zonder het eerst met jullie te lezen.",
        ),
    ),
    sittings=(
        Sitting(55, (Answer(PARENT, "Kim", (7, 7, 7, 7)),)),
        Sitting(
            34,
            (
                Answer(PARENT, "Kim", (7, 8, 7, 8), How.BY_PHONE),
                Answer(
                    CHILD,
                    "Milan",
                    (6, 7, 6, 6),
                    open_answer="Ik moet alles veel keer vertellen.",
                ),
            ),
        ),
        Sitting(
            13,
            (
                Answer(PARENT, "Kim", (8, 8, 8, 8)),
                Answer(
                    CHILD,
                    "Milan",
                    (7, 7, 7, 7),
                    How.BY_THEMSELF,
                    "Fijn dat ik zelf mee mag beslissen.",
                ),
            ),
        ),
    ),
)

# By FamilySpec.label; the family just registered (Maes) has none yet.
FEEDBACK: dict[str, FeedbackSpec] = {
    "Verstraete": VERSTRAETE,
    "Aerts": AERTS,
    "El Amrani": EL_AMRANI,
    "Desmet": DESMET,
    "Goossens": GOOSSENS,
    "Van Acker": VAN_ACKER,
}

"""The child's voice of synthetic trajectories (seed_synthetic): sessions, words, drawings.

Only the first VOICE_FAMILIES of bench_consulent's full trajectories past mapping whose oldest
child is of school age get one, at the size the benchmark measures: that child with 10 sessions
in the three tools (Three Houses, Fairy and Wizard, the Safety House with the safety path each
time), words in every part of the tool, 30 drawings (3 a session, each a Drawing with its
Upload: a small canvas PNG or a photo as a JPEG, one file in the upload directory per drawing,
as the story pages do), a spokesperson (a parent) who speaks in both Fairy and Wizard sessions,
two quotes and one drawing shared with the parents with the child's agreement, and three quotes
linked to safety goals (the other goals keep their flag "nog niet besproken met de kinderen").
The same trajectories get the 12 feedback rounds (feedback.py).

The rows are what child_voice.services would write (the part belongs to the session's tool, a
path position only on the path, the picture re-encoded by the upload path and with the drawing's
audience, a shared item is version 2 with who asked and when); no audit rows, like the rest of
the synthetic data. test_synthetic_matches_the_services.py checks it.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from samenopweg.cases.models import Upload
from samenopweg.child_voice.models import (
    PARTS,
    ChildWords,
    Drawing,
    DrawingMade,
    How,
    Part,
    Spokesperson,
    SpokespersonReason,
    Tool,
    VoiceSession,
    WordsLink,
)
from samenopweg.core.models import Audience
from samenopweg.demo.synthetic.how import write_picture

Row = tuple[Any, ...]
SessionPresent = VoiceSession.present.through

VOICE_FAMILIES = 10  # of bench_consulent's full trajectories (fewer when N is small)
SESSIONS = 10
DRAWINGS_PER_SESSION = 3  # 30 in all
LINKED_GOALS = 3  # of the five: the other two stay "nog niet besproken met de kinderen"
TOOLS = (
    Tool.THREE_HOUSES, Tool.SAFETY_HOUSE, Tool.FAIRY_WIZARD, Tool.SAFETY_HOUSE, Tool.THREE_HOUSES,
    Tool.FAIRY_WIZARD, Tool.SAFETY_HOUSE, Tool.THREE_HOUSES, Tool.SAFETY_HOUSE, Tool.SAFETY_HOUSE,
)  # fmt: skip
SPOKESPERSON_SESSIONS = (2, 5)  # Fairy and Wizard twice, said by the spokesperson
# In the child's words, as typed: first person, their spelling.
WORDS: dict[str, tuple[str, ...]] = {
    Part.WORRIES: (
        "als mama en {adult} ruzie maken en ik niet kan slapen",
        "dat er niemand is als ik van school kom",
        "als {adult} boos is dan roept hij heel hard",
        "ik ben bang dat ik weg moet van huis",
    ),
    Part.GOOD: (
        "voetbal met mijn vriendjes en oma haar soep",
        "als we samen naar het park gaan",
        "de juf is lief en ik mag helpen in de klas",
        "mijn kat Minou slaapt bij mij",
    ),
    Part.DREAMS: (
        "dat iedereen rustig is en we samen op reis gaan naar zee",
        "een eigen kamer met een bed en een bureau",
        "dat {adult} niet meer drinkt",
        "elke dag pannenkoeken",
    ),
    Part.FAIRY: (
        "dat er elke dag eten is",
        "dat mama niet meer moet huilen",
        "een hond en dat papa op bezoek komt",
    ),
    Part.WIZARD: (
        "het roepen weg toveren",
        "de flessen in de kast",
        "dat ik altijd moet wachten aan de schoolpoort",
    ),
    Part.STAYS: (
        "mijn knuffel en mijn school",
        "oma op woensdag",
        "dat ik bij mijn broer slaap",
    ),
    Part.LIVES: ("ik en mama en de kat", "ik, {adult} en mijn zus", "mama, ik en de baby"),
    Part.VISITS: (
        "oma komt op woensdag en dan bakken we pannenkoeken",
        "de buurvrouw als mama moet werken",
        "de juf van de naschoolse",
    ),
    Part.NOT_IN: (
        "niemand die roept of slaat",
        "{adult} als hij gedronken heeft",
        "mensen die ik niet ken",
    ),
    Part.RULES: (
        "niet roepen. als {adult} boos is gaat hij buiten wandelen",
        "altijd iemand thuis als ik thuiskom",
        "ik mag oma bellen als het niet gaat",
    ),
    Part.PATH: (
        "ik sta nog bij de poort",
        "ik sta op de trap, nog niet helemaal binnen",
        "ik ben bijna binnen",
        "ik ben in de gang",
    ),
}
# What the spokesperson says for the child (Fairy and Wizard).
SPOKEN: dict[str, str] = {
    Part.FAIRY: "{child} wil elke avond in bed gelegd worden en een liedje horen.",
    Part.WIZARD: "{child} schrikt als er thuis geroepen wordt en kruipt dan weg.",
    Part.STAYS: "De knuffel, en elke dag naar de opvang bij juf Sara.",
}
DRAWINGS = (
    "Het huis van de dromen: {child} en het gezin voor een huis met een zon",
    "{child} en oma in de keuken",
    "Een grote tovenaar die het roepen weg tovert",
    "Het veiligheidshuis met een dak, een deur en drie mensen",
    "{child} op het pad naar de voordeur",
    "De school met de juf en twee vriendjes",
)
PLACES = ("thuis, aan de keukentafel", "op school", "in het bureau van het OCJ", "bij oma")
NOTES = (
    "{child} tekende mee en vertelde veel. We spraken ongeveer 40 minuten.",
    "{child} was eerst stil; met de tekening ging het beter.",
    "Kort gesprek: {child} was moe na school.",
)
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg"}
PROFESSIONAL_NOTES = ("", "", "", "Zei dit zacht en keek naar de deur.", "Lachte erbij.")


Picture = tuple[bytes, str, int, int]  # the stored bytes, content type, width, height


def _picture(made: str) -> Picture:
    """A drawing made on the canvas (a transparent PNG) or a photo of one on paper, re-encoded
    by the upload path's own `reencode`, so the bytes are the ones the service keeps (a PNG
    stays a PNG, a photo becomes a JPEG)."""
    import io

    from PIL import Image, ImageDraw

    from samenopweg.cases.uploads import reencode

    canvas = made == DrawingMade.CANVAS
    image = Image.new("RGBA" if canvas else "RGB", (400, 300), (0, 0, 0, 0) if canvas else "white")
    pen = ImageDraw.Draw(image)
    pen.rectangle((120, 140, 280, 270), outline=(40, 90, 160, 255), width=5)
    pen.line((100, 145, 200, 60, 300, 145), fill=(200, 60, 50, 255), width=5)
    pen.ellipse((320, 20, 380, 80), outline=(240, 180, 30, 255), width=5)
    pen.line((60, 270, 60, 200), fill=(30, 30, 30, 255), width=4)
    pen.ellipse((45, 170, 75, 200), outline=(30, 30, 30, 255), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG" if canvas else "JPEG")
    data, content_type, _extension, width, height = reencode(out.getvalue())
    return data, content_type, width, height


@dataclass
class VoiceRows:
    spokespersons: list[Row] = field(default_factory=list)
    sessions: list[Row] = field(default_factory=list)
    present: list[Row] = field(default_factory=list)
    words: list[Row] = field(default_factory=list)
    uploads: list[Row] = field(default_factory=list)
    drawings: list[Row] = field(default_factory=list)
    links: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class VoiceFamily:
    pk: int
    owner_id: int
    registered_at: datetime.datetime
    child: tuple[int, str, datetime.date]  # the oldest child: id, first name, date of birth
    adults: Sequence[tuple[int, str]]
    goal_ids: Sequence[int]


class VoiceBuilder:
    def __init__(self, *, rng: random.Random, writer: Any, now: datetime.datetime) -> None:
        self.rng = rng
        self.writer = writer
        self.now = now
        self.rows = VoiceRows()
        self.families = 0
        self.pictures: dict[str, Picture] = {}

    def add(self, family: VoiceFamily) -> None:
        rng, w, rows = self.rng, self.writer, self.rows
        self.families += 1
        owner = family.owner_id
        child_id, child, _born = family.child
        adult_id, adult = family.adults[0]
        text = {"child": child, "adult": adult}
        # The sessions spread over the last year (or the trajectory's life, if shorter).
        first = max(family.registered_at, self.now - datetime.timedelta(days=365))
        span = self.now - datetime.timedelta(hours=2) - first

        speaker_id = next(w.ids(Spokesperson))
        rows.spokespersons.append(
            (speaker_id, Audience.PROFESSIONALS, 1, family.pk, child_id, adult_id, None,
             SpokespersonReason.NOT_READY,
             f"{child} praat nog niet graag over thuis. {adult} kent {child} het best.",
             owner, first, first)
        )  # fmt: skip

        linkable: list[int] = []
        shared_words = shared_drawings = 0
        for number, tool in enumerate(TOOLS):
            moment = (first + span * (number + 0.5) / SESSIONS).replace(microsecond=0)
            session_id = next(w.ids(VoiceSession))
            rows.sessions.append(
                (session_id, Audience.PROFESSIONALS, 1, family.pk, child_id, moment.date(), tool,
                 rng.choice(PLACES), "", rng.choice(NOTES).format(**text), owner, moment, moment)
            )  # fmt: skip
            if rng.random() < 0.5:
                rows.present.append((session_id, adult_id))
            spoken = number in SPOKESPERSON_SESSIONS
            for part in PARTS[tool]:
                words_id = next(w.ids(ChildWords))
                if spoken:
                    how, speaker, said = How.SPOKESPERSON, speaker_id, SPOKEN[part]
                else:
                    how = How.WROTE if rng.random() < 0.3 else How.SAID
                    speaker, said = None, rng.choice(WORDS[part])
                path = None
                if part == Part.PATH:  # further along the path, session by session
                    path = max(0, min(10, 2 + number * 6 // SESSIONS + rng.randint(-1, 1)))
                about = adult_id if part in (Part.LIVES, Part.NOT_IN) else None
                shared = (
                    not spoken
                    and shared_words < 2
                    and part in (Part.GOOD, Part.DREAMS, Part.VISITS)
                )
                shared_words += shared
                rows.words.append(
                    (words_id, *self._sharing(shared, owner, moment), family.pk, session_id, part,
                     said.format(**text), how, speaker, about, path,
                     rng.choice(PROFESSIONAL_NOTES), owner, moment)
                )  # fmt: skip
                if part in (Part.WORRIES, Part.WIZARD, Part.RULES) and not spoken:
                    linkable.append(words_id)
            parts = PARTS[tool]
            for position in range(DRAWINGS_PER_SESSION):
                upload_id = next(w.ids(Upload))
                drawing_part = "" if position == DRAWINGS_PER_SESSION - 1 else rng.choice(parts)
                shared = shared_drawings < 1 and number == SESSIONS - 1 and position == 0
                shared_drawings += shared
                made = DrawingMade.CANVAS if rng.random() < 0.6 else DrawingMade.PHOTO
                data, content_type, width, height = self._picture(made)
                audience = Audience.PARENTS if shared else Audience.PROFESSIONALS
                # The picture follows the drawing's audience (services._follow): version 2.
                rows.uploads.append(
                    (upload_id, audience, 2 if shared else 1, family.pk,
                     write_picture(data, content_type), content_type, len(data), width, height,
                     hashlib.sha256(data).hexdigest(),
                     f"tekening-{number + 1}-{position + 1}.{EXTENSIONS[content_type]}", owner,
                     moment, self._shared_at(moment) if shared else moment)
                )  # fmt: skip
                rows.drawings.append(
                    (next(w.ids(Drawing)), *self._sharing(shared, owner, moment), family.pk,
                     session_id, upload_id, made, rng.choice(DRAWINGS).format(**text),
                     drawing_part, owner, moment)
                )  # fmt: skip

        for words_id, goal_id in zip(linkable[::3], family.goal_ids[:LINKED_GOALS], strict=False):
            moment = self.now - datetime.timedelta(days=rng.randint(1, 20))
            rows.links.append(
                (next(w.ids(WordsLink)), Audience.PROFESSIONALS, 1, family.pk, words_id, goal_id,
                 owner, moment, moment)
            )  # fmt: skip

    def _shared_at(self, moment: datetime.datetime) -> datetime.datetime:
        return min(moment + datetime.timedelta(days=2), self.now)

    def _sharing(self, shared: bool, owner: int, moment: datetime.datetime) -> Row:
        """audience, version, child_agreed, consent_asked_by_id, consent_at, updated_at: as
        services.share leaves them (an update: version 2, who asked and when)."""
        if not shared:
            return (Audience.PROFESSIONALS, 1, False, None, None, moment)
        when = self._shared_at(moment)
        return (Audience.PARENTS, 2, True, owner, when, when)

    def _picture(self, made: str) -> Picture:
        if made not in self.pictures:
            self.pictures[made] = _picture(made)
        return self.pictures[made]

    def insert(self) -> None:
        w, rows = self.writer, self.rows
        w.insert(
            Spokesperson,
            ("id", "audience", "version", "trajectory_id", "child_id", "person_id",
             "professional_id", "reason", "why", "created_by_id", "created_at", "updated_at"),
            rows.spokespersons,
        )  # fmt: skip
        w.insert(
            VoiceSession,
            ("id", "audience", "version", "trajectory_id", "child_id", "held_on", "tool", "place",
             "other_present", "note", "created_by_id", "created_at", "updated_at"),
            rows.sessions,
        )  # fmt: skip
        w.insert(SessionPresent, ("voicesession_id", "person_id"), rows.present)
        w.insert(
            ChildWords,
            ("id", "audience", "version", "child_agreed", "consent_asked_by_id", "consent_at",
             "updated_at", "trajectory_id", "session_id", "part", "words", "how",
             "spokesperson_id", "about_person_id", "path_position", "professional_note",
             "created_by_id", "created_at"),
            rows.words,
        )  # fmt: skip
        w.insert(
            Upload,
            ("id", "audience", "version", "trajectory_id", "file", "content_type", "size", "width",
             "height", "sha256", "original_name", "created_by_id", "created_at", "updated_at"),
            rows.uploads,
        )  # fmt: skip
        w.insert(
            Drawing,
            ("id", "audience", "version", "child_agreed", "consent_asked_by_id", "consent_at",
             "updated_at", "trajectory_id", "session_id", "upload_id", "made", "description",
             "part", "created_by_id", "created_at"),
            rows.drawings,
        )  # fmt: skip
        w.insert(
            WordsLink,
            ("id", "audience", "version", "trajectory_id", "words_id", "safety_goal_id",
             "created_by_id", "created_at", "updated_at"),
            rows.links,
        )  # fmt: skip
        self.rows = VoiceRows()

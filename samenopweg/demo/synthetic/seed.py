"""Synthetic trajectories at Flemish scale, for load tests and performance work (the builder
behind `manage.py seed_synthetic`).

    manage.py seed_synthetic --trajectories 100000 [--seed 1] [--batch-size 5000]

Builds organisations (OCJ and SDJ, five regions each, plus one private organisation per region
for the hulpverleners), regional teams of about 2,000 trajectories with 25 consultants and one
team lead each, and the trajectories with their people, relations, grants, safety checks, alerts,
journal entries, tasks and stage history; the benchmark team also gets a WHAT (what.py), a HOW
(how.py), the child's voice (child_voice.py), feedback (feedback.py) and a family on its own
page (family.py), each module saying which of its trajectories get what. The dashboard's
safety summary on each trajectory is computed here in Python, the way
`cases.services.refresh_safety_summary` would (a test holds them to the service:
samenopweg/demo/tests/test_synthetic_matches_the_services.py).

Fixed users for the benchmark (password `bench` for every synthetic user):

- `bench_consulent`: consultant of exactly 100 open trajectories, all with a current grant,
  and no other grants (fewer when N is small: see `plan_layout`);
- `bench_teamleider`: leads the first team, which holds 2,000 trajectories (all of them for
  N < 2,000);
- `bench_hulpverlener`: a worker of a private organisation with grants in that team;
- `bench_ouder` and `bench_netwerk`: family accounts (no membership), a parent and a network
  chair on the first 20 of bench_consulent's full trajectories, each with their own page
  (/mijn/<reference>/; family.py).

References look like `OCJ-SYN-GNT-2024-00042`: the `SYN` marker keeps them apart from the
references `ReferenceCounter` hands out (`OCJ-GNT-2026-00042`).

Speed: the organisations, teams and users go through the ORM; the trajectories and everything in
them are written with `executemany` (on PostgreSQL with COPY) and explicit ids (the next free
id of each table, read once at the start), one transaction per batch; on PostgreSQL the command
ends with VACUUM (ANALYZE). Django's `bulk_create` spends ~85 % of its time
compiling SQL and would need about five minutes for 100,000 trajectories; this takes 84-109 s
on an idle 2-core machine (SQLite). Run it alone: nothing else may insert rows into these
tables meanwhile.

The command refuses to run a second time on the same database (it would otherwise break the
"exactly 100" and "2,000" promises above): start from a fresh database instead.
Synthetic data writes no audit rows and no notifications.
"""

from __future__ import annotations

import datetime
import itertools
import math
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role, Team
from samenopweg.cases.models import (
    Alert,
    AlertKind,
    CaseGrant,
    CaseRole,
    Framework,
    SafetyAnswer,
    SafetyCheck,
    Stage,
    StageChange,
    Trajectory,
    Urgency,
)
from samenopweg.cases.services import search_text_for
from samenopweg.core.models import Audience
from samenopweg.demo.synthetic.child_voice import VOICE_FAMILIES, VoiceBuilder, VoiceFamily
from samenopweg.demo.synthetic.family import FamilyBuilder, Household
from samenopweg.demo.synthetic.feedback import (
    CHILD_ANSWERS_FROM,
    FeedbackBuilder,
    FeedbackFamily,
)
from samenopweg.demo.synthetic.how import HowBuilder, HowFamily, OwnPage
from samenopweg.demo.synthetic.reviews import ReviewBuilder, ReviewFamily
from samenopweg.demo.synthetic.what import Family, WhatBuilder
from samenopweg.journal.models import ContactKind, JournalEntry, Task, TaskStatus
from samenopweg.people.models import Gender, Person, Relation, RelationKind

User = get_user_model()
Participant = JournalEntry.participants.through

BENCH_PASSWORD = "bench"  # synthetic accounts on a throw-away database only
BENCH_CONSULTANT = "bench_consulent"
BENCH_TEAM_LEAD = "bench_teamleider"
BENCH_WORKER = "bench_hulpverlener"
SYNTHETIC_MARKER = "-SYN-"

TEAM_SIZE = 2000  # trajectories per regional team (DOMAIN.md: 1,500-2,000 active)
CONSULTANTS_PER_TEAM = 25
TRAJECTORIES_PER_CONSULTANT = 80
TRAJECTORIES_PER_WORKER = 70
BENCH_CASELOAD = 100

UTC = datetime.UTC
DAY = datetime.timedelta(days=1)
OPEN_STAGES = (Stage.AANMELDING, Stage.IN_KAART, Stage.PLAN, Stage.OPVOLGING)
STAGE_PATH = (*OPEN_STAGES, Stage.AFGESLOTEN)
PAST_MAPPING = (Stage.PLAN, Stage.OPVOLGING)
# Share of all trajectories per stage (ten years of history: many are closed).
STAGE_WEIGHTS = {
    Stage.AANMELDING: 0.08,
    Stage.IN_KAART: 0.17,
    Stage.PLAN: 0.15,
    Stage.OPVOLGING: 0.30,
    Stage.AFGESLOTEN: 0.30,
}
# Days between registration and today, per stage.
REGISTERED_DAYS_AGO = {
    Stage.AANMELDING: (1, 21),
    Stage.IN_KAART: (10, 150),
    Stage.PLAN: (60, 400),
    Stage.OPVOLGING: (120, 1100),
    Stage.AFGESLOTEN: (120, 3650),
}
SEVERITY: dict[str, int] = {SafetyAnswer.NO: 0, SafetyAnswer.UNCLEAR: 1, SafetyAnswer.YES: 2}
URGENCY_RANK: dict[str, int] = {Urgency.TODAY: 0, Urgency.WITHIN_72_HOURS: 1, Urgency.REGULAR: 2}
CONTACT_KINDS = tuple(ContactKind)
OCJ_CHOICES = (Framework.VERONTRUSTING,) * 3 + (Framework.MAATSCHAPPELIJKE_NOODZAAK,) * 2
SDJ_CHOICES = (Framework.VOS,) * 3 + (Framework.MOF,)
THIRD_ADULT = (RelationKind.GRANDPARENT,) * 3 + (
    RelationKind.FOSTER_PARENT,
    RelationKind.OTHER_FAMILY,
)
FEMALE_KINDS = (RelationKind.MOTHER, RelationKind.STEPMOTHER)
MALE_KINDS = (RelationKind.FATHER, RelationKind.STEPFATHER)
PARENT_KINDS = (RelationKind.MOTHER, RelationKind.FATHER)


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split("|"))


# (name, region code, towns for the regional teams)
REGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Oost-Vlaanderen", "GNT", _words("Gent|Aalst|Sint-Niklaas|Dendermonde|Oudenaarde|Eeklo")),
    ("Antwerpen", "ANT", _words("Antwerpen-Noord|Antwerpen-Zuid|Mechelen|Turnhout|Lier|Geel")),
    ("West-Vlaanderen", "BRG", _words("Brugge|Kortrijk|Oostende|Roeselare|Ieper|Tielt")),
    ("Limburg", "HAS", _words("Hasselt|Genk|Sint-Truiden|Tongeren|Maaseik|Beringen")),
    ("Vlaams-Brabant en Brussel", "LEU", _words("Leuven|Vilvoorde|Halle|Brussel|Tienen|Diest")),
)
ORGANISATION_KINDS = (OrganisationKind.OCJ, OrganisationKind.SDJ)

FEMALE_NAMES = _words(
    "Emma|Olivia|Louise|Mila|Elena|Nora|Lina|Julia|Marie|Fien|Lore|Noor|Hanne|Lotte|Amber|Febe|"
    "Jana|Liv|Ella|Zoë|Amira|Yasmina|Sara|Ines|Laura|Sofie|Els|Katrien|An|Griet|Nathalie|"
    "Veerle|Kimberly|Jessica|Samira|Fatima|Aylin|Maria|Ewa|Lien|Charlotte"
)
MALE_NAMES = _words(
    "Noah|Arthur|Louis|Jules|Liam|Lucas|Adam|Finn|Mathis|Victor|Lowie|Senne|Wout|Seppe|Rune|"
    "Mohamed|Youssef|Milan|Kobe|Jens|Tom|Bart|Kristof|Pieter|Steven|Dirk|Koen|Wim|Jan|Ahmed|"
    "Mehmet|Dylan|Kevin|Jonas|Thomas|Tibo|Bram|Robbe|Ferre|Stan"
)
ALL_NAMES = FEMALE_NAMES + MALE_NAMES
SURNAMES = _words(
    "Peeters|Janssens|Maes|Jacobs|Mertens|Willems|Claes|Goossens|Wouters|De Smet|Dubois|Hermans|"
    "Aerts|Lambert|Martens|Pauwels|Vermeulen|Van den Broeck|Cools|Dupont|De Clercq|Leclercq|"
    "Desmet|Verhoeven|Michiels|Smets|Van Damme|Van de Velde|Claeys|Bogaert|De Backer|Segers|"
    "Stevens|Vandenberghe|Lemmens|Verstraete|Martin|Coppens|Wuyts|De Meyer|Van Acker|Declercq|"
    "Van Hecke|Verbeke|Mahieu|De Vos|Baert|Moens|Heylen|Hendrickx|Vervoort|Geerts|Engelen|"
    "Bosmans|Van Hoof|Dewulf|Vercammen|Roels|Huysmans|Timmermans|Nys|Bertels|Vanhoutte|De Wilde|"
    "El Amrani|Bouzid|Yilmaz|Kaya|Demir|Nowak|Kowalski|Popescu|Diallo|Mukendi|Benali|Haddou|"
    "Ouali|Van Looy|Schepers|Verlinden|Daems|Sterckx|Van Dyck|Vos|Deckers|Thys|Bollen|"
    "Vanderstraeten|Ceulemans|Pieters|Bauwens|Van Goethem|Van Laer|Cuypers|Gielen|Vanhove|Reynaert"
)
REASONS = (
    "De school maakt zich zorgen: {child} is vaak afwezig en komt moe en hongerig naar de klas.",
    "De politie kwam de voorbije maanden meermaals langs na ruzies thuis waar de kinderen bij waren.",
    "De ouders geven zelf aan dat het thuis niet meer lukt en vragen hulp.",
    "{child} vertelde aan de leerkracht dat er thuis soms geslagen wordt.",
    "Het CLB meldt dat de kinderen weinig eten krijgen en niet naar de dokter gaan.",
    "Mama is opgenomen in het ziekenhuis; het is niet duidelijk wie voor de kinderen zorgt.",
    "Er zijn zorgen over alcoholgebruik van een ouder die alleen voor de kinderen zorgt.",
    "De vrijwillige hulp stopte omdat de afspraken niet lukten; de zorgen blijven.",
    "{child} liep twee keer weg van huis en sliep bij vrienden.",
    "De jeugdrechter vraagt op te volgen hoe het met {child} gaat na een feit op straat.",
)
GOALS = (
    "{child} gaat elke dag naar school en er is iemand die mee opvolgt.",
    "De kinderen zijn veilig thuis: er is geen geweld meer en de ouders weten wie ze kunnen bellen.",
    "Er is elke dag eten, en de kinderen gaan naar de dokter als ze ziek zijn.",
    "Er is een vaste volwassene die zorgt als mama of papa het niet kan.",
    "{child} weet bij wie hij of zij terecht kan en heeft een plek om tot rust te komen.",
    "De ouders maken afspraken die ze volhouden, ook zonder de diensten.",
)
JOURNAL_SENTENCES = (
    "Gesprek met {adult} over hoe de voorbije week verliep.",
    "{child} vertelt dat het op school beter gaat en dat er een nieuwe vriend is.",
    "Huisbezoek: de woning is opgeruimd, er is eten in huis.",
    "{adult} geeft aan dat de ochtenden nog moeilijk zijn.",
    "We overlopen samen het veiligheidsplan en passen het aan.",
    "De school belde: {child} was twee dagen afwezig zonder verwittiging.",
    "Netwerkoverleg met oma en de buurvrouw over opvang op woensdag.",
    "{adult} is boos over de tussenkomst; we spreken af om volgende week opnieuw te praten.",
    "{child} tekent wie er thuis is en wie helpt als het moeilijk gaat.",
    "De hulpverlener vertelt dat de begeleiding goed loopt.",
    "Afspraak gemist, we bellen opnieuw.",
    "We bespreken wat er al goed gaat en wat nog zorgen geeft.",
    "Telefoon met het CLB: de afwezigheden zijn verminderd.",
    "{adult} vraagt of de kinderen in de vakantie naar een kamp kunnen.",
)
TASK_TITLES = (
    "Verslag naar de jeugdrechter sturen",
    "Afspraak maken met het CLB",
    "Netwerkoverleg plannen",
    "Huisbezoek inplannen",
    "Veiligheidsplan bespreken met de ouders",
    "Contact opnemen met de huisarts",
    "Aanvraag jeugdhulp indienen",
    "Terugkoppeling aan de school",
    "Gesprek met de jongere alleen",
    "Evaluatie van het plan voorbereiden",
)
SAFETY_BASIS: dict[str, tuple[str, ...]] = {
    SafetyAnswer.YES: (
        "Huisbezoek gezien: de kinderen zijn verzorgd en vertellen dat het goed gaat.",
        "Oma is elke dag aanwezig en de afspraken uit het veiligheidsplan worden gevolgd.",
        "School meldt geen nieuwe zorgen; de ouders houden zich aan de afspraken.",
    ),
    SafetyAnswer.UNCLEAR: (
        "We konden het kind nog niet alleen spreken.",
        "Tegenstrijdige verhalen van school en ouders.",
        "Vader is opnieuw thuis; we weten nog niet hoe het loopt.",
    ),
    SafetyAnswer.NO: (
        "Het kind heeft verse blauwe plekken en wil niet naar huis.",
        "Er is niemand thuis die voor het kind kan zorgen.",
    ),
}
NEXT_STEPS: dict[str, tuple[str, ...]] = {
    Urgency.TODAY: (
        "Vandaag een veilige opvang zoeken bij familie.",
        "Vandaag overleg met de teamverantwoordelijke.",
    ),
    Urgency.WITHIN_72_HOURS: (
        "Binnen drie dagen huisbezoek.",
        "Gesprek met het kind op school deze week.",
    ),
    Urgency.REGULAR: (
        "Opvolgen bij het volgende gesprek.",
        "Het plan evalueren zoals afgesproken.",
    ),
}
CLOSE_REASONS = (
    "Het is veilig genoeg: de afspraken lopen zonder ons.",
    "De vrijwillige hulpverlening neemt over.",
    "Het gezin verhuisde naar Wallonië; het traject is overgedragen.",
    "De jeugdrechter sloot de zaak af.",
)


@dataclass(frozen=True)
class Layout:
    """How N trajectories spread over teams, and what the bench users hold."""

    team_sizes: tuple[int, ...]
    bench_caseload: int  # open trajectories of bench_consulent, all with a current grant

    @property
    def bench_team_size(self) -> int:
        return self.team_sizes[0]

    @staticmethod
    def consultants_for(size: int) -> int:
        return min(CONSULTANTS_PER_TEAM, max(2, math.ceil(size / TRAJECTORIES_PER_CONSULTANT)))

    @staticmethod
    def workers_for(size: int) -> int:
        return max(1, math.ceil(size / TRAJECTORIES_PER_WORKER))


def plan_layout(trajectories: int) -> Layout:
    """Teams of 2,000; the first is bench_teamleider's. Small N scales down (N=30: 1 team, 10)."""
    if trajectories < 1:
        raise ValueError("at least one trajectory")
    teams = max(1, math.ceil(trajectories / TEAM_SIZE))
    first = min(TEAM_SIZE, trajectories)
    rest, others = trajectories - first, teams - 1
    sizes = [first] + [rest // others + (1 if i < rest % others else 0) for i in range(others)]
    return Layout(team_sizes=tuple(sizes), bench_caseload=min(BENCH_CASELOAD, max(1, first // 3)))


@dataclass
class TeamInfo:
    team_id: int
    organisation_id: int
    kind: str
    interval_days: int
    prefix: str
    lead_id: int = 0
    consultant_ids: list[int] = field(default_factory=list)
    worker_ids: list[int] = field(default_factory=list)
    is_bench: bool = False


@dataclass
class Slot:
    """One trajectory to build, decided up front so references follow the registration date."""

    team: TeamInfo
    owner_id: int
    stage: str
    registered_on: datetime.date
    reference: str = ""


Row = tuple[Any, ...]


class RowWriter:
    """INSERT ... VALUES with executemany (PostgreSQL: COPY ... FROM STDIN): explicit ids,
    values adapted per column once."""

    def __init__(self, now: datetime.datetime) -> None:
        self.now = now
        self.sqlite = connection.vendor == "sqlite"
        self._ids: dict[type[models.Model], Iterator[int]] = {}
        self.counts: dict[str, int] = {}

    def ids(self, model: type[models.Model]) -> Iterator[int]:
        """The next free ids of a table (read once; nothing else may insert meanwhile)."""
        if model not in self._ids:
            highest = model._default_manager.aggregate(m=Max("pk"))["m"] or 0
            self._ids[model] = itertools.count(highest + 1)
        return self._ids[model]

    def insert(self, model: type[models.Model], columns: Sequence[str], rows: list[Row]) -> None:
        if not rows:
            return
        meta = model._meta
        given: list[models.Field[Any, Any]] = []
        for name in columns:
            given_field = meta.get_field(name)
            assert isinstance(given_field, models.Field), name
            given.append(given_field)
        # Every other column gets its default (auto_now fields: now), the same for all rows.
        extra: list[Any] = []
        extra_fields: list[models.Field[Any, Any]] = []
        for f in meta.concrete_fields:
            if f.attname in columns or f.primary_key:
                continue
            value = (
                self.now
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                else f.get_default()
            )
            extra_fields.append(f)
            extra.append(f.get_db_prep_save(value, connection))
        convert: list[tuple[int, Callable[[Any], Any]]] = []
        if self.sqlite:
            for index, column in enumerate(given):
                if isinstance(column, models.DateTimeField):
                    convert.append((index, _sqlite_datetime))
        if convert or extra:
            rows = [_adapt(row, convert, extra) for row in rows]
        quote = connection.ops.quote_name
        names = ", ".join(quote(str(f.column)) for f in [*given, *extra_fields])
        marks = ", ".join(["%s"] * (len(given) + len(extra_fields)))
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY: one stream instead of a statement per row (about 3× faster there).
                raw = cursor.cursor
                with raw.copy(f"COPY {quote(meta.db_table)} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(
                    f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({marks})", rows
                )
        self.counts[meta.label] = self.counts.get(meta.label, 0) + len(rows)

    def reset_sequences(self) -> None:
        """PostgreSQL: move the id sequences past the explicit ids (SQLite does this itself)."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(self._ids))
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)


def next_step_due(checked_at: datetime.datetime, urgency: str) -> datetime.datetime | None:
    """As cases.services does: "today" ends with this (Brussels) day, "within 72 hours" 72 hours
    after the answer; the regular course has no deadline."""
    if urgency == Urgency.TODAY:
        local = timezone.localtime(checked_at)
        return local.replace(hour=23, minute=59, second=59, microsecond=0)
    if urgency == Urgency.WITHIN_72_HOURS:
        return checked_at + datetime.timedelta(hours=72)
    return None


def _sqlite_datetime(value: datetime.datetime | None) -> str | None:
    # As DatabaseOperations.adapt_datetimefield_value: naive UTC, str() format.
    return None if value is None else str(value.astimezone(UTC).replace(tzinfo=None))


def _adapt(row: Row, convert: list[tuple[int, Callable[[Any], Any]]], extra: list[Any]) -> Row:
    if convert:
        values = list(row)
        for index, function in convert:
            values[index] = function(values[index])
        return (*values, *extra)
    return (*row, *extra)


@dataclass
class Batch:
    trajectories: list[Row] = field(default_factory=list)
    persons: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    grants: list[Row] = field(default_factory=list)
    stage_changes: list[Row] = field(default_factory=list)
    checks: list[Row] = field(default_factory=list)
    alerts: list[Row] = field(default_factory=list)
    entries: list[Row] = field(default_factory=list)
    participants: list[Row] = field(default_factory=list)
    tasks: list[Row] = field(default_factory=list)


class Builder:
    def __init__(self, *, seed: int) -> None:
        self.rng = random.Random(seed)
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()
        self.password = make_password(BENCH_PASSWORD)
        self.writer = RowWriter(self.now)
        self.what = WhatBuilder(rng=self.rng, writer=self.writer, now=self.now)
        self.how = HowBuilder(rng=self.rng, writer=self.writer, now=self.now)
        self.voice = VoiceBuilder(rng=self.rng, writer=self.writer, now=self.now)
        self.feedback = FeedbackBuilder(
            rng=self.rng, writer=self.writer, now=self.now, today=self.today
        )
        self.family = FamilyBuilder(seed=seed, writer=self.writer, now=self.now)
        self.reviews = ReviewBuilder(seed=seed, writer=self.writer, now=self.now)
        self.users = 0

    # ---- helpers -------------------------------------------------------------------------
    def at(self, day: datetime.date) -> datetime.datetime:
        """A moment on a working day, never in the future."""
        moment = datetime.datetime(
            day.year,
            day.month,
            day.day,
            self.rng.randint(7, 16),
            self.rng.randint(0, 59),
            tzinfo=UTC,
        )
        return min(moment, self.now - datetime.timedelta(minutes=self.rng.randint(1, 120)))

    def between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.datetime:
        if end <= start:
            return start
        return (start + (end - start) * self.rng.random()).replace(microsecond=0)

    # ---- structure -----------------------------------------------------------------------
    def build_structure(self, layout: Layout) -> list[TeamInfo]:
        rng = self.rng
        n_teams = len(layout.team_sizes)
        # Team i belongs to organisation i % 10: the OCJ and SDJ of each region take turns.
        org_keys = [(kind, region) for region in REGIONS for kind in ORGANISATION_KINDS]
        organisations: dict[tuple[str, str], Organisation] = {}
        private: dict[str, Organisation] = {}
        for kind, (name, code, _towns) in org_keys[: min(len(org_keys), n_teams)]:
            organisations[(kind, code)] = Organisation.objects.create(
                name=f"{kind} {name} (synthetisch)", kind=kind, region_code=code
            )
            if code not in private:
                private[code] = Organisation.objects.create(
                    name=f"Jeugdhulp {name} vzw (synthetisch)",
                    kind=OrganisationKind.PRIVATE,
                    region_code=code,
                )
        teams: list[Team] = []
        infos: list[TeamInfo] = []
        for index in range(n_teams):
            kind, (_name, code, towns) = org_keys[index % len(org_keys)]
            organisation = organisations[(kind, code)]
            local = index // len(org_keys)  # how many teams this organisation has so far
            suffix = f" {local // len(towns) + 1}" if local >= len(towns) else ""
            team = Team(
                organisation=organisation,
                name=f"Regio {towns[local % len(towns)]}{suffix}",
                safety_check_interval_days=rng.choice((28, 28, 28, 21, 42)),
            )
            teams.append(team)
        Team.objects.bulk_create(teams)
        if any(t.pk is None for t in teams):
            raise CommandError("This database does not return ids from bulk_create.")
        for index, team in enumerate(teams):
            org_kind = team.organisation.kind
            code = team.organisation.region_code
            infos.append(
                TeamInfo(
                    team_id=team.pk,
                    organisation_id=team.organisation_id,
                    kind=org_kind,
                    interval_days=team.safety_check_interval_days,
                    prefix=f"{org_kind}-SYN-{code}",
                    is_bench=index == 0,
                )
            )

        users: list[Any] = []
        places: list[tuple[int, str]] = []  # (team index, role) per user
        for index, size in enumerate(layout.team_sizes):
            names: list[tuple[str, str]] = [
                (
                    BENCH_TEAM_LEAD if index == 0 else f"syn_tl_{index:03d}",
                    Role.TEAMVERANTWOORDELIJKE,
                )
            ]
            for position in range(layout.consultants_for(size)):
                bench = index == 0 and position == 0
                names.append(
                    (
                        BENCH_CONSULTANT if bench else f"syn_c_{index:03d}_{position:02d}",
                        Role.CONSULENT,
                    )
                )
            for position in range(layout.workers_for(size)):
                bench = index == 0 and position == 0
                names.append(
                    (
                        BENCH_WORKER if bench else f"syn_h_{index:03d}_{position:02d}",
                        Role.HULPVERLENER,
                    )
                )
            for username, role in names:
                users.append(
                    User(
                        username=username,
                        first_name=rng.choice(ALL_NAMES),
                        last_name=rng.choice(SURNAMES),
                        email=f"{username}@synthetisch.invalid",
                        password=self.password,  # one hash for all: hashing is slow
                    )
                )
                places.append((index, role))
        User.objects.bulk_create(users, batch_size=1000)
        if any(u.pk is None for u in users):
            by_name = dict(
                User.objects.filter(username__in=[u.username for u in users]).values_list(
                    "username", "pk"
                )
            )
            for u in users:
                u.pk = by_name[u.username]
        memberships: list[Membership] = []
        for user, (index, role) in zip(users, places, strict=True):
            info, team = infos[index], teams[index]
            if role == Role.TEAMVERANTWOORDELIJKE:
                info.lead_id = user.pk
            elif role == Role.CONSULENT:
                info.consultant_ids.append(user.pk)
            else:
                info.worker_ids.append(user.pk)
            if role == Role.HULPVERLENER:
                org = private[team.organisation.region_code]
                memberships.append(
                    Membership(user_id=user.pk, organisation=org, team=None, role=role)
                )
            else:
                memberships.append(
                    Membership(
                        user_id=user.pk, organisation=team.organisation, team=team, role=role
                    )
                )
        Membership.objects.bulk_create(memberships, batch_size=1000)
        # bench_ouder and bench_netwerk: family accounts, granted on trajectories as they come.
        self.users = len(users) + self.family.create_users(self.password)
        return infos

    def plan_slots(self, layout: Layout, infos: list[TeamInfo]) -> list[Slot]:
        rng = self.rng
        all_stages, all_weights = list(STAGE_WEIGHTS), list(STAGE_WEIGHTS.values())
        slots: list[Slot] = []
        for info, size in zip(infos, layout.team_sizes, strict=True):
            bench = layout.bench_caseload if info.is_bench else 0
            others = info.consultant_ids[1:] if info.is_bench else info.consultant_ids
            owners = [info.consultant_ids[0]] * bench + [
                rng.choice(others) for _ in range(size - bench)
            ]
            stages = rng.choices(all_stages, weights=all_weights, k=size)
            for position, owner in enumerate(owners):
                stage = stages[position]
                if position < bench:  # the bench consultant's caseload is all open
                    stage = rng.choices(all_stages[:4], weights=all_weights[:4])[0]
                low, high = REGISTERED_DAYS_AGO[stage]
                registered = self.today - datetime.timedelta(days=rng.randint(low, high))
                slots.append(Slot(team=info, owner_id=owner, stage=stage, registered_on=registered))
        slots.sort(key=lambda s: s.registered_on)
        counters: dict[tuple[str, int], int] = {}
        for slot in slots:
            key = (slot.team.prefix, slot.registered_on.year)
            counters[key] = counters.get(key, 0) + 1
            slot.reference = f"{key[0]}-{key[1]}-{counters[key]:05d}"
        rng.shuffle(slots)  # ids in no particular date order, as after a migration of old files
        return slots

    # ---- one batch -----------------------------------------------------------------------
    def build_batch(self, slots: Sequence[Slot]) -> None:
        batch = Batch()
        for slot in slots:
            self.build_trajectory(batch, slot)
        w = self.writer
        w.insert(
            Trajectory,
            (
                "id", "reference", "organisation_id", "team_id", "owner_id", "framework",
                "youth_judge_reference", "reason", "goal", "stage", "stage_changed_at",
                "registered_on", "closed_at", "safety_status", "safety_checked_at",
                "safety_check_due_at", "next_step_urgency", "next_step_due_at", "created_by_id",
                "created_at", "updated_at", "search_text",
            ),
            batch.trajectories,
        )  # fmt: skip
        w.insert(
            Person,
            (
                "id", "trajectory_id", "first_name", "last_name", "date_of_birth", "gender",
                "is_child", "phone", "audience", "created_at",
            ),
            batch.persons,
        )  # fmt: skip
        w.insert(
            Relation,
            (
                "trajectory_id",
                "person_id",
                "child_id",
                "kind",
                "has_parental_authority",
                "lives_with_child",
            ),
            batch.relations,
        )
        w.insert(
            CaseGrant,
            (
                "trajectory_id", "user_id", "role", "valid_from", "valid_until", "reason",
                "granted_by_id", "ended_by_id", "created_at",
            ),
            batch.grants,
        )  # fmt: skip
        w.insert(
            StageChange,
            ("trajectory_id", "from_stage", "to_stage", "reason", "changed_by_id", "changed_at"),
            batch.stage_changes,
        )
        w.insert(
            SafetyCheck,
            (
                "id", "trajectory_id", "child_id", "answer", "basis", "next_step", "urgency",
                "checked_by_id", "checked_at", "audience", "created_by_id", "created_at",
            ),
            batch.checks,
        )  # fmt: skip
        w.insert(
            Alert,
            (
                "trajectory_id", "team_id", "kind", "safety_check_id", "created_at",
                "acknowledged_by_id", "acknowledged_at",
            ),
            batch.alerts,
        )  # fmt: skip
        w.insert(
            JournalEntry,
            (
                "id", "trajectory_id", "occurred_on", "kind", "text", "created_by_id", "audience",
                "withdrawn_at", "withdrawn_by_id", "withdrawn_reason", "created_at", "updated_at",
            ),
            batch.entries,
        )  # fmt: skip
        w.insert(Participant, ("journalentry_id", "person_id"), batch.participants)
        w.insert(
            Task,
            (
                "trajectory_id", "title", "assignee_id", "deadline", "status", "closed_at",
                "closed_by_id", "created_by_id", "audience", "created_at", "updated_at",
            ),
            batch.tasks,
        )  # fmt: skip
        self.what.insert()
        self.how.insert()
        self.voice.insert()
        self.feedback.insert()
        self.family.insert()
        self.reviews.insert()

    def build_trajectory(self, batch: Batch, slot: Slot) -> None:
        rng, w, info = self.rng, self.writer, slot.team
        pk = next(w.ids(Trajectory))
        owner = slot.owner_id
        closed = slot.stage == Stage.AFGESLOTEN
        registered_at = self.at(slot.registered_on)
        if closed:
            age = (self.today - slot.registered_on).days
            end_day = slot.registered_on + datetime.timedelta(
                days=rng.randint(30, max(31, min(900, age - 1)))
            )
            end_day = min(end_day, self.today - DAY)
            end_at = max(self.at(end_day), registered_at + datetime.timedelta(hours=1))
            path = [*OPEN_STAGES[: rng.randint(1, 4)], Stage.AFGESLOTEN]
        else:
            end_at = self.now - datetime.timedelta(minutes=rng.randint(5, 600))
            path = list(STAGE_PATH[: STAGE_PATH.index(slot.stage) + 1])
        moments = sorted(self.between(registered_at, end_at) for _ in path[1:])
        if closed:
            moments[-1] = end_at
        moments.insert(0, registered_at)
        previous = ""
        for stage, moment in zip(path, moments, strict=True):
            reason = rng.choice(CLOSE_REASONS) if stage == Stage.AFGESLOTEN else ""
            batch.stage_changes.append((pk, previous, stage, reason, owner, moment))
            previous = stage

        first_person_row = len(batch.persons)
        first_how_row = len(self.how.rows.persons)
        # People: the children, then one to three adults related to every child.
        family = rng.choice(SURNAMES)
        person_ids = w.ids(Person)
        children: list[tuple[int, str]] = []
        born_on: list[datetime.date] = []
        for _ in range(rng.choices((1, 2, 3), weights=(50, 30, 20))[0]):
            girl = rng.random() < 0.5
            name = rng.choice(FEMALE_NAMES if girl else MALE_NAMES)
            child_id = next(person_ids)
            born = self.today - datetime.timedelta(days=rng.randint(30, 17 * 365 + 300))
            gender = Gender.FEMALE if girl else Gender.MALE
            batch.persons.append(
                (child_id, pk, name, family, born, gender, True, "", Audience.CHILD, registered_at)
            )
            children.append((child_id, name))
            born_on.append(born)
        adults: list[tuple[int, str]] = []
        kinds: list[str] = []
        for i in range(rng.choices((1, 2, 3), weights=(30, 55, 15))[0]):
            if i == 0:
                kind = RelationKind.MOTHER if rng.random() < 0.85 else RelationKind.FATHER
            elif i == 1:
                kind = (
                    RelationKind.FATHER
                    if kinds[0] == RelationKind.MOTHER and rng.random() < 0.7
                    else (
                        RelationKind.STEPMOTHER
                        if kinds[0] == RelationKind.FATHER
                        else RelationKind.STEPFATHER
                    )
                )
            else:
                kind = rng.choice(THIRD_ADULT)
            kinds.append(kind)
            female = kind in FEMALE_KINDS or (kind not in MALE_KINDS and rng.random() < 0.6)
            name = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
            adult_id = next(person_ids)
            phone = f"04{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
            batch.persons.append(
                (
                    adult_id,
                    pk,
                    name,
                    family if kind == RelationKind.FATHER else rng.choice(SURNAMES),
                    None,
                    Gender.FEMALE if female else Gender.MALE,
                    False,
                    phone,
                    Audience.PARENTS,
                    registered_at,
                )
            )
            adults.append((adult_id, name))
            parent = kind in PARENT_KINDS
            for child_id, _name in children:
                lives = rng.random() < (0.8 if parent else 0.3)
                batch.relations.append((pk, adult_id, child_id, kind, parent, lives))

        worker, worker_since = self.add_grants(batch, pk, slot, registered_at, end_at)
        summary = self.add_checks(batch, pk, slot, registered_at, end_at, children)
        self.add_journal(batch, pk, slot, registered_at, end_at, children, adults)
        if info.is_bench and slot.stage != Stage.AANMELDING:
            household = Family(pk, owner, worker, registered_at, end_at, children, adults)
            full = owner == info.consultant_ids[0]
            # The first full ones also have a parent and the network's chair on their own page.
            own_page = full and not closed and self.family.wants_more()
            what = self.what.add(household, full=full, for_the_network=own_page)
            goal_ids = what.goals
            if full:
                parent_id, parent_name = adults[0]  # the mother or the father
                accounts = (
                    OwnPage(parent_id, self.family.parent_user_id, self.family.network_user_id)
                    if own_page
                    else None
                )
                network = self.how.add(
                    HowFamily(pk, owner, worker, registered_at, children, goal_ids, accounts)
                )
                if own_page:
                    shown = [
                        *(("assessments.dangerstatement", i) for i in what.statements),
                        *(("assessments.safetygoal", i) for i in what.goals),
                        *(("assessments.bottomline", i) for i in what.bottom_lines),
                        *(("safety_plans.planrule", i) for i in network.rule_ids),
                    ]
                    self.family.add(
                        Household(
                            pk, owner, registered_at, parent_id, parent_name, kinds[0],
                            network.chair_id, network.chair_name, network.started, shown,
                        )
                    )  # fmt: skip
            kids = [(i, name, day) for (i, name), day in zip(children, born_on, strict=True)]
            # The child's voice and the 12 feedback rounds at the size the benchmark measures,
            # for the first few full trajectories past mapping whose oldest child is of school
            # age (and answers the child's version); the team's other open ones some feedback.
            oldest = min(kids, key=lambda kid: kid[2])
            heard = (
                full
                and slot.stage in PAST_MAPPING
                and (self.today - oldest[2]).days >= CHILD_ANSWERS_FROM * 365
                and self.voice.families < VOICE_FAMILIES
            )
            if heard:
                self.voice.add(VoiceFamily(pk, owner, registered_at, oldest, adults, goal_ids))
                self.reviews.add(
                    ReviewFamily(pk, slot.stage, owner, worker, adults, goal_ids, what.rounds)
                )
            if not closed:
                self.feedback.add(
                    FeedbackFamily(
                        pk, slot.stage, owner, worker, worker_since, registered_at, kids, adults
                    ),
                    full=heard,
                )
        first_child = children[0][1]
        # As cases.services.refresh_search_text: the reference and every name in the file.
        names = [(row[2], row[3]) for row in batch.persons[first_person_row:]]
        names += [(row[2], row[3]) for row in self.how.rows.persons[first_how_row:]]
        batch.trajectories.append(
            (
                pk,
                slot.reference,
                info.organisation_id,
                info.team_id,
                owner,
                rng.choice(OCJ_CHOICES if info.kind == OrganisationKind.OCJ else SDJ_CHOICES),
                f"{slot.registered_on.year}/JE/{rng.randint(100, 9999)}"
                if info.kind == OrganisationKind.SDJ
                else "",
                rng.choice(REASONS).format(child=first_child),
                rng.choice(GOALS).format(child=first_child),
                slot.stage,
                moments[-1],
                slot.registered_on,
                end_at if closed else None,
                *summary,
                owner,
                registered_at,
                moments[-1],
                search_text_for(slot.reference, names),
            )
        )

    def add_grants(
        self,
        batch: Batch,
        pk: int,
        slot: Slot,
        registered_at: datetime.datetime,
        end_at: datetime.datetime,
    ) -> tuple[int | None, datetime.datetime | None]:
        """The consultant's grant (after a handover, sometimes), and often a worker's: returns
        the worker and the start of their grant, if any."""
        rng, info = self.rng, slot.team
        closed = slot.stage == Stage.AFGESLOTEN
        owner_from = registered_at
        # Former consultants never include the bench consultant (whose caseload is exact).
        candidates = info.consultant_ids[1:] if info.is_bench else info.consultant_ids
        if rng.random() < 0.04:
            former = [c for c in candidates if c != slot.owner_id]
            handover = self.between(registered_at, end_at)
            if former and handover > registered_at:
                # A handover: the first consultant's grant ended when the owner took over.
                who = rng.choice(former)
                reason = "Consulent van het traject"
                batch.grants.append(
                    (
                        pk,
                        who,
                        CaseRole.CONSULENT,
                        registered_at,
                        handover,
                        reason,
                        info.lead_id,
                        info.lead_id,
                        registered_at,
                    )
                )
                owner_from = handover
        batch.grants.append(
            (pk, slot.owner_id, CaseRole.CONSULENT, owner_from, None, "Consulent van het traject", info.lead_id, None, owner_from)
        )  # fmt: skip
        if rng.random() < 0.5:
            start = self.between(registered_at, registered_at + (end_at - registered_at) * 0.4)
            if not closed or end_at > start:
                worker = rng.choice(info.worker_ids)
                batch.grants.append(
                    (
                        pk,
                        worker,
                        CaseRole.HULPVERLENER,
                        start,
                        end_at if closed else None,
                        "Begeleiding thuis",
                        slot.owner_id,
                        slot.owner_id if closed else None,
                        start,
                    )
                )
                return worker, start
        return None, None

    def add_checks(
        self,
        batch: Batch,
        pk: int,
        slot: Slot,
        registered_at: datetime.datetime,
        end_at: datetime.datetime,
        children: list[tuple[int, str]],
    ) -> tuple[Any, ...]:
        """Rounds of the safety question (all children at once); returns the summary fields."""
        rng, info = self.rng, slot.team
        check_ids = self.writer.ids(SafetyCheck)
        interval = info.interval_days
        rounds = [registered_at]
        if slot.stage != Stage.AANMELDING and rng.random() < 0.85:
            latest = end_at - datetime.timedelta(days=rng.uniform(0, interval * 1.15))
            if latest > registered_at + DAY:
                rounds.append(latest.replace(microsecond=0))
        last_answers: list[tuple[str, str]] = []
        for round_index, moment in enumerate(rounds):
            last_answers = []
            for child_id, _name in children:
                draw = rng.random()
                if draw < 0.02:
                    answer, urgency = str(SafetyAnswer.NO), str(Urgency.TODAY)
                elif draw < 0.15:
                    answer = SafetyAnswer.UNCLEAR
                    pick = rng.random()
                    urgency = (
                        Urgency.WITHIN_72_HOURS
                        if pick < 0.7
                        else Urgency.TODAY
                        if pick < 0.8
                        else Urgency.REGULAR
                    )
                else:
                    answer = SafetyAnswer.YES
                    urgency = Urgency.REGULAR if rng.random() < 0.9 else Urgency.WITHIN_72_HOURS
                check_id = next(check_ids)
                audience = Audience.PARENTS if rng.random() < 0.3 else Audience.PROFESSIONALS
                batch.checks.append(
                    (
                        check_id,
                        pk,
                        child_id,
                        answer,
                        rng.choice(SAFETY_BASIS[answer]),
                        rng.choice(NEXT_STEPS[urgency]),
                        urgency,
                        slot.owner_id,
                        moment,
                        audience,
                        slot.owner_id,  # the item's author and time: who answered, and when
                        moment,
                    )
                )
                last_answers.append((answer, urgency))
                if answer == SafetyAnswer.NO:
                    recent = (
                        round_index == len(rounds) - 1
                        and slot.stage != Stage.AFGESLOTEN
                        and self.now - moment < datetime.timedelta(days=3)
                    )
                    acknowledged_at = (
                        None if recent else moment + datetime.timedelta(hours=rng.randint(1, 20))
                    )
                    batch.alerts.append(
                        (
                            pk,
                            info.team_id,
                            AlertKind.ACUTE_UNSAFE,
                            check_id,
                            moment,
                            None if recent else info.lead_id,
                            acknowledged_at,
                        )
                    )
        # As cases.services.refresh_safety_summary: worst latest answer, oldest latest check.
        status = min((a for a, _u in last_answers), key=SEVERITY.__getitem__)
        most_urgent = min((u for _a, u in last_answers), key=URGENCY_RANK.__getitem__)
        checked_at = rounds[-1]
        return (
            status,
            checked_at,
            checked_at + datetime.timedelta(days=interval),
            most_urgent,
            next_step_due(checked_at, most_urgent),
        )

    def add_journal(
        self,
        batch: Batch,
        pk: int,
        slot: Slot,
        registered_at: datetime.datetime,
        end_at: datetime.datetime,
        children: list[tuple[int, str]],
        adults: list[tuple[int, str]],
    ) -> None:
        rng, owner = self.rng, slot.owner_id
        entry_ids = self.writer.ids(JournalEntry)
        people = [person_id for person_id, _name in children + adults]
        count = rng.randint(1, 3) if slot.stage == Stage.AANMELDING else rng.randint(3, 7)
        for _ in range(count):
            child, adult = rng.choice(children)[1], rng.choice(adults)[1]
            text = " ".join(
                sentence.format(child=child, adult=adult)
                for sentence in rng.sample(JOURNAL_SENTENCES, rng.randint(2, 4))
            )
            moment = self.between(registered_at, end_at)
            entry_id = next(entry_ids)
            audience = Audience.PARENTS if rng.random() < 0.5 else Audience.PROFESSIONALS
            if rng.random() < 0.01:
                withdrawn_at = min(moment + DAY, self.now)
                withdrawn: tuple[Any, ...] = (
                    withdrawn_at,
                    owner,
                    "Bij het verkeerde traject genoteerd",
                    moment,
                    withdrawn_at,
                )
            else:
                withdrawn = (None, None, "", moment, moment)
            batch.entries.append(
                (
                    entry_id,
                    pk,
                    moment.date(),
                    rng.choice(CONTACT_KINDS),
                    text,
                    owner,
                    audience,
                    *withdrawn,
                )
            )
            for person_id in rng.sample(people, min(len(people), rng.randint(1, 2))):
                batch.participants.append((entry_id, person_id))
        closed = slot.stage == Stage.AFGESLOTEN
        for _ in range(rng.randint(1, 3)):
            created = self.between(registered_at, end_at)
            deadline = (created + datetime.timedelta(days=rng.randint(3, 45))).date()
            draw = rng.random()
            if closed:
                status = TaskStatus.DONE if draw < 0.9 else TaskStatus.CANCELLED
            else:
                status = (
                    TaskStatus.DONE
                    if draw < 0.4
                    else TaskStatus.CANCELLED
                    if draw < 0.45
                    else TaskStatus.OPEN
                )
            done_at = None if status == TaskStatus.OPEN else self.between(created, end_at)
            batch.tasks.append(
                (
                    pk,
                    rng.choice(TASK_TITLES),
                    owner,
                    deadline,
                    status,
                    done_at,
                    owner if done_at else None,
                    owner,
                    Audience.PARENTS if rng.random() < 0.5 else Audience.PROFESSIONALS,
                    created,
                    done_at or created,
                )
            )

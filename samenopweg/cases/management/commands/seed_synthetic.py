"""Synthetic trajectories at Flemish scale, for load tests and performance work.

    manage.py seed_synthetic --trajectories 100000 [--seed 1] [--batch-size 5000]

Builds organisations (OCJ and SDJ, five regions each, plus one private organisation per region
for the hulpverleners), regional teams of about 2,000 trajectories with 25 consultants and one
team lead each, and the trajectories with their people, relations, grants, safety checks, alerts,
journal entries, tasks and stage history. The dashboard's safety summary on each trajectory is
computed here in Python, the way `cases.services._refresh_safety_summary` would.

Fixed users for the benchmark (password `bench` for every synthetic user):

- `bench_consulent`: consultant of exactly 100 open trajectories, all with a current grant
  (fewer when N is small: see `plan_layout`);
- `bench_teamleider`: leads the first team, which holds 2,000 trajectories (all of them for
  N < 2,000);
- `bench_hulpverlener`: a worker of a private organisation with grants in that team.

References look like `OCJ-SYN-GNT-2024-00042`: the `SYN` marker keeps them apart from the
references `ReferenceCounter` hands out (`OCJ-GNT-2026-00042`).

The command refuses to run a second time on the same database (it would otherwise break the
"exactly 100" and "2,000" promises above): start from a fresh database instead.
Synthetic data writes no audit rows and no notifications.
"""

from __future__ import annotations

import datetime
import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction
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
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry, Task, TaskStatus
from samenopweg.people.models import Gender, Person, Relation, RelationKind

User = get_user_model()
M = TypeVar("M", bound=models.Model)

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
INSERT_BATCH = 2000  # rows per INSERT where the database has no lower limit (SQLite: 999 params)

UTC = datetime.UTC
OPEN_STAGES = (Stage.AANMELDING, Stage.IN_KAART, Stage.PLAN, Stage.OPVOLGING)
STAGE_PATH = (*OPEN_STAGES, Stage.AFGESLOTEN)
STAGE_WEIGHTS = {  # share of all trajectories (ten years of history: many are closed)
    Stage.AANMELDING: 0.08,
    Stage.IN_KAART: 0.17,
    Stage.PLAN: 0.15,
    Stage.OPVOLGING: 0.30,
    Stage.AFGESLOTEN: 0.30,
}
# Days between registration and today, per stage of an open trajectory.
REGISTERED_DAYS_AGO = {
    Stage.AANMELDING: (1, 21),
    Stage.IN_KAART: (10, 150),
    Stage.PLAN: (60, 400),
    Stage.OPVOLGING: (120, 1100),
    Stage.AFGESLOTEN: (120, 3650),
}
URGENCY_DELAY = {
    Urgency.TODAY: datetime.timedelta(0),
    Urgency.WITHIN_72_HOURS: datetime.timedelta(hours=72),
}
SEVERITY = {SafetyAnswer.NO: 0, SafetyAnswer.UNCLEAR: 1, SafetyAnswer.YES: 2}
URGENCY_RANK = {Urgency.TODAY: 0, Urgency.WITHIN_72_HOURS: 1, Urgency.REGULAR: 2}

# (name, region code, towns for the regional teams)
REGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Oost-Vlaanderen",
        "GNT",
        (
            "Gent",
            "Aalst",
            "Sint-Niklaas",
            "Dendermonde",
            "Oudenaarde",
            "Eeklo",
            "Zottegem",
            "Lokeren",
        ),
    ),
    (
        "Antwerpen",
        "ANT",
        (
            "Antwerpen-Noord",
            "Antwerpen-Zuid",
            "Mechelen",
            "Turnhout",
            "Lier",
            "Geel",
            "Boom",
            "Mol",
        ),
    ),
    (
        "West-Vlaanderen",
        "BRG",
        ("Brugge", "Kortrijk", "Oostende", "Roeselare", "Ieper", "Tielt", "Waregem", "Veurne"),
    ),
    (
        "Limburg",
        "HAS",
        ("Hasselt", "Genk", "Sint-Truiden", "Tongeren", "Maaseik", "Beringen", "Lommel", "Bilzen"),
    ),
    (
        "Vlaams-Brabant en Brussel",
        "LEU",
        ("Leuven", "Vilvoorde", "Halle", "Brussel", "Tienen", "Aarschot", "Diest", "Zaventem"),
    ),
)
ORGANISATION_KINDS = (OrganisationKind.OCJ, OrganisationKind.SDJ)

FEMALE_NAMES = (
    "Emma",
    "Olivia",
    "Louise",
    "Mila",
    "Elena",
    "Nora",
    "Lina",
    "Julia",
    "Marie",
    "Fien",
    "Lore",
    "Noor",
    "Hanne",
    "Lotte",
    "Amber",
    "Febe",
    "Jana",
    "Liv",
    "Ella",
    "Zoë",
    "Amira",
    "Yasmina",
    "Sara",
    "Ines",
    "Laura",
    "Sofie",
    "Els",
    "Katrien",
    "An",
    "Griet",
    "Nathalie",
    "Veerle",
    "Kimberly",
    "Jessica",
    "Samira",
    "Fatima",
    "Aylin",
    "Maria",
    "Ewa",
    "Lien",
    "Charlotte",
)
MALE_NAMES = (
    "Noah",
    "Arthur",
    "Louis",
    "Jules",
    "Liam",
    "Lucas",
    "Adam",
    "Finn",
    "Mathis",
    "Victor",
    "Lowie",
    "Senne",
    "Wout",
    "Seppe",
    "Rune",
    "Mohamed",
    "Youssef",
    "Milan",
    "Kobe",
    "Jens",
    "Tom",
    "Bart",
    "Kristof",
    "Pieter",
    "Steven",
    "Dirk",
    "Koen",
    "Wim",
    "Jan",
    "Ahmed",
    "Mehmet",
    "Dylan",
    "Kevin",
    "Jonas",
    "Thomas",
    "Tibo",
    "Bram",
    "Robbe",
    "Ferre",
    "Stan",
)
SURNAMES = (
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Hermans",
    "Aerts",
    "Lambert",
    "Martens",
    "Pauwels",
    "Vermeulen",
    "Van den Broeck",
    "Cools",
    "Dupont",
    "De Clercq",
    "Leclercq",
    "Desmet",
    "Verhoeven",
    "Michiels",
    "Smets",
    "Van Damme",
    "Van de Velde",
    "Claeys",
    "Bogaert",
    "De Backer",
    "Segers",
    "Stevens",
    "Vandenberghe",
    "Lemmens",
    "Verstraete",
    "Martin",
    "Coppens",
    "Wuyts",
    "De Meyer",
    "Van Acker",
    "Declercq",
    "Van Hecke",
    "Verbeke",
    "Mahieu",
    "De Vos",
    "Baert",
    "Moens",
    "Heylen",
    "Hendrickx",
    "Vervoort",
    "Geerts",
    "Engelen",
    "Bosmans",
    "Van Hoof",
    "Dewulf",
    "Vercammen",
    "Roels",
    "Huysmans",
    "Timmermans",
    "Nys",
    "Bertels",
    "Vanhoutte",
    "De Wilde",
    "El Amrani",
    "Bouzid",
    "Yilmaz",
    "Kaya",
    "Demir",
    "Nowak",
    "Kowalski",
    "Popescu",
    "Diallo",
    "Mukendi",
    "Benali",
    "Haddou",
    "Ouali",
    "Van Looy",
    "Schepers",
    "Verlinden",
    "Daems",
    "Sterckx",
    "Van Dyck",
    "Vos",
    "Deckers",
    "Thys",
    "Bollen",
    "Vanderstraeten",
    "Ceulemans",
    "Pieters",
    "Bauwens",
    "Van Goethem",
    "Van Laer",
    "Cuypers",
    "Gielen",
    "Vanhove",
    "Reynaert",
)
REASONS = (
    "De school maakt zich zorgen: {child} is vaak afwezig en komt moe en hongerig naar de klas.",
    "De politie kwam de voorbije maanden meermaals langs na ruzies thuis waar de kinderen bij waren.",
    "De ouders geven zelf aan dat het thuis niet meer lukt en vragen hulp.",
    "{child} vertelde aan de leerkracht dat er thuis soms geslagen wordt.",
    "Het CLB meldt dat de kinderen weinig eten krijgen en niet naar de dokter gaan.",
    "Mama is opgenomen in het ziekenhuis; het is niet duidelijk wie voor de kinderen zorgt.",
    "Er zijn zorgen over alcoholgebruik van een ouder wanneer die alleen voor de kinderen zorgt.",
    "De vrijwillige hulp stopte omdat de afspraken niet lukten; de zorgen blijven.",
    "{child} liep twee keer weg van huis en sliep bij vrienden.",
    "De jeugdrechter vraagt om op te volgen hoe het met {child} gaat na een feit op straat.",
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
SAFETY_BASIS = {
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
NEXT_STEPS = {
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
    "Het gezin verhuisde naar Wallonië; overgedragen.",
    "De jeugdrechter sloot de zaak af.",
)


def _weighted(rng: random.Random, weights: dict[Any, float]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


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
    """Teams of 2,000; the first team is bench_teamleider's. Small N scales down."""
    if trajectories < 1:
        raise ValueError("at least one trajectory")
    teams = max(1, math.ceil(trajectories / TEAM_SIZE))
    first = min(TEAM_SIZE, trajectories)
    rest, others = trajectories - first, teams - 1
    sizes = [first] + [rest // others + (1 if i < rest % others else 0) for i in range(others)]
    return Layout(team_sizes=tuple(sizes), bench_caseload=min(BENCH_CASELOAD, max(1, first // 3)))


@dataclass
class TeamInfo:
    team: Team
    organisation: Organisation
    prefix: str
    lead_id: int
    consultant_ids: list[int]
    worker_ids: list[int]
    is_bench: bool = False


@dataclass
class Slot:
    """One trajectory to build: decided up front so references follow the registration date."""

    team: TeamInfo
    owner_id: int
    stage: str
    registered_on: datetime.date
    reference: str = ""


@dataclass
class Batch:
    """Rows of one batch, in the order they are inserted."""

    trajectories: list[Trajectory] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    relations: list[tuple[int, int, int, str, bool, bool]] = field(default_factory=list)
    grants: list[CaseGrant] = field(default_factory=list)
    stage_changes: list[StageChange] = field(default_factory=list)
    checks: list[SafetyCheck] = field(default_factory=list)
    alerts: list[tuple[int, int, datetime.datetime, int | None, datetime.datetime | None]] = field(
        default_factory=list
    )
    entries: list[JournalEntry] = field(default_factory=list)
    participants: list[tuple[int, int]] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


class Builder:
    def __init__(self, *, seed: int, out: Any) -> None:
        self.rng = random.Random(seed)
        self.out = out
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.password = make_password(BENCH_PASSWORD)
        self.counts: dict[str, int] = {}

    # ---- helpers -------------------------------------------------------------------------
    def at(self, day: datetime.date) -> datetime.datetime:
        """A moment on a working day, never in the future."""
        moment = datetime.datetime.combine(
            day, datetime.time(self.rng.randint(7, 16), self.rng.randint(0, 59), tzinfo=UTC)
        )
        return min(moment, self.now - datetime.timedelta(minutes=self.rng.randint(1, 120)))

    def between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.datetime:
        if end <= start:
            return start
        return start + (end - start) * self.rng.random()

    def insert(self, model: type[M], objs: Sequence[M]) -> list[M]:
        created = model.objects.bulk_create(objs, batch_size=INSERT_BATCH)
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + len(objs)
        return created

    # ---- structure -----------------------------------------------------------------------
    def build_structure(self, layout: Layout) -> list[TeamInfo]:
        rng = self.rng
        n_teams = len(layout.team_sizes)
        # Team i belongs to organisation i % 10: OCJ and SDJ of each region take turns.
        org_keys = [(kind, region) for region in REGIONS for kind in ORGANISATION_KINDS]
        used_keys = org_keys[: min(len(org_keys), n_teams)]
        organisations: dict[tuple[str, str], Organisation] = {}
        for kind, (name, code, _towns) in used_keys:
            organisations[(kind, code)] = Organisation.objects.create(
                name=f"{kind} {name} (synthetisch)", kind=kind, region_code=code
            )
        private: dict[str, Organisation] = {}
        for _kind, (name, code, _towns) in used_keys:
            if code not in private:
                private[code] = Organisation.objects.create(
                    name=f"Jeugdhulp {name} vzw (synthetisch)",
                    kind=OrganisationKind.PRIVATE,
                    region_code=code,
                )

        teams: list[tuple[Team, Organisation, str]] = []
        for index in range(n_teams):
            kind, (_name, code, towns) = org_keys[index % len(org_keys)]
            organisation = organisations[(kind, code)]
            local = index // len(org_keys)  # how many teams this organisation already has
            town = towns[local % len(towns)]
            suffix = f" {local // len(towns) + 1}" if local >= len(towns) else ""
            interval = rng.choice((28, 28, 28, 21, 42))
            team = Team(
                organisation=organisation,
                name=f"Regio {town}{suffix}",
                safety_check_interval_days=interval,
            )
            teams.append((team, organisation, code))
        Team.objects.bulk_create([t for t, _o, _c in teams])

        users: list[Any] = []
        roles: list[tuple[int, str, int]] = []  # (team index, role, position) per user

        def person_name() -> tuple[str, str]:
            first = rng.choice(FEMALE_NAMES + MALE_NAMES)
            return first, rng.choice(SURNAMES)

        def add_user(username: str, team_index: int, role: str, position: int) -> None:
            first, last = person_name()
            users.append(
                User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@synthetisch.invalid",
                    password=self.password,
                )
            )
            roles.append((team_index, role, position))

        for index, size in enumerate(layout.team_sizes):
            add_user(
                BENCH_TEAM_LEAD if index == 0 else f"syn_tl_{index:03d}",
                index,
                Role.TEAMVERANTWOORDELIJKE,
                0,
            )
            for position in range(layout.consultants_for(size)):
                name = (
                    BENCH_CONSULTANT
                    if index == 0 and position == 0
                    else f"syn_c_{index:03d}_{position:02d}"
                )
                add_user(name, index, Role.CONSULENT, position)
            for position in range(layout.workers_for(size)):
                name = (
                    BENCH_WORKER
                    if index == 0 and position == 0
                    else f"syn_h_{index:03d}_{position:02d}"
                )
                add_user(name, index, Role.HULPVERLENER, position)
        User.objects.bulk_create(users, batch_size=INSERT_BATCH)
        if any(u.pk is None for u in users):  # databases that do not return ids
            by_name = dict(
                User.objects.filter(username__in=[u.username for u in users]).values_list(
                    "username", "pk"
                )
            )
            for u in users:
                u.pk = by_name[u.username]

        infos = [
            TeamInfo(
                team=t,
                organisation=o,
                prefix=f"{o.kind}-SYN-{code}",
                lead_id=0,
                consultant_ids=[],
                worker_ids=[],
                is_bench=index == 0,
            )
            for index, (t, o, code) in enumerate(teams)
        ]
        memberships: list[Membership] = []
        for user, (index, role, _position) in zip(users, roles, strict=True):
            info = infos[index]
            if role == Role.TEAMVERANTWOORDELIJKE:
                info.lead_id = user.pk
            elif role == Role.CONSULENT:
                info.consultant_ids.append(user.pk)
            else:
                info.worker_ids.append(user.pk)
            if role == Role.HULPVERLENER:
                org = private[info.organisation.region_code]
                memberships.append(
                    Membership(user_id=user.pk, organisation=org, team=None, role=role)
                )
            else:
                memberships.append(
                    Membership(
                        user_id=user.pk, organisation=info.organisation, team=info.team, role=role
                    )
                )
        Membership.objects.bulk_create(memberships, batch_size=INSERT_BATCH)
        self.counts["accounts.User"] = len(users)
        self.counts["accounts.Team"] = len(teams)
        return infos

    def plan_slots(self, layout: Layout, infos: list[TeamInfo]) -> list[Slot]:
        rng = self.rng
        open_weights = {s: w for s, w in STAGE_WEIGHTS.items() if s != Stage.AFGESLOTEN}
        slots: list[Slot] = []
        for index, (info, size) in enumerate(zip(infos, layout.team_sizes, strict=True)):
            bench = layout.bench_caseload if index == 0 else 0
            others = info.consultant_ids[1:] if index == 0 else info.consultant_ids
            owners = [info.consultant_ids[0]] * bench + [
                rng.choice(others) for _ in range(size - bench)
            ]
            for position, owner in enumerate(owners):
                stage = _weighted(rng, open_weights if position < bench else STAGE_WEIGHTS)
                low, high = REGISTERED_DAYS_AGO[stage]
                registered = self.today - datetime.timedelta(days=rng.randint(low, high))
                slots.append(Slot(team=info, owner_id=owner, stage=stage, registered_on=registered))
        slots.sort(key=lambda s: s.registered_on)
        counters: dict[tuple[str, int], int] = {}
        for slot in slots:
            key = (slot.team.prefix, slot.registered_on.year)
            counters[key] = counters.get(key, 0) + 1
            slot.reference = f"{key[0]}-{key[1]}-{counters[key]:05d}"
        rng.shuffle(slots)  # ids in random order of date, as after a migration of old files
        return slots

    # ---- one batch -----------------------------------------------------------------------
    def build_batch(self, slots: Sequence[Slot]) -> None:
        rng = self.rng
        batch = Batch()
        details: list[dict[str, Any]] = []
        for slot in slots:
            info = slot.team
            kind = info.organisation.kind
            framework = (
                rng.choice(
                    (Framework.VERONTRUSTING,) * 3 + (Framework.MAATSCHAPPELIJKE_NOODZAAK,) * 2
                )
                if kind == OrganisationKind.OCJ
                else rng.choice((Framework.VOS,) * 3 + (Framework.MOF,))
            )
            registered_at = self.at(slot.registered_on)
            if slot.stage == Stage.AFGESLOTEN:
                age = (self.today - slot.registered_on).days
                end_day = slot.registered_on + datetime.timedelta(
                    days=rng.randint(30, max(31, min(900, age - 1)))
                )
                end_day = min(end_day, self.today - datetime.timedelta(days=1))
                end_at = max(self.at(end_day), registered_at + datetime.timedelta(hours=1))
            else:
                end_at = self.now - datetime.timedelta(minutes=rng.randint(5, 600))
            # The stage path so far, with the moment of each change.
            if slot.stage == Stage.AFGESLOTEN:
                path = [*OPEN_STAGES[: rng.randint(1, 4)], Stage.AFGESLOTEN]
            else:
                path = list(STAGE_PATH[: STAGE_PATH.index(slot.stage) + 1])
            moments = sorted(self.between(registered_at, end_at) for _ in path[1:])
            if slot.stage == Stage.AFGESLOTEN:
                moments[-1] = end_at
            moments.insert(0, registered_at)
            family = rng.choice(SURNAMES)
            n_children = rng.choices((1, 2, 3), weights=(50, 30, 20))[0]
            first_child = rng.choice(FEMALE_NAMES + MALE_NAMES)
            trajectory = Trajectory(
                reference=slot.reference,
                organisation_id=info.organisation.pk,
                team_id=info.team.pk,
                owner_id=slot.owner_id,
                framework=framework,
                youth_judge_reference=(
                    f"{slot.registered_on.year}/JE/{rng.randint(100, 9999)}"
                    if kind == OrganisationKind.SDJ
                    else ""
                ),
                reason=rng.choice(REASONS).format(child=first_child),
                goal=rng.choice(GOALS).format(child=first_child),
                stage=slot.stage,
                stage_changed_at=moments[-1],
                registered_on=slot.registered_on,
                closed_at=end_at if slot.stage == Stage.AFGESLOTEN else None,
                created_by_id=slot.owner_id,
            )
            batch.trajectories.append(trajectory)
            details.append(
                {
                    "slot": slot,
                    "path": path,
                    "moments": moments,
                    "end_at": end_at,
                    "family": family,
                    "children": n_children,
                    "first_child": first_child,
                }
            )
        self.insert(Trajectory, batch.trajectories)

        # People: children first, then adults, per trajectory.
        spans: list[tuple[int, int, int]] = []  # start, children, adults (indexes into persons)
        adult_kinds: list[str] = []
        for trajectory, detail in zip(batch.trajectories, details, strict=True):
            start = len(batch.persons)
            for i in range(detail["children"]):
                girl = rng.random() < 0.5
                name = (
                    detail["first_child"]
                    if i == 0
                    else rng.choice(FEMALE_NAMES if girl else MALE_NAMES)
                )
                batch.persons.append(
                    Person(
                        trajectory_id=trajectory.pk,
                        first_name=name,
                        last_name=detail["family"],
                        date_of_birth=self.today
                        - datetime.timedelta(days=rng.randint(30, 17 * 365 + 300)),
                        gender=Gender.FEMALE if girl else Gender.MALE,
                        is_child=True,
                        audience=Audience.CHILD,
                    )
                )
            n_adults = rng.choices((1, 2, 3), weights=(30, 55, 15))[0]
            for i in range(n_adults):
                if i == 0:
                    relation = RelationKind.MOTHER if rng.random() < 0.85 else RelationKind.FATHER
                elif i == 1:
                    relation = (
                        RelationKind.FATHER
                        if adult_kinds[-1] == RelationKind.MOTHER and rng.random() < 0.7
                        else rng.choice((RelationKind.STEPFATHER, RelationKind.STEPMOTHER))
                    )
                else:
                    relation = rng.choice(
                        (RelationKind.GRANDPARENT,) * 3
                        + (RelationKind.FOSTER_PARENT, RelationKind.OTHER_FAMILY)
                    )
                female = relation in (RelationKind.MOTHER, RelationKind.STEPMOTHER) or (
                    relation not in (RelationKind.FATHER, RelationKind.STEPFATHER)
                    and rng.random() < 0.6
                )
                adult_kinds.append(relation)
                batch.persons.append(
                    Person(
                        trajectory_id=trajectory.pk,
                        first_name=rng.choice(FEMALE_NAMES if female else MALE_NAMES),
                        last_name=detail["family"]
                        if relation == RelationKind.FATHER
                        else rng.choice(SURNAMES),
                        gender=Gender.FEMALE if female else Gender.MALE,
                        phone=f"04{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                        audience=Audience.PARENTS,
                    )
                )
            spans.append((start, detail["children"], n_adults))
        self.insert(Person, batch.persons)

        adult_cursor = 0
        for trajectory, detail, (start, n_children, n_adults) in zip(
            batch.trajectories, details, spans, strict=True
        ):
            slot = detail["slot"]
            info = slot.team
            children = batch.persons[start : start + n_children]
            adults = batch.persons[start + n_children : start + n_children + n_adults]
            kinds = adult_kinds[adult_cursor : adult_cursor + n_adults]
            adult_cursor += n_adults
            for adult, relation in zip(adults, kinds, strict=True):
                parent = relation in (RelationKind.MOTHER, RelationKind.FATHER)
                for child in children:
                    batch.relations.append(
                        (
                            trajectory.pk,
                            adult.pk,
                            child.pk,
                            relation,
                            parent,
                            rng.random() < (0.8 if parent else 0.3),
                        )
                    )
            self.grants_for(batch, trajectory, detail, info)
            self.stage_changes_for(batch, trajectory, detail)
            self.checks_for(batch, trajectory, detail, info, children)
            self.journal_for(batch, trajectory, detail, children, adults)
        self.insert(
            Relation,
            [
                Relation(
                    trajectory_id=t,
                    person_id=p,
                    child_id=c,
                    kind=k,
                    has_parental_authority=a,
                    lives_with_child=w,
                )
                for t, p, c, k, a, w in batch.relations
            ],
        )
        self.insert(CaseGrant, batch.grants)
        self.insert(StageChange, batch.stage_changes)
        self.insert(SafetyCheck, batch.checks)
        alerts = []
        for check_index, team_id, created, acknowledged_by, acknowledged_at in batch.alerts:
            check = batch.checks[check_index]
            alerts.append(
                Alert(
                    trajectory_id=check.trajectory_id,
                    team_id=team_id,
                    kind=AlertKind.ACUTE_UNSAFE,
                    safety_check_id=check.pk,
                    created_at=created,
                    acknowledged_by_id=acknowledged_by,
                    acknowledged_at=acknowledged_at,
                )
            )
        self.insert(Alert, alerts)
        self.insert(JournalEntry, batch.entries)
        through = JournalEntry.participants.through
        self.insert(
            through,
            [
                through(journalentry_id=batch.entries[e].pk, person_id=p)  # type: ignore[misc]
                for e, p in batch.participants
            ],
        )
        self.insert(Task, batch.tasks)
        # The summary was set on the objects before the insert (see checks_for).

    def grants_for(
        self, batch: Batch, trajectory: Trajectory, detail: dict[str, Any], info: TeamInfo
    ) -> None:
        rng = self.rng
        slot: Slot = detail["slot"]
        registered_at: datetime.datetime = detail["moments"][0]
        end_at: datetime.datetime = detail["end_at"]
        closed = slot.stage == Stage.AFGESLOTEN
        owner_from = registered_at
        # Former consultants never include the bench consultant (whose caseload is exact).
        candidates = info.consultant_ids[1:] if info.is_bench else info.consultant_ids
        former = [c for c in candidates if c != slot.owner_id]
        if former and rng.random() < 0.04:
            # A handover: the first consultant's grant ended when the owner took over.
            owner_from = self.between(registered_at, end_at)
            if owner_from > registered_at:
                batch.grants.append(
                    CaseGrant(
                        trajectory_id=trajectory.pk,
                        user_id=rng.choice(former),
                        role=CaseRole.CONSULENT,
                        valid_from=registered_at,
                        valid_until=owner_from,
                        reason="Consulent van het traject",
                        granted_by_id=info.lead_id,
                        ended_by_id=info.lead_id,
                    )
                )
        batch.grants.append(
            CaseGrant(
                trajectory_id=trajectory.pk,
                user_id=slot.owner_id,
                role=CaseRole.CONSULENT,
                valid_from=owner_from,
                reason="Consulent van het traject",
                granted_by_id=info.lead_id,
            )
        )
        if rng.random() < 0.5:
            worker_from = self.between(
                registered_at, registered_at + (end_at - registered_at) * 0.4
            )
            if not closed or end_at > worker_from:
                batch.grants.append(
                    CaseGrant(
                        trajectory_id=trajectory.pk,
                        user_id=rng.choice(info.worker_ids),
                        role=CaseRole.HULPVERLENER,
                        valid_from=worker_from,
                        valid_until=end_at if closed else None,
                        reason="Begeleiding thuis",
                        granted_by_id=slot.owner_id,
                        ended_by_id=slot.owner_id if closed else None,
                    )
                )

    def stage_changes_for(
        self, batch: Batch, trajectory: Trajectory, detail: dict[str, Any]
    ) -> None:
        previous = ""
        for stage, moment in zip(detail["path"], detail["moments"], strict=True):
            batch.stage_changes.append(
                StageChange(
                    trajectory_id=trajectory.pk,
                    from_stage=previous,
                    to_stage=stage,
                    reason=self.rng.choice(CLOSE_REASONS) if stage == Stage.AFGESLOTEN else "",
                    changed_by_id=trajectory.owner_id,
                    changed_at=moment,
                )
            )
            previous = stage

    def checks_for(
        self,
        batch: Batch,
        trajectory: Trajectory,
        detail: dict[str, Any],
        info: TeamInfo,
        children: list[Person],
    ) -> None:
        """Rounds of the safety question (all children at once) and the dashboard summary."""
        rng = self.rng
        slot: Slot = detail["slot"]
        registered_at: datetime.datetime = detail["moments"][0]
        end_at: datetime.datetime = detail["end_at"]
        interval = info.team.safety_check_interval_days
        rounds = [registered_at]
        if slot.stage != Stage.AANMELDING and rng.random() < 0.85:
            latest = end_at - datetime.timedelta(days=rng.uniform(0, interval * 1.15))
            if latest > registered_at + datetime.timedelta(days=1):
                rounds.append(latest)
        latest_round: list[SafetyCheck] = []
        for round_index, moment in enumerate(rounds):
            latest_round = []
            for child in children:
                draw = rng.random()
                answer = (
                    SafetyAnswer.NO
                    if draw < 0.02
                    else SafetyAnswer.UNCLEAR
                    if draw < 0.15
                    else SafetyAnswer.YES
                )
                if answer == SafetyAnswer.NO:
                    urgency = Urgency.TODAY
                elif answer == SafetyAnswer.UNCLEAR:
                    urgency = _weighted(
                        rng, {Urgency.WITHIN_72_HOURS: 7, Urgency.TODAY: 1, Urgency.REGULAR: 2}
                    )
                else:
                    urgency = Urgency.REGULAR if rng.random() < 0.9 else Urgency.WITHIN_72_HOURS
                check = SafetyCheck(
                    trajectory_id=trajectory.pk,
                    child_id=child.pk,
                    answer=answer,
                    basis=rng.choice(SAFETY_BASIS[answer]),
                    next_step=rng.choice(NEXT_STEPS[urgency]),
                    urgency=urgency,
                    checked_by_id=trajectory.owner_id,
                    checked_at=moment,
                    audience=Audience.PARENTS if rng.random() < 0.3 else Audience.PROFESSIONALS,
                )
                batch.checks.append(check)
                latest_round.append(check)
                if answer == SafetyAnswer.NO:
                    recent = (
                        round_index == len(rounds) - 1
                        and slot.stage != Stage.AFGESLOTEN
                        and self.now - moment < datetime.timedelta(days=3)
                    )
                    batch.alerts.append(
                        (
                            len(batch.checks) - 1,
                            info.team.pk,
                            moment,
                            None if recent else info.lead_id,
                            None
                            if recent
                            else moment + datetime.timedelta(hours=rng.randint(1, 20)),
                        )
                    )
        # Summary (as cases.services._refresh_safety_summary): worst latest answer, oldest check.
        worst = min(latest_round, key=lambda c: SEVERITY[SafetyAnswer(c.answer)])
        most_urgent = min(latest_round, key=lambda c: URGENCY_RANK[Urgency(c.urgency)])
        checked_at = rounds[-1]
        delay = URGENCY_DELAY.get(Urgency(most_urgent.urgency))
        trajectory.safety_status = worst.answer
        trajectory.safety_checked_at = checked_at
        trajectory.safety_check_due_at = checked_at + datetime.timedelta(days=interval)
        trajectory.next_step_urgency = most_urgent.urgency
        trajectory.next_step_due_at = checked_at + delay if delay is not None else None

    def journal_for(
        self,
        batch: Batch,
        trajectory: Trajectory,
        detail: dict[str, Any],
        children: list[Person],
        adults: list[Person],
    ) -> None:
        rng = self.rng
        slot: Slot = detail["slot"]
        registered_at: datetime.datetime = detail["moments"][0]
        end_at: datetime.datetime = detail["end_at"]
        people = children + adults
        n_entries = rng.randint(1, 3) if slot.stage == Stage.AANMELDING else rng.randint(3, 7)
        for _ in range(n_entries):
            child, adult = rng.choice(children), rng.choice(adults)
            text = " ".join(
                s.format(child=child.first_name, adult=adult.first_name)
                for s in rng.sample(JOURNAL_SENTENCES, rng.randint(2, 4))
            )
            withdrawn = rng.random() < 0.01
            moment = self.between(registered_at, end_at)
            batch.entries.append(
                JournalEntry(
                    trajectory_id=trajectory.pk,
                    occurred_on=moment.date(),
                    kind=rng.choice(ContactKind.values),
                    text=text,
                    author_id=trajectory.owner_id,
                    audience=rng.choice((Audience.PROFESSIONALS, Audience.PARENTS)),
                    withdrawn_at=moment + datetime.timedelta(days=1) if withdrawn else None,
                    withdrawn_by_id=trajectory.owner_id if withdrawn else None,
                    withdrawn_reason="Bij het verkeerde traject genoteerd" if withdrawn else "",
                )
            )
            entry_index = len(batch.entries) - 1
            for person in rng.sample(people, min(len(people), rng.randint(1, 2))):
                batch.participants.append((entry_index, person.pk))
        closed = slot.stage == Stage.AFGESLOTEN
        for _ in range(rng.randint(1, 3)):
            created = self.between(registered_at, end_at)
            deadline = (created + datetime.timedelta(days=rng.randint(3, 45))).date()
            if closed:
                status = TaskStatus.DONE if rng.random() < 0.9 else TaskStatus.CANCELLED
            else:
                draw = rng.random()
                status = (
                    TaskStatus.DONE
                    if draw < 0.4
                    else TaskStatus.CANCELLED
                    if draw < 0.45
                    else TaskStatus.OPEN
                )
            done_at = (
                None if status == TaskStatus.OPEN else min(self.between(created, end_at), self.now)
            )
            batch.tasks.append(
                Task(
                    trajectory_id=trajectory.pk,
                    title=rng.choice(TASK_TITLES),
                    assignee_id=trajectory.owner_id,
                    deadline=deadline,
                    status=status,
                    closed_at=done_at,
                    closed_by_id=trajectory.owner_id if done_at else None,
                    created_by_id=trajectory.owner_id,
                    audience=rng.choice((Audience.PROFESSIONALS, Audience.PARENTS)),
                )
            )


class Command(BaseCommand):
    help = "Build N synthetic trajectories at Flemish scale (for load tests; refuses to run twice)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--trajectories", type=int, required=True, help="how many trajectories")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="trajectories per transaction"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        n: int = options["trajectories"]
        batch_size: int = options["batch_size"]
        if n < 1 or batch_size < 1:
            raise CommandError("--trajectories and --batch-size must be at least 1.")
        if (
            User.objects.filter(
                username__in=[BENCH_CONSULTANT, BENCH_TEAM_LEAD, BENCH_WORKER]
            ).exists()
            or Trajectory.objects.filter(reference__contains=SYNTHETIC_MARKER).exists()
        ):
            raise CommandError(
                "This database already holds synthetic data (bench users or -SYN- references). "
                "seed_synthetic runs once per database: start from a fresh one "
                "(bench/run.py creates one for each run)."
            )
        started = time.monotonic()
        layout = plan_layout(n)
        builder = Builder(seed=options["seed"], out=self.stdout)
        with transaction.atomic():
            infos = builder.build_structure(layout)
        slots = builder.plan_slots(layout, infos)
        self.stdout.write(
            f"{len(infos)} teams, {builder.counts['accounts.User']} users; "
            f"{BENCH_CONSULTANT} gets {layout.bench_caseload} trajectories, "
            f"{BENCH_TEAM_LEAD}'s team {layout.bench_team_size} ({time.monotonic() - started:.1f} s)"
        )
        for offset in range(0, n, batch_size):
            with transaction.atomic():
                builder.build_batch(slots[offset : offset + batch_size])
            done = min(n, offset + batch_size)
            self.stdout.write(f"  {done}/{n} trajectories ({time.monotonic() - started:.1f} s)")
        elapsed = time.monotonic() - started
        rows = ", ".join(
            f"{label.split('.')[-1]} {count}" for label, count in sorted(builder.counts.items())
        )
        self.stdout.write(f"Rows: {rows}")
        self.stdout.write(
            self.style.SUCCESS(f"Seeded {n} synthetic trajectories in {elapsed:.1f} s")
        )

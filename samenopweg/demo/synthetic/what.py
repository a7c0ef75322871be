"""The WHAT of synthetic trajectories (seed_synthetic): map, danger statements, goals, scaling.

Only the benchmark team gets one, which keeps seeding 100,000 trajectories fast:

- each of `bench_consulent`'s trajectories past registration gets the full size the benchmark
  measures (issue: a map of 50 entries and 5 danger/goal pairs scaled in 10 rounds): 3 mapping
  conversations, 50 map entries, 5 danger statements with a goal each, 3 bottom lines, and 10
  scaling rounds in which two parents, the consultant and the worker each give a number per pair;
- the team's other trajectories past registration get a small one (2 statements, 12 entries,
  1-3 rounds), so the team lead's dashboard shows every status in its WAT column.

Statement sets are draft, discussed or shared; a shared one gets its SharedVersion from the
application's own `build_snapshot`, after the rows are in (see `share`). The trajectories with a
parent and a network member on their own page (family.py) always have theirs shared, and their
statements, goals and bottom lines are for the network too, so both read them there.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from samenopweg.assessments.models import (
    BottomLine,
    DangerStatement,
    MapCategory,
    MapEntry,
    MappingSession,
    ProfessionalView,
    SafetyGoal,
    ScalingRound,
    ScalingScore,
    SharedVersion,
    StatementSet,
    StatementStatus,
)
from samenopweg.core.models import Audience

Row = tuple[Any, ...]
SessionParticipant = MappingSession.participants.through
SessionProfessional = MappingSession.professionals.through
StatementChild = DangerStatement.children.through

FULL = {"sessions": 3, "entries": 50, "statements": 5, "bottom_lines": 3, "rounds": 10}
SMALL = {"sessions": 1, "entries": 12, "statements": 2, "bottom_lines": 1, "rounds": 3}

MAP_TEXTS: dict[str, tuple[str, ...]] = {
    MapCategory.HARM: (
        "{child} had blauwe plekken op de arm na een ruzie thuis.",
        "{child} zag hoe {adult} werd geduwd en was daarna dagen stil.",
        "{child} miste vorig schooljaar meer dan dertig dagen school.",
        "Er was meerdere dagen geen eten in huis.",
    ),
    MapCategory.DANGER_SHORT: (
        "{child} kan gekwetst worden als er opnieuw geroepen en geduwd wordt.",
        "{child} blijft alleen thuis als {adult} 's avonds weg is.",
    ),
    MapCategory.DANGER_MEDIUM: (
        "{child} raakt achter op school en verliest vrienden.",
        "{child} gaat denken dat ruzie erbij hoort.",
    ),
    MapCategory.DANGER_LONG: (
        "{child} vertrouwt later volwassenen niet meer.",
        "{child} kan zelf in relaties met geweld terechtkomen.",
    ),
    MapCategory.COMPLICATING: (
        "{adult} heeft schulden en slaapt slecht.",
        "De familie woont ver weg en kan niet elke dag helpen.",
        "{adult} drinkt meer als het moeilijk gaat.",
    ),
    MapCategory.STRENGTH: (
        "{adult} zorgt elke ochtend voor een ontbijt.",
        "{child} praat graag met de juf en met oma.",
        "{adult} vraagt zelf hulp als het niet lukt.",
    ),
    MapCategory.EXISTING_SAFETY: (
        "Oma haalt {child} al drie maanden elke woensdag op.",
        "De buurvrouw belt als ze ruzie hoort; dat gebeurde al twee keer.",
    ),
    MapCategory.EXCEPTION: (
        "Toen {adult} vorig jaar hulp had van de thuisbegeleiding ging het een half jaar goed.",
        "In de vakantie bij oma was er geen enkele ruzie.",
    ),
    MapCategory.CHANGE: (
        "Er mag geen geweld meer zijn waar {child} bij is.",
        "{child} gaat elke dag naar school.",
        "Er is altijd een volwassene thuis die voor {child} zorgt.",
    ),
    MapCategory.NEXT_STEP: (
        "Netwerkoverleg met oma, de buurvrouw en de school plannen.",
        "{child} alleen spreken over wat het zelf wil.",
        "Een veiligheidsplan maken met het netwerk.",
    ),
}
STATEMENTS = (
    (
        "De consulent en de school",
        "{adult} en de partner maken ruzie met roepen en duwen, ook als {child} erbij is",
        "{child} is bang, slaapt slecht en durft niemand uit te nodigen",
        "{child} gekwetst wordt en later zelf denkt dat geweld normaal is",
    ),
    (
        "De consulent",
        "{adult} drinkt 's avonds veel en valt dan in slaap terwijl {child} nog wakker is",
        "{child} zorgt dan alleen voor zichzelf en de kleinere kinderen",
        "{child} iets overkomt zonder dat er een volwassene is die helpt",
    ),
    (
        "Het CLB en de consulent",
        "{child} gaat vaak niet naar school omdat niemand {child} 's ochtends wekt",
        "{child} loopt achter en verliest vrienden",
        "{child} de school niet afmaakt en alleen komt te staan",
    ),
    (
        "De consulent en de hulpverlener",
        "er is soms dagen geen eten in huis en de rekeningen blijven liggen",
        "{child} heeft honger op school en schaamt zich",
        "{child} ziek wordt en het gezin de woning verliest",
    ),
    (
        "De consulent",
        "{adult} roept en scheldt als {child} niet luistert",
        "{child} trekt zich terug en zegt dat het zelf slecht is",
        "{child} zich waardeloos blijft voelen",
    ),
)
GOALS = (
    (
        "ruzies oplossen zonder roepen of duwen, en oma bellen als het te hoog oploopt",
        "rustig slapen en vriendjes mogen uitnodigen",
        "een huis zonder geweld, bevestigd door {child}, oma en de school",
    ),
    (
        "'s avonds nuchter zijn; de buurvrouw komt kijken als {adult} uitgaat",
        "dat er altijd iemand wakker is die zorgt",
        "afspraken over de avonden die {adult} en de buurvrouw nakomen",
    ),
    (
        "{child} elke ochtend wekken; oma belt om half acht",
        "elke dag op school zijn en weer bijbenen",
        "een volle aanwezigheidslijst op school",
    ),
    (
        "elke week samen boodschappen doen en de rekeningen met de budgetbegeleider overlopen",
        "elke dag eten krijgen",
        "een gevulde koelkast en betaalde rekeningen",
    ),
    (
        "rustig zeggen wat er moet gebeuren en {child} prijzen als iets lukt",
        "dat thuis een plek is waar het goed is",
        "dat {child} weer vertelt over school en vriendjes",
    ),
)
DURATIONS = ("zes maanden", "drie maanden", "een schooljaar", "vier maanden")
BOTTOM_LINES = (
    ("{child} is nooit alleen thuis 's nachts.", "{child} is te jong om alleen te zijn."),
    (
        "Er is een volwassene die het veiligheidsplan mee opvolgt.",
        "Zonder netwerk houdt het plan niet stand.",
    ),
    (
        "{child} gaat elke dag naar school, behalve bij ziekte met een briefje.",
        "School is de plek waar iemand buiten het gezin {child} ziet.",
    ),
)
WHAT_MAKES_IT = (
    "Het gaat beter: er was geen ruzie meer deze maand.",
    "Oma helpt nu elke woensdag.",
    "Er was opnieuw een moeilijke avond.",
    "De afspraken lopen, maar nog niet lang genoeg.",
)
ONE_HIGHER = (
    "Als de afspraken nog een maand blijven lopen.",
    "Als ook de buurvrouw meedoet.",
    "Als {child} zelf vertelt dat het beter gaat.",
)
WORRIED_ROLES = (ProfessionalView.CONSULENT, ProfessionalView.HULPVERLENER, ProfessionalView.SCHOOL)
STATUSES = (StatementStatus.DRAFT, StatementStatus.DISCUSSED, StatementStatus.SHARED)


@dataclass
class WhatRows:
    sessions: list[Row] = field(default_factory=list)
    participants: list[Row] = field(default_factory=list)
    professionals: list[Row] = field(default_factory=list)
    entries: list[Row] = field(default_factory=list)
    sets: list[Row] = field(default_factory=list)
    statements: list[Row] = field(default_factory=list)
    statement_children: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)
    bottom_lines: list[Row] = field(default_factory=list)
    rounds: list[Row] = field(default_factory=list)
    scores: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class WhatIds:
    """The ids of what `WhatBuilder.add` wrote that others refer to."""

    goals: list[int]
    statements: list[int]
    bottom_lines: list[int]
    rounds: list[tuple[int, datetime.date]] = field(default_factory=list)  # scaling: id, day


@dataclass(frozen=True)
class Family:
    """What the builder needs to know of one trajectory."""

    pk: int
    owner_id: int
    worker_id: int | None
    registered_at: datetime.datetime
    end_at: datetime.datetime
    children: Sequence[tuple[int, str]]
    adults: Sequence[tuple[int, str]]


class WhatBuilder:
    def __init__(self, *, rng: random.Random, writer: Any, now: datetime.datetime) -> None:
        self.rng = rng
        self.writer = writer
        self.now = now
        self.rows = WhatRows()
        self.to_share: list[tuple[int, int]] = []  # (trajectory id, owner id)

    def _when(self, family: Family, share: float) -> datetime.datetime:
        span = family.end_at - family.registered_at
        return (family.registered_at + span * share).replace(microsecond=0)

    def add(self, family: Family, *, full: bool, for_the_network: bool = False) -> WhatIds:
        """Rows for one family; returns the ids of its goals, statements and bottom lines.
        `for_the_network`: the set is shared, and its items are for the network too (family.py);
        the random draws are the same either way, so the rest of the data does not change."""
        rng, w, rows = self.rng, self.writer, self.rows
        shown = Audience.NETWORK if for_the_network else Audience.PARENTS
        size = FULL if full else SMALL
        child_id, child = family.children[0]
        adult_id, adult = family.adults[0]
        words = {"child": child, "adult": adult}
        views: list[tuple[int | None, str]] = [(a, "") for a, _name in family.adults[:2]]
        views.append((None, ProfessionalView.CONSULENT))
        if family.worker_id is not None:
            views.append((None, ProfessionalView.HULPVERLENER))

        session_ids = []
        for number in range(size["sessions"]):
            pk = next(w.ids(MappingSession))
            moment = self._when(family, 0.1 + 0.8 * number / max(1, size["sessions"]))
            rows.sessions.append((pk, family.pk, moment.date(), "", family.owner_id, moment))
            for person_id, _name in family.adults[:2]:
                rows.participants.append((pk, person_id))
            rows.professionals.append((pk, family.owner_id))
            if family.worker_id is not None:
                rows.professionals.append((pk, family.worker_id))
            session_ids.append((pk, moment))

        categories = list(MapCategory)
        for position in range(size["entries"]):
            category = categories[position % len(categories)]
            session_id, moment = session_ids[position * len(session_ids) // size["entries"]]
            view_person, role = rng.choice(views)
            audience = Audience.PARENTS if rng.random() < 0.7 else Audience.PROFESSIONALS
            rows.entries.append(
                (
                    next(w.ids(MapEntry)), audience, 1, family.pk, session_id, category,
                    rng.choice(MAP_TEXTS[category]).format(**words), view_person, role,
                    position, None, None, "", family.owner_id, moment, moment,
                )
            )  # fmt: skip

        status = rng.choice(STATUSES)
        if for_the_network:
            status = StatementStatus.SHARED
        first_at = session_ids[0][1]
        rows.sets.append(
            (next(w.ids(StatementSet)), 1, family.pk, status, self._when(family, 0.9), family.owner_id)
        )  # fmt: skip
        statement_ids = []
        goal_ids: list[int] = []
        bottom_line_ids: list[int] = []
        for position, index in enumerate(rng.sample(range(len(STATEMENTS)), size["statements"])):
            who, behaviour, impact, fear = STATEMENTS[index]
            pk = next(w.ids(DangerStatement))
            rows.statements.append(
                (
                    pk, shown, 1, family.pk, who, behaviour.format(**words),
                    impact.format(**words), fear.format(**words), position, family.owner_id,
                    first_at, first_at,
                )
            )  # fmt: skip
            rows.statement_children.append((pk, child_id))
            will, experience, see = GOALS[index]
            goal_ids.append(next(w.ids(SafetyGoal)))
            rows.goals.append(
                (
                    goal_ids[-1], shown, 1, pk, family.pk,
                    will.format(**words), experience.format(**words), see.format(**words),
                    rng.choice(DURATIONS), 0, family.owner_id, first_at, first_at,
                )
            )  # fmt: skip
            statement_ids.append(pk)
        for position, (text, reason) in enumerate(BOTTOM_LINES[: size["bottom_lines"]]):
            bottom_line_ids.append(next(w.ids(BottomLine)))
            rows.bottom_lines.append(
                (
                    bottom_line_ids[-1], shown, 1, family.pk, text.format(**words),
                    reason.format(**words), position, family.owner_id, first_at, first_at,
                )
            )  # fmt: skip

        rounds = size["rounds"] if full else rng.randint(1, size["rounds"])
        start = {pk: rng.randint(1, 4) for pk in statement_ids}
        round_days: list[tuple[int, datetime.date]] = []
        for number in range(rounds):
            pk = next(w.ids(ScalingRound))
            moment = self._when(family, 0.15 + 0.8 * number / rounds)
            rows.rounds.append((pk, family.pk, None, moment.date(), family.owner_id, moment))
            round_days.append((pk, moment.date()))
            for statement_id in statement_ids:
                for view_person, role in views:
                    trend = start[statement_id] + number * 0.6 + rng.uniform(-1.5, 1.5)
                    score = max(0, min(10, round(trend + (1 if role else 0))))
                    rows.scores.append(
                        (
                            next(w.ids(ScalingScore)), Audience.PARENTS, pk, family.pk,
                            statement_id, view_person, role, score, rng.choice(WHAT_MAKES_IT),
                            rng.choice(ONE_HIGHER).format(**words),
                        )
                    )  # fmt: skip
        if status == StatementStatus.SHARED:
            self.to_share.append((family.pk, family.owner_id))
        return WhatIds(
            goals=goal_ids,
            statements=statement_ids,
            bottom_lines=bottom_line_ids,
            rounds=round_days,
        )

    def insert(self) -> None:
        """Write this batch's rows (in the caller's transaction) and start a new batch."""
        w, rows = self.writer, self.rows
        w.insert(
            MappingSession,
            ("id", "trajectory_id", "held_on", "other_participants", "created_by_id", "created_at"),
            rows.sessions,
        )
        w.insert(SessionParticipant, ("mappingsession_id", "person_id"), rows.participants)
        w.insert(SessionProfessional, ("mappingsession_id", "user_id"), rows.professionals)
        w.insert(
            MapEntry,
            (
                "id", "audience", "version", "trajectory_id", "session_id", "category", "text",
                "view_of_person_id", "view_of_role", "position", "merged_into_id", "withdrawn_at",
                "withdrawn_reason", "created_by_id", "created_at", "updated_at",
            ),
            rows.entries,
        )  # fmt: skip
        w.insert(
            StatementSet,
            ("id", "version", "trajectory_id", "status", "status_changed_at", "status_changed_by_id"),
            rows.sets,
        )  # fmt: skip
        w.insert(
            DangerStatement,
            (
                "id", "audience", "version", "trajectory_id", "who_is_worried", "behaviour",
                "impact", "fear", "position", "created_by_id", "created_at", "updated_at",
            ),
            rows.statements,
        )  # fmt: skip
        w.insert(StatementChild, ("dangerstatement_id", "person_id"), rows.statement_children)
        w.insert(
            SafetyGoal,
            (
                "id", "audience", "version", "danger_statement_id", "trajectory_id",
                "parents_and_network_will", "child_will_experience", "professionals_will_see",
                "for_how_long", "position", "created_by_id", "created_at", "updated_at",
            ),
            rows.goals,
        )  # fmt: skip
        w.insert(
            BottomLine,
            (
                "id", "audience", "version", "trajectory_id", "text", "reason", "position",
                "created_by_id", "created_at", "updated_at",
            ),
            rows.bottom_lines,
        )  # fmt: skip
        w.insert(
            ScalingRound,
            ("id", "trajectory_id", "session_id", "held_on", "created_by_id", "created_at"),
            rows.rounds,
        )
        w.insert(
            ScalingScore,
            (
                "id", "audience", "round_id", "trajectory_id", "danger_statement_id",
                "person_id", "professional_role", "score", "what_makes_it", "one_higher",
            ),
            rows.scores,
        )  # fmt: skip
        self.rows = WhatRows()

    def share(self) -> int:
        """The shared sets' first SharedVersion, frozen by the application's own code."""
        from samenopweg.accounts.models import User
        from samenopweg.assessments.services.statements import build_snapshot
        from samenopweg.cases.models import Trajectory

        owners = User.objects.in_bulk({owner for _pk, owner in self.to_share})
        trajectories = Trajectory.objects.in_bulk([pk for pk, _owner in self.to_share])
        sets = dict(
            StatementSet.objects.filter(trajectory_id__in=trajectories).values_list(
                "trajectory_id", "pk"
            )
        )
        versions = [
            SharedVersion(
                statement_set_id=sets[pk],
                number=1,
                snapshot=build_snapshot(trajectory=trajectories[pk], number=1, actor=owners[owner]),
                shared_by_id=owner,
            )
            for pk, owner in self.to_share
        ]
        SharedVersion.objects.bulk_create(versions, batch_size=500)
        self.writer.counts["assessments.SharedVersion"] = len(versions)
        return len(versions)

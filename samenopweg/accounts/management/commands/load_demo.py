"""Load fictional demo data: organisations, demo logins and seven families in different stages.

Each family also gets its WHAT: mapping sessions and a full map, danger statements with safety
goals and bottom lines, and a few rounds of the scaling question, written through the services
(so with their audit rows and history) by the family's consultant.

Only runs when ``settings.DEMO_MODE`` is on: every demo account has the password ``demo``.
Running it again creates nothing twice; it prints the demo logins every time.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from samenopweg.accounts.management.commands._demo_how import (
    load_how,
    load_network,
    load_story,
)
from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User
from samenopweg.assessments.models import (
    CommentKind,
    DangerStatement,
    MapCategory,
    MapEntry,
    MappingSession,
    ProfessionalView,
    ScalingRound,
    StatementStatus,
)
from samenopweg.assessments.services import map as map_services
from samenopweg.assessments.services import scaling as scaling_services
from samenopweg.assessments.services import statements as statement_services
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import services
from samenopweg.cases.models import (
    CaseRole,
    Framework,
    SafetyAnswer,
    SafetyCheck,
    Stage,
    Trajectory,
    Urgency,
)
from samenopweg.cases.services import AdultInput, ChildInput, Registration
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry, Task, TaskStatus
from samenopweg.people.models import Gender, Person, RelationKind

DEMO_PASSWORD = "demo"  # known on purpose; the loader only runs with DEMO_MODE on
EMAIL_DOMAIN = "demo.samenopweg.invalid"

OCJ_NAME = "OCJ Oost-Vlaanderen"
OCJ_TEAM_NAME = "Team Gent 1"
SDJ_NAME = "SDJ Antwerpen"
SDJ_TEAM_NAME = "Team Antwerpen Noord"
PRIVATE_NAME = "vzw Kompas Jeugdhulp"

# Keys used in the family specs for who owns, writes or does something.
OWNER = "owner"
HULPVERLENER = "hulpverlener"
TEAMLEIDER = "teamleider"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    first_name: str
    last_name: str
    description: str
    is_staff: bool = False


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("consulent", "Lotte", "Vermeulen", "consulent OCJ Gent (draagt de meeste trajecten)"),
    DemoLogin(
        "teamleider",
        "Koen",
        "De Smet",
        "teamverantwoordelijke van Team Gent 1 (ziet alle trajecten en alarmen van het team)",
    ),
    DemoLogin(
        "hulpverlener",
        "Ines",
        "Van Damme",
        "hulpverlener bij vzw Kompas Jeugdhulp (toegang tot 3 OCJ-trajecten)",
    ),
    DemoLogin(
        "consulent2",
        "Pieter",
        "Janssens",
        "consulent SDJ Antwerpen (2 eigen trajecten bij de jeugdrechter, ziet geen OCJ-trajecten)",
    ),
    DemoLogin("admin", "Hilde", "Michiels", "beheerder (ook toegang tot de Django-admin)", True),
    DemoLogin("auditor", "Marc", "Peeters", "auditor OCJ Oost-Vlaanderen (leest de audit)"),
    DemoLogin(
        "ouder", "Katrien", "Willems", "ouder: Katrien Willems, mama van Jonas, Lena en Mila Aerts"
    ),
)


@dataclass(frozen=True)
class FollowUpCheck:
    """A later round of the safety question, asked for every child of the family."""

    days_ago: int
    answer: str
    basis: str
    next_step: str
    urgency: str = Urgency.REGULAR


@dataclass(frozen=True)
class JournalSpec:
    days_ago: int
    kind: str
    text: str
    audience: int = Audience.PROFESSIONALS
    participants: tuple[str, ...] = ()
    other_participants: str = ""
    author: str = OWNER


@dataclass(frozen=True)
class TaskSpec:
    title: str
    deadline_in_days: int
    assignee: str = OWNER
    done: bool = False
    description: str = ""
    audience: int = Audience.PROFESSIONALS


# -- the WHAT of a family: map, danger statements, goals, bottom lines and scaling -------------
# `view` (whose view, who gives a number) is a first name of a person of the trajectory or a
# ProfessionalView value; `session` is an index into WhatSpec.sessions.


@dataclass(frozen=True)
class SessionSpec:
    days_ago: int
    participants: tuple[str, ...]
    professionals: tuple[str, ...] = (OWNER,)
    other_participants: str = ""


@dataclass(frozen=True)
class MapLine:
    category: str
    view: str
    text: str
    audience: int = Audience.PARENTS
    session: int = 0


@dataclass(frozen=True)
class GoalSpec:
    parents_and_network_will: str
    child_will_experience: str
    professionals_will_see: str
    for_how_long: str
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class CommentSpec:
    kind: str
    view: str
    text: str
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class StatementSpec:
    who_is_worried: str
    behaviour: str
    impact: str
    fear: str
    children: tuple[str, ...]
    goals: tuple[GoalSpec, ...]
    comments: tuple[CommentSpec, ...] = ()
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class BottomLineSpec:
    text: str
    reason: str
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class Score:
    view: str
    score: int
    what_makes_it: str
    one_higher: str
    statement: int = 0
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class RoundSpec:
    days_ago: int
    scores: tuple[Score, ...]
    session: int | None = None


@dataclass(frozen=True)
class WhatSpec:
    sessions: tuple[SessionSpec, ...]
    map: tuple[MapLine, ...]
    statements: tuple[StatementSpec, ...]
    bottom_lines: tuple[BottomLineSpec, ...]
    rounds: tuple[RoundSpec, ...]


# How far the statement set has come, by the stage the family is in.
STATEMENT_STEPS: dict[str, tuple[str, ...]] = {
    Stage.AANMELDING: (),
    Stage.IN_KAART: (),
    Stage.PLAN: (StatementStatus.DISCUSSED,),
    Stage.OPVOLGING: (StatementStatus.DISCUSSED, StatementStatus.SHARED),
    Stage.AFGESLOTEN: (StatementStatus.DISCUSSED, StatementStatus.SHARED),
}


@dataclass
class FamilySpec:
    label: str
    team: Team
    owner: User
    framework: str
    reason: str
    goal: str
    registered_days_ago: int
    children: list[ChildInput]
    adults: list[AdultInput]
    youth_judge_reference: str = ""
    stages: list[tuple[str, str]] = field(default_factory=list)
    follow_up: FollowUpCheck | None = None
    grant_hulpverlener: bool = False
    parent_login_first_name: str = ""
    journal: list[JournalSpec] = field(default_factory=list)
    tasks: list[TaskSpec] = field(default_factory=list)
    what: WhatSpec | None = None


def born(today: datetime.date, years: int, days: int = 0) -> datetime.date:
    """A date of birth that makes the child `years` old today (0 <= days < 365)."""
    try:
        anniversary = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        anniversary = today.replace(year=today.year - years, day=28)
    return anniversary - datetime.timedelta(days=days)


def child(
    first_name: str,
    last_name: str,
    dob: datetime.date,
    gender: str,
    answer: str,
    basis: str,
    next_step: str,
    urgency: str = Urgency.REGULAR,
) -> ChildInput:
    return ChildInput(
        first_name=first_name,
        last_name=last_name,
        date_of_birth=dob,
        gender=gender,
        safety_answer=answer,
        safety_basis=basis,
        next_step=next_step,
        urgency=urgency,
    )


class Command(BaseCommand):
    help = (
        "Laadt fictieve demogegevens (organisaties, demo-accounts met wachtwoord 'demo' en "
        "zeven gezinnen). Werkt alleen als DEMO_MODE aan staat."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError(
                "DEMO_MODE staat uit: de demogegevens worden niet geladen. Demo-accounts hebben "
                "het wachtwoord 'demo' en mogen nooit in productie bestaan. Zet SAMENOPWEG_DEMO=1 "
                "alleen op een demo- of ontwikkelomgeving."
            )
        self.created_users = 0
        self.created_families = 0
        self.skipped_families = 0
        self.created_whats = 0
        self.created_hows = 0
        with transaction.atomic():
            self._load()
        self.stdout.write(
            f"Nieuw aangemaakt: {self.created_users} gebruikers, {self.created_families} "
            f"trajecten; {self.skipped_families} trajecten bestonden al en zijn overgeslagen. "
            f"Kaart, gevaarsboodschappen en schaalvragen toegevoegd bij {self.created_whats} "
            f"trajecten; {self.created_hows} veiligheidsafspraken en -plannen."
        )
        self._print_logins()

    # -- organisations and people who log in -------------------------------------------------

    def _load(self) -> None:
        ocj, _ = Organisation.objects.get_or_create(
            name=OCJ_NAME, defaults={"kind": OrganisationKind.OCJ, "region_code": "GNT"}
        )
        sdj, _ = Organisation.objects.get_or_create(
            name=SDJ_NAME, defaults={"kind": OrganisationKind.SDJ, "region_code": "ANT"}
        )
        private, _ = Organisation.objects.get_or_create(
            name=PRIVATE_NAME, defaults={"kind": OrganisationKind.PRIVATE}
        )
        ocj_team, _ = Team.objects.get_or_create(
            organisation=ocj, name=OCJ_TEAM_NAME, defaults={"safety_check_interval_days": 28}
        )
        sdj_team, _ = Team.objects.get_or_create(
            organisation=sdj, name=SDJ_TEAM_NAME, defaults={"safety_check_interval_days": 28}
        )

        users = {login.username: self._user(login) for login in DEMO_LOGINS}
        memberships: list[tuple[str, Organisation, Team | None, str]] = [
            ("consulent", ocj, ocj_team, Role.CONSULENT),
            ("teamleider", ocj, ocj_team, Role.TEAMVERANTWOORDELIJKE),
            ("hulpverlener", private, None, Role.HULPVERLENER),
            ("consulent2", sdj, sdj_team, Role.CONSULENT),
            ("admin", ocj, None, Role.ADMIN),
            ("auditor", ocj, None, Role.AUDITOR),
        ]
        for username, organisation, team, role in memberships:
            Membership.objects.get_or_create(
                user=users[username], organisation=organisation, team=team, role=role
            )

        today = timezone.localdate()
        for spec in self._families(today, ocj_team, sdj_team, users):
            self._family(spec, users, today)

    def _user(self, login: DemoLogin) -> User:
        user, created = User.objects.get_or_create(
            username=login.username,
            defaults={
                "first_name": login.first_name,
                "last_name": login.last_name,
                "email": f"{login.username}@{EMAIL_DOMAIN}",
                "is_staff": login.is_staff,
                "is_superuser": login.is_staff,
            },
        )
        if created:
            self.created_users += 1
        # The printed table promises the password `demo`: put it back if it was changed.
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        return user

    # -- families ---------------------------------------------------------------------------

    def _family(self, spec: FamilySpec, users: dict[str, User], today: datetime.date) -> None:
        first = spec.children[0]
        existing = Trajectory.objects.filter(
            owner=spec.owner,
            persons__is_child=True,
            persons__first_name=first.first_name,
            persons__last_name=first.last_name,
        ).first()
        if existing is not None:
            self.skipped_families += 1
            # A demo loaded before the WHAT existed gets it now; one that has it is left alone.
            if spec.what is not None and not self._has_what(existing):
                self._what(existing, spec, users, today)
            # Likewise the HOW (not for a closed trajectory: that is only read).
            if not existing.is_closed:
                load_network(existing, spec.label, actor=self._worker(spec, users) or spec.owner)
                load_story(existing, spec.label, actor=self._worker(spec, users) or spec.owner)
                self.created_hows += load_how(
                    existing, spec.label, owner=spec.owner, worker=self._worker(spec, users)
                )
            return
        owner = spec.owner
        registered_on = today - datetime.timedelta(days=spec.registered_days_ago)
        trajectory = services.register_trajectory(
            registration=Registration(
                team=spec.team,
                owner=owner,
                framework=spec.framework,
                youth_judge_reference=spec.youth_judge_reference,
                reason=spec.reason,
                goal=spec.goal,
                children=spec.children,
                adults=spec.adults,
                registered_on=registered_on,
            ),
            actor=owner,
        )
        self.created_families += 1
        now = timezone.now()

        # The first safety answers were given on the day of registration.
        if spec.registered_days_ago:
            SafetyCheck.objects.filter(trajectory=trajectory).update(
                checked_at=now - datetime.timedelta(days=spec.registered_days_ago)
            )
            services.refresh_safety_summary(trajectory)
        if spec.follow_up is not None:
            follow_up = spec.follow_up
            checks = services.record_safety_checks(
                trajectory=trajectory,
                answers=[
                    (
                        person,
                        follow_up.answer,
                        follow_up.basis,
                        follow_up.next_step,
                        follow_up.urgency,
                    )
                    for person in trajectory.persons.filter(is_child=True)
                ],
                actor=owner,
            )
            if follow_up.days_ago:
                SafetyCheck.objects.filter(pk__in=[c.pk for c in checks]).update(
                    checked_at=now - datetime.timedelta(days=follow_up.days_ago)
                )
                services.refresh_safety_summary(trajectory)

        # Closing comes last, after the WHAT: a closed trajectory is only read.
        closing_at = next(
            (i for i, (to_stage, _) in enumerate(spec.stages) if to_stage == Stage.AFGESLOTEN),
            len(spec.stages),
        )
        self._change_stages(trajectory, spec.stages[:closing_at], owner)

        persons = {p.first_name: p for p in trajectory.persons.all()}
        if spec.grant_hulpverlener:
            services.grant_access(
                trajectory=trajectory,
                user=users[HULPVERLENER],
                role=CaseRole.HULPVERLENER,
                reason=f"Procesbegeleider vanuit {PRIVATE_NAME}",
                actor=owner,
            )
        if spec.parent_login_first_name:
            services.grant_access(
                trajectory=trajectory,
                user=users["ouder"],
                role=CaseRole.OUDER,
                person=persons[spec.parent_login_first_name],
                reason="Mama van de kinderen; leest mee wat we over het gezin schrijven.",
                actor=owner,
            )

        who = {OWNER: owner, HULPVERLENER: users[HULPVERLENER], TEAMLEIDER: users[TEAMLEIDER]}
        for item in spec.journal:
            entry = JournalEntry.objects.create(
                trajectory=trajectory,
                occurred_on=today - datetime.timedelta(days=item.days_ago),
                kind=item.kind,
                text=item.text,
                audience=item.audience,
                other_participants=item.other_participants,
                author=who[item.author],
            )
            entry.participants.set([persons[name] for name in item.participants])
        for task in spec.tasks:
            Task.objects.create(
                trajectory=trajectory,
                title=task.title,
                description=task.description,
                assignee=who[task.assignee],
                deadline=today + datetime.timedelta(days=task.deadline_in_days),
                status=TaskStatus.DONE if task.done else TaskStatus.OPEN,
                closed_at=now if task.done else None,
                closed_by=who[task.assignee] if task.done else None,
                audience=task.audience,
                created_by=owner,
            )
        record(
            actor=owner,
            action=AuditAction.CREATE,
            object_type="journal.journalentry",
            trajectory=trajectory,
            detail={"demo": True, "journal_entries": len(spec.journal), "tasks": len(spec.tasks)},
        )
        if spec.what is not None:
            self._what(trajectory, spec, users, today)
        load_network(trajectory, spec.label, actor=self._worker(spec, users) or owner)
        load_story(trajectory, spec.label, actor=self._worker(spec, users) or owner)
        self.created_hows += load_how(
            trajectory, spec.label, owner=owner, worker=self._worker(spec, users)
        )
        self._change_stages(trajectory, spec.stages[closing_at:], owner)

    @staticmethod
    def _worker(spec: FamilySpec, users: dict[str, User]) -> User | None:
        return users[HULPVERLENER] if spec.grant_hulpverlener else None

    def _change_stages(
        self, trajectory: Trajectory, stages: list[tuple[str, str]], owner: User
    ) -> None:
        for to_stage, reason in stages:
            trajectory.refresh_from_db()
            services.change_stage(
                trajectory=trajectory,
                to_stage=to_stage,
                reason=reason,
                expected_version=trajectory.version,
                actor=owner,
            )
        trajectory.refresh_from_db()

    # -- the WHAT ---------------------------------------------------------------------------

    @staticmethod
    def _has_what(trajectory: Trajectory) -> bool:
        return (
            MapEntry.objects.filter(trajectory=trajectory).exists()
            or DangerStatement.objects.filter(trajectory=trajectory).exists()
            or MappingSession.objects.filter(trajectory=trajectory).exists()
            or ScalingRound.objects.filter(trajectory=trajectory).exists()
        )

    def _what(
        self,
        trajectory: Trajectory,
        spec: FamilySpec,
        users: dict[str, User],
        today: datetime.date,
    ) -> None:
        """Map, statements, goals, bottom lines and scaling, all written by the owner."""
        what = spec.what
        assert what is not None
        owner = spec.owner
        persons = {p.first_name: p for p in trajectory.persons.all()}
        who = {OWNER: owner, HULPVERLENER: users[HULPVERLENER]}

        def view(name: str) -> tuple[Person | None, str]:
            if name in ProfessionalView.values:
                return None, name
            return persons[name], ""

        def day(days_ago: int) -> datetime.date:
            return today - datetime.timedelta(days=days_ago)

        sessions = [
            map_services.record_mapping_session(
                trajectory=trajectory,
                held_on=day(item.days_ago),
                participants=[persons[name] for name in item.participants],
                professionals=[who[key] for key in item.professionals],
                other_participants=item.other_participants,
                actor=owner,
            )
            for item in what.sessions
        ]
        for line in what.map:
            person, role = view(line.view)
            map_services.add_map_entry(
                trajectory=trajectory,
                category=line.category,
                text=line.text,
                audience=line.audience,
                view_of_person=person,
                view_of_role=role,
                session=sessions[line.session],
                actor=owner,
            )

        statements = []
        for item in what.statements:
            statement = statement_services.create_danger_statement(
                trajectory=trajectory,
                who_is_worried=item.who_is_worried,
                behaviour=item.behaviour,
                impact=item.impact,
                fear=item.fear,
                children=[persons[name] for name in item.children],
                audience=item.audience,
                actor=owner,
            )
            statements.append(statement)
            for goal in item.goals:
                statement_services.create_safety_goal(
                    danger_statement=statement,
                    parents_and_network_will=goal.parents_and_network_will,
                    child_will_experience=goal.child_will_experience,
                    professionals_will_see=goal.professionals_will_see,
                    for_how_long=goal.for_how_long,
                    audience=goal.audience,
                    actor=owner,
                )
            for comment in item.comments:
                statement_services.add_statement_comment(
                    target=statement,
                    kind=comment.kind,
                    text=comment.text,
                    view_of_person=persons[comment.view],
                    audience=comment.audience,
                    actor=owner,
                )
        for bottom_line in what.bottom_lines:
            statement_services.create_bottom_line(
                trajectory=trajectory,
                text=bottom_line.text,
                reason=bottom_line.reason,
                audience=bottom_line.audience,
                actor=owner,
            )
        final_stage = spec.stages[-1][0] if spec.stages else Stage.AANMELDING
        for to_status in STATEMENT_STEPS[final_stage]:
            statement_set = statement_services.statement_set_for(trajectory)
            statement_services.change_statement_status(
                trajectory=trajectory,
                to_status=to_status,
                expected_version=statement_set.version,
                actor=owner,
            )

        for scaling in what.rounds:
            scores = []
            for score in scaling.scores:
                person, role = view(score.view)
                scores.append(
                    scaling_services.ScoreInput(
                        danger_statement=statements[score.statement],
                        score=score.score,
                        person=person,
                        professional_role=role,
                        what_makes_it=score.what_makes_it,
                        one_higher=score.one_higher,
                        audience=score.audience,
                    )
                )
            scaling_services.record_scaling_round(
                trajectory=trajectory,
                held_on=day(scaling.days_ago),
                session=sessions[scaling.session] if scaling.session is not None else None,
                scores=scores,
                actor=owner,
            )
        self.created_whats += 1

    def _print_logins(self) -> None:
        width = max(len(login.username) for login in DEMO_LOGINS)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo-aanmeldingen (alleen voor demo's!)"))
        for login in DEMO_LOGINS:
            self.stdout.write(
                f"  {login.username.ljust(width)} / {DEMO_PASSWORD} — {login.description}"
            )

    # -- the fictional families -------------------------------------------------------------

    def _families(
        self, today: datetime.date, ocj_team: Team, sdj_team: Team, users: dict[str, User]
    ) -> list[FamilySpec]:
        consulent = users["consulent"]
        consulent2 = users["consulent2"]
        return [
            # 1. Just registered, acute: the team lead gets an alert.
            FamilySpec(
                label="Maes",
                what=MAES_WHAT,
                team=ocj_team,
                owner=consulent,
                framework=Framework.VERONTRUSTING,
                registered_days_ago=0,
                reason=(
                    "We maken ons zorgen omdat de politie gisteravond bij jullie thuis is geweest "
                    "na een hevige ruzie tussen Sarah en Kevin. Lucas en Noor waren erbij. Lucas "
                    "vertelde vanmorgen op school dat hij bang was en zich in de badkamer heeft "
                    "verstopt."
                ),
                goal=(
                    "Het is veilig genoeg als Lucas en Noor thuis geen ruzies meer meemaken waarbij "
                    "er geroepen, geduwd of met spullen gegooid wordt, en als ze weten bij wie ze "
                    "terecht kunnen als ze bang zijn. Dat willen we samen met jullie en jullie "
                    "netwerk minstens zes maanden zien."
                ),
                children=[
                    child(
                        "Lucas",
                        "Maes",
                        born(today, 6, 140),
                        Gender.MALE,
                        SafetyAnswer.NO,
                        "Kevin is nog thuis en de ruzie is niet uitgepraat. Sarah zegt zelf dat ze "
                        "niet weet of het vanavond rustig blijft.",
                        "Vandaag nog een huisbezoek. Samen met Sarah bekijken of Lucas en Noor "
                        "vannacht bij oma Monique kunnen slapen.",
                        Urgency.TODAY,
                    ),
                    child(
                        "Noor",
                        "Maes",
                        born(today, 2, 75),
                        Gender.FEMALE,
                        SafetyAnswer.NO,
                        "Noor is twee en kan niet zelf vertellen wat er gebeurt. Ze was erbij "
                        "tijdens de ruzie.",
                        "Vandaag nog een huisbezoek, samen met Lucas bekijken.",
                        Urgency.TODAY,
                    ),
                ],
                adults=[
                    AdultInput(
                        "Sarah",
                        "Wouters",
                        RelationKind.MOTHER,
                        Gender.FEMALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                        phone="0470 12 34 56",
                    ),
                    AdultInput(
                        "Kevin",
                        "De Backer",
                        RelationKind.STEPFATHER,
                        Gender.MALE,
                        lives_with_child=True,
                    ),
                    AdultInput(
                        "Jens",
                        "Maes",
                        RelationKind.FATHER,
                        Gender.MALE,
                        has_parental_authority=True,
                        phone="0486 98 76 54",
                    ),
                    AdultInput("Monique", "Wouters", RelationKind.GRANDPARENT, Gender.FEMALE),
                ],
                journal=[
                    JournalSpec(
                        0,
                        ContactKind.PHONE,
                        "Melding van de politie van Gent: gisteravond interventie na een ruzie "
                        "tussen Sarah en haar partner Kevin. Buren hoorden geroep en glas breken. "
                        "De kinderen waren thuis.",
                        other_participants="Inspecteur van de lokale politie Gent",
                    ),
                    JournalSpec(
                        0,
                        ContactKind.PHONE,
                        "Sarah gebeld. Ze is erg geschrokken en wil dat de kinderen veilig zijn. "
                        "We spraken af dat ik vanmiddag langskom. Sarah gaat haar mama Monique "
                        "vragen of Lucas en Noor een paar nachten bij haar kunnen slapen.",
                        audience=Audience.PARENTS,
                        participants=("Sarah",),
                    ),
                ],
                tasks=[
                    TaskSpec("Huisbezoek bij Sarah, Lucas en Noor", 0),
                    TaskSpec(
                        "Oma Monique bellen over opvang vannacht",
                        0,
                        audience=Audience.PARENTS,
                    ),
                    TaskSpec("Jens (papa) op de hoogte brengen", 1),
                ],
            ),
            # 2. Mapping, the safety answer is unclear.
            FamilySpec(
                label="Verstraete",
                what=VERSTRAETE_WHAT,
                team=ocj_team,
                owner=consulent,
                framework=Framework.VERONTRUSTING,
                registered_days_ago=21,
                reason=(
                    "We maken ons zorgen omdat Emma de laatste maanden vaak zonder ontbijt en "
                    "zonder boterhammen naar school komt, vaak te laat is en soms dagen niet komt. "
                    "Evelien vertelde ons dat ze zich erg somber voelt en 's morgens moeilijk uit "
                    "bed geraakt."
                ),
                goal=(
                    "Het is veilig genoeg als Emma elke dag op tijd en met eten naar school gaat, "
                    "ook op de dagen dat het met mama minder goed gaat, en als er volwassenen rond "
                    "haar zijn die dat mee opvolgen. Dat willen we drie maanden na elkaar zien."
                ),
                children=[
                    child(
                        "Emma",
                        "Verstraete",
                        born(today, 9, 200),
                        Gender.FEMALE,
                        SafetyAnswer.UNCLEAR,
                        "De school is ongerust, maar we hebben Emma nog niet zelf gesproken.",
                        "Binnen drie dagen een gesprek met Emma op school.",
                        Urgency.WITHIN_72_HOURS,
                    )
                ],
                adults=[
                    AdultInput(
                        "Evelien",
                        "Claes",
                        RelationKind.MOTHER,
                        Gender.FEMALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                    ),
                    AdultInput(
                        "Tom",
                        "Verstraete",
                        RelationKind.FATHER,
                        Gender.MALE,
                        has_parental_authority=True,
                    ),
                    AdultInput("Maria", "Claes", RelationKind.GRANDPARENT, Gender.FEMALE),
                ],
                follow_up=FollowUpCheck(
                    2,
                    SafetyAnswer.UNCLEAR,
                    "Oma Maria komt twee keer per week langs en dan gaat het goed. Hoe het op de "
                    "andere dagen gaat, weten we nog niet goed.",
                    "Huisbezoek bij Evelien en samen met haar en oma Maria de week overlopen.",
                    Urgency.WITHIN_72_HOURS,
                ),
                stages=[
                    (
                        Stage.IN_KAART,
                        "We brengen samen met Evelien, Tom, Emma en oma Maria in kaart wat er goed "
                        "gaat en waar we ons zorgen over maken.",
                    )
                ],
                grant_hulpverlener=True,
                journal=[
                    JournalSpec(
                        20,
                        ContactKind.CONVERSATION,
                        "Gesprek op school met de zorgcoördinator en de CLB-medewerker. Emma was "
                        "dit trimester 14 halve dagen afwezig. Ze is vriendelijk en doet goed mee "
                        "in de klas als ze er is.",
                        other_participants="Zorgcoördinator en CLB-medewerker",
                    ),
                    JournalSpec(
                        14,
                        ContactKind.HOME_VISIT,
                        "Huisbezoek bij Evelien. Ze vertelt open dat ze het moeilijk heeft sinds "
                        "ze haar werk verloor. Het huis is proper en er is een vaste plek waar Emma "
                        "haar huiswerk maakt. Evelien wil graag hulp voor zichzelf.",
                        audience=Audience.PARENTS,
                        participants=("Evelien", "Emma"),
                    ),
                    JournalSpec(
                        6,
                        ContactKind.CONVERSATION,
                        "Drie huizen met Emma. In het huis van de goede dingen tekende ze oma Maria "
                        "en haar kat. In het huis van de zorgen: 'als mama de hele dag in bed "
                        "ligt'. In het huis van de dromen: 'dat mama weer lacht'.",
                        audience=Audience.PARENTS,
                        participants=("Emma",),
                        author=HULPVERLENER,
                    ),
                ],
                tasks=[
                    TaskSpec("Gesprek met Emma op school", -15, done=True),
                    TaskSpec(
                        "Tom (papa) uitnodigen voor een gesprek",
                        -3,
                        description="Tom heeft nog niet teruggebeld.",
                    ),
                    TaskSpec(
                        "Samen met Evelien een huisarts of CGG zoeken",
                        10,
                        assignee=HULPVERLENER,
                        audience=Audience.PARENTS,
                    ),
                ],
            ),
            # 3. Plan stage, three children; the demo parent login belongs to this family.
            FamilySpec(
                label="Aerts",
                what=AERTS_WHAT,
                team=ocj_team,
                owner=consulent,
                framework=Framework.MAATSCHAPPELIJKE_NOODZAAK,
                registered_days_ago=75,
                reason=(
                    "We maken ons zorgen omdat Dirk veel drinkt en dan boos en onvoorspelbaar "
                    "wordt. Jonas vertelde dat hij 's avonds tussen papa en mama gaat staan als het "
                    "thuis escaleert, en dat Lena en Mila dan boven zitten te huilen. De hulp die "
                    "jullie eerder kregen, is gestopt. Daarom is het OCJ nu betrokken."
                ),
                goal=(
                    "Het is veilig genoeg als Jonas, Lena en Mila niet meer hoeven tussen te komen "
                    "of bang te zijn als papa gedronken heeft, omdat er altijd een nuchtere "
                    "volwassene voor hen zorgt en het netwerk weet wat het dan moet doen. Dat "
                    "willen we minstens zes maanden zien."
                ),
                children=[
                    child(
                        "Jonas",
                        "Aerts",
                        born(today, 15, 30),
                        Gender.MALE,
                        SafetyAnswer.UNCLEAR,
                        "Dirk drinkt nog elke avond. Katrien is er meestal bij, maar niet altijd.",
                        "Binnen drie dagen een gesprek met Katrien en Dirk samen.",
                        Urgency.WITHIN_72_HOURS,
                    ),
                    child(
                        "Lena",
                        "Aerts",
                        born(today, 12, 100),
                        Gender.FEMALE,
                        SafetyAnswer.UNCLEAR,
                        "Lena zegt dat ze bang is als papa boos is.",
                        "Gesprek met Lena apart.",
                        Urgency.WITHIN_72_HOURS,
                    ),
                    child(
                        "Mila",
                        "Aerts",
                        born(today, 7, 250),
                        Gender.FEMALE,
                        SafetyAnswer.UNCLEAR,
                        "Mila slaapt slecht en plast weer in bed.",
                        "Met Katrien bespreken wie Mila 's avonds opvangt.",
                        Urgency.WITHIN_72_HOURS,
                    ),
                ],
                adults=[
                    AdultInput(
                        "Katrien",
                        "Willems",
                        RelationKind.MOTHER,
                        Gender.FEMALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                        email="ouder@demo.samenopweg.invalid",
                    ),
                    AdultInput(
                        "Dirk",
                        "Aerts",
                        RelationKind.FATHER,
                        Gender.MALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                    ),
                    AdultInput("Greet", "Willems", RelationKind.OTHER_FAMILY, Gender.FEMALE),
                ],
                follow_up=FollowUpCheck(
                    10,
                    SafetyAnswer.YES,
                    "Dirk drinkt niet meer thuis en gaat naar de CAD-groep. Tante Greet komt elke "
                    "avond even langs en de kinderen weten dat ze haar mogen bellen.",
                    "Het veiligheidsplan met het netwerk afwerken en testen.",
                ),
                stages=[
                    (
                        Stage.IN_KAART,
                        "We brengen samen met jullie en tante Greet in kaart wat er gebeurd is en "
                        "wat er goed gaat.",
                    ),
                    (
                        Stage.PLAN,
                        "De gevaarsboodschap en de veiligheidsdoelen zijn samen met Katrien en "
                        "Dirk besproken. Nu maken we het plan met het netwerk.",
                    ),
                ],
                grant_hulpverlener=True,
                parent_login_first_name="Katrien",
                journal=[
                    JournalSpec(
                        70,
                        ContactKind.HOME_VISIT,
                        "Eerste huisbezoek. Katrien en Dirk erkennen dat het drinken een probleem "
                        "is. Dirk zegt dat hij de kinderen nooit pijn zou doen, maar begrijpt dat "
                        "ze bang zijn. Sterk: Katrien brengt de kinderen naar boven als het "
                        "misloopt.",
                        audience=Audience.PARENTS,
                        participants=("Katrien", "Dirk"),
                    ),
                    JournalSpec(
                        40,
                        ContactKind.CONVERSATION,
                        "Gesprek met Jonas alleen. Hij voelt zich verantwoordelijk voor zijn "
                        "zussen. Op de veiligheidsschaal geeft hij een 4: 'het is beter sinds papa "
                        "naar die groep gaat, maar ik slaap nog niet goed'.",
                        participants=("Jonas",),
                    ),
                    JournalSpec(
                        12,
                        ContactKind.NETWORK_MEETING,
                        "Eerste netwerkoverleg bij tante Greet. Afspraken: Greet komt elke avond "
                        "om 19 uur langs; als Dirk gedronken heeft, gaan de kinderen bij haar "
                        "slapen; Jonas mag Greet altijd bellen. Katrien schrijft samen met Ines "
                        "het verhaal in woorden en beelden voor Mila.",
                        audience=Audience.NETWORK,
                        participants=("Katrien", "Dirk", "Greet", "Jonas"),
                        author=HULPVERLENER,
                    ),
                    JournalSpec(
                        3,
                        ContactKind.MAIL,
                        "Mail van Katrien: het was een rustige week. Mila heeft het verhaal in "
                        "woorden en beelden gelezen en wilde het drie keer horen.",
                        audience=Audience.PARENTS,
                        participants=("Katrien",),
                        author=HULPVERLENER,
                    ),
                ],
                tasks=[
                    TaskSpec(
                        "Verhaal in woorden en beelden voor Mila", -5, HULPVERLENER, done=True
                    ),
                    TaskSpec(
                        "Veiligheidsplan op papier zetten met het netwerk",
                        -2,
                        HULPVERLENER,
                        audience=Audience.NETWORK,
                    ),
                    TaskSpec(
                        "Veiligheidsschaal opnieuw vragen aan Jonas, Lena en Mila",
                        14,
                    ),
                ],
            ),
            # 4. Follow-up; the last safety question is older than the team's 28 days.
            FamilySpec(
                label="El Amrani",
                what=EL_AMRANI_WHAT,
                team=ocj_team,
                owner=consulent,
                framework=Framework.VERONTRUSTING,
                registered_days_ago=150,
                reason=(
                    "We maken ons zorgen omdat Yasmine de afgelopen maanden vier keer van huis is "
                    "weggelopen na een ruzie, en één keer pas na twee nachten terugkwam. Nadia en "
                    "Yasmine geraken thuis niet meer uit de ruzies, en Adam trekt zich steeds meer "
                    "terug op zijn kamer."
                ),
                goal=(
                    "Het is veilig genoeg als Yasmine bij een ruzie een plek heeft waar ze veilig "
                    "naartoe kan en waar iedereen van weet, als Nadia altijd weet waar haar "
                    "kinderen zijn, en als Adam zegt dat hij zich thuis weer goed voelt. Dat "
                    "willen we vier maanden zien."
                ),
                children=[
                    child(
                        "Yasmine",
                        "El Amrani",
                        born(today, 16, 60),
                        Gender.FEMALE,
                        SafetyAnswer.UNCLEAR,
                        "Yasmine is nu thuis, maar we weten niet waar ze slaapt als ze wegloopt.",
                        "Gesprek met Yasmine en Nadia samen.",
                        Urgency.WITHIN_72_HOURS,
                    ),
                    child(
                        "Adam",
                        "El Amrani",
                        born(today, 13, 180),
                        Gender.MALE,
                        SafetyAnswer.YES,
                        "Adam gaat elke dag naar school en voetbalt twee keer per week.",
                        "Adam mee uitnodigen voor het volgende gesprek.",
                    ),
                ],
                adults=[
                    AdultInput(
                        "Nadia",
                        "Bouzid",
                        RelationKind.MOTHER,
                        Gender.FEMALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                    ),
                    AdultInput(
                        "Karim",
                        "El Amrani",
                        RelationKind.FATHER,
                        Gender.MALE,
                        has_parental_authority=True,
                    ),
                    AdultInput("Fatima", "Bouzid", RelationKind.GRANDPARENT, Gender.FEMALE),
                ],
                follow_up=FollowUpCheck(
                    35,
                    SafetyAnswer.YES,
                    "Yasmine is al zes weken niet meer weggelopen. Na een ruzie gaat ze naar oma "
                    "Fatima, zoals afgesproken, en Nadia weet dat.",
                    "Het veiligheidsplan opvolgen in het netwerkoverleg.",
                ),
                stages=[
                    (Stage.IN_KAART, "We brengen samen in kaart wat er thuis gebeurt."),
                    (Stage.PLAN, "Iedereen kent de zorgen; we maken het plan met het netwerk."),
                    (
                        Stage.OPVOLGING,
                        "Het veiligheidsplan staat. Het netwerk volgt de afspraken op en we "
                        "bekijken samen of het werkt.",
                    ),
                ],
                grant_hulpverlener=True,
                journal=[
                    JournalSpec(
                        120,
                        ContactKind.CONVERSATION,
                        "Gesprek met Yasmine in het jeugdhuis. Ze vertelt dat ze wegloopt omdat de "
                        "ruzies haar te veel worden, en dat ze dan bij een vriendin slaapt. Op de "
                        "veiligheidsschaal geeft ze een 5.",
                        participants=("Yasmine",),
                    ),
                    JournalSpec(
                        60,
                        ContactKind.NETWORK_MEETING,
                        "Netwerkoverleg bij oma Fatima. Afspraak: bij ruzie mag Yasmine naar oma "
                        "gaan en stuurt ze Nadia een berichtje. Karim belt Adam elke zondag. Oma "
                        "Fatima is voorzitter van het netwerk.",
                        audience=Audience.NETWORK,
                        participants=("Nadia", "Karim", "Fatima", "Yasmine", "Adam"),
                        author=HULPVERLENER,
                    ),
                    JournalSpec(
                        20,
                        ContactKind.PHONE,
                        "Nadia gebeld. Het gaat beter; één ruzie vorige week, Yasmine is toen naar "
                        "oma gegaan en de volgende dag teruggekomen.",
                        audience=Audience.PARENTS,
                        participants=("Nadia",),
                        author=HULPVERLENER,
                    ),
                ],
                tasks=[
                    TaskSpec("Netwerkoverleg bij oma Fatima plannen", -30, HULPVERLENER, done=True),
                    TaskSpec(
                        "Veiligheidsvraag opnieuw stellen aan Yasmine en Adam",
                        -6,
                        description="De laatste veiligheidsvraag is meer dan vier weken oud.",
                    ),
                    TaskSpec("Evaluatiegesprek met Nadia en Karim", 12, audience=Audience.PARENTS),
                ],
            ),
            # 5. Closed: the network carries the safety plan.
            FamilySpec(
                label="Desmet",
                what=DESMET_WHAT,
                team=ocj_team,
                owner=consulent,
                framework=Framework.VERONTRUSTING,
                registered_days_ago=320,
                reason=(
                    "We maken ons zorgen omdat Ruben sinds de dood van zijn mama bijna niet meer "
                    "naar school gaat, 's nachts gamet en overdag slaapt. Hij vertelde de "
                    "CLB-medewerker dat hij niet meer weet waarom hij nog zou opstaan."
                ),
                goal=(
                    "Het is veilig genoeg als Ruben weer naar school gaat, als er volwassenen zijn "
                    "met wie hij over zijn mama kan praten, en als papa en Ann merken wanneer het "
                    "minder goed gaat en dan hulp zoeken."
                ),
                children=[
                    child(
                        "Ruben",
                        "Desmet",
                        born(today, 15, 90),
                        Gender.MALE,
                        SafetyAnswer.UNCLEAR,
                        "Ruben zegt somber te zijn; hij heeft geen plannen om zichzelf iets aan te "
                        "doen, maar we moeten dat opvolgen.",
                        "Deze week een gesprek met Ruben, papa en Ann.",
                        Urgency.WITHIN_72_HOURS,
                    )
                ],
                adults=[
                    AdultInput(
                        "Bart",
                        "Desmet",
                        RelationKind.FATHER,
                        Gender.MALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                    ),
                    AdultInput(
                        "Ann",
                        "Vandenberghe",
                        RelationKind.STEPMOTHER,
                        Gender.FEMALE,
                        lives_with_child=True,
                    ),
                    AdultInput("Christine", "Desmet", RelationKind.OTHER_FAMILY, Gender.FEMALE),
                ],
                follow_up=FollowUpCheck(
                    45,
                    SafetyAnswer.YES,
                    "Ruben gaat al drie maanden elke dag naar school en praat wekelijks met tante "
                    "Christine en de CLB-medewerker.",
                    "Afsluiten; het netwerk houdt het veiligheidsplan verder.",
                ),
                stages=[
                    (Stage.IN_KAART, "We brengen samen in kaart wat Ruben nodig heeft."),
                    (Stage.PLAN, "We maken een plan met papa, Ann, tante Christine en de school."),
                    (Stage.OPVOLGING, "Het plan loopt; we volgen samen op of het werkt."),
                    (
                        Stage.AFGESLOTEN,
                        "Het is veilig genoeg: Ruben gaat al drie maanden elke dag naar school en "
                        "praat wekelijks met tante Christine. Het netwerk houdt het "
                        "veiligheidsplan zelf verder, en Bart weet dat hij het OCJ kan bellen als "
                        "er nieuwe zorgen zijn.",
                    ),
                ],
                journal=[
                    JournalSpec(
                        300,
                        ContactKind.HOME_VISIT,
                        "Huisbezoek. Bart en Ann maken zich veel zorgen. Ruben wil eerst niet "
                        "praten, maar komt op het einde toch even bij ons zitten.",
                        audience=Audience.PARENTS,
                        participants=("Bart", "Ann", "Ruben"),
                    ),
                    JournalSpec(
                        150,
                        ContactKind.NETWORK_MEETING,
                        "Netwerkoverleg op school. Tante Christine haalt Ruben op woensdag op en "
                        "ze gaan samen naar het graf van zijn mama. De school maakt een aangepast "
                        "lessenrooster.",
                        audience=Audience.NETWORK,
                        participants=("Bart", "Ann", "Christine", "Ruben"),
                        other_participants="Leerlingbegeleider en CLB-medewerker",
                    ),
                    JournalSpec(
                        1,
                        ContactKind.CONVERSATION,
                        "Afsluitend gesprek. Ruben geeft een 8 op de veiligheidsschaal: 'ik ga "
                        "terug naar school en ik heb mensen om mee te praten'. Iedereen weet wie "
                        "hij kan bellen als er nieuwe zorgen zijn.",
                        audience=Audience.CHILD,
                        participants=("Bart", "Ann", "Ruben"),
                    ),
                ],
                tasks=[
                    TaskSpec("Aangepast lessenrooster met de school afspreken", -140, done=True),
                    TaskSpec("Afsluitend gesprek met het gezin", -1, done=True),
                ],
            ),
            # 6. SDJ, worrying upbringing situation (VOS), mapping.
            FamilySpec(
                label="Goossens",
                what=GOOSSENS_WHAT,
                team=sdj_team,
                owner=consulent2,
                framework=Framework.VOS,
                youth_judge_reference="AN.23.J4.1234",
                registered_days_ago=30,
                reason=(
                    "De jeugdrechter heeft ons gevraagd om mee te kijken omdat er zorgen zijn over "
                    "het druggebruik van Jessica en Steven. Julie vertelde op school dat ze vaak "
                    "zelf voor Finn zorgt als mama en papa 's morgens niet wakker worden."
                ),
                goal=(
                    "Het is veilig genoeg als er elke dag een nuchtere volwassene voor Finn en "
                    "Julie zorgt, als Julie weer kind mag zijn en niet voor haar broertje hoeft "
                    "te zorgen, en als het netwerk weet wat het moet doen als het misloopt. Dat "
                    "willen we zes maanden zien voor we de jeugdrechter voorstellen te stoppen."
                ),
                children=[
                    child(
                        "Finn",
                        "Goossens",
                        born(today, 4, 120),
                        Gender.MALE,
                        SafetyAnswer.YES,
                        "Finn en Julie slapen sinds de zitting bij oma Rita.",
                        "Gesprek met Jessica en Steven over hun behandeling.",
                    ),
                    child(
                        "Julie",
                        "Goossens",
                        born(today, 10, 20),
                        Gender.FEMALE,
                        SafetyAnswer.YES,
                        "Julie slaapt bij oma Rita en gaat elke dag naar school.",
                        "Gesprek met Julie over wat zij nodig heeft.",
                    ),
                ],
                adults=[
                    AdultInput(
                        "Jessica",
                        "Mertens",
                        RelationKind.MOTHER,
                        Gender.FEMALE,
                        has_parental_authority=True,
                    ),
                    AdultInput(
                        "Steven",
                        "Goossens",
                        RelationKind.FATHER,
                        Gender.MALE,
                        has_parental_authority=True,
                    ),
                    AdultInput(
                        "Rita",
                        "Mertens",
                        RelationKind.GRANDPARENT,
                        Gender.FEMALE,
                        lives_with_child=True,
                    ),
                ],
                follow_up=FollowUpCheck(
                    5,
                    SafetyAnswer.YES,
                    "Finn en Julie wonen nog bij oma Rita. Jessica en Steven komen elke dag op "
                    "bezoek, nuchter, zoals afgesproken.",
                    "Tweede gesprek met Jessica en Steven en hun begeleider van het CAD.",
                ),
                stages=[
                    (
                        Stage.IN_KAART,
                        "We brengen samen met jullie, oma Rita en de school in kaart wat er goed "
                        "gaat en wat er moet veranderen.",
                    )
                ],
                journal=[
                    JournalSpec(
                        28,
                        ContactKind.CONVERSATION,
                        "Kennismaking met Jessica en Steven op de dienst. We legden uit wat de "
                        "jeugdrechter van ons vraagt en wat het verschil is tussen onze rol en die "
                        "van de hulpverlening.",
                        audience=Audience.PARENTS,
                        participants=("Jessica", "Steven"),
                    ),
                    JournalSpec(
                        9,
                        ContactKind.HOME_VISIT,
                        "Huisbezoek bij oma Rita. Feeënbezoek met Finn: hij wenst 'dat mama en "
                        "papa altijd wakker zijn'. Julie toont trots haar rapport.",
                        participants=("Rita", "Finn", "Julie"),
                    ),
                ],
                tasks=[
                    TaskSpec("Verslag voor de jeugdrechter voorbereiden", 20),
                    TaskSpec("Toestemming vragen om het CAD te contacteren", -4),
                ],
            ),
            # 7. SDJ, offence (MOF), plan.
            FamilySpec(
                label="Van Acker",
                what=VAN_ACKER_WHAT,
                team=sdj_team,
                owner=consulent2,
                framework=Framework.MOF,
                youth_judge_reference="AN.24.J2.0871",
                registered_days_ago=60,
                reason=(
                    "De jeugdrechter heeft ons gevraagd Milan te begeleiden omdat hij samen met "
                    "vrienden heeft ingebroken in een garage en een scooter heeft gestolen. Milan "
                    "heeft toegegeven dat hij erbij was. We bekijken samen met Milan en zijn "
                    "ouders hoe hij weer op het goede spoor komt."
                ),
                goal=(
                    "Het gaat goed genoeg als Milan elke dag naar school of naar zijn stage gaat, "
                    "'s avonds op het afgesproken uur thuis is, de schade aan de eigenaar van de "
                    "scooter herstelt en zelf vertelt met wie hij zijn vrije tijd doorbrengt. We "
                    "bespreken dat over vier maanden met de jeugdrechter."
                ),
                children=[
                    child(
                        "Milan",
                        "Van Acker",
                        born(today, 16, 250),
                        Gender.MALE,
                        SafetyAnswer.YES,
                        "Milan woont thuis bij zijn ouders, die hem goed opvolgen.",
                        "Afspraken maken over uitgaansuren en school.",
                    )
                ],
                adults=[
                    AdultInput(
                        "Kim",
                        "Jacobs",
                        RelationKind.MOTHER,
                        Gender.FEMALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                    ),
                    AdultInput(
                        "Wim",
                        "Van Acker",
                        RelationKind.FATHER,
                        Gender.MALE,
                        has_parental_authority=True,
                        lives_with_child=True,
                    ),
                ],
                follow_up=FollowUpCheck(
                    12,
                    SafetyAnswer.YES,
                    "Milan houdt zich aan de afgesproken uren en gaat naar zijn stage.",
                    "Herstelgesprek met de eigenaar van de scooter voorbereiden.",
                ),
                stages=[
                    (
                        Stage.IN_KAART,
                        "We brengen samen met Milan en zijn ouders in kaart wat er "
                        "gebeurd is en wat goed gaat.",
                    ),
                    (Stage.PLAN, "We maken met Milan een plan voor school, stage en herstel."),
                ],
                journal=[
                    JournalSpec(
                        55,
                        ContactKind.CONVERSATION,
                        "Gesprek met Milan en zijn ouders. Milan schaamt zich en wil de schade "
                        "herstellen. Kim en Wim zijn boos, maar staan achter hem.",
                        audience=Audience.PARENTS,
                        participants=("Milan", "Kim", "Wim"),
                    ),
                    JournalSpec(
                        12,
                        ContactKind.PHONE,
                        "Stagebegeleider gebeld: Milan is elke dag op tijd en werkt goed mee.",
                        other_participants="Stagebegeleider van de school",
                    ),
                ],
                tasks=[
                    TaskSpec("Herstelbemiddeling aanvragen", -20, done=True),
                    TaskSpec("Plan voor school en stage afwerken met Milan", 7),
                ],
            ),
        ]


# -- the WHAT of each family ---------------------------------------------------------------------

CONSULENT_VIEW = ProfessionalView.CONSULENT
HULPVERLENER_VIEW = ProfessionalView.HULPVERLENER
SCHOOL_VIEW = ProfessionalView.SCHOOL
OTHER_VIEW = ProfessionalView.OTHER_PROFESSIONAL
ONLY_PROFESSIONALS = Audience.PROFESSIONALS
PARENTS = Audience.PARENTS
NETWORK = Audience.NETWORK
CHILD = Audience.CHILD

# 1. Maes, aanmelding: a first draft on the day of the police report; kept small.
MAES_WHAT = WhatSpec(
    sessions=(
        SessionSpec(
            0, ("Sarah",), other_participants="Zorgleerkracht van Lucas (telefonisch, vooraf)"
        ),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            CONSULENT_VIEW,
            "Gisteravond was er een hevige ruzie tussen Sarah en Kevin. De buren hoorden geroep "
            "en glas breken en belden de politie. Lucas en Noor waren thuis.",
        ),
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Lucas vertelde vanmorgen aan zijn juf dat hij bang was en zich in de badkamer heeft "
            "verstopt. Hij was stil en wilde op de speelplaats niet spelen.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            "Sarah",
            "Ik weet niet of het vanavond rustig blijft als Kevin thuiskomt.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Als er niets verandert, kan het de komende weken opnieuw misgaan en kan Lucas of "
            "Noor gewond raken als er met spullen gegooid wordt.",
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Als de ruzies blijven duren, zijn Lucas en Noor thuis altijd op hun hoede. Dat kan "
            "hen later parten spelen, op school en met vrienden.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "In het verslag van de politie staat dat Kevin gedronken had. Kevin hebben we nog "
            "niet zelf gesproken.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Sarah",
            "Jens en ik praten bijna niet meer met elkaar. Hij weet nog niet wat er gebeurd is.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Sarah",
            "Ik wil dat mijn kinderen veilig zijn en ik wil meewerken.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Sarah",
            "Mijn mama Monique woont tien minuten verder. Lucas en Noor slapen daar graag en "
            "kennen haar goed.",
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Sarah",
            "Vorige maand was er ook spanning. Toen is Kevin een paar dagen bij zijn broer gaan "
            "slapen en bleef het thuis rustig.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Lucas en Noor slapen de komende dagen ergens waar het rustig is, en Sarah en Kevin "
            "weten wat ze doen als het weer escaleert.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Vanmiddag huisbezoek. Samen met Sarah oma Monique bellen over opvang vannacht.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Jens (papa) morgen op de hoogte brengen en Kevin uitnodigen voor een gesprek.",
            ONLY_PROFESSIONALS,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ en de school van Lucas",
            behaviour="Sarah en Kevin zo hevig ruzie maken dat er geroepen, geduwd en met "
            "spullen gegooid wordt terwijl Lucas en Noor thuis zijn",
            impact="Lucas zo bang was dat hij zich in de badkamer verstopte, en dat Noor, die "
            "nog te klein is om het te vertellen, alles gezien en gehoord heeft",
            fear="Lucas of Noor bij een volgende ruzie gewond raakt en dat ze thuis nooit meer "
            "echt gerust zijn",
            children=("Lucas", "Noor"),
            goals=(
                GoalSpec(
                    "Sarah en Kevin zorgen dat Lucas en Noor geen ruzies meer meemaken. Als het "
                    "spannend wordt, gaat Kevin weg en belt Sarah oma Monique, die de kinderen "
                    "komt halen.",
                    "Lucas en Noor merken dat het thuis rustig is. Lucas weet dat hij het aan oma "
                    "Monique of aan zijn juf mag vertellen als hij bang is.",
                    "De school ziet een Lucas die weer speelt; er komen geen meldingen meer van "
                    "de politie of de buren.",
                    "Zes maanden",
                    ONLY_PROFESSIONALS,
                ),
            ),
            audience=ONLY_PROFESSIONALS,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Lucas en Noor slapen niet thuis zolang Sarah en Kevin niet samen met ons hebben "
            "afgesproken wat ze doen als het weer misloopt.",
            "De politie moest gisteren tussenkomen en Sarah weet zelf niet of het vanavond "
            "rustig blijft.",
        ),
    ),
    rounds=(
        RoundSpec(
            0,
            (
                Score(
                    CONSULENT_VIEW,
                    2,
                    "De politie moest tussenkomen, de kinderen waren erbij en de ruzie is niet "
                    "uitgepraat.",
                    "Als Lucas en Noor vannacht bij oma Monique kunnen slapen.",
                    audience=ONLY_PROFESSIONALS,
                ),
                Score(
                    SCHOOL_VIEW,
                    3,
                    "Lucas vertelt op school wat er gebeurd is en weet bij wie hij terecht kan.",
                    "Als we weten dat Lucas vanavond niet terug naar een ruzie moet.",
                    audience=ONLY_PROFESSIONALS,
                ),
            ),
        ),
        RoundSpec(
            0,
            (
                Score(
                    "Sarah",
                    4,
                    "Ik wil dat ze veilig zijn en mama wil helpen. Maar ik weet niet hoe Kevin "
                    "vanavond zal zijn.",
                    "Als Kevin een paar dagen bij zijn broer gaat slapen.",
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Sarah is open over wat er gebeurd is en oma Monique kan de kinderen "
                    "opvangen. Kevin hebben we nog niet gesproken.",
                    "Als Kevin wil meepraten over wat er gebeurd is.",
                ),
            ),
            session=0,
        ),
    ),
)

# 2. Verstraete, in kaart: two mapping sessions, a first draft with a comment from mama.
VERSTRAETE_WHAT = WhatSpec(
    sessions=(
        SessionSpec(14, ("Evelien", "Emma")),
        SessionSpec(
            5,
            ("Evelien", "Maria"),
            (OWNER, HULPVERLENER),
            "Zorgcoördinator van de school",
        ),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Emma was dit trimester 14 halve dagen afwezig en komt vaak zonder ontbijt en zonder "
            "boterhammen naar school.",
            session=1,
        ),
        MapLine(
            MapCategory.HARM,
            "Emma",
            "In het huis van de zorgen: 'als mama de hele dag in bed ligt'.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Als er niets verandert, mist Emma nog meer schooldagen en zit ze met honger in de "
            "klas.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            SCHOOL_VIEW,
            "Emma raakt achter met lezen en rekenen en verliest haar vriendinnen in de klas.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Emma gaat voor zichzelf en voor mama zorgen, op een leeftijd dat een volwassene voor "
            "haar moet zorgen.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Evelien",
            "Sinds ik mijn werk kwijt ben, geraak ik 's morgens moeilijk uit bed. Ik ben nog niet "
            "naar de dokter geweest.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "Tom heeft nog niet teruggebeld. We weten niet of hij kan en wil helpen.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Evelien",
            "Ik zie Emma heel graag en ik wil hulp voor mezelf.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            HULPVERLENER_VIEW,
            "Het huis is proper en Emma heeft een vaste plek om haar huiswerk te maken. Als ze op "
            "school is, doet ze goed mee.",
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Emma",
            "In het huis van de goede dingen: oma Maria en mijn kat.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Maria",
            "Op dinsdag en donderdag kom ik 's morgens langs. Dan eet Emma en is ze op tijd op "
            "school.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Evelien",
            "Vorig schooljaar, toen ik nog werkte, zette ik elke avond de boterhammendoos klaar "
            "en was Emma nooit te laat.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Emma gaat elke dag op tijd en met eten naar school, ook op de dagen dat het met mama "
            "minder goed gaat.",
            session=1,
        ),
        MapLine(
            MapCategory.CHANGE,
            "Evelien",
            "Ik wil iemand om mee te praten over hoe ik me voel.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            HULPVERLENER_VIEW,
            "Samen met Evelien een afspraak maken bij de huisarts en bij het CGG.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Tom opnieuw uitnodigen en vragen of hij op woensdag en in het weekend kan helpen.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="De school, Ines van vzw Kompas en het OCJ",
            behaviour="mama Evelien op slechte dagen niet uit bed geraakt en er dan niemand is "
            "die Emma ontbijt geeft en naar school brengt",
            impact="Emma dit trimester 14 halve dagen gemist heeft, met honger in de klas zit en "
            "zich zorgen maakt over mama",
            fear="Emma achterop raakt op school en thuis voor zichzelf en voor mama gaat zorgen, "
            "terwijl ze pas negen is",
            children=("Emma",),
            goals=(
                GoalSpec(
                    "Evelien, oma Maria en Tom spreken af wie Emma 's morgens helpt op de dagen "
                    "dat Evelien het niet kan. Evelien laat het oma Maria weten als ze een slechte "
                    "dag heeft.",
                    "Emma merkt dat er elke morgen iemand is die zorgt dat ze ontbijt en met haar "
                    "boterhammendoos op tijd op school is.",
                    "De school ziet Emma elke dag op tijd en met eten.",
                    "Drie maanden na elkaar",
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.COMMENT,
                    "Evelien",
                    "Mama Evelien vindt het goed dat dit zo duidelijk op papier staat. Ze wil "
                    "erbij zeggen dat ze zich schaamt en dat ze Emma niet in de steek wil laten.",
                ),
            ),
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Emma gaat elke schooldag naar school. Als er die ochtend niemand is om haar te "
            "brengen, belt Evelien oma Maria of de school.",
            "Emma miste al 14 halve dagen. Op school eet ze, ziet ze haar vriendinnen en zien "
            "volwassenen hoe het met haar gaat.",
        ),
    ),
    rounds=(
        RoundSpec(
            14,
            (
                Score(
                    "Evelien",
                    5,
                    "Emma is bijna altijd op school, alleen niet als ik echt niet kan.",
                    "Als ik weer iemand heb om mee te praten.",
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Emma mist veel school en er zijn nog geen afspraken voor de slechte dagen.",
                    "Als oma Maria en Tom weten wanneer ze moeten inspringen.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            5,
            (
                Score(
                    "Evelien",
                    6,
                    "Mama komt nu twee keer per week en ik heb een afspraak bij de huisarts.",
                    "Als ook de andere ochtenden geregeld zijn.",
                ),
                Score(
                    "Maria",
                    6,
                    "Op mijn dagen gaat het goed. Op de andere dagen weet ik het niet.",
                    "Als Evelien me belt op een slechte dag, dan kom ik.",
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Er is een begin: oma Maria komt vast twee ochtenden en Evelien zoekt hulp.",
                    "Als Emma twee weken na elkaar elke dag op tijd is.",
                ),
                Score(
                    HULPVERLENER_VIEW,
                    4,
                    "Evelien is open over hoe het gaat; Tom is nog niet betrokken.",
                    "Als Tom één vaste ochtend op zich neemt.",
                ),
            ),
            session=1,
        ),
    ),
)

# 3. Aerts, plan: two statements discussed with Katrien and Dirk, a comment and a disagreement.
AERTS_WHAT = WhatSpec(
    sessions=(
        SessionSpec(68, ("Katrien", "Dirk")),
        SessionSpec(40, ("Jonas",), (OWNER, HULPVERLENER)),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            "Jonas",
            "Als papa gedronken heeft en het escaleert, ga ik tussen papa en mama staan. Lena en "
            "Mila zitten dan boven te huilen.",
            session=1,
        ),
        MapLine(
            MapCategory.HARM,
            "Katrien",
            "Mila slaapt slecht en plast sinds een paar maanden weer in bed.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Als Dirk 's avonds blijft drinken, kan het op een avond zo escaleren dat Jonas, die "
            "tussenkomt, een klap krijgt.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            HULPVERLENER_VIEW,
            "Lena en Mila blijven bang als papa thuiskomt, en Mila's slaapproblemen worden erger.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Jonas blijft zich verantwoordelijk voelen voor zijn zussen en voor de sfeer thuis, "
            "en heeft geen ruimte om zelf vijftien te zijn.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Dirk",
            "Ik drink om te ontspannen na het werk. Het is moeilijk om daarmee te stoppen.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "De vorige hulp is gestopt toen Dirk niet meer naar de afspraken kwam.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Katrien",
            "Dirk en ik zeggen allebei dat het drinken een probleem is, en we willen dat de "
            "kinderen niet meer bang zijn.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Jonas",
            "Ik kan goed praten met tante Greet.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            CONSULENT_VIEW,
            "Katrien brengt de kinderen naar boven als het misloopt. Tante Greet woont in de "
            "straat en is er als Katrien belt.",
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Dirk",
            "Vorige zomer heb ik zes weken niet gedronken. Toen was het thuis rustig en gingen we "
            "met de kinderen fietsen.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Er is elke avond een nuchtere volwassene die voor Jonas, Lena en Mila zorgt, en "
            "Jonas hoeft nooit meer tussen te komen.",
        ),
        MapLine(
            MapCategory.CHANGE,
            "Dirk",
            "Ik wil terug naar een groep om te stoppen met drinken.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            HULPVERLENER_VIEW,
            "Netwerkoverleg bij tante Greet en een verhaal in woorden en beelden voor Mila.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Met Lena apart praten over wat zij nodig heeft.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ, Ines van vzw Kompas en tante Greet",
            behaviour="papa Dirk 's avonds veel drinkt en dan roept, met deuren slaat en "
            "onvoorspelbaar wordt terwijl Jonas, Lena en Mila thuis zijn",
            impact="Lena en Mila boven zitten te huilen, Mila slecht slaapt en weer in bed "
            "plast, en de kinderen 's avonds niet weten hoe papa zal thuiskomen",
            fear="het op een avond zo escaleert dat iemand gewond raakt, en dat de kinderen thuis "
            "altijd bang blijven",
            children=("Jonas", "Lena", "Mila"),
            goals=(
                GoalSpec(
                    "Dirk drinkt niet meer thuis en gaat elke week naar de CAD-groep. Tante Greet "
                    "komt elke avond om 19 uur even langs. Als Dirk toch gedronken heeft, belt "
                    "Katrien Greet en gaan de kinderen bij haar slapen.",
                    "Jonas, Lena en Mila merken dat er 's avonds altijd een nuchtere volwassene "
                    "voor hen zorgt, en weten dat ze tante Greet altijd mogen bellen.",
                    "De kinderen vertellen ons en Ines dat het 's avonds rustig is, Mila slaapt "
                    "beter, en de begeleider van het CAD bevestigt dat Dirk komt.",
                    "Minstens zes maanden",
                    NETWORK,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.DISAGREEMENT,
                    "Dirk",
                    "Papa Dirk ziet dit anders: hij zegt dat hij nooit onvoorspelbaar is tegen de "
                    "kinderen en alleen tegen Katrien roept. Hij is het wel eens dat hij te veel "
                    "drinkt en dat de kinderen dan bang zijn.",
                ),
                CommentSpec(
                    CommentKind.COMMENT,
                    "Katrien",
                    "Mama Katrien wil erbij zetten dat het sinds Dirk naar de CAD-groep gaat al "
                    "veel rustiger is thuis.",
                ),
            ),
            audience=NETWORK,
        ),
        StatementSpec(
            who_is_worried="Het OCJ en mama Katrien",
            behaviour="Jonas tussen papa en mama gaat staan en voor zijn zussen zorgt als het "
            "thuis escaleert, omdat er op dat moment geen andere volwassene is die dat doet",
            impact="Jonas slecht slaapt, zich verantwoordelijk voelt voor Lena en Mila en zelf "
            "een duw kan krijgen",
            fear="Jonas gewond raakt als hij tussenkomt, en dat hij geen gewone tiener meer kan "
            "zijn",
            children=("Jonas",),
            goals=(
                GoalSpec(
                    "Katrien en Dirk zorgen dat Jonas nooit meer moet tussenkomen: bij spanning "
                    "brengt Katrien de kinderen naar boven of naar tante Greet, en ze zeggen "
                    "Jonas dat het niet zijn taak is.",
                    "Jonas merkt dat de volwassenen het oplossen en dat hij gewoon kan slapen, "
                    "naar school gaan en voetballen.",
                    "Jonas geeft zelf een hoger cijfer en vertelt dat hij goed slaapt.",
                    "Zes maanden",
                    CHILD,
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Dirk komt niet onder invloed thuis als de kinderen er zijn. Als hij gedronken heeft, "
            "slaapt hij elders of gaan de kinderen naar tante Greet.",
            "Als Dirk gedronken heeft, loopt het thuis uit de hand en moet Jonas tussenkomen. "
            "Dit is het minste dat nodig is om de kinderen thuis te laten wonen.",
            NETWORK,
        ),
    ),
    rounds=(
        RoundSpec(
            68,
            (
                Score(
                    "Katrien",
                    3,
                    "Het gaat nog bijna elke avond mis als Dirk gedronken heeft.",
                    "Als Dirk naar een groep gaat.",
                ),
                Score(
                    "Dirk",
                    5,
                    "Ik heb de kinderen nooit pijn gedaan.",
                    "Als ik minder drink.",
                ),
                Score(
                    CONSULENT_VIEW,
                    2,
                    "Dirk drinkt elke avond, de vorige hulp is gestopt en Jonas komt tussen.",
                    "Als er een afspraak is wie de kinderen opvangt als Dirk gedronken heeft.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            40,
            (
                Score(
                    "Jonas",
                    4,
                    "Het is beter sinds papa naar die groep gaat, maar ik slaap nog niet goed.",
                    "Als ik weet dat tante Greet komt als het misloopt.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Dirk gaat naar de CAD-groep, maar er is nog geen plan voor de avonden.",
                    "Als het netwerk afspraken maakt voor de avonden.",
                ),
                Score(
                    "Jonas",
                    3,
                    "Ik let nog altijd op als papa thuiskomt.",
                    "Als mama en tante Greet het oplossen en ik boven kan blijven.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    HULPVERLENER_VIEW,
                    3,
                    "Jonas voelt zich nog verantwoordelijk voor zijn zussen.",
                    "Als Jonas merkt dat Katrien en Greet het overnemen.",
                    statement=1,
                ),
            ),
            session=1,
        ),
        RoundSpec(
            12,
            (
                Score(
                    "Katrien",
                    6,
                    "Dirk drinkt niet meer thuis en Greet komt elke avond langs.",
                    "Als we een maand zonder ruzie halen.",
                ),
                Score(
                    "Dirk",
                    7,
                    "Ik ga elke week naar de groep en ik drink niet meer thuis.",
                    "Als de kinderen merken dat het blijft duren.",
                ),
                Score(
                    "Greet",
                    6,
                    "Elke avond als ik kom, is het rustig.",
                    "Als de kinderen me ook echt bellen als er iets is.",
                    audience=NETWORK,
                ),
                Score(
                    CONSULENT_VIEW,
                    5,
                    "Er is een plan en het netwerk doet mee, maar het loopt nog maar kort.",
                    "Als het veiligheidsplan op papier staat en getest is.",
                ),
                Score(
                    "Jonas",
                    6,
                    "Ik hoef niet meer tussen te komen. Ik bel Greet als het nodig is.",
                    "Als ik weer gewoon kan slapen.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    5,
                    "Jonas vertelt dat hij niet meer tussenkomt.",
                    "Als Jonas dat drie maanden kan zeggen.",
                    statement=1,
                ),
            ),
        ),
    ),
)

# 4. El Amrani, opvolging: shared statements, a disagreement from mama, four rounds.
EL_AMRANI_WHAT = WhatSpec(
    sessions=(
        SessionSpec(135, ("Nadia", "Yasmine")),
        SessionSpec(100, ("Nadia", "Karim", "Adam", "Fatima"), (OWNER, HULPVERLENER)),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            CONSULENT_VIEW,
            "Yasmine is de afgelopen maanden vier keer weggelopen na een ruzie. Eén keer kwam ze "
            "pas na twee nachten terug en wist niemand waar ze was.",
        ),
        MapLine(
            MapCategory.HARM,
            "Adam",
            "Als ze ruzie maken, ga ik naar mijn kamer en zet ik mijn koptelefoon op.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            "Fatima",
            "Ik ben bang dat Yasmine bij een volgende ruzie ergens slaapt waar het niet veilig is.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Yasmine komt terecht bij oudere jongens die haar onderdak geven en daar iets voor "
            "terug vragen.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            HULPVERLENER_VIEW,
            "Adam trekt zich steeds verder terug en blijft alleen met wat hij thuis meemaakt.",
            session=1,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Nadia",
            "Ik sta er alleen voor sinds Karim vertrokken is, en Yasmine luistert niet meer naar "
            "mij.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Yasmine",
            "Mama roept altijd meteen. Dan wil ik gewoon weg.",
            CHILD,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Nadia",
            "Ik hou van mijn kinderen en ik wil weten waar ze zijn.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Adam",
            "Voetbal, twee keer per week, en mijn ploeg.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Fatima",
            "Yasmine komt al jaren graag bij mij. Bij mij is het rustig en ze weet dat ze altijd "
            "mag komen.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Yasmine",
            "Na de ruzie in december ben ik naar oma gegaan in plaats van weg te lopen. Mama "
            "wist dat en de volgende dag hebben we gepraat.",
            CHILD,
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Yasmine heeft bij een ruzie een veilige plek waar iedereen van weet, Nadia weet "
            "altijd waar haar kinderen zijn, en Adam zegt dat hij zich thuis weer goed voelt.",
        ),
        MapLine(
            MapCategory.CHANGE,
            "Karim",
            "Ik wil meer voor Adam doen, ook al woon ik niet meer thuis.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            HULPVERLENER_VIEW,
            "Netwerkoverleg bij oma Fatima om het veiligheidsplan te maken.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Met de school van Adam bespreken hoe het daar met hem gaat.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ, oma Fatima en Ines van vzw Kompas",
            behaviour="Nadia en Yasmine thuis zo hevig ruzie maken dat Yasmine wegloopt en "
            "niemand weet waar ze slaapt",
            impact="Yasmine vier keer weggelopen is, één keer pas na twee nachten terugkwam, en "
            "zegt dat de ruzies haar te veel worden",
            fear="Yasmine bij een volgende ruzie ergens terechtkomt waar ze niet veilig is, bij "
            "mensen die misbruik van haar maken, zonder dat iemand weet waar ze is",
            children=("Yasmine",),
            goals=(
                GoalSpec(
                    "Bij een ruzie gaat Yasmine naar oma Fatima en stuurt ze Nadia een berichtje. "
                    "Nadia belt oma Fatima om te horen of Yasmine er is, en de dag erna praten "
                    "Nadia en Yasmine samen met oma het uit.",
                    "Yasmine weet dat ze bij een ruzie altijd naar oma mag en dat mama dan niet "
                    "boos is.",
                    "Yasmine loopt niet meer weg en Nadia weet altijd waar haar kinderen zijn.",
                    "Vier maanden",
                    CHILD,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.DISAGREEMENT,
                    "Nadia",
                    "Mama Nadia ziet dit anders: zij vindt dat vooral Yasmine de ruzies begint en "
                    "zich niet aan de regels houdt. Ze wil wel dat Yasmine naar oma gaat in "
                    "plaats van weg te lopen.",
                ),
            ),
            audience=CHILD,
        ),
        StatementSpec(
            who_is_worried="Het OCJ en papa Karim",
            behaviour="de ruzies thuis zoveel plaats innemen dat Nadia en Karim weinig tijd en "
            "aandacht overhouden voor Adam",
            impact="Adam zich steeds meer terugtrekt op zijn kamer en weinig vertelt over hoe het "
            "met hem gaat",
            fear="Adam er alleen mee blijft zitten en somber wordt zonder dat iemand het merkt",
            children=("Adam",),
            goals=(
                GoalSpec(
                    "Karim belt Adam elke zondag en neemt hem om de twee weken mee naar de "
                    "voetbal. Nadia plant elke week een moment alleen met Adam.",
                    "Adam merkt dat papa en mama tijd voor hem maken en dat hij mag vertellen hoe "
                    "het met hem gaat.",
                    "Adam zegt zelf dat hij zich thuis weer goed voelt, en de school ziet een Adam "
                    "die meedoet.",
                    "Vier maanden",
                    CHILD,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.COMMENT,
                    "Karim",
                    "Papa Karim werkt in ploegen. Zondag bellen lukt altijd; de voetbal niet elke "
                    "keer.",
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Nadia weet elke nacht waar Yasmine en Adam slapen.",
            "Yasmine bleef één keer twee nachten weg zonder dat iemand wist waar ze was. Dat mag "
            "niet meer gebeuren.",
            CHILD,
        ),
        BottomLineSpec(
            "Als Yasmine om 22 uur niet thuis en niet bij oma Fatima is en niet antwoordt, belt "
            "Nadia de politie.",
            "Een meisje van zestien dat 's nachts niet bereikbaar is, loopt te veel risico.",
            CHILD,
        ),
    ),
    rounds=(
        RoundSpec(
            120,
            (
                Score(
                    "Yasmine",
                    5,
                    "Ik weet waar ik naartoe kan, maar thuis is het nog elke dag ruzie.",
                    "Als mama niet meteen begint te roepen.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Yasmine slaapt bij een vriendin als ze wegloopt, maar Nadia weet niet waar.",
                    "Als er één plek is waar iedereen van weet.",
                ),
            ),
        ),
        RoundSpec(
            100,
            (
                Score(
                    "Nadia",
                    5,
                    "Ze komt altijd terug, maar ik lig wakker als ze weg is.",
                    "Als ik weet dat ze bij mijn moeder is.",
                ),
                Score(
                    "Fatima",
                    6,
                    "Yasmine komt graag bij mij.",
                    "Als iedereen afspreekt dat ze bij ruzie naar mij komt.",
                    audience=NETWORK,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Oma Fatima wil een plek zijn voor Yasmine, maar er zijn nog geen afspraken.",
                    "Als het netwerk het plan heeft gemaakt.",
                ),
                Score(
                    "Adam",
                    5,
                    "Ik zit veel op mijn kamer. Voetbal is leuk.",
                    "Als papa vaker belt.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    "Karim",
                    5,
                    "Ik zie Adam te weinig.",
                    "Als ik hem elke week spreek.",
                    statement=1,
                ),
            ),
            session=1,
        ),
        RoundSpec(
            60,
            (
                Score(
                    "Nadia",
                    7,
                    "Na de laatste ruzie ging ze naar mijn moeder en stuurde ze me een berichtje.",
                    "Als we zelf de ruzie kunnen stoppen voor ze weg moet.",
                ),
                Score(
                    "Yasmine",
                    7,
                    "Ik ga naar oma en mama weet dat.",
                    "Als we minder ruzie maken.",
                    audience=CHILD,
                ),
                Score(
                    HULPVERLENER_VIEW,
                    6,
                    "Het netwerk heeft het plan gemaakt en het werkt de eerste weken.",
                    "Als het plan een paar maanden blijft werken.",
                ),
                Score(
                    "Adam",
                    6,
                    "Papa belt elke zondag.",
                    "Als er thuis minder geroepen wordt.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    5,
                    "Karim is meer betrokken; Adam komt wat meer uit zijn kamer.",
                    "Als Adam zelf zegt dat hij zich goed voelt thuis.",
                    statement=1,
                ),
            ),
        ),
        RoundSpec(
            20,
            (
                Score(
                    "Nadia",
                    8,
                    "Yasmine is al weken niet meer weggelopen. Na de ruzie van vorige week ging "
                    "ze naar mijn moeder en kwam ze de dag erna terug.",
                    "Als het zo blijft tot de zomer.",
                ),
                Score(
                    "Yasmine",
                    8,
                    "Ik weet wat ik moet doen en mama vertrouwt me meer.",
                    "Als mama en ik samen iets leuks doen.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    7,
                    "Het veiligheidsplan werkt al twee maanden, ook bij een echte ruzie.",
                    "Als het netwerk het plan zelf verder opvolgt zonder ons.",
                ),
                Score(
                    "Adam",
                    7,
                    "Het is beter thuis. Ik ga om de twee weken met papa naar de voetbal.",
                    "Als mama en Yasmine geen ruzie meer maken als ik thuis ben.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    HULPVERLENER_VIEW,
                    7,
                    "Adam vertelt meer en de school ziet hem meedoen.",
                    "Als Adam dat ook zo ziet na de zomer.",
                    statement=1,
                ),
            ),
        ),
    ),
)

# 5. Desmet, afgesloten: written while the trajectory was open, shared, then closed.
DESMET_WHAT = WhatSpec(
    sessions=(
        SessionSpec(300, ("Bart", "Ann", "Ruben")),
        SessionSpec(
            250,
            ("Bart", "Ann", "Christine", "Ruben"),
            other_participants="CLB-medewerker",
        ),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Ruben gaat sinds de dood van zijn mama bijna niet meer naar school. Hij zei dat hij "
            "niet meer weet waarom hij nog zou opstaan.",
            session=1,
        ),
        MapLine(
            MapCategory.HARM,
            "Bart",
            "Ruben gamet 's nachts en slaapt overdag. Hij praat bijna niet meer met ons.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Ruben wordt nog somberder en verliest zijn schooljaar.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Ruben doet zichzelf iets aan zonder dat iemand het ziet aankomen.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            SCHOOL_VIEW,
            "Ruben haakt helemaal af op school en verliest zijn vrienden.",
            session=1,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Ann",
            "Bart heeft zelf ook veel verdriet en werkt lange dagen. Ik weet niet goed wat mijn "
            "plaats is bij Ruben.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Ruben",
            "Niemand praat over mama.",
            CHILD,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Ruben",
            "Tante Christine. Met haar kan ik over mama praten.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            CONSULENT_VIEW,
            "Bart en Ann maken zich zorgen en willen alles doen om Ruben te helpen.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Christine",
            "Ik haal Ruben op woensdag op en we gaan samen naar het graf van zijn mama.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Bart",
            "In de kerstvakantie zijn we samen met Christine naar zee geweest. Ruben was toen "
            "elke dag vroeg op.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Ruben gaat weer naar school, er zijn volwassenen met wie hij over zijn mama kan "
            "praten, en papa en Ann merken wanneer het minder goed gaat en zoeken dan hulp.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            SCHOOL_VIEW,
            "De school maakt een aangepast lessenrooster; de CLB-medewerker ziet Ruben elke week.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Samen met Bart een afspraak maken bij de huisarts over Rubens somberheid.",
            ONLY_PROFESSIONALS,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ, de CLB-medewerker en tante Christine",
            behaviour="Ruben sinds de dood van zijn mama alleen blijft met zijn verdriet, en "
            "papa Bart en Ann niet weten hoe ze hem kunnen bereiken",
            impact="Ruben veel school gemist heeft, zijn vrienden bijna niet meer ziet en zegt "
            "dat hij niet meer weet waarom hij nog zou opstaan",
            fear="Ruben nog somberder wordt, zijn schooljaar verliest en op een dag zichzelf "
            "iets aandoet zonder dat iemand het ziet aankomen",
            children=("Ruben",),
            goals=(
                GoalSpec(
                    "Bart en Ann zorgen voor een vast dagritme: de console gaat om 23 uur uit en "
                    "Bart brengt Ruben 's morgens naar de bus. Tante Christine haalt Ruben elke "
                    "woensdag op. Bart belt de huisarts of het CLB als Ruben weer somber wordt.",
                    "Ruben merkt dat er volwassenen zijn met wie hij over zijn mama kan praten, en "
                    "dat papa en Ann zien hoe het met hem gaat.",
                    "De school ziet Ruben elke dag; de CLB-medewerker spreekt hem elke week.",
                    "Drie maanden na elkaar",
                    CHILD,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.PROPOSAL,
                    "Ruben",
                    "Ruben stelt voor om te schrijven 'Ruben bleef thuis omdat hij te moe en te "
                    "verdrietig was' in plaats van 'hij gaat bijna niet naar school'.",
                    CHILD,
                ),
                CommentSpec(
                    CommentKind.COMMENT,
                    "Ann",
                    "Plusmama Ann vraagt om erbij te zetten dat ook Bart nog veel verdriet heeft "
                    "en dat ze dat samen willen aanpakken.",
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Als Ruben zegt dat hij niet meer wil leven of zichzelf iets wil aandoen, bellen Bart "
            "of Ann dezelfde dag de huisarts of de Zelfmoordlijn (1813), en blijft er iemand bij "
            "Ruben.",
            "Ruben zei tegen de CLB-medewerker dat hij niet meer weet waarom hij nog zou opstaan. "
            "Dat nemen we altijd ernstig.",
            CHILD,
        ),
    ),
    rounds=(
        RoundSpec(
            300,
            (
                Score(
                    "Bart",
                    3,
                    "Ruben zit alleen op zijn kamer en gaat niet naar school.",
                    "Als hij één dag per week naar school gaat.",
                ),
                Score(
                    "Ruben",
                    2,
                    "Ik zie het nut er niet van.",
                    "Weet ik niet.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    2,
                    "Ruben is somber, gaat niet naar school en er is nog niemand met wie hij "
                    "praat.",
                    "Als Ruben met één volwassene over zijn mama kan praten.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            200,
            (
                Score(
                    "Bart",
                    5,
                    "Hij gaat weer drie dagen per week en praat met Christine.",
                    "Als hij 's nachts niet meer gamet.",
                ),
                Score(
                    "Ruben",
                    5,
                    "De woensdagen met tante Christine helpen.",
                    "Als ik in de klas niet meer achterloop.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Er is een netwerk rond Ruben, maar hij mist nog veel school.",
                    "Als het aangepaste lessenrooster een maand volgehouden wordt.",
                ),
            ),
        ),
        RoundSpec(
            100,
            (
                Score(
                    "Bart",
                    7,
                    "Ruben gaat elke dag naar school en eet weer mee aan tafel.",
                    "Als hij weer met zijn vrienden afspreekt.",
                ),
                Score(
                    "Ann",
                    7,
                    "Ruben lacht weer af en toe en vertelt over school.",
                    "Als Bart en ik samen weten wat we doen als het minder gaat.",
                ),
                Score(
                    "Ruben",
                    7,
                    "Het gaat beter. Ik voetbal weer.",
                    "Als ik mijn examens haal.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    6,
                    "Ruben gaat elke dag naar school en praat wekelijks met Christine en het CLB.",
                    "Als dat drie maanden zo blijft.",
                ),
            ),
        ),
        RoundSpec(
            1,
            (
                Score(
                    "Ruben",
                    8,
                    "Ik ga terug naar school en ik heb mensen om mee te praten.",
                    "Als ik mama minder mis, maar dat gaat niet snel.",
                    audience=CHILD,
                ),
                Score(
                    "Bart",
                    8,
                    "Al drie maanden gaat het goed, en we weten wie we kunnen bellen.",
                    "Als we dat ook na de zomer nog kunnen zeggen.",
                ),
                Score(
                    CONSULENT_VIEW,
                    8,
                    "Het is veilig genoeg: het netwerk draagt het veiligheidsplan zelf.",
                    "Als het netwerk het plan na de examens samen nog eens overloopt.",
                ),
            ),
        ),
    ),
)

# 6. Goossens (SDJ, VOS), in kaart: a first draft; mama and the consultant see it very differently.
GOOSSENS_WHAT = WhatSpec(
    sessions=(
        SessionSpec(28, ("Jessica", "Steven")),
        SessionSpec(9, ("Rita", "Finn", "Julie")),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Julie vertelde op school dat ze vaak zelf voor Finn zorgt als mama en papa 's "
            "morgens niet wakker worden. Ze komt moe en soms zonder ontbijt aan.",
        ),
        MapLine(
            MapCategory.HARM,
            "Julie",
            "Ik maak Finn wakker, geef hem een boterham en kleed hem aan.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Finn is vier en is 's morgens uren zonder een volwassene die wakker is. Er kan hem "
            "thuis iets overkomen.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Finn of Julie vindt drugs of medicatie in huis.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            "Rita",
            "Julie mag geen kind meer zijn en draagt een last die niet de hare is.",
            session=1,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "Jessica en Steven gebruiken allebei. Er is nog geen behandeling die loopt.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Jessica",
            "We hebben schulden en Steven heeft geen werk meer. Dat geeft veel stress.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Steven",
            "We houden van onze kinderen en we komen elke dag op bezoek bij mijn schoonmoeder.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Julie",
            "Mijn rapport is goed. Ik teken graag.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Rita",
            "Finn en Julie slapen sinds de zitting bij mij. Ik breng ze elke dag naar school.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Jessica",
            "Toen Finn een baby was, gebruikte ik niets. Toen lukte alles.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Er zorgt elke dag een nuchtere volwassene voor Finn en Julie, en Julie hoeft niet "
            "meer voor haar broertje te zorgen.",
        ),
        MapLine(
            MapCategory.CHANGE,
            "Finn",
            "Dat mama en papa altijd wakker zijn.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Gesprek met Jessica, Steven en hun begeleider van het CAD.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Verslag voor de jeugdrechter voorbereiden.",
            ONLY_PROFESSIONALS,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="De jeugdrechter, de consulent van de SDJ en de school van Julie",
            behaviour="mama Jessica en papa Steven drugs gebruiken en 's morgens niet wakker "
            "worden, zodat er niemand voor Finn en Julie zorgt",
            impact="Julie vaak zelf Finn eten gaf en aankleedde, en Finn als vierjarige uren "
            "zonder toezicht was",
            fear="Finn iets overkomt als er niemand wakker is, en dat Finn en Julie opgroeien "
            "zonder volwassene op wie ze kunnen rekenen",
            children=("Finn", "Julie"),
            goals=(
                GoalSpec(
                    "Jessica en Steven volgen hun behandeling bij het CAD en komen alleen nuchter "
                    "op bezoek. Oma Rita zorgt dat er elke dag een nuchtere volwassene is en "
                    "belt de consulent als Jessica of Steven onder invloed komen.",
                    "Finn en Julie merken dat er 's morgens altijd een volwassene wakker is die "
                    "ontbijt maakt en hen naar school brengt.",
                    "De school ziet Finn en Julie elke dag op tijd; het CAD bevestigt dat Jessica "
                    "en Steven hun afspraken nakomen.",
                    "Zes maanden, voor we de jeugdrechter voorstellen te stoppen",
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.DISAGREEMENT,
                    "Jessica",
                    "Mama Jessica ziet dit anders: zij zegt dat ze alleen in het weekend "
                    "gebruikte en dat Julie overdrijft. Ze is het wel eens dat Finn nooit alleen "
                    "mag zijn.",
                ),
                CommentSpec(
                    CommentKind.COMMENT,
                    "Steven",
                    "Papa Steven gaat sinds twee weken naar het CAD en wil dat laten zien.",
                ),
            ),
        ),
        StatementSpec(
            who_is_worried="De consulent van de SDJ en oma Rita",
            behaviour="Jessica en Steven Julie laten zorgen voor haar broertje, omdat zij dat "
            "zelf niet doen",
            impact="Julie zich verantwoordelijk voelt voor Finn, moe op school komt en zegt dat "
            "ze 's nachts wakker ligt",
            fear="Julie geen kind meer mag zijn en er later zelf onder lijdt",
            children=("Julie",),
            goals=(
                GoalSpec(
                    "Oma Rita, Jessica en Steven nemen de zorg voor Finn op zich. Julie hoeft "
                    "niet meer voor haar broertje te zorgen en gaat op woensdag naar de "
                    "tekenles.",
                    "Julie merkt dat ze gewoon tien mag zijn: spelen, tekenen en slapen.",
                    "Julie vertelt ons dat ze goed slaapt en niet meer voor Finn hoeft te zorgen.",
                    "Zes maanden",
                    CHILD,
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Jessica en Steven zijn nooit onder invloed alleen met Finn en Julie.",
            "Dat heeft de jeugdrechter gevraagd, en het is de voorwaarde om de bezoeken te laten "
            "verdergaan.",
        ),
        BottomLineSpec(
            "Finn en Julie blijven bij oma Rita wonen tot de jeugdrechter anders beslist.",
            "Bij oma Rita is er elke dag een nuchtere volwassene. Thuis is dat nog niet zeker.",
        ),
    ),
    rounds=(
        RoundSpec(
            28,
            (
                Score(
                    "Jessica",
                    8,
                    "De kinderen zijn bij mijn moeder en er is niets aan de hand.",
                    "Als de jeugdrechter ons met rust laat.",
                ),
                Score(
                    "Steven",
                    5,
                    "We hebben fouten gemaakt, maar de kinderen zijn nu veilig bij Rita.",
                    "Als ik mijn afspraken bij het CAD volhoud.",
                ),
                Score(
                    CONSULENT_VIEW,
                    2,
                    "Jessica en Steven gebruiken nog, er loopt geen behandeling en Jessica ziet "
                    "het probleem niet.",
                    "Als Jessica en Steven elke afspraak bij het CAD nakomen.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            9,
            (
                Score(
                    "Rita",
                    5,
                    "Bij mij zijn ze veilig, maar ik weet niet hoe lang ik dit volhoud.",
                    "Als Jessica en Steven echt stoppen.",
                ),
                Score(
                    "Julie",
                    6,
                    "Bij oma is het goed. Mama en papa komen elke dag.",
                    "Als ze nooit meer slapen als ze moeten opstaan.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Oma Rita zorgt goed, maar Jessica en Steven zijn nog maar net met hun "
                    "behandeling begonnen.",
                    "Als het CAD bevestigt dat ze hun afspraken nakomen.",
                ),
                Score(
                    "Julie",
                    5,
                    "Ik moet niet meer voor Finn zorgen, oma doet dat.",
                    "Als ik naar de tekenles mag.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    "Rita",
                    6,
                    "Julie speelt weer en slaapt beter.",
                    "Als Julie ook bij mama en papa gewoon kind mag zijn.",
                    statement=1,
                ),
            ),
            session=1,
        ),
        RoundSpec(
            5,
            (
                Score(
                    "Jessica",
                    9,
                    "We komen elke dag nuchter op bezoek, zoals afgesproken.",
                    "Als de kinderen weer thuis mogen komen.",
                ),
                Score(
                    "Steven",
                    6,
                    "Ik ga elke week naar het CAD.",
                    "Als Jessica ook naar haar afspraken gaat.",
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "De bezoeken verlopen goed en Steven komt naar het CAD. Over Jessica weten "
                    "we nog te weinig.",
                    "Als Jessica ons toestemming geeft om het CAD te contacteren.",
                ),
                Score(
                    "Steven",
                    6,
                    "Als Julie op bezoek is, zorgen wij voor Finn, niet zij.",
                    "Als Julie dat zelf ook zo vertelt.",
                    statement=1,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Julie hoeft bij oma niet meer voor Finn te zorgen.",
                    "Als Julie dat ook zegt over de bezoeken van mama en papa.",
                    statement=1,
                ),
            ),
        ),
    ),
)

# 7. Van Acker (SDJ, MOF), plan: discussed with Milan and his parents.
VAN_ACKER_WHAT = WhatSpec(
    sessions=(
        SessionSpec(55, ("Milan", "Kim", "Wim")),
        SessionSpec(25, ("Milan", "Kim"), other_participants="Stagebegeleider van de school"),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            CONSULENT_VIEW,
            "Milan heeft samen met vrienden ingebroken in een garage en een scooter gestolen. De "
            "eigenaar heeft schade en is erg geschrokken.",
        ),
        MapLine(
            MapCategory.HARM,
            "Milan",
            "Ik schaam me, vooral tegenover mijn ouders.",
            CHILD,
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            "Kim",
            "Als hij weer met die jongens optrekt, doet hij opnieuw iets stoms.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            SCHOOL_VIEW,
            "Milan verliest zijn stageplaats als hij niet elke dag komt.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Als er nieuwe feiten komen, kan de jeugdrechter zwaardere maatregelen opleggen, "
            "tot een plaatsing in een gemeenschapsinstelling.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "Twee van de vrienden zijn al eerder met de politie in aanraking gekomen.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Wim",
            "Ik werk 's avonds vaak laat, dan is Kim alleen om de afspraken op te volgen.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Milan",
            "Ik werk graag met mijn handen en mijn stage in de garage gaat goed.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            CONSULENT_VIEW,
            "Milan gaf meteen toe dat hij erbij was en wil de schade herstellen. Kim en Wim staan "
            "achter hem.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            SCHOOL_VIEW,
            "Milan is sinds de feiten elke dag op tijd op zijn stage.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Kim",
            "Vorig jaar speelde hij in de voetbalploeg en kwam hij nooit te laat thuis.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Milan gaat elke dag naar school of stage, is 's avonds op het afgesproken uur thuis, "
            "herstelt de schade en vertelt zelf met wie hij zijn vrije tijd doorbrengt.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Herstelgesprek met de eigenaar van de scooter voorbereiden.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            "Wim",
            "Samen met Milan navragen of hij terug bij de voetbal kan.",
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="De jeugdrechter, de consulent van de SDJ en Kim en Wim",
            behaviour="Milan in zijn vrije tijd optrekt met vrienden die inbreken en stelen, en "
            "zelf meedeed aan de inbraak in een garage en de diefstal van een scooter",
            impact="Milan voor de jeugdrechter moet verschijnen, zich schaamt tegenover zijn "
            "ouders, en de eigenaar van de scooter schade heeft",
            fear="Milan opnieuw in de problemen komt, zijn stage verliest en in een "
            "gemeenschapsinstelling terechtkomt",
            children=("Milan",),
            goals=(
                GoalSpec(
                    "Kim en Wim spreken met Milan af wanneer hij thuis is (22 uur in de week, "
                    "middernacht in het weekend) en vragen met wie hij op stap is. Milan werkt de "
                    "schade af via de herstelbemiddeling.",
                    "Milan merkt dat zijn ouders hem weer vertrouwen als hij zich aan de "
                    "afspraken houdt, en dat hij zijn fout kan goedmaken.",
                    "De stagebegeleider ziet Milan elke dag op tijd, er komen geen nieuwe feiten "
                    "en het herstelgesprek met de eigenaar vindt plaats.",
                    "Vier maanden, tot de volgende zitting",
                    CHILD,
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Milan is 's avonds op het afgesproken uur thuis en gaat elke werkdag naar zijn stage.",
            "Dat zijn de voorwaarden die de jeugdrechter oplegde.",
            CHILD,
        ),
    ),
    rounds=(
        RoundSpec(
            55,
            (
                Score(
                    "Milan",
                    5,
                    "Ik ga naar mijn stage en ik zie die jongens minder.",
                    "Als ik het goedmaak met de eigenaar.",
                    audience=CHILD,
                ),
                Score(
                    "Kim",
                    4,
                    "Ik weet niet altijd waar hij is.",
                    "Als hij zelf vertelt met wie hij weggaat.",
                ),
                Score(
                    "Wim",
                    4,
                    "We zijn nog boos, maar hij doet zijn best.",
                    "Als hij een maand op tijd thuis is.",
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Milan erkent de feiten en zijn ouders volgen hem op, maar er zijn nog geen "
                    "afspraken.",
                    "Als de afspraken over uren en vrije tijd op papier staan.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            25,
            (
                Score(
                    "Milan",
                    7,
                    "Ik ben altijd op tijd thuis en de stage gaat goed.",
                    "Als het herstelgesprek achter de rug is.",
                    audience=CHILD,
                ),
                Score(
                    "Kim",
                    6,
                    "Hij houdt zich aan de uren en vertelt meer.",
                    "Als hij terug gaat voetballen.",
                ),
                Score(
                    SCHOOL_VIEW,
                    7,
                    "Milan is elke dag op tijd en werkt goed mee.",
                    "Als hij zijn eindevaluatie haalt.",
                ),
                Score(
                    CONSULENT_VIEW,
                    6,
                    "De afspraken lopen een maand goed.",
                    "Als de herstelbemiddeling van start gaat.",
                ),
            ),
            session=1,
        ),
        RoundSpec(
            12,
            (
                Score(
                    "Milan",
                    8,
                    "Ik zie die jongens niet meer en ik wil het goedmaken.",
                    "Als ik het gesprek met de eigenaar gedaan heb.",
                    audience=CHILD,
                ),
                Score(
                    "Wim",
                    7,
                    "We vertrouwen hem weer meer.",
                    "Als het zo blijft tot de zitting.",
                ),
                Score(
                    CONSULENT_VIEW,
                    7,
                    "Milan houdt zich aan de uren en gaat elke dag naar zijn stage.",
                    "Als het herstelgesprek met de eigenaar heeft plaatsgevonden.",
                ),
            ),
        ),
    ),
)

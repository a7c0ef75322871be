"""Load fictional demo data: organisations, demo logins and seven families in different stages.

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

from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User
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
from samenopweg.people.models import Gender, RelationKind

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
        with transaction.atomic():
            self._load()
        self.stdout.write(
            f"Nieuw aangemaakt: {self.created_users} gebruikers, {self.created_families} "
            f"trajecten; {self.skipped_families} trajecten bestonden al en zijn overgeslagen."
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
        exists = Trajectory.objects.filter(
            owner=spec.owner,
            persons__is_child=True,
            persons__first_name=first.first_name,
            persons__last_name=first.last_name,
        ).exists()
        if exists:
            self.skipped_families += 1
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

        for to_stage, reason in spec.stages:
            trajectory.refresh_from_db()
            services.change_stage(
                trajectory=trajectory,
                to_stage=to_stage,
                reason=reason,
                expected_version=trajectory.version,
                actor=owner,
            )
        trajectory.refresh_from_db()

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

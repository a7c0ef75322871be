"""The demo's organisations, teams and logins: who works where, and the family's own accounts.

Professionals get a membership; family and network accounts (`ouder`, `netwerk`, `jongere`) get
none: their access is a grant on their family's trajectory (families/, builders.grant_logins).
"""

from __future__ import annotations

from dataclasses import dataclass

from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User
from samenopweg.demo.specs import OCJ, SDJ

DEMO_PASSWORD = "demo"  # known on purpose; the loader only runs with DEMO_MODE on
EMAIL_DOMAIN = "demo.samenopweg.invalid"

OCJ_NAME = "OCJ Oost-Vlaanderen"
OCJ_TEAM_NAME = "Team Gent 1"
SDJ_NAME = "SDJ Antwerpen"
SDJ_TEAM_NAME = "Team Antwerpen Noord"
PRIVATE_NAME = "vzw Kompas Jeugdhulp"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    first_name: str
    last_name: str
    description: str
    is_staff: bool = False
    # How the family reaches a professional (the portal's "Wie bel je?"); made-up numbers.
    phone: str = ""
    reachable: str = ""


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin(
        "consulent",
        "Lotte",
        "Vermeulen",
        "consulent OCJ Gent (draagt de meeste trajecten)",
        phone="09 000 11 21",
        reachable="ma-vr 9-17 uur",
    ),
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
        phone="0470 00 11 22",
        reachable="ma, di, do 8.30-18 uur",
    ),
    DemoLogin(
        "consulent2",
        "Pieter",
        "Janssens",
        "consulent SDJ Antwerpen (2 eigen trajecten bij de jeugdrechter, ziet geen OCJ-trajecten)",
        phone="03 000 22 31",
        reachable="ma-vr 9-16 uur",
    ),
    DemoLogin("admin", "Hilde", "Michiels", "beheerder (ook toegang tot de Django-admin)", True),
    DemoLogin("auditor", "Marc", "Peeters", "auditor OCJ Oost-Vlaanderen (leest de audit)"),
    DemoLogin(
        "ouder", "Katrien", "Willems", "ouder: Katrien Willems, mama van Jonas, Lena en Mila Aerts"
    ),
    DemoLogin(
        "ouder2",
        "Jessica",
        "Mertens",
        "ouder: Jessica Mertens, mama van Finn en Julie Goossens (SDJ); leest wat we aan de "
        "jeugdrechter schrijven",
    ),
    DemoLogin(
        "netwerk",
        "Greet",
        "Willems",
        "netwerk: Greet Willems, tante van Jonas, Lena en Mila Aerts en voorzitter van hun netwerk",
    ),
    DemoLogin(
        "netwerk2",
        "Christine",
        "Desmet",
        "netwerk: Christine Desmet, tante van Ruben Desmet en voorzitter van zijn netwerk; "
        "houdt het plan bij na de afsluiting",
    ),
    DemoLogin(
        "jongere",
        "Jonas",
        "Aerts",
        "jongere: Jonas Aerts (15), ziet alleen wat voor hem bedoeld is",
    ),
)

# (username, organisation, in the team?, role); every other login is a family account.
MEMBERSHIPS: tuple[tuple[str, str, bool, str], ...] = (
    ("consulent", OCJ, True, Role.CONSULENT),
    ("teamleider", OCJ, True, Role.TEAMVERANTWOORDELIJKE),
    ("hulpverlener", "private", False, Role.HULPVERLENER),
    ("consulent2", SDJ, True, Role.CONSULENT),
    ("admin", OCJ, False, Role.ADMIN),
    ("auditor", OCJ, False, Role.AUDITOR),
)
# The consultant who carries the trajectories of each service.
CONSULTANT_OF = {OCJ: "consulent", SDJ: "consulent2"}


@dataclass
class DemoSetup:
    """What the families are built on: a team per service and the demo users by username."""

    teams: dict[str, Team]
    users: dict[str, User]
    created_users: int = 0

    def owner(self, service: str) -> User:
        return self.users[CONSULTANT_OF[service]]


def set_up() -> DemoSetup:
    """The organisations, teams, users and memberships; creates what is missing."""
    organisations = {
        OCJ: Organisation.objects.get_or_create(
            name=OCJ_NAME,
            defaults={
                "kind": OrganisationKind.OCJ,
                "region_code": "GNT",
            },
        )[0],
        SDJ: Organisation.objects.get_or_create(
            name=SDJ_NAME,
            defaults={
                "kind": OrganisationKind.SDJ,
                "region_code": "ANT",
            },
        )[0],
        "private": Organisation.objects.get_or_create(
            name=PRIVATE_NAME, defaults={"kind": OrganisationKind.PRIVATE}
        )[0],
    }
    numbers = {OCJ: "09 000 99 99", SDJ: "03 000 99 99"}
    for service, number in numbers.items():  # a demo from before the numbers: fill them in
        if not organisations[service].out_of_hours_phone:
            organisations[service].out_of_hours_phone = number
            organisations[service].save(update_fields=["out_of_hours_phone"])
    teams = {
        service: Team.objects.get_or_create(
            organisation=organisations[service],
            name=name,
            defaults={"safety_check_interval_days": 28},
        )[0]
        for service, name in ((OCJ, OCJ_TEAM_NAME), (SDJ, SDJ_TEAM_NAME))
    }
    setup = DemoSetup(teams=teams, users={})
    for login in DEMO_LOGINS:
        setup.users[login.username] = _user(login, setup)
    for username, organisation, in_team, role in MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=setup.users[username],
            organisation=organisations[organisation],
            team=teams[organisation] if in_team else None,
            role=role,
        )
    return setup


def _user(login: DemoLogin, setup: DemoSetup) -> User:
    user, created = User.objects.get_or_create(
        username=login.username,
        defaults={
            "first_name": login.first_name,
            "last_name": login.last_name,
            "email": f"{login.username}@{EMAIL_DOMAIN}",
            "is_staff": login.is_staff,
            "is_superuser": login.is_staff,
            "phone": login.phone,
            "reachable": login.reachable,
        },
    )
    if login.phone and not user.phone:  # a demo from before the numbers: fill them in once
        user.phone, user.reachable = login.phone, login.reachable
        user.save(update_fields=["phone", "reachable"])
    if created:
        setup.created_users += 1
    # The printed table promises the password `demo`: put it back if it was changed.
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user

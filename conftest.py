"""Shared fixtures: the personas every permission test starts from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User
from samenopweg.cases import services
from samenopweg.cases.models import CaseGrant, CaseRole, Trajectory
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry, Task
from samenopweg.people.models import Person
from samenopweg.people.registration import AdultInput, ChildInput, Registration, register_trajectory


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_place(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.UPLOAD_ROOT = tmp_path_factory.mktemp("uploads")


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of each PDF rendered from now on, as WeasyPrint is given it: what a test reads
    of a PDF (no PDF text reader is installed)."""
    from samenopweg.core import pdf

    handed: list[str] = []
    render = pdf.render_pdf

    def keep(html: str, **options: Any) -> bytes:
        handed.append(html)
        return render(html, **options)

    monkeypatch.setattr(pdf, "render_pdf", keep)
    return handed


def make_user(username: str, **extra: Any) -> User:
    return User.objects.create_user(username=username, password="pw-" + username, **extra)


def member(
    user: User, organisation: Organisation, role: str, team: Team | None = None
) -> Membership:
    return Membership.objects.create(user=user, organisation=organisation, team=team, role=role)


def register(
    team: Team, owner: User, *, child: str = "Noor", answer: str = "yes", **extra: Any
) -> Trajectory:
    kind = team.organisation.kind
    return register_trajectory(
        registration=Registration(
            team=team,
            owner=owner,
            framework="verontrusting" if kind == "OCJ" else "vos",
            youth_judge_reference="" if kind == "OCJ" else "AN.26.J1.0001",
            reason="We maken ons zorgen over de veiligheid thuis.",
            goal="Noor kan veilig thuis wonen.",
            children=[
                ChildInput(
                    first_name=child,
                    last_name="Peeters",
                    date_of_birth=datetime.date(2017, 3, 12),
                    gender="f",
                    safety_answer=answer,
                    safety_basis="Gesprek met de school.",
                    next_step="Huisbezoek plannen.",
                    urgency="regular" if answer != "no" else "today",
                )
            ],
            adults=[AdultInput(first_name="An", last_name="Peeters", relation_kind="mother")],
            **extra,
        ),
        actor=owner,
    )


@dataclass
class World:
    """One trajectory and everyone who may or may not see it."""

    ocj: Organisation
    team: Team
    trajectory: Trajectory
    other_trajectory: Trajectory
    owner: User
    team_lead: User
    worker: User
    worker_elsewhere: User
    other_consultant: User
    expired: User
    parent: User
    parent_elsewhere: User
    # Family accounts without a grant until `grant_network_and_young_person(world)`.
    network_member: User
    young_person: User
    auditor: User
    admin: User
    shared_entry: JournalEntry
    private_entry: JournalEntry
    task: Task

    def personas(self) -> dict[str, User | None]:
        return {
            "owner": self.owner,
            "team_lead": self.team_lead,
            "worker": self.worker,
            "worker_elsewhere": self.worker_elsewhere,
            "other_consultant": self.other_consultant,
            "expired": self.expired,
            "parent": self.parent,
            "parent_elsewhere": self.parent_elsewhere,
            "network_member": self.network_member,
            "young_person": self.young_person,
            "auditor": self.auditor,
            "anonymous": None,
        }


@pytest.fixture
def world(db: Any) -> World:
    ocj = Organisation.objects.create(name="OCJ Test", kind=OrganisationKind.OCJ, region_code="GNT")
    sdj = Organisation.objects.create(name="SDJ Test", kind=OrganisationKind.SDJ, region_code="ANT")
    private = Organisation.objects.create(name="vzw Test", kind=OrganisationKind.PRIVATE)
    team = Team.objects.create(organisation=ocj, name="Team 1")
    other_team = Team.objects.create(organisation=sdj, name="Team 2")
    owner, team_lead = make_user("owner"), make_user("lead")
    worker, worker_elsewhere = make_user("worker"), make_user("worker2")
    other_consultant, expired = make_user("consultant2"), make_user("expired")
    parent, parent_elsewhere = make_user("parent"), make_user("parent2")
    network_member, young_person = make_user("netwerk"), make_user("jongere")
    auditor, admin = make_user("auditor"), make_user("admin", is_staff=True, is_superuser=True)
    member(owner, ocj, Role.CONSULENT, team)
    member(team_lead, ocj, Role.TEAMVERANTWOORDELIJKE, team)
    member(worker, private, Role.HULPVERLENER)
    member(worker_elsewhere, private, Role.HULPVERLENER)
    member(other_consultant, sdj, Role.CONSULENT, other_team)
    member(expired, private, Role.HULPVERLENER)
    member(auditor, ocj, Role.AUDITOR)
    member(admin, ocj, Role.ADMIN)
    trajectory = register(team, owner)
    other = register(other_team, other_consultant, child="Mila")
    # Each trajectory has its worker and its parent (the mother), granted by its consultant.
    by_trajectory = (
        (trajectory, owner, worker, parent),
        (other, other_consultant, worker_elsewhere, parent_elsewhere),
    )
    for case_file, consultant, case_worker, _mama in by_trajectory:
        services.grant_access(
            trajectory=case_file,
            user=case_worker,
            role=CaseRole.HULPVERLENER,
            reason="Begeleiding",
            actor=consultant,
        )
    past = timezone.now() - datetime.timedelta(days=30)
    CaseGrant.objects.create(
        trajectory=trajectory,
        user=expired,
        role=CaseRole.HULPVERLENER,
        reason="Vroeger",
        granted_by=owner,
        valid_from=past,
        valid_until=past + datetime.timedelta(days=10),
    )
    for case_file, consultant, _case_worker, mama in by_trajectory:
        services.grant_access(
            trajectory=case_file,
            user=mama,
            role=CaseRole.OUDER,
            person=Person.objects.get(trajectory=case_file, is_child=False),
            reason="Mama",
            actor=consultant,
        )
    shared = JournalEntry.objects.create(
        trajectory=trajectory,
        kind=ContactKind.HOME_VISIT,
        text="GEDEELD: we spraken af om elke week te bellen.",
        audience=Audience.PARENTS,
        created_by=owner,
    )
    private_entry = JournalEntry.objects.create(
        trajectory=trajectory,
        kind=ContactKind.PHONE,
        text="ALLEEN-PROF: melding van de school.",
        audience=Audience.PROFESSIONALS,
        created_by=owner,
    )
    task = Task.objects.create(
        trajectory=trajectory, title="Huisbezoek plannen", created_by=owner, assignee=worker
    )
    trajectory.refresh_from_db()
    return World(
        ocj=ocj,
        team=team,
        trajectory=trajectory,
        other_trajectory=other,
        owner=owner,
        team_lead=team_lead,
        worker=worker,
        worker_elsewhere=worker_elsewhere,
        other_consultant=other_consultant,
        expired=expired,
        parent=parent,
        parent_elsewhere=parent_elsewhere,
        network_member=network_member,
        young_person=young_person,
        auditor=auditor,
        admin=admin,
        shared_entry=shared,
        private_entry=private_entry,
        task=task,
    )


# Born in 2012: old enough (12 or more) for an account of her own as a young person.
YOUNG_PERSON_BORN = datetime.date(2012, 3, 12)


def grant_network_and_young_person(world: World) -> None:
    """Give the world's two other family personas their grants, as the parent has hers.

    - `network_member`: oma Maria, a member of the safety network (a NetworkMember and its
      person, as `people.tests.network_world.ensure_member` makes them), role NETWERK;
    - `young_person`: Noor herself, the child of the trajectory, role JONGERE; her date of
      birth moves to 2012 so she is 12 or older.

    Not part of `world` itself: one more person in the world's trajectory changes what many
    tests find there (`Person.objects.get(trajectory=..., is_child=False)`), and an older Noor
    what others print. The permission matrix (and the audit tests through it) call this.
    Calling it twice changes nothing.
    """
    from samenopweg.people.tests import network_world as netwerk

    trajectory = world.trajectory
    if CaseGrant.objects.filter(trajectory=trajectory, user=world.network_member).exists():
        return
    grandma = netwerk.ensure_member(world).person
    services.grant_access(
        trajectory=trajectory,
        user=world.network_member,
        role=CaseRole.NETWERK,
        person=grandma,
        reason="Oma Maria, in het veiligheidsnetwerk",
        actor=world.owner,
    )
    noor = Person.objects.get(trajectory=trajectory, is_child=True)
    Person.objects.filter(pk=noor.pk).update(date_of_birth=YOUNG_PERSON_BORN)
    noor.refresh_from_db()
    services.grant_access(
        trajectory=trajectory,
        user=world.young_person,
        role=CaseRole.JONGERE,
        person=noor,
        reason="Noor zelf",
        actor=world.owner,
    )

"""factory-boy factories for the main models, with Flemish names (Faker, locale nl_BE).

    from tests.factories import JournalEntryFactory, TrajectoryFactory

    trajectory = TrajectoryFactory()                   # an OCJ trajectory, its owner consultant
    entry = JournalEntryFactory(trajectory=trajectory) # written by that owner
    goal = SafetyGoalFactory(danger_statement__trajectory=trajectory)

Each factory sets only the fields its model needs and leaves the rest to the model's defaults
(the audience is PROFESSIONALS unless a test says otherwise, the version 1, nothing withdrawn).
Items follow their parent: a goal belongs to its statement's trajectory, a rule to its plan's,
a network member's person to the member's trajectory, and every item is written by the
trajectory's owner (`created_by`), so one trajectory's items share it.

The objects are made through the models, not the services: no audit rows, no history rows,
no safety question. Use the services (or `conftest.register`) when a test is about those.
A trajectory made here:

- takes its reference from `ReferenceCounter` like `register_trajectory`, so references made
  later by the service do not collide with it;
- belongs to its team's organisation, with a framework that fits the organisation's kind;
- gives its owner a consultant membership of the team (unless they have one) and a current
  consultant grant, so the owner sees it through `visible_trajectories`;
- leaves the denormalised columns empty: no safety answer yet (`safety_status` blank, so the
  dashboard shows the question as due) and `search_text` only the reference; call
  `cases.services.refresh_search_text(trajectory)` after adding persons when a test searches.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

import factory
from django.db.models import F
from django.utils import timezone
from factory.django import DjangoModelFactory, Password

from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User
from samenopweg.assessments.models import (
    DangerStatement,
    MapCategory,
    MapEntry,
    ProfessionalView,
    SafetyGoal,
)
from samenopweg.cases.models import CaseGrant, CaseRole, ReferenceCounter, Trajectory
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry, Task
from samenopweg.people.models import NetworkKind, NetworkMember, Person
from samenopweg.safety_plans.models import PlanKind, PlanRule, SafetyPlan, Story, StoryKind

T = TypeVar("T")

LOCALE = "nl_BE"
PASSWORD = "pw-factory"


def fake(provider: str, **options: Any) -> factory.Faker:
    return factory.Faker(provider, locale=LOCALE, **options)


# --- accounts -------------------------------------------------------------------------------


class UserFactory(DjangoModelFactory[User]):
    """An account without any membership: as such a family or network account."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = fake("first_name")
    last_name = fake("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = Password(PASSWORD)


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"OCJ Fabriek {n}")
    kind = OrganisationKind.OCJ
    region_code = "GNT"

    class Params:
        sdj = factory.Trait(
            kind=OrganisationKind.SDJ,
            region_code="ANT",
            name=factory.Sequence(lambda n: f"SDJ Fabriek {n}"),
        )
        private = factory.Trait(
            kind=OrganisationKind.PRIVATE,
            region_code="",
            name=factory.Sequence(lambda n: f"vzw Fabriek {n}"),
        )


class TeamFactory(DjangoModelFactory[Team]):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class MembershipFactory(DjangoModelFactory[Membership]):
    """A consultant of a team, unless told otherwise (`role=`, `team=None` for no team)."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    organisation = factory.LazyAttribute(
        lambda m: m.team.organisation if m.team is not None else OrganisationFactory()
    )
    role = Role.CONSULENT


class ConsultantFactory(UserFactory):
    """A consultant with a membership of a (new, or the given) team: `ConsultantFactory(team=t)`."""

    class Params:
        team = factory.SubFactory(TeamFactory)

    membership = factory.RelatedFactory(
        MembershipFactory, "user", team=factory.SelfAttribute("..team"), role=Role.CONSULENT
    )


class WorkerFactory(UserFactory):
    """A youth-care worker (hulpverlener) of a private organisation."""

    class Params:
        organisation = factory.SubFactory(OrganisationFactory, private=True)

    membership = factory.RelatedFactory(
        MembershipFactory,
        "user",
        team=None,
        organisation=factory.SelfAttribute("..organisation"),
        role=Role.HULPVERLENER,
    )


# --- the trajectory and who may see it ------------------------------------------------------


def next_reference(team: Team, registered_on: datetime.date) -> str:
    """The next reference of the team's organisation and year, from the same counter
    `cases.services.register_trajectory` uses (OCJ-GNT-2026-00042)."""
    organisation = team.organisation
    prefix = f"{organisation.kind}-{organisation.region_code or 'VL'}".upper()
    counter, _created = ReferenceCounter.objects.get_or_create(
        prefix=prefix, year=registered_on.year
    )
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db(fields=["last_number"])
    return f"{prefix}-{registered_on.year}-{counter.last_number:05d}"


def give_owner_access(trajectory: Trajectory, create: bool, extracted: Any, **kwargs: Any) -> None:
    """The owner is a consultant of the team with a current grant, as after registration
    (`TrajectoryFactory(owner_access=False)` leaves both out)."""
    if not create or extracted is False:
        return
    if not Membership.objects.filter(
        user=trajectory.owner,
        team=trajectory.team,
        role__in=[Role.CONSULENT, Role.TEAMVERANTWOORDELIJKE],
        is_active=True,
    ).exists():
        Membership.objects.create(
            user=trajectory.owner,
            organisation=trajectory.organisation,
            team=trajectory.team,
            role=Role.CONSULENT,
        )
    CaseGrant.objects.create(
        trajectory=trajectory,
        user=trajectory.owner,
        role=CaseRole.CONSULENT,
        reason="Consulent van het traject",
        granted_by=trajectory.owner,
    )


class TrajectoryFactory(DjangoModelFactory[Trajectory]):
    class Meta:
        model = Trajectory
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    organisation = factory.SelfAttribute("team.organisation")
    owner = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("owner")
    registered_on = factory.LazyFunction(timezone.localdate)
    reference = factory.LazyAttribute(lambda t: next_reference(t.team, t.registered_on))
    search_text = factory.LazyAttribute(lambda t: t.reference.casefold())
    framework = factory.LazyAttribute(
        lambda t: "vos" if t.organisation.kind == OrganisationKind.SDJ else "verontrusting"
    )
    youth_judge_reference = factory.LazyAttribute(
        lambda t: "AN.26.J1.0001" if t.organisation.kind == OrganisationKind.SDJ else ""
    )
    reason = "We maken ons zorgen over de veiligheid thuis."
    goal = "De kinderen kunnen veilig thuis wonen."

    owner_access = factory.PostGeneration(give_owner_access)


class PersonFactory(DjangoModelFactory[Person]):
    """An adult of the trajectory; `PersonFactory(child=True)` for one of its children."""

    class Meta:
        model = Person

    trajectory = factory.SubFactory(TrajectoryFactory)
    first_name = fake("first_name")
    last_name = fake("last_name")
    audience = Audience.PARENTS

    class Params:
        child = factory.Trait(
            is_child=True,
            audience=Audience.CHILD,
            date_of_birth=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=365 * 9)
            ),
        )


class CaseGrantFactory(DjangoModelFactory[CaseGrant]):
    """Access for a youth-care worker, unless told otherwise.

    `CaseGrantFactory(family=True, role=CaseRole.OUDER)` links a family account to a new
    person of the trajectory (pass `person=` for an existing one).
    """

    class Meta:
        model = CaseGrant

    trajectory = factory.SubFactory(TrajectoryFactory)
    user = factory.SubFactory(WorkerFactory)
    role = CaseRole.HULPVERLENER
    reason = "Begeleiding"
    granted_by = factory.SelfAttribute("trajectory.owner")

    class Params:
        family = factory.Trait(
            user=factory.SubFactory(UserFactory),
            role=CaseRole.OUDER,
            person=factory.SubFactory(
                PersonFactory, trajectory=factory.SelfAttribute("..trajectory")
            ),
        )


# --- items of a trajectory ------------------------------------------------------------------


class ItemFactory(DjangoModelFactory[T]):
    """Written by the trajectory's owner."""

    class Meta:
        abstract = True

    trajectory: Any = factory.SubFactory(TrajectoryFactory)
    created_by = factory.SelfAttribute("trajectory.owner")


class JournalEntryFactory(ItemFactory[JournalEntry]):
    class Meta:
        model = JournalEntry

    kind = ContactKind.HOME_VISIT
    text = fake("paragraph", nb_sentences=2)

    @classmethod
    def _adjust_kwargs(cls, **kwargs: Any) -> dict[str, Any]:
        # The author column was `author` before the journal moved to cases.items.
        field_names = {f.name for f in JournalEntry._meta.get_fields()}
        if "created_by" not in field_names and "author" in field_names:
            kwargs["author"] = kwargs.pop("created_by")
        return kwargs


class TaskFactory(ItemFactory[Task]):
    class Meta:
        model = Task

    title = fake("sentence", nb_words=4)


class MapEntryFactory(ItemFactory[MapEntry]):
    """A line on the map, in the consultant's view (a line needs someone's view)."""

    class Meta:
        model = MapEntry

    category = MapCategory.STRENGTH
    text = fake("sentence", nb_words=8)
    view_of_role = ProfessionalView.CONSULENT


def set_children(statement: DangerStatement, create: bool, extracted: Any, **kwargs: Any) -> None:
    """About the given children (`children=[...]`), else every child of the trajectory."""
    if not create:
        return
    if extracted is None:
        extracted = Person.objects.filter(trajectory=statement.trajectory, is_child=True)
    statement.children.set(extracted)


class DangerStatementFactory(ItemFactory[DangerStatement]):
    """About every child of the trajectory at the time it is made."""

    class Meta:
        model = DangerStatement
        skip_postgeneration_save = True

    who_is_worried = "De school en de consulent"
    behaviour = "papa roept en slaat als hij gedronken heeft"
    impact = "de kinderen bang zijn om naar huis te gaan"
    fear = "de kinderen gewond raken"

    children = factory.PostGeneration(set_children)


class SafetyGoalFactory(ItemFactory[SafetyGoal]):
    class Meta:
        model = SafetyGoal

    danger_statement = factory.SubFactory(DangerStatementFactory)
    trajectory = factory.SelfAttribute("danger_statement.trajectory")
    parents_and_network_will = "Papa belt oma als hij wil drinken."
    child_will_experience = "De kinderen voelen zich rustig thuis."
    professionals_will_see = "Bij elk huisbezoek is papa nuchter."
    for_how_long = "zes maanden"


class SafetyPlanFactory(ItemFactory[SafetyPlan]):
    """The lasting safety plan (one of each kind per trajectory: made once, then found)."""

    class Meta:
        model = SafetyPlan
        django_get_or_create = ("trajectory", "kind")

    kind = PlanKind.LASTING


class PlanRuleFactory(ItemFactory[PlanRule]):
    class Meta:
        model = PlanRule

    plan = factory.SubFactory(SafetyPlanFactory)
    trajectory = factory.SelfAttribute("plan.trajectory")
    what = "Oma haalt de kinderen elke woensdag op school."
    when = "elke woensdag"
    check_how = "De school belt de consulent als oma er niet is."
    fallback = "Tante Els springt in."


class NetworkMemberFactory(ItemFactory[NetworkMember]):
    """Someone of the informal network: a new adult of the same trajectory."""

    class Meta:
        model = NetworkMember

    person = factory.SubFactory(
        PersonFactory, trajectory=factory.SelfAttribute("..trajectory"), audience=Audience.NETWORK
    )
    kind = NetworkKind.INFORMAL
    role_text = "buurvrouw"
    audience = Audience.NETWORK


class StoryFactory(ItemFactory[Story]):
    class Meta:
        model = Story

    kind = StoryKind.WHY
    title = "Waarom de diensten bij ons thuis komen"

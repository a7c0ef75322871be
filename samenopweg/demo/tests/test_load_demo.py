"""The demo loader: only in DEMO_MODE, idempotent, and with the access rules the demo shows."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import HttpRequest
from django.test import Client
from django.utils import timezone

from samenopweg.accounts.models import Membership, Organisation, Role, User
from samenopweg.assessments.models import (
    CATEGORY_COLUMN,
    BottomLine,
    CommentKind,
    DangerStatement,
    MapColumn,
    MapEntry,
    MappingSession,
    SafetyGoal,
    ScalingRound,
    ScalingScore,
    SharedVersion,
    StatementComment,
    StatementSet,
    StatementStatus,
)
from samenopweg.cases.access import led_team_ids, visible_trajectories
from samenopweg.cases.models import (
    Alert,
    AlertKind,
    CaseGrant,
    CaseRole,
    Notification,
    SafetyAnswer,
    Stage,
    Trajectory,
)
from samenopweg.demo import builders
from samenopweg.journal.models import JournalEntry, Task
from samenopweg.people.models import Person, RelationKind

FAMILY_ACCOUNTS = ["ouder", "netwerk", "jongere"]
USERNAMES = ["consulent", "teamleider", "hulpverlener", "consulent2", "admin", "auditor"]
USERNAMES += FAMILY_ACCOUNTS


@pytest.fixture(autouse=True)
def demo_settings(settings: Any) -> Any:
    settings.DEMO_MODE = True
    # A fast hasher: the loader hashes `demo` for nine accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
        "trajectories": Trajectory.objects.count(),
        "persons": Person.objects.count(),
        "grants": CaseGrant.objects.count(),
        "journal": JournalEntry.objects.count(),
        "tasks": Task.objects.count(),
        "alerts": Alert.objects.count(),
        "map_entries": MapEntry.objects.count(),
        "danger_statements": DangerStatement.objects.count(),
        "safety_goals": SafetyGoal.objects.count(),
        "scaling_scores": ScalingScore.objects.count(),
        "shared_versions": SharedVersion.objects.count(),
    }


@pytest.mark.django_db
def test_creates_the_demo_users_and_prints_the_logins() -> None:
    output = load()

    for username in USERNAMES:
        user = User.objects.get(username=username)
        assert user.check_password("demo")
        assert user.email == f"{username}@demo.samenopweg.invalid"
        assert f"{username} " in output
    assert "consulent" in output and "demo —" in output
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert Membership.objects.filter(user=admin, role=Role.ADMIN, team__isnull=True).exists()
    assert Membership.objects.filter(
        user__username="auditor", role=Role.AUDITOR, team__isnull=True
    ).exists()
    # Family and network accounts hold no membership: only a grant on their own trajectory.
    assert not Membership.objects.filter(user__username__in=FAMILY_ACCOUNTS).exists()

    assert Trajectory.objects.filter(organisation__kind="OCJ").count() == 5
    assert Trajectory.objects.filter(organisation__kind="SDJ").count() == 2
    assert Trajectory.objects.filter(owner__username="consulent").count() == 5
    stages = set(Trajectory.objects.values_list("stage", flat=True))
    assert {
        Stage.AANMELDING,
        Stage.IN_KAART,
        Stage.PLAN,
        Stage.OPVOLGING,
        Stage.AFGESLOTEN,
    } <= stages
    closed = Trajectory.objects.get(stage=Stage.AFGESLOTEN)
    assert closed.stage_changes.get(to_stage=Stage.AFGESLOTEN).reason
    for trajectory in Trajectory.objects.all():
        assert JournalEntry.objects.filter(trajectory=trajectory).exists()
        assert Task.objects.filter(trajectory=trajectory).exists()
        assert trajectory.safety_status


EXPECTED_STATUS: dict[str, str] = {
    Stage.AANMELDING: StatementStatus.DRAFT,
    Stage.IN_KAART: StatementStatus.DRAFT,
    Stage.PLAN: StatementStatus.DISCUSSED,
    Stage.OPVOLGING: StatementStatus.SHARED,
    Stage.AFGESLOTEN: StatementStatus.SHARED,
}


@pytest.mark.django_db
def test_every_family_has_a_map_statements_and_scaling() -> None:
    load()

    for trajectory in Trajectory.objects.all():
        mine = {"trajectory": trajectory}
        categories = set(MapEntry.objects.filter(**mine).values_list("category", flat=True))
        assert {CATEGORY_COLUMN[c] for c in categories} == set(MapColumn.values)
        assert MappingSession.objects.filter(**mine).exists()
        assert DangerStatement.objects.filter(**mine, goals__isnull=False).exists()
        assert BottomLine.objects.filter(**mine).exists()
        assert ScalingRound.objects.filter(**mine).count() >= 2
        # Everything is written by the family's own consultant.
        assert set(MapEntry.objects.filter(**mine).values_list("created_by", flat=True)) == {
            trajectory.owner_id
        }
        statement_set = StatementSet.objects.get(**mine)
        assert statement_set.status == EXPECTED_STATUS[trajectory.stage]
        assert statement_set.shared_versions.exists() == (
            statement_set.status == StatementStatus.SHARED
        )
    disagreements = StatementComment.objects.filter(kind=CommentKind.DISAGREEMENT)
    assert disagreements.values("trajectory").distinct().count() >= 2
    assert ScalingRound.objects.filter(trajectory__stage=Stage.AFGESLOTEN).exists()


@pytest.mark.django_db
def test_families_have_immediate_agreements_and_plans_with_check_ins() -> None:
    from samenopweg.safety_plans.models import (
        CheckOutcome,
        PlanKind,
        PlanStatus,
        RuleCheckIn,
        SafetyPlan,
    )
    from samenopweg.safety_plans.selectors import plan_signals

    load()
    open_immediate = SafetyPlan.objects.filter(kind=PlanKind.IMMEDIATE).exclude(
        status=PlanStatus.ENDED
    )
    assert open_immediate.count() >= 3
    active = SafetyPlan.objects.filter(kind=PlanKind.LASTING, status=PlanStatus.ACTIVE)
    assert active.count() >= 2
    assert all(plan.is_confirmed for plan in active)
    assert RuleCheckIn.objects.filter(outcome=CheckOutcome.DID_NOT).exists()
    # The worker wrote the plans of the families they work with; the consultant confirmed.
    worker = User.objects.get(username="hulpverlener")
    assert SafetyPlan.objects.filter(created_by=worker).exists()
    signals = plan_signals(list(Trajectory.objects.values_list("pk", flat=True)))
    assert any(s.broken for s in signals.values())
    assert any(s.review_overdue for s in signals.values())
    # A closed trajectory keeps its plan: the network goes on with it.
    assert SafetyPlan.objects.filter(
        trajectory__stage=Stage.AFGESLOTEN, status=PlanStatus.ACTIVE
    ).exists()


@pytest.mark.django_db
def test_an_older_demo_without_the_what_gets_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(builders, "write_what", lambda family: 0)
        load()
    assert not MapEntry.objects.exists()
    persons = Person.objects.count()

    load()
    after = counts()
    load()

    assert Person.objects.count() == persons
    assert counts() == after
    assert after["map_entries"] and after["scaling_scores"]
    # Every open trajectory got its WHAT; a closed one is only read, so it stays as it was.
    with_statements = set(DangerStatement.objects.values_list("trajectory", flat=True))
    trajectories = Trajectory.objects.all()
    assert with_statements == {t.pk for t in trajectories if t.stage != Stage.AFGESLOTEN}


@pytest.mark.django_db
def test_second_run_creates_nothing_new() -> None:
    load()
    before = counts()
    output = load()

    assert counts() == before
    assert "consulent " in output  # the login table is printed on every run
    assert "7 trajecten bestonden al" in output
    assert "Nieuw aangemaakt: 0 gebruikers" in output


@pytest.mark.django_db
def test_refuses_without_demo_mode(settings: Any) -> None:
    settings.DEMO_MODE = False

    with pytest.raises(CommandError, match="DEMO_MODE"):
        load()
    assert not User.objects.filter(username__in=USERNAMES).exists()
    assert not Trajectory.objects.exists()


@pytest.mark.django_db
def test_sdj_consultant_sees_only_own_trajectories() -> None:
    load()
    consulent2 = User.objects.get(username="consulent2")

    visible = visible_trajectories(consulent2)

    assert visible.count() == 2
    assert not visible.filter(organisation__kind="OCJ").exists()
    assert set(visible.values_list("framework", flat=True)) == {"vos", "mof"}
    assert all(t.youth_judge_reference for t in visible)


@pytest.mark.django_db
def test_hulpverlener_sees_only_granted_trajectories() -> None:
    load()
    hulpverlener = User.objects.get(username="hulpverlener")
    granted = set(
        CaseGrant.objects.current()
        .filter(user=hulpverlener, role=CaseRole.HULPVERLENER)
        .values_list("trajectory_id", flat=True)
    )

    visible = set(visible_trajectories(hulpverlener).values_list("pk", flat=True))

    assert len(granted) == 3
    assert visible == granted
    assert Trajectory.objects.filter(organisation__kind="OCJ").count() > len(visible)


@pytest.mark.django_db
def test_parent_is_linked_to_the_mother() -> None:
    load()
    ouder = User.objects.get(username="ouder")

    grant = CaseGrant.objects.get(user=ouder)

    assert grant.role == CaseRole.OUDER
    assert grant.person is not None
    assert grant.person.relations.filter(kind=RelationKind.MOTHER).exists()
    assert list(visible_trajectories(ouder)) == [grant.trajectory]


@pytest.mark.django_db
def test_team_lead_sees_acute_alert_and_an_overdue_check() -> None:
    load()
    lead = User.objects.get(username="teamleider")
    teams = led_team_ids(lead)

    alerts = Alert.objects.filter(
        team_id__in=teams, kind=AlertKind.ACUTE_UNSAFE, acknowledged_at__isnull=True
    )

    assert alerts.exists()
    assert alerts.first().trajectory.safety_status == SafetyAnswer.NO  # type: ignore[union-attr]
    assert Notification.objects.filter(recipient=lead, alert__in=alerts).exists()
    team_trajectories = visible_trajectories(lead).filter(team_id__in=teams)
    assert team_trajectories.count() == 5
    statuses = set(team_trajectories.values_list("safety_status", flat=True))
    assert statuses == {SafetyAnswer.NO, SafetyAnswer.UNCLEAR, SafetyAnswer.YES}
    overdue = [t for t in team_trajectories if t.safety_check_overdue]
    assert len(overdue) == 1
    assert overdue[0].stage == Stage.OPVOLGING


@pytest.mark.django_db
def test_families_have_a_safety_network_with_lasting_adults_and_a_chair() -> None:
    from samenopweg.people.models import (
        ChildSupport,
        ContactBan,
        NetworkMeeting,
        NetworkMember,
        SupportRole,
        Tie,
    )

    load()
    with_network = Trajectory.objects.filter(
        pk__in=NetworkMember.objects.values("trajectory")
    ).distinct()
    assert with_network.count() >= 4
    for trajectory in with_network:
        assert NetworkMember.objects.filter(trajectory=trajectory, is_chair=True).count() == 1
    assert ChildSupport.objects.filter(
        role=SupportRole.LASTING_ADULT, confirmed_on__isnull=False
    ).exists()
    assert ChildSupport.objects.filter(role=SupportRole.TRUSTED_PERSON).exists()
    assert ContactBan.objects.filter(audience=0).exists()
    assert NetworkMeeting.objects.filter(attendees__isnull=False).exists()
    assert {m.tie for m in NetworkMember.objects.all()} >= {Tie.STRONG, Tie.WEAK, Tie.STRESSFUL}


@pytest.mark.django_db
def test_families_have_a_words_and_pictures_story_with_drawings() -> None:
    from samenopweg.safety_plans.models import Story, StoryPage, StoryVersion

    load()
    assert Story.objects.count() >= 2
    pages = StoryPage.objects.all()
    assert pages.count() >= 5
    assert all(p.picture is not None and p.picture_alt for p in pages)
    assert StoryVersion.objects.count() == Story.objects.count()


def family_grant(username: str) -> CaseGrant:
    user = User.objects.get(username=username)
    grant = CaseGrant.objects.current().get(user=user)
    assert list(visible_trajectories(user)) == [grant.trajectory]
    assert grant.person is not None and grant.person.trajectory_id == grant.trajectory_id
    return grant


@pytest.mark.django_db
def test_the_network_chair_and_the_young_person_have_their_own_grants() -> None:
    from samenopweg.people.models import NetworkMember

    load()
    ouder, netwerk, jongere = (family_grant(name) for name in FAMILY_ACCOUNTS)

    # All three belong to the same family, each linked to their own person in the file.
    assert ouder.trajectory == netwerk.trajectory == jongere.trajectory
    assert netwerk.role == CaseRole.NETWERK
    assert netwerk.person is not None and not netwerk.person.is_child
    assert NetworkMember.objects.filter(
        trajectory=netwerk.trajectory, person=netwerk.person, is_chair=True
    ).exists()
    assert jongere.role == CaseRole.JONGERE
    child = jongere.person
    assert child is not None and child.is_child and child.date_of_birth is not None
    today = timezone.localdate()
    age = (
        today.year
        - child.date_of_birth.year
        - ((today.month, today.day) < (child.date_of_birth.month, child.date_of_birth.day))
    )
    assert age == 15
    # Given through the grant service, by the family's consultant, with a reason.
    for grant in (netwerk, jongere):
        assert grant.granted_by == grant.trajectory.owner
        assert grant.reason


def page_of(username: str) -> str:
    """The family page of a demo login, after logging in with the demo password."""
    client = Client()
    # django-axes guards the login: it wants the request the attempt comes from.
    assert client.login(request=HttpRequest(), username=username, password="demo")
    home = client.get("/mijn/")
    assert home.status_code == 200
    reference = CaseGrant.objects.current().get(user__username=username).trajectory.reference
    assert reference in home.content.decode()
    page = client.get(f"/mijn/{reference}/")
    assert page.status_code == 200
    return page.content.decode()


# What the Aerts family's file holds, by who may read it (see families/aerts.py).
ONLY_PROFESSIONALS_TEXT = "Gesprek met Jonas alleen"  # a journal entry
PARENTS_TEXT = "Eerste huisbezoek. Katrien en Dirk erkennen"  # a journal entry
NETWORK_TEXT = "Eerste netwerkoverleg bij tante Greet"  # a journal entry
NETWORK_TASK = "Veiligheidsplan op papier zetten met het netwerk"
PROFESSIONALS_TASK = "Veiligheidsschaal opnieuw vragen aan Jonas"
REASON = "We maken ons zorgen omdat Dirk veel drinkt"  # why the services are involved
BANNED = "Patrick"  # a contact ban: professionals only


@pytest.mark.django_db
def test_family_logins_reach_their_page_and_see_only_what_is_shared_with_them() -> None:
    load()
    ouder, netwerk, jongere = (page_of(name) for name in FAMILY_ACCOUNTS)
    for page in (ouder, netwerk, jongere):
        assert "Jonas" in page
        for hidden in (ONLY_PROFESSIONALS_TEXT, PROFESSIONALS_TASK, BANNED):
            assert hidden not in page

    # The parent reads what is shared with the parents and wider, and why we are involved.
    for shown in (PARENTS_TEXT, NETWORK_TEXT, NETWORK_TASK, REASON):
        assert shown in ouder
    # The network chair reads what is shared with the network, not what is for the parents.
    assert NETWORK_TEXT in netwerk and NETWORK_TASK in netwerk
    assert PARENTS_TEXT not in netwerk and REASON not in netwerk
    # The young person reads only what is written for him.
    for hidden in (PARENTS_TEXT, NETWORK_TEXT, NETWORK_TASK, REASON):
        assert hidden not in jongere


@pytest.mark.django_db
def test_every_open_family_has_heard_a_child() -> None:
    """The child's voice in the demo: a session per open family, the three tools, a
    spokesperson for the toddler, a drawing, the safety path, a quote linked to a goal."""
    from samenopweg.child_voice.models import (
        ChildWords,
        Drawing,
        Spokesperson,
        Tool,
        VoiceSession,
        WordsLink,
    )

    load()
    for trajectory in Trajectory.objects.exclude(stage=Stage.AFGESLOTEN):
        assert VoiceSession.objects.filter(trajectory=trajectory).exists(), trajectory
    tools = set(VoiceSession.objects.values_list("tool", flat=True))
    assert tools == set(Tool.values)
    assert Spokesperson.objects.filter(child__date_of_birth__isnull=False).exists()
    assert Drawing.objects.exists()
    assert ChildWords.objects.filter(path_position__isnull=False).count() >= 2
    assert WordsLink.objects.filter(safety_goal__isnull=False).exists()
    assert ChildWords.objects.filter(child_agreed=True, audience__gt=0).exists()

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
from samenopweg.core.models import Audience
from samenopweg.demo import builders
from samenopweg.demo import feedback as demo_feedback
from samenopweg.feedback.models import (
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    Party,
    VersionKind,
)
from samenopweg.journal.models import JournalEntry, Task
from samenopweg.people.models import Person, RelationKind

FAMILY_ACCOUNTS = ["ouder", "netwerk", "jongere"]
USERNAMES = ["consulent", "teamleider", "hulpverlener", "consulent2", "admin", "auditor"]
USERNAMES += [*FAMILY_ACCOUNTS, "netwerk2", "ouder2"]


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
        "expectations": Expectation.objects.count(),
        "cadences": FeedbackCadence.objects.count(),
        "feedback_rounds": FeedbackRound.objects.count(),
        "feedback_signals": FeedbackSignal.objects.count(),
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
    assert not Membership.objects.filter(
        user__username__in=[*FAMILY_ACCOUNTS, "netwerk2", "ouder2"]
    ).exists()

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
    Stage.PLAN: StatementStatus.SHARED,  # shared before the plan: the family knows the worries
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
    for shown in (PARENTS_TEXT, NETWORK_TEXT, REASON):
        assert shown in ouder
    # The network chair reads what is shared with the network, not what is for the parents.
    assert NETWORK_TEXT in netwerk
    assert PARENTS_TEXT not in netwerk and REASON not in netwerk
    # The worker's late task is shared with the network but is not theirs: only tasks given to
    # someone show on their page, so a late task never looks like the family's fault.
    assert NETWORK_TASK not in ouder and NETWORK_TASK not in netwerk
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


def parent_line(trajectory: Trajectory, respondent_id: int) -> list[int]:
    """The "alles samen" score of one parent's rounds, oldest first."""
    rounds = FeedbackRound.objects.filter(
        trajectory=trajectory, version_kind=VersionKind.PARENT, respondent_id=respondent_id
    ).order_by("held_on", "id")
    return [r.score_4 for r in rounds]


@pytest.mark.django_db
def test_every_family_past_registration_has_expectations_and_three_parent_rounds() -> None:
    from samenopweg.audit.models import AuditEvent
    from samenopweg.feedback.selectors import cadence_weeks, overdue_feedback

    load()
    today = timezone.localdate()
    past_registration = Trajectory.objects.exclude(stage=Stage.AANMELDING)
    assert past_registration.count() == 6  # the closed one too: written before it closed
    for trajectory in past_registration:
        mine = {"trajectory": trajectory}
        expectations = Expectation.objects.filter(**mine, withdrawn_at__isnull=True)
        assert set(expectations.values_list("party", flat=True)) == set(Party.values), trajectory
        assert all(e.written_on >= trajectory.registered_on for e in expectations)
        child = expectations.get(party=Party.CHILD).child
        assert child is not None and child.trajectory_id == trajectory.pk
        parent_rounds = FeedbackRound.objects.filter(**mine, version_kind=VersionKind.PARENT)
        assert parent_rounds.count() >= 3, trajectory
        # Three sittings in the past, within the last 18 weeks, at most a cadence apart.
        held = sorted(set(parent_rounds.values_list("held_on", flat=True)))
        weeks, _row = cadence_weeks(trajectory)
        assert len(held) >= 3
        assert trajectory.registered_on <= held[0] and (today - held[0]).days <= 18 * 7
        assert held[-1] < today
        assert all((b - a).days <= weeks * 7 for a, b in zip(held, held[1:], strict=False))
    assert not Expectation.objects.filter(trajectory__stage=Stage.AANMELDING).exists()
    assert not FeedbackRound.objects.filter(trajectory__stage=Stage.AANMELDING).exists()
    # Every version is in the demo; the child's only from a child of 8 or older.
    assert set(FeedbackRound.objects.values_list("version_kind", flat=True)) == set(
        VersionKind.values
    )
    for child_round in FeedbackRound.objects.filter(version_kind=VersionKind.CHILD):
        assert child_round.respondent is not None and child_round.respondent.is_child
        age = child_round.respondent.age_on(child_round.held_on)
        assert age is not None and age >= demo_feedback.CHILD_ROUND_FROM
    # Both ways between the professionals, each answered by themselves on the case.
    for version in (VersionKind.CONSULTANT_ABOUT_WORKER, VersionKind.WORKER_ABOUT_CONSULTANT):
        rounds = FeedbackRound.objects.filter(version_kind=version)
        assert rounds.exists()
        assert all(r.created_by_id == r.respondent_user_id for r in rounds)
    # A cadence of its own where six weeks does not fit, and no round is late today.
    assert FeedbackCadence.objects.exists()
    open_ids = Trajectory.objects.exclude(stage=Stage.AFGESLOTEN).values_list("pk", flat=True)
    assert overdue_feedback(list(open_ids), today) == set()
    # Written through the services: every round has its audit row.
    audited = AuditEvent.objects.filter(object_type="feedback.feedbackround")
    assert audited.count() == FeedbackRound.objects.count()


@pytest.mark.django_db
def test_one_dip_raised_a_signal_whose_loop_was_closed_and_shared() -> None:
    load()

    signal = FeedbackSignal.objects.get()  # exactly one in the demo, and none is open
    assert not signal.is_open
    assert signal.you_said and signal.we_did
    assert signal.audience == Audience.PARENTS
    assert signal.closed_by == signal.trajectory.owner
    assert signal.raised_at < signal.closed_at < timezone.now()  # type: ignore[operator]
    assert timezone.localtime(signal.raised_at).date() == signal.round.held_on
    respondent = signal.round.respondent
    assert respondent is not None
    assert parent_line(signal.trajectory, respondent.pk) == [8, 5, 8]
    # The dip is the parent login's own: Katrien, in the Aerts family.
    assert (
        CaseGrant.objects.current()
        .filter(user__username="ouder", person=respondent, trajectory=signal.trajectory)
        .exists()
    )


@pytest.mark.django_db
def test_what_the_family_reads_of_the_feedback_is_in_plain_language() -> None:
    from django.core.cache import cache

    from samenopweg.plainlanguage.checker import check
    from samenopweg.plainlanguage.terms import CACHE_KEY

    load()
    cache.delete(CACHE_KEY)  # the seeded list, not one a rolled-back test left in the cache
    texts = [text for e in Expectation.objects.all() for text in (e.expects, e.offers)]
    texts += FeedbackRound.objects.filter(
        version_kind__in=[VersionKind.PARENT, VersionKind.CHILD]
    ).values_list("open_answer", flat=True)
    texts += [t for s in FeedbackSignal.objects.all() for t in (s.you_said, s.we_did)]
    assert len(texts) > 40
    problems = []
    for text in filter(None, texts):
        report = check(text)
        problems += [f"{hit.found!r} in {text!r}" for hit in report.jargon]
        problems += [f"{s.words} woorden in {text!r}" for s in report.long_sentences]
    assert problems == []


@pytest.mark.django_db
def test_an_older_demo_without_feedback_gets_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(demo_feedback, "write_feedback", lambda family: 0)
        load()
    assert not Expectation.objects.exists() and not FeedbackRound.objects.exists()

    load()
    after = counts()
    load()

    assert counts() == after
    assert FeedbackSignal.objects.filter(closed_at__isnull=False).count() == 1
    # Every open family past registration got it; a closed one is only read.
    with_rounds = set(FeedbackRound.objects.values_list("trajectory", flat=True))
    expected = Trajectory.objects.exclude(stage__in=[Stage.AANMELDING, Stage.AFGESLOTEN])
    assert with_rounds == {t.pk for t in expected}


@pytest.mark.django_db
def test_the_closed_familys_chair_keeps_the_plan_going() -> None:
    """Desmet is closed; tante Christine (`netwerk2`) chairs its network: after the closure she
    said how two rules went and recorded a meeting, no professional follows up, and her page
    lets her go on."""
    from samenopweg.people.models import NetworkMeeting
    from samenopweg.safety_plans.models import RuleCheckIn

    load()
    desmet = Trajectory.objects.get(persons__first_name="Ruben", persons__last_name="Desmet")
    assert desmet.is_closed and desmet.closed_at is not None
    chair = User.objects.get(username="netwerk2")
    after = RuleCheckIn.objects.filter(trajectory=desmet, created_by=chair)
    assert after.count() == 2
    assert all(c.created_at >= desmet.closed_at for c in after)
    assert NetworkMeeting.objects.filter(trajectory=desmet, created_by=chair).exists()
    assert not JournalEntry.objects.filter(trajectory=desmet, created_at__gt=desmet.closed_at)
    page = page_of("netwerk2")
    assert "Ruben" in page and 'id="plan-goes-on"' in page
    assert "Vertel hoe het ging" in page


@pytest.mark.django_db
def test_the_closed_family_was_closed_through_its_checklist_and_has_contact_cards() -> None:
    """Desmet closed after the consultant ticked every point of the closure checklist (nothing
    left open in the stage change), and aunt Christine reads her own contact card."""
    from samenopweg.cases.models import StageChange
    from samenopweg.closure.selectors import checklist_of, open_points

    load()
    desmet = Trajectory.objects.get(persons__first_name="Ruben", persons__last_name="Desmet")
    checklist = checklist_of(desmet)
    assert checklist is not None and open_points(checklist) == []
    assert checklist.next_network_meeting_on is not None
    closing = StageChange.objects.get(trajectory=desmet, to_stage=Stage.AFGESLOTEN)
    assert closing.reason.startswith("Het is veilig genoeg")
    assert "Open punten" not in closing.reason
    client = Client()
    assert client.login(request=HttpRequest(), username="netwerk2", password="demo")
    card = client.get(f"/mijn/{desmet.reference}/contactkaart/")
    assert card.status_code == 200
    text = card.content.decode()
    # Whom to call: the consultant of the file; and her next network meeting.
    assert desmet.owner.get_full_name() in text
    assert "Het volgende netwerkoverleg is op" in text
    pdf = client.get(f"/mijn/{desmet.reference}/contactkaart.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_the_sdj_family_has_a_report_to_the_judge_and_the_parents_read_theirs() -> None:
    """Goossens (SDJ, VOS): the consultant's report, saved twice (one kept version), its
    parents' version shared, and Jessica (`ouder2`) reacted; she reads her version, never the
    report itself."""
    from samenopweg.reports.models import JudgeReport

    load()
    goossens = Trajectory.objects.get(persons__first_name="Finn", persons__last_name="Goossens")
    report = JudgeReport.objects.get(trajectory=goossens)
    assert (report.versions.count(), report.shares.count()) == (1, 1)
    reaction = report.reactions.get()
    assert reaction.created_by == User.objects.get(username="ouder2")
    assert not report.is_finished
    page = page_of("ouder2")
    assert f"/mijn/{goossens.reference}/jeugdrechter/" in page
    client = Client()
    assert client.login(request=HttpRequest(), username="ouder2", password="demo")
    shared = client.get(f"/mijn/{goossens.reference}/jeugdrechter/").content.decode()
    assert "We schrijven aan de rechter hoe het nu gaat." in shared
    assert report.proposal[:40] not in shared

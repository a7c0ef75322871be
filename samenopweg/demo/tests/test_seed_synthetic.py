"""seed_synthetic: a small run builds a complete, consistent synthetic data set.

Beyond the counts: the bench users see exactly their trajectories through the access rules,
the benchmark team has the sizes the benchmark measures, and every seeded row is consistent
(what it points to lies in the same trajectory, audiences are real levels). The fields the
seed computes instead of the services are checked in test_synthetic_matches_the_services.py.
"""

from __future__ import annotations

from collections import Counter
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.db.models import Count, F, Q
from django.http import Http404
from django.utils import timezone

from samenopweg.accounts.models import Membership, OrganisationKind, Role, User
from samenopweg.accounts.roles import TEAMVERANTWOORDELIJKE
from samenopweg.audit.models import AuditEvent
from samenopweg.cases.access import get_trajectory_for_user, visible_trajectories
from samenopweg.cases.models import CaseGrant, CaseRole, SafetyCheck, Stage, Trajectory
from samenopweg.core.models import Audience
from samenopweg.demo.synthetic.seed import plan_layout
from samenopweg.journal.models import JournalEntry, Task
from samenopweg.people.models import Person, Relation

N = 30


@pytest.fixture
def seeded() -> str:
    out = StringIO()
    call_command("seed_synthetic", trajectories=N, seed=7, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_counts_and_references(seeded: str) -> None:
    assert f"Seeded {N} synthetic trajectories" in seeded
    references = list(Trajectory.objects.values_list("reference", flat=True))
    assert len(references) == N
    assert len(set(references)) == N
    assert all("-SYN-" in reference for reference in references)
    assert Person.objects.filter(is_child=True).count() >= N
    assert Relation.objects.exists()
    assert JournalEntry.objects.count() >= N
    assert Task.objects.count() >= N
    assert SafetyCheck.objects.count() >= N
    assert set(Trajectory.objects.values_list("stage", flat=True)) <= set(Stage.values)
    assert not AuditEvent.objects.exists()
    # The explicit ids left the id sequences usable for ordinary inserts (PostgreSQL).
    highest = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    person = Person.objects.create(trajectory=Trajectory.objects.all()[0], first_name="Nieuw")
    assert highest is not None and person.pk > highest


def ids(queryset: Any) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


@pytest.mark.django_db
def test_bench_users_see_exactly_their_trajectories_through_the_access_rules(
    seeded: str,
) -> None:
    layout = plan_layout(N)
    consultant = User.objects.get(username="bench_consulent")
    lead = User.objects.get(username="bench_teamleider")
    worker = User.objects.get(username="bench_hulpverlener")
    for user in (consultant, lead, worker):
        assert user.check_password("bench")
    team = Membership.objects.get(user=lead, role=Role.TEAMVERANTWOORDELIJKE).team
    assert team is not None
    assert Membership.objects.filter(user=consultant, role=Role.CONSULENT, team=team).exists()
    assert Membership.objects.filter(
        user=worker, role=Role.HULPVERLENER, organisation__kind=OrganisationKind.PRIVATE
    ).exists()
    current = CaseGrant.objects.current()

    # The consultant: exactly the open trajectories they own, each through a current grant.
    mine = ids(visible_trajectories(consultant))
    assert len(mine) == layout.bench_caseload == 10
    assert mine == ids(Trajectory.objects.filter(owner=consultant))
    assert mine == set(
        current.filter(user=consultant, role=CaseRole.CONSULENT).values_list(
            "trajectory_id", flat=True
        )
    )
    assert not Trajectory.objects.filter(pk__in=mine, stage=Stage.AFGESLOTEN).exists()
    # The team lead: the whole team, without grants of their own.
    assert ids(visible_trajectories(lead)) == ids(Trajectory.objects.filter(team=team))
    assert len(ids(visible_trajectories(lead))) == layout.bench_team_size == N
    assert not CaseGrant.objects.filter(user=lead).exists()
    # The worker: exactly the trajectories of a current worker's grant, not those that ended.
    theirs = ids(visible_trajectories(worker))
    assert theirs
    assert theirs == set(
        current.filter(user=worker, role=CaseRole.HULPVERLENER).values_list(
            "trajectory_id", flat=True
        )
    )
    ended = CaseGrant.objects.filter(user=worker).exclude(pk__in=current.values("pk"))
    assert not theirs & set(ended.values_list("trajectory_id", flat=True))

    # One trajectory at a time, with the role each gets on it (or a 404 when not theirs).
    outside = Trajectory.objects.exclude(pk__in=mine | theirs).first()
    assert outside is not None
    for trajectory in Trajectory.objects.filter(pk__in=mine | theirs):
        if trajectory.pk in mine:
            access = get_trajectory_for_user(consultant, trajectory.reference)
            assert access.role == CaseRole.CONSULENT
        if trajectory.pk in theirs:
            access = get_trajectory_for_user(worker, trajectory.reference)
            assert access.role == CaseRole.HULPVERLENER
    assert get_trajectory_for_user(lead, outside.reference).role == TEAMVERANTWOORDELIJKE
    for user in (consultant, worker):
        with pytest.raises(Http404):
            get_trajectory_for_user(user, outside.reference)


@pytest.mark.django_db
def test_every_trajectory_is_complete(seeded: str) -> None:
    now = timezone.now()
    trajectories = Trajectory.objects.annotate(
        children=Count("persons", filter=Q(persons__is_child=True), distinct=True),
        consultants=Count(
            "grants",
            filter=Q(grants__role=CaseRole.CONSULENT, grants__valid_from__lte=now)
            & (Q(grants__valid_until__isnull=True) | Q(grants__valid_until__gt=now)),
            distinct=True,
        ),
    )
    for trajectory in trajectories:
        assert trajectory.children >= 1, trajectory.reference
        assert trajectory.consultants >= 1, trajectory.reference
        assert trajectory.safety_status
        assert trajectory.safety_checked_at is not None
        assert trajectory.safety_check_due_at is not None
        interval = trajectory.team.safety_check_interval_days
        assert (trajectory.safety_check_due_at - trajectory.safety_checked_at).days == interval
        assert trajectory.next_step_urgency
        assert (trajectory.stage == Stage.AFGESLOTEN) == (trajectory.closed_at is not None)
        # The owner is a consultant of the trajectory's own team.
        assert Membership.objects.filter(
            user_id=trajectory.owner_id, team_id=trajectory.team_id, role=Role.CONSULENT
        ).exists()
    assert CaseGrant.objects.current().filter(role=CaseRole.CONSULENT).count() >= N


@pytest.mark.django_db
def test_refuses_a_second_run(seeded: str) -> None:
    with pytest.raises(CommandError, match="already holds synthetic data"):
        call_command("seed_synthetic", trajectories=5, stdout=StringIO())
    assert Trajectory.objects.count() == N


def in_a_trajectory(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("trajectory")
    except FieldDoesNotExist:
        return False
    return field.is_relation and field.related_model is Trajectory


# Links the seed writes for the benchmark team (so the consistency check below is not vacuous).
SEEDED_LINKS = (
    "reviews.Review.participants",
    "reviews.Review.scaling_round",
    "reviews.ReviewGoal.review",
    "reviews.ReviewGoal.safety_goal",
    "people.Relation.person",
    "people.Relation.child",
    "cases.SafetyCheck.child",
    "journal.JournalEntry.participants",
    "assessments.MapEntry.session",
    "assessments.MappingSession.participants",
    "assessments.DangerStatement.children",
    "assessments.SafetyGoal.danger_statement",
    "assessments.ScalingScore.round",
    "assessments.ScalingScore.danger_statement",
    "people.NetworkMember.person",
    "people.ChildSupport.child",
    "people.ChildSupport.adult",
    "safety_plans.PlanRule.plan",
    "safety_plans.PlanRule.who",
    "safety_plans.PlanRule.goals",
    "safety_plans.PlanRule.checked_by",
    "safety_plans.RuleCheckIn.rule",
    "safety_plans.StoryPage.story",
    "safety_plans.StoryPage.picture",
    "child_voice.Spokesperson.child",
    "child_voice.Spokesperson.person",
    "child_voice.VoiceSession.child",
    "child_voice.VoiceSession.present",
    "child_voice.ChildWords.session",
    "child_voice.ChildWords.spokesperson",
    "child_voice.ChildWords.about_person",
    "child_voice.Drawing.session",
    "child_voice.Drawing.upload",
    "child_voice.WordsLink.words",
    "child_voice.WordsLink.safety_goal",
    "feedback.Expectation.child",
    "feedback.FeedbackRound.respondent",
    "feedback.FeedbackSignal.round",
    "cases.CaseGrant.person",
    "portal.Invitation.person",
    "portal.FirstSeen.person",
)


@pytest.mark.django_db
def test_every_seeded_row_points_within_its_own_trajectory(seeded: str) -> None:
    """Every link from an item of a trajectory to another item lands in the same trajectory."""
    checked: Counter[str] = Counter()
    for model in apps.get_models():
        if not in_a_trajectory(model):
            continue
        for field in model._meta.get_fields():
            target = field.related_model
            if (
                not field.is_relation
                or (field.auto_created and not field.concrete)  # a reverse relation
                or field.name == "trajectory"
                or not isinstance(target, type)
                or not in_a_trajectory(target)
            ):
                continue
            label = f"{model._meta.label}.{field.name}"
            if field.many_to_many:
                assert isinstance(field, models.ManyToManyField)
                through: Any = field.remote_field.through
                source, other = field.m2m_field_name(), field.m2m_reverse_field_name()
                rows = through._default_manager.all()
                wrong = rows.exclude(**{f"{other}__trajectory": F(f"{source}__trajectory")})
            else:
                rows = model._default_manager.filter(**{f"{field.name}__isnull": False})
                wrong = rows.exclude(**{f"{field.name}__trajectory": F("trajectory")})
            assert not wrong.exists(), f"{label} points into another trajectory"
            checked[label] = rows.count()
    assert {label for label in SEEDED_LINKS if not checked[label]} == set()
    # Who relates to whom: an adult to a child of the family, each safety answer about a child.
    assert not Relation.objects.filter(Q(person__is_child=True) | Q(child__is_child=False)).exists()
    assert not SafetyCheck.objects.filter(child__is_child=False).exists()


@pytest.mark.django_db
def test_every_audience_is_a_real_level(seeded: str) -> None:
    levels = set(Audience.values)
    seen: set[int] = set()
    for model in apps.get_models():
        try:
            model._meta.get_field("audience")
        except FieldDoesNotExist:
            continue
        values = set(model._default_manager.values_list("audience", flat=True).distinct())
        assert values <= levels, model._meta.label
        seen |= values
    assert seen == levels  # the seed uses every level somewhere
    # Children are written for the child; the family's adults for the parents.
    assert set(Person.objects.filter(is_child=True).values_list("audience", flat=True)) == {
        Audience.CHILD
    }


@pytest.mark.django_db
def test_the_bench_team_has_the_sizes_the_benchmark_measures(seeded: str) -> None:
    """bench/targets.py and docs/BENCHMARKS.md: each of bench_consulent's trajectories past
    registration has a map of 50 entries, 5 danger/goal pairs scaled in 10 rounds, a network of
    30, a running plan of 40 rules and a story of 6 pages; the team's others a small WHAT."""
    from django.test import Client
    from django.urls import reverse

    from samenopweg.assessments.models import (
        BottomLine,
        DangerStatement,
        MapEntry,
        MappingSession,
        ScalingRound,
        ScalingScore,
        SharedVersion,
        StatementSet,
        StatementStatus,
    )
    from samenopweg.people.models import ChildSupport, NetworkKind, NetworkMember, SupportRole
    from samenopweg.safety_plans.models import (
        PlanKind,
        PlanRule,
        PlanStatus,
        RuleCheckIn,
        SafetyPlan,
        Story,
        StoryPage,
    )

    consultant = User.objects.get(username="bench_consulent")
    full = Trajectory.objects.filter(owner=consultant).exclude(stage=Stage.AANMELDING)
    assert full.count() >= 5
    for trajectory in full:
        mine = {"trajectory": trajectory}
        assert MappingSession.objects.filter(**mine).count() == 3
        assert MapEntry.objects.filter(**mine).count() == 50
        statements = DangerStatement.objects.filter(**mine)
        assert statements.count() == 5
        assert all(s.goals.count() == 1 for s in statements)
        assert BottomLine.objects.filter(**mine).count() == 3
        assert ScalingRound.objects.filter(**mine).count() == 10
        # Per round, every statement gets a number from each view (two parents at most, the
        # consultant, and the worker when there is one).
        views = ScalingScore.objects.filter(**mine).values("person", "professional_role")
        per_round = 5 * views.distinct().count()
        assert ScalingScore.objects.filter(**mine).count() == 10 * per_round

        members = NetworkMember.objects.filter(**mine)
        assert members.count() == 30
        assert members.filter(kind=NetworkKind.PROFESSIONAL).count() == 10
        assert members.filter(is_chair=True).count() == 1
        assert Person.objects.filter(**mine).count() >= 36 + 2
        assert ChildSupport.objects.filter(**mine, role=SupportRole.LASTING_ADULT).count() == 1

        plan = SafetyPlan.objects.get(**mine)
        assert (plan.kind, plan.status) == (PlanKind.LASTING, PlanStatus.ACTIVE)
        assert plan.is_confirmed
        rules = PlanRule.objects.filter(plan=plan)
        assert rules.count() == 40
        check_ins = (
            RuleCheckIn.objects.filter(rule__plan=plan).values("rule").annotate(n=Count("id"))
        )
        assert sorted(c["n"] for c in check_ins) == [3] * 40
        # Every rule answers a safety goal of this trajectory and says who does it.
        assert not rules.filter(Q(goals__isnull=True) | Q(who__isnull=True)).exists()
        answered = set(rules.values_list("goals", flat=True))
        assert answered <= set(statements.values_list("goals", flat=True))

        story = Story.objects.get(**mine)
        pages = StoryPage.objects.filter(story=story)
        assert pages.count() == 6
        for page in pages:
            assert page.picture is not None
            path = Path(page.picture.file.path)
            assert path.is_file() and Path(settings.UPLOAD_ROOT) in path.parents

    # The rest of the team past registration: a small WHAT (so every WAT status shows), no HOW.
    small = Trajectory.objects.exclude(owner=consultant).exclude(stage=Stage.AANMELDING)
    assert small.exists()
    for trajectory in small:
        assert MapEntry.objects.filter(trajectory=trajectory).count() == 12
        assert DangerStatement.objects.filter(trajectory=trajectory).count() == 2
        assert not SafetyPlan.objects.filter(trajectory=trajectory).exists()
    registering = Trajectory.objects.filter(stage=Stage.AANMELDING)
    assert not MapEntry.objects.filter(trajectory__in=registering).exists()
    assert not SafetyPlan.objects.filter(trajectory__in=registering).exists()

    # Shared sets carry the version the application itself froze.
    for statement_set in StatementSet.objects.filter(status=StatementStatus.SHARED):
        shared = SharedVersion.objects.get(statement_set=statement_set)
        assert shared.snapshot["trajectory"] == statement_set.trajectory.reference
    client = Client()
    client.force_login(consultant)
    reference = full[0].reference
    for name in ("map", "statements", "scaling", "overview"):
        url = reverse(f"assessments:{name}", args=[reference])
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_the_bench_team_has_the_childs_voice_and_the_feedback_the_benchmark_measures(
    seeded: str,
) -> None:
    """bench/targets.py: the first of bench_consulent's full trajectories past mapping have a
    child with 10 sessions and 30 drawings and a family with 12 feedback rounds; the team's
    other open trajectories past registration some feedback, the rest none."""
    from django.test import Client
    from django.urls import reverse

    from samenopweg.assessments.models import SafetyGoal
    from samenopweg.child_voice.models import (
        PARTS,
        ChildWords,
        Drawing,
        How,
        Part,
        Spokesperson,
        Tool,
        VoiceSession,
        WordsLink,
    )
    from samenopweg.demo.synthetic.child_voice import VOICE_FAMILIES
    from samenopweg.feedback.models import (
        Expectation,
        FeedbackCadence,
        FeedbackRound,
        FeedbackSignal,
        Party,
        VersionKind,
    )

    consultant = User.objects.get(username="bench_consulent")
    heard = Trajectory.objects.filter(pk__in=VoiceSession.objects.values("trajectory"))
    assert 1 <= heard.count() <= VOICE_FAMILIES
    assert set(heard.values_list("owner", flat=True)) == {consultant.pk}
    assert set(heard.values_list("stage", flat=True)) <= {Stage.PLAN, Stage.OPVOLGING}
    for trajectory in heard:
        mine = {"trajectory": trajectory}
        sessions = VoiceSession.objects.filter(**mine)
        assert sessions.count() == 10
        assert sessions.values("child").distinct().count() == 1
        child = sessions[0].child
        assert child.is_child
        assert set(sessions.values_list("tool", flat=True)) == set(Tool.values)
        # Words in every part of each session's tool; the safety path with a place each time.
        for session in sessions:
            parts = set(ChildWords.objects.filter(session=session).values_list("part", flat=True))
            assert parts == set(PARTS[session.tool])
        path = ChildWords.objects.filter(**mine, part=Part.PATH)
        assert path.count() == sessions.filter(tool=Tool.SAFETY_HOUSE).count() >= 1
        assert not path.filter(path_position__isnull=True).exists()
        assert (
            not ChildWords.objects.filter(**mine, path_position__isnull=False)
            .exclude(part=Part.PATH)
            .exists()
        )
        speaker = Spokesperson.objects.get(**mine)
        assert speaker.child == child
        said_for = ChildWords.objects.filter(**mine, how=How.SPOKESPERSON)
        assert said_for.exists()
        assert set(said_for.values_list("spokesperson", flat=True)) == {speaker.pk}
        assert ChildWords.objects.filter(**mine, audience=Audience.PARENTS).count() == 2

        drawings = Drawing.objects.filter(**mine).select_related("upload")
        assert drawings.count() == 30
        for drawing in drawings:
            path_on_disk = Path(drawing.upload.file.path)
            assert path_on_disk.is_file() and Path(settings.UPLOAD_ROOT) in path_on_disk.parents
            assert drawing.upload.audience == drawing.audience
        assert drawings.filter(audience=Audience.PARENTS).count() == 1

        links = WordsLink.objects.filter(**mine)
        assert links.count() == 3
        goals = set(SafetyGoal.objects.filter(**mine).values_list("pk", flat=True))
        assert set(links.values_list("safety_goal", flat=True)) < goals

        rounds = FeedbackRound.objects.filter(**mine)
        assert rounds.count() == 12
        versions = set(rounds.values_list("version_kind", flat=True))
        assert {VersionKind.PARENT, VersionKind.CHILD} <= versions
        signals = FeedbackSignal.objects.filter(**mine)
        assert signals.count() == 2
        assert signals.filter(closed_at__isnull=True).count() == 1
        parties = set(Expectation.objects.filter(**mine).values_list("party", flat=True))
        assert {Party.PARENTS, Party.CONSULTANT} <= parties

    # The team's other open trajectories past registration: feedback now and then; nothing
    # before registration is done, nothing in a closed file, nothing outside the bench team.
    others = Trajectory.objects.exclude(pk__in=heard).exclude(stage=Stage.AANMELDING)
    others = others.exclude(stage=Stage.AFGESLOTEN)
    assert FeedbackRound.objects.filter(trajectory__in=others).exists()
    assert Expectation.objects.filter(trajectory__in=others).exists()
    quiet = Trajectory.objects.filter(stage__in=[Stage.AANMELDING, Stage.AFGESLOTEN])
    for model in (Expectation, FeedbackCadence, FeedbackRound, VoiceSession, Drawing):
        assert not model.objects.filter(trajectory__in=quiet).exists(), model
    assert not ChildWords.objects.exclude(trajectory__in=heard).exists()

    client = Client()
    client.force_login(consultant)
    reference = heard[0].reference
    picture = Drawing.objects.filter(trajectory=heard[0]).first()
    assert picture is not None
    for url in (
        reverse("child_voice:overview", args=[reference]),
        reverse("child_voice:session", args=[reference, picture.session_id]),
        reverse("cases:upload_file", args=[reference, picture.upload_id]),
        reverse("feedback:overview", args=[reference]),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_the_family_users_see_their_own_pages_and_nothing_else(seeded: str) -> None:
    """bench/locustfile.py FamilyUser: bench_ouder (a parent) and bench_netwerk (the network's
    chair) each have their own page on the first of bench_consulent's full trajectories, with
    the statements shared with them, the plan with the rules they carry, their check-ins, the
    story, the parent's open task, and everything already seen once; any other trajectory is
    a 404 to them."""
    from django.test import Client
    from django.utils.html import escape

    from samenopweg.accounts.roles import is_family_account
    from samenopweg.assessments.models import SharedVersion
    from samenopweg.demo.synthetic.family import FAMILY_TRAJECTORIES
    from samenopweg.people.models import NetworkMember, RelationKind
    from samenopweg.portal.models import FirstSeen
    from samenopweg.safety_plans.models import RuleCheckIn, Story

    consultant = User.objects.get(username="bench_consulent")
    parent = User.objects.get(username="bench_ouder")
    network = User.objects.get(username="bench_netwerk")
    full = ids(Trajectory.objects.filter(owner=consultant).exclude(stage=Stage.AANMELDING))
    theirs = ids(visible_trajectories(parent))
    assert 1 <= len(theirs) <= FAMILY_TRAJECTORIES
    assert theirs <= full
    assert ids(visible_trajectories(network)) == theirs
    current = CaseGrant.objects.current()
    for user, role in ((parent, CaseRole.OUDER), (network, CaseRole.NETWERK)):
        assert user.check_password("bench")
        assert is_family_account(user)
        grants = current.filter(user=user)
        assert set(grants.values_list("role", flat=True)) == {role}
        assert set(grants.values_list("trajectory_id", flat=True)) == theirs
        assert grants.count() == len(theirs)  # one person per trajectory

    client = Client()
    for user, role in ((parent, CaseRole.OUDER), (network, CaseRole.NETWERK)):
        client.force_login(user)
        seen_before = FirstSeen.objects.filter(user=user).count()
        assert seen_before
        for trajectory in Trajectory.objects.filter(pk__in=theirs):
            grant = current.get(user=user, trajectory=trajectory)
            person = grant.person
            assert person is not None and not person.is_child
            if role == CaseRole.OUDER:
                kinds = set(Relation.objects.filter(person=person).values_list("kind", flat=True))
                assert kinds <= {RelationKind.MOTHER, RelationKind.FATHER}
            else:
                assert NetworkMember.objects.get(trajectory=trajectory, person=person).is_chair

            response = client.get(f"/mijn/{trajectory.reference}/")
            assert response.status_code == 200, trajectory.reference
            body = response.content.decode()
            # The shared version, whole: five worries with their goals, three bottom lines.
            what = response.context["what"]
            shared = SharedVersion.objects.get(statement_set__trajectory=trajectory)
            assert what.shared.shared.pk == shared.pk
            assert len(what.statements) == 5 and len(what.bottom_lines) == 3
            assert all(len(s.goals) == 1 for s in what.statements)
            assert escape(what.statements[0].data["sentence"]) in body
            # The plan: all 40 rules, some carried by them, checked in on from their page.
            rules = [
                line for block in response.context["family_plan"].plans for line in block.rules
            ]
            assert len(rules) == 40
            assert any(line.mine for line in rules)
            told = RuleCheckIn.objects.filter(trajectory=trajectory, created_by=user)
            assert told.filter(told_by=person).count() == told.count() >= 2
            story = Story.objects.get(trajectory=trajectory)
            assert [s.pk for s in response.context["stories"]] == [story.pk]
            assert escape(story.title) in body
            tasks = response.context["tasks"]
            if role == CaseRole.OUDER:
                assert len(tasks) == 1 and escape(tasks[0].title) in body
            else:
                assert tasks == []
        # A returning visit: everything shown was seen before, nothing new is written.
        assert FirstSeen.objects.filter(user=user).count() == seen_before

        outside = Trajectory.objects.exclude(pk__in=theirs).order_by("pk")
        for other in (outside.filter(pk__in=full).first(), outside.first()):
            if other is not None:
                assert client.get(f"/mijn/{other.reference}/").status_code == 404


@pytest.mark.django_db
def test_the_heard_trajectories_in_the_plan_have_ten_reviews(seeded: str) -> None:
    """demo/synthetic/reviews.py: the review page and the judge report read 10 reviews, each
    with every safety goal's line, the parents and the professionals; the latest plans the
    next one, and the page answers for their consultant."""
    from django.test import Client
    from django.urls import reverse

    from samenopweg.assessments.models import SafetyGoal
    from samenopweg.reviews.models import Review, ReviewGoal

    reviewed = Trajectory.objects.annotate(n=Count("reviews")).filter(n__gt=0)
    assert reviewed.exists()
    assert set(reviewed.values_list("n", flat=True)) == {10}
    assert set(reviewed.values_list("stage", flat=True)) <= {Stage.PLAN, Stage.OPVOLGING}
    trajectory = reviewed.first()
    assert trajectory is not None
    reviews = list(Review.objects.filter(trajectory=trajectory).order_by("held_on"))
    goals = SafetyGoal.objects.filter(trajectory=trajectory).count()
    assert ReviewGoal.objects.filter(review=reviews[-1]).count() == goals > 0
    assert reviews[-1].next_review_on is not None
    assert reviews[-1].next_review_on > timezone.localdate()
    assert all(r.participants.exists() and r.professionals.exists() for r in reviews)
    assert reviews[0].held_on >= trajectory.registered_on
    client = Client()
    client.force_login(trajectory.owner)
    page = client.get(reverse("reviews:detail", args=[trajectory.reference, reviews[-1].pk]))
    assert page.status_code == 200


@pytest.mark.django_db
def test_the_reviewed_trajectories_have_a_report_to_the_judge(seeded: str) -> None:
    """demo/synthetic/reviews.py: each reviewed trajectory gets a report built from its file
    (the benchmark's judge report PDF), naming its reviews and its plan's rules."""
    from django.test import Client
    from django.urls import reverse

    from samenopweg.reports.models import JudgeReport

    reviewed = set(
        Trajectory.objects.annotate(n=Count("reviews")).filter(n__gt=0).values_list("pk", flat=True)
    )
    reports = JudgeReport.objects.filter(trajectory__in=reviewed)
    assert set(reports.values_list("trajectory", flat=True)) == reviewed
    report = reports.select_related("trajectory__owner").first()
    assert report is not None
    assert report.progress.count("Evaluatie van") == 4  # the latest reviews (LATEST_REVIEWS)
    assert "Schaalvraag bij gevaarsboodschap 1" in report.progress
    assert report.worries.startswith("Gevaarsboodschap 1.")
    client = Client()
    client.force_login(report.trajectory.owner)
    pdf = client.get(reverse("reports:pdf", args=[report.trajectory.reference, report.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

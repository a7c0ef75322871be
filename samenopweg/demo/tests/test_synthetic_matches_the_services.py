"""What seed_synthetic writes in bulk agrees with what the services would keep for the same rows.

The seed computes the denormalised fields itself (one executemany per table, no service calls):
the safety summary on each trajectory (cases.services.refresh_safety_summary), its search text
(cases.services.refresh_search_text) and each plan rule's follow-up
(safety_plans.services.refresh_follow_up). Snapshot them, let the services recompute them from
the seeded rows, and compare: the dashboard, the search and the plan signals read these fields.

The child's voice and the feedback rows are held to the rules their services check before they
write (the part belongs to the tool, who may answer which version, a picture as the upload path
keeps it, sharing only with the child's agreement), and every feedback round raises exactly the
signal feedback.services would raise for it: the dashboard's "bespreek de samenwerking" reads
those.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Count

from samenopweg.cases import services as case_services
from samenopweg.cases.models import SafetyAnswer, Trajectory, Urgency
from samenopweg.safety_plans.models import CheckOutcome, PlanRule
from samenopweg.safety_plans.services import refresh_follow_up

SUMMARY = (
    "safety_status",
    "safety_checked_at",
    "safety_check_due_at",
    "next_step_urgency",
    "next_step_due_at",
)
FOLLOW_UP = ("last_checked_on", "last_outcome", "next_check_due")


def snapshot(queryset: Any, fields: tuple[str, ...]) -> dict[int, tuple[Any, ...]]:
    return {row[0]: row[1:] for row in queryset.order_by("pk").values_list("pk", *fields)}


def differences(
    seeded: dict[int, tuple[Any, ...]], computed: dict[int, tuple[Any, ...]], fields: Any
) -> list[str]:
    return [
        f"{pk}.{name}: seeded {a!r}, the service keeps {b!r}"
        for pk in seeded
        for name, a, b in zip(fields, seeded[pk], computed[pk], strict=True)
        if a != b
    ]


@pytest.mark.django_db
def test_seeded_summaries_search_text_and_follow_up_agree_with_the_services() -> None:
    # 60 trajectories: the bench consultant's 20, those past registration with a plan of 40
    # rules; seed 3 gives every answer and urgency as the latest one somewhere (checked below).
    call_command("seed_synthetic", trajectories=60, seed=3, stdout=StringIO())
    trajectories = Trajectory.objects.all()
    rules = PlanRule.objects.all()
    summaries = snapshot(trajectories, SUMMARY)
    search = snapshot(trajectories, ("search_text",))
    follow_up = snapshot(rules, FOLLOW_UP)
    # The sample covers the cases the services treat differently.
    assert {s[0] for s in summaries.values()} == set(SafetyAnswer.values)
    assert {s[3] for s in summaries.values()} == set(Urgency.values)
    assert {f[1] for f in follow_up.values()} >= {CheckOutcome.WENT_WELL, CheckOutcome.DID_NOT}
    assert len(follow_up) >= 10 * 40

    for trajectory in trajectories.select_related("team"):
        case_services.refresh_safety_summary(trajectory)
        case_services.refresh_search_text(trajectory)
    for rule in rules.select_related("plan"):
        refresh_follow_up(rule)

    assert differences(summaries, snapshot(trajectories, SUMMARY), SUMMARY) == []
    assert differences(search, snapshot(trajectories, ("search_text",)), ("search_text",)) == []
    assert differences(follow_up, snapshot(rules, FOLLOW_UP), FOLLOW_UP) == []


@pytest.mark.django_db
def test_seeded_voices_and_feedback_follow_the_rules_of_their_services() -> None:
    import hashlib
    from pathlib import Path

    from PIL import Image

    from samenopweg.cases.uploads import reencode
    from samenopweg.child_voice.models import (
        PARTS,
        ChildWords,
        Drawing,
        Spokesperson,
        VoiceSession,
        WordsLink,
    )
    from samenopweg.child_voice.services import _clean_words
    from samenopweg.core.models import Audience
    from samenopweg.feedback.models import (
        Expectation,
        FeedbackCadence,
        FeedbackRound,
        FeedbackSignal,
        SignalReason,
    )
    from samenopweg.feedback.services import _check_respondent, _signal_for

    # 60 trajectories: the bench consultant's past mapping (9 of their 20) with a child of
    # school age get the full child's voice and 12 rounds, the team's other open ones some
    # feedback.
    call_command("seed_synthetic", trajectories=60, seed=3, stdout=StringIO())
    assert VoiceSession.objects.order_by().values("trajectory").distinct().count() >= 3

    # Every row passes the model's own validation, as the kernel's create/update require.
    for model in (
        Spokesperson, VoiceSession, ChildWords, Drawing, WordsLink,
        Expectation, FeedbackCadence, FeedbackRound, FeedbackSignal,
    ):  # fmt: skip
        rows = list(model._default_manager.all())
        assert rows, model
        for row in rows:
            row.full_clean()

    # The child's voice: what add_words, add_drawing, share and link_words check or keep.
    for words in ChildWords.objects.select_related("session__trajectory", "spokesperson"):
        cleaned = _clean_words(
            words.session,
            part=words.part,
            how=words.how,
            spokesperson=words.spokesperson,
            about_person=words.about_person,
            path_position=words.path_position,
        )
        assert cleaned == (words.spokesperson, words.about_person, words.path_position)
    for spokesperson in Spokesperson.objects.select_related("person", "child"):
        assert spokesperson.person is not None and spokesperson.person != spokesperson.child
        assert spokesperson.person.trajectory_id == spokesperson.trajectory_id
    shared = [*ChildWords.objects.all(), *Drawing.objects.all()]
    for item in shared:
        if item.audience != Audience.PROFESSIONALS:
            assert item.child_agreed and item.consent_asked_by_id and item.consent_at, item
            assert item.version == 2  # a share is an update of the item
    for drawing in Drawing.objects.select_related("session", "upload"):
        assert drawing.part == "" or drawing.part in PARTS[drawing.session.tool]
        upload = drawing.upload
        assert upload.audience == drawing.audience  # services._follow
        data = Path(upload.file.path).read_bytes()
        # As store_picture keeps them: the re-encoded bytes with their own figures.
        assert (upload.size, upload.sha256) == (len(data), hashlib.sha256(data).hexdigest())
        with Image.open(upload.file.path) as picture:
            assert (upload.width, upload.height) == picture.size
        assert reencode(data)[1] == upload.content_type
    for link in WordsLink.objects.select_related("words", "safety_goal"):
        assert link.safety_goal is not None and not link.words.is_withdrawn
        assert link.safety_goal.trajectory_id == link.words.trajectory_id == link.trajectory_id
    assert (
        not WordsLink.objects.values("words", "safety_goal")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .exists()
    )

    # Feedback: who may answer which version, and the signal record_round raises for a round.
    signals = {s.round_id: s for s in FeedbackSignal.objects.all()}
    reasons: set[str] = set()
    rounds = FeedbackRound.objects.select_related("trajectory", "respondent", "respondent_user")
    for feedback_round in rounds:
        _check_respondent(
            feedback_round.trajectory,
            feedback_round.version_kind,
            feedback_round.respondent,
            feedback_round.respondent_user,
        )
        expected = _signal_for(feedback_round)
        seeded = signals.pop(feedback_round.pk, None)
        if expected is None:
            assert seeded is None, f"round {feedback_round.pk} raised a signal it should not"
            continue
        assert seeded is not None, f"round {feedback_round.pk} should have raised a signal"
        assert (seeded.reason, seeded.detail) == (expected.reason, expected.detail)
        assert seeded.trajectory_id == feedback_round.trajectory_id
        assert seeded.created_by_id == feedback_round.created_by_id
        reasons.add(seeded.reason)
        if seeded.is_open:
            assert (seeded.closed_by_id, seeded.we_did, seeded.version) == (None, "", 1)
        else:  # close_signal: who closed it, what we did, an update
            assert seeded.closed_by_id and seeded.we_did and seeded.version == 2
            assert seeded.closed_at is not None and seeded.closed_at >= seeded.raised_at
    assert signals == {}  # no signal without its round
    assert reasons == set(SignalReason.values)


@pytest.mark.django_db
def test_seeded_family_accounts_are_what_invitation_grant_and_page_write() -> None:
    """family.py: bench_ouder and bench_netwerk came in as portal.invitations.redeem lets a
    family member in (a used invitation in a role the person may be invited in, a grant bound
    to the person from that moment), and what they saw is what their page marks as seen on a
    first visit (portal.seen.mark_seen: FirstSeen per item and one journal line), so the
    benchmark's returning visit is one the page itself would have left."""
    from django.test import Client

    from samenopweg.accounts.models import User
    from samenopweg.accounts.roles import is_family_account
    from samenopweg.cases.models import CaseGrant, CaseRole
    from samenopweg.journal.models import ContactKind, JournalEntry, Task, TaskStatus
    from samenopweg.people.models import Person
    from samenopweg.portal.invitations import GRANT_REASON, invitees
    from samenopweg.portal.models import FirstSeen, Invitation
    from samenopweg.safety_plans.models import RuleCheckIn
    from samenopweg.safety_plans.selectors import check_in_refusal, family_rule

    call_command("seed_synthetic", trajectories=60, seed=3, stdout=StringIO())
    family = list(User.objects.filter(username__in=["bench_ouder", "bench_netwerk"]))
    assert len(family) == 2
    grants = CaseGrant.objects.filter(user__in=family).select_related("person", "trajectory")
    assert grants.count() >= 2 * 5
    for grant in grants:
        # As grant_access and redeem check: a family account, a person of the trajectory in a
        # role they may be invited in (a parent by relation, the network by membership).
        assert is_family_account(grant.user)
        assert grant.person is not None and grant.person.trajectory_id == grant.trajectory_id
        assert grant.role in (CaseRole.OUDER, CaseRole.NETWERK) and not grant.person.is_child
        [invitee] = invitees(grant.trajectory, Person.objects.filter(pk=grant.person.pk))
        assert grant.role in invitee.roles, (grant.role, invitee.why_not)
        invitation = Invitation.objects.get(trajectory=grant.trajectory, person=grant.person)
        invitation.full_clean()
        assert (invitation.role, invitation.used_by_id) == (grant.role, grant.user_id)
        assert invitation.created_by_id == grant.granted_by_id == grant.trajectory.owner_id
        assert invitation.used_at is not None
        assert invitation.created_at < invitation.used_at == grant.valid_from
        assert invitation.used_at < invitation.expires_at
        assert (grant.reason, grant.valid_until) == (GRANT_REASON, None)
        grant.full_clean()
    tasks = Task.objects.filter(assignee__in=family)
    assert set(tasks.values_list("status", flat=True)) == {TaskStatus.OPEN}
    for task in tasks:
        task.full_clean()

    # Their check-ins: on a rule they may check in on (check_in_refusal), as the page writes.
    from samenopweg.cases.access import get_trajectory_for_user

    for check_in in RuleCheckIn.objects.filter(created_by__in=family).select_related(
        "created_by", "trajectory"
    ):
        access = get_trajectory_for_user(check_in.created_by, check_in.trajectory.reference)
        person = CaseGrant.objects.get(
            user=check_in.created_by, trajectory=check_in.trajectory
        ).person
        assert person is not None and check_in.told_by_id == person.pk
        assert check_in.audience == access.audience_floor
        rule_line = family_rule(access, person, check_in.rule_id)
        assert check_in_refusal(access, rule_line) == ""
        check_in.full_clean()

    # What they saw: take it away, open the page, and the page writes the same again.
    client = Client()
    trajectory = grants[0].trajectory
    for user in family:
        person = CaseGrant.objects.get(user=user, trajectory=trajectory).person
        mine = FirstSeen.objects.filter(user=user, trajectory=trajectory)
        seeded = {(row.object_type, row.object_id, row.person_id) for row in mine}
        lines = JournalEntry.objects.filter(
            trajectory=trajectory, created_by=user, kind=ContactKind.PORTAL
        )
        [line] = list(lines)
        assert list(line.participants.all()) == [person]
        text, audience = line.text, line.audience
        mine.delete()
        line.participants.clear()
        line.delete()
        client.force_login(user)
        assert client.get(f"/mijn/{trajectory.reference}/").status_code == 200
        written = {(row.object_type, row.object_id, row.person_id) for row in mine}
        assert written == seeded
        [again] = list(lines)
        assert (again.text, again.audience) == (text, audience)

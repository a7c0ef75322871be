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

"""A review, a safety goal and a scaling round for the test world, and the URL kwargs and posts
the cross-app suites use.

Idempotent: the permission matrix builds its URLs many times on the same world. The helpers
take the world, or the permission matrix's case (which holds it).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from samenopweg.assessments.models import SafetyGoal, ScalingRound, ScalingScore
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.cases.tests.helpers import mother_of, reference_kwargs, world_of
from samenopweg.reviews.models import GoalStatus, Outcome, Review, ReviewCadence, goal_field

MARK = "MATRIX-EVALUATIE"


def goal(world: Any) -> SafetyGoal:
    return wat.ensure_goal(world_of(world))


def ensure_scaling_round(world: Any) -> ScalingRound:
    """Mama's number at the review, given a week ago."""
    world = world_of(world)
    found = ScalingRound.objects.filter(trajectory=world.trajectory).order_by("id").first()
    if found is None:
        found = ScalingRound.objects.create(
            trajectory=world.trajectory,
            held_on=timezone.localdate() - datetime.timedelta(days=7),
            created_by=world.owner,
        )
        ScalingScore.objects.create(
            round=found,
            trajectory=world.trajectory,
            danger_statement=wat.ensure_statement(world),
            person=mother_of(world.trajectory),
            score=6,
            what_makes_it="Papa belt nu als het moeilijk wordt.",
            created_by=world.owner,
        )
    return found


def ensure_review(world: Any) -> Review:
    """A review held a week ago by the worker, going on as planned, the next in five weeks."""
    world = world_of(world)
    found = Review.objects.filter(
        trajectory=world.trajectory, changes_going_well__startswith=MARK
    ).first()
    if found is None:
        held_on = timezone.localdate() - datetime.timedelta(days=7)
        found = Review.objects.create(
            trajectory=world.trajectory,
            held_on=held_on,
            changes_going_well=f"{MARK} Ja, papa belt oma als het moeilijk wordt.",
            needs_adjusting="Nee.",
            help_can_stop="Nog niet.",
            outcome=Outcome.CONTINUE,
            next_review_on=held_on + datetime.timedelta(weeks=6),
            scaling_round=ensure_scaling_round(world),
            created_by=world.worker,
        )
        found.participants.set([mother_of(world.trajectory)])
        found.professionals.set([world.worker])
    return found


def cadence_of(world: Any) -> ReviewCadence | None:
    return ReviewCadence.objects.filter(trajectory=world_of(world).trajectory).first()


# --- URL kwargs -----------------------------------------------------------------------------


def review_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "review_id": ensure_review(world).pk}


# --- posts that succeed ---------------------------------------------------------------------


def review_data(world: Any, **more: Any) -> dict[str, Any]:
    """A review today: the goal shown for a month, going on as planned, next in six weeks."""
    world = world_of(world)
    the_goal = goal(world)
    today = timezone.localdate()
    return {
        "held_on": today.isoformat(),
        "participants": [mother_of(world.trajectory).pk],
        "professionals": [world.worker.pk],
        "changes_going_well": "Ja. Papa belt oma Maria als hij wil drinken.",
        "needs_adjusting": "De afspraak over het weekend.",
        "help_can_stop": "Nog niet: het moet nog vijf maanden lukken.",
        "for_the_judge": "",
        goal_field(the_goal.pk, "status"): GoalStatus.SHOWN,
        goal_field(the_goal.pk, "shown_since"): (today - datetime.timedelta(days=30)).isoformat(),
        goal_field(the_goal.pk, "note"): "Elke week gelukt.",
        "scaling_round": ensure_scaling_round(world).pk,
        "outcome": Outcome.CONTINUE,
        "points_to_change": "",
        "next_review_on": (today + datetime.timedelta(weeks=6)).isoformat(),
        **more,
    }


def review_edit_data(world: Any) -> dict[str, Any]:
    return {**review_data(world), "version": ensure_review(world).version}


def withdraw_data(world: Any) -> dict[str, Any]:
    return {"reason": "Per vergissing ingevuld."}


def cadence_data(world: Any) -> dict[str, Any]:
    current = cadence_of(world)
    return {"every_weeks": 4, "version": current.version if current else ""}


# The forms of the reviews app for every professional on the case: URL name in `reviews`, its
# kwargs, a post that succeeds.
REVIEW_FORMS = [
    ("review_new", reference_kwargs, review_data),
    ("review_edit", review_kwargs, review_edit_data),
    ("review_withdraw", review_kwargs, withdraw_data),
]
# The consultant's (and the team lead's) only.
CONSULTANT_FORMS = [
    ("cadence", reference_kwargs, cadence_data),
]

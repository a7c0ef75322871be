"""Reviews in the demo: the Aerts family (the demo parent, network chair and young person) has
had two review meetings, each held on the day of a scaling round so the numbers of that round
are the numbers of the meeting (read, not copied). The first adjusted the plan: Greet could no
longer come every evening. The second goes on as planned, with the first goal shown since the
first review, and sets the next review a few weeks from today.

All through reviews.services (audit rows, the kernel's checks). Once per trajectory: a run on
an older demo adds the reviews only when the family has none.
"""

from __future__ import annotations

import datetime

from samenopweg.assessments.models import SafetyGoal, ScalingRound
from samenopweg.demo.builders import Family
from samenopweg.reviews import services
from samenopweg.reviews.models import GoalStatus, Outcome, Review

FIRST = {
    "changes_going_well": (
        "Dirk drinkt niet meer thuis. Katrien belt Greet als het spannend wordt; dat gebeurde "
        "twee keer en het werkte."
    ),
    "needs_adjusting": (
        "Greet kan door haar nieuwe werk niet meer elke avond langskomen. Het avondbezoek "
        "moet anders verdeeld worden."
    ),
    "help_can_stop": "Nog niet: het plan loopt pas twee maanden en de avonden zijn nog wankel.",
    "points_to_change": (
        "Afspraak 'Greet komt elke avond langs': verdelen over Greet (ma, wo, vr) en buurman "
        "Marc (di, do). Jonas weet wie hij belt op welke avond."
    ),
}
SECOND = {
    "changes_going_well": (
        "Het nieuwe avondschema loopt. Jonas zegt dat het thuis rustiger is. Geen incidenten "
        "sinds de vorige evaluatie."
    ),
    "needs_adjusting": "Niets aan het plan; Lena wil zelf ook een nummer om te bellen.",
    "help_can_stop": (
        "Nog niet: het eerste doel wordt getoond, het tweede nog niet lang genoeg. Bij de "
        "volgende evaluatie bekijken we of we kunnen afronden."
    ),
}


def write_reviews(family: Family) -> int:
    """The two reviews of the Aerts family; returns how many it wrote."""
    trajectory = family.trajectory
    if family.spec.label != "Aerts" or trajectory.is_closed:
        return 0
    if Review.objects.filter(trajectory=trajectory).exists():
        return 0
    rounds = list(ScalingRound.objects.filter(trajectory=trajectory).order_by("held_on", "id"))
    if len(rounds) < 2:
        return 0
    first_round, second_round = rounds[-2], rounds[-1]
    persons = family.persons()
    present = [persons[name] for name in ("Katrien", "Dirk", "Greet", "Jonas") if name in persons]
    professionals = [user for user in (family.owner, family.worker) if user is not None]
    goals = list(
        SafetyGoal.objects.filter(trajectory=trajectory, withdrawn_at__isnull=True).order_by(
            "danger_statement__position", "position", "id"
        )
    )
    first = services.hold_review(
        trajectory=trajectory,
        data=services.ReviewData(
            held_on=first_round.held_on,
            outcome=Outcome.ADJUST,
            next_review_on=second_round.held_on,
            scaling_round=first_round,
            participants=present,
            professionals=professionals,
            goals=[services.GoalInput(safety_goal=g, status=GoalStatus.NOT_YET) for g in goals],
            **FIRST,
        ),
        actor=family.owner,
    )
    shown_since = first.held_on
    services.hold_review(
        trajectory=trajectory,
        data=services.ReviewData(
            held_on=second_round.held_on,
            outcome=Outcome.CONTINUE,
            next_review_on=max(
                family.today + datetime.timedelta(days=21),
                second_round.held_on + datetime.timedelta(days=1),
            ),
            scaling_round=second_round,
            participants=present,
            professionals=professionals,
            goals=[
                services.GoalInput(
                    safety_goal=g,
                    status=GoalStatus.SHOWN if i == 0 else GoalStatus.NOT_YET,
                    shown_since=shown_since if i == 0 else None,
                    note="Sinds de vorige evaluatie elke avond iemand bereikbaar."
                    if i == 0
                    else "",
                )
                for i, g in enumerate(goals)
            ],
            **SECOND,
        ),
        actor=family.owner,
    )
    return 2

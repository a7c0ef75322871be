"""Expectations, feedback rounds and a signal for the test world, and the URL kwargs and posts
the cross-app suites use.

Idempotent: the permission matrix builds its URLs many times on the same world. The helpers
take the world, or the permission matrix's case (which holds it).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from samenopweg.cases.tests.helpers import mother_of, reference_kwargs, world_of
from samenopweg.core.models import Audience
from samenopweg.feedback.models import (
    Expectation,
    FeedbackCadence,
    FeedbackRound,
    FeedbackSignal,
    How,
    Party,
    SignalReason,
    VersionKind,
)
from samenopweg.people.models import ContactBan, Person, Relation

MARK = "MATRIX-FEEDBACK"


def mother(world: Any) -> Person:
    return mother_of(world_of(world).trajectory)


def adult_of(world: Any, first_name: str, kind: str | None = None, **relation: Any) -> Person:
    """An adult of the world's trajectory, tied to its child as `kind` (no tie without one)."""
    world = world_of(world)
    person, _made = Person.objects.get_or_create(
        trajectory=world.trajectory, first_name=first_name, defaults={"last_name": "Test"}
    )
    if kind is not None:
        Relation.objects.get_or_create(
            trajectory=world.trajectory,
            person=person,
            child=Person.objects.filter(trajectory=world.trajectory, is_child=True).first(),
            defaults={"kind": kind, **relation},
        )
    return person


def ban(world: Any, person: Person, child: Person | None = None) -> ContactBan:
    """A current contact ban on `person` (with every child when `child` is None)."""
    world = world_of(world)
    return ContactBan.objects.create(
        trajectory=world.trajectory,
        person=person,
        child=child,
        reason="Mag niet bij het kind komen.",
        created_by=world.owner,
    )


def ensure_expectation(world: Any) -> Expectation:
    """The first expectation of the world's trajectory: the parents', written by its worker (an
    edit may change its text, so it is found by its place, not by its words)."""
    world = world_of(world)
    expectation = Expectation.objects.filter(trajectory=world.trajectory).order_by("id").first()
    if expectation is None:
        expectation = Expectation.objects.create(
            trajectory=world.trajectory,
            party=Party.PARENTS,
            expects=f"{MARK} Dat jullie op tijd komen en zeggen wat jullie denken.",
            offers="Dat we eerlijk vertellen hoe het thuis gaat.",
            written_on=timezone.localdate(),
            created_by=world.worker,
        )
    return expectation


def ensure_round(world: Any) -> FeedbackRound:
    """Mama's round (the parents' version), held yesterday, with a low first line."""
    world = world_of(world)
    found = FeedbackRound.objects.filter(
        trajectory=world.trajectory, open_answer__startswith=MARK
    ).first()
    if found is None:
        found = FeedbackRound.objects.create(
            trajectory=world.trajectory,
            version_kind=VersionKind.PARENT,
            held_on=timezone.localdate() - datetime.timedelta(days=1),
            respondent=mother(world),
            how=How.ENTERED_DURING_VISIT,
            score_1=4,
            score_2=7,
            score_3=8,
            score_4=7,
            open_answer=f"{MARK} Bel eens vaker.",
            created_by=world.worker,
        )
    return found


def ensure_signal(world: Any) -> FeedbackSignal:
    """The signal of `ensure_round`: its first line is 5 or lower."""
    world = world_of(world)
    feedback_round = ensure_round(world)
    signal = FeedbackSignal.objects.filter(round=feedback_round).first()
    if signal is None:
        signal = FeedbackSignal.objects.create(
            trajectory=world.trajectory,
            round=feedback_round,
            reason=SignalReason.LOW,
            detail="vraag 1: 4",
            created_by=world.worker,
        )
    return signal


def cadence_of(world: Any) -> FeedbackCadence | None:
    return FeedbackCadence.objects.filter(trajectory=world_of(world).trajectory).first()


# --- URL kwargs -----------------------------------------------------------------------------


def expectation_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "expectation_id": ensure_expectation(world).pk}


def round_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "round_id": ensure_round(world).pk}


def signal_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "signal_id": ensure_signal(world).pk}


# --- posts that succeed ---------------------------------------------------------------------


def round_data(world: Any) -> dict[str, Any]:
    """Mama answers the parents' version today, all lines fine (no signal)."""
    return {
        "version_kind": VersionKind.PARENT,
        "respondent": mother(world).pk,
        "held_on": timezone.localdate().isoformat(),
        "how": How.BY_PHONE,
        "score_1": 8,
        "score_2": 8,
        "score_3": 9,
        "score_4": 8,
        "open_answer": "Het gaat beter.",
    }


def withdraw_data(world: Any) -> dict[str, Any]:
    return {"reason": "Per vergissing ingevuld."}


def signal_close_data(world: Any) -> dict[str, Any]:
    return {
        "you_said": "Jullie zeiden dat we te weinig bellen.",
        "we_did": "Wij bellen nu elke maandag.",
        "audience": Audience.PARENTS,
        "version": ensure_signal(world).version,
    }


def expectation_create_data(world: Any) -> dict[str, Any]:
    return {
        "party": Party.WORKER,
        "child": "",
        "expects": "Dat ouders zeggen als iets niet lukt.",
        "offers": "Dat ik elke week langskom.",
        "written_on": timezone.localdate().isoformat(),
        "audience": Audience.PARENTS,
    }


def expectation_edit_data(world: Any) -> dict[str, Any]:
    return {
        **expectation_create_data(world),
        "party": Party.PARENTS,
        "version": ensure_expectation(world).version,
    }


def cadence_data(world: Any) -> dict[str, Any]:
    current = cadence_of(world)
    return {"every_weeks": 4, "version": current.version if current else ""}


# The forms of the feedback app for every professional on the case: URL name in `feedback`,
# its kwargs, a post that succeeds.
FEEDBACK_FORMS = [
    ("round_new", reference_kwargs, round_data),
    ("round_withdraw", round_kwargs, withdraw_data),
    ("signal_close", signal_kwargs, signal_close_data),
    ("expectation_new", reference_kwargs, expectation_create_data),
    ("expectation_edit", expectation_kwargs, expectation_edit_data),
    ("expectation_withdraw", expectation_kwargs, withdraw_data),
]
# The consultant's (and the team lead's) only.
CONSULTANT_FORMS = [
    ("cadence", reference_kwargs, cadence_data),
]

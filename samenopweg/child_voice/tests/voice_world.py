"""The child's voice in the test world, and the URL kwargs and posts the cross-app suites use.

Idempotent, like the other `*_world` modules: the permission matrix builds its URLs many times
on the same world. The helpers take the world or the matrix's case (which holds it).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.cases.tests.helpers import (
    child_of,
    first_or_create,
    mother_of,
    reference_kwargs,
    world_of,
)
from samenopweg.child_voice.models import (
    ChildWords,
    Drawing,
    DrawingMade,
    How,
    Part,
    Spokesperson,
    SpokespersonReason,
    Tool,
    VoiceSession,
    WordsLink,
)
from samenopweg.core.models import Audience
from samenopweg.safety_plans.tests.plan_world import picture_file

QUOTE = "Ik wil dat papa niet meer boos wort."  # the child's spelling, kept as said
SHARED_QUOTE = "Oma Maria leest altijd een boekje voor."


def ensure_session(world: Any) -> VoiceSession:
    """Three Houses with Noor, a week ago."""
    world = world_of(world)
    return first_or_create(
        VoiceSession.objects.filter(trajectory=world.trajectory, tool=Tool.THREE_HOUSES),
        trajectory=world.trajectory,
        child=child_of(world.trajectory),
        held_on=timezone.localdate() - datetime.timedelta(days=7),
        tool=Tool.THREE_HOUSES,
        place="thuis",
        created_by=world.worker,
    )


def ensure_words(world: Any) -> ChildWords:
    """Noor's worry, for professionals only."""
    world = world_of(world)
    session = ensure_session(world)
    return first_or_create(
        ChildWords.objects.filter(session=session, part=Part.WORRIES),
        trajectory=world.trajectory,
        session=session,
        part=Part.WORRIES,
        words=QUOTE,
        how=How.SAID,
        professional_note="Ze keek naar de grond.",
        created_by=world.worker,
    )


def ensure_shared_words(world: Any) -> ChildWords:
    """Noor's good thing, shared with parents and network (Noor agreed)."""
    world = world_of(world)
    session = ensure_session(world)
    return first_or_create(
        ChildWords.objects.filter(session=session, part=Part.GOOD),
        trajectory=world.trajectory,
        session=session,
        part=Part.GOOD,
        words=SHARED_QUOTE,
        how=How.SAID,
        audience=Audience.NETWORK,
        child_agreed=True,
        consent_asked_by=world.worker,
        created_by=world.worker,
    )


def ensure_link(world: Any) -> WordsLink:
    world = world_of(world)
    words = ensure_words(world)
    return first_or_create(
        WordsLink.objects.filter(words=words),
        trajectory=world.trajectory,
        words=words,
        safety_goal=ensure_goal(world),
        created_by=world.worker,
    )


def ensure_drawing(world: Any) -> Drawing:
    world = world_of(world)
    session = ensure_session(world)
    found = Drawing.objects.filter(session=session).first()
    if found is not None:
        return found
    from samenopweg.child_voice import services

    return services.add_drawing(
        session=session,
        picture=picture_file(),
        made=DrawingMade.PHOTO,
        description="Een huis met een zon en drie mensen",
        part=Part.DREAMS,
        actor=world.worker,
    )


def ensure_spokesperson(world: Any) -> Spokesperson:
    """Mama An speaks for Noor (in the test world Noor is young)."""
    world = world_of(world)
    return first_or_create(
        Spokesperson.objects.filter(trajectory=world.trajectory),
        trajectory=world.trajectory,
        child=child_of(world.trajectory),
        person=mother_of(world.trajectory),
        reason=SpokespersonReason.NOT_READY,
        created_by=world.worker,
    )


def session_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "session_id": ensure_session(world).pk}


def words_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "words_id": ensure_words(world).pk}


def link_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "link_id": ensure_link(world).pk}


def drawing_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "drawing_id": ensure_drawing(world).pk}


def spokesperson_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "spokesperson_id": ensure_spokesperson(world).pk}


def session_create_data(world: Any) -> dict[str, Any]:
    world = world_of(world)
    return {
        "child": child_of(world.trajectory).pk,
        "tool": Tool.SAFETY_HOUSE,
        "held_on": timezone.localdate().isoformat(),
        "place": "op school",
    }


def session_edit_data(world: Any) -> dict[str, Any]:
    session = ensure_session(world)
    return {
        "held_on": session.held_on.isoformat(),
        "place": "bij oma",
        "note": "Noor was open en rustig.",
        "version": session.version,
    }


def words_create_data(world: Any) -> dict[str, Any]:
    return {"part": Part.DREAMS, "words": "Dat we samen naar zee gaan.", "how": How.SAID}


def words_edit_data(world: Any) -> dict[str, Any]:
    words = ensure_words(world)
    return {"words": words.words + " En niet roept.", "how": How.SAID, "version": words.version}


def share_data(world: Any) -> dict[str, Any]:
    words = ensure_words(world)
    return {"audience": Audience.PARENTS, "child_agreed": "on", "version": words.version}


def drawing_share_data(world: Any) -> dict[str, Any]:
    drawing = ensure_drawing(world)
    return {"audience": Audience.PARENTS, "child_agreed": "on", "version": drawing.version}


def link_data(world: Any) -> dict[str, Any]:
    from samenopweg.assessments.tests.statement_world import ensure_bottom_line

    return {"target": f"bottom_line:{ensure_bottom_line(world_of(world)).pk}"}


def spokesperson_data(world: Any) -> dict[str, Any]:
    world = world_of(world)
    return {
        "child": child_of(world.trajectory).pk,
        "professional": world.worker.pk,
        "reason": SpokespersonReason.AGE,
        "why": "Noor praat nog weinig met vreemden.",
    }


def withdraw_data(world: Any) -> dict[str, Any]:
    return {"reason": "Per vergissing bij het verkeerde kind."}


def drawing_data(world: Any) -> dict[str, Any]:
    return {
        "picture": picture_file("huis.png"),
        "description": "Een huis met een rode deur",
        "made": DrawingMade.PHOTO,
        "part": Part.GOOD,
    }


# The forms of the child's voice, for every professional on the case: URL name in
# `child_voice`, its kwargs, a post that succeeds.
VOICE_FORMS = [
    ("session_new", reference_kwargs, session_create_data),
    ("session_edit", session_kwargs, session_edit_data),
    ("words_new", session_kwargs, words_create_data),
    ("words_edit", words_kwargs, words_edit_data),
    ("words_share", words_kwargs, share_data),
    ("words_link", words_kwargs, link_data),
    ("drawing_new", session_kwargs, drawing_data),
    ("drawing_share", drawing_kwargs, drawing_share_data),
    ("spokesperson_new", reference_kwargs, spokesperson_data),
]
# Withdrawals (their own posts: each ends the item it names).
VOICE_WITHDRAWALS = [
    ("session_withdraw", session_kwargs, withdraw_data),
    ("words_withdraw", words_kwargs, withdraw_data),
    ("drawing_withdraw", drawing_kwargs, withdraw_data),
    ("spokesperson_withdraw", spokesperson_kwargs, withdraw_data),
]

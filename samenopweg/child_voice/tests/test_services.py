"""The writes of the child's voice: the practice's rules, the kernel's refusals, the audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import World
from samenopweg.assessments.tests.statement_world import ensure_goal, ensure_statement
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.models import Upload
from samenopweg.cases.tests.helpers import (
    assert_refused_while_closed,
    child_of,
    close_trajectory,
    mother_of,
)
from samenopweg.child_voice import services
from samenopweg.child_voice.models import ChildWords, How, Part, Tool, WordsLink
from samenopweg.child_voice.tests import voice_world as stem
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.people.models import ContactBan, Person
from samenopweg.safety_plans.tests.plan_world import picture_file

pytestmark = pytest.mark.django_db


def _audit(world: World, action: str, label: str) -> int:
    return AuditEvent.objects.filter(
        trajectory=world.trajectory, action=action, object_type=label
    ).count()


def test_a_session_is_with_a_child_of_this_trajectory(world: World) -> None:
    mama = mother_of(world.trajectory)
    with pytest.raises(ValidationError) as refused:
        services.add_session(
            trajectory=world.trajectory,
            child=mama,
            held_on=timezone.localdate(),
            tool=Tool.THREE_HOUSES,
            actor=world.worker,
        )
    assert "child" in refused.value.message_dict
    mila = Person.objects.get(trajectory=world.other_trajectory, is_child=True)
    with pytest.raises(ValidationError):
        services.add_session(
            trajectory=world.trajectory,
            child=mila,
            held_on=timezone.localdate(),
            tool=Tool.THREE_HOUSES,
            actor=world.worker,
        )


def test_words_are_kept_as_said_apart_from_the_note_and_audited(world: World) -> None:
    session = stem.ensure_session(world)
    before = _audit(world, AuditAction.CREATE, "child_voice.childwords")
    words = services.add_words(
        session=session,
        part=Part.DREAMS,
        words="  dat we op vakansie gaan naar de zee  ",
        professional_note="Ze lachte.",
        actor=world.worker,
    )
    words.refresh_from_db()
    assert words.words == "dat we op vakansie gaan naar de zee"  # the spelling stays
    assert words.professional_note == "Ze lachte."
    assert words.audience == Audience.PROFESSIONALS
    assert words.created_by == world.worker
    assert _audit(world, AuditAction.CREATE, "child_voice.childwords") == before + 1


def test_a_part_must_belong_to_the_tool(world: World) -> None:
    session = stem.ensure_session(world)  # Three Houses
    with pytest.raises(ValidationError) as refused:
        services.add_words(session=session, part=Part.WIZARD, words="weg", actor=world.worker)
    assert "part" in refused.value.message_dict


def test_the_safety_path_needs_a_place_from_0_to_10(world: World) -> None:
    house = services.add_session(
        trajectory=world.trajectory,
        child=child_of(world.trajectory),
        held_on=timezone.localdate(),
        tool=Tool.SAFETY_HOUSE,
        actor=world.worker,
    )
    with pytest.raises(ValidationError) as refused:
        services.add_words(session=house, part=Part.PATH, words="hier", actor=world.worker)
    assert "path_position" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.add_words(
            session=house, part=Part.PATH, words="hier", path_position=11, actor=world.worker
        )
    spot = services.add_words(
        session=house, part=Part.PATH, words="bijna binnen", path_position=7, actor=world.worker
    )
    assert spot.path_position == 7
    # A place on the path belongs to the path alone.
    other = services.add_words(
        session=house, part=Part.RULES, words="niet roepen", path_position=3, actor=world.worker
    )
    assert other.path_position is None


def test_a_spokesperson_speaks_for_one_child_and_is_named(world: World) -> None:
    session = stem.ensure_session(world)
    spokesperson = services.name_spokesperson(
        trajectory=world.trajectory,
        child=child_of(world.trajectory),
        person=mother_of(world.trajectory),
        reason="age",
        actor=world.worker,
    )
    with pytest.raises(ValidationError) as refused:
        services.add_words(
            session=session,
            part=Part.GOOD,
            words="ze speelt graag",
            how=How.SPOKESPERSON,
            actor=world.worker,
        )
    assert "spokesperson" in refused.value.message_dict
    words = services.add_words(
        session=session,
        part=Part.GOOD,
        words="ze speelt graag buiten",
        how=How.SPOKESPERSON,
        spokesperson=spokesperson,
        actor=world.worker,
    )
    assert words.by_spokesperson and words.spokesperson == spokesperson
    # Said by the child herself: no spokesperson kept, whatever the form sent.
    own = services.add_words(
        session=session,
        part=Part.GOOD,
        words="ik speel graag",
        spokesperson=spokesperson,
        actor=world.worker,
    )
    assert own.spokesperson is None


def test_a_spokesperson_is_one_person_or_one_professional_of_the_case(world: World) -> None:
    noor = child_of(world.trajectory)
    with pytest.raises(ValidationError):
        services.name_spokesperson(
            trajectory=world.trajectory, child=noor, reason="age", actor=world.worker
        )
    with pytest.raises(ValidationError) as refused:
        services.name_spokesperson(
            trajectory=world.trajectory,
            child=noor,
            professional=world.worker_elsewhere,
            reason="age",
            actor=world.worker,
        )
    assert "professional" in refused.value.message_dict
    made = services.name_spokesperson(
        trajectory=world.trajectory,
        child=noor,
        professional=world.worker,
        reason="disability",
        actor=world.owner,
    )
    assert made.name


def test_someone_under_a_contact_ban_cannot_speak_for_the_child(world: World) -> None:
    noor = child_of(world.trajectory)
    papa = Person.objects.create(
        trajectory=world.trajectory, first_name="Tom", created_by=world.owner
    )
    ContactBan.objects.create(
        trajectory=world.trajectory,
        person=papa,
        child=noor,
        reason="vonnis",
        created_by=world.owner,
    )
    with pytest.raises(ValidationError, match="contactverbod"):
        services.name_spokesperson(
            trajectory=world.trajectory, child=noor, person=papa, reason="age", actor=world.owner
        )


def test_sharing_needs_the_childs_agreement_and_records_who_asked(world: World) -> None:
    words = stem.ensure_words(world)
    with pytest.raises(ValidationError) as refused:
        services.share(
            item=words,
            expected_version=words.version,
            audience=Audience.PARENTS,
            child_agreed=False,
            actor=world.worker,
        )
    assert "child_agreed" in refused.value.message_dict
    shared = services.share(
        item=words,
        expected_version=words.version,
        audience=Audience.PARENTS,
        child_agreed=True,
        actor=world.worker,
    )
    assert shared.audience == Audience.PARENTS
    assert shared.consent_asked_by == world.worker and shared.consent_at is not None
    with pytest.raises(EditConflict):
        services.share(
            item=ChildWords.objects.get(pk=words.pk),
            expected_version=1,
            audience=Audience.PROFESSIONALS,
            child_agreed=False,
            actor=world.owner,
        )


def test_a_drawing_goes_through_the_safe_upload_and_its_picture_follows_it(world: World) -> None:
    session = stem.ensure_session(world)
    drawing = services.add_drawing(
        session=session,
        picture=picture_file(),
        made="canvas",
        description="Een zon",
        actor=world.worker,
    )
    assert drawing.upload.content_type in {"image/png", "image/jpeg"}  # checked, re-encoded
    assert drawing.upload.audience == Audience.PROFESSIONALS
    services.share(
        item=drawing,
        expected_version=drawing.version,
        audience=Audience.NETWORK,
        child_agreed=True,
        actor=world.worker,
    )
    assert Upload.objects.get(pk=drawing.upload_id).audience == Audience.NETWORK
    services.withdraw_drawing(drawing=drawing, reason="Verkeerde foto", actor=world.worker)
    assert Upload.objects.get(pk=drawing.upload_id).audience == Audience.PROFESSIONALS
    with pytest.raises(ValidationError) as refused:
        services.add_drawing(
            session=session,
            picture=SimpleUploadedFile("x.png", b"not a picture", content_type="image/png"),
            made="photo",
            description="Niets",
            actor=world.worker,
        )
    assert "picture" in refused.value.message_dict


def test_links_go_to_one_item_of_the_same_trajectory_once(world: World) -> None:
    words = stem.ensure_words(world)
    goal = ensure_goal(world)
    link = services.link_words(entry=words, target=goal, actor=world.worker)
    assert link.safety_goal == goal
    with pytest.raises(ValidationError, match="al aan gekoppeld"):
        services.link_words(entry=words, target=goal, actor=world.worker)
    services.link_words(entry=words, target=ensure_statement(world), actor=world.worker)
    assert services.unlink_words(link=link, actor=world.worker)
    assert WordsLink.objects.filter(words=words, withdrawn_at__isnull=True).count() == 1
    # Withdrawn words take their links with them.
    services.withdraw_words(entry=words, reason="Verkeerd kind", actor=world.worker)
    assert not WordsLink.objects.filter(words=words, withdrawn_at__isnull=True).exists()


def test_withdrawing_a_session_withdraws_what_was_said_in_it(world: World) -> None:
    words = stem.ensure_words(world)
    drawing = stem.ensure_drawing(world)
    services.withdraw_session(session=words.session, reason="Dubbel", actor=world.worker)
    words.refresh_from_db()
    drawing.refresh_from_db()
    assert words.is_withdrawn and drawing.is_withdrawn
    with pytest.raises(ValidationError):
        services.add_words(session=words.session, part=Part.GOOD, words="x", actor=world.worker)


def test_a_closed_trajectory_refuses_every_write(world: World) -> None:
    session = stem.ensure_session(world)
    words = stem.ensure_words(world)
    goal = ensure_goal(world)
    close_trajectory(world)
    session.trajectory.refresh_from_db()
    words.trajectory.refresh_from_db()

    def state() -> tuple[int, int]:
        return (
            ChildWords.objects.filter(trajectory=world.trajectory).count(),
            AuditEvent.objects.filter(
                trajectory=world.trajectory,
                action__in=[AuditAction.CREATE, AuditAction.UPDATE, AuditAction.WITHDRAW],
            ).count(),
        )

    assert_refused_while_closed(
        [
            lambda: services.add_session(
                trajectory=world.trajectory,
                child=child_of(world.trajectory),
                held_on=timezone.localdate(),
                tool=Tool.FAIRY_WIZARD,
                actor=world.worker,
            ),
            lambda: services.add_words(
                session=session, part=Part.GOOD, words="x", actor=world.worker
            ),
            lambda: services.link_words(entry=words, target=goal, actor=world.worker),
            lambda: services.share(
                item=words,
                expected_version=words.version,
                audience=Audience.PARENTS,
                child_agreed=True,
                actor=world.worker,
            ),
            lambda: services.add_drawing(
                session=session,
                picture=picture_file(),
                made="photo",
                description="x",
                actor=world.worker,
            ),
            lambda: services.withdraw_words(entry=words, reason="x", actor=world.worker),
        ],
        state,
    )

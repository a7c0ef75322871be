"""The child's voice in the demo: every family gets a session with one of its children.

A toddler (under 4) gets a spokesperson, an adult of the family, who says what the child
cannot say yet (Fairy and Wizard); the other families alternate between Three Houses with a
drawing and the Safety House with the safety path. One quote is linked to the family's first
safety goal, one is shared with the parents with the child's agreement. Once per trajectory.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from samenopweg.assessments.models import SafetyGoal
from samenopweg.child_voice import services
from samenopweg.child_voice.models import How, Part, Tool, VoiceSession
from samenopweg.core.models import Audience
from samenopweg.demo.builders import Family, drawing

TODDLER = 4


def write_voice(family: Family) -> int:
    trajectory = family.trajectory
    if trajectory.is_closed or VoiceSession.objects.filter(trajectory=trajectory).exists():
        return 0
    children = list(trajectory.persons.filter(is_child=True).order_by("date_of_birth"))
    adults = list(trajectory.persons.filter(is_child=False).order_by("id"))
    if not children:
        return 0
    actor = family.writer
    child = children[-1]  # the youngest: the one most easily left unheard
    age = child.age_on(family.today) or 0
    if age < TODDLER and adults:
        tool = Tool.FAIRY_WIZARD
    elif trajectory.pk % 2:
        tool = Tool.SAFETY_HOUSE
    else:
        tool = Tool.THREE_HOUSES
    session = services.add_session(
        trajectory=trajectory,
        child=child,
        held_on=family.day(12),
        tool=tool,
        place="thuis, aan de keukentafel",
        present=adults[:1],
        note=f"{child.first_name} tekende mee en vertelde veel. We spraken ongeveer 40 minuten.",
        actor=actor,
    )
    name = child.first_name
    said = []
    if tool == Tool.FAIRY_WIZARD:
        speaker = services.name_spokesperson(
            trajectory=trajectory,
            child=child,
            person=adults[0],
            reason="age",
            why=f"{name} is te jong om het zelf te zeggen. {adults[0].first_name} kent {name} het best.",
            actor=actor,
        )
        for part, words in (
            (Part.WIZARD, f"{name} schrikt als er thuis geroepen wordt en kruipt dan weg."),
            (Part.FAIRY, f"{name} wil elke avond in bed gelegd worden en een liedje zingt."),
            (Part.STAYS, "De knuffel, en elke dag naar de opvang bij juf Sara."),
        ):
            said.append(
                services.add_words(
                    session=session,
                    part=part,
                    words=words,
                    how=How.SPOKESPERSON,
                    spokesperson=speaker,
                    actor=actor,
                )
            )
    elif tool == Tool.SAFETY_HOUSE:
        for part, words, spot in (
            (Part.LIVES, "ik en mama en de kat", None),
            (Part.VISITS, "oma komt op woensdag en dan bakken we pannenkoeken", None),
            (Part.NOT_IN, "niemand die roept of slaat", None),
            (Part.RULES, "niet roepen. als papa boos is gaat hij buiten wandelen", None),
            (Part.PATH, "ik sta op de trap, nog niet helemaal binnen", 6),
        ):
            said.append(
                services.add_words(
                    session=session,
                    part=part,
                    words=words,
                    how=How.SAID,
                    path_position=spot,
                    actor=actor,
                )
            )
        earlier = services.add_session(
            trajectory=trajectory,
            child=child,
            held_on=family.day(40),
            tool=Tool.SAFETY_HOUSE,
            place="op school",
            actor=actor,
        )
        services.add_words(
            session=earlier,
            part=Part.PATH,
            words="ik sta nog bij de poort",
            path_position=3,
            actor=actor,
        )
    else:
        for part, words in (
            (Part.WORRIES, "als mama en papa ruzie maken en ik niet kan slapen"),
            (Part.GOOD, "voetbal met mijn vriendjes en oma haar soep"),
            (Part.DREAMS, "dat iedereen rustig is en we samen op reis gaan naar zee"),
        ):
            said.append(
                services.add_words(
                    session=session, part=part, words=words, how=How.WROTE, actor=actor
                )
            )
        services.add_drawing(
            session=session,
            picture=SimpleUploadedFile("huis.png", drawing("house"), content_type="image/png"),
            made="photo",
            description=f"Het huis van de dromen: {name} en het gezin voor een huis met een zon",
            part=Part.DREAMS,
            actor=actor,
        )
    goal = (
        SafetyGoal.objects.filter(trajectory=trajectory, withdrawn_at__isnull=True)
        .order_by("position", "id")
        .first()
    )
    if goal is not None and said:
        services.link_words(entry=said[0], target=goal, actor=actor)
    if len(said) > 1:
        shared = said[1]
        services.share(
            item=shared,
            expected_version=shared.version,
            audience=Audience.PARENTS,
            child_agreed=True,
            actor=actor,
        )
    return 1

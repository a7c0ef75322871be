"""What the family's pages show of and for the children: the Words and Pictures stories shared
with them, what a child said that was shared (with the child's agreement), and for a young
person their trusted person and their safety object. Everything through the item rule: a
parent, a network member and a young person each see what reaches their level, and never a
professional's note about what a child said."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.child_voice.models import ChildWords, Drawing, Part
from samenopweg.people.models import ChildSupport, Person, SupportRole
from samenopweg.safety_plans.models import PlanStatus, SafetyPlan, Story, StoryPage


@dataclass(frozen=True)
class SharedWords:
    child: str  # the child's first name
    part: str  # "Huis van de zorgen"
    words: str  # as said, in the child's spelling
    by_spokesperson: str  # "oma Rita" when someone said it for the child, else ""
    said_on: Any  # the session's date


@dataclass(frozen=True)
class SharedDrawing:
    child: str
    upload_id: int
    description: str


def stories(access: CaseAccess) -> list[Story]:
    """The Words and Pictures stories shared with this person, with their number of pages that
    this person may see. One query."""
    return list(
        visible_items(access, Story.objects.all())
        .annotate(
            page_count=Count(
                "pages",
                filter=Q(
                    pages__withdrawn_at__isnull=True, pages__audience__gte=access.audience_floor
                ),
            )
        )
        .filter(page_count__gt=0)
        .order_by("kind", "-created_at")
    )


def story_pages(access: CaseAccess, story: Story) -> list[StoryPage]:
    """The pages of one story this person may see, in order, with their pictures. One query."""
    return list(
        visible_items(access, StoryPage.objects.filter(story=story, withdrawn_at__isnull=True))
        .select_related("picture")
        .order_by("position", "id")
    )


def shared_words(access: CaseAccess, child: Person | None = None) -> list[SharedWords]:
    """What the children said that was shared with this person (the child agreed; the sharing
    gave it an audience that reaches them), newest first; only `child`'s when given. The
    professional's note is never read. One query."""
    labels = dict(Part.choices)
    rows = visible_items(
        access,
        ChildWords.objects.filter(
            withdrawn_at__isnull=True, child_agreed=True, session__withdrawn_at__isnull=True
        ),
    )
    if child is not None:
        rows = rows.filter(session__child=child)
    found = []
    for words in rows.select_related(
        "session__child", "spokesperson__person", "spokesperson__professional"
    ).order_by("-session__held_on", "-id")[:50]:
        spokesperson = words.spokesperson
        found.append(
            SharedWords(
                child=words.session.child.first_name,
                part=str(labels.get(words.part, words.part)),
                words=words.words,
                by_spokesperson=_spokesperson_name(spokesperson),
                said_on=words.session.held_on,
            )
        )
    return found


def _spokesperson_name(spokesperson: Any) -> str:
    if spokesperson is None:
        return ""
    if spokesperson.person is not None:
        return str(spokesperson.person.first_name)
    return str(spokesperson.professional.first_name or spokesperson.professional)


def shared_drawings(access: CaseAccess, child: Person | None = None) -> list[SharedDrawing]:
    """The children's drawings shared with this person (their picture follows the drawing's
    audience: cases.uploads). One query."""
    rows = visible_items(
        access,
        Drawing.objects.filter(
            withdrawn_at__isnull=True, child_agreed=True, session__withdrawn_at__isnull=True
        ),
    )
    if child is not None:
        rows = rows.filter(session__child=child)
    return [
        SharedDrawing(child=first_name, upload_id=upload_id, description=description)
        for first_name, upload_id, description in rows.order_by(
            "-session__held_on", "-id"
        ).values_list("session__child__first_name", "upload_id", "description")[:30]
    ]


def trusted_people(access: CaseAccess, child: Person) -> list[Person]:
    """The child's trusted person(s) and lasting adults who said yes, shared with this person.
    One query."""
    supports = visible_items(
        access,
        ChildSupport.objects.filter(child=child, withdrawn_at__isnull=True).select_related("adult"),
    ).order_by("role", "id")
    return [s.adult for s in supports if s.role == SupportRole.TRUSTED_PERSON] + [
        s.adult for s in supports if s.role != SupportRole.TRUSTED_PERSON
    ]


def safety_objects(access: CaseAccess) -> list[tuple[str, str]]:
    """The safety objects of the plans shared with this person: (the object, what it means).
    One query."""
    plans = visible_items(
        access, SafetyPlan.objects.exclude(status=PlanStatus.ENDED).exclude(safety_object="")
    ).order_by("kind", "id")
    return [(p.safety_object, p.safety_object_meaning) for p in plans]

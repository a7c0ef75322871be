"""Reads of the child's voice, each through the item rule (`cases.access.visible_items`), in a
fixed number of queries whatever the number of sessions, words or drawings.

The providers at the bottom are what the lower pages show (registered in `apps.py` through
`cases.extensions`): "Wat Lena zegt" next to a linked statement, goal, bottom line or plan
rule; the flag on a goal not yet discussed with the children; what the children said per column
of the map; the child's place on the safety path as a line of the scaling chart.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from samenopweg.assessments.models import BottomLine, DangerStatement, SafetyGoal
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.extensions import ExtraSeries, ItemNote, ItemNotes, NoteKey, note_key
from samenopweg.child_voice.models import (
    MAP_GROUP,
    PART_PROMPTS,
    PARTS,
    ChildWords,
    Drawing,
    How,
    Part,
    Spokesperson,
    VoiceSession,
    WordsLink,
)
from samenopweg.core.models import Audience
from samenopweg.people.models import Person
from samenopweg.safety_plans.models import PlanRule, PlanStatus

SESSIONS_SHOWN = 50  # per child on the overview; older ones behind "alles tonen"


def speaker_heading(words: ChildWords, child_name: str) -> str:
    """ "Wat Lena zegt", or for a spokesperson "Wat oma Rita zegt namens Lena": never the
    child's own words when someone else said them."""
    if words.how == How.SPOKESPERSON and words.spokesperson is not None:
        return _("Wat %(speaker)s zegt namens %(child)s") % {
            "speaker": words.spokesperson.name,
            "child": child_name,
        }
    if words.how == How.WROTE:
        return _("Wat %(child)s schreef") % {"child": child_name}
    return _("Wat %(child)s zegt") % {"child": child_name}


def _words(access: CaseAccess) -> QuerySet[ChildWords]:
    """The words this user may read: for the family only what is shared with them, never what
    is withdrawn, and never words of a withdrawn session."""
    rows = visible_items(access, ChildWords.objects.all()).select_related(
        "session__child", "spokesperson__person", "spokesperson__professional"
    )
    if not access.is_professional:
        rows = rows.filter(session__withdrawn_at__isnull=True)
    return rows


# --- the overview and one session -------------------------------------------------------------


@dataclass
class ChildBlock:
    child: Person
    spokespersons: list[Spokesperson]
    sessions: list[VoiceSession]
    session_count: int
    last_held_on: datetime.date | None


def overview(access: CaseAccess, *, show_withdrawn: bool = False) -> list[ChildBlock]:
    """Per child of the trajectory: their spokespersons and their sessions, newest first, each
    with how many words and drawings it holds (four queries)."""
    children = list(
        visible_items(access, Person.objects.filter(is_child=True)).order_by(
            "date_of_birth", "first_name", "id"
        )
    )
    spokespersons = visible_items(access, Spokesperson.objects.all()).select_related(
        "person", "professional"
    )
    sessions = visible_items(access, VoiceSession.objects.all()).annotate(
        words_count=Count("words", filter=Q(words__withdrawn_at__isnull=True), distinct=True),
        drawings_count=Count(
            "drawings", filter=Q(drawings__withdrawn_at__isnull=True), distinct=True
        ),
    )
    if not show_withdrawn:
        spokespersons = spokespersons.filter(withdrawn_at__isnull=True)
        sessions = sessions.filter(withdrawn_at__isnull=True)
    by_child: dict[int, list[VoiceSession]] = defaultdict(list)
    for session in sessions.order_by("-held_on", "-id"):
        by_child[session.child_id].append(session)
    speakers: dict[int, list[Spokesperson]] = defaultdict(list)
    for spokesperson in spokespersons:
        speakers[spokesperson.child_id].append(spokesperson)
    return [
        ChildBlock(
            child=child,
            spokespersons=speakers.get(child.pk, []),
            sessions=by_child.get(child.pk, [])[:SESSIONS_SHOWN],
            session_count=len(by_child.get(child.pk, [])),
            last_held_on=by_child[child.pk][0].held_on if by_child.get(child.pk) else None,
        )
        for child in children
    ]


@dataclass
class PartBlock:
    part: str
    label: str
    prompt: str
    words: list[ChildWords] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)


def session_parts(access: CaseAccess, session: VoiceSession) -> list[PartBlock]:
    """The parts of the session's tool, each with its words (and their links) and drawings; the
    drawings of no part come last. Three queries."""
    link_rows = visible_items(access, WordsLink.objects.filter(withdrawn_at__isnull=True))
    words = (
        visible_items(access, ChildWords.objects.filter(session=session))
        .select_related("spokesperson__person", "spokesperson__professional", "about_person")
        .prefetch_related(
            Prefetch(
                "links",
                queryset=link_rows.select_related(
                    "danger_statement", "safety_goal", "bottom_line", "plan_rule"
                ),
                to_attr="current_links",
            )
        )
        .order_by("id")
    )
    drawings = (
        visible_items(access, Drawing.objects.filter(session=session))
        .select_related("upload")
        .order_by("id")
    )
    blocks: dict[str, PartBlock] = {
        str(part): PartBlock(part=part, label=str(Part(part).label), prompt=str(PART_PROMPTS[part]))
        for part in PARTS[session.tool]
    }
    loose = PartBlock(part="", label=_("Tekeningen"), prompt="")
    for entry in words:
        blocks[entry.part].words.append(entry)
    for drawing in drawings:
        blocks.get(drawing.part, loose).drawings.append(drawing)
    return [*blocks.values(), *([loose] if loose.drawings else [])]


def sessions_of_child(access: CaseAccess, child: Person) -> QuerySet[VoiceSession]:
    return visible_items(access, VoiceSession.objects.filter(child=child)).order_by(
        "-held_on", "-id"
    )


# --- choices for the link form -------------------------------------------------------------


def link_targets(access: CaseAccess) -> list[tuple[str, list[tuple[str, str]]]]:
    """What a child's words can be linked to, in groups: the current danger statements, safety
    goals, bottom lines and plan rules of the trajectory ("goal:12")."""

    def current(model: Any) -> QuerySet[Any]:
        return visible_items(access, model.objects.filter(withdrawn_at__isnull=True))

    def short(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= 90 else text[:89] + "…"

    groups = [
        (
            _("Gevaarsboodschappen"),
            [
                (f"statement:{s.pk}", short(s.behaviour))
                for s in current(DangerStatement).order_by("position", "id")
            ],
        ),
        (
            _("Veiligheidsdoelen"),
            [
                (f"goal:{g.pk}", short(g.parents_and_network_will))
                for g in current(SafetyGoal).order_by("position", "id")
            ],
        ),
        (
            _("Bodemeisen"),
            [(f"bottom_line:{b.pk}", short(b.text)) for b in current(BottomLine)],
        ),
        (
            _("Afspraken in het veiligheidsplan"),
            [
                (f"rule:{r.pk}", short(r.what))
                for r in current(PlanRule).exclude(plan__status=PlanStatus.ENDED)
            ],
        ),
    ]
    return [(label, options) for label, options in groups if options]


TARGET_MODELS = {
    "statement": "danger_statement",
    "goal": "safety_goal",
    "bottom_line": "bottom_line",
    "rule": "plan_rule",
}


def resolve_target(access: CaseAccess, value: str) -> Any:
    """The item a link form's choice names ("goal:12"), through the item rule; None if not."""
    kind, _sep, pk = value.partition(":")
    name = TARGET_MODELS.get(kind)
    if name is None or not pk.isdigit():
        return None
    model = WordsLink._meta.get_field(name).related_model
    return (
        visible_items(access, model._default_manager.filter(withdrawn_at__isnull=True))  # type: ignore[union-attr]
        .filter(pk=int(pk))
        .first()
    )


# --- for the charter indicators (later) ---------------------------------------------------


def words_recorded_since(
    trajectory_ids: Iterable[int], since: datetime.date
) -> dict[int, dict[str, int]]:
    """Per trajectory, the child's words recorded since `since` (not withdrawn): in their own
    voice (said or wrote) and through a spokesperson. One query."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        ChildWords.objects.filter(
            trajectory_id__in=list(trajectory_ids),
            withdrawn_at__isnull=True,
            session__withdrawn_at__isnull=True,
            session__held_on__gte=since,
        )
        .values("trajectory_id")
        .annotate(
            own=Count("id", filter=~Q(how=How.SPOKESPERSON)),
            spokesperson=Count("id", filter=Q(how=How.SPOKESPERSON)),
        )
    )
    for row in rows:
        counts[row["trajectory_id"]] = {"own": row["own"], "spokesperson": row["spokesperson"]}
    return counts


# --- what the lower pages show (cases.extensions providers) --------------------------------


def _session_url(access: CaseAccess, words: ChildWords) -> str:
    if not access.is_professional:
        return ""
    return reverse("child_voice:session", args=[access.trajectory.reference, words.session_id])


def _note(access: CaseAccess, words: ChildWords) -> ItemNote:
    return ItemNote(
        heading=speaker_heading(words, words.session.child.first_name),
        text=words.words,
        url=_session_url(access, words),
        said_on=words.session.held_on,
    )


def linked_notes(access: CaseAccess, objects: Sequence[Any]) -> ItemNotes:
    """What the children said next to the items it is linked to, and the flag on a safety goal
    no child's words are linked to yet (for the consultant, when the trajectory has children).
    Two queries at most, for all objects together."""
    found = ItemNotes()
    ids: dict[str, list[int]] = defaultdict(list)
    wanted: set[NoteKey] = set()
    for obj in objects:
        for name in WordsLink.TARGETS:
            model = WordsLink._meta.get_field(name).related_model
            if isinstance(obj, model):  # type: ignore[arg-type]
                ids[name].append(obj.pk)
                wanted.add(note_key(obj))
    if not ids:
        return found
    visible = _words(access).filter(withdrawn_at__isnull=True).values("pk")
    links = (
        WordsLink.objects.filter(
            trajectory=access.trajectory,
            withdrawn_at__isnull=True,
            words__in=visible,
        )
        .filter(_any_of(ids))
        .select_related(
            "words__session__child",
            "words__spokesperson__person",
            "words__spokesperson__professional",
        )
        .order_by("words__session__held_on", "words_id")
    )
    linked: set[NoteKey] = set()
    for link in links:
        for name in WordsLink.TARGETS:
            target_id = getattr(link, f"{name}_id")
            if target_id is not None:
                model = WordsLink._meta.get_field(name).related_model
                key = (model._meta.label_lower, target_id)  # type: ignore[union-attr]
                found.notes.setdefault(key, []).append(_note(access, link.words))
                linked.add(key)
    # The consultant reads every current word, so the links above are all there are: a goal
    # none of them points to was not discussed with the children yet.
    goals = [obj for obj in objects if isinstance(obj, SafetyGoal)]
    if goals and access.is_consultant and _has_children(access):
        for goal in goals:
            if note_key(goal) not in linked and not goal.is_withdrawn:
                found.flags[note_key(goal)] = _("Nog niet besproken met de kinderen")
    return found


def _any_of(ids: dict[str, list[int]]) -> Q:
    query = Q()
    for name, pks in ids.items():
        query |= Q(**{f"{name}_id__in": pks})
    return query


def _has_children(access: CaseAccess) -> bool:
    return Person.objects.filter(trajectory=access.trajectory, is_child=True).exists()


def map_notes(access: CaseAccess) -> dict[str, list[ItemNote]]:
    """What the children said, per column of the map: the worries with the worries, the good
    things with what goes well, the dreams and the house rules with what must happen."""
    groups: dict[str, list[ItemNote]] = defaultdict(list)
    for words in (
        _words(access).filter(withdrawn_at__isnull=True).order_by("-session__held_on", "-id")
    ):
        if words.part == Part.PATH:
            text = _("op %(spot)s van 10: %(words)s") % {
                "spot": words.path_position,
                "words": words.words,
            }
            groups[MAP_GROUP[words.part]].append(
                ItemNote(
                    heading=_note(access, words).heading,
                    text=text,
                    url=_session_url(access, words),
                    said_on=words.session.held_on,
                )
            )
        else:
            groups[MAP_GROUP[words.part]].append(_note(access, words))
    return dict(groups)


def path_series(access: CaseAccess) -> list[ExtraSeries]:
    """Each child's place on the safety path over time, as a line of the scaling chart: one
    for their own voice, one per spokesperson (the last place of each day counts)."""
    rows = (
        _words(access)
        .filter(withdrawn_at__isnull=True, part=Part.PATH, path_position__isnull=False)
        .order_by("session__held_on", "id")
    )
    lines: dict[str, tuple[str, dict[datetime.date, int]]] = {}
    for words in rows:
        child = words.session.child
        if words.how == How.SPOKESPERSON and words.spokesperson is not None:
            key = f"path:{child.pk}:{words.spokesperson_id}"
            label = _("%(child)s op het veiligheidspad, volgens %(speaker)s") % {
                "child": child.first_name,
                "speaker": words.spokesperson.name,
            }
        else:
            key = f"path:{child.pk}"
            label = _("%(child)s op het veiligheidspad") % {"child": child.first_name}
        points = lines.setdefault(key, (label, {}))[1]
        points[words.session.held_on] = int(words.path_position or 0)
    return [
        ExtraSeries(label=label, key=key, points=sorted(points.items()))
        for key, (label, points) in lines.items()
    ]


def shared_label(item: Any) -> str:
    if item.audience == Audience.PROFESSIONALS:
        return _("Alleen professionals")
    return str(Audience(item.audience).label)

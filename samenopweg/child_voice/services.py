"""Writes on the child's voice. The kernel (cases.items) does the shared part of each write: the
closed-file refusal, the version check and the audit row, in one transaction. These functions
check what belongs to the practice: the child is a child of this trajectory, the part belongs to
the session's tool, a spokesperson speaks for this child, sharing needs the child's agreement."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.accounts.roles import CaseRole
from samenopweg.cases import items
from samenopweg.cases.models import CaseGrant, Trajectory
from samenopweg.cases.uploads import store_picture
from samenopweg.child_voice.models import (
    PARTS,
    PERSON_PARTS,
    ChildWords,
    Drawing,
    How,
    Part,
    Shareable,
    Spokesperson,
    VoiceSession,
    WordsLink,
)
from samenopweg.core.models import Audience
from samenopweg.people.models import ContactBan, Person

SESSION_FIELDS = ("held_on", "tool", "place", "other_present", "note")
WORDS_FIELDS = (
    "words",
    "how",
    "spokesperson",
    "about_person",
    "path_position",
    "professional_note",
)


def _child_of(trajectory: Trajectory, child: Person, field: str = "child") -> Person:
    if child.trajectory_id != trajectory.pk or not child.is_child:
        raise ValidationError({field: _("Kies een kind van dit traject.")})
    return child


def _persons_of(trajectory: Trajectory, people: Iterable[Person], field: str) -> list[Person]:
    people = list(people)
    if any(p.trajectory_id != trajectory.pk for p in people):
        raise ValidationError({field: _("Kies alleen personen van dit traject.")})
    return people


# --- spokespersons -------------------------------------------------------------------------


def _professional_on_case(trajectory: Trajectory, user: Any) -> Any:
    on_case = CaseGrant.objects.current().filter(
        trajectory=trajectory,
        user=user,
        role__in=[CaseRole.CONSULENT, CaseRole.HULPVERLENER],
    )
    if not on_case.exists():
        raise ValidationError({"professional": _("Kies een professional van dit traject.")})
    return user


def name_spokesperson(
    *,
    trajectory: Trajectory,
    child: Person,
    reason: str,
    why: str = "",
    person: Person | None = None,
    professional: Any = None,
    actor: Any,
    request: HttpRequest | None = None,
) -> Spokesperson:
    """Someone who speaks for a child who cannot speak for themself yet: exactly one person of
    the trajectory (family or network) or one professional on the case."""
    _child_of(trajectory, child)
    if (person is None) == (professional is None):
        raise ValidationError(
            {"person": _("Kies iemand uit het gezin of het netwerk, of een professional.")}
        )
    if person is not None:
        _persons_of(trajectory, [person], "person")
        if person.pk == child.pk:
            raise ValidationError({"person": _("Een kind is niet zijn eigen woordvoerder.")})
        banned = ContactBan.objects.filter(person=person, withdrawn_at__isnull=True).filter(
            Q(child=child) | Q(child__isnull=True)
        )
        if banned.exists():
            raise ValidationError(
                {
                    "person": _(
                        "%(name)s heeft een contactverbod met %(child)s en kan niet namens "
                        "het kind spreken."
                    )
                    % {"name": person.first_name, "child": child.first_name}
                }
            )
    if professional is not None:
        _professional_on_case(trajectory, professional)
    spokesperson = Spokesperson(
        trajectory=trajectory,
        child=child,
        person=person,
        professional=professional,
        reason=reason,
        why=why.strip(),
    )
    return items.create(item=spokesperson, actor=actor, request=request)


def withdraw_spokesperson(
    *, spokesperson: Spokesperson, reason: str, actor: Any, request: HttpRequest | None = None
) -> bool:
    """What they said stays in the file, still shown as said on the child's behalf."""
    return items.withdraw(item=spokesperson, reason=reason, actor=actor, request=request)


# --- sessions ------------------------------------------------------------------------------


def add_session(
    *,
    trajectory: Trajectory,
    child: Person,
    held_on: datetime.date,
    tool: str,
    place: str = "",
    present: Iterable[Person] = (),
    other_present: str = "",
    note: str = "",
    actor: Any,
    request: HttpRequest | None = None,
) -> VoiceSession:
    _child_of(trajectory, child)
    session = VoiceSession(
        trajectory=trajectory,
        child=child,
        held_on=held_on,
        tool=tool,
        place=place.strip(),
        other_present=other_present.strip(),
        note=note.strip(),
    )
    return items.create(
        item=session,
        actor=actor,
        request=request,
        many={"present": _persons_of(trajectory, present, "present")},
    )


def update_session(
    *,
    session: VoiceSession,
    expected_version: int,
    held_on: datetime.date,
    place: str,
    present: Iterable[Person],
    other_present: str,
    note: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> VoiceSession:
    """The tool stays: the words are kept per part of it."""
    fields = {
        "held_on": held_on,
        "place": place.strip(),
        "other_present": other_present.strip(),
        "note": note.strip(),
    }
    many = {"present": _persons_of(session.trajectory, present, "present")}
    if items.is_unchanged(session, expected_version=expected_version, fields=fields, many=many):
        return session
    return items.update(
        item=session,
        expected_version=expected_version,
        fields=fields,
        many=many,
        actor=actor,
        request=request,
    )


def withdraw_session(
    *, session: VoiceSession, reason: str, actor: Any, request: HttpRequest | None = None
) -> bool:
    """The session and everything said in it leave the family's pages and the linked items;
    professionals still see it struck through."""
    with transaction.atomic():
        withdrawn = items.withdraw(item=session, reason=reason, actor=actor, request=request)
        if withdrawn:
            for words in session.words.filter(withdrawn_at__isnull=True):
                items.withdraw(item=words, reason=reason, actor=actor, request=request)
            for drawing in session.drawings.filter(withdrawn_at__isnull=True):
                withdraw_drawing(drawing=drawing, reason=reason, actor=actor, request=request)
        return withdrawn


# --- words ---------------------------------------------------------------------------------


def _clean_words(
    session: VoiceSession,
    *,
    part: str,
    how: str,
    spokesperson: Spokesperson | None,
    about_person: Person | None,
    path_position: int | None,
    current_spokesperson_id: int | None = None,
) -> tuple[Spokesperson | None, Person | None, int | None]:
    if part not in PARTS[session.tool]:
        raise ValidationError({"part": _("Dit deel hoort niet bij deze werkvorm.")})
    if how == How.SPOKESPERSON:
        if spokesperson is None:
            raise ValidationError({"spokesperson": _("Kies wie dit zei namens het kind.")})
        stopped = spokesperson.is_withdrawn and spokesperson.pk != current_spokesperson_id
        if spokesperson.child_id != session.child_id or stopped:
            raise ValidationError({"spokesperson": _("Kies een woordvoerder van dit kind.")})
    else:
        spokesperson = None
    if part in PERSON_PARTS:
        if about_person is not None:
            _persons_of(session.trajectory, [about_person], "about_person")
    else:
        about_person = None
    if part == Part.PATH:
        if path_position is None:
            raise ValidationError(
                {"path_position": _("Zeg waar het kind zich op het pad zet, van 0 tot 10.")}
            )
    else:
        path_position = None
    return spokesperson, about_person, path_position


def add_words(
    *,
    session: VoiceSession,
    part: str,
    words: str,
    how: str = How.SAID,
    spokesperson: Spokesperson | None = None,
    about_person: Person | None = None,
    path_position: int | None = None,
    professional_note: str = "",
    actor: Any,
    request: HttpRequest | None = None,
) -> ChildWords:
    """The words as the child said them: kept as typed, only the spaces around them trimmed."""
    items.refuse_withdrawn(session, _("Dit gesprek is ingetrokken."))
    spokesperson, about_person, path_position = _clean_words(
        session,
        part=part,
        how=how,
        spokesperson=spokesperson,
        about_person=about_person,
        path_position=path_position,
    )
    entry = ChildWords(
        trajectory=session.trajectory,
        session=session,
        part=part,
        words=words.strip(),
        how=how,
        spokesperson=spokesperson,
        about_person=about_person,
        path_position=path_position,
        professional_note=professional_note.strip(),
    )
    return items.create(item=entry, actor=actor, request=request)


def update_words(
    *,
    entry: ChildWords,
    expected_version: int,
    words: str,
    how: str,
    spokesperson: Spokesperson | None = None,
    about_person: Person | None = None,
    path_position: int | None = None,
    professional_note: str = "",
    actor: Any,
    request: HttpRequest | None = None,
) -> ChildWords:
    spokesperson, about_person, path_position = _clean_words(
        entry.session,
        part=entry.part,
        how=how,
        spokesperson=spokesperson,
        about_person=about_person,
        path_position=path_position,
        current_spokesperson_id=entry.spokesperson_id,
    )
    fields = {
        "words": words.strip(),
        "how": how,
        "spokesperson": spokesperson,
        "about_person": about_person,
        "path_position": path_position,
        "professional_note": professional_note.strip(),
    }
    if items.is_unchanged(entry, expected_version=expected_version, fields=fields):
        return entry
    return items.update(
        item=entry,
        expected_version=expected_version,
        fields=fields,
        actor=actor,
        request=request,
    )


def withdraw_words(
    *, entry: ChildWords, reason: str, actor: Any, request: HttpRequest | None = None
) -> bool:
    """Its links go with it: a withdrawn quote no longer shows next to a goal."""
    with transaction.atomic():
        withdrawn = items.withdraw(item=entry, reason=reason, actor=actor, request=request)
        for link in entry.links.filter(withdrawn_at__isnull=True):
            items.withdraw(item=link, reason=reason, actor=actor, request=request)
        return withdrawn


# --- sharing -------------------------------------------------------------------------------


def share(
    *,
    item: Shareable,
    expected_version: int,
    audience: int,
    child_agreed: bool,
    actor: Any,
    request: HttpRequest | None = None,
) -> Shareable:
    """Share words or a drawing beyond the professionals, or take it back.

    Sharing needs the child's agreement; who asked and when is kept with it. Taking it back to
    the professionals keeps the record of the earlier agreement in the audit trail."""
    if audience != Audience.PROFESSIONALS and not child_agreed:
        raise ValidationError(
            {"child_agreed": _("Deel dit alleen als het kind het goed vindt. Vraag het eerst.")}
        )
    fields: dict[str, Any] = {"audience": audience, "child_agreed": child_agreed}
    if audience != Audience.PROFESSIONALS:
        fields.update(consent_asked_by=actor, consent_at=timezone.now())
    with transaction.atomic():
        shared = items.update(
            item=item,
            expected_version=expected_version,
            fields=fields,
            actor=actor,
            request=request,
            detail={"shared": audience != Audience.PROFESSIONALS},
        )
        if isinstance(shared, Drawing):
            _follow(shared, actor=actor, request=request)
        return shared


def _follow(drawing: Drawing, *, actor: Any, request: HttpRequest | None) -> None:
    """The picture of a drawing has the drawing's audience (hidden once it is withdrawn)."""
    audience = Audience.PROFESSIONALS if drawing.is_withdrawn else drawing.audience
    upload = drawing.upload
    if upload.audience != audience:
        items.update(
            item=upload,
            expected_version=upload.version,
            fields={"audience": audience},
            actor=actor,
            request=request,
        )


# --- drawings ------------------------------------------------------------------------------


def add_drawing(
    *,
    session: VoiceSession,
    picture: Any,
    made: str,
    description: str,
    part: str = "",
    actor: Any,
    request: HttpRequest | None = None,
) -> Drawing:
    """A photo of a paper drawing or a drawing made on the screen (a PNG from the canvas): both
    through the safe upload path, which checks and re-encodes the picture."""
    items.refuse_withdrawn(session, _("Dit gesprek is ingetrokken."))
    if part and part not in PARTS[session.tool]:
        raise ValidationError({"part": _("Dit deel hoort niet bij deze werkvorm.")})
    with transaction.atomic():
        upload = store_picture(
            trajectory=session.trajectory,
            uploaded=picture,
            audience=Audience.PROFESSIONALS,
            actor=actor,
            request=request,
        )
        drawing = Drawing(
            trajectory=session.trajectory,
            session=session,
            upload=upload,
            made=made,
            description=description.strip(),
            part=part,
        )
        return items.create(item=drawing, actor=actor, request=request)


def withdraw_drawing(
    *, drawing: Drawing, reason: str, actor: Any, request: HttpRequest | None = None
) -> bool:
    with transaction.atomic():
        withdrawn = items.withdraw(item=drawing, reason=reason, actor=actor, request=request)
        if withdrawn:
            _follow(drawing, actor=actor, request=request)
        return withdrawn


# --- links ---------------------------------------------------------------------------------


def link_words(
    *,
    entry: ChildWords,
    target: models.Model,
    actor: Any,
    request: HttpRequest | None = None,
) -> WordsLink:
    """Link a child's words to a danger statement, a safety goal, a bottom line or a plan rule
    of the same trajectory; a second link to the same item is refused."""
    items.refuse_withdrawn(entry, _("Deze woorden zijn ingetrokken."))
    name = _target_field(target)
    target_trajectory = getattr(target, "trajectory_id", None)
    if target_trajectory != entry.trajectory_id or getattr(target, "withdrawn_at", None):
        raise ValidationError({"target": _("Kies iets uit dit traject.")})
    if entry.links.filter(withdrawn_at__isnull=True, **{name: target}).exists():
        raise ValidationError({"target": _("Deze woorden zijn daar al aan gekoppeld.")})
    link = WordsLink(trajectory=entry.trajectory, words=entry, **{name: target})
    return items.create(item=link, actor=actor, request=request)


def _target_field(target: models.Model) -> str:
    for name in WordsLink.TARGETS:
        if isinstance(target, WordsLink._meta.get_field(name).related_model):  # type: ignore[arg-type]
            return name
    raise ValidationError({"target": _("Hier kun je woorden niet aan koppelen.")})


def unlink_words(*, link: WordsLink, actor: Any, request: HttpRequest | None = None) -> bool:
    return items.withdraw(
        item=link,
        reason=_("Koppeling weggehaald"),
        actor=actor,
        request=request,
        reason_required=False,
    )


def professionals_on_case(trajectory: Trajectory) -> models.QuerySet[Any]:
    """The professionals who may be a spokesperson: the consultant and workers on the case."""
    on_case = (
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, role__in=[CaseRole.CONSULENT, CaseRole.HULPVERLENER])
        .values("user_id")
    )
    return get_user_model().objects.filter(pk__in=on_case).order_by("first_name", "last_name")

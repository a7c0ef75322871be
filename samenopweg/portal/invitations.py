"""Invitations: how a parent, a young person from 12 or a network member gets in (issue 14).

A professional of the case invites one person of the trajectory (`invite`): a single-use link
and a short printed code, both valid for INVITATION_DAYS; only their sha256 hashes are kept.
The person opens the link or types the code and chooses a password (`redeem`): that makes an
account bound to the person and the trajectory through a case grant in the invitation's role.
Ending that grant (cases.services.end_grant, on the case team page) ends access at once.
A child under YOUNG_PERSON_MIN_AGE has no account: what is for them is shown with a parent or
the worker.

A family account that is already logged in (a parent with children in two trajectories) gets
the new grant on that account instead of a second login.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from samenopweg.accounts.models import Language
from samenopweg.accounts.roles import CaseRole, is_family_account
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases.access import visible_accesses, visible_trajectories
from samenopweg.cases.models import CaseGrant, Trajectory
from samenopweg.cases.services import site_link
from samenopweg.feedback.selectors import under_contact_ban
from samenopweg.people.models import PARENT_KINDS, NetworkMember, Person, Relation, RelationKind
from samenopweg.portal.models import (
    FAMILY_ROLES,
    INVITATION_DAYS,
    YOUNG_PERSON_MIN_AGE,
    Invitation,
)

logger = logging.getLogger(__name__)

# The printed code: 8 symbols without the look-alikes 0/O and 1/I (32 symbols, 40 bits). A
# guess is one of 2^40; wrong codes are counted per address by django-axes (the login's
# throttle), so guessing a live code is out of reach.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8
# Who counts as a parent (OUDER): the parents and whoever raises the child in their place.
PARENT_RELATIONS = (
    *PARENT_KINDS,
    RelationKind.FOSTER_PARENT,
    RelationKind.GUARDIAN,
    RelationKind.OTHER_CAREGIVER,
)
GRANT_REASON = "Uitnodiging"
_TOKEN_MAX = 100  # token_urlsafe(32) is 43 characters; longer input is never hashed


class Issued(NamedTuple):
    """A new invitation with its secrets, which exist only here: shown once, never stored."""

    invitation: Invitation
    token: str  # for the link /welkom/<token>/
    code: str  # for paper, grouped: "K7QX-M4PA"


class InvitationRefused(Exception):
    """The link or code is unknown, used, expired or withdrawn; which one is never said."""


def refused_message() -> str:
    """The one answer to a link or code that does not work, whatever the reason."""
    return _("Deze uitnodiging werkt niet meer. Vraag een nieuwe aan je begeleider.")


# --- the secrets ------------------------------------------------------------------------------


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_code(typed: str) -> str:
    """The code as stored: capitals, without the dash or spaces a person may type."""
    return re.sub(r"[^0-9A-Z]", "", typed.upper())


def format_code(code: str) -> str:
    """Grouped for reading aloud and typing over: "K7QX-M4PA"."""
    return f"{code[:4]}-{code[4:]}"


def _new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))
        # Codes are short: no two open invitations share one, so a code names one person.
        if not _usable().filter(code_hash=_digest(code)).exists():
            return code


def _usable() -> Any:
    return Invitation.objects.filter(
        used_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
    )


def _lookup(*, token: str = "", code: str = "") -> Any:
    """The invitations a link or a code names (at most one), or none for malformed input."""
    if token:
        if len(token) > _TOKEN_MAX:
            return Invitation.objects.none()
        return Invitation.objects.filter(token_hash=_digest(token))
    code = normalize_code(code)
    if len(code) != CODE_LENGTH or set(code) - set(CODE_ALPHABET):
        return Invitation.objects.none()
    return _usable().filter(code_hash=_digest(code))


def find_usable(*, token: str = "", code: str = "") -> Invitation | None:
    """The open invitation of this link or code, or None (unknown, used, expired, withdrawn)."""
    invitation = _lookup(token=token, code=code).select_related("person", "trajectory").first()
    if invitation is None or not invitation.is_usable or invitation.trajectory.is_closed:
        return None
    return invitation


# --- who may be invited -----------------------------------------------------------------------


@dataclass
class Invitee:
    """One person of the trajectory on the case team page: may they get an account, in which
    role, and their open invitations."""

    person: Person
    roles: tuple[str, ...] = ()  # the roles they may be invited in; empty: see `why_not`
    why_not: str = ""
    has_access: bool = False  # a current grant already: no invitation
    open: list[Invitation] = field(default_factory=list)

    @property
    def may_be_invited(self) -> bool:
        return bool(self.roles) and not self.has_access


def _roles_for(
    person: Person, *, is_parent: bool, in_network: bool, banned: bool = False
) -> tuple[tuple[str, ...], str]:
    if banned:
        # Their page would show the plan around the child they may not come near.
        return (), _("Contactverbod met een kind: geen account. Bespreek het met de consulent.")
    age = person.age
    if age is not None and age < YOUNG_PERSON_MIN_AGE:
        return (), _(
            "Jonger dan %(age)s: geen eigen account. Toon wat voor dit kind is samen met een "
            "ouder of de hulpverlener."
        ) % {"age": YOUNG_PERSON_MIN_AGE}
    if person.is_child:
        if age is None:
            return (), _("Vul eerst de geboortedatum in: een account kan pas vanaf %(age)s.") % {
                "age": YOUNG_PERSON_MIN_AGE
            }
        return (CaseRole.JONGERE,), ""
    roles = ((CaseRole.OUDER,) if is_parent else ()) + ((CaseRole.NETWERK,) if in_network else ())
    if not roles:
        return (), _(
            "Geen ouder van een kind en niet in het netwerk: zet deze persoon eerst in het netwerk."
        )
    return roles, ""


def invitees(trajectory: Trajectory, persons: Any = None) -> list[Invitee]:
    """Every person of the trajectory (or of `persons`, a queryset of them) with what an
    invitation may do for them. Six queries, whatever the number of persons."""
    if persons is None:
        persons = Person.objects.filter(trajectory=trajectory)
    persons = list(persons.filter(trajectory=trajectory).order_by("-is_child", "first_name", "id"))
    ids = [p.pk for p in persons]
    granted = set(
        CaseGrant.objects.current()
        .filter(trajectory=trajectory, person_id__in=ids)
        .values_list("person_id", flat=True)
    )
    parents = set(
        Relation.objects.filter(trajectory=trajectory, person_id__in=ids)
        .filter(kind__in=PARENT_RELATIONS)
        .values_list("person_id", flat=True)
    ) | set(
        Relation.objects.filter(
            trajectory=trajectory, person_id__in=ids, has_parental_authority=True
        ).values_list("person_id", flat=True)
    )
    network = set(
        NetworkMember.objects.filter(
            trajectory=trajectory, person_id__in=ids, withdrawn_at__isnull=True
        ).values_list("person_id", flat=True)
    )
    open_by_person: dict[int, list[Invitation]] = {}
    for invitation in (
        _usable().filter(trajectory=trajectory, person_id__in=ids).order_by("created_at", "id")
    ):
        open_by_person.setdefault(invitation.person_id, []).append(invitation)
    banned = set(
        under_contact_ban(trajectory).filter(person_id__in=ids).values_list("person_id", flat=True)
    )
    rows = []
    for person in persons:
        roles, why_not = _roles_for(
            person,
            is_parent=person.pk in parents,
            in_network=person.pk in network,
            banned=person.pk in banned,
        )
        rows.append(
            Invitee(
                person=person,
                roles=roles,
                why_not=why_not,
                has_access=person.pk in granted,
                open=open_by_person.get(person.pk, []),
            )
        )
    return rows


def _require_professional(actor: Any, trajectory: Trajectory) -> None:
    accesses = visible_accesses(actor, visible_trajectories(actor).filter(pk=trajectory.pk))
    if not accesses or not accesses[0].is_professional:
        raise ValidationError(_("Alleen de professionals van dit traject nodigen iemand uit."))


# --- the professional's side ------------------------------------------------------------------


def _withdraw(invitation: Invitation, *, actor: Any, request: HttpRequest | None, why: str) -> None:
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    record(
        actor=actor,
        action=AuditAction.WITHDRAW,
        obj=invitation,
        request=request,
        detail={"person": invitation.person_id, "why": why},
    )


@transaction.atomic
def invite(
    *,
    trajectory: Trajectory,
    person: Person,
    role: str,
    actor: Any,
    email: str = "",
    language: str = Language.DUTCH,
    request: HttpRequest | None = None,
) -> Issued:
    """Invite `person` of `trajectory` in `role`: a link and a printed code, valid for
    INVITATION_DAYS. For a professional of the case; refused for a child under 12, a person who
    already has access, a role that does not fit the person, and a closed trajectory. The
    person's earlier open invitations are withdrawn: only the newest works."""
    _require_professional(actor, trajectory)
    if trajectory.is_closed:
        raise ValidationError(_("Dit traject is afgesloten. Heropen het eerst."))
    if person.trajectory_id != trajectory.pk:
        raise ValidationError({"person": _("Kies iemand van dit traject.")})
    if role not in FAMILY_ROLES:
        raise ValidationError({"role": _("Kies ouder, jongere of netwerk.")})
    # One invitation at a time per person: two professionals inviting at once wait in turn.
    Person.objects.select_for_update().filter(pk=person.pk).first()
    [invitee] = invitees(trajectory, Person.objects.filter(pk=person.pk))
    if invitee.has_access:
        raise ValidationError({"person": _("%(name)s heeft al toegang.") % {"name": person}})
    if role not in invitee.roles:
        raise ValidationError(
            {"person": invitee.why_not or _("Deze rol past niet bij %(name)s.") % {"name": person}}
        )
    for earlier in invitee.open:
        _withdraw(earlier, actor=actor, request=request, why="replaced")
    token, code = secrets.token_urlsafe(32), _new_code()
    now = timezone.now()
    invitation = Invitation(
        trajectory=trajectory,
        person=person,
        role=role,
        token_hash=_digest(token),
        code_hash=_digest(code),
        email=email.strip(),
        language=language,
        created_by=actor,
        created_at=now,
        expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=invitation,
        request=request,
        # Not the address itself: the trail is kept forever, the address only as long as needed.
        detail={"person": person.pk, "role": role, "by_email": bool(invitation.email)},
    )
    return Issued(invitation=invitation, token=token, code=format_code(code))


@transaction.atomic
def withdraw(*, invitation: Invitation, actor: Any, request: HttpRequest | None = None) -> bool:
    """Withdraw an open invitation: its link and code stop working. False when it was no longer
    open (used, expired or withdrawn already): nothing changes then."""
    _require_professional(actor, invitation.trajectory)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_usable:
        return False
    _withdraw(locked, actor=actor, request=request, why="withdrawn")
    invitation.withdrawn_at = locked.withdrawn_at
    return True


def invitation_mail(issued: Issued, *, request: HttpRequest | None = None) -> tuple[str, str]:
    """The subject and body of the invitation mail, in the invited person's language. It names
    no child and no trajectory: mail leaves our systems."""
    invitation = issued.invitation
    link = site_link(reverse("portal:welcome", args=[issued.token]), request=request)
    inviter = invitation.created_by
    with translation.override(invitation.language):
        until = formats.date_format(
            timezone.localtime(invitation.expires_at), "DATE_FORMAT", use_l10n=True
        )
        subject = _("Je uitnodiging voor Samen op weg")
        lines = [
            _("Dag %(name)s,") % {"name": invitation.person.first_name},
            "",
            _("%(who)s nodigt je uit op Samen op weg.") % {"who": inviter},
            _("Daar zie je wat we samen afspreken."),
            "",
            _("Open deze link en kies een wachtwoord:"),
            link,
            "",
            _("De link werkt één keer, tot %(date)s.") % {"date": until},
            _("Werkt hij niet? Vraag een nieuwe aan %(who)s.") % {"who": inviter},
        ]
        if getattr(inviter, "phone", ""):
            lines.append(_("Bellen kan ook: %(phone)s.") % {"phone": inviter.phone})
        lines += ["", "Samen op weg"]
    return subject, "\n".join(lines)


def send_invitation_mail(issued: Issued, *, request: HttpRequest | None = None) -> bool:
    """Mail the link to the invitation's address; False when there is none or the mail server
    refused (the professional then hands over the link or the printed code)."""
    if not issued.invitation.email:
        return False
    subject, body = invitation_mail(issued, request=request)
    try:
        send_mail(subject, body, None, [issued.invitation.email])
    except Exception as exc:  # the invitation stands: the page shows the link and the code
        logger.warning(
            "Invitation %s: mail not sent (%s)", issued.invitation.pk, type(exc).__name__
        )
        return False
    return True


# --- the family's side ------------------------------------------------------------------------


def min_password_length() -> int:
    """The shortest password the validators take, to say it before someone types one."""
    for validator in password_validation.get_default_password_validators():
        if isinstance(validator, MinimumLengthValidator):
            return int(validator.min_length)
    return 0


def suggested_username(person: Person) -> str:
    """A free username from the person's name ("an.peeters", "an.peeters2"), for the form."""
    user_model = get_user_model()
    base = slugify(f"{person.first_name} {person.last_name}").replace("-", ".")[:140] or "gezin"
    candidate, number = base, 1
    while user_model.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def _clean_username(typed: str) -> str:
    user_model = get_user_model()
    username = typed.strip()
    if not username:
        raise ValidationError({"username": _("Kies een gebruikersnaam.")})
    if len(username) > 150 or not re.fullmatch(r"[\w.@+-]+", username):
        raise ValidationError(
            {"username": _("Gebruik alleen letters, cijfers en de tekens . - _ zonder spaties.")}
        )
    if user_model.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Deze naam is al in gebruik. Kies een andere.")})
    return username


def _new_account(invitation: Invitation, person: Person, username: str, password: str) -> Any:
    user_model = get_user_model()
    username = _clean_username(username or suggested_username(person))
    user = user_model(
        username=username,
        first_name=person.first_name,
        last_name=person.last_name,
        email=invitation.email,
        language=invitation.language,
    )
    try:
        # The project's validators, with the new user's name, so "an.peeters1" is refused.
        password_validation.validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.save()
    return user


def _locked_usable(*, token: str, code: str) -> Invitation:
    """The invitation, locked until the transaction ends: of two uses at the same moment, the
    second waits and then finds it used."""
    invitation = _lookup(token=token, code=code).select_for_update().first()
    if invitation is None or not invitation.is_usable:
        raise InvitationRefused
    return invitation


@sensitive_variables("password", "token", "code")
@transaction.atomic
def redeem(
    *,
    token: str = "",
    code: str = "",
    password: str = "",
    username: str = "",
    user: Any = None,
    request: HttpRequest | None = None,
) -> Any:
    """Use an invitation (its link's `token` or its printed `code`): a new account with
    `username` (or one made from the name) and `password`, checked by the project's password
    validators, bound to the person through a case grant in the invitation's role. With `user`
    (a logged-in family account) the grant goes on that account instead.

    Raises InvitationRefused for a link or code that does not work (the same for every reason)
    and ValidationError (fields "username", "password") for a username or password refused.
    """
    if not token and not code:
        raise InvitationRefused
    invitation = _locked_usable(token=token, code=code)
    trajectory = invitation.trajectory
    person = Person.objects.select_for_update().get(pk=invitation.person_id)
    if (
        trajectory.is_closed
        or CaseGrant.objects.current().filter(trajectory=trajectory, person=person).exists()
    ):
        raise InvitationRefused
    if user is None:
        user = _new_account(invitation, person, username, password)
        record(
            actor=user,
            action=AuditAction.CREATE,
            obj=user,
            trajectory=trajectory,
            request=request,
            detail={"invitation": invitation.pk},
        )
    else:
        if not is_family_account(user):
            raise ValidationError(_("Dit account is van een professional: meld je eerst af."))
        if CaseGrant.objects.current().filter(trajectory=trajectory, user=user).exists():
            raise ValidationError(_("Je account heeft hier al toegang."))
    grant = CaseGrant(
        trajectory=trajectory,
        user=user,
        role=invitation.role,
        person=person,
        reason=GRANT_REASON,
        granted_by=invitation.created_by,
    )
    grant.full_clean()
    grant.save()
    record(
        actor=user,
        action=AuditAction.GRANT,
        obj=grant,
        request=request,
        detail={
            "user": user.get_username(),
            "role": grant.role,
            "invitation": invitation.pk,
            "granted_by": invitation.created_by.get_username(),
        },
    )
    invitation.used_at = timezone.now()
    invitation.used_by = user
    invitation.save(update_fields=["used_at", "used_by"])
    record(
        actor=user,
        action=AuditAction.UPDATE,
        obj=invitation,
        request=request,
        detail={"used": True, "by": "code" if code and not token else "link"},
    )
    return user


def password_help() -> str:
    length = min_password_length()
    if length:
        return _("Minstens %(n)s tekens. Een zin van een paar woorden onthoud je makkelijk.") % {
            "n": length
        }
    return _("Een zin van een paar woorden onthoud je makkelijk.")

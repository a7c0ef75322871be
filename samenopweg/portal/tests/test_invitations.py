"""Getting in (issue 14, point 1): a professional invites one person of the trajectory; the
link or printed code works once, for 7 days, for that person and trajectory only."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from conftest import YOUNG_PERSON_BORN, World
from samenopweg.accounts.models import User
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.models import CaseGrant, CaseRole
from samenopweg.cases.tests.helpers import close_trajectory, logged_in_client
from samenopweg.people.models import Person, Relation, RelationKind
from samenopweg.people.tests import network_world as netwerk
from samenopweg.plainlanguage.checker import check
from samenopweg.plainlanguage.terms import CACHE_KEY
from samenopweg.portal import invitations
from samenopweg.portal.invitation_views import SHOWN_ONCE_SESSION_KEY
from samenopweg.portal.models import Invitation

pytestmark = pytest.mark.django_db

PASSWORD = "een lange zin als wachtwoord"


# --- the world's people ----------------------------------------------------------------------


def father(world: World) -> Person:
    """Papa Jef: an adult of the trajectory with a parent relation to Noor, without an account."""
    jef, created = Person.objects.get_or_create(
        trajectory=world.trajectory, first_name="Jef", last_name="Peeters"
    )
    if created:
        noor = Person.objects.get(trajectory=world.trajectory, is_child=True)
        Relation.objects.create(
            trajectory=world.trajectory, person=jef, child=noor, kind=RelationKind.FATHER
        )
    return jef


def noor(world: World) -> Person:
    return Person.objects.get(trajectory=world.trajectory, is_child=True)


def invite_father(world: World, **extra: Any) -> invitations.Issued:
    return invitations.invite(
        trajectory=world.trajectory,
        person=father(world),
        role=CaseRole.OUDER,
        actor=extra.pop("actor", world.worker),
        **extra,
    )


def invite_url(world: World) -> str:
    return reverse("portal:invite", args=[world.trajectory.reference])


def welcome_url(token: str) -> str:
    return reverse("portal:welcome", args=[token])


def choose_password(client: Client, url: str, **data: Any) -> Any:
    return client.post(
        url,
        {
            "step": "password",
            "username": "jef",
            "password": PASSWORD,
            "password_again": PASSWORD,
            **data,
        },
    )


def refused_text() -> str:
    return invitations.refused_message()


def used_by_nobody(invitation: Invitation) -> bool:
    invitation.refresh_from_db()
    return invitation.used_at is None and invitation.used_by is None


# --- inviting --------------------------------------------------------------------------------


def test_a_worker_invites_the_father_and_he_gets_in_by_the_mailed_link(world: World) -> None:
    jef = father(world)
    worker = logged_in_client(world.worker)

    response = worker.post(
        invite_url(world),
        {"who": f"{jef.pk}:{CaseRole.OUDER}", "email": "jef@example.org", "language": "nl-be"},
    )

    invitation = Invitation.objects.get(person=jef)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "portal:invite_done", args=[world.trajectory.reference, invitation.pk]
    )
    [message] = mail.outbox
    assert message.to == ["jef@example.org"]
    link = re.search(r"https?://\S+/welkom/(\S+)/", str(message.body))
    assert link is not None
    # The mail names the person and the way in, no child and no trajectory.
    assert "Jef" in message.body
    assert "Noor" not in message.body and world.trajectory.reference not in message.body

    family = Client()
    page = family.get(welcome_url(link.group(1)))
    assert page.status_code == 200
    assert "Welkom, Jef" in page.content.decode()
    done = choose_password(family, welcome_url(link.group(1)))

    assert done.status_code == 302
    assert done["Location"] == reverse("portal:home")
    user = User.objects.get(username="jef")
    grant = CaseGrant.objects.get(user=user)
    assert (grant.trajectory, grant.person, grant.role, grant.reason, grant.granted_by) == (
        world.trajectory,
        jef,
        CaseRole.OUDER,
        "Uitnodiging",
        world.worker,
    )
    assert (user.first_name, user.last_name, user.email, user.language) == (
        "Jef",
        "Peeters",
        "jef@example.org",
        "nl-be",
    )
    invitation.refresh_from_db()
    assert invitation.used_by == user and invitation.used_at is not None
    # Logged in at once, on his family's page; the second factor is offered, not forced.
    home = family.get(reverse("portal:home"))
    assert home.status_code == 200
    assert reverse("mfa:setup") in home.content.decode()
    assert (
        family.get(reverse("portal:trajectory", args=[world.trajectory.reference])).status_code
        == 200
    )


def test_the_link_and_the_code_are_shown_once_with_a_card_to_print(world: World) -> None:
    jef = father(world)
    owner = logged_in_client(world.owner)
    owner.post(invite_url(world), {"who": f"{jef.pk}:{CaseRole.OUDER}", "language": "nl-be"})
    invitation = Invitation.objects.get(person=jef)
    done_url = reverse("portal:invite_done", args=[world.trajectory.reference, invitation.pk])
    shown = owner.session[SHOWN_ONCE_SESSION_KEY]

    page = owner.get(done_url)

    body = page.content.decode()
    assert page.status_code == 200
    assert welcome_url(shown["token"]) in body
    assert shown["code"] in body and re.fullmatch(
        r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", shown["code"]
    )
    assert "Zo kom je op Samen op weg" in body
    assert reverse("portal:welcome_code") in body
    assert mail.outbox == []  # no address: nothing mailed
    # Only the hashes are kept.
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert shown["token"] not in str(stored) and invitations.normalize_code(
        shown["code"]
    ) not in str(stored)
    # Once: the second look goes back to the team page and shows nothing secret.
    again = owner.get(done_url)
    assert again.status_code == 302
    assert again["Location"] == reverse("case_people:team", args=[world.trajectory.reference])
    assert SHOWN_ONCE_SESSION_KEY not in owner.session


def test_someone_without_email_gets_in_with_the_printed_code(world: World) -> None:
    issued = invite_father(world)
    family = Client()
    typed = issued.code.replace("-", "").lower()  # as someone types it over from paper

    first = family.post(reverse("portal:welcome_code"), {"code": typed})

    assert first.status_code == 200
    assert 'name="password"' in first.content.decode()
    done = choose_password(family, reverse("portal:welcome_code"), code=typed)
    assert done.status_code == 302
    assert CaseGrant.objects.filter(user__username="jef", person=father(world)).exists()


def test_the_team_page_offers_an_invitation_per_person_and_lists_the_open_ones(
    world: World,
) -> None:
    issued = invite_father(world)

    page = logged_in_client(world.worker).get(
        reverse("case_people:team", args=[world.trajectory.reference])
    )

    body = page.content.decode()
    assert page.status_code == 200
    assert f"{invite_url(world)}?person={father(world).pk}" in body  # Jef may be invited
    withdraw = reverse(
        "portal:invitation_withdraw", args=[world.trajectory.reference, issued.invitation.pk]
    )
    assert withdraw in body
    assert "Jonger dan 12" in body  # Noor: no account of her own
    assert f"?person={noor(world).pk}" not in body


def test_the_invite_page_preselects_the_person_from_the_team_page(world: World) -> None:
    jef = father(world)
    jef.email = "jef@example.org"
    jef.save(update_fields=["email"])

    page = logged_in_client(world.worker).get(f"{invite_url(world)}?person={jef.pk}")

    body = page.content.decode()
    assert re.search(rf'value="{jef.pk}:ouder"[^>]*checked', body)
    assert 'value="jef@example.org"' in body


# --- who may be invited ----------------------------------------------------------------------


def test_a_child_under_12_is_refused(world: World) -> None:
    age = noor(world).age
    assert age is not None and age < 12
    with pytest.raises(ValidationError, match="Jonger dan 12"):
        invitations.invite(
            trajectory=world.trajectory,
            person=noor(world),
            role=CaseRole.JONGERE,
            actor=world.owner,
        )
    response = logged_in_client(world.owner).post(
        invite_url(world), {"who": f"{noor(world).pk}:{CaseRole.JONGERE}", "language": "nl-be"}
    )
    assert response.status_code == 200  # not a choice on the form
    assert not Invitation.objects.exists()


def test_a_young_person_from_12_is_invited_as_a_young_person_only(world: World) -> None:
    Person.objects.filter(pk=noor(world).pk).update(date_of_birth=YOUNG_PERSON_BORN)
    with pytest.raises(ValidationError):
        invitations.invite(
            trajectory=world.trajectory, person=noor(world), role=CaseRole.OUDER, actor=world.owner
        )

    issued = invitations.invite(
        trajectory=world.trajectory, person=noor(world), role=CaseRole.JONGERE, actor=world.owner
    )

    assert issued.invitation.role == CaseRole.JONGERE


def test_a_network_member_is_invited_in_the_network_role(world: World) -> None:
    grandma = netwerk.ensure_member(world).person
    with pytest.raises(ValidationError):
        invitations.invite(
            trajectory=world.trajectory, person=grandma, role=CaseRole.OUDER, actor=world.owner
        )
    issued = invitations.invite(
        trajectory=world.trajectory, person=grandma, role=CaseRole.NETWERK, actor=world.owner
    )
    assert issued.invitation.role == CaseRole.NETWERK


def test_an_adult_who_is_no_parent_and_not_in_the_network_is_refused(world: World) -> None:
    neighbour = Person.objects.create(trajectory=world.trajectory, first_name="Rik")
    for role in (CaseRole.OUDER, CaseRole.NETWERK):
        with pytest.raises(ValidationError, match="netwerk"):
            invitations.invite(
                trajectory=world.trajectory, person=neighbour, role=role, actor=world.owner
            )


def test_someone_under_a_contact_ban_gets_no_account(world: World) -> None:
    from samenopweg.feedback.tests.feedback_world import ban

    jef = father(world)
    ban(world, jef)
    with pytest.raises(ValidationError, match="Contactverbod"):
        invitations.invite(
            trajectory=world.trajectory, person=jef, role=CaseRole.OUDER, actor=world.owner
        )
    [row] = [i for i in invitations.invitees(world.trajectory) if i.person.pk == jef.pk]
    assert row.roles == () and "Contactverbod" in row.why_not
    assert not Invitation.objects.exists()


def test_someone_who_already_has_access_is_refused(world: World) -> None:
    mother = CaseGrant.objects.get(trajectory=world.trajectory, user=world.parent).person
    assert mother is not None
    with pytest.raises(ValidationError, match="al toegang"):
        invitations.invite(
            trajectory=world.trajectory, person=mother, role=CaseRole.OUDER, actor=world.owner
        )


def test_a_closed_trajectory_invites_nobody(world: World) -> None:
    jef = father(world)
    close_trajectory(world)
    with pytest.raises(ValidationError, match="afgesloten"):
        invite_father(world)
    response = logged_in_client(world.owner).post(
        invite_url(world), {"who": f"{jef.pk}:{CaseRole.OUDER}", "language": "nl-be"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_only_a_professional_of_the_case_invites(world: World) -> None:
    for outsider in (world.other_consultant, world.parent):
        with pytest.raises(ValidationError, match="professionals"):
            invite_father(world, actor=outsider)


def test_a_new_invitation_withdraws_the_earlier_one(world: World) -> None:
    first = invite_father(world)
    second = invite_father(world, actor=world.owner)

    first.invitation.refresh_from_db()
    assert first.invitation.withdrawn_at is not None
    assert Client().get(welcome_url(first.token)).templates[0].name == "portal/welcome_refused.html"
    assert Client().get(welcome_url(second.token)).templates[0].name == "portal/welcome.html"


# --- refused links and codes -----------------------------------------------------------------


def test_a_link_used_twice_is_refused_the_second_time(world: World) -> None:
    issued = invite_father(world)
    assert choose_password(Client(), welcome_url(issued.token)).status_code == 302

    other = Client()
    page = other.get(welcome_url(issued.token))
    again = choose_password(other, welcome_url(issued.token), username="jef2")

    for response in (page, again):
        assert response.status_code == 200
        assert refused_text() in response.content.decode()
    assert not User.objects.filter(username="jef2").exists()
    assert CaseGrant.objects.filter(person=father(world)).count() == 1
    with pytest.raises(invitations.InvitationRefused):
        invitations.redeem(token=issued.token, username="jef3", password=PASSWORD)


def test_a_code_used_twice_is_refused_the_second_time(world: World) -> None:
    issued = invite_father(world)
    invitations.redeem(code=issued.code, username="jef", password=PASSWORD)

    response = Client().post(reverse("portal:welcome_code"), {"code": issued.code})

    assert refused_text() in response.content.decode()
    assert 'name="password"' not in response.content.decode()


def _expire(invitation: Invitation) -> None:
    past = timezone.now() - datetime.timedelta(days=8)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=past, expires_at=past + datetime.timedelta(days=7)
    )


def test_an_expired_link_is_refused_with_the_same_page_as_an_unknown_one(world: World) -> None:
    issued = invite_father(world)
    _expire(issued.invitation)

    expired = Client().get(welcome_url(issued.token))
    unknown = Client().get(welcome_url("niet-" + issued.token[5:]))
    garbage = Client().get(welcome_url("x" * 500))

    for response in (expired, unknown, garbage):
        assert response.status_code == 200
        assert [t.name for t in response.templates][0] == "portal/welcome_refused.html"
        assert refused_text() in response.content.decode()
    posted = choose_password(Client(), welcome_url(issued.token))
    assert refused_text() in posted.content.decode()
    assert used_by_nobody(issued.invitation)
    with pytest.raises(invitations.InvitationRefused):
        invitations.redeem(code=issued.code, username="jef", password=PASSWORD)


def test_a_withdrawn_invitation_is_refused(world: World) -> None:
    issued = invite_father(world)
    url = reverse(
        "portal:invitation_withdraw", args=[world.trajectory.reference, issued.invitation.pk]
    )

    response = logged_in_client(world.owner).post(url)

    assert response.status_code == 302
    assert refused_text() in Client().get(welcome_url(issued.token)).content.decode()
    code_page = Client().post(reverse("portal:welcome_code"), {"code": issued.code})
    assert refused_text() in code_page.content.decode()
    assert used_by_nobody(issued.invitation)


def test_an_invitation_stops_working_when_its_trajectory_closes(world: World) -> None:
    issued = invite_father(world)
    close_trajectory(world)
    assert refused_text() in Client().get(welcome_url(issued.token)).content.decode()
    with pytest.raises(invitations.InvitationRefused):
        invitations.redeem(token=issued.token, username="jef", password=PASSWORD)


def test_wrong_codes_are_throttled_per_address_like_wrong_passwords(world: World) -> None:
    issued = invite_father(world)
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = client.post(reverse("portal:welcome_code"), {"code": "ABCD-EFGH"})
        assert wrong.status_code == 200
    locked = client.post(reverse("portal:welcome_code"), {"code": "ABCD-EFGH"})
    right_code = client.post(reverse("portal:welcome_code"), {"code": issued.code})

    assert locked.status_code == 429
    assert right_code.status_code == 429
    assert "over een kwartier" in right_code.content.decode()
    assert used_by_nobody(issued.invitation)
    failed = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert failed.count() == settings.AXES_FAILURE_LIMIT
    assert {e.detail["username"] for e in failed} == {"welkom-code"}


# --- the account: bound to the person and the trajectory -------------------------------------


def test_the_account_sees_its_own_trajectory_and_no_other(world: World) -> None:
    issued = invite_father(world)
    family = Client()
    choose_password(family, welcome_url(issued.token))

    own = family.get(reverse("portal:trajectory", args=[world.trajectory.reference]))
    other = family.get(reverse("portal:trajectory", args=[world.other_trajectory.reference]))
    home = family.get(reverse("portal:home")).content.decode()

    assert own.status_code == 200
    assert other.status_code == 404
    assert world.trajectory.reference in home and world.other_trajectory.reference not in home
    # Nor a professional page of its own trajectory.
    detail = family.get(reverse("dashboard:detail", args=[world.trajectory.reference]))
    assert detail.status_code in (302, 403)


def test_an_invitation_of_one_trajectory_is_not_reached_through_another(world: World) -> None:
    issued = invite_father(world)
    other = logged_in_client(world.other_consultant)
    other_ref = world.other_trajectory.reference
    withdraw = reverse("portal:invitation_withdraw", args=[other_ref, issued.invitation.pk])
    done = reverse("portal:invite_done", args=[other_ref, issued.invitation.pk])

    assert other.post(withdraw).status_code == 404
    assert other.get(done).status_code == 404
    issued.invitation.refresh_from_db()
    assert issued.invitation.withdrawn_at is None


def test_ending_the_grant_ends_the_familys_access_at_once(world: World) -> None:
    issued = invite_father(world)
    family = Client()
    choose_password(family, welcome_url(issued.token))
    url = reverse("portal:trajectory", args=[world.trajectory.reference])
    assert family.get(url).status_code == 200
    grant = CaseGrant.objects.get(user__username="jef")

    ended = logged_in_client(world.owner).post(
        reverse("cases:grant_end", args=[world.trajectory.reference, grant.pk])
    )

    assert ended.status_code == 302
    assert family.get(url).status_code == 404
    assert world.trajectory.reference not in family.get(reverse("portal:home")).content.decode()


def test_a_parent_logged_in_for_another_trajectory_adds_this_one_to_her_account(
    world: World,
) -> None:
    issued = invite_father(world)  # the person says who she is in this trajectory
    mama = logged_in_client(world.parent_elsewhere)

    asked = mama.get(welcome_url(issued.token))
    assert 'value="join"' in asked.content.decode()
    response = mama.post(welcome_url(issued.token), {"step": "join"})

    assert response.status_code == 302
    assert (
        CaseGrant.objects.current()
        .filter(user=world.parent_elsewhere, trajectory=world.trajectory, person=father(world))
        .exists()
    )
    assert User.objects.count() == User.objects.filter(pk__lte=world.admin.pk).count()  # none new
    for reference in (world.trajectory.reference, world.other_trajectory.reference):
        assert mama.get(reverse("portal:trajectory", args=[reference])).status_code == 200


def test_a_professional_who_is_logged_in_is_asked_to_log_out_first(world: World) -> None:
    issued = invite_father(world)
    worker = logged_in_client(world.worker)

    page = worker.get(welcome_url(issued.token))
    posted = choose_password(worker, welcome_url(issued.token))
    joined = worker.post(welcome_url(issued.token), {"step": "join"})

    assert "Meld je eerst af" in page.content.decode()
    assert posted.status_code == joined.status_code == 200
    assert used_by_nobody(issued.invitation)
    assert not CaseGrant.objects.filter(person=father(world)).exists()


# --- the password ----------------------------------------------------------------------------


def test_the_password_validators_apply_and_the_username_typed_is_kept(world: World) -> None:
    issued = invite_father(world)
    client = Client()

    for weak in ("kort", "12345678901", "jefpeeters"):
        response = choose_password(
            client,
            welcome_url(issued.token),
            username="papa.jef",
            password=weak,
            password_again=weak,
        )
        body = response.content.decode()
        assert response.status_code == 200, weak
        assert 'value="papa.jef"' in body, weak
        assert 'class="errors"' in body, weak
    assert not User.objects.filter(username="papa.jef").exists()
    assert used_by_nobody(issued.invitation)


def test_two_different_passwords_or_a_taken_username_are_refused_and_kept(world: World) -> None:
    issued = invite_father(world)
    client = Client()

    different = choose_password(client, welcome_url(issued.token), password_again=PASSWORD + "!")
    taken = choose_password(
        client, welcome_url(issued.token), username=world.owner.username.upper()
    )

    assert "niet gelijk" in different.content.decode()
    assert "al in gebruik" in taken.content.decode()
    assert f'value="{world.owner.username.upper()}"' in taken.content.decode()
    assert used_by_nobody(issued.invitation)


def test_the_username_is_suggested_from_the_name(world: World) -> None:
    issued = invite_father(world)
    page = Client().get(welcome_url(issued.token)).content.decode()
    assert 'value="jef.peeters"' in page
    User.objects.create_user(username="jef.peeters")
    assert invitations.suggested_username(father(world)) == "jef.peeters2"


# --- the audit trail -------------------------------------------------------------------------


def test_creating_using_and_withdrawing_an_invitation_leave_audit_rows(world: World) -> None:
    first = invite_father(world)
    second = invite_father(world, actor=world.owner)  # withdraws the first
    user = invitations.redeem(token=second.token, username="jef", password=PASSWORD)
    trail = AuditEvent.objects.filter(trajectory=world.trajectory)

    rows = {
        (e.action, e.object_type, e.object_id, e.actor_id)
        for e in trail.filter(
            object_type__in=["portal.invitation", "cases.casegrant", "accounts.user"]
        ).exclude(action=AuditAction.VIEW)
    }

    grant = CaseGrant.objects.get(user=user)
    assert rows >= {
        (AuditAction.CREATE, "portal.invitation", str(first.invitation.pk), world.worker.pk),
        (AuditAction.WITHDRAW, "portal.invitation", str(first.invitation.pk), world.owner.pk),
        (AuditAction.CREATE, "portal.invitation", str(second.invitation.pk), world.owner.pk),
        (AuditAction.CREATE, "accounts.user", str(user.pk), user.pk),
        (AuditAction.GRANT, "cases.casegrant", str(grant.pk), user.pk),
        (AuditAction.UPDATE, "portal.invitation", str(second.invitation.pk), user.pk),
    }


def test_a_refused_use_writes_nothing(world: World) -> None:
    issued = invite_father(world)
    before = AuditEvent.objects.count(), User.objects.count(), CaseGrant.objects.count()
    with pytest.raises(ValidationError):
        invitations.redeem(token=issued.token, username="jef", password="kort")
    assert (AuditEvent.objects.count(), User.objects.count(), CaseGrant.objects.count()) == before


# --- who may open the professional's pages ---------------------------------------------------


@pytest.mark.parametrize("persona", ["other_consultant", "worker_elsewhere", "parent_elsewhere"])
def test_an_outsider_gets_404_on_every_professional_invitation_page(
    world: World, persona: str
) -> None:
    issued = invite_father(world)
    client = logged_in_client(getattr(world, persona))
    ref = world.trajectory.reference
    pk = issued.invitation.pk

    assert client.get(invite_url(world)).status_code == 404
    posted = client.post(
        invite_url(world), {"who": f"{father(world).pk}:ouder", "language": "nl-be"}
    )
    assert posted.status_code == 404
    assert client.get(reverse("portal:invite_done", args=[ref, pk])).status_code == 404
    assert client.post(reverse("portal:invitation_withdraw", args=[ref, pk])).status_code == 404
    assert Invitation.objects.count() == 1
    assert used_by_nobody(issued.invitation) and issued.invitation.withdrawn_at is None


def test_the_family_gets_403_on_the_professional_invitation_pages(world: World) -> None:
    issued = invite_father(world)
    client = logged_in_client(world.parent)
    ref = world.trajectory.reference
    assert client.get(invite_url(world)).status_code == 403
    assert (
        client.post(
            reverse("portal:invitation_withdraw", args=[ref, issued.invitation.pk])
        ).status_code
        == 403
    )


# --- plain language --------------------------------------------------------------------------


class _Text(HTMLParser):
    """The visible text of a page's <main>, sentence by sentence (one chunk per element)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.chunks.append(data.strip())


def _problems(texts: list[str]) -> list[str]:
    cache.delete(CACHE_KEY)
    found = []
    for text in texts:
        report = check(text)
        found += [f"moeilijk woord {hit.found!r} in {text!r}" for hit in report.jargon]
        found += [f"zin van {s.words} woorden in {text!r}" for s in report.long_sentences]
    return found


def _page_text(response: Any) -> list[str]:
    parser = _Text()
    parser.feed(response.content.decode())
    return parser.chunks


def test_what_the_invited_person_reads_is_in_plain_language(world: World) -> None:
    issued = invite_father(world, email="jef@example.org")
    with translation.override("nl-be"):
        pages = [
            Client().get(welcome_url(issued.token)),
            choose_password(
                Client(), welcome_url(issued.token), password="kort", password_again="kort"
            ),
            Client().get(reverse("portal:welcome_code")),
            Client().post(reverse("portal:welcome_code"), {"code": "ABCD-EFGH"}),
            Client().get(welcome_url("onbekend")),
            logged_in_client(world.parent_elsewhere).get(welcome_url(issued.token)),
        ]
        texts = [chunk for page in pages for chunk in _page_text(page)]
        subject, body = invitations.invitation_mail(issued)
        texts += [subject, *body.splitlines()]
        owner = logged_in_client(world.owner)
        owner.post(invite_url(world), {"who": f"{father(world).pk}:ouder", "language": "nl-be"})
        invitation = Invitation.objects.filter(withdrawn_at__isnull=True).get(person=father(world))
        done = owner.get(
            reverse("portal:invite_done", args=[world.trajectory.reference, invitation.pk])
        )
        card = done.content.decode().split('class="card invitation-card"', 1)[1]
        texts += [re.sub(r"<[^>]+>", " ", card.split("</section>", 1)[0])]

    assert "Welkom, Jef" in " ".join(texts)
    assert _problems(texts) == []

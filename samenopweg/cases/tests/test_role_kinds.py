"""Family and network roles go only to family accounts; professional roles only to professionals."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import World, make_user, member
from samenopweg.accounts.models import Role
from samenopweg.cases import services
from samenopweg.cases.models import CaseGrant, CaseRole
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.people.models import Person

PROFESSIONAL_ACCOUNT = "Dit is een account van een professional"


def _adult(world: World) -> Person:
    return Person.objects.filter(trajectory=world.trajectory, is_child=False).first()  # type: ignore[return-value]


def _give(world: World, user: object, role: str, person: Person | None = None) -> CaseGrant:
    return services.grant_access(
        trajectory=world.trajectory,
        user=user,
        role=role,
        person=person,
        reason="Tante van de kinderen",
        actor=world.owner,
    )


def _family_url(world: World) -> str:
    return reverse("portal:trajectory", args=[world.trajectory.reference])


@pytest.mark.django_db
@pytest.mark.parametrize("role", [CaseRole.OUDER, CaseRole.NETWERK])
@pytest.mark.parametrize("who", ["auditor", "admin", "owner", "worker"])
def test_an_account_with_a_membership_gets_no_family_or_network_role(
    world: World, who: str, role: str
) -> None:
    with pytest.raises(ValidationError, match=PROFESSIONAL_ACCOUNT):
        _give(world, getattr(world, who), role, _adult(world))

    assert not CaseGrant.objects.filter(
        trajectory=world.trajectory, user=getattr(world, who), role=role
    )


@pytest.mark.django_db
@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_a_staff_account_without_a_membership_gets_no_network_role(world: World, flag: str) -> None:
    staff = make_user("beheer", **{flag: True})

    with pytest.raises(ValidationError, match=PROFESSIONAL_ACCOUNT):
        _give(world, staff, CaseRole.NETWERK, _adult(world))


@pytest.mark.django_db
def test_a_family_account_still_gets_a_network_role(world: World) -> None:
    grant = _give(world, world.network_member, CaseRole.NETWERK, _adult(world))

    assert grant.is_current


@pytest.mark.django_db
@pytest.mark.parametrize("role", [CaseRole.CONSULENT, CaseRole.HULPVERLENER])
@pytest.mark.parametrize("who", ["parent", "network_member", "young_person", "auditor"])
def test_a_family_or_auditor_account_gets_no_professional_role(
    world: World, who: str, role: str
) -> None:
    with pytest.raises(ValidationError, match="Deze gebruiker is geen"):
        _give(world, getattr(world, who), role)


@pytest.mark.django_db
def test_a_family_grant_stops_counting_once_the_account_becomes_an_auditor(world: World) -> None:
    _give(world, world.network_member, CaseRole.NETWERK, _adult(world))
    client = logged_in_client(world.network_member)
    assert client.get(_family_url(world)).status_code == 200

    member(world.network_member, world.ocj, Role.AUDITOR)

    assert logged_in_client(world.network_member).get(_family_url(world)).status_code == 404


@pytest.mark.django_db
def test_a_family_grant_stops_counting_once_the_account_becomes_staff(world: World) -> None:
    _give(world, world.network_member, CaseRole.NETWERK, _adult(world))
    world.network_member.is_staff = True
    world.network_member.save(update_fields=["is_staff"])

    assert logged_in_client(world.network_member).get(_family_url(world)).status_code == 404


@pytest.mark.django_db
def test_the_case_team_page_says_it_next_to_the_account_field(world: World) -> None:
    url = reverse("case_people:team", args=[world.trajectory.reference])
    data = {
        "form": "family",
        "family-person": _adult(world).pk,
        "family-who": world.auditor.username,
        "family-role": CaseRole.NETWERK,
        "family-reason": "Tante van de kinderen",
    }

    response = logged_in_client(world.owner).post(url, data)

    assert response.status_code == 200
    form = response.context["family_form"]
    assert PROFESSIONAL_ACCOUNT in " ".join(form.errors["who"])
    assert form["who"].value() == world.auditor.username
    assert not CaseGrant.objects.filter(trajectory=world.trajectory, user=world.auditor)

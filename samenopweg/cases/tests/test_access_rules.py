"""Who may hand out access, and when access ends without anyone touching a grant."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import make_user, member
from samenopweg.accounts.models import Membership, Organisation, OrganisationKind, Role
from samenopweg.cases import services
from samenopweg.cases.access import visible_trajectories
from samenopweg.cases.models import CaseGrant, CaseRole
from samenopweg.people.models import Person
from samenopweg.people.services import add_person


def _grant(world, user, role, *, reason="x", actor=None, **extra):
    """`actor` (the owner, unless another is given) grants `user` access to the world's case."""
    return services.grant_access(
        trajectory=world.trajectory,
        user=user,
        role=role,
        reason=reason,
        actor=actor or world.owner,
        **extra,
    )


def _team_url(world):
    return reverse("case_people:team", args=[world.trajectory.reference])


@pytest.mark.django_db
def test_a_worker_on_the_case_cannot_grant_access(world):
    with pytest.raises(ValidationError, match="Alleen de consulent"):
        _grant(world, world.worker_elsewhere, CaseRole.HULPVERLENER, actor=world.worker)


@pytest.mark.django_db
def test_a_second_consultant_on_the_case_cannot_grant_access(client, world):
    colleague = make_user("colleague")
    member(colleague, world.ocj, Role.CONSULENT, world.team)
    _grant(world, colleague, CaseRole.CONSULENT, reason="Vervanging")
    client.force_login(colleague)
    response = client.post(
        _team_url(world),
        {
            "form": "professional",
            "prof-who": "worker2",
            "prof-role": "hulpverlener",
            "prof-reason": "x",
        },
    )
    assert response.status_code == 403
    assert not CaseGrant.objects.filter(
        trajectory=world.trajectory, user=world.worker_elsewhere
    ).exists()


@pytest.mark.django_db
def test_a_consultant_of_another_service_cannot_join_the_case(world):
    with pytest.raises(ValidationError, match="geen consulent van deze dienst"):
        _grant(world, world.other_consultant, CaseRole.CONSULENT)


@pytest.mark.django_db
def test_the_owner_finds_a_worker_by_email_not_from_a_list(client, world):
    world.worker_elsewhere.email = "ines@kompas.invalid"
    world.worker_elsewhere.save()
    client.force_login(world.owner)
    page = client.get(_team_url(world)).content.decode()
    assert "worker2" not in page  # nobody is listed to choose from
    response = client.post(
        _team_url(world),
        {
            "form": "professional",
            "prof-who": "INES@kompas.invalid",
            "prof-role": "hulpverlener",
            "prof-reason": "Begeleiding",
        },
    )
    assert response.status_code == 302
    assert world.trajectory in visible_trajectories(world.worker_elsewhere)


@pytest.mark.django_db
def test_an_unknown_address_gets_a_dutch_message_and_keeps_the_reason(client, world):
    client.force_login(world.owner)
    response = client.post(
        _team_url(world),
        {
            "form": "professional",
            "prof-who": "niemand@x.invalid",
            "prof-role": "hulpverlener",
            "prof-reason": "Thuisbegeleiding",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Er is geen actief account" in body
    assert "Thuisbegeleiding" in body


@pytest.mark.django_db
def test_a_parent_account_is_linked_to_their_person(client, world):
    dad = make_user("dad")
    child = Person.objects.get(trajectory=world.trajectory, is_child=True)
    father = Person.objects.create(trajectory=world.trajectory, first_name="Jan", audience=1)
    client.force_login(world.owner)
    wrong = client.post(
        _team_url(world),
        {
            "form": "family",
            "family-person": child.pk,
            "family-who": "dad",
            "family-role": "ouder",
            "family-reason": "Papa",
        },
    )
    assert wrong.status_code == 200  # a parent role on a child is refused
    right = client.post(
        _team_url(world),
        {
            "form": "family",
            "family-person": father.pk,
            "family-who": "dad",
            "family-role": "ouder",
            "family-reason": "Papa",
        },
    )
    assert right.status_code == 302
    assert CaseGrant.objects.get(user=dad).person == father


@pytest.mark.django_db
def test_a_professional_account_cannot_be_linked_as_family(world):
    mother = Person.objects.get(trajectory=world.trajectory, is_child=False)
    with pytest.raises(ValidationError, match="professional"):
        _grant(world, world.worker_elsewhere, CaseRole.OUDER, person=mother)


@pytest.mark.django_db
def test_ending_a_membership_ends_access_to_every_case(client, world):
    assert world.trajectory in visible_trajectories(world.worker)
    Membership.objects.filter(user=world.worker).update(is_active=False)
    worker = type(world.worker).objects.get(pk=world.worker.pk)  # a new request, a fresh user
    assert world.trajectory not in visible_trajectories(worker)
    client.force_login(world.worker)
    assert (
        client.get(reverse("dashboard:detail", args=[world.trajectory.reference])).status_code
        == 404
    )


@pytest.mark.django_db
def test_a_child_added_later_makes_the_safety_question_due_now(world):
    before = world.trajectory.safety_check_due_at
    assert before > timezone.now()
    add_person(
        trajectory=world.trajectory,
        is_child=True,
        relations={},
        actor=world.owner,
        first_name="Vic",
        date_of_birth=datetime.date(2021, 5, 1),
        audience=3,
    )
    world.trajectory.refresh_from_db()
    assert world.trajectory.safety_check_due_at <= timezone.now()
    assert (
        world.trajectory.safety_check_overdue
        or world.trajectory.safety_check_due_at <= timezone.now()
    )


@pytest.mark.django_db
def test_the_reason_is_for_parents_not_for_a_child_or_the_network(client, world):
    teen = make_user("teen")
    child = Person.objects.get(trajectory=world.trajectory, is_child=True)
    _grant(world, teen, CaseRole.JONGERE, person=child, reason="Noor")
    url = reverse("portal:trajectory", args=[world.trajectory.reference])
    client.force_login(world.parent)
    assert world.trajectory.reason in client.get(url).content.decode()
    client.force_login(teen)
    body = client.get(url).content.decode()
    assert response_ok(body)
    assert world.trajectory.reason not in body


def response_ok(body: str) -> bool:
    """The family page itself: the parents' page names the children, a young person's greets
    them (the young person in these tests is Noor)."""
    return "Samen op weg met Noor" in body or "Dag Noor" in body


@pytest.mark.django_db
def test_without_a_team_lead_the_owner_gets_the_acute_alert(world):
    Membership.objects.filter(role=Role.TEAMVERANTWOORDELIJKE).update(is_active=False)
    from conftest import register
    from samenopweg.cases.models import Notification

    trajectory = register(world.team, world.owner, child="Lou", answer="no")
    assert list(
        Notification.objects.filter(trajectory=trajectory).values_list("recipient", flat=True)
    ) == [world.owner.pk]


@pytest.mark.django_db
def test_a_private_organisation_cannot_register_a_trajectory(world):
    private = Organisation.objects.create(name="vzw X", kind=OrganisationKind.PRIVATE)
    with pytest.raises(ValidationError):
        services.validate_framework(private.kind, "verontrusting", "")

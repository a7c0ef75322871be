import pytest

from samenopweg.audit.models import AuditEvent
from samenopweg.people.models import Person, Relation


def _url(world, name, **extra):
    from django.urls import reverse

    return reverse(f"people:{name}", kwargs={"reference": world.trajectory.reference, **extra})


@pytest.mark.django_db
def test_it_adds_an_adult_with_a_relation_per_child(client, world):
    child = Person.objects.get(trajectory=world.trajectory, is_child=True)
    client.force_login(world.worker)
    response = client.post(
        _url(world, "add"),
        {
            "first_name": "Marc",
            "last_name": "Claes",
            "audience": "1",
            f"rel_{child.pk}_kind": "stepfather",
            f"rel_{child.pk}_lives": "on",
        },
    )
    assert response.status_code == 302
    marc = Person.objects.get(trajectory=world.trajectory, first_name="Marc")
    relation = Relation.objects.get(person=marc)
    assert (relation.child, relation.kind, relation.lives_with_child) == (child, "stepfather", True)
    assert AuditEvent.objects.filter(
        action="create", object_type="people.person", object_id=str(marc.pk)
    ).exists()


@pytest.mark.django_db
def test_a_child_needs_a_date_of_birth_and_keeps_what_was_typed(client, world):
    client.force_login(world.owner)
    response = client.post(
        _url(world, "add") + "?kind=child", {"is_child": "1", "first_name": "Vic", "audience": "3"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Vul de geboortedatum van het kind in." in body
    assert 'value="Vic"' in body


@pytest.mark.django_db
def test_adding_a_child_leads_to_the_safety_question(client, world):
    client.force_login(world.owner)
    response = client.post(
        _url(world, "add"),
        {"is_child": "1", "first_name": "Vic", "date_of_birth": "2020-01-02", "audience": "3"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/veiligheid/")


@pytest.mark.django_db
def test_editing_a_person_twice_from_the_same_version_is_a_conflict(client, world):
    mother = Person.objects.get(trajectory=world.trajectory, is_child=False)
    client.force_login(world.owner)
    base = {
        "first_name": "An",
        "last_name": "Peeters",
        "audience": "1",
        "version": str(mother.version),
    }
    assert (
        client.post(
            _url(world, "edit", person_id=mother.pk), {**base, "phone": "0470 11 22 33"}
        ).status_code
        == 302
    )
    response = client.post(
        _url(world, "edit", person_id=mother.pk), {**base, "phone": "0499 99 99 99"}
    )
    assert response.status_code == 409
    assert "0470 11 22 33" in response.content.decode()
    mother.refresh_from_db()
    assert mother.phone == "0470 11 22 33"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["worker_elsewhere", "other_consultant", "expired", "parent_elsewhere"]
)
def test_outsiders_get_404(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(_url(world, "list")).status_code == 404
    assert client.post(_url(world, "add"), {"first_name": "X", "audience": "0"}).status_code == 404
    assert not Person.objects.filter(first_name="X").exists()


@pytest.mark.django_db
def test_a_parent_of_the_case_may_not_use_the_professional_pages(client, world):
    client.force_login(world.parent)
    assert client.get(_url(world, "list")).status_code == 403


@pytest.mark.django_db
def test_a_person_form_sent_after_the_session_ran_out_comes_back(client, world):
    from samenopweg.core.middleware import LAST_USER_COOKIE

    client.force_login(world.owner)
    client.get(_url(world, "list"))  # sets the last-user cookie
    assert LAST_USER_COOKIE in client.cookies
    client.session.delete()  # the session times out while the form is open
    response = client.post(
        _url(world, "add"), {"first_name": "Rita", "last_name": "Claes", "audience": "1"}
    )
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(world.owner)
    page = client.get(_url(world, "add")).content.decode()
    assert 'value="Rita"' in page
    assert "Je sessie was verlopen" in page

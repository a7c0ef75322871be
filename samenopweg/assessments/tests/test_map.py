"""The map: sessions, entries with whose view and audience, move, merge, withdraw, access."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import World
from samenopweg.assessments.models import (
    MapCategory,
    MapColumn,
    MapEntry,
    MappingSession,
    ProfessionalView,
)
from samenopweg.assessments.selectors.map import current_map_entries, person_label
from samenopweg.assessments.services import map as services
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.cases.models import CaseRole, Draft, Stage, Trajectory
from samenopweg.cases.tests.helpers import (
    assert_refused_while_closed,
    logged_in_client,
    mark_closed,
    mother_of,
    trajectory_url,
)
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

pytestmark = pytest.mark.django_db


def _url(world: World, name: str, **kwargs: Any) -> str:
    return trajectory_url(f"assessments:{name}", world, **kwargs)


def _entry(
    world: World,
    text: str = "Papa roept als hij gedronken heeft.",
    trajectory: Trajectory | None = None,
    **extra: Any,
) -> MapEntry:
    """The owner adds a harm line for the parents, in the consultant's view unless `extra` says
    otherwise (on `trajectory`: a copy read again)."""
    fields: dict[str, Any] = {
        "category": MapCategory.HARM,
        "audience": Audience.PARENTS,
        "view_of_role": ProfessionalView.CONSULENT,
    }
    fields.update(extra)
    return services.add_map_entry(
        trajectory=trajectory or world.trajectory, text=text, actor=world.owner, **fields
    )


def _update(entry: MapEntry, text: str, actor: Any) -> MapEntry:
    """The entry's text changed from its current version, still the consultant's view."""
    return services.update_map_entry(
        entry=entry,
        expected_version=entry.version,
        text=text,
        audience=Audience.PARENTS,
        view_of_person=None,
        view_of_role=ProfessionalView.CONSULENT,
        actor=actor,
    )


def _merge(
    world: World, entries: list[MapEntry], text: str, trajectory: Trajectory | None = None
) -> MapEntry:
    """The owner merges `entries` into one harm line for the parents, in the consultant's view."""
    return services.merge_map_entries(
        trajectory=trajectory or world.trajectory,
        entries=entries,
        expected_versions={},
        text=text,
        category=MapCategory.HARM,
        audience=Audience.PARENTS,
        view_of_role=ProfessionalView.CONSULENT,
        actor=world.owner,
    )


def _add_data(**extra: Any) -> dict[str, Any]:
    return {
        "category": MapCategory.STRENGTH,
        "text": "Mama brengt Noor elke dag op tijd naar school.",
        "view": "r:hulpverlener",
        "audience": str(int(Audience.PARENTS)),
        **extra,
    }


# --- the page -------------------------------------------------------------------------------


def test_the_map_shows_three_columns_with_the_brochures_questions(world: World) -> None:
    _entry(world, view_of_role="", view_of_person=mother_of(world.trajectory))
    response = logged_in_client(world.worker).get(_url(world, "map"))
    assert response.status_code == 200
    page = response.content.decode()
    for column in MapColumn:
        assert str(column.label) in page
    for question in [
        "Wat zijn de zorgen van iedereen die betrokken is?",
        "Wat is de schade uit het verleden?",
        "Wat is de impact op het kind?",
        "Wat gaat er goed in het gezin?",
        "Wat moet er veranderen?",
        "Wat is het gevaar dat het kind kan lopen indien er niet gehandeld wordt, op korte, "
        "middellange en lange termijn?",
    ]:
        assert question in page
    assert "Papa roept als hij gedronken heeft." in page
    assert "kijk van mama An" in page
    assert "Ook ouders" in page


def test_a_person_is_named_as_the_family_calls_them(world: World) -> None:
    mother = mother_of(world.trajectory)
    child = Person.objects.get(trajectory=world.trajectory, is_child=True)
    assert person_label(mother, "mother") == "mama An"
    assert person_label(child) == "Noor"
    mother.gender = "f"
    assert person_label(mother, "grandparent") == "oma An"


# --- adding ---------------------------------------------------------------------------------


def test_a_worker_adds_an_entry_and_it_is_audited(world: World) -> None:
    response = logged_in_client(world.worker).post(_url(world, "map"), _add_data())
    assert response.status_code == 302
    entry = MapEntry.objects.get(trajectory=world.trajectory)
    assert response["Location"].endswith(f"#regel-{entry.pk}")
    assert (entry.category, entry.view_of_role, entry.audience, entry.created_by) == (
        MapCategory.STRENGTH,
        ProfessionalView.HULPVERLENER,
        Audience.PARENTS,
        world.worker,
    )
    assert entry.column == MapColumn.GOING_WELL
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        object_type="assessments.mapentry",
        object_id=str(entry.pk),
        actor=world.worker,
        trajectory=world.trajectory,
    ).exists()


def test_an_entry_needs_to_say_whose_view_it_is_and_keeps_what_was_typed(world: World) -> None:
    response = logged_in_client(world.owner).post(_url(world, "map"), _add_data(view=""))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Zeg wiens kijk dit is: een persoon van het traject of een professional." in page
    assert "Mama brengt Noor elke dag op tijd naar school." in page
    assert not MapEntry.objects.exists()


def test_the_service_wants_exactly_one_view(world: World) -> None:
    with pytest.raises(ValidationError):
        _entry(world, view_of_role="")
    with pytest.raises(ValidationError):
        _entry(
            world, view_of_person=mother_of(world.trajectory)
        )  # and the consultant's role as well
    assert not MapEntry.objects.exists()


def test_it_refuses_a_person_of_another_trajectory(world: World) -> None:
    stranger = Person.objects.get(trajectory=world.other_trajectory, is_child=False)
    response = logged_in_client(world.owner).post(
        _url(world, "map"), _add_data(view=f"p:{stranger.pk}")
    )
    assert response.status_code == 200
    assert not MapEntry.objects.exists()
    with pytest.raises(ValidationError):
        _entry(world, view_of_role="", view_of_person=stranger)
    assert not MapEntry.objects.exists()


def test_it_refuses_a_session_of_another_trajectory(world: World) -> None:
    elsewhere = services.record_mapping_session(
        trajectory=world.other_trajectory,
        held_on=timezone.localdate(),
        actor=world.other_consultant,
    )
    response = logged_in_client(world.owner).post(
        _url(world, "map"), _add_data(session=elsewhere.pk)
    )
    assert response.status_code == 200
    with pytest.raises(ValidationError):
        _entry(world, session=elsewhere)
    assert not MapEntry.objects.exists()


def test_autosave_keeps_a_draft_of_a_new_entry(world: World) -> None:
    client = logged_in_client(world.worker)
    url = _url(world, "map")
    typed = "Oma haalt Noor op als mama moet werken."
    response = client.post(url, _add_data(text=typed, _autosave="1"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert Draft.objects.filter(user=world.worker, key=url).exists()
    assert not MapEntry.objects.exists()
    page = client.get(url).content.decode()
    assert typed in page
    assert "concept" in page


# --- sessions -------------------------------------------------------------------------------


def test_a_session_records_who_took_part(world: World) -> None:
    mother = mother_of(world.trajectory)
    response = logged_in_client(world.worker).post(
        _url(world, "map_session_add"),
        {
            "held_on": timezone.localdate().isoformat(),
            "participants": [mother.pk],
            "professionals": [world.owner.pk, world.worker.pk],
            "other_participants": "juf Ann",
        },
    )
    assert response.status_code == 302
    session = MappingSession.objects.get(trajectory=world.trajectory)
    assert list(session.participants.all()) == [mother]
    assert set(session.professionals.all()) == {world.owner, world.worker}
    assert session.other_participants == "juf Ann"
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="assessments.mappingsession"
    ).exists()


@pytest.mark.parametrize("field", ["participants", "professionals"])
def test_a_session_refuses_people_from_elsewhere(world: World, field: str) -> None:
    stranger = Person.objects.get(trajectory=world.other_trajectory, is_child=False)
    # worker2 works on the other trajectory; the expired grant is no longer current.
    ids = {"participants": [stranger.pk], "professionals": [world.worker_elsewhere.pk]}[field]
    response = logged_in_client(world.owner).post(
        _url(world, "map_session_add"),
        {"held_on": timezone.localdate().isoformat(), field: ids},
    )
    assert response.status_code == 200
    assert not MappingSession.objects.exists()
    with pytest.raises(ValidationError):
        services.record_mapping_session(
            trajectory=world.trajectory,
            held_on=timezone.localdate(),
            participants=[stranger] if field == "participants" else [],
            professionals=[world.expired] if field == "professionals" else [],
            actor=world.owner,
        )


def test_a_later_session_builds_on_the_map_of_the_last_one(world: World) -> None:
    first = services.record_mapping_session(
        trajectory=world.trajectory,
        held_on=timezone.localdate() - datetime.timedelta(days=30),
        actor=world.owner,
    )
    earlier = _entry(world, "Vorige keer gezegd.", session=first)
    second = services.record_mapping_session(
        trajectory=world.trajectory, held_on=timezone.localdate(), actor=world.owner
    )
    client = logged_in_client(world.owner)
    response = client.get(_url(world, "map"))
    assert "Vorige keer gezegd." in response.content.decode()
    assert response.context["form"]["session"].value() == str(second.pk)
    client.post(_url(world, "map"), _add_data(session=second.pk))
    added = MapEntry.objects.exclude(pk=earlier.pk).get()
    assert added.session == second
    assert current_map_entries(CaseAccess(world.trajectory, CaseRole.CONSULENT)).count() == 2


# --- editing, moving, merging, withdrawing --------------------------------------------------


def test_editing_twice_from_the_same_version_is_a_conflict(world: World) -> None:
    entry = _entry(world)
    client = logged_in_client(world.owner)
    url = _url(world, "map_entry_edit", entry_id=entry.pk)
    base = {"view": "r:consulent", "audience": "1", "version": str(entry.version)}
    assert client.post(url, {**base, "text": "Eerste versie."}).status_code == 302
    response = client.post(url, {**base, "text": "Tweede versie."})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Eerste versie." in page and "Tweede versie." in page
    rows = {str(row["label"]): row for row in response.context["rows"]}
    assert (rows["Wiens kijk is dit?"]["theirs"], rows["Wie mag dit zien?"]["mine"]) == (
        "Consulent",
        "Ook ouders",
    )
    entry.refresh_from_db()
    assert (entry.text, entry.version) == ("Eerste versie.", 2)


def test_moving_an_entry_puts_it_in_another_column(world: World) -> None:
    entry = _entry(world)
    client = logged_in_client(world.worker)
    url = _url(world, "map_entry_move", entry_id=entry.pk)
    response = client.post(url, {"category": MapCategory.NEXT_STEP, "version": entry.version})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.category, entry.column, entry.version) == (
        MapCategory.NEXT_STEP,
        MapColumn.NEEDS,
        2,
    )
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_id=str(entry.pk), detail__moved_to="next_step"
    ).exists()
    # A move from a stale page changes nothing.
    client.post(url, {"category": MapCategory.STRENGTH, "version": 1})
    entry.refresh_from_db()
    assert entry.category == MapCategory.NEXT_STEP


def test_merging_keeps_the_old_entries_behind_the_new_one(world: World) -> None:
    first = _entry(world, "Papa roept.")
    second = _entry(world, "Noor is bang als papa thuiskomt.", audience=Audience.PROFESSIONALS)
    client = logged_in_client(world.worker)
    url = _url(world, "map_merge")
    page = client.get(url, {"entries": [first.pk, second.pk]})
    assert page.status_code == 200
    form = page.context["form"]
    assert form["text"].value() == "Papa roept.\nNoor is bang als papa thuiskomt."
    assert form["audience"].value() == Audience.PROFESSIONALS  # the narrowest of the two
    response = client.post(
        url,
        {
            "entries": [first.pk, second.pk],
            "versions": form["versions"].value(),
            "text": "Papa roept en Noor is bang als hij thuiskomt.",
            "category": MapCategory.HARM,
            "view": "r:consulent",
            "audience": "0",
        },
    )
    assert response.status_code == 302
    merged = MapEntry.objects.get(text="Papa roept en Noor is bang als hij thuiskomt.")
    assert merged.is_current
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.merged_into, second.merged_into) == (merged, merged)
    assert MapEntry.objects.count() == 3
    board = client.get(_url(world, "map")).context["board"]
    harm = board.columns[0].categories[0]
    assert [line.entry for line in harm.lines] == [merged]
    assert harm.lines[0].merged_from == [first, second]


def test_merging_needs_two_entries_of_this_trajectory(world: World) -> None:
    mine = _entry(world)
    theirs = services.add_map_entry(
        trajectory=world.other_trajectory,
        category=MapCategory.HARM,
        text="Ander traject.",
        audience=Audience.PROFESSIONALS,
        view_of_role=ProfessionalView.CONSULENT,
        actor=world.other_consultant,
    )
    response = logged_in_client(world.owner).post(
        _url(world, "map_merge"),
        {
            "entries": [mine.pk, theirs.pk],
            "text": "Samen.",
            "category": MapCategory.HARM,
            "view": "r:consulent",
            "audience": "0",
        },
    )
    assert response.status_code == 200
    assert MapEntry.objects.count() == 2
    assert MapEntry.objects.filter(merged_into__isnull=False).count() == 0


def test_merging_an_entry_someone_changed_meanwhile_is_a_conflict(world: World) -> None:
    first, second = _entry(world, "Een."), _entry(world, "Twee.")
    _update(second, "Twee, aangevuld.", world.worker)
    response = logged_in_client(world.owner).post(
        _url(world, "map_merge"),
        {
            "entries": [first.pk, second.pk],
            "versions": f"{first.pk}:1,{second.pk}:1",
            "text": "Een en twee.",
            "category": MapCategory.HARM,
            "view": "r:consulent",
            "audience": "1",
        },
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Twee, aangevuld." in page and "Een en twee." in page
    assert response.context["form"]["versions"].value() == f"{first.pk}:1,{second.pk}:2"
    assert MapEntry.objects.count() == 2
    assert not MapEntry.objects.filter(merged_into__isnull=False).exists()


def test_a_withdrawn_entry_leaves_the_map_but_is_kept_for_professionals(world: World) -> None:
    entry = _entry(world)
    client = logged_in_client(world.worker)
    response = client.post(
        _url(world, "map_entry_withdraw", entry_id=entry.pk), {"reason": "Verkeerd genoteerd"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.withdrawn_at is not None and entry.withdrawn_reason == "Verkeerd genoteerd"
    assert AuditEvent.objects.filter(
        action=AuditAction.WITHDRAW, object_id=str(entry.pk), actor=world.worker
    ).exists()
    board = client.get(_url(world, "map")).context["board"]
    assert board.count == 0
    assert [line.entry for line in board.withdrawn] == [entry]
    # No longer editable.
    edit = client.get(_url(world, "map_entry_edit", entry_id=entry.pk))
    assert edit.status_code == 302


def test_a_withdrawal_needs_a_reason(world: World) -> None:
    entry = _entry(world)
    response = logged_in_client(world.owner).post(
        _url(world, "map_entry_withdraw", entry_id=entry.pk), {"reason": ""}
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.withdrawn_at is None


def test_a_closed_trajectory_refuses_writes(world: World) -> None:
    entry = _entry(world)
    world.trajectory.stage = Stage.AFGESLOTEN
    world.trajectory.save(update_fields=["stage"])
    client = logged_in_client(world.owner)
    assert client.post(_url(world, "map"), _add_data()).status_code == 403
    move = {"category": MapCategory.STRENGTH, "version": entry.version}
    assert client.post(_url(world, "map_entry_move", entry_id=entry.pk), move).status_code == 403
    assert client.get(_url(world, "map")).status_code == 200
    assert MapEntry.objects.count() == 1


def test_a_closed_trajectory_refuses_every_map_service(world: World) -> None:
    """The kernel's closed-file refusal holds for the services themselves, not only the pages."""
    entry, other = _entry(world), _entry(world, text="Mama drinkt.")
    trajectory = mark_closed(world)
    entry, other = (MapEntry.objects.get(pk=e.pk) for e in (entry, other))
    writes = [
        lambda: _entry(world, "Nieuw", trajectory=trajectory),
        lambda: _update(entry, "Anders", world.owner),
        lambda: services.move_map_entry(
            entry=entry,
            expected_version=entry.version,
            category=MapCategory.STRENGTH,
            actor=world.owner,
        ),
        lambda: _merge(world, [entry, other], "Samen", trajectory=trajectory),
        lambda: services.withdraw_map_entry(entry=entry, reason="Weg", actor=world.owner),
        lambda: services.record_mapping_session(
            trajectory=trajectory, held_on=timezone.localdate(), actor=world.owner
        ),
    ]
    assert_refused_while_closed(
        writes,
        lambda: (
            MapEntry.objects.count(),
            MappingSession.objects.count(),
            sorted(MapEntry.objects.values_list("version", flat=True)),
            AuditEvent.objects.count(),
        ),
    )
    assert not MapEntry.objects.filter(withdrawn_at__isnull=False).exists()


# --- access ---------------------------------------------------------------------------------


def _every_url(world: World, entry: MapEntry) -> list[str]:
    return [
        _url(world, "map"),
        _url(world, "map_session_add"),
        _url(world, "map_merge"),
        _url(world, "map_entry_edit", entry_id=entry.pk),
        _url(world, "map_entry_move", entry_id=entry.pk),
        _url(world, "map_entry_withdraw", entry_id=entry.pk),
    ]


@pytest.mark.parametrize(
    "persona", ["worker_elsewhere", "other_consultant", "expired", "parent_elsewhere"]
)
def test_outsiders_get_404_on_every_map_url(world: World, persona: str) -> None:
    entry = _entry(world)
    client = logged_in_client(getattr(world, persona))
    for url in _every_url(world, entry):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {**_add_data(), "reason": "x", "version": 1}).status_code == 404
    entry.refresh_from_db()
    assert (entry.version, entry.withdrawn_at, MapEntry.objects.count()) == (1, None, 1)


def test_the_parent_gets_403_on_every_map_url(world: World) -> None:
    entry = _entry(world)
    client = logged_in_client(world.parent)
    for url in _every_url(world, entry):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {**_add_data(), "reason": "x", "version": 1}).status_code == 403
    assert MapEntry.objects.count() == 1


def test_the_family_would_see_only_current_entries_shared_with_them(world: World) -> None:
    shared = _entry(world, "GEDEELD", audience=Audience.PARENTS)
    _entry(world, "ALLEEN-PROF", audience=Audience.PROFESSIONALS)
    withdrawn = _entry(world, "INGETROKKEN", audience=Audience.PARENTS)
    services.withdraw_map_entry(entry=withdrawn, reason="Fout", actor=world.owner)
    a, b = _entry(world, "A", audience=Audience.NETWORK), _entry(world, "B")
    merged = _merge(world, [a, b], "A en B")
    parent = CaseAccess(world.trajectory, CaseRole.OUDER)
    network = CaseAccess(world.trajectory, CaseRole.NETWERK)
    assert set(visible_items(parent, MapEntry.objects.all())) == {shared, a, b, merged}
    assert set(current_map_entries(parent)) == {shared, merged}
    assert set(current_map_entries(network)) == set()
    assert current_map_entries(CaseAccess(world.trajectory, CaseRole.CONSULENT)).count() == 3


# --- performance ----------------------------------------------------------------------------

MAP_QUERIES = 16  # + the children's names in the page head; + what the children said (child_voice)


def test_the_map_page_does_not_grow_with_its_entries(
    world: World, django_assert_num_queries: Any
) -> None:
    mother = mother_of(world.trajectory)
    session = services.record_mapping_session(
        trajectory=world.trajectory,
        held_on=timezone.localdate(),
        participants=[mother],
        professionals=[world.owner],
        actor=world.owner,
    )
    _entry(world, "Eerste regel.", session=session)
    client = logged_in_client(world.owner)
    url = _url(world, "map")
    with django_assert_num_queries(MAP_QUERIES):
        assert client.get(url).status_code == 200
    categories = list(MapCategory)
    for i in range(50):
        _entry(
            world,
            f"Regel {i}",
            category=categories[i % len(categories)],
            view_of_role="" if i % 2 else ProfessionalView.HULPVERLENER,
            view_of_person=mother if i % 2 else None,
            session=session if i % 3 else None,
        )
    services.withdraw_map_entry(entry=MapEntry.objects.last(), reason="Fout", actor=world.owner)  # type: ignore[arg-type]
    _merge(world, list(MapEntry.objects.filter(category=MapCategory.HARM)[:3]), "Samen.")
    with django_assert_num_queries(MAP_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["board"].count == 48

"""What a professional sees and keeps in the browser: forms, conflicts, drafts, time-outs."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.models import Draft, Trajectory
from samenopweg.cases.tests.helpers import logged_in_client
from samenopweg.core.middleware import LAST_USER_COOKIE
from samenopweg.journal.models import JournalEntry, JournalRevision, Task

pytestmark = pytest.mark.django_db

FormData = dict[str, Any]


class _FormParser(HTMLParser):
    """Read the fields of each <form> the way a browser would submit them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._form: list[tuple[str, str]] | None = None
        self._textarea: list[str] | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._form.append((name, a.get("value", default)))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select, self._options = name, []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag: str) -> None:
        if self._form is None:
            return
        if tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._form.append((name, text.removeprefix("\r\n").removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._options if selected] or [
                v for v, _s in self._options[:1]
            ]
            self._form.extend((self._select, v) for v in chosen)
            self._select = None
        elif tag == "form":
            self._form = None


def form_data(response: Any, field: str) -> FormData:
    """What submitting the page's form that has `field` would send, unchanged."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    for fields in parser.forms:
        if any(name == field for name, _v in fields):
            data: dict[str, list[str]] = {}
            for name, value in fields:
                if name != "csrfmiddlewaretoken":
                    data.setdefault(name, []).append(value)
            return {k: v[0] if len(v) == 1 else v for k, v in data.items()}
    raise AssertionError(f"no form with a field {field!r} on the page")


def registration_data(world: World, **overrides: str) -> FormData:
    data: FormData = {
        "team": str(world.team.pk),
        "owner": str(world.owner.pk),
        "framework": "verontrusting",
        "youth_judge_reference": "",
        "registered_on": timezone.localdate().isoformat(),
        "reason": "De school meldt blauwe plekken bij Lotte.",
        "goal": "Lotte kan veilig thuis wonen.",
        "child-TOTAL_FORMS": "1",
        "child-INITIAL_FORMS": "0",
        "child-MIN_NUM_FORMS": "1",
        "child-MAX_NUM_FORMS": "12",
        "child-0-first_name": "Lotte",
        "child-0-last_name": "Janssens",
        "child-0-date_of_birth": "2018-04-02",
        "child-0-gender": "f",
        "child-0-safety_answer": "unclear",
        "child-0-safety_basis": "Melding van de school.",
        "child-0-next_step": "Gesprek met de moeder.",
        "child-0-urgency": "72h",
        "adult-TOTAL_FORMS": "1",
        "adult-INITIAL_FORMS": "0",
        "adult-MIN_NUM_FORMS": "0",
        "adult-MAX_NUM_FORMS": "12",
        "adult-0-first_name": "Sara",
        "adult-0-last_name": "Janssens",
        "adult-0-relation_kind": "mother",
        "adult-0-gender": "f",
        "adult-0-phone": "",
        "adult-0-email": "",
    }
    data.update(overrides)
    return data


def journal_url(world: World) -> str:
    return reverse("journal:list", args=[world.trajectory.reference])


def journal_post(**overrides: Any) -> FormData:
    data: FormData = {
        "occurred_on": timezone.localdate().isoformat(),
        "kind": "conversation",
        "other_participants": "",
        "text": "Mama vertelt dat de avonden rustiger verlopen.",
        "audience": "0",
    }
    data.update(overrides)
    return data


# Registration


def test_bad_input_keeps_what_was_typed_with_a_dutch_message_per_field(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    future = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()

    response = client.post(
        reverse("case_people:register"),
        registration_data(world, goal="", **{"child-0-date_of_birth": future}),
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "De school meldt blauwe plekken bij Lotte." in content
    assert "Dit veld is verplicht." in content
    assert "De geboortedatum ligt in de toekomst." in content
    assert response.context["form"].errors["goal"] == ["Dit veld is verplicht."]
    assert response.context["children"].forms[0].errors["date_of_birth"] == [
        "De geboortedatum ligt in de toekomst."
    ]
    assert Trajectory.objects.count() == 2


def test_adding_a_child_shows_one_more_child_form_without_errors(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)

    response = client.post(
        reverse("case_people:register"), registration_data(world, goal="", add_child="1")
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert len(response.context["children"].forms) == 2
    assert 'name="child-1-first_name"' in content
    assert 'value="Lotte"' in content
    assert "Dit veld is verplicht." not in content
    assert 'class="error"' not in content
    assert Trajectory.objects.count() == 2


def test_a_successful_registration_opens_the_new_trajectory(client: Client, world: World) -> None:
    client.force_login(world.owner)

    response = client.post(reverse("case_people:register"), registration_data(world))

    new = Trajectory.objects.exclude(pk__in=[world.trajectory.pk, world.other_trajectory.pk]).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:detail", args=[new.reference])
    assert new.owner == world.owner
    assert new.reason == "De school meldt blauwe plekken bij Lotte."
    assert client.get(response["Location"]).status_code == 200


# Two people editing the same thing


def _save_after_a_colleague(
    world: World, url: str, theirs: FormData, mine: FormData
) -> tuple[Client, Any, str]:
    """The team lead and the owner open the same form; the team lead saves `theirs` first, then
    the owner posts `mine` and gets the conflict page (409) showing both texts (the first value
    of each). Returns the owner's client, that page, and the version both forms were read at."""
    colleague, me = logged_in_client(world.team_lead), logged_in_client(world.owner)
    theirs_form = form_data(colleague.get(url), "version")
    mine_form = form_data(me.get(url), "version")
    assert theirs_form["version"] == mine_form["version"]

    theirs_form.update(theirs)
    assert colleague.post(url, theirs_form).status_code == 302
    mine_form.update(mine)
    response = me.post(url, mine_form)

    assert response.status_code == 409
    content = response.content.decode()
    for text in (next(iter(theirs.values())), next(iter(mine.values()))):
        assert text in content
    return me, response, theirs_form["version"]


def test_a_second_save_of_the_trajectory_shows_both_texts_and_overwrites_nothing(
    world: World,
) -> None:
    url = reverse("cases:edit", args=[world.trajectory.reference])
    me, response, version = _save_after_a_colleague(
        world,
        url,
        {"goal": "THEIRS: Noor slaapt elke nacht veilig thuis."},
        {"goal": "MINE: Noor voelt zich veilig bij mama."},
    )
    assert version == "1"
    world.trajectory.refresh_from_db()
    assert world.trajectory.goal == "THEIRS: Noor slaapt elke nacht veilig thuis."

    again = form_data(response, "version")
    assert again["version"] == "2"
    assert again["goal"] == "MINE: Noor voelt zich veilig bij mama."
    assert me.post(url, again).status_code == 302
    world.trajectory.refresh_from_db()
    assert world.trajectory.goal == "MINE: Noor voelt zich veilig bij mama."
    assert world.trajectory.version == 3


def test_a_second_correction_of_a_journal_entry_shows_both_texts(world: World) -> None:
    entry = world.private_entry
    url = reverse("journal:edit", args=[world.trajectory.reference, entry.pk])
    me, response, _version = _save_after_a_colleague(
        world,
        url,
        {"text": "THEIRS: de school belde op maandag.", "reason": "Dag verbeterd"},
        {"text": "MINE: de school mailde op dinsdag.", "reason": "Kanaal verbeterd"},
    )
    entry.refresh_from_db()
    assert entry.text == "THEIRS: de school belde op maandag."
    assert entry.revisions.count() == 1

    again = form_data(response, "version")
    assert again["reason"] == "Kanaal verbeterd"
    assert me.post(url, again).status_code == 302
    entry.refresh_from_db()
    assert entry.text == "MINE: de school mailde op dinsdag."
    assert entry.revisions.count() == 2


def test_a_second_save_of_a_task_shows_both_titles(world: World) -> None:
    task = world.task
    url = reverse("journal:task_edit", args=[world.trajectory.reference, task.pk])
    me, response, _version = _save_after_a_colleague(
        world,
        url,
        {"title": "THEIRS: huisbezoek op woensdag"},
        {"title": "MINE: huisbezoek met de grootmoeder"},
    )
    assert Task.objects.get(pk=task.pk).title == "THEIRS: huisbezoek op woensdag"

    assert me.post(url, form_data(response, "version")).status_code == 302
    assert Task.objects.get(pk=task.pk).title == "MINE: huisbezoek met de grootmoeder"


# Drafts and time-outs


def test_autosave_keeps_a_draft_that_survives_a_new_login(client: Client, world: World) -> None:
    client.force_login(world.owner)
    url = journal_url(world)
    typed = "Half getypt verslag over het netwerkoverleg."

    response = client.post(url, journal_post(text=typed, _autosave="1"), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "Concept bewaard" in response.content.decode()
    # The browser's copy (static/js/autosave.js) is dropped only on this word from the server.
    assert response["X-Sow-Draft"] == "saved"
    draft = Draft.objects.get(user=world.owner, key=url)
    assert draft.trajectory == world.trajectory
    assert draft.data["text"] == [typed]

    client.logout()
    client.force_login(world.owner)
    content = client.get(url).content.decode()
    assert typed in content
    assert "concept" in content

    response = client.post(url, journal_post(text=typed))
    assert response.status_code == 302
    assert not Draft.objects.filter(user=world.owner, key=url).exists()
    assert JournalEntry.objects.filter(trajectory=world.trajectory, text=typed).exists()


def _post_after_time_out(client: Client, world: World, text: str) -> Any:
    client.force_login(world.owner)
    url = journal_url(world)
    client.get(url)
    assert LAST_USER_COOKIE in client.cookies
    client.session.delete()  # the server forgot the session: it timed out
    return client.post(url, journal_post(text=text))


def test_an_expired_session_does_not_eat_the_form(client: Client, world: World) -> None:
    typed = "Verslag getypt terwijl de sessie verliep."

    response = _post_after_time_out(client, world, typed)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not JournalEntry.objects.filter(text=typed).exists()
    client.force_login(world.owner)
    content = client.get(journal_url(world)).content.decode()
    assert typed in content
    assert "Je sessie was verlopen" in content
    # Kept as a server draft at the login (issue 11, point 3): a second visit still has it...
    assert typed in client.get(journal_url(world)).content.decode()
    # ...and so does another browser, after this one was closed (its session cookie is gone).
    assert typed in logged_in_client(world.owner).get(journal_url(world)).content.decode()
    draft = Draft.objects.get(user=world.owner, key=journal_url(world))
    assert draft.after_time_out and draft.data["text"] == [typed]
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="cases.draft", object_id=str(draft.pk)
    ).exists()


def test_forms_sent_from_two_tabs_after_the_time_out_are_both_kept(
    client: Client, world: World
) -> None:
    """Issue 11, point 2: two tabs, two forms sent after the session expired; none is lost."""
    first, second = "Tekst uit het eerste venster.", "Tekst uit het tweede venster."
    edit = reverse("cases:edit", args=[world.trajectory.reference])
    _post_after_time_out(client, world, first)
    client.post(edit, {"reason": second, "_tab": "b"})
    client.post(journal_url(world), {**journal_post(text=first + " Nog wat."), "_tab": "c"})

    client.force_login(world.owner)

    assert second in client.get(edit).content.decode()
    page = client.get(journal_url(world)).content.decode()
    # The same form twice: the last one is the page's draft, the earlier one is offered.
    assert first + " Nog wat." in page
    assert "ook in een ander venster" in page
    other = client.get(journal_url(world) + "?concept=2").content.decode()
    assert first in other and first + " Nog wat." not in other
    response = client.post(journal_url(world) + "?concept=2", journal_post(text=first))
    assert response.status_code == 302
    assert JournalEntry.objects.filter(text=first).exists()
    assert list(
        Draft.objects.filter(user=world.owner, key__startswith=journal_url(world)).values_list(
            "key", flat=True
        )
    ) == [journal_url(world)]


def test_an_autosave_after_the_time_out_replaces_only_its_own_tab(
    client: Client, world: World
) -> None:
    url = journal_url(world)
    _post_after_time_out(client, world, "eerste")
    for text, tab in (("a1", "a"), ("b1", "b"), ("a2", "a")):
        response = client.post(
            url, {**journal_post(text=text), "_tab": tab, "_autosave": "1"}, HTTP_HX_REQUEST="true"
        )
        assert response["X-Sow-Draft"] == "expired"
    kept = client.session["pending_forms"]
    assert [k["data"]["text"] for k in kept] == [["eerste"], ["b1"], ["a2"]]


def test_what_was_typed_is_not_shown_to_another_user_on_the_same_browser(
    client: Client, world: World
) -> None:
    typed = "Vertrouwelijk verslag van de consulent."

    _post_after_time_out(client, world, typed)
    client.force_login(world.worker)
    response = client.get(journal_url(world))

    assert response.status_code == 200
    content = response.content.decode()
    assert typed not in content
    assert "Je sessie was verlopen" not in content


# The journal


def test_a_correction_keeps_the_earlier_text_in_the_history(client: Client, world: World) -> None:
    client.force_login(world.owner)
    entry = world.private_entry
    url = reverse("journal:edit", args=[world.trajectory.reference, entry.pk])
    data = form_data(client.get(url), "version")
    data.update(text="ALLEEN-PROF: melding van de school, per mail.", reason="Kanaal verbeterd")

    assert client.post(url, data).status_code == 302

    revision = JournalRevision.objects.get(entry=entry)
    assert revision.text == "ALLEEN-PROF: melding van de school."
    assert revision.reason == "Kanaal verbeterd"
    history = client.get(reverse("journal:history", args=[world.trajectory.reference, entry.pk]))
    content = history.content.decode()
    assert "ALLEEN-PROF: melding van de school." in content
    assert "ALLEEN-PROF: melding van de school, per mail." in content
    assert "Kanaal verbeterd" in content


def test_withdrawing_needs_a_reason(client: Client, world: World) -> None:
    client.force_login(world.owner)
    entry = world.shared_entry
    url = reverse("journal:withdraw", args=[world.trajectory.reference, entry.pk])

    response = client.post(url, {"reason": "  "})

    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    entry.refresh_from_db()
    assert not entry.is_withdrawn


def test_a_withdrawn_entry_is_hidden_from_the_parent_and_struck_through_for_professionals(
    client: Client, world: World
) -> None:
    entry = world.shared_entry
    parent = logged_in_client(world.parent)
    family_url = reverse("portal:trajectory", args=[world.trajectory.reference])
    assert "GEDEELD" in parent.get(family_url).content.decode()
    client.force_login(world.owner)

    response = client.post(
        reverse("journal:withdraw", args=[world.trajectory.reference, entry.pk]),
        {"reason": "Verkeerd gezin"},
    )

    assert response.status_code == 302
    assert "GEDEELD" not in parent.get(family_url).content.decode()
    content = client.get(journal_url(world)).content.decode()
    assert "GEDEELD" in content
    assert 'class="entry withdrawn"' in content
    assert "Verkeerd gezin" in content
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


# Language


def test_the_language_switch_is_remembered_on_the_account(client: Client, world: World) -> None:
    client.force_login(world.owner)
    url = journal_url(world)
    assert '<html lang="nl"' in client.get(url).content.decode()

    response = client.post(reverse("set_language"), {"language": "en", "next": url})

    assert response.status_code == 302
    assert response["Location"] == url
    world.owner.refresh_from_db()
    assert world.owner.language == "en"
    content = client.get(url).content.decode()
    assert '<html lang="en"' in content
    assert ">Nederlands</button>" in content
    # Another browser without the language cookie: the account decides.
    assert '<html lang="en"' in logged_in_client(world.owner).get(url).content.decode()


@pytest.mark.django_db
def test_a_refused_stage_change_keeps_the_typed_reason(client, world):
    client.force_login(world.owner)
    url = reverse("cases:stage", args=[world.trajectory.reference])
    client.post(url, {"to_stage": "in_kaart", "reason": "We starten met de kaart.", "version": 999})
    page = client.get(
        reverse("dashboard:detail", args=[world.trajectory.reference])
    ).content.decode()
    assert "We starten met de kaart." in page
    assert "intussen gewijzigd" in page


@pytest.mark.django_db
def test_closing_goes_through_the_closure_checklist(client, world):
    """The stage form does not close: closing is the checklist's last step (closure)."""
    client.force_login(world.owner)
    url = reverse("cases:stage", args=[world.trajectory.reference])
    response = client.post(
        url, {"to_stage": "afgesloten", "reason": "Klaar.", "version": world.trajectory.version}
    )
    assert response["Location"] == reverse("closure:checklist", args=[world.trajectory.reference])
    world.trajectory.refresh_from_db()
    assert not world.trajectory.is_closed
    page = client.get(reverse("dashboard:detail", args=[world.trajectory.reference]))
    assert '<option value="afgesloten"' not in page.content.decode()


@pytest.mark.django_db
def test_the_dashboard_leaves_a_read_row_on_every_file_it_shows(client, world):
    from samenopweg.audit.models import AuditEvent

    client.force_login(world.team_lead)
    client.get(reverse("dashboard:dashboard"))
    assert AuditEvent.objects.filter(
        trajectory=world.trajectory,
        actor=world.team_lead,
        action="view",
        object_type="page:dashboard",
    ).exists()


@pytest.mark.django_db
def test_sending_the_registration_twice_makes_one_trajectory(client, world):
    from samenopweg.cases.models import Trajectory

    client.force_login(world.owner)
    data = {**registration_data(world), "submission": "abc123"}
    first = client.post(reverse("case_people:register"), data)
    second = client.post(reverse("case_people:register"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Trajectory.objects.filter(team=world.team).count() == 2  # the world's own + this one


@pytest.mark.django_db
def test_search_needs_every_word_and_finds_names_dates_and_references(client, world):
    from conftest import register as register_case

    register_case(world.team, world.owner, child="Emma")
    client.force_login(world.owner)

    def found(q: str) -> str:
        return client.get(reverse("dashboard:dashboard"), {"q": q}).content.decode()

    assert world.trajectory.reference in found("noor peeters")
    assert world.trajectory.reference not in found("emma peeters")
    assert world.trajectory.reference in found("12/03/2017")  # the date of birth
    assert world.trajectory.reference in found(world.trajectory.reference[-5:])


@pytest.mark.django_db
def test_search_finds_a_person_added_later_and_a_changed_name(client, world):
    from samenopweg.people import services as people_services
    from samenopweg.people.models import Person

    client.force_login(world.owner)

    def found(q: str) -> str:
        return client.get(reverse("dashboard:dashboard"), {"q": q}).content.decode()

    assert world.trajectory.reference not in found("Vanderstraeten")
    person = people_services.add_person(
        trajectory=world.trajectory,
        is_child=False,
        relations={},
        actor=world.owner,
        first_name="Rita",
        last_name="Vanderstraeten",
    )
    assert world.trajectory.reference in found("vanderstraeten")
    people_services.update_person(
        person=person,
        expected_version=person.version,
        relations=None,
        actor=world.owner,
        **{
            f: getattr(person, f)
            for f in (
                "first_name",
                "date_of_birth",
                "gender",
                "phone",
                "email",
                "notes",
                "audience",
            )
        },
        last_name="Ötztal",
    )
    assert Person.objects.get(pk=person.pk).last_name == "Ötztal"
    assert world.trajectory.reference not in found("Vanderstraeten")
    assert world.trajectory.reference in found("ötztal")


def test_autosave_keeps_no_draft_on_a_closed_trajectory(client: Client, world: World) -> None:
    """Issue 11, point 17: the status line says why nothing was kept."""
    from samenopweg.cases.models import Stage

    Trajectory.objects.filter(pk=world.trajectory.pk).update(
        stage=Stage.AFGESLOTEN, closed_at=timezone.now()
    )
    client.force_login(world.owner)
    url = journal_url(world)

    response = client.post(
        url, journal_post(text="Na de afsluiting", _autosave="1"), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    status = response.content.decode()
    assert "Geen concept bewaard" in status and "afgesloten" in status
    assert response["X-Sow-Draft"] == "refused"
    assert not Draft.objects.filter(user=world.owner, key=url).exists()


def test_logging_out_forgets_who_was_last_logged_in(client: Client, world: World) -> None:
    """Issue 11, point 12: the last user's cookie does not outlive the logout."""
    client.force_login(world.owner)
    client.get(reverse("home"))
    assert client.cookies[LAST_USER_COOKIE].value

    response = client.post(reverse("logout"))

    assert response.cookies[LAST_USER_COOKIE].value == ""
    assert response.cookies[LAST_USER_COOKIE]["max-age"] == 0

"""Bad input is refused next to its field, with what was typed kept (issue 11, points 14 and 15):
dates of things that happened lie between 2000 and today, birth dates are not in the future,
planned dates at most five years ahead, and long texts have a limit."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World, register
from samenopweg.assessments.forms.map import MappingSessionForm
from samenopweg.assessments.forms.scaling import ScalingRoundForm
from samenopweg.cases import items, services
from samenopweg.cases.models import Draft, Trajectory
from samenopweg.cases.tests.test_views import journal_post, journal_url, registration_data
from samenopweg.core.validators import PARAGRAPH_MAX, REPORT_MAX
from samenopweg.journal.forms import JournalEntryForm, TaskForm
from samenopweg.journal.models import JournalEntry
from samenopweg.people.forms import ChildSupportForm, NetworkMeetingForm, PersonForm
from samenopweg.safety_plans.forms import CheckInForm, PlanForm

FUTURE = "Deze datum ligt in de toekomst."
TOO_EARLY = "Deze datum ligt te ver in het verleden"


def _today() -> datetime.date:
    return timezone.localdate()


def _new_trajectories(world: World) -> Any:
    return Trajectory.objects.exclude(pk__in=[world.trajectory.pk, world.other_trajectory.pk])


# Registration: the date and the reference


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2030-01-01", FUTURE), ("1800-01-01", TOO_EARLY)],
    ids=["future", "1800"],
)
def test_a_registration_date_in_the_future_or_in_1800_is_refused_and_the_form_kept(
    client: Client, world: World, typed: str, message: str
) -> None:
    client.force_login(world.owner)
    response = client.post(
        reverse("case_people:register"),
        registration_data(world, registered_on=typed, reason="De school belde vanmorgen."),
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert f'value="{typed}"' in content
    assert "De school belde vanmorgen." in content
    assert 'value="Lotte"' in content
    assert not _new_trajectories(world).exists()


def test_a_registration_made_today_with_last_years_date_is_numbered_in_this_year(
    world: World,
) -> None:
    today = _today()
    last_year = register(
        world.team, world.owner, registered_on=today.replace(year=today.year - 1, day=1)
    )
    assert last_year.reference.startswith(f"OCJ-GNT-{today.year}-")
    assert last_year.registered_on.year == today.year - 1


def test_the_service_refuses_a_future_registration_date_without_a_form(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        register(world.team, world.owner, registered_on=_today() + datetime.timedelta(days=1))
    assert FUTURE in refused.value.message_dict["registered_on"]


def test_a_future_birth_date_is_refused_at_registration(client: Client, world: World) -> None:
    client.force_login(world.owner)
    tomorrow = (_today() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("case_people:register"),
        registration_data(world, **{"child-0-date_of_birth": tomorrow}),
    )
    assert "De geboortedatum ligt in de toekomst." in response.content.decode()
    assert not _new_trajectories(world).exists()


def test_a_birth_date_in_the_future_or_before_1900_is_refused_for_a_person(world: World) -> None:
    def errors(date_of_birth: str) -> Any:
        form = PersonForm(
            data={"first_name": "Oma", "date_of_birth": date_of_birth, "audience": "1"},
            children=[],
            is_child=False,
        )
        assert not form.is_valid()
        return form.errors["date_of_birth"]

    assert "De geboortedatum ligt in de toekomst." in errors(
        (_today() + datetime.timedelta(days=1)).isoformat()
    )
    assert any(TOO_EARLY in e for e in errors("1899-12-31"))
    ok = PersonForm(
        data={"first_name": "Oma", "date_of_birth": "1931-05-04", "audience": "1"},
        children=[],
        is_child=False,
    )
    assert ok.is_valid(), ok.errors


# A past-event date in a form of every app


def _date_errors(form: Any, field: str) -> list[str]:
    assert not form.is_valid()
    return list(form.errors.get(field, []))


def test_a_past_event_date_is_refused_in_the_future_and_before_2000_in_every_app(
    world: World,
) -> None:
    tomorrow = (_today() + datetime.timedelta(days=1)).isoformat()
    none = Trajectory.objects.none()
    forms: dict[str, Any] = {
        "journal contact": lambda d: (
            JournalEntryForm(data={"occurred_on": d}, trajectory=world.trajectory),
            "occurred_on",
        ),
        "network meeting": lambda d: (
            NetworkMeetingForm(data={"held_on": d}, persons=none),
            "held_on",
        ),
        "said yes on": lambda d: (
            ChildSupportForm(data={"confirmed_on": d}, children=none, adults=none),
            "confirmed_on",
        ),
        "mapping session": lambda d: (
            MappingSessionForm(data={"held_on": d}, persons=[], grants=[]),
            "held_on",
        ),
        "scaling round": lambda d: (
            ScalingRoundForm(data={"held_on": d}, trajectory=world.trajectory),
            "held_on",
        ),
        "check-in": lambda d: (CheckInForm(data={"checked_on": d}, persons=none), "checked_on"),
    }
    for name, make in forms.items():
        assert FUTURE in _date_errors(*make(tomorrow)), name
        assert any(TOO_EARLY in e for e in _date_errors(*make("1999-12-31"))), name
        form, field = make(_today().isoformat())
        form.is_valid()
        assert field not in form.errors, name  # today is allowed


def test_a_planned_date_may_lie_ahead_but_not_more_than_five_years(world: World) -> None:
    def task(deadline: datetime.date) -> TaskForm:
        return TaskForm(
            data={"title": "Huisbezoek", "deadline": deadline.isoformat(), "audience": "0"},
            trajectory=world.trajectory,
        )

    assert task(_today() + datetime.timedelta(days=300)).is_valid()
    too_far = task(_today() + datetime.timedelta(days=6 * 366))
    assert not too_far.is_valid()
    assert "te ver in de toekomst" in too_far.errors["deadline"][0]
    plan = PlanForm(data={"review_on": "2099-01-01", "audience": "2"}, immediate=True)
    assert not plan.is_valid()
    assert "review_on" in plan.errors


# Long texts


def test_a_reason_of_200000_characters_is_refused_with_the_limit_and_kept_in_the_form(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    long_reason = "De school maakt zich zorgen. " * 7000  # about 200,000 characters
    response = client.post(
        reverse("case_people:register"), registration_data(world, reason=long_reason)
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert (
        f"Dit is te lang: hoogstens {PARAGRAPH_MAX} tekens (nu {len(long_reason.strip())})."
        in content
    )
    assert long_reason.strip() in content  # nothing typed is lost
    assert not _new_trajectories(world).exists()


def test_a_withdrawal_reason_over_its_limit_is_refused_by_the_kernel_with_the_count() -> None:
    with pytest.raises(ValidationError) as refused:
        items.clean_reason("x" * 200_000)
    assert refused.value.message_dict["reason"] == [
        "Dit is te lang: hoogstens 300 tekens (nu 200000)."
    ]


def test_a_journal_report_over_its_limit_is_refused_and_kept(client: Client, world: World) -> None:
    client.force_login(world.owner)
    text = "a" * (REPORT_MAX + 1)
    response = client.post(journal_url(world), journal_post(text=text))
    content = response.content.decode()
    assert response.status_code == 200
    assert f"hoogstens {REPORT_MAX} tekens (nu {REPORT_MAX + 1})" in content
    assert text in content
    assert not JournalEntry.objects.filter(text=text).exists()


def test_the_kernel_refuses_an_over_long_text_that_comes_without_a_form(world: World) -> None:
    entry = JournalEntry(
        trajectory=world.trajectory,
        occurred_on=_today(),
        kind="conversation",
        text="a" * (REPORT_MAX + 1),
    )
    with pytest.raises(ValidationError) as refused:
        items.create(item=entry, actor=world.owner)
    assert "Dit is te lang" in refused.value.message_dict["text"][0]


def test_a_stage_change_reason_over_its_limit_is_refused_without_a_form(world: World) -> None:
    trajectory = world.trajectory
    to_stage = sorted(services.allowed_transitions(trajectory.stage))[0]
    with pytest.raises(ValidationError) as refused:
        services.change_stage(
            trajectory=trajectory,
            to_stage=to_stage,
            reason="a" * (PARAGRAPH_MAX + 1),
            expected_version=trajectory.version,
            actor=world.owner,
        )
    assert "Dit is te lang" in refused.value.message_dict["reason"][0]
    trajectory.refresh_from_db()
    assert trajectory.stage != to_stage


def test_autosave_of_an_over_long_text_keeps_all_of_it_in_the_draft(
    client: Client, world: World
) -> None:
    client.force_login(world.owner)
    url = journal_url(world)
    text = "b" * (REPORT_MAX + 500)
    response = client.post(url, journal_post(text=text, _autosave="1"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert Draft.objects.get(user=world.owner, key=url).data["text"] == [text]


def test_a_long_textarea_gets_a_counter_and_no_hard_maxlength(world: World) -> None:
    html = str(JournalEntryForm(trajectory=world.trajectory)["text"])
    assert f'data-maxlength="{REPORT_MAX}"' in html
    assert "data-counter-left=" in html
    assert "maxlength=" not in html.replace("data-maxlength=", "")

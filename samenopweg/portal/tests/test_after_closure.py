"""After the closure (issue 15, part 5): the case team reads only, the worker's access ends
after a set time, and the network's chair keeps the plan going with no professional following
up: their check-ins and network meetings are taken, one that did not go well leads to the
contact card, not to an alert."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from conftest import World, grant_network_and_young_person
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.models import CaseGrant, CaseRole, Stage
from samenopweg.cases.services import change_stage
from samenopweg.cases.tests.helpers import close_trajectory, logged_in_client
from samenopweg.core.models import Audience
from samenopweg.dashboard.today import today_for_user
from samenopweg.people.models import NetworkMeeting, NetworkMember
from samenopweg.people.services import add_network_meeting
from samenopweg.people.tests import network_world as netwerk
from samenopweg.portal.tests.test_plan import _problems, _section
from samenopweg.safety_plans.models import CheckOutcome, PlanRule, RuleCheckIn
from samenopweg.safety_plans.tests import plan_world as hoe

pytestmark = pytest.mark.django_db


def worker_grant(world: World) -> CaseGrant:
    return CaseGrant.objects.get(
        trajectory=world.trajectory, user=world.worker, role=CaseRole.HULPVERLENER
    )


def chair_and_rule(world: World) -> PlanRule:
    """Oma Maria (the network member's person) chairs the network; the running plan's rule."""
    grant_network_and_young_person(world)
    NetworkMember.objects.filter(pk=netwerk.ensure_member(world).pk).update(is_chair=True)
    return hoe.ensure_rule(world)


def check_in(world: World, user: object, rule: PlanRule, outcome: str) -> object:
    return logged_in_client(user).post(  # type: ignore[arg-type]
        reverse("portal:rule_check_in", args=[world.trajectory.reference, rule.pk]),
        {"outcome": outcome, "checked_on": timezone.localdate().isoformat(), "note": ""},
    )


# --- the professionals ----------------------------------------------------------------------


@override_settings(WORKER_ACCESS_AFTER_CLOSURE_DAYS=30)
def test_closing_ends_the_workers_access_after_the_set_days_audited(world: World) -> None:
    close_trajectory(world)

    grant = worker_grant(world)
    assert grant.ends_with_closure
    assert grant.valid_until is not None
    assert world.trajectory.closed_at is not None
    assert grant.valid_until - world.trajectory.closed_at == datetime.timedelta(days=30)
    assert AuditEvent.objects.filter(
        action=AuditAction.REVOKE,
        trajectory=world.trajectory,
        object_type="cases.casegrant",
        object_id=str(grant.pk),
        detail__why="closure",
    ).exists()
    # The consultant's own access does not end.
    assert not CaseGrant.objects.filter(
        trajectory=world.trajectory, role=CaseRole.CONSULENT, valid_until__isnull=False
    ).exists()


def test_until_then_the_worker_reads_but_may_not_write_and_afterwards_gets_404(
    world: World,
) -> None:
    close_trajectory(world)
    client = logged_in_client(world.worker)
    detail = reverse("dashboard:detail", args=[world.trajectory.reference])
    journal_new = reverse("journal:list", args=[world.trajectory.reference])

    assert client.get(detail).status_code == 200
    refused = client.post(
        journal_new, {"occurred_on": timezone.localdate().isoformat(), "kind": "phone", "text": "x"}
    )
    assert refused.status_code == 403

    CaseGrant.objects.filter(pk=worker_grant(world).pk).update(
        valid_from=timezone.now() - datetime.timedelta(days=60),
        valid_until=timezone.now() - datetime.timedelta(seconds=1),
    )
    assert client.get(detail).status_code == 404
    assert logged_in_client(world.owner).get(detail).status_code == 200


def test_reopening_while_the_access_runs_lifts_its_end(world: World) -> None:
    close_trajectory(world)
    change_stage(
        trajectory=world.trajectory,
        to_stage=Stage.PLAN,
        reason="Er zijn nieuwe zorgen.",
        expected_version=world.trajectory.version,
        actor=world.owner,
    )

    grant = worker_grant(world)
    assert grant.valid_until is None
    assert not grant.ends_with_closure
    assert AuditEvent.objects.filter(
        action=AuditAction.GRANT, object_id=str(grant.pk), detail__why="reopened"
    ).exists()


def test_an_access_that_ended_before_the_closure_is_not_given_back(world: World) -> None:
    ended = timezone.now() - datetime.timedelta(days=1)
    CaseGrant.objects.filter(pk=worker_grant(world).pk).update(
        valid_from=ended - datetime.timedelta(days=60), valid_until=ended
    )
    close_trajectory(world)

    assert worker_grant(world).valid_until == ended
    assert not worker_grant(world).ends_with_closure


# --- the network's chair --------------------------------------------------------------------


def test_the_chair_checks_in_after_the_closure(world: World) -> None:
    rule = chair_and_rule(world)
    close_trajectory(world)

    response = check_in(world, world.network_member, rule, CheckOutcome.WENT_WELL)

    assert response.status_code == 302  # type: ignore[attr-defined]
    saved = RuleCheckIn.objects.get(rule=rule)
    assert saved.created_by == world.network_member
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        object_type="safety_plans.rulecheckin",
        object_id=str(saved.pk),
        detail__after_closure=True,
    ).exists()


def test_a_check_in_that_did_not_go_well_leads_to_the_contact_card_and_no_alert(
    world: World,
) -> None:
    rule = chair_and_rule(world)
    close_trajectory(world)

    response = check_in(world, world.network_member, rule, CheckOutcome.DID_NOT)

    location = response.url  # type: ignore[attr-defined]
    assert "contactkaart" in location or location.endswith("#bellen")
    page = logged_in_client(world.network_member).get(location.split("#")[0])
    assert "contactkaart" in page.content.decode()
    # No professional follows up: nothing in anyone's Vandaag block, no journal line.
    for professional in (world.owner, world.team_lead):
        today = today_for_user(professional)
        assert all(line.reference != world.trajectory.reference for line in today.lines)


def test_the_chairs_page_says_the_plan_is_theirs_now(world: World) -> None:
    rule = chair_and_rule(world)
    close_trajectory(world)

    page = logged_in_client(world.network_member).get(
        reverse("portal:trajectory", args=[world.trajectory.reference])
    )

    html = page.content.decode()
    assert 'id="plan-goes-on"' in html
    assert reverse("portal:rule_check_in", args=[world.trajectory.reference, rule.pk]) in html
    # What they read of it is plain Dutch (the plan test's own check).
    assert _problems("plan", _section(html)) == []
    client = logged_in_client(world.network_member)
    followed = client.post(
        reverse("portal:rule_check_in", args=[world.trajectory.reference, rule.pk]),
        {"outcome": CheckOutcome.DID_NOT, "checked_on": timezone.localdate().isoformat()},
        follow=True,
    )
    said = [str(m) for m in followed.context["messages"]]
    assert said and all(_problems("message", text) == [] for text in said)


def test_other_family_members_may_no_longer_check_in(world: World) -> None:
    rule = chair_and_rule(world)
    close_trajectory(world)

    assert check_in(world, world.parent, rule, CheckOutcome.WENT_WELL).status_code == 403  # type: ignore[attr-defined]
    NetworkMember.objects.filter(trajectory=world.trajectory).update(is_chair=False)
    assert (
        check_in(world, world.network_member, rule, CheckOutcome.WENT_WELL).status_code  # type: ignore[attr-defined]
        == 403
    )
    assert not RuleCheckIn.objects.filter(rule=rule).exists()


def test_the_chair_records_a_network_meeting_after_the_closure_and_a_worker_may_not(
    world: World,
) -> None:
    chair_and_rule(world)
    close_trajectory(world)
    grandma = netwerk.ensure_member(world).person

    meeting = add_network_meeting(
        trajectory=world.trajectory,
        held_on=timezone.localdate(),
        attendees=[grandma],
        other_attendees="",
        notes="Alles loopt. Volgende keer bij de buurvrouw.",
        audience=Audience.NETWORK,
        actor=world.network_member,
    )

    assert NetworkMeeting.objects.filter(pk=meeting.pk).exists()
    with pytest.raises(ValidationError):
        add_network_meeting(
            trajectory=world.trajectory,
            held_on=timezone.localdate(),
            attendees=[],
            other_attendees="",
            notes="",
            audience=Audience.NETWORK,
            actor=world.worker,
        )


def test_the_family_home_still_lists_the_closed_trajectory(world: World) -> None:
    close_trajectory(world)

    page = logged_in_client(world.parent).get(reverse("portal:home"))

    html = page.content.decode()
    assert reverse("portal:trajectory", args=[world.trajectory.reference]) in html
    assert "De hulp is gestopt." in html


def test_the_chair_writes_down_a_network_meeting_on_her_page(world: World) -> None:
    chair_and_rule(world)
    close_trajectory(world)
    url = reverse("portal:network_meeting", args=[world.trajectory.reference])
    client = logged_in_client(world.network_member)

    assert client.get(url).status_code == 200
    refused = client.post(url, {"held_on": "2999-01-01", "notes": "Wat we afspraken."})
    assert refused.status_code == 200
    assert "Wat we afspraken." in refused.content.decode()  # what was typed stays
    done = client.post(url, {"held_on": timezone.localdate().isoformat(), "notes": "Alles loopt."})

    assert done.status_code == 302
    meeting = NetworkMeeting.objects.get(trajectory=world.trajectory, notes="Alles loopt.")
    assert (meeting.created_by, meeting.audience) == (world.network_member, Audience.NETWORK)
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_id=str(meeting.pk), detail__after_closure=True
    ).exists()
    assert logged_in_client(world.parent).get(url).status_code == 403

"""The safety plan on the family's pages: what a parent and a network member read of it, their
check-ins on the rules they carry, and the network member's handout."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from conftest import World, grant_network_and_young_person
from samenopweg.accounts.models import Organisation, User
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.access import get_trajectory_for_user
from samenopweg.cases.tests.helpers import logged_in_client, mark_closed, mother_of
from samenopweg.core.models import Audience
from samenopweg.core.pdf import pdf_document
from samenopweg.journal.models import ContactKind, JournalEntry
from samenopweg.people.models import NetworkMeeting, NetworkMember, Person
from samenopweg.people.tests import network_world as netwerk
from samenopweg.plainlanguage.checker import check
from samenopweg.plainlanguage.terms import CACHE_KEY
from samenopweg.safety_plans.handout import handout_for
from samenopweg.safety_plans.models import (
    CheckOutcome,
    PlanKind,
    PlanRule,
    PlanStatus,
    RuleCheckIn,
    SafetyPlan,
)
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import PlanRuleFactory

pytestmark = pytest.mark.django_db

PARENTS_ONLY = "VOOR-OUDERS: mama belt elke vrijdag de juf."
PROS_ONLY = "ALLEEN-PROF: de school meldt elke afwezigheid."
GRANDMA_RULE = "Oma Maria belt Noor elke avond om zeven uur."


@dataclass
class Plan:
    """The world's running plan, shared at every level, and who carries which rule."""

    mother: Person
    grandma: Person
    network: PlanRule  # for the network; mama does it (plan_world's rule)
    parents: PlanRule  # for the parents only; mama does it
    pros: PlanRule  # for the professionals only
    grandmas: PlanRule  # for the network; oma does it, mama checks it


def _plan(world: World) -> Plan:
    grant_network_and_young_person(world)
    mother = mother_of(world.trajectory)
    grandma = netwerk.ensure_member(world).person
    network = hoe.ensure_rule(world)
    plan = network.plan

    def rule(what: str, audience: int, who: list[Person], **extra: Any) -> PlanRule:
        made = PlanRuleFactory.create(
            plan=plan,
            what=what,
            check_how="Mama vertelt het aan de begeleider.",
            audience=audience,
            created_by=world.worker,
            **extra,
        )
        made.who.set(who)
        return made

    return Plan(
        mother=mother,
        grandma=grandma,
        network=network,
        parents=rule(PARENTS_ONLY, Audience.PARENTS, [mother]),
        pros=rule(PROS_ONLY, Audience.PROFESSIONALS, [mother]),
        grandmas=rule(GRANDMA_RULE, Audience.NETWORK, [grandma], checked_by=mother),
    )


def _page(user: User, world: World) -> Any:
    response = logged_in_client(user).get(
        reverse("portal:trajectory", args=[world.trajectory.reference])
    )
    assert response.status_code == 200
    return response


def _lines(response: Any) -> dict[str, Any]:
    """The plan's rules on the page, by their text."""
    return {
        line.rule.what: line
        for block in response.context["family_plan"].plans
        for line in block.rules
    }


def _check_in_url(world: World, rule: PlanRule) -> str:
    return reverse("portal:rule_check_in", args=[world.trajectory.reference, rule.pk])


def _post(user: User, world: World, rule: PlanRule, **data: Any) -> Any:
    return logged_in_client(user).post(
        _check_in_url(world, rule),
        {"checked_on": timezone.localdate().isoformat(), "note": "", **data},
    )


# --- what they read -------------------------------------------------------------------------


def test_a_parent_sees_the_rules_shared_with_parents_who_does_what_and_her_own_part(
    world: World,
) -> None:
    plan = _plan(world)

    response = _page(world.parent, world)

    lines = _lines(response)
    assert set(lines) == {plan.network.what, PARENTS_ONLY, GRANDMA_RULE}
    body = response.content.decode()
    assert PROS_ONLY not in body
    # Who does it, by the names the family uses: she is "jij", oma by her name and role.
    assert lines[PARENTS_ONLY].who_names == "jij"
    assert lines[GRANDMA_RULE].who_names == "Maria (oma)"
    assert lines[GRANDMA_RULE].checked_by == "jij"
    assert "<dd>Maria (oma)</dd>" in body
    # Her own part: the rules she does and the one she checks, marked and offered a check-in.
    assert all(line.mine for line in lines.values())
    assert body.count('class="plan-rule mine"') == 3
    assert "Jij kijkt na of het gebeurt." in body
    for rule in (plan.network, plan.parents, plan.grandmas):
        assert _check_in_url(world, rule) in body


def test_a_network_member_sees_only_what_is_shared_with_the_network_and_her_own_part(
    world: World,
) -> None:
    plan = _plan(world)

    response = _page(world.network_member, world)

    lines = _lines(response)
    assert set(lines) == {plan.network.what, GRANDMA_RULE}
    body = response.content.decode()
    assert PARENTS_ONLY not in body and PROS_ONLY not in body
    # Mama's record is the parents': the network reads "mama", never her name.
    assert lines[plan.network.what].who_names == "mama"
    assert lines[GRANDMA_RULE].who_names == "jij"
    assert lines[GRANDMA_RULE].checked_by == "mama"
    assert not re.search(rf"\b{plan.mother.first_name}\b", _section(body))
    # Only her own rule is marked and offers a check-in.
    assert [w for w, line in lines.items() if line.mine] == [GRANDMA_RULE]
    assert body.count('class="plan-rule mine"') == 1
    assert _check_in_url(world, plan.grandmas) in body
    assert _check_in_url(world, plan.network) not in body
    assert reverse("portal:plan_handout", args=[world.trajectory.reference]) in body


def test_a_person_for_professionals_only_is_not_named(world: World) -> None:
    plan = _plan(world)
    secret = Person.objects.create(
        trajectory=world.trajectory, first_name="Geheimnaam", audience=Audience.PROFESSIONALS
    )
    plan.grandmas.who.add(secret)

    for user in (world.parent, world.network_member):
        response = _page(user, world)
        assert "Geheimnaam" not in response.content.decode()
        assert _lines(response)[GRANDMA_RULE].who_names in ("Maria (oma)", "jij")


def test_the_last_check_in_shows_only_when_it_is_shared_with_them(world: World) -> None:
    plan = _plan(world)
    for audience, outcome in [
        (Audience.NETWORK, CheckOutcome.WENT_WELL),
        (Audience.PROFESSIONALS, CheckOutcome.DID_NOT),
    ]:
        RuleCheckIn.objects.create(
            rule=plan.grandmas,
            trajectory=world.trajectory,
            outcome=outcome,
            checked_on=timezone.localdate(),
            audience=audience,
            created_by=world.worker,
        )

    line = _lines(_page(world.network_member, world))[GRANDMA_RULE]

    assert (line.last_outcome, line.last_on) == (CheckOutcome.WENT_WELL, timezone.localdate())


def test_a_plan_still_in_the_making_is_announced_not_shown(world: World) -> None:
    plan = _plan(world)
    SafetyPlan.objects.filter(pk=plan.network.plan_id).update(status=PlanStatus.DRAFT)

    response = _page(world.parent, world)

    assert response.context["family_plan"].plans == []
    assert "We maken het plan nog samen." in response.content.decode()
    assert plan.network.what not in response.content.decode()


def test_the_network_meetings_shared_with_them_are_listed(world: World) -> None:
    plan = _plan(world)
    for audience, notes in [
        (Audience.NETWORK, "GEDEELD: we overliepen het plan."),
        (Audience.PROFESSIONALS, "ALLEEN-PROF: verslag voor de rechter."),
    ]:
        meeting = NetworkMeeting.objects.create(
            trajectory=world.trajectory,
            held_on=timezone.localdate(),
            notes=notes,
            other_attendees="de juf",
            audience=audience,
            created_by=world.worker,
        )
        meeting.attendees.set([plan.mother, plan.grandma])

    body = _page(world.network_member, world).content.decode()

    assert "GEDEELD: we overliepen het plan." in body
    assert "Erbij: mama, jij, de juf." in body
    assert "ALLEEN-PROF" not in body


# --- checking in ----------------------------------------------------------------------------


def test_a_parent_says_a_rule_did_not_go_well_and_the_worker_sees_it(world: World) -> None:
    from samenopweg.dashboard.today import today_for_user

    plan = _plan(world)
    url = _check_in_url(world, plan.network)
    assert logged_in_client(world.parent).get(url).status_code == 200

    response = _post(
        world.parent, world, plan.network, outcome=CheckOutcome.DID_NOT, note="Oma was ziek."
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#afspraak-{plan.network.pk}")
    check_in = RuleCheckIn.objects.get(rule=plan.network)
    assert (check_in.outcome, check_in.told_by, check_in.created_by) == (
        CheckOutcome.DID_NOT,
        plan.mother,
        world.parent,
    )
    # Hers is for the parents and the professionals, not for the network.
    assert check_in.audience == Audience.PARENTS
    plan.network.refresh_from_db()
    assert plan.network.last_outcome == CheckOutcome.DID_NOT
    # The same follow-up as the worker's own check-ins: the consultant's "Vandaag".
    whats = [line.what for line in today_for_user(world.owner).lines]
    assert "1 afspraak niet gelukt" in whats
    dashboard = logged_in_client(world.owner).get(reverse("dashboard:dashboard"))
    assert "1 afspraak niet gelukt" in dashboard.content.decode()
    # Both the read and the write are in the audit trail, by her.
    rows = AuditEvent.objects.filter(path=url, actor=world.parent)
    assert {(r.action, r.object_type) for r in rows} == {
        (AuditAction.VIEW, "safety_plans.planrule"),
        (AuditAction.CREATE, "safety_plans.rulecheckin"),
        (AuditAction.CREATE, "journal.journalentry"),
    }
    assert rows.get(
        action=AuditAction.CREATE, object_type="safety_plans.rulecheckin"
    ).object_id == str(check_in.pk)
    # Her response is a line of its own in the journal, for the professionals only.
    (line,) = JournalEntry.objects.filter(trajectory=world.trajectory, kind=ContactKind.PORTAL)
    assert line.audience == Audience.PROFESSIONALS
    assert list(line.participants.all()) == [plan.mother]
    assert "ging: het ging niet goed (Oma was ziek.)" in line.text
    journal = reverse("journal:list", args=[world.trajectory.reference])
    assert (
        "het ging niet goed (Oma was ziek.)"
        in logged_in_client(world.owner).get(journal).content.decode()
    )


def test_a_network_member_says_her_rule_went_well(world: World) -> None:
    plan = _plan(world)

    response = _post(world.network_member, world, plan.grandmas, outcome=CheckOutcome.WENT_WELL)

    assert response.status_code == 302
    check_in = RuleCheckIn.objects.get(rule=plan.grandmas)
    assert (check_in.outcome, check_in.told_by, check_in.audience) == (
        CheckOutcome.WENT_WELL,
        plan.grandma,
        Audience.NETWORK,
    )
    plan.grandmas.refresh_from_db()
    assert plan.grandmas.last_outcome == CheckOutcome.WENT_WELL
    assert plan.grandmas.last_checked_on == timezone.localdate()
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        actor=world.network_member,
        object_type="safety_plans.rulecheckin",
        object_id=str(check_in.pk),
    ).exists()
    # The parent reads what the network said (it is shared with the network and up).
    assert _lines(_page(world.parent, world))[GRANDMA_RULE].last_outcome == CheckOutcome.WENT_WELL


def test_a_rule_they_see_but_do_not_carry_is_refused_with_403(world: World) -> None:
    """403, not 404: the rule is on their own page, so "does not exist" would be untrue."""
    plan = _plan(world)
    # The plan for the child too, so the young person reads one of its rules.
    SafetyPlan.objects.filter(pk=plan.network.plan_id).update(audience=Audience.CHILD)
    child_rule = PlanRuleFactory.create(
        plan=plan.network.plan, what="Noor mag oma altijd bellen.", audience=Audience.CHILD
    )
    child_rule.who.set([plan.grandma])
    for user, rule in [
        (world.network_member, plan.network),  # mama's rule, shared with the network
        (world.young_person, child_rule),  # a young person tells their worker
    ]:
        client = logged_in_client(user)
        response = client.get(_check_in_url(world, rule))
        assert response.status_code == 403, user
        assert (
            client.post(_check_in_url(world, rule), {"outcome": CheckOutcome.WENT_WELL}).status_code
            == 403
        )
    assert not RuleCheckIn.objects.exists()
    assert (
        "Je vertelt hoe het ging bij de afspraken die jij doet of nakijkt."
        in (
            logged_in_client(world.network_member).get(_check_in_url(world, plan.network))
        ).content.decode()
    )


def test_a_rule_not_shared_with_them_or_of_another_trajectory_is_404(world: World) -> None:
    plan = _plan(world)
    other_plan = SafetyPlan.objects.create(
        trajectory=world.other_trajectory,
        kind=PlanKind.LASTING,
        status=PlanStatus.ACTIVE,
        audience=Audience.NETWORK,
        created_by=world.worker_elsewhere,
    )
    foreign = PlanRuleFactory.create(
        plan=other_plan, audience=Audience.NETWORK, created_by=world.worker_elsewhere
    )
    foreign.who.set([mother_of(world.other_trajectory)])
    cases = [
        (world.parent, plan.pros),  # professionals only
        (world.network_member, plan.parents),  # for the parents
        (world.young_person, plan.network),  # not for the child
        (world.parent, foreign),  # another trajectory, under her own reference
        (world.parent_elsewhere, plan.network),  # an outsider
        (world.worker_elsewhere, plan.network),
    ]
    for user, rule in cases:
        client = logged_in_client(user)
        assert client.get(_check_in_url(world, rule)).status_code == 404, (user, rule)
        assert (
            client.post(_check_in_url(world, rule), {"outcome": CheckOutcome.DID_NOT}).status_code
            == 404
        )
    assert not RuleCheckIn.objects.exists()


def test_a_rule_of_a_plan_that_does_not_run_is_refused(world: World) -> None:
    plan = _plan(world)
    SafetyPlan.objects.filter(pk=plan.network.plan_id).update(status=PlanStatus.DRAFT)

    response = _post(world.parent, world, plan.network, outcome=CheckOutcome.WENT_WELL)

    assert response.status_code == 403
    assert not RuleCheckIn.objects.exists()


def test_a_closed_trajectory_refuses_the_check_in(world: World) -> None:
    plan = _plan(world)
    # Read once while open: a first read after closing would try to write its journal line
    # (portal.seen), which a closed trajectory refuses; that is not what this test is about.
    _page(world.parent, world)
    mark_closed(world)
    client = logged_in_client(world.parent)

    assert client.get(_check_in_url(world, plan.network)).status_code == 403
    response = _post(world.parent, world, plan.network, outcome=CheckOutcome.DID_NOT)

    assert response.status_code == 403
    assert "De hulp is gestopt." in response.content.decode()
    assert not RuleCheckIn.objects.exists()
    assert _check_in_url(world, plan.network) not in _page(world.parent, world).content.decode()


def test_bad_input_keeps_what_was_typed_with_the_message_next_to_the_field(
    world: World,
) -> None:
    plan = _plan(world)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    for data, field, message in [
        ({"note": "Ze kwam te laat."}, "outcome", "Dit veld is verplicht."),
        ({"outcome": CheckOutcome.REMARK, "note": " "}, "note", "Schrijf kort wat je wil"),
        (
            {"outcome": CheckOutcome.WENT_WELL, "note": "Ze kwam te laat.", "checked_on": tomorrow},
            "checked_on",
            "Deze datum ligt in de toekomst.",
        ),
    ]:
        response = _post(world.parent, world, plan.network, **data)
        assert response.status_code == 200, data
        body = response.content.decode()
        assert f'id="id_{field}_error"' in body
        assert message in body
        if data.get("note", "").strip():
            assert data["note"] in body  # what was typed stays
    assert not RuleCheckIn.objects.exists()


def test_the_form_offers_three_big_choices_and_today(world: World) -> None:
    plan = _plan(world)

    body = logged_in_client(world.parent).get(_check_in_url(world, plan.network)).content.decode()

    assert body.count('class="big-choice ') == 3
    assert f'value="{timezone.localdate().isoformat()}"' in body
    assert "<script" not in body.split('<main id="main"')[1]  # nothing of it needs JavaScript


def test_professionals_go_to_their_own_check_in_form(world: World) -> None:
    plan = _plan(world)

    response = logged_in_client(world.worker).get(_check_in_url(world, plan.network))

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "safety_plans:check_in", args=[world.trajectory.reference, plan.network.pk]
    )


# --- the handout ----------------------------------------------------------------------------


def _numbers(world: World) -> None:
    User.objects.filter(pk=world.owner.pk).update(
        first_name="Sarah", last_name="Janssens", phone="09 111 22 33", reachable="ma-vr 9-17 uur"
    )
    User.objects.filter(pk=world.worker.pk).update(
        first_name="Tom", last_name="Peeters", phone="0470 44 55 66"
    )
    Organisation.objects.filter(pk=world.ocj.pk).update(out_of_hours_phone="0800 12 345")


def _pdf_text(html_text: str) -> str:
    """The text of the laid-out PDF pages (WeasyPrint's boxes), in reading order."""
    from weasyprint.formatting_structure import boxes

    def texts(box: Any) -> Any:
        if isinstance(box, boxes.TextBox):
            yield box.text
        for child in getattr(box, "children", []):
            yield from texts(child)

    document = pdf_document(html_text, base_url="http://testserver/", stylesheet="css/handout.css")
    text = " ".join(t for page in document.pages for t in texts(page._page_box))
    # A bold name is a box of its own: no space of ours before the comma that follows it.
    return re.sub(r"\s+([,.:;])", r"\1", re.sub(r"\s+", " ", text))


def test_the_network_member_downloads_her_handout_with_names_and_numbers(world: World) -> None:
    plan = _plan(world)
    _numbers(world)
    url = reverse("portal:plan_handout", args=[world.trajectory.reference])

    response = logged_in_client(world.network_member).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    read = AuditEvent.objects.get(path=url)
    assert (read.action, read.actor, read.object_type) == (
        AuditAction.EXPORT,
        world.network_member,
        "people.networkmember",
    )
    access = get_trajectory_for_user(world.network_member, world.trajectory.reference)
    member = NetworkMember.objects.get(person=plan.grandma)
    text = _pdf_text(
        render_to_string(
            "safety_plans/handout_pdf.html",
            {"handout": handout_for(access, member), "t": world.trajectory},
        )
    )
    assert "Wie: mama" in text  # the rule mama carries, no longer an empty "Wie: ·"
    assert "Wie: jij" in text  # her own rule
    assert "Wie kijkt het na: mama" in text
    assert "Wie: ·" not in text and "Wie:  ·" not in text
    assert "Sarah Janssens, regelt de hulp voor het gezin: 09 111 22 33" in text
    assert "Bereikbaar: ma-vr 9-17 uur" in text
    assert "Tom Peeters, helpt het gezin thuis: 0470 44 55 66" in text
    assert "Bel 0800 12 345" in text
    assert "Bel 112" in text
    assert PARENTS_ONLY not in text and PROS_ONLY not in text


def test_the_handout_is_for_the_network_only(world: World) -> None:
    _plan(world)
    url = reverse("portal:plan_handout", args=[world.trajectory.reference])
    assert logged_in_client(world.parent).get(url).status_code == 403
    assert logged_in_client(world.young_person).get(url).status_code == 403
    assert logged_in_client(world.parent_elsewhere).get(url).status_code == 404
    assert logged_in_client(world.worker).get(url).status_code == 302
    NetworkMember.objects.filter(person__trajectory=world.trajectory).update(
        withdrawn_at=timezone.now()
    )
    assert logged_in_client(world.network_member).get(url).status_code == 404


# --- plain language -------------------------------------------------------------------------

BLOCKS = {"p", "li", "h1", "h2", "h3", "dt", "dd", "legend", "label", "button", "a", "div", "br"}


class _Text(HTMLParser):
    """The text inside the first element whose class list has `marker`, a line per block."""

    def __init__(self, marker: str) -> None:
        super().__init__()
        self.marker = marker
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            if tag not in ("br", "input"):
                self.depth += 1
        elif self.marker in classes:
            self.depth = 1
        if self.depth and tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in ("br", "input"):
            self.depth -= 1
            if tag in BLOCKS:
                self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def _section(body: str, marker: str = "portal-plan") -> str:
    parser = _Text(marker)
    parser.feed(body)
    text = html.unescape("".join(parser.parts))
    assert text.strip(), f"nothing found inside .{marker}"
    return text


def _problems(where: str, text: str) -> list[str]:
    cache.delete(CACHE_KEY)  # the seeded list, not one a rolled-back test left in the cache
    report = check(text)
    return [f"{where}: moeilijk woord {hit.found!r}" for hit in report.jargon] + [
        f"{where}: zin van {s.words} woorden: {s.opening!r}" for s in report.long_sentences
    ]


@pytest.mark.parametrize("persona", ["parent", "network_member"])
def test_what_they_read_of_the_plan_is_in_plain_language(world: World, persona: str) -> None:
    plan = _plan(world)
    NetworkMeeting.objects.create(
        trajectory=world.trajectory,
        held_on=timezone.localdate(),
        notes="We overliepen het plan.",
        audience=Audience.NETWORK,
        created_by=world.worker,
    ).attendees.set([plan.grandma])
    RuleCheckIn.objects.create(
        rule=plan.grandmas,
        trajectory=world.trajectory,
        outcome=CheckOutcome.WENT_WELL,
        checked_on=timezone.localdate(),
        audience=Audience.NETWORK,
        created_by=world.worker,
    )
    user = world.personas()[persona]
    assert user is not None
    rule = plan.grandmas if persona == "network_member" else plan.network
    with translation.override("nl-be"):
        section = _section(_page(user, world).content.decode())
        client = logged_in_client(user)
        form = _section(client.get(_check_in_url(world, rule)).content.decode(), "check-in")
        refused = _section(
            client.post(
                _check_in_url(world, rule), {"note": "x", "checked_on": "2001-01-01"}
            ).content.decode(),
            "check-in",
        )
    assert "Vertel hoe het ging" in section and "Hoe ging het?" in form
    assert "Dit veld is verplicht." in refused  # the messages next to the fields count too
    problems = _problems("plan", section) + _problems("form", form) + _problems("errors", refused)
    assert problems == []

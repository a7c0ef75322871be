"""Every URL of the project, classified: who gets which status.

The rule: outsiders get 404 (the same answer as "does not exist"); insiders without the
right role get 403; anonymous visitors are sent to the login page. A new URL pattern makes
`test_every_url_pattern_is_classified` fail until someone adds it to MATRIX below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from conftest import World, grant_network_and_young_person, register
from samenopweg.assessments.tests import map_world as kaart
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.cases import services
from samenopweg.cases.access import visible_trajectories
from samenopweg.cases.models import Alert, CaseGrant, CaseRole, Stage, Trajectory
from samenopweg.cases.tests.helpers import logged_in_client, reference_kwargs
from samenopweg.child_voice.tests import voice_world as stem
from samenopweg.closure.tests import closure_world as afsluiten
from samenopweg.core.models import Audience
from samenopweg.feedback.tests import feedback_world as fb
from samenopweg.journal.models import Task
from samenopweg.people.models import Person, Relation, RelationKind
from samenopweg.people.tests import network_world as netwerk
from samenopweg.portal import invitations
from samenopweg.portal.models import Invitation
from samenopweg.portal.tests import portal_world as portaal
from samenopweg.reports.tests import report_world as verslag
from samenopweg.reviews.tests import review_world as ev
from samenopweg.safety_plans.tests import plan_world as hoe
from tests.factories import JournalEntryFactory

LOGIN = "/accounts/login/"

# Patterns that only exist in some configurations (settings.BENCH_MODE).
OPTIONAL = {"bench_bare"}


# --- the world every row builds its URL from ------------------------------------------------


@dataclass
class Case:
    """The world plus the objects some URLs need (an open alert of the team)."""

    world: World
    alert: Alert

    @property
    def mother(self) -> Person:
        """The parent's person (oma Maria, the network member, is an adult of it too)."""
        person = CaseGrant.objects.get(
            trajectory=self.world.trajectory, user=self.world.parent
        ).person
        assert person is not None
        return person

    @property
    def worker_grant(self) -> CaseGrant:
        return CaseGrant.objects.get(trajectory=self.world.trajectory, user=self.world.worker)


def make_case(world: World) -> Case:
    grant_network_and_young_person(world)
    alerted = register(world.team, world.owner, child="Lina", answer="no")
    return Case(world=world, alert=Alert.objects.get(trajectory=alerted))


@pytest.fixture
def case(world: World) -> Case:
    return make_case(world)


def _none(case: Case) -> dict[str, Any]:
    return {}


def _entry(case: Case) -> dict[str, Any]:
    return {**reference_kwargs(case), "entry_id": case.world.shared_entry.pk}


def _task(case: Case) -> dict[str, Any]:
    return {**reference_kwargs(case), "task_id": case.world.task.pk}


def _person(case: Case) -> dict[str, Any]:
    return {**reference_kwargs(case), "person_id": case.mother.pk}


def _grant(case: Case) -> dict[str, Any]:
    return {**reference_kwargs(case), "grant_id": case.worker_grant.pk}


def _alert(case: Case) -> dict[str, Any]:
    return {"alert_id": case.alert.pk}


def _father(case: Case) -> Person:
    """Papa Jef, a parent of Noor without an account: someone to invite."""
    trajectory = case.world.trajectory
    jef, created = Person.objects.get_or_create(
        trajectory=trajectory, first_name="Jef", last_name="Peeters"
    )
    if created:
        noor = Person.objects.get(trajectory=trajectory, is_child=True)
        Relation.objects.create(
            trajectory=trajectory, person=jef, child=noor, kind=RelationKind.FATHER
        )
    return jef


def _issued(case: Case) -> invitations.Issued:
    return invitations.invite(
        trajectory=case.world.trajectory,
        person=_father(case),
        role=CaseRole.OUDER,
        actor=case.world.owner,
    )


def _invitation(case: Case) -> dict[str, Any]:
    return {**reference_kwargs(case), "invitation_id": _issued(case).invitation.pk}


def _welcome(case: Case) -> dict[str, Any]:
    return {"token": _issued(case).token}


def _invite_data(case: Case) -> dict[str, Any]:
    return {"who": f"{_father(case).pk}:{CaseRole.OUDER}", "language": "nl-be"}


# --- expected statuses per persona ----------------------------------------------------------

PERSONAS = [
    "owner",
    "team_lead",
    "worker",
    "worker_elsewhere",
    "other_consultant",
    "expired",
    "parent",
    "parent_elsewhere",
    "network_member",
    "young_person",
    "auditor",
    "anonymous",
]
OUTSIDERS = ["worker_elsewhere", "other_consultant", "expired", "parent_elsewhere", "auditor"]
# On the case, not professionals: the parent, the network member and the young person read
# what is shared with them on /mijn/ and get 403 on the professionals' pages.
FAMILY = ["parent", "network_member", "young_person"]


def family(status: int) -> dict[str, int]:
    """The same status for every family persona on the case."""
    return {name: status for name in FAMILY}


def statuses(default: int, **by_persona: int) -> dict[str, int]:
    """One status for everyone logged in, exceptions by persona; anonymous goes to the login."""
    table = {name: default for name in PERSONAS}
    table["anonymous"] = 302
    table.update(by_persona)
    return table


# Pages of one trajectory for its professionals.
PRO_PAGE = statuses(404, owner=200, team_lead=200, worker=200, **family(403))
# Decided by the consultant (and the team lead): the worker on the case may not.
CONSULTANT_PAGE = {**PRO_PAGE, "worker": 403}
# POST-only: insiders with the role get 405 on GET, insiders without it 403, outsiders 404.
PRO_POST_ONLY = statuses(404, owner=405, team_lead=405, worker=405, **family(403))
CONSULTANT_POST_ONLY = {**PRO_POST_ONLY, "worker": 403}
# Refused POSTs (the allowed insiders are exercised in test_audit_completeness).
PRO_POST_REFUSED = {name: 404 for name in OUTSIDERS} | family(403) | {"anonymous": 302}
CONSULTANT_POST_REFUSED = {**PRO_POST_REFUSED, "worker": 403}


@dataclass(frozen=True)
class Row:
    kwargs: Callable[[Case], dict[str, Any]]
    get: dict[str, int]
    post: dict[str, int] = field(default_factory=dict)
    post_data: Callable[[Case], dict[str, Any]] = _none
    trajectory_bound: bool = False


def _stage_data(case: Case) -> dict[str, Any]:
    return {"to_stage": Stage.IN_KAART, "version": case.world.trajectory.version}


def _task_done_data(case: Case) -> dict[str, Any]:
    return {"version": case.world.task.version}


def _plain_language_data(case: Case) -> dict[str, Any]:
    return {"field": "text", "text": "Er is sprake van verontrusting."}


def page(
    kwargs: Callable[[Case], dict[str, Any]] = reference_kwargs, get: dict[str, int] = PRO_PAGE
) -> Row:
    """A page of one trajectory (for its professionals unless `get` says otherwise)."""
    return Row(kwargs, get, trajectory_bound=True)


def form(
    kwargs: Callable[[Case], dict[str, Any]],
    data: Callable[[Case], dict[str, Any]] = _none,
    get: dict[str, int] = PRO_PAGE,
    post: dict[str, int] = PRO_POST_REFUSED,
) -> Row:
    """A page of one trajectory with a form: its refused POSTs are checked too."""
    return Row(kwargs, get, post=post, post_data=data, trajectory_bound=True)


def post_only(
    kwargs: Callable[[Case], dict[str, Any]],
    data: Callable[[Case], dict[str, Any]] = _none,
    *,
    consultant: bool = False,
) -> Row:
    """A POST-only endpoint of one trajectory, for every professional or only the consultant."""
    if consultant:
        return form(kwargs, data, CONSULTANT_POST_ONLY, CONSULTANT_POST_REFUSED)
    return form(kwargs, data, PRO_POST_ONLY, PRO_POST_REFUSED)


def forms(namespace: str, rows: list[Any], consultant: bool = False) -> dict[str, Row]:
    """A `*_world` module's list of forms (name, kwargs, post), as rows of the matrix."""
    get, post = (
        (CONSULTANT_PAGE, CONSULTANT_POST_REFUSED) if consultant else (PRO_PAGE, PRO_POST_REFUSED)
    )
    return {f"{namespace}:{name}": form(kwargs, data, get, post) for name, kwargs, data in rows}


MATRIX: dict[str, Row] = {
    # Outside any trajectory.
    "home": Row(_none, statuses(302)),
    "healthz": Row(_none, statuses(200, anonymous=200)),
    "set_language": Row(_none, statuses(405, anonymous=405)),
    "login": Row(_none, statuses(302, anonymous=200)),  # logged in: sent on to the start page
    "logout": Row(_none, statuses(405, anonymous=405)),  # POST only since Django 5
    # Two-factor login: one's own account, no case data. Nobody in the world has an app yet.
    "mfa:status": Row(_none, statuses(200)),
    "mfa:setup": Row(_none, statuses(200)),
    "mfa:verify": Row(_none, statuses(302)),  # nothing owed: sent on to the start page
    "mfa:recovery_codes": Row(_none, statuses(302)),  # shown once, after making them
    "mfa:new_codes": Row(_none, statuses(405)),  # POST only
    "mfa:turn_off": Row(_none, statuses(302)),  # not on: to the status page
    "audit:log": Row(_none, statuses(404, auditor=200)),
    "dashboard:dashboard": Row(
        _none, statuses(200, **family(403), parent_elsewhere=403, auditor=403)
    ),
    "case_people:register": Row(
        _none, statuses(403, owner=200, team_lead=200, other_consultant=200)
    ),
    "portal:home": Row(_none, statuses(200)),
    "cases:alert_ack": Row(
        _alert,
        statuses(405),  # refused before the alert is looked up: GET leaks nothing
        post={**{name: 404 for name in PERSONAS if name != "team_lead"}, "anonymous": 302},
    ),
    # The plain-language check: professionals only; it stores nothing, so no outsider rule.
    "plainlanguage:check": Row(
        _none,
        statuses(405, **family(403), parent_elsewhere=403, auditor=403),
        post=statuses(200, **family(403), parent_elsewhere=403, auditor=403),
        post_data=_plain_language_data,
    ),
    # One trajectory.
    "dashboard:detail": page(),
    "cases:edit": page(get=CONSULTANT_PAGE),
    "case_people:safety": page(),
    "case_people:team": page(),
    "cases:audit": page(get={**PRO_PAGE, "worker": 403, "auditor": 200}),
    "cases:stage": post_only(reference_kwargs, _stage_data, consultant=True),
    "cases:grant_end": post_only(_grant, consultant=True),
    "portal:trajectory": page(
        get=statuses(404, owner=302, team_lead=302, worker=302, **family(200))
    ),
    # The parent's view on a goal shared with parents: the network and the young person do not
    # see that goal (404, as for anything not shared); professionals answer on their own page.
    # A story shared with the child (and so with everyone of the family): the family reads it
    # here; professionals read it on the story page.
    "portal:story": page(
        hoe.story_kwargs, get=statuses(404, owner=403, team_lead=403, worker=403, **family(200))
    ),
    "portal:story_booklet": page(
        hoe.story_kwargs, get=statuses(404, owner=403, team_lead=403, worker=403, **family(200))
    ),
    # The parent's and the young person's own feedback round; the network has none.
    "portal:feedback": form(
        reference_kwargs,
        portaal.feedback_data,
        get={
            **statuses(404, owner=403, team_lead=403, worker=403, **family(200)),
            "network_member": 403,
        },
        post={name: 404 for name in OUTSIDERS}
        | {"owner": 403, "team_lead": 403, "worker": 403, "network_member": 403}
        | {"anonymous": 302},
    ),
    "portal:own_view": form(
        portaal.own_view_kwargs,
        portaal.own_view_data,
        get=statuses(404, owner=403, team_lead=403, worker=403, parent=200),
        post={name: 404 for name in OUTSIDERS}
        | {"owner": 403, "team_lead": 403, "worker": 403}
        | {"network_member": 404, "young_person": 404, "anonymous": 302},
    ),
    # Saying how a rule went (portal.plan): the world's rule is shared with the network and
    # carried by mama. Oma sees it but does not carry it (403); it is not for the child (404);
    # professionals are sent to their own check-in form of it.
    "portal:rule_check_in": form(
        hoe.rule_kwargs,
        hoe.check_in_data,
        get=statuses(404, owner=302, team_lead=302, worker=302, parent=200, network_member=403),
        post={name: 404 for name in OUTSIDERS}
        | {"owner": 302, "team_lead": 302, "worker": 302}
        | {"network_member": 403, "young_person": 404, "anonymous": 302},
    ),
    # After the closure the network's chair writes down network meetings; on this open
    # trajectory nobody of the family may (403, the reason); professionals go to their form.
    "portal:network_meeting": form(
        reference_kwargs,
        lambda case: {"held_on": timezone.localdate().isoformat(), "notes": "Overleg."},
        get=statuses(404, owner=302, team_lead=302, worker=302, **family(403)),
        post={name: 404 for name in OUTSIDERS}
        | {"owner": 302, "team_lead": 302, "worker": 302}
        | family(403)
        | {"anonymous": 302},
    ),
    # The network member's own handout; a parent and a young person are not the network.
    "portal:plan_handout": page(
        get=statuses(
            404,
            owner=302,
            team_lead=302,
            worker=302,
            parent=403,
            network_member=200,
            young_person=403,
        )
    ),
    "journal:list": page(),
    "journal:edit": page(_entry),
    "journal:withdraw": page(_entry),
    "journal:history": page(_entry),
    "journal:tasks": page(),
    "journal:task_edit": page(_task),
    "journal:task_done": post_only(_task, _task_done_data),
    "people:list": page(),
    "people:add": page(),
    "people:edit": page(_person),
    # The map is shared work: every professional on the case writes on it.
    "assessments:map": page(),
    "assessments:map_session_add": page(),
    # The printable overview and its PDF: professionals print; parents get their portal later.
    "assessments:overview": page(),
    "assessments:overview_pdf": page(),
    "assessments:map_merge": page(),
    "assessments:map_entry_edit": page(kaart.entry_kwargs),
    "assessments:map_entry_withdraw": page(kaart.entry_kwargs),
    "assessments:map_entry_move": post_only(kaart.entry_kwargs, kaart.move_data),
    # The WHAT: the consultant writes; every professional on the case reads and comments.
    "assessments:statements": page(),
    "assessments:statement_history": page(),
    "assessments:statement_shared": page(wat.shared_kwargs),
    "assessments:statement_comment": form(wat.comment_kwargs, wat.comment_data),
    "assessments:statement_status": post_only(reference_kwargs, wat.status_data, consultant=True),
    **forms("assessments", wat.CONSULTANT_FORMS, consultant=True),
    # The safety network: every professional on the case writes it.
    "people:network": page(),
    "people:diagrams": page(),
    "people:child_support_change": post_only(netwerk.support_kwargs, netwerk.support_confirm_data),
    # "Niet meer": the question page (GET), answered by a POST; refused like any network form.
    "people:child_support_end": form(netwerk.support_kwargs, netwerk.support_end_data),
    **forms("people", netwerk.NETWORK_FORMS),
    # A picture: through the item rule, for anyone on the case who may see it (the world's
    # picture is for the child, so the whole family sees it too).
    "cases:upload_file": page(
        hoe.upload_kwargs, statuses(404, owner=200, team_lead=200, worker=200, **family(200))
    ),
    "safety_plans:network_handout": page(netwerk.member_kwargs),
    # Words and Pictures.
    "safety_plans:stories": page(),
    "safety_plans:story": page(hoe.story_kwargs),
    "safety_plans:story_version": page(hoe.story_version_kwargs),
    "safety_plans:story_booklet": page(hoe.story_kwargs),
    "safety_plans:story_keep": post_only(hoe.story_kwargs),
    "safety_plans:page_withdraw": post_only(hoe.page_kwargs),
    **forms("safety_plans", hoe.STORY_FORMS),
    # The HOW: every professional on the case writes the plan; the consultant confirms it.
    "safety_plans:plan": page(),
    "safety_plans:plan_version": page(hoe.version_kwargs),
    "safety_plans:plan_status": post_only(hoe.plan_kwargs, hoe.status_data),
    "safety_plans:plan_confirm": post_only(hoe.plan_kwargs, consultant=True),
    **forms("safety_plans", hoe.PLAN_FORMS),
    "assessments:scaling": page(),
    "assessments:scaling_new": form(reference_kwargs),
    # What the children say (child_voice): for the professionals of the case only; a parent,
    # the network and the young person never open a child's words here.
    "child_voice:overview": page(),
    "child_voice:session": page(stem.session_kwargs),
    "child_voice:link_remove": post_only(stem.link_kwargs),
    **forms("child_voice", stem.VOICE_FORMS),
    **forms("child_voice", stem.VOICE_WITHDRAWALS),
    # The feedback culture: every professional on the case; the cadence is the consultant's.
    **forms("feedback", fb.FEEDBACK_FORMS),
    **forms("feedback", fb.CONSULTANT_FORMS, consultant=True),
    "feedback:overview": page(),
    # Review meetings (evaluatiemomenten): every professional on the case; the cadence is the
    # consultant's. The family does not see them here (a family version comes with the portal).
    **forms("reviews", ev.REVIEW_FORMS),
    **forms("reviews", ev.CONSULTANT_FORMS, consultant=True),
    "reviews:overview": page(),
    "reviews:detail": page(ev.review_kwargs),
    # The report to the youth judge: every professional of the case reads it and prints the
    # PDF; the consultant (and the team lead) writes, shares and finishes it. The family never
    # opens it: the parents read their own version on /mijn/ (portal:report).
    "reports:overview": page(verslag.judge_kwargs),
    "reports:detail": page(verslag.report_kwargs),
    "reports:pdf": page(verslag.report_kwargs),
    **forms("reports", verslag.CONSULTANT_FORMS, consultant=True),
    # The closure: the consultant works through the checklist and closes; every professional
    # of the case prints the contact cards.
    **forms("closure", afsluiten.CONSULTANT_FORMS, consultant=True),
    "closure:contact_cards": page(),
    "closure:contact_card": page(afsluiten.card_kwargs),
    # A family member's own contact card (the young person is 12 or older: she has one).
    "portal:contact_card": page(
        get=statuses(404, owner=302, team_lead=302, worker=302, **family(200))
    ),
    "portal:contact_card_pdf": page(
        get=statuses(404, owner=302, team_lead=302, worker=302, **family(200))
    ),
    # The family summary: every professional of the case reads and prints it at the parents'
    # level; each family member reads their own (what is shared with them).
    "reports:family_summary": page(),
    "reports:family_summary_pdf": page(),
    "portal:summary": page(get=statuses(404, owner=302, team_lead=302, worker=302, **family(200))),
    "portal:summary_pdf": page(
        get=statuses(404, owner=302, team_lead=302, worker=302, **family(200))
    ),
    # The parents' version, once shared: the parents read it and react; its audience is the
    # parents, so the network and a young person get 404; professionals go to the report.
    "portal:report": form(
        verslag.shared_kwargs,
        verslag.reaction_data,
        get=statuses(404, owner=302, team_lead=302, worker=302, parent=200, network_member=404),
        post={name: 404 for name in OUTSIDERS}
        | {"owner": 302, "team_lead": 302, "worker": 302}
        | {"network_member": 404, "young_person": 404, "anonymous": 302},
    ),
    "portal:report_pdf": page(
        verslag.shared_kwargs,
        get=statuses(404, owner=302, team_lead=302, worker=302, parent=200, network_member=404),
    ),
    # Inviting the family (portal.invitation_views): every professional of the case invites and
    # withdraws; the link and the code are shown once, right after (later: to the team page).
    "portal:invite": form(reference_kwargs, _invite_data),
    "portal:invite_done": page(
        _invitation, get=statuses(404, owner=302, team_lead=302, worker=302, **family(403))
    ),
    "portal:invitation_withdraw": post_only(_invitation),
    # The way in is public: anyone opens it; someone logged in is asked to add it to their
    # family account, or a professional to log out first. A bad link gets the expired page.
    "portal:welcome": Row(_welcome, statuses(200, anonymous=200)),
    "portal:welcome_code": Row(_none, statuses(200, anonymous=200)),
}

# Whole groups classified by namespace: the Django admin is for staff only.
GROUPS: dict[str, Row] = {
    "admin": Row(_none, statuses(302)),  # non-staff: to the admin's own login page
}


# --- walking the URL configuration ----------------------------------------------------------


def url_patterns(
    patterns: list[Any] | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    """(route, namespaced name) for every pattern, through every include()."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            # An unnamed pattern inside a namespace still belongs to that namespace's group.
            name = pattern.name or ""
            yield route, f"{namespace}:{name}" if namespace else name


def classify(name: str) -> Row | None:
    if name in MATRIX:
        return MATRIX[name]
    group = name.split(":", 1)[0] if ":" in name else ""
    return GROUPS.get(group)


def test_every_url_pattern_is_classified() -> None:
    unclassified = [
        f"{route} ({name or 'no name'})"
        for route, name in url_patterns()
        if not name or (classify(name) is None and name not in OPTIONAL)
    ]
    assert unclassified == [], "Add these URLs to MATRIX in tests/test_permission_matrix.py"


def test_the_matrix_names_only_existing_urls() -> None:
    names = {name for _route, name in url_patterns()}
    assert set(MATRIX) - names == set()
    assert "admin:index" in names


# --- the matrix itself ----------------------------------------------------------------------


def _client_for(world: World, persona: str) -> Client:
    user = world.personas()[persona]
    return Client() if user is None else logged_in_client(user)


def _check_login_redirect(response: Any, persona: str, url: str) -> None:
    if persona == "anonymous" and response.status_code == 302:
        location = response["Location"]
        assert location.startswith(LOGIN) or location.startswith("/admin/login/"), (url, location)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_get_status_per_persona(case: Case, name: str) -> None:
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(case))
    actual = {}
    for persona in PERSONAS:
        response = _client_for(case.world, persona).get(url)
        actual[persona] = response.status_code
        _check_login_redirect(response, persona, url)
    assert actual == row.get


def test_the_admin_is_for_staff_only(case: Case) -> None:
    url = reverse("admin:index")
    actual = {
        persona: _client_for(case.world, persona).get(url).status_code for persona in PERSONAS
    }
    assert actual == GROUPS["admin"].get
    assert logged_in_client(case.world.admin).get(url).status_code == 200


def _state(case: Case) -> tuple[Any, ...]:
    """Everything a POST-only endpoint could change."""
    world = case.world
    trajectory = Trajectory.objects.get(pk=world.trajectory.pk)
    task = Task.objects.get(pk=world.task.pk)
    alert = Alert.objects.get(pk=case.alert.pk)
    grant = case.worker_grant
    return (
        trajectory.stage,
        trajectory.version,
        task.status,
        task.version,
        alert.acknowledged_at,
        grant.valid_until,
        # Invitations made or withdrawn.
        Invitation.objects.count(),
        Invitation.objects.filter(withdrawn_at__isnull=False).count(),
    )


@pytest.mark.parametrize("name", sorted(n for n, row in MATRIX.items() if row.post))
def test_refused_posts_change_nothing(case: Case, name: str) -> None:
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(case))
    before = _state(case)
    actual = {}
    for persona in row.post:
        response = _client_for(case.world, persona).post(url, row.post_data(case))
        actual[persona] = response.status_code
        _check_login_redirect(response, persona, url)
    assert actual == row.post
    assert _state(case) == before


# --- what the family sees -------------------------------------------------------------------


def test_it_shows_the_parent_only_what_is_shared(client: Client, world: World) -> None:
    client.force_login(world.parent)
    response = client.get(reverse("portal:trajectory", args=[world.trajectory.reference]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "GEDEELD" in page
    assert "ALLEEN-PROF" not in page


def test_each_family_persona_reads_only_what_reaches_their_level(case: Case) -> None:
    """Parents read what is shared with parents or wider, the network what is shared with the
    network or the child, the young person only what is written for the child."""
    world = case.world
    for audience, text in [
        (Audience.PARENTS, "VOOR-OUDERS"),
        (Audience.NETWORK, "VOOR-NETWERK"),
        (Audience.CHILD, "VOOR-NOOR"),
    ]:
        JournalEntryFactory.create(trajectory=world.trajectory, audience=audience, text=text)
    expected = {
        "parent": {"VOOR-OUDERS", "VOOR-NETWERK", "VOOR-NOOR"},
        "network_member": {"VOOR-NETWERK", "VOOR-NOOR"},
        "young_person": {"VOOR-NOOR"},
    }
    url = reverse("portal:trajectory", args=[world.trajectory.reference])
    for persona, shown in expected.items():
        response = _client_for(world, persona).get(url)
        assert response.status_code == 200, persona
        page = response.content.decode()
        assert "Noor" in page, persona  # the page is about this family
        found = {text for text in ("VOOR-OUDERS", "VOOR-NETWERK", "VOOR-NOOR") if text in page}
        assert found == shown, persona
        assert "ALLEEN-PROF" not in page, persona


@pytest.mark.parametrize("persona", ["network_member", "young_person"])
def test_the_network_member_and_the_young_person_see_no_other_family(
    case: Case, persona: str
) -> None:
    client = _client_for(case.world, persona)
    other = case.world.other_trajectory.reference
    assert client.get(reverse("portal:trajectory", args=[other])).status_code == 404
    home = client.get(reverse("portal:home"))
    assert home.status_code == 200
    assert case.world.trajectory.reference in home.content.decode()
    assert other not in home.content.decode()


@pytest.mark.parametrize("persona", FAMILY)
@pytest.mark.parametrize("name", ["journal:edit", "journal:withdraw", "journal:history"])
def test_it_refuses_the_family_a_professional_entry(case: Case, name: str, persona: str) -> None:
    world = case.world
    client = _client_for(world, persona)
    url = reverse(name, args=[world.trajectory.reference, world.private_entry.pk])
    response = client.get(url)
    assert response.status_code in (403, 404)
    assert "ALLEEN-PROF" not in response.content.decode()


def test_it_hides_another_trajectorys_entry_behind_this_reference(
    client: Client, world: World
) -> None:
    """An item id of another trajectory, under a reference the user may see: 404."""
    from samenopweg.journal.models import JournalEntry

    foreign = JournalEntry.objects.create(
        trajectory=world.other_trajectory,
        kind=world.shared_entry.kind,
        text="ANDER-TRAJECT",
        created_by=world.other_consultant,
    )
    client.force_login(world.owner)
    url = reverse("journal:history", args=[world.trajectory.reference, foreign.pk])
    assert client.get(url).status_code == 404


# --- grants and the selector ----------------------------------------------------------------


def test_ending_a_grant_ends_access_at_once(client: Client, world: World) -> None:
    url = reverse("dashboard:detail", args=[world.trajectory.reference])
    client.force_login(world.worker)
    assert client.get(url).status_code == 200
    grant = CaseGrant.objects.get(trajectory=world.trajectory, user=world.worker)
    services.end_grant(grant=grant, actor=world.owner)
    assert client.get(url).status_code == 404


def test_visible_trajectories_contains_the_trajectory_exactly_for_its_members(
    case: Case,
) -> None:
    world = case.world
    members = {"owner", "team_lead", "worker", "parent", "network_member", "young_person"}
    for persona, user in world.personas().items():
        visible = visible_trajectories(user).filter(pk=world.trajectory.pk).exists()
        assert visible == (persona in members), persona

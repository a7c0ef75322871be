"""Write one demo family (a FamilySpec) through the application's services.

Everything goes through the services, so with its audit rows, history and checks: registration,
the safety question, stage changes and grants as the consultant does them; the WHAT written by
the consultant; the HOW (network, plans, story) by the worker when the family has one (the
charter: the worker, family and network work out the HOW) and confirmed by the consultant.
Dates are set back afterwards so the file looks lived in: a first safety answer given on the day
of registration, a review date that passed, a rule checked weeks ago.

Every step is idempotent per trajectory: run again, the loader adds only what an older demo
lacks (a WHAT, a network, a plan, a story, a family login) and leaves the rest alone.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, fields
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samenopweg.accounts.models import User
from samenopweg.assessments.models import (
    DangerStatement,
    MapEntry,
    MappingSession,
    ProfessionalView,
    ScalingRound,
    StatementStatus,
)
from samenopweg.assessments.services import map as map_services
from samenopweg.assessments.services import scaling as scaling_services
from samenopweg.assessments.services import statements as statement_services
from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record
from samenopweg.cases import services as case_services
from samenopweg.cases.models import CaseGrant, CaseRole, SafetyCheck, Stage, Trajectory
from samenopweg.core.models import Audience
from samenopweg.demo.organisations import PRIVATE_NAME, DemoSetup
from samenopweg.demo.specs import (
    HULPVERLENER,
    OWNER,
    Age,
    FamilySpec,
    PlanSpec,
)
from samenopweg.journal.models import JournalEntry, Task, TaskStatus
from samenopweg.people import services as people_services
from samenopweg.people.models import Gender, NetworkMember, Person, RelationKind
from samenopweg.people.registration import (
    AdultInput,
    ChildInput,
    Registration,
    register_trajectory,
)
from samenopweg.safety_plans import services as plan_services
from samenopweg.safety_plans.models import (
    PlanKind,
    PlanRule,
    PlanStatus,
    RuleCheckIn,
    SafetyPlan,
    Story,
)

# How far the statement set has come, by the stage the family ends in.
STATEMENT_STEPS: dict[str, tuple[str, ...]] = {
    Stage.AANMELDING: (),
    Stage.IN_KAART: (),
    # Shared before the plan is made: the family knows the worries the plan must answer.
    Stage.PLAN: (StatementStatus.DISCUSSED, StatementStatus.SHARED),
    Stage.OPVOLGING: (StatementStatus.DISCUSSED, StatementStatus.SHARED),
    Stage.AFGESLOTEN: (StatementStatus.DISCUSSED, StatementStatus.SHARED),
}
# How a plan reaches its status: the steps after the draft it starts as.
PLAN_PATH: dict[str, tuple[str, ...]] = {
    PlanStatus.DRAFT: (),
    PlanStatus.TESTING: (PlanStatus.TESTING,),
    PlanStatus.ACTIVE: (PlanStatus.TESTING, PlanStatus.ACTIVE),
    PlanStatus.ENDED: (PlanStatus.ACTIVE, PlanStatus.ENDED),
}


@dataclass
class LoadReport:
    """What a run created; the command prints it."""

    created_users: int = 0
    created_families: int = 0
    skipped_families: int = 0
    created_whats: int = 0
    created_hows: int = 0


@dataclass(frozen=True)
class Family:
    """A family being built: its spec, its trajectory and the people who work on it."""

    spec: FamilySpec
    trajectory: Trajectory
    setup: DemoSetup
    today: datetime.date

    @property
    def owner(self) -> User:
        return self.setup.owner(self.spec.service)

    @property
    def worker(self) -> User | None:
        return self.setup.users[HULPVERLENER] if self.spec.grant_hulpverlener else None

    @property
    def writer(self) -> User:
        """Who writes the HOW: the worker when the family has one."""
        return self.worker or self.owner

    def who(self, key: str) -> User:
        """OWNER, HULPVERLENER or TEAMLEIDER as a user."""
        return self.owner if key == OWNER else self.setup.users[key]

    def persons(self) -> dict[str, Person]:
        """The persons of the trajectory as they are now, by first name."""
        return {p.first_name: p for p in self.trajectory.persons.all()}

    def view(self, persons: dict[str, Person], name: str) -> tuple[Person | None, str]:
        """Whose view: a person of the trajectory, or a professional role."""
        if name in ProfessionalView.values:
            return None, name
        return persons[name], ""

    def day(self, days_ago: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days_ago)


def born(today: datetime.date, age: Age) -> datetime.date:
    """The date of birth that makes a child `age.years` old today, `age.days` past that."""
    try:
        anniversary = today.replace(year=today.year - age.years)
    except ValueError:  # 29 February
        anniversary = today.replace(year=today.year - age.years, day=28)
    return anniversary - datetime.timedelta(days=age.days)


# -- one family -----------------------------------------------------------------------------------


def load_family(
    spec: FamilySpec, setup: DemoSetup, today: datetime.date, report: LoadReport
) -> Trajectory:
    """Register the family and write its file, or complete a family loaded by an older demo."""
    owner = setup.owner(spec.service)
    first = spec.children[0]
    existing = Trajectory.objects.filter(
        owner=owner,
        persons__is_child=True,
        persons__first_name=first.first_name,
        persons__last_name=first.last_name,
    ).first()
    if existing is not None:
        report.skipped_families += 1
        # A closed trajectory is only read (the services refuse to write in it); an open one
        # loaded by an older demo gets what it lacks: a family login, the WHAT, the HOW.
        if not existing.is_closed:
            family = Family(spec, existing, setup, today)
            grant_logins(family)
            write_file(family, report)
        return existing

    family = Family(spec, register(spec, setup, today), setup, today)
    report.created_families += 1
    backdate_safety_checks(family)
    # Closing comes last, after the WHAT and the HOW: a closed trajectory is only read.
    closing_at = next(
        (i for i, (to_stage, _) in enumerate(spec.stages) if to_stage == Stage.AFGESLOTEN),
        len(spec.stages),
    )
    change_stages(family, spec.stages[:closing_at])
    grant_team(family)
    write_journal_and_tasks(family)
    write_file(family, report)
    from samenopweg.demo.closure import close  # it imports Family from here

    close(family, spec.stages[closing_at:])
    write_after_closure(family)
    return family.trajectory


def write_after_closure(family: Family) -> None:
    """The network's chair keeps the plan going after the closure, through the same services
    as their own page (no professional follows up)."""
    after = family.spec.after_closure
    if after is None or not family.trajectory.is_closed:
        return
    chair = family.setup.users[after.chair_login]
    persons = family.persons()
    login = next(given for given in family.spec.logins if given.username == after.chair_login)
    rules = list(PlanRule.objects.filter(trajectory=family.trajectory, withdrawn_at__isnull=True))
    for start, outcome, note in after.check_ins:
        rule = next(r for r in rules if r.what.startswith(start))
        plan_services.add_check_in(
            rule=rule,
            outcome=outcome,
            note=note,
            checked_on=family.today,
            told_by=persons[login.first_name],
            audience=Audience.NETWORK,
            actor=chair,
        )
    if after.meeting_attendees:
        people_services.add_network_meeting(
            trajectory=family.trajectory,
            held_on=family.today,
            attendees=[persons[name] for name in after.meeting_attendees],
            other_attendees="",
            notes=after.meeting_notes,
            audience=Audience.NETWORK,
            actor=chair,
        )


def write_file(family: Family, report: LoadReport) -> None:
    """The WHAT, the HOW, the child's voice, the feedback and the reviews, each only when the
    trajectory does not have it yet."""
    if family.spec.what is not None and not has_what(family.trajectory):
        report.created_whats += write_what(family)
    write_network(family)
    write_story(family)
    report.created_hows += write_plans(family)
    from samenopweg.demo.voice import write_voice  # after the plans: it links to a goal

    write_voice(family)
    from samenopweg.demo.feedback import write_feedback  # it imports Family from here

    write_feedback(family)
    from samenopweg.demo.reviews import write_reviews  # it imports Family from here

    write_reviews(family)
    from samenopweg.demo.reports import write_report  # it imports Family from here

    write_report(family)


def register(spec: FamilySpec, setup: DemoSetup, today: datetime.date) -> Trajectory:
    owner = setup.owner(spec.service)
    return register_trajectory(
        registration=Registration(
            team=setup.teams[spec.service],
            owner=owner,
            framework=spec.framework,
            youth_judge_reference=spec.youth_judge_reference,
            reason=spec.reason,
            goal=spec.goal,
            children=[
                ChildInput(date_of_birth=born(today, c.age), **_fields(c, leave_out="age"))
                for c in spec.children
            ],
            adults=[AdultInput(**_fields(a)) for a in spec.adults],
            registered_on=today - datetime.timedelta(days=spec.registered_days_ago),
        ),
        actor=owner,
    )


def _fields(spec: Any, leave_out: str = "") -> dict[str, Any]:
    """A spec's fields by name, for a service (or its input) whose keyword arguments they are:
    AdultSpec, ChildSpec (but its age), GoalSpec, BottomLineSpec."""
    return {f.name: getattr(spec, f.name) for f in fields(spec) if f.name != leave_out}


def backdate_safety_checks(family: Family) -> None:
    """The first answers were given on the day of registration; a later round, days ago."""
    spec, trajectory, now = family.spec, family.trajectory, timezone.now()
    if spec.registered_days_ago:
        SafetyCheck.objects.filter(trajectory=trajectory).update(
            checked_at=now - datetime.timedelta(days=spec.registered_days_ago)
        )
        case_services.refresh_safety_summary(trajectory)
    follow_up = spec.follow_up
    if follow_up is None:
        return
    checks = case_services.record_safety_checks(
        trajectory=trajectory,
        answers=[
            (person, follow_up.answer, follow_up.basis, follow_up.next_step, follow_up.urgency)
            for person in trajectory.persons.filter(is_child=True)
        ],
        actor=family.owner,
    )
    if follow_up.days_ago:
        SafetyCheck.objects.filter(pk__in=[c.pk for c in checks]).update(
            checked_at=now - datetime.timedelta(days=follow_up.days_ago)
        )
        case_services.refresh_safety_summary(trajectory)


def change_stages(family: Family, stages: tuple[tuple[str, str], ...]) -> None:
    trajectory = family.trajectory
    for to_stage, reason in stages:
        trajectory.refresh_from_db()
        case_services.change_stage(
            trajectory=trajectory,
            to_stage=to_stage,
            reason=reason,
            expected_version=trajectory.version,
            actor=family.owner,
        )
    trajectory.refresh_from_db()


def grant_team(family: Family) -> None:
    """The worker's grant, and the family's own logins, each linked to their person."""
    if family.worker is not None:
        case_services.grant_access(
            trajectory=family.trajectory,
            user=family.worker,
            role=CaseRole.HULPVERLENER,
            reason=f"Procesbegeleider vanuit {PRIVATE_NAME}",
            actor=family.owner,
        )
    grant_logins(family)


def grant_logins(family: Family) -> None:
    """Each family login gets its grant once (an older demo gets the ones it lacks)."""
    persons = family.persons()
    for login in family.spec.logins:
        user = family.setup.users[login.username]
        if CaseGrant.objects.current().filter(trajectory=family.trajectory, user=user).exists():
            continue
        case_services.grant_access(
            trajectory=family.trajectory,
            user=user,
            role=login.role,
            person=persons[login.first_name],
            reason=login.reason,
            actor=family.owner,
        )


def write_journal_and_tasks(family: Family) -> None:
    spec, trajectory, owner = family.spec, family.trajectory, family.owner
    persons = family.persons()
    now = timezone.now()
    for item in spec.journal:
        entry = JournalEntry.objects.create(
            trajectory=trajectory,
            occurred_on=family.day(item.days_ago),
            kind=item.kind,
            text=item.text,
            audience=item.audience,
            other_participants=item.other_participants,
            created_by=family.who(item.author),
        )
        entry.participants.set([persons[name] for name in item.participants])
    for task in spec.tasks:
        assignee = family.who(task.assignee)
        Task.objects.create(
            trajectory=trajectory,
            title=task.title,
            description=task.description,
            assignee=assignee,
            deadline=family.today + datetime.timedelta(days=task.deadline_in_days),
            status=TaskStatus.DONE if task.done else TaskStatus.OPEN,
            closed_at=now if task.done else None,
            closed_by=assignee if task.done else None,
            audience=task.audience,
            created_by=owner,
        )
    record(
        actor=owner,
        action=AuditAction.CREATE,
        object_type="journal.journalentry",
        trajectory=trajectory,
        detail={"demo": True, "journal_entries": len(spec.journal), "tasks": len(spec.tasks)},
    )


# -- the WHAT -------------------------------------------------------------------------------------


def has_what(trajectory: Trajectory) -> bool:
    return (
        MapEntry.objects.filter(trajectory=trajectory).exists()
        or DangerStatement.objects.filter(trajectory=trajectory).exists()
        or MappingSession.objects.filter(trajectory=trajectory).exists()
        or ScalingRound.objects.filter(trajectory=trajectory).exists()
    )


def write_what(family: Family) -> int:
    """Map, statements, goals, bottom lines and scaling, all written by the consultant."""
    what, trajectory, owner = family.spec.what, family.trajectory, family.owner
    assert what is not None
    persons = family.persons()
    sessions = [
        map_services.record_mapping_session(
            trajectory=trajectory,
            held_on=family.day(item.days_ago),
            participants=[persons[name] for name in item.participants],
            professionals=[family.who(key) for key in item.professionals],
            other_participants=item.other_participants,
            actor=owner,
        )
        for item in what.sessions
    ]
    for line in what.map:
        person, role = family.view(persons, line.view)
        map_services.add_map_entry(
            trajectory=trajectory,
            category=line.category,
            text=line.text,
            audience=line.audience,
            view_of_person=person,
            view_of_role=role,
            session=sessions[line.session],
            actor=owner,
        )

    statements = []
    for item in what.statements:
        statement = statement_services.create_danger_statement(
            trajectory=trajectory,
            who_is_worried=item.who_is_worried,
            behaviour=item.behaviour,
            impact=item.impact,
            fear=item.fear,
            children=[persons[name] for name in item.children],
            audience=item.audience,
            actor=owner,
        )
        statements.append(statement)
        for goal in item.goals:
            statement_services.create_safety_goal(
                danger_statement=statement, actor=owner, **_fields(goal)
            )
        for comment in item.comments:
            statement_services.add_statement_comment(
                target=statement,
                kind=comment.kind,
                text=comment.text,
                view_of_person=persons[comment.view],
                audience=comment.audience,
                actor=owner,
            )
    for bottom_line in what.bottom_lines:
        statement_services.create_bottom_line(
            trajectory=trajectory, actor=owner, **_fields(bottom_line)
        )
    final_stage = family.spec.stages[-1][0] if family.spec.stages else Stage.AANMELDING
    for to_status in STATEMENT_STEPS[final_stage]:
        statement_set = statement_services.statement_set_for(trajectory)
        statement_services.change_statement_status(
            trajectory=trajectory,
            to_status=to_status,
            expected_version=statement_set.version,
            actor=owner,
        )

    for scaling in what.rounds:
        scores = []
        for score in scaling.scores:
            person, role = family.view(persons, score.view)
            scores.append(
                scaling_services.ScoreInput(
                    danger_statement=statements[score.statement],
                    score=score.score,
                    person=person,
                    professional_role=role,
                    what_makes_it=score.what_makes_it,
                    one_higher=score.one_higher,
                    audience=score.audience,
                )
            )
        scaling_services.record_scaling_round(
            trajectory=trajectory,
            held_on=family.day(scaling.days_ago),
            session=sessions[scaling.session] if scaling.session is not None else None,
            scores=scores,
            actor=owner,
        )
    return 1


# -- the HOW: network, plans, story ---------------------------------------------------------------


def write_network(family: Family) -> int:
    """The family's safety network; returns how many members. Once per trajectory."""
    spec, trajectory, actor = family.spec.network, family.trajectory, family.writer
    if spec is None or NetworkMember.objects.filter(trajectory=trajectory).exists():
        return 0
    children = list(trajectory.persons.filter(is_child=True))

    def new_person(first: str, last: str, gender: str, relation: str, phone: str = "") -> Person:
        return people_services.add_person(
            trajectory=trajectory,
            is_child=False,
            relations={c.pk: (relation, False, False) for c in children},
            actor=actor,
            first_name=first,
            last_name=last,
            gender=gender,
            phone=phone,
            audience=Audience.NETWORK,
        )

    def on(days_ago: int | None) -> datetime.date | None:
        return None if days_ago is None else family.day(days_ago)

    persons = family.persons()
    for member in spec.members:
        person = persons.get(member.first_name)
        if member.last_name or person is None:
            person = new_person(
                member.first_name, member.last_name, member.gender, member.relation, member.phone
            )
            persons[member.first_name] = person
        people_services.add_network_member(
            trajectory=trajectory,
            person=person,
            actor=actor,
            kind=member.kind,
            tie=member.tie,
            role_text=member.role_text,
            organisation=member.organisation,
            commitment=member.commitment,
            heard_what_on=on(member.heard_days_ago),
            is_chair=member.chair,
            audience=Audience.NETWORK,
        )
    for support in spec.supports:
        people_services.add_child_support(
            trajectory=trajectory,
            child=persons[support.child],
            adult=persons[support.adult],
            role=support.role,
            confirmed_on=on(support.confirmed_days_ago),
            audience=Audience.NETWORK,
            actor=actor,
        )
    for ban in spec.bans:
        banned = new_person(ban.first_name, ban.last_name, Gender.MALE, RelationKind.OTHER_FAMILY)
        people_services.ban_contact(
            trajectory=trajectory, person=banned, child=None, reason=ban.reason, actor=actor
        )
    for meeting in spec.meetings:
        people_services.add_network_meeting(
            trajectory=trajectory,
            held_on=family.day(meeting.days_ago),
            attendees=[persons[name] for name in meeting.attendees],
            other_attendees="",
            notes=meeting.notes,
            audience=Audience.NETWORK,
            actor=actor,
        )
    return len(spec.members)


def write_plans(family: Family) -> int:
    """The family's immediate agreements and plans; returns how many. Before closing."""
    trajectory = family.trajectory
    if not family.spec.plans or SafetyPlan.objects.filter(trajectory=trajectory).exists():
        return 0
    goals = [
        list(statement.goals.filter(withdrawn_at__isnull=True).order_by("position", "id"))
        for statement in DangerStatement.objects.filter(
            trajectory=trajectory, withdrawn_at__isnull=True
        ).order_by("position", "id")
    ]
    for spec in family.spec.plans:
        write_plan(family, spec, goals)
    return len(family.spec.plans)


def write_plan(family: Family, spec: PlanSpec, goals: list[list[Any]]) -> None:
    """One plan: its rules, its way to its status, the confirmation, check-ins, set back."""
    trajectory, writer = family.trajectory, family.writer
    now, today = timezone.now(), timezone.localdate()
    persons = family.persons()
    immediate = spec.kind == PlanKind.IMMEDIATE
    plan = plan_services.create_plan(
        trajectory=trajectory,
        kind=spec.kind,
        review_on=today + datetime.timedelta(days=3) if immediate else None,
        safety_object=spec.safety_object,
        safety_object_meaning=spec.safety_object_meaning,
        audience=Audience.NETWORK,
        actor=writer,
    )
    rules = [
        plan_services.add_rule(
            plan=plan,
            what=wanted.what,
            who=[persons[name] for name in wanted.who],
            when=wanted.when,
            check_how=wanted.check_how,
            checked_by=persons[wanted.checked_by] if wanted.checked_by else None,
            check_every_days=wanted.every_days,
            fallback=wanted.fallback,
            goals=[goals[s][g] for s, g in wanted.goals if s < len(goals) and g < len(goals[s])],
            audience=wanted.audience,
            actor=writer,
        )
        for wanted in spec.rules
    ]
    for status in PLAN_PATH[PlanStatus(spec.status)]:
        plan.refresh_from_db()
        plan_services.change_plan_status(
            plan=plan, to_status=status, expected_version=plan.version, actor=writer
        )
    if spec.confirmed:
        plan.refresh_from_db()
        plan_services.confirm_plan(plan=plan, seen=plan.content_changed_at, actor=family.owner)
    for rule_spec, rule in zip(spec.rules, rules, strict=True):
        for check in rule_spec.check_ins:
            made = plan_services.add_check_in(
                rule=rule,
                outcome=check.outcome,
                note=check.note,
                checked_on=today,
                told_by=persons[check.told_by] if check.told_by else None,
                audience=Audience.NETWORK,
                actor=writer,
            )
            RuleCheckIn.objects.filter(pk=made.pk).update(
                checked_on=today - datetime.timedelta(days=check.days_ago)
            )
    # Back in time: when the plan reached its status, its review date, its confirmation.
    moment = now - datetime.timedelta(days=spec.since_days)
    SafetyPlan.objects.filter(pk=plan.pk).update(
        status_changed_at=moment,
        content_changed_at=moment - datetime.timedelta(minutes=5),
        review_on=today + datetime.timedelta(days=spec.review_in_days) if immediate else None,
        confirmed_at=moment if spec.confirmed else None,
    )
    plan.versions.update(made_at=moment)
    plan.refresh_from_db()
    for rule in rules:
        plan_services.refresh_follow_up(rule)


COLOURS = {
    "house": (226, 112, 85),
    "cloud": (120, 130, 150),
    "people": (80, 150, 110),
    "heart": (220, 60, 90),
    "sun": (250, 190, 40),
}


def drawing(kind: str) -> bytes:
    """A simple child-like drawing made with Pillow, for demo data only."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), (255, 253, 245))
    pen = ImageDraw.Draw(image)
    colour = COLOURS.get(kind, (90, 90, 90))
    pen.rectangle((0, 400, 640, 480), fill=(150, 200, 120))  # grass
    pen.ellipse((520, 30, 600, 110), fill=(250, 200, 60))  # sun
    if kind in ("house", "cloud"):
        pen.rectangle((200, 220, 440, 400), fill=colour, outline=(60, 40, 30), width=4)
        pen.polygon([(180, 225), (320, 120), (460, 225)], fill=(150, 60, 50))
        pen.rectangle((295, 320, 345, 400), fill=(90, 60, 40))
    if kind == "cloud":
        for x in (170, 240, 310):
            pen.ellipse((x, 40, x + 120, 120), fill=(150, 155, 165))
    if kind == "people":
        for i, x in enumerate((120, 240, 360, 480)):
            pen.ellipse((x, 190, x + 60, 250), fill=(240, 200, 170), outline=(60, 40, 30), width=3)
            pen.rectangle(
                (x + 5, 250, x + 55, 360),
                fill=[colour, (70, 110, 200), (200, 120, 60), (150, 90, 180)][i],
            )
    if kind == "heart":
        pen.ellipse((230, 170, 330, 270), fill=colour)
        pen.ellipse((310, 170, 410, 270), fill=colour)
        pen.polygon([(235, 240), (405, 240), (320, 360)], fill=colour)
    if kind == "sun":
        pen.rectangle((140, 260, 500, 380), fill=(250, 200, 60), outline=(60, 40, 30), width=4)
        for x in (190, 430):
            pen.ellipse((x - 30, 350, x + 30, 410), fill=(40, 40, 40))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def write_story(family: Family) -> int:
    """The family's Words and Pictures story, with a kept version. Once per trajectory."""
    spec, trajectory, actor = family.spec.story, family.trajectory, family.writer
    if spec is None or Story.objects.filter(trajectory=trajectory).exists():
        return 0
    story = plan_services.create_story(
        trajectory=trajectory,
        kind=spec.kind,
        title=spec.title,
        written_with=spec.written_with,
        audience=Audience.CHILD,
        actor=actor,
    )
    for number, page in enumerate(spec.pages, start=1):
        plan_services.add_story_page(
            story=story,
            text=page.text,
            uploaded=SimpleUploadedFile(f"tekening-{number}.png", drawing(page.drawing)),
            picture_alt=page.alt,
            actor=actor,
        )
    plan_services.keep_story_version(story=story, actor=actor)
    return 1

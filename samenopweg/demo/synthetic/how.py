"""The HOW of synthetic trajectories (seed_synthetic): network, safety plan, check-ins, a story.

Only bench_consulent's trajectories past registration get one, at the size the benchmark
measures: 30 network members (20 informal, 10 professional) and 6 more relatives, so the file
holds about 40 persons for the genogram and the ecomap; a running safety plan with 40 rules that
answer the safety goals, each followed up three times; and a Words and Pictures story of six
pages with a drawing each (one small PNG, written to the upload directory once per page).

Where a parent and the network's chair have an account (family.py), the parent also does every
PARENT_RULES-th rule, and the latest check-in of each rule one of them does came from their own
page: told by them, written by their account, for their audience (portal.plan_views.check_in).
The random draws are the same either way, so the rest of the data does not change.
"""

from __future__ import annotations

import datetime
import io
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from samenopweg.cases.models import Upload
from samenopweg.core.models import Audience
from samenopweg.people.models import (
    ChildSupport,
    Gender,
    NetworkKind,
    NetworkMember,
    Person,
    Relation,
    RelationKind,
    SupportRole,
    Tie,
)
from samenopweg.safety_plans.models import (
    CheckOutcome,
    PlanKind,
    PlanRule,
    PlanStatus,
    PlanVersion,
    RuleCheckIn,
    SafetyPlan,
    Story,
    StoryKind,
    StoryPage,
)

Row = tuple[Any, ...]
RuleWho = PlanRule.who.through
RuleGoal = PlanRule.goals.through

INFORMAL, PROFESSIONAL, RELATIVES, RULES, PAGES = 20, 10, 6, 40, 6
PARENT_RULES = 4  # with an account, the parent does rules 3, 7, 11 ... as well
NAMES = ("An", "Els", "Jef", "Luc", "Mia", "Rik", "Sien", "Tuur", "Vera", "Wim", "Ines", "Koen")
ROLES_INFORMAL = (
    "buurvrouw",
    "buurman",
    "vriendin van mama",
    "trainer",
    "leiding van de jeugdbeweging",
)
ROLES_PRO = ("juf", "zorgcoördinator", "huisarts", "CLB-medewerker", "thuisbegeleider")
RELATIVE_KINDS = (RelationKind.GRANDPARENT,) * 4 + (RelationKind.OTHER_FAMILY,) * 2
TIES = (Tie.STRONG, Tie.NORMAL, Tie.NORMAL, Tie.WEAK, Tie.STRESSFUL)
WHAT = (
    "{who} haalt {child} op woensdag op school.",
    "{who} belt elke avond even.",
    "{who} komt kijken als er ruzie is.",
    "{who} brengt {child} naar de training.",
    "{who} let op of {child} er is.",
)


@dataclass
class HowRows:
    persons: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    members: list[Row] = field(default_factory=list)
    supports: list[Row] = field(default_factory=list)
    plans: list[Row] = field(default_factory=list)
    versions: list[Row] = field(default_factory=list)
    rules: list[Row] = field(default_factory=list)
    rule_who: list[Row] = field(default_factory=list)
    rule_goals: list[Row] = field(default_factory=list)
    check_ins: list[Row] = field(default_factory=list)
    uploads: list[Row] = field(default_factory=list)
    stories: list[Row] = field(default_factory=list)
    pages: list[Row] = field(default_factory=list)


def _drawing() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 360), (255, 252, 240))
    pen = ImageDraw.Draw(image)
    pen.rectangle((140, 170, 340, 320), fill=(226, 112, 85), outline=(60, 40, 30), width=4)
    pen.polygon([(120, 175), (240, 80), (360, 175)], fill=(150, 60, 50))
    pen.ellipse((380, 30, 450, 100), fill=(250, 200, 60))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def write_picture(data: bytes, content_type: str = "image/png") -> str:
    """One file in the upload directory, under a random name as cases.uploads gives it; returns
    the name an Upload row keeps."""
    extension = "jpg" if content_type == "image/jpeg" else "png"
    name = f"trajectories/synthetic/{uuid.uuid4().hex}.{extension}"
    path = Path(settings.UPLOAD_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return name


@dataclass(frozen=True)
class OwnPage:
    """The family members of a trajectory who check in on their own page (family.py)."""

    parent_id: int  # the parent's person
    parent_user_id: int
    chair_user_id: int  # the network chair's account (the chair is the first member)


@dataclass(frozen=True)
class HowFamily:
    pk: int
    owner_id: int
    worker_id: int | None
    registered_at: datetime.datetime
    children: list[tuple[int, str]]
    goal_ids: list[int]
    own_page: OwnPage | None = None


@dataclass(frozen=True)
class Network:
    """What HowBuilder.add made that family.py refers to."""

    chair_id: int  # the chair's person: the first informal member, who checks every rule
    chair_name: str
    started: datetime.datetime  # when the network and the plan were set up
    rule_ids: list[int]


class HowBuilder:
    def __init__(self, *, rng: random.Random, writer: Any, now: datetime.datetime) -> None:
        self.rng = rng
        self.writer = writer
        self.now = now
        self.rows = HowRows()
        self.picture = b""

    def add(self, family: HowFamily) -> Network:
        rng, w, rows, now = self.rng, self.writer, self.rows, self.now
        writer_id = family.worker_id or family.owner_id
        started = max(family.registered_at, now - datetime.timedelta(days=60))
        child_id, child = family.children[0]
        people: list[int] = []
        first_names: list[str] = []
        for i in range(INFORMAL + PROFESSIONAL + RELATIVES):
            pk = next(w.ids(Person))
            relative = i >= INFORMAL + PROFESSIONAL
            professional = INFORMAL <= i < INFORMAL + PROFESSIONAL
            female = rng.random() < 0.6
            first_names.append(rng.choice(NAMES))
            rows.persons.append(
                (
                    pk, family.pk, first_names[-1], f"Netwerk{i}", None,
                    Gender.FEMALE if female else Gender.MALE, False,
                    f"04{rng.randint(70, 99)} {rng.randint(100000, 999999)}", Audience.NETWORK, started,
                )
            )  # fmt: skip
            if relative:
                kind = RELATIVE_KINDS[i - INFORMAL - PROFESSIONAL]
            elif professional:
                kind = RelationKind.PROFESSIONAL
            else:
                kind = rng.choice((RelationKind.NEIGHBOUR, RelationKind.FRIEND, RelationKind.COACH))
            for each_child, _name in family.children:
                rows.relations.append((family.pk, pk, each_child, kind, False, False))
            if not relative:
                rows.members.append(
                    (
                        next(w.ids(NetworkMember)), Audience.NETWORK, 1, family.pk, pk,
                        NetworkKind.PROFESSIONAL if professional else NetworkKind.INFORMAL,
                        rng.choice(ROLES_PRO if professional else ROLES_INFORMAL), "",
                        "Helpt mee zoals afgesproken in het plan.",
                        (started + datetime.timedelta(days=5)).date() if rng.random() < 0.7 else None,
                        i == 0, rng.choice(TIES), writer_id, started, started,
                    )
                )  # fmt: skip
                people.append(pk)
        rows.supports.append(
            (next(w.ids(ChildSupport)), Audience.NETWORK, family.pk, child_id, people[0],
             SupportRole.LASTING_ADULT, started.date(), writer_id, started)
        )  # fmt: skip
        rows.supports.append(
            (next(w.ids(ChildSupport)), Audience.NETWORK, family.pk, child_id, people[1],
             SupportRole.TRUSTED_PERSON, None, writer_id, started)
        )  # fmt: skip

        plan_id = next(w.ids(SafetyPlan))
        rows.plans.append(
            (plan_id, Audience.NETWORK, 1, family.pk, PlanKind.LASTING, PlanStatus.ACTIVE, None,
             "de blauwe knuffel", "Als het kind de knuffel geeft, komt de voorzitter meteen.",
             started, family.owner_id, started + datetime.timedelta(days=1), started, writer_id,
             started, started)
        )  # fmt: skip
        rows.versions.append(
            (
                next(w.ids(PlanVersion)),
                plan_id,
                1,
                PlanStatus.ACTIVE,
                self._empty_snapshot(),
                writer_id,
                started,
            )
        )
        own = family.own_page
        rule_ids: list[int] = []
        for position in range(RULES):
            rule_id = next(w.ids(PlanRule))
            rule_ids.append(rule_id)
            who = people[position % len(people)]
            every = rng.choice((7, 7, 14, 28))
            checks = []
            for days in sorted(rng.sample(range(1, 55), 3), reverse=True):
                outcome = CheckOutcome.DID_NOT if rng.random() < 0.1 else CheckOutcome.WENT_WELL
                checks.append(((now - datetime.timedelta(days=days)).date(), outcome))
            last_on, last_outcome = checks[-1]
            rows.rules.append(
                (
                    rule_id, Audience.NETWORK, 1, plan_id, family.pk,
                    rng.choice(WHAT).format(who="Iemand van het netwerk", child=child),
                    "elke week", "De voorzitter vraagt het elke zondag na.", people[0],
                    every, "Dan springt de buurvrouw in.", position, writer_id, started, started,
                    last_on, last_outcome, last_on + datetime.timedelta(days=every),
                )
            )  # fmt: skip
            rows.rule_who.append((rule_id, who))
            # The latest check-in on the family's own page: (told by, written by, audience).
            told: tuple[int, int, int] | None = None
            if own is not None and position % PARENT_RULES == PARENT_RULES - 1:
                rows.rule_who.append((rule_id, own.parent_id))
                told = (own.parent_id, own.parent_user_id, Audience.PARENTS)
            elif own is not None and who == people[0]:
                told = (who, own.chair_user_id, Audience.NETWORK)
            if family.goal_ids:
                rows.rule_goals.append((rule_id, family.goal_ids[position % len(family.goal_ids)]))
            for number, (day, outcome) in enumerate(checks):
                told_by, by, audience = (who, writer_id, int(Audience.NETWORK))
                if told is not None and number == len(checks) - 1:
                    told_by, by, audience = told
                rows.check_ins.append(
                    (next(w.ids(RuleCheckIn)), audience, rule_id, family.pk, outcome, "",
                     day, told_by, by, now)
                )  # fmt: skip

        story_id = next(w.ids(Story))
        rows.stories.append(
            (story_id, Audience.CHILD, 1, family.pk, StoryKind.WHY,
             f"Waarom de consulent bij {child} langskomt", "mama", writer_id, started, started)
        )  # fmt: skip
        for position in range(PAGES):
            upload_id = next(w.ids(Upload))
            name = self._store_picture()
            rows.uploads.append(
                (upload_id, Audience.CHILD, family.pk, name, "image/png", len(self.picture), 480,
                 360, "0" * 64, f"tekening-{position}.png", writer_id, started)
            )  # fmt: skip
            rows.pages.append(
                (next(w.ids(StoryPage)), Audience.CHILD, 1, story_id, family.pk, position,
                 f"Bladzijde {position + 1}: {child} woont bij mama. Oma helpt elke woensdag.",
                 upload_id, "Een huis met een zon", writer_id, started, started)
            )  # fmt: skip
        return Network(
            chair_id=people[0], chair_name=first_names[0], started=started, rule_ids=rule_ids
        )

    def _empty_snapshot(self) -> Any:
        """A JSON value as the database wants it (RowWriter adapts only datetimes)."""
        from django.db import connection

        return PlanVersion._meta.get_field("snapshot").get_db_prep_save({"rules": []}, connection)  # type: ignore[union-attr]

    def _store_picture(self) -> str:
        if not self.picture:
            self.picture = _drawing()
        return write_picture(self.picture)

    def insert(self) -> None:
        w, rows = self.writer, self.rows
        w.insert(
            Person,
            ("id", "trajectory_id", "first_name", "last_name", "date_of_birth", "gender",
             "is_child", "phone", "audience", "created_at"),
            rows.persons,
        )  # fmt: skip
        w.insert(
            Relation,
            ("trajectory_id", "person_id", "child_id", "kind", "has_parental_authority",
             "lives_with_child"),
            rows.relations,
        )  # fmt: skip
        w.insert(
            NetworkMember,
            ("id", "audience", "version", "trajectory_id", "person_id", "kind", "role_text",
             "organisation", "commitment", "heard_what_on", "is_chair", "tie", "created_by_id",
             "created_at", "updated_at"),
            rows.members,
        )  # fmt: skip
        w.insert(
            ChildSupport,
            ("id", "audience", "trajectory_id", "child_id", "adult_id", "role", "confirmed_on",
             "created_by_id", "created_at"),
            rows.supports,
        )  # fmt: skip
        w.insert(
            SafetyPlan,
            ("id", "audience", "version", "trajectory_id", "kind", "status", "review_on",
             "safety_object", "safety_object_meaning", "status_changed_at", "confirmed_by_id",
             "confirmed_at", "content_changed_at", "created_by_id", "created_at", "updated_at"),
            rows.plans,
        )  # fmt: skip
        w.insert(
            PlanVersion,
            ("id", "plan_id", "number", "status", "snapshot", "made_by_id", "made_at"),
            rows.versions,
        )
        w.insert(
            PlanRule,
            ("id", "audience", "version", "plan_id", "trajectory_id", "what", "when", "check_how",
             "checked_by_id", "check_every_days", "fallback", "position", "created_by_id",
             "created_at", "updated_at", "last_checked_on", "last_outcome", "next_check_due"),
            rows.rules,
        )  # fmt: skip
        w.insert(RuleWho, ("planrule_id", "person_id"), rows.rule_who)
        w.insert(RuleGoal, ("planrule_id", "safetygoal_id"), rows.rule_goals)
        w.insert(
            RuleCheckIn,
            ("id", "audience", "rule_id", "trajectory_id", "outcome", "note", "checked_on",
             "told_by_id", "created_by_id", "created_at"),
            rows.check_ins,
        )  # fmt: skip
        w.insert(
            Upload,
            ("id", "audience", "trajectory_id", "file", "content_type", "size", "width", "height",
             "sha256", "original_name", "created_by_id", "created_at"),
            rows.uploads,
        )  # fmt: skip
        w.insert(
            Story,
            ("id", "audience", "version", "trajectory_id", "kind", "title", "written_with",
             "created_by_id", "created_at", "updated_at"),
            rows.stories,
        )  # fmt: skip
        w.insert(
            StoryPage,
            ("id", "audience", "version", "story_id", "trajectory_id", "position", "text",
             "picture_id", "picture_alt", "created_by_id", "created_at", "updated_at"),
            rows.pages,
        )  # fmt: skip
        self.rows = HowRows()

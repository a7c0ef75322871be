"""What a demo family is made of, as plain data: the families/ modules fill these in and
builders.py writes them through the application's services.

Names in a spec point at other parts of the same family: `view` (whose view, who gives a number)
is a first name of a person of the trajectory or a ProfessionalView value; `who`, `checked_by`,
`told_by`, `participants` and the like are first names; `author`, `assignee` and `professionals`
are OWNER (the family's consultant), HULPVERLENER or TEAMLEIDER; `session` is an index into
WhatSpec.sessions; a goal of a rule is (danger statement, goal), in the order of the WHAT.
Days are counted back from today (`days_ago`) or forward (`deadline_in_days`, `review_in_days`).

A family module reads as data: it takes its whole vocabulary from here in one
`from samenopweg.demo.specs import *` (see `__all__`): the spec classes, the short names below
and the application's choices a family uses (stages, answers, relation kinds, map categories).
"""

from __future__ import annotations

from dataclasses import dataclass

from samenopweg.accounts.roles import CaseRole
from samenopweg.assessments.models import CommentKind, MapCategory, ProfessionalView
from samenopweg.cases.models import Framework, SafetyAnswer, Stage, Urgency
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind
from samenopweg.people.models import Gender, NetworkKind, RelationKind, SupportRole, Tie
from samenopweg.safety_plans.models import CheckOutcome, PlanKind, PlanStatus, StoryKind

__all__ = [
    # the application's choices
    "Audience",
    "CaseRole",
    "CheckOutcome",
    "CommentKind",
    "ContactKind",
    "Framework",
    "Gender",
    "MapCategory",
    "NetworkKind",
    "PlanKind",
    "PlanStatus",
    "RelationKind",
    "SafetyAnswer",
    "Stage",
    "StoryKind",
    "SupportRole",
    "Tie",
    "Urgency",
    # short names
    "CHILD",
    "CONSULENT_VIEW",
    "HULPVERLENER",
    "HULPVERLENER_VIEW",
    "NETWORK",
    "OCJ",
    "ONLY_PROFESSIONALS",
    "OTHER_VIEW",
    "OWNER",
    "PARENTS",
    "SCHOOL_VIEW",
    "SDJ",
    "TEAMLEIDER",
    # the specs and their helpers
    "AfterClosureSpec",
    "Age",
    "AdultSpec",
    "BanSpec",
    "BottomLineSpec",
    "CheckInSpec",
    "ChildSpec",
    "ClosureSpec",
    "CommentSpec",
    "FamilyLogin",
    "FamilySpec",
    "FollowUpCheck",
    "GoalSpec",
    "JournalSpec",
    "MapLine",
    "MeetingSpec",
    "MemberSpec",
    "NetworkSpec",
    "PageSpec",
    "PlanSpec",
    "RoundSpec",
    "RuleSpec",
    "Score",
    "SessionSpec",
    "StatementSpec",
    "StorySpec",
    "SupportSpec",
    "TaskSpec",
    "WhatSpec",
    "adult",
    "parent",
]

# Who writes or does something: the family's consultant, the demo worker, the demo team lead.
OWNER = "owner"
HULPVERLENER = "hulpverlener"
TEAMLEIDER = "teamleider"

# Which service carries the family: its team and its consultant (organisations.DemoSetup).
OCJ = "ocj"
SDJ = "sdj"

CONSULENT_VIEW = ProfessionalView.CONSULENT
HULPVERLENER_VIEW = ProfessionalView.HULPVERLENER
SCHOOL_VIEW = ProfessionalView.SCHOOL
OTHER_VIEW = ProfessionalView.OTHER_PROFESSIONAL
ONLY_PROFESSIONALS = Audience.PROFESSIONALS
PARENTS = Audience.PARENTS
NETWORK = Audience.NETWORK
CHILD = Audience.CHILD


# -- registration -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Age:
    """Old enough to be `years` today, and `days` (0 <= days < 365) past that birthday."""

    years: int
    days: int = 0


@dataclass(frozen=True)
class ChildSpec:
    """A child as registered, with the first answer to the safety question (as ChildInput,
    with an age instead of a date of birth)."""

    first_name: str
    last_name: str
    age: Age
    gender: str
    safety_answer: str
    safety_basis: str
    next_step: str
    urgency: str = Urgency.REGULAR


@dataclass(frozen=True)
class AdultSpec:
    """An adult as registered, with one relation to every child (the fields of AdultInput)."""

    first_name: str
    last_name: str
    relation_kind: str
    gender: str
    has_parental_authority: bool = False
    lives_with_child: bool = False
    phone: str = ""
    email: str = ""


_GENDER_OF_KIND: dict[str, str] = {
    RelationKind.MOTHER: Gender.FEMALE,
    RelationKind.STEPMOTHER: Gender.FEMALE,
    RelationKind.FATHER: Gender.MALE,
    RelationKind.STEPFATHER: Gender.MALE,
}


def parent(
    first_name: str,
    last_name: str,
    kind: str,
    *,
    home: bool = False,
    phone: str = "",
    email: str = "",
) -> AdultSpec:
    """A mother or father with parental authority; `home`: lives with the children."""
    return AdultSpec(
        first_name,
        last_name,
        kind,
        _GENDER_OF_KIND[kind],
        has_parental_authority=True,
        lives_with_child=home,
        phone=phone,
        email=email,
    )


def adult(
    first_name: str, last_name: str, kind: str, gender: str = "", *, home: bool = False
) -> AdultSpec:
    """Any other adult of the family (step-parent, grandparent, aunt): no parental authority."""
    return AdultSpec(
        first_name, last_name, kind, gender or _GENDER_OF_KIND[kind], lives_with_child=home
    )


@dataclass(frozen=True)
class FollowUpCheck:
    """A later round of the safety question, asked for every child of the family."""

    days_ago: int
    answer: str
    basis: str
    next_step: str
    urgency: str = Urgency.REGULAR


@dataclass(frozen=True)
class JournalSpec:
    days_ago: int
    kind: str
    text: str
    audience: int = Audience.PROFESSIONALS
    participants: tuple[str, ...] = ()
    other_participants: str = ""
    author: str = OWNER


@dataclass(frozen=True)
class TaskSpec:
    title: str
    deadline_in_days: int
    assignee: str = OWNER
    done: bool = False
    description: str = ""
    audience: int = Audience.PROFESSIONALS


@dataclass(frozen=True)
class FamilyLogin:
    """A demo login of the family or its network, linked to one of its persons (a CaseGrant)."""

    username: str
    role: str  # CaseRole.OUDER, JONGERE or NETWERK
    first_name: str
    reason: str


# -- the WHAT: map, danger statements, goals, bottom lines and scaling ----------------------------


@dataclass(frozen=True)
class SessionSpec:
    days_ago: int
    participants: tuple[str, ...]
    professionals: tuple[str, ...] = (OWNER,)
    other_participants: str = ""


@dataclass(frozen=True)
class MapLine:
    category: str
    view: str
    text: str
    audience: int = Audience.PARENTS
    session: int = 0


@dataclass(frozen=True)
class GoalSpec:
    """The keyword arguments of create_safety_goal (with the statement it answers)."""

    parents_and_network_will: str
    child_will_experience: str
    professionals_will_see: str
    for_how_long: str
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class CommentSpec:
    kind: str
    view: str
    text: str
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class StatementSpec:
    who_is_worried: str
    behaviour: str
    impact: str
    fear: str
    children: tuple[str, ...]
    goals: tuple[GoalSpec, ...]
    comments: tuple[CommentSpec, ...] = ()
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class BottomLineSpec:
    """The keyword arguments of create_bottom_line (with the trajectory)."""

    text: str
    reason: str
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class Score:
    view: str
    score: int
    what_makes_it: str
    one_higher: str
    statement: int = 0
    audience: int = Audience.PARENTS


@dataclass(frozen=True)
class RoundSpec:
    days_ago: int
    scores: tuple[Score, ...]
    session: int | None = None


@dataclass(frozen=True)
class WhatSpec:
    sessions: tuple[SessionSpec, ...]
    map: tuple[MapLine, ...]
    statements: tuple[StatementSpec, ...]
    bottom_lines: tuple[BottomLineSpec, ...]
    rounds: tuple[RoundSpec, ...]


# -- the HOW: safety network, plans with their check-ins, Words and Pictures ----------------------


@dataclass(frozen=True)
class MemberSpec:
    first_name: str
    role_text: str
    kind: str = NetworkKind.INFORMAL
    tie: str = Tie.NORMAL
    last_name: str = ""  # set: a new person of the trajectory, related to every child as `relation`
    relation: str = RelationKind.NEIGHBOUR
    gender: str = Gender.FEMALE
    phone: str = ""
    organisation: str = ""
    commitment: str = ""
    heard_days_ago: int | None = None
    chair: bool = False


@dataclass(frozen=True)
class SupportSpec:
    child: str
    adult: str
    role: str = SupportRole.LASTING_ADULT
    confirmed_days_ago: int | None = None


@dataclass(frozen=True)
class BanSpec:
    """A new person of the trajectory who may not come near the children (professionals only)."""

    first_name: str
    last_name: str
    reason: str


@dataclass(frozen=True)
class MeetingSpec:
    days_ago: int
    attendees: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class NetworkSpec:
    members: tuple[MemberSpec, ...]
    supports: tuple[SupportSpec, ...] = ()
    bans: tuple[BanSpec, ...] = ()
    meetings: tuple[MeetingSpec, ...] = ()


@dataclass(frozen=True)
class CheckInSpec:
    days_ago: int
    outcome: str
    note: str = ""
    told_by: str = ""


@dataclass(frozen=True)
class RuleSpec:
    what: str
    who: tuple[str, ...]
    when: str
    check_how: str
    fallback: str
    checked_by: str = ""
    goals: tuple[tuple[int, int], ...] = ()
    every_days: int = 7
    check_ins: tuple[CheckInSpec, ...] = ()
    audience: int = Audience.NETWORK


@dataclass(frozen=True)
class PlanSpec:
    kind: str
    status: str  # where the plan is now (draft, testing, active or ended)
    rules: tuple[RuleSpec, ...]
    since_days: int = 0  # how long ago it reached that status
    review_in_days: int = 0  # immediate agreements: negative when the date has passed
    safety_object: str = ""
    safety_object_meaning: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class PageSpec:
    text: str
    drawing: str  # what the generated drawing shows: house, cloud, sun, people, heart
    alt: str


@dataclass(frozen=True)
class StorySpec:
    kind: str
    title: str
    written_with: str
    pages: tuple[PageSpec, ...]


# -- one family ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AfterClosureSpec:
    """What the network's chair (a family login) does after the closure: check-ins on the
    rules of the running plan (by their text's start) and a network meeting, today."""

    chair_login: str
    check_ins: tuple[tuple[str, str, str], ...]  # (the rule's first words, outcome, note)
    meeting_attendees: tuple[str, ...] = ()
    meeting_notes: str = ""


@dataclass(frozen=True)
class ClosureSpec:
    """The closure checklist as the consultant worked through it before closing: every point
    done (goals met), the network's next meeting in so many days, how the child was told."""

    next_meeting_in_days: int
    child_told_note: str


@dataclass(frozen=True)
class FamilySpec:
    label: str
    service: str  # OCJ or SDJ
    framework: str
    reason: str
    goal: str
    registered_days_ago: int
    children: tuple[ChildSpec, ...]
    adults: tuple[AdultSpec, ...]
    youth_judge_reference: str = ""
    stages: tuple[tuple[str, str], ...] = ()  # (to stage, reason); closing comes last
    follow_up: FollowUpCheck | None = None
    grant_hulpverlener: bool = False
    logins: tuple[FamilyLogin, ...] = ()
    journal: tuple[JournalSpec, ...] = ()
    tasks: tuple[TaskSpec, ...] = ()
    what: WhatSpec | None = None
    network: NetworkSpec | None = None
    plans: tuple[PlanSpec, ...] = ()  # written by the worker, or by the consultant without one
    story: StorySpec | None = None
    closure: ClosureSpec | None = None  # the checklist before the AFGESLOTEN stage
    after_closure: AfterClosureSpec | None = None

"""The HOW of the demo families: their safety network, immediate agreements and safety plans
with their check-ins.

Written through the application's services, by the worker when the family has one (the charter:
the worker, family and network work out the HOW) and confirmed by the consultant. Dates are set
back afterwards so the plans look lived in: a review date that passed, a rule checked weeks ago.
`who`, `checked_by` and `told_by` are first names of persons of the trajectory; a goal is named
by (danger statement, goal) in the order of the family's WHAT.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from samenopweg.assessments.models import DangerStatement
from samenopweg.cases.models import Trajectory
from samenopweg.core.models import Audience
from samenopweg.people import services as people_services
from samenopweg.people.models import (
    Gender,
    NetworkKind,
    NetworkMember,
    Person,
    RelationKind,
    SupportRole,
    Tie,
)
from samenopweg.safety_plans import services
from samenopweg.safety_plans.models import (
    CheckOutcome,
    PlanKind,
    PlanStatus,
    RuleCheckIn,
    SafetyPlan,
    Story,
    StoryKind,
)


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


HOW: dict[str, tuple[PlanSpec, ...]] = {
    "Verstraete": (
        PlanSpec(
            PlanKind.IMMEDIATE,
            PlanStatus.ACTIVE,
            since_days=9,
            review_in_days=-2,
            rules=(
                RuleSpec(
                    "Oma Maria komt op maandag, woensdag en vrijdag om 7 uur en helpt Emma "
                    "klaarmaken voor school.",
                    ("Maria",),
                    "maandag, woensdag en vrijdag om 7 uur",
                    "Oma Maria stuurt de hulpverlener een berichtje als Emma op de bus zit.",
                    "Als oma Maria ziek is, belt Evelien Tom, en Tom brengt Emma naar school.",
                    checked_by="Maria",
                    goals=((0, 0),),
                    every_days=3,
                    check_ins=(
                        CheckInSpec(8, CheckOutcome.WENT_WELL, "Emma was op tijd.", "Maria"),
                        CheckInSpec(5, CheckOutcome.WENT_WELL, "", "Maria"),
                    ),
                ),
            ),
        ),
    ),
    "Aerts": (
        PlanSpec(
            PlanKind.IMMEDIATE,
            PlanStatus.ENDED,
            since_days=40,
            review_in_days=-45,
            rules=(
                RuleSpec(
                    "Dirk slaapt bij zijn broer zolang er geen plan is. Tante Greet slaapt "
                    "thuis bij Katrien en de kinderen.",
                    ("Dirk", "Greet"),
                    "elke nacht, tot het veiligheidsplan klaar is",
                    "Katrien belt de hulpverlener elke ochtend even.",
                    "Als Dirk toch thuiskomt, belt Katrien tante Greet en de politie.",
                ),
            ),
        ),
        PlanSpec(
            PlanKind.LASTING,
            PlanStatus.ACTIVE,
            since_days=30,
            safety_object="Het gele armbandje van Jonas",
            safety_object_meaning=(
                "Als Jonas zijn gele armbandje aan tante Greet geeft, is het thuis niet goed. "
                "Tante Greet komt dan meteen en neemt de kinderen mee."
            ),
            confirmed=True,
            rules=(
                RuleSpec(
                    "Dirk drinkt niet thuis. Hij gaat elke dinsdag naar de groep van het CAD.",
                    ("Dirk",),
                    "elke dag; de groep op dinsdag",
                    "De begeleider van het CAD laat het de hulpverlener weten als Dirk niet kwam.",
                    "Als Dirk toch gedronken heeft, slaapt hij bij zijn broer en belt Katrien "
                    "tante Greet.",
                    checked_by="Katrien",
                    goals=((0, 0),),
                    check_ins=(
                        CheckInSpec(27, CheckOutcome.WENT_WELL, "Dirk was op de groep.", "Dirk"),
                        CheckInSpec(20, CheckOutcome.WENT_WELL, "", "Katrien"),
                        CheckInSpec(
                            6,
                            CheckOutcome.DID_NOT,
                            "Zaterdag had Dirk gedronken. Katrien belde tante Greet; de kinderen "
                            "sliepen daar.",
                            "Katrien",
                        ),
                    ),
                ),
                RuleSpec(
                    "Tante Greet komt elke avond om 19 uur even langs.",
                    ("Greet",),
                    "elke avond om 19 uur",
                    "Tante Greet stuurt de hulpverlener elke zondag hoe de week was.",
                    "Als tante Greet niet kan, komt de buurvrouw Linda.",
                    checked_by="Greet",
                    goals=((0, 0),),
                    check_ins=(
                        CheckInSpec(3, CheckOutcome.WENT_WELL, "Elke avond geweest.", "Greet"),
                    ),
                ),
                RuleSpec(
                    "Als de spanning stijgt, brengt Katrien de kinderen naar boven of naar tante "
                    "Greet. Jonas hoeft nooit meer tussen te komen.",
                    ("Katrien",),
                    "altijd als er spanning is",
                    "Jonas vertelt het aan tante Greet; Katrien vertelt het aan de hulpverlener.",
                    "Jonas geeft zijn gele armbandje aan tante Greet, en zij komt meteen.",
                    checked_by="Greet",
                    goals=((1, 0),),
                    every_days=14,
                    check_ins=(
                        CheckInSpec(
                            25,
                            CheckOutcome.REMARK,
                            "Jonas weet waar het armbandje ligt en wie hij belt.",
                            "Jonas",
                        ),
                    ),
                ),
            ),
        ),
    ),
    "El Amrani": (
        PlanSpec(
            PlanKind.IMMEDIATE,
            PlanStatus.ACTIVE,
            since_days=2,
            review_in_days=4,
            rules=(
                RuleSpec(
                    "Yasmine slaapt deze week bij oma Fatima. Nadia belt haar elke avond.",
                    ("Fatima", "Nadia"),
                    "elke avond om 20 uur",
                    "Oma Fatima laat het de hulpverlener weten als Yasmine niet bij haar is.",
                    "Als oma Fatima niet opneemt, belt Nadia de hulpverlener.",
                    checked_by="Fatima",
                    goals=((0, 0),),
                    every_days=1,
                ),
            ),
        ),
        PlanSpec(
            PlanKind.LASTING,
            PlanStatus.TESTING,
            since_days=10,
            rules=(
                RuleSpec(
                    "Bij een ruzie gaat Yasmine naar oma Fatima en stuurt ze Nadia een berichtje.",
                    ("Yasmine", "Fatima"),
                    "bij elke ruzie",
                    "De dag erna praten Nadia en Yasmine samen met oma Fatima.",
                    "Als Yasmine niet bij oma Fatima is, belt Nadia de hulpverlener.",
                    checked_by="Nadia",
                    goals=((0, 0),),
                    check_ins=(
                        CheckInSpec(
                            8,
                            CheckOutcome.WENT_WELL,
                            "Na de ruzie van vrijdag ging Yasmine naar oma.",
                            "Nadia",
                        ),
                    ),
                ),
            ),
        ),
    ),
    "Desmet": (
        PlanSpec(
            PlanKind.LASTING,
            PlanStatus.ACTIVE,
            since_days=200,
            confirmed=True,
            rules=(
                RuleSpec(
                    "De console gaat om 23 uur uit. Bart brengt Ruben 's morgens naar de bus.",
                    ("Bart",),
                    "elke schooldag",
                    "De school laat het Bart weten als Ruben er niet is.",
                    "Als Bart vroeg moet werken, brengt Ann Ruben naar de bus.",
                    checked_by="Ann",
                    goals=((0, 0),),
                    every_days=28,
                    check_ins=(
                        CheckInSpec(60, CheckOutcome.WENT_WELL, "Geen afwezigheden.", "Bart"),
                    ),
                ),
                RuleSpec(
                    "Tante Christine haalt Ruben elke woensdag op en ze praten over zijn mama.",
                    ("Christine",),
                    "elke woensdag",
                    "Christine vertelt Bart hoe het ging.",
                    "Als Christine niet kan, belt Ruben haar die avond.",
                    checked_by="Bart",
                    goals=((0, 0),),
                    every_days=28,
                    check_ins=(CheckInSpec(50, CheckOutcome.WENT_WELL, "", "Christine"),),
                ),
            ),
        ),
    ),
    "Goossens": (
        PlanSpec(
            PlanKind.IMMEDIATE,
            PlanStatus.ACTIVE,
            since_days=3,
            review_in_days=3,
            rules=(
                RuleSpec(
                    "Finn en Julie blijven bij oma Rita wonen. Jessica en Steven komen elke dag "
                    "op bezoek, en alleen nuchter.",
                    ("Rita", "Jessica", "Steven"),
                    "elke dag",
                    "Oma Rita vertelt de consulent elke twee dagen hoe de bezoeken gingen.",
                    "Als Jessica of Steven niet nuchter is, vraagt oma Rita hen te vertrekken en "
                    "belt ze de consulent.",
                    checked_by="Rita",
                    goals=((0, 0),),
                    every_days=2,
                    check_ins=(
                        CheckInSpec(1, CheckOutcome.WENT_WELL, "Twee goede bezoeken.", "Rita"),
                    ),
                ),
            ),
        ),
    ),
}


def has_how(trajectory: Trajectory) -> bool:
    return SafetyPlan.objects.filter(trajectory=trajectory).exists()


def load_how(trajectory: Trajectory, label: str, *, owner: Any, worker: Any | None) -> int:
    """Write the family's plans; returns how many. Call it before the trajectory is closed."""
    specs = HOW.get(label, ())
    if not specs or has_how(trajectory):
        return 0
    writer = worker or owner
    now = timezone.now()
    today = timezone.localdate()
    persons = {p.first_name: p for p in trajectory.persons.all()}
    goals = [
        list(statement.goals.filter(withdrawn_at__isnull=True).order_by("position", "id"))
        for statement in DangerStatement.objects.filter(
            trajectory=trajectory, withdrawn_at__isnull=True
        ).order_by("position", "id")
    ]
    for spec in specs:
        immediate = spec.kind == PlanKind.IMMEDIATE
        plan = services.create_plan(
            trajectory=trajectory,
            kind=spec.kind,
            review_on=today + datetime.timedelta(days=3) if immediate else None,
            safety_object=spec.safety_object,
            safety_object_meaning=spec.safety_object_meaning,
            audience=Audience.NETWORK,
            actor=writer,
        )
        rules = []
        for wanted in spec.rules:
            rules.append(
                services.add_rule(
                    plan=plan,
                    what=wanted.what,
                    who=[persons[name] for name in wanted.who],
                    when=wanted.when,
                    check_how=wanted.check_how,
                    checked_by=persons[wanted.checked_by] if wanted.checked_by else None,
                    check_every_days=wanted.every_days,
                    fallback=wanted.fallback,
                    goals=[
                        goals[s][g] for s, g in wanted.goals if s < len(goals) and g < len(goals[s])
                    ],
                    audience=wanted.audience,
                    actor=writer,
                )
            )
        path: tuple[str, ...] = {
            PlanStatus.DRAFT: (),
            PlanStatus.TESTING: (PlanStatus.TESTING,),
            PlanStatus.ACTIVE: (PlanStatus.TESTING, PlanStatus.ACTIVE),
            PlanStatus.ENDED: (PlanStatus.ACTIVE, PlanStatus.ENDED),
        }[PlanStatus(spec.status)]
        for status in path:
            plan.refresh_from_db()
            services.change_plan_status(
                plan=plan, to_status=status, expected_version=plan.version, actor=writer
            )
        if spec.confirmed:
            plan.refresh_from_db()
            services.confirm_plan(plan=plan, seen=plan.content_changed_at, actor=owner)
        for rule_spec, rule in zip(spec.rules, rules, strict=True):
            for check in rule_spec.check_ins:
                made = services.add_check_in(
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
            services.refresh_follow_up(rule)
    return len(specs)


# --- the safety network of the demo families --------------------------------------------------


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
class NetworkSpec:
    members: tuple[MemberSpec, ...]
    supports: tuple[SupportSpec, ...] = ()
    bans: tuple[tuple[str, str, str], ...] = ()  # (first name, last name of a new person, reason)
    meetings: tuple[tuple[int, tuple[str, ...], str], ...] = ()  # (days ago, who, notes)


NETWORK: dict[str, NetworkSpec] = {
    "Maes": NetworkSpec(
        members=(
            MemberSpec(
                "Monique",
                "oma, mama van Sarah",
                tie=Tie.STRONG,
                commitment="Neemt de kinderen op als het thuis te spannend wordt.",
                heard_days_ago=10,
                chair=True,
                phone="0478 12 34 56",
            ),
            MemberSpec(
                "Leen",
                "de buurvrouw",
                last_name="Peeters",
                commitment="Belt Sarah als ze ruzie hoort.",
            ),
        ),
        supports=(
            SupportSpec("Lucas", "Monique", confirmed_days_ago=8),
            SupportSpec("Noor", "Monique", confirmed_days_ago=8),
            SupportSpec("Noor", "Leen", SupportRole.TRUSTED_PERSON),
        ),
    ),
    "Verstraete": NetworkSpec(
        members=(
            MemberSpec(
                "Maria",
                "oma",
                tie=Tie.STRONG,
                commitment="Helpt Emma 's morgens op maandag, woensdag en vrijdag.",
                heard_days_ago=14,
                chair=True,
            ),
            MemberSpec(
                "Tom",
                "papa van Emma",
                tie=Tie.WEAK,
                commitment="Brengt Emma naar school als oma ziek is.",
            ),
            MemberSpec(
                "Sofie",
                "zorgcoördinator van de school",
                kind=NetworkKind.PROFESSIONAL,
                last_name="Wouters",
                relation=RelationKind.PROFESSIONAL,
                organisation="Basisschool De Regenboog",
                commitment="Laat het weten als Emma afwezig is.",
                heard_days_ago=20,
            ),
        ),
        supports=(
            SupportSpec("Emma", "Maria", confirmed_days_ago=12),
            SupportSpec("Emma", "Sofie", SupportRole.TRUSTED_PERSON, confirmed_days_ago=12),
        ),
        meetings=((12, ("Evelien", "Maria", "Sofie"), "We spraken af wie Emma 's morgens helpt."),),
    ),
    "Aerts": NetworkSpec(
        members=(
            MemberSpec(
                "Greet",
                "tante, zus van Katrien",
                tie=Tie.STRONG,
                commitment="Komt elke avond om 19 uur langs en neemt de kinderen mee als het niet gaat.",
                heard_days_ago=35,
                chair=True,
                phone="0471 22 33 44",
            ),
            MemberSpec(
                "Linda",
                "de buurvrouw",
                last_name="Janssens",
                commitment="Springt in als tante Greet niet kan.",
                heard_days_ago=30,
            ),
            MemberSpec(
                "Koen",
                "trainer van Jonas bij de voetbal",
                last_name="Mertens",
                relation=RelationKind.COACH,
                gender=Gender.MALE,
                tie=Tie.NORMAL,
                commitment="Let op hoe het met Jonas gaat op de training.",
            ),
            MemberSpec(
                "Dirk",
                "papa",
                tie=Tie.STRESSFUL,
                commitment="Drinkt niet thuis en gaat elke dinsdag naar de groep van het CAD.",
                heard_days_ago=35,
            ),
        ),
        supports=(
            SupportSpec("Jonas", "Greet", confirmed_days_ago=30),
            SupportSpec("Lena", "Greet", confirmed_days_ago=30),
            SupportSpec("Mila", "Greet", confirmed_days_ago=30),
            SupportSpec("Jonas", "Koen", SupportRole.TRUSTED_PERSON),
            SupportSpec("Lena", "Linda"),
        ),
        bans=(
            (
                "Patrick",
                "Aerts",
                "Oom Patrick dronk samen met Dirk en werd toen agressief tegen Jonas. Hij komt niet meer in huis.",
            ),
        ),
        meetings=(
            (
                35,
                ("Katrien", "Dirk", "Greet", "Linda"),
                "De gevaarsboodschap en de doelen overlopen. Tante Greet wordt voorzitter van het netwerk.",
            ),
            (
                7,
                ("Katrien", "Greet", "Linda"),
                "Wat deden we na de moeilijke zaterdag? Het plan werkte: de kinderen sliepen bij tante Greet.",
            ),
        ),
    ),
    "El Amrani": NetworkSpec(
        members=(
            MemberSpec(
                "Fatima",
                "oma",
                tie=Tie.STRONG,
                commitment="Yasmine mag altijd bij haar slapen als er ruzie is.",
                heard_days_ago=15,
                chair=True,
            ),
            MemberSpec("Karim", "papa van Adam", tie=Tie.WEAK, commitment="Belt Adam elke zondag."),
        ),
        supports=(
            SupportSpec("Yasmine", "Fatima", confirmed_days_ago=10),
            SupportSpec("Adam", "Karim"),
        ),
    ),
    "Goossens": NetworkSpec(
        members=(
            MemberSpec(
                "Rita",
                "oma, bij wie Finn en Julie wonen",
                tie=Tie.STRONG,
                commitment="Zorgt dat er elke dag een nuchtere volwassene is.",
                heard_days_ago=3,
                chair=True,
            ),
        ),
        supports=(
            SupportSpec("Finn", "Rita", confirmed_days_ago=3),
            SupportSpec("Julie", "Rita", confirmed_days_ago=3),
        ),
    ),
}


def load_network(trajectory: Trajectory, label: str, *, actor: Any) -> int:
    """Write the family's safety network; returns how many members. Idempotent per trajectory."""
    spec = NETWORK.get(label)
    if spec is None or NetworkMember.objects.filter(trajectory=trajectory).exists():
        return 0
    today = timezone.localdate()
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

    persons = {p.first_name: p for p in trajectory.persons.all()}
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
            heard_what_on=None
            if member.heard_days_ago is None
            else today - datetime.timedelta(days=member.heard_days_ago),
            is_chair=member.chair,
            audience=Audience.NETWORK,
        )
    for support in spec.supports:
        people_services.add_child_support(
            trajectory=trajectory,
            child=persons[support.child],
            adult=persons[support.adult],
            role=support.role,
            confirmed_on=None
            if support.confirmed_days_ago is None
            else today - datetime.timedelta(days=support.confirmed_days_ago),
            audience=Audience.NETWORK,
            actor=actor,
        )
    for first, last, reason in spec.bans:
        banned = new_person(first, last, Gender.MALE, RelationKind.OTHER_FAMILY)
        people_services.ban_contact(
            trajectory=trajectory, person=banned, child=None, reason=reason, actor=actor
        )
    for days_ago, who, notes in spec.meetings:
        people_services.add_network_meeting(
            trajectory=trajectory,
            held_on=today - datetime.timedelta(days=days_ago),
            attendees=[persons[name] for name in who],
            other_attendees="",
            notes=notes,
            audience=Audience.NETWORK,
            actor=actor,
        )
    return len(spec.members)


# --- Words and Pictures of the demo families --------------------------------------------------


@dataclass(frozen=True)
class PageSpec:
    text: str
    drawing: str  # what the generated drawing shows: house, sun, people, heart
    alt: str


STORIES: dict[str, tuple[str, str, str, tuple[PageSpec, ...]]] = {
    # label: (kind, title, written with, pages)
    "Aerts": (
        StoryKind.WHY,
        "Waarom Ellen van het OCJ bij ons langskomt",
        "mama Katrien en papa Dirk",
        (
            PageSpec(
                "Dit zijn Jonas, Lena en Mila. Ze wonen met mama en papa in een huis met een tuin.",
                "house",
                "Een huis met een tuin en drie kinderen",
            ),
            PageSpec(
                "Soms dronk papa te veel. Dan werd hij boos en riep hij. Jonas moest dan tussenkomen. "
                "Dat was niet goed voor Jonas.",
                "cloud",
                "Een huis met een grijze wolk erboven",
            ),
            PageSpec(
                "Ellen van het OCJ helpt mama, papa en tante Greet om een plan te maken. Zo is het "
                "thuis veilig.",
                "people",
                "Mama, papa, tante Greet en Ellen rond een tafel",
            ),
            PageSpec(
                "Als het thuis niet goed gaat, geeft Jonas zijn gele armbandje aan tante Greet. Dan "
                "komt zij meteen.",
                "heart",
                "Een geel armbandje en een hart",
            ),
        ),
    ),
    "Desmet": (
        StoryKind.PLAN,
        "Het plan van Ruben",
        "papa Bart, Ann en tante Christine",
        (
            PageSpec(
                "Ruben gaat elke dag naar school. Papa brengt hem naar de bus.",
                "sun",
                "Een bus in de zon",
            ),
            PageSpec(
                "Op woensdag gaat Ruben bij tante Christine. Ze praten over zijn mama.",
                "heart",
                "Ruben en tante Christine met een hart",
            ),
        ),
    ),
}

COLOURS = {
    "house": (226, 112, 85),
    "cloud": (120, 130, 150),
    "people": (80, 150, 110),
    "heart": (220, 60, 90),
    "sun": (250, 190, 40),
}


def drawing(kind: str) -> bytes:
    """A simple child-like drawing made with Pillow, for demo data only."""
    import io

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


def load_story(trajectory: Trajectory, label: str, *, actor: Any) -> int:
    """The family's Words and Pictures story, with a kept version. Idempotent per trajectory."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    spec = STORIES.get(label)
    if spec is None or Story.objects.filter(trajectory=trajectory).exists():
        return 0
    kind, title, written_with, pages = spec
    story = services.create_story(
        trajectory=trajectory,
        kind=kind,
        title=title,
        written_with=written_with,
        audience=Audience.CHILD,
        actor=actor,
    )
    for number, page in enumerate(pages, start=1):
        services.add_story_page(
            story=story,
            text=page.text,
            uploaded=SimpleUploadedFile(f"tekening-{number}.png", drawing(page.drawing)),
            picture_alt=page.alt,
            actor=actor,
        )
    services.keep_story_version(story=story, actor=actor)
    return 1

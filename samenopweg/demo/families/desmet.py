"""Desmet (OCJ, afgesloten): closed; the network carries the safety plan.

The WHAT was written while the trajectory was open, shared, then closed; the running plan and
the story stay, only to be read by the professionals. Tante Christine chairs the network and
has her own login, `netwerk2`: after the closure she keeps saying how the rules go and records
the network's meetings (issue 15, part 5).
"""

from __future__ import annotations

# ruff: noqa: F405  (the names come from the vocabulary below)
from samenopweg.demo.specs import *  # noqa: F403  (the vocabulary of a family spec)

WHAT = WhatSpec(
    sessions=(
        SessionSpec(300, ("Bart", "Ann", "Ruben")),
        SessionSpec(
            250,
            ("Bart", "Ann", "Christine", "Ruben"),
            other_participants="CLB-medewerker",
        ),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Ruben gaat sinds de dood van zijn mama bijna niet meer naar school. Hij zei dat hij "
            "niet meer weet waarom hij nog zou opstaan.",
            session=1,
        ),
        MapLine(
            MapCategory.HARM,
            "Bart",
            "Ruben gamet 's nachts en slaapt overdag. Hij praat bijna niet meer met ons.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Ruben wordt nog somberder en verliest zijn schooljaar.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Ruben doet zichzelf iets aan zonder dat iemand het ziet aankomen.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            SCHOOL_VIEW,
            "Ruben haakt helemaal af op school en verliest zijn vrienden.",
            session=1,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Ann",
            "Bart heeft zelf ook veel verdriet en werkt lange dagen. Ik weet niet goed wat mijn "
            "plaats is bij Ruben.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Ruben",
            "Niemand praat over mama.",
            CHILD,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Ruben",
            "Tante Christine. Met haar kan ik over mama praten.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            CONSULENT_VIEW,
            "Bart en Ann maken zich zorgen en willen alles doen om Ruben te helpen.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Christine",
            "Ik haal Ruben op woensdag op en we gaan samen naar het graf van zijn mama.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Bart",
            "In de kerstvakantie zijn we samen met Christine naar zee geweest. Ruben was toen "
            "elke dag vroeg op.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Ruben gaat weer naar school, er zijn volwassenen met wie hij over zijn mama kan "
            "praten, en papa en Ann merken wanneer het minder goed gaat en zoeken dan hulp.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            SCHOOL_VIEW,
            "De school maakt een aangepast lessenrooster; de CLB-medewerker ziet Ruben elke week.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Samen met Bart een afspraak maken bij de huisarts over Rubens somberheid.",
            ONLY_PROFESSIONALS,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ, de CLB-medewerker en tante Christine",
            behaviour="Ruben sinds de dood van zijn mama alleen blijft met zijn verdriet, en "
            "papa Bart en Ann niet weten hoe ze hem kunnen bereiken",
            impact="Ruben veel school gemist heeft, zijn vrienden bijna niet meer ziet en zegt "
            "dat hij niet meer weet waarom hij nog zou opstaan",
            fear="Ruben nog somberder wordt, zijn schooljaar verliest en op een dag zichzelf "
            "iets aandoet zonder dat iemand het ziet aankomen",
            children=("Ruben",),
            goals=(
                GoalSpec(
                    "Bart en Ann zorgen voor een vast dagritme: de console gaat om 23 uur uit en "
                    "Bart brengt Ruben 's morgens naar de bus. Tante Christine haalt Ruben elke "
                    "woensdag op. Bart belt de huisarts of het CLB als Ruben weer somber wordt.",
                    "Ruben merkt dat er volwassenen zijn met wie hij over zijn mama kan praten, en "
                    "dat papa en Ann zien hoe het met hem gaat.",
                    "De school ziet Ruben elke dag; de CLB-medewerker spreekt hem elke week.",
                    "Drie maanden na elkaar",
                    CHILD,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.PROPOSAL,
                    "Ruben",
                    "Ruben stelt voor om te schrijven 'Ruben bleef thuis omdat hij te moe en te "
                    "verdrietig was' in plaats van 'hij gaat bijna niet naar school'.",
                    CHILD,
                ),
                CommentSpec(
                    CommentKind.COMMENT,
                    "Ann",
                    "Plusmama Ann vraagt om erbij te zetten dat ook Bart nog veel verdriet heeft "
                    "en dat ze dat samen willen aanpakken.",
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Als Ruben zegt dat hij niet meer wil leven of zichzelf iets wil aandoen, bellen Bart "
            "of Ann dezelfde dag de huisarts of de Zelfmoordlijn (1813), en blijft er iemand bij "
            "Ruben.",
            "Ruben zei tegen de CLB-medewerker dat hij niet meer weet waarom hij nog zou opstaan. "
            "Dat nemen we altijd ernstig.",
            CHILD,
        ),
    ),
    rounds=(
        RoundSpec(
            300,
            (
                Score(
                    "Bart",
                    3,
                    "Ruben zit alleen op zijn kamer en gaat niet naar school.",
                    "Als hij één dag per week naar school gaat.",
                ),
                Score(
                    "Ruben",
                    2,
                    "Ik zie het nut er niet van.",
                    "Weet ik niet.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    2,
                    "Ruben is somber, gaat niet naar school en er is nog niemand met wie hij "
                    "praat.",
                    "Als Ruben met één volwassene over zijn mama kan praten.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            200,
            (
                Score(
                    "Bart",
                    5,
                    "Hij gaat weer drie dagen per week en praat met Christine.",
                    "Als hij 's nachts niet meer gamet.",
                ),
                Score(
                    "Ruben",
                    5,
                    "De woensdagen met tante Christine helpen.",
                    "Als ik in de klas niet meer achterloop.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Er is een netwerk rond Ruben, maar hij mist nog veel school.",
                    "Als het aangepaste lessenrooster een maand volgehouden wordt.",
                ),
            ),
        ),
        RoundSpec(
            100,
            (
                Score(
                    "Bart",
                    7,
                    "Ruben gaat elke dag naar school en eet weer mee aan tafel.",
                    "Als hij weer met zijn vrienden afspreekt.",
                ),
                Score(
                    "Ann",
                    7,
                    "Ruben lacht weer af en toe en vertelt over school.",
                    "Als Bart en ik samen weten wat we doen als het minder gaat.",
                ),
                Score(
                    "Ruben",
                    7,
                    "Het gaat beter. Ik voetbal weer.",
                    "Als ik mijn examens haal.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    6,
                    "Ruben gaat elke dag naar school en praat wekelijks met Christine en het CLB.",
                    "Als dat drie maanden zo blijft.",
                ),
            ),
        ),
        RoundSpec(
            1,
            (
                Score(
                    "Ruben",
                    8,
                    "Ik ga terug naar school en ik heb mensen om mee te praten.",
                    "Als ik mama minder mis, maar dat gaat niet snel.",
                    audience=CHILD,
                ),
                Score(
                    "Bart",
                    8,
                    "Al drie maanden gaat het goed, en we weten wie we kunnen bellen.",
                    "Als we dat ook na de zomer nog kunnen zeggen.",
                ),
                Score(
                    CONSULENT_VIEW,
                    8,
                    "Het is veilig genoeg: het netwerk draagt het veiligheidsplan zelf.",
                    "Als het netwerk het plan na de examens samen nog eens overloopt.",
                ),
            ),
        ),
    ),
)

PLANS: tuple[PlanSpec, ...] = (
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
                check_ins=(CheckInSpec(60, CheckOutcome.WENT_WELL, "Geen afwezigheden.", "Bart"),),
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
)

SAFETY_NETWORK = NetworkSpec(
    members=(
        MemberSpec(
            "Christine",
            "tante van Ruben, zus van zijn mama",
            tie=Tie.STRONG,
            commitment="Haalt Ruben elke woensdag op en praat met hem over zijn mama.",
            heard_days_ago=150,
            chair=True,
            phone="0476 55 21 08",
        ),
    ),
    supports=(SupportSpec("Ruben", "Christine", confirmed_days_ago=20),),
    meetings=(
        MeetingSpec(
            40,
            ("Bart", "Ann", "Christine", "Ruben"),
            "We overliepen het plan. Ruben gaat elke dag naar school. Na de examens komen we "
            "opnieuw samen, bij Christine.",
        ),
    ),
)

AFTER_CLOSURE = AfterClosureSpec(
    chair_login="netwerk2",
    check_ins=(
        ("Tante Christine haalt Ruben", CheckOutcome.WENT_WELL, "We gingen samen naar zee."),
        ("De console gaat om 23 uur uit", CheckOutcome.WENT_WELL, ""),
    ),
    meeting_attendees=("Bart", "Ann", "Christine", "Ruben"),
    meeting_notes="Eerste overleg zonder de hulpverlening. Alles loopt. Volgende keer na de "
    "examens, bij Christine.",
)

STORY = StorySpec(
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
)

FAMILY = FamilySpec(
    label="Desmet",
    service=OCJ,
    framework=Framework.VERONTRUSTING,
    registered_days_ago=320,
    reason=(
        "We maken ons zorgen omdat Ruben sinds de dood van zijn mama bijna niet meer "
        "naar school gaat, 's nachts gamet en overdag slaapt. Hij vertelde de "
        "CLB-medewerker dat hij niet meer weet waarom hij nog zou opstaan."
    ),
    goal=(
        "Het is veilig genoeg als Ruben weer naar school gaat, als er volwassenen zijn "
        "met wie hij over zijn mama kan praten, en als papa en Ann merken wanneer het "
        "minder goed gaat en dan hulp zoeken."
    ),
    children=(
        ChildSpec(
            "Ruben",
            "Desmet",
            Age(15, 90),
            Gender.MALE,
            SafetyAnswer.UNCLEAR,
            "Ruben zegt somber te zijn; hij heeft geen plannen om zichzelf iets aan te "
            "doen, maar we moeten dat opvolgen.",
            "Deze week een gesprek met Ruben, papa en Ann.",
            Urgency.WITHIN_72_HOURS,
        ),
    ),
    adults=(
        parent("Bart", "Desmet", RelationKind.FATHER, home=True),
        adult("Ann", "Vandenberghe", RelationKind.STEPMOTHER, home=True),
        adult("Christine", "Desmet", RelationKind.OTHER_FAMILY, Gender.FEMALE),
    ),
    follow_up=FollowUpCheck(
        45,
        SafetyAnswer.YES,
        "Ruben gaat al drie maanden elke dag naar school en praat wekelijks met tante "
        "Christine en de CLB-medewerker.",
        "Afsluiten; het netwerk houdt het veiligheidsplan verder.",
    ),
    stages=(
        (Stage.IN_KAART, "We brengen samen in kaart wat Ruben nodig heeft."),
        (Stage.PLAN, "We maken een plan met papa, Ann, tante Christine en de school."),
        (Stage.OPVOLGING, "Het plan loopt; we volgen samen op of het werkt."),
        (
            Stage.AFGESLOTEN,
            "Het is veilig genoeg: Ruben gaat al drie maanden elke dag naar school en "
            "praat wekelijks met tante Christine. Het netwerk houdt het "
            "veiligheidsplan zelf verder, en Bart weet dat hij het OCJ kan bellen als "
            "er nieuwe zorgen zijn.",
        ),
    ),
    journal=(
        JournalSpec(
            300,
            ContactKind.HOME_VISIT,
            "Huisbezoek. Bart en Ann maken zich veel zorgen. Ruben wil eerst niet "
            "praten, maar komt op het einde toch even bij ons zitten.",
            audience=Audience.PARENTS,
            participants=("Bart", "Ann", "Ruben"),
        ),
        JournalSpec(
            280,
            ContactKind.PHONE,
            "Telefoon met de huisarts. Hij ziet Ruben volgende week en volgt zijn somberheid op; "
            "hij belt ons als hij zich zorgen maakt over zelfdoding.",
            audience=ONLY_PROFESSIONALS,
        ),
        JournalSpec(
            150,
            ContactKind.NETWORK_MEETING,
            "Netwerkoverleg op school. Tante Christine haalt Ruben op woensdag op en "
            "ze gaan samen naar het graf van zijn mama. De school maakt een aangepast "
            "lessenrooster.",
            audience=Audience.NETWORK,
            participants=("Bart", "Ann", "Christine", "Ruben"),
            other_participants="Leerlingbegeleider en CLB-medewerker",
        ),
        JournalSpec(
            1,
            ContactKind.CONVERSATION,
            "Afsluitend gesprek. Ruben geeft een 8 op de veiligheidsschaal: 'ik ga "
            "terug naar school en ik heb mensen om mee te praten'. Iedereen weet wie "
            "hij kan bellen als er nieuwe zorgen zijn.",
            audience=Audience.CHILD,
            participants=("Bart", "Ann", "Ruben"),
        ),
    ),
    tasks=(
        TaskSpec("Aangepast lessenrooster met de school afspreken", -140, done=True),
        TaskSpec("Afsluitend gesprek met het gezin", -1, done=True),
    ),
    logins=(
        FamilyLogin(
            "netwerk2",
            CaseRole.NETWERK,
            "Christine",
            "Tante Christine is voorzitter van het netwerk; ze houdt het plan bij na de "
            "afsluiting.",
        ),
    ),
    what=WHAT,
    network=SAFETY_NETWORK,
    plans=PLANS,
    story=STORY,
    closure=ClosureSpec(
        next_meeting_in_days=28,
        child_told_note="Ann en tante Christine vertelden het Ruben thuis. Hij weet dat hij "
        "tante Christine of het OCJ kan bellen, en hij kreeg zijn eigen contactkaart.",
    ),
    after_closure=AFTER_CLOSURE,
)

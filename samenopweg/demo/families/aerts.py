"""Aerts (OCJ, plan): three children, the father drinks. The family's own demo logins are here:
`ouder` (mama Katrien), `netwerk` (aunt Greet, who chairs the network) and `jongere` (Jonas, 15).

The WHAT: two statements discussed with Katrien and Dirk, a comment and a disagreement. The
HOW: a network chaired by aunt Greet, an ended immediate agreement and a running, confirmed
plan with a rule that did not go well; a Words and Pictures story for Mila.
"""

from __future__ import annotations

# ruff: noqa: F405  (the names come from the vocabulary below)
from samenopweg.demo.specs import *  # noqa: F403  (the vocabulary of a family spec)

WHAT = WhatSpec(
    sessions=(
        SessionSpec(68, ("Katrien", "Dirk")),
        SessionSpec(40, ("Jonas",), (OWNER, HULPVERLENER)),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            "Jonas",
            "Als papa gedronken heeft en het escaleert, ga ik tussen papa en mama staan. Lena en "
            "Mila zitten dan boven te huilen.",
            session=1,
        ),
        MapLine(
            MapCategory.HARM,
            "Katrien",
            "Mila slaapt slecht en plast sinds een paar maanden weer in bed.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Als Dirk 's avonds blijft drinken, kan het op een avond zo escaleren dat Jonas, die "
            "tussenkomt, een klap krijgt.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            HULPVERLENER_VIEW,
            "Lena en Mila blijven bang als papa thuiskomt, en Mila's slaapproblemen worden erger.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Jonas blijft zich verantwoordelijk voelen voor zijn zussen en voor de sfeer thuis, "
            "en heeft geen ruimte om zelf vijftien te zijn.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Dirk",
            "Ik drink om te ontspannen na het werk. Het is moeilijk om daarmee te stoppen.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "De vorige hulp is gestopt toen Dirk niet meer naar de afspraken kwam.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Katrien",
            "Dirk en ik zeggen allebei dat het drinken een probleem is, en we willen dat de "
            "kinderen niet meer bang zijn.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Jonas",
            "Ik kan goed praten met tante Greet.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            CONSULENT_VIEW,
            "Katrien brengt de kinderen naar boven als het misloopt. Tante Greet woont in de "
            "straat en is er als Katrien belt.",
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Dirk",
            "Vorige zomer heb ik zes weken niet gedronken. Toen was het thuis rustig en gingen we "
            "met de kinderen fietsen.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Er is elke avond een nuchtere volwassene die voor Jonas, Lena en Mila zorgt, en "
            "Jonas hoeft nooit meer tussen te komen.",
        ),
        MapLine(
            MapCategory.CHANGE,
            "Dirk",
            "Ik wil terug naar een groep om te stoppen met drinken.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            HULPVERLENER_VIEW,
            "Netwerkoverleg bij tante Greet en een verhaal in woorden en beelden voor Mila.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Met Lena apart praten over wat zij nodig heeft.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ, Ines van vzw Kompas en tante Greet",
            behaviour="papa Dirk 's avonds veel drinkt en dan roept, met deuren slaat en "
            "onvoorspelbaar wordt terwijl Jonas, Lena en Mila thuis zijn",
            impact="Lena en Mila boven zitten te huilen, Mila slecht slaapt en weer in bed "
            "plast, en de kinderen 's avonds niet weten hoe papa zal thuiskomen",
            fear="het op een avond zo escaleert dat iemand gewond raakt, en dat de kinderen thuis "
            "altijd bang blijven",
            children=("Jonas", "Lena", "Mila"),
            goals=(
                GoalSpec(
                    "Dirk drinkt niet meer thuis en gaat elke week naar de CAD-groep. Tante Greet "
                    "komt elke avond om 19 uur even langs. Als Dirk toch gedronken heeft, belt "
                    "Katrien Greet en gaan de kinderen bij haar slapen.",
                    "Jonas, Lena en Mila merken dat er 's avonds altijd een nuchtere volwassene "
                    "voor hen zorgt, en weten dat ze tante Greet altijd mogen bellen.",
                    "De kinderen vertellen ons en Ines dat het 's avonds rustig is, Mila slaapt "
                    "beter, en de begeleider van het CAD bevestigt dat Dirk komt.",
                    "Minstens zes maanden",
                    NETWORK,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.DISAGREEMENT,
                    "Dirk",
                    "Papa Dirk ziet dit anders: hij zegt dat hij nooit onvoorspelbaar is tegen de "
                    "kinderen en alleen tegen Katrien roept. Hij is het wel eens dat hij te veel "
                    "drinkt en dat de kinderen dan bang zijn.",
                ),
                CommentSpec(
                    CommentKind.COMMENT,
                    "Katrien",
                    "Mama Katrien wil erbij zetten dat het sinds Dirk naar de CAD-groep gaat al "
                    "veel rustiger is thuis.",
                ),
            ),
            audience=NETWORK,
        ),
        StatementSpec(
            who_is_worried="Het OCJ en mama Katrien",
            behaviour="Jonas tussen papa en mama gaat staan en voor zijn zussen zorgt als het "
            "thuis escaleert, omdat er op dat moment geen andere volwassene is die dat doet",
            impact="Jonas slecht slaapt, zich verantwoordelijk voelt voor Lena en Mila en zelf "
            "een duw kan krijgen",
            fear="Jonas gewond raakt als hij tussenkomt, en dat hij geen gewone tiener meer kan "
            "zijn",
            children=("Jonas",),
            goals=(
                GoalSpec(
                    "Katrien en Dirk zorgen dat Jonas nooit meer moet tussenkomen: bij spanning "
                    "brengt Katrien de kinderen naar boven of naar tante Greet, en ze zeggen "
                    "Jonas dat het niet zijn taak is.",
                    "Jonas merkt dat de volwassenen het oplossen en dat hij gewoon kan slapen, "
                    "naar school gaan en voetballen.",
                    "Jonas geeft zelf een hoger cijfer en vertelt dat hij goed slaapt.",
                    "Zes maanden",
                    CHILD,
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Dirk komt niet onder invloed thuis als de kinderen er zijn. Als hij gedronken heeft, "
            "slaapt hij elders of gaan de kinderen naar tante Greet.",
            "Als Dirk gedronken heeft, loopt het thuis uit de hand en moet Jonas tussenkomen. "
            "Dit is het minste dat nodig is om de kinderen thuis te laten wonen.",
            NETWORK,
        ),
    ),
    rounds=(
        RoundSpec(
            68,
            (
                Score(
                    "Katrien",
                    3,
                    "Het gaat nog bijna elke avond mis als Dirk gedronken heeft.",
                    "Als Dirk naar een groep gaat.",
                ),
                Score(
                    "Dirk",
                    5,
                    "Ik heb de kinderen nooit pijn gedaan.",
                    "Als ik minder drink.",
                ),
                Score(
                    CONSULENT_VIEW,
                    2,
                    "Dirk drinkt elke avond, de vorige hulp is gestopt en Jonas komt tussen.",
                    "Als er een afspraak is wie de kinderen opvangt als Dirk gedronken heeft.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            40,
            (
                Score(
                    "Jonas",
                    4,
                    "Het is beter sinds papa naar die groep gaat, maar ik slaap nog niet goed.",
                    "Als ik weet dat tante Greet komt als het misloopt.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Dirk gaat naar de CAD-groep, maar er is nog geen plan voor de avonden.",
                    "Als het netwerk afspraken maakt voor de avonden.",
                ),
                Score(
                    "Jonas",
                    3,
                    "Ik let nog altijd op als papa thuiskomt.",
                    "Als mama en tante Greet het oplossen en ik boven kan blijven.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    HULPVERLENER_VIEW,
                    3,
                    "Jonas voelt zich nog verantwoordelijk voor zijn zussen.",
                    "Als Jonas merkt dat Katrien en Greet het overnemen.",
                    statement=1,
                ),
            ),
            session=1,
        ),
        RoundSpec(
            12,
            (
                Score(
                    "Katrien",
                    6,
                    "Dirk drinkt niet meer thuis en Greet komt elke avond langs.",
                    "Als we een maand zonder ruzie halen.",
                ),
                Score(
                    "Dirk",
                    7,
                    "Ik ga elke week naar de groep en ik drink niet meer thuis.",
                    "Als de kinderen merken dat het blijft duren.",
                ),
                Score(
                    "Greet",
                    6,
                    "Elke avond als ik kom, is het rustig.",
                    "Als de kinderen me ook echt bellen als er iets is.",
                    audience=NETWORK,
                ),
                Score(
                    CONSULENT_VIEW,
                    5,
                    "Er is een plan en het netwerk doet mee, maar het loopt nog maar kort.",
                    "Als het veiligheidsplan op papier staat en getest is.",
                ),
                Score(
                    "Jonas",
                    6,
                    "Ik hoef niet meer tussen te komen. Ik bel Greet als het nodig is.",
                    "Als ik weer gewoon kan slapen.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    5,
                    "Jonas vertelt dat hij niet meer tussenkomt.",
                    "Als Jonas dat drie maanden kan zeggen.",
                    statement=1,
                ),
            ),
        ),
    ),
)

SAFETY_NETWORK = NetworkSpec(
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
        BanSpec(
            "Patrick",
            "Aerts",
            "Oom Patrick dronk samen met Dirk en werd toen agressief tegen Jonas. Hij komt niet meer in huis.",
        ),
    ),
    meetings=(
        MeetingSpec(
            35,
            ("Katrien", "Dirk", "Greet", "Linda"),
            "De gevaarsboodschap en de doelen overlopen. Tante Greet wordt voorzitter van het netwerk.",
        ),
        MeetingSpec(
            7,
            ("Katrien", "Greet", "Linda"),
            "Wat deden we na de moeilijke zaterdag? Het plan werkte: de kinderen sliepen bij tante Greet.",
        ),
    ),
)

PLANS: tuple[PlanSpec, ...] = (
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
                check_ins=(CheckInSpec(3, CheckOutcome.WENT_WELL, "Elke avond geweest.", "Greet"),),
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
)

STORY = StorySpec(
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
)

FAMILY = FamilySpec(
    label="Aerts",
    service=OCJ,
    framework=Framework.MAATSCHAPPELIJKE_NOODZAAK,
    registered_days_ago=75,
    reason=(
        "We maken ons zorgen omdat Dirk veel drinkt en dan boos en onvoorspelbaar "
        "wordt. Jonas vertelde dat hij 's avonds tussen papa en mama gaat staan als het "
        "thuis escaleert, en dat Lena en Mila dan boven zitten te huilen. De hulp die "
        "jullie eerder kregen, is gestopt. Daarom is het OCJ nu betrokken."
    ),
    goal=(
        "Het is veilig genoeg als Jonas, Lena en Mila niet meer hoeven tussen te komen "
        "of bang te zijn als papa gedronken heeft, omdat er altijd een nuchtere "
        "volwassene voor hen zorgt en het netwerk weet wat het dan moet doen. Dat "
        "willen we minstens zes maanden zien."
    ),
    children=(
        ChildSpec(
            "Jonas",
            "Aerts",
            Age(15, 30),
            Gender.MALE,
            SafetyAnswer.UNCLEAR,
            "Dirk drinkt nog elke avond. Katrien is er meestal bij, maar niet altijd.",
            "Binnen drie dagen een gesprek met Katrien en Dirk samen.",
            Urgency.WITHIN_72_HOURS,
        ),
        ChildSpec(
            "Lena",
            "Aerts",
            Age(12, 100),
            Gender.FEMALE,
            SafetyAnswer.UNCLEAR,
            "Lena zegt dat ze bang is als papa boos is.",
            "Gesprek met Lena apart.",
            Urgency.WITHIN_72_HOURS,
        ),
        ChildSpec(
            "Mila",
            "Aerts",
            Age(7, 250),
            Gender.FEMALE,
            SafetyAnswer.UNCLEAR,
            "Mila slaapt slecht en plast weer in bed.",
            "Met Katrien bespreken wie Mila 's avonds opvangt.",
            Urgency.WITHIN_72_HOURS,
        ),
    ),
    adults=(
        parent(
            "Katrien",
            "Willems",
            RelationKind.MOTHER,
            home=True,
            email="ouder@demo.samenopweg.invalid",
        ),
        parent("Dirk", "Aerts", RelationKind.FATHER, home=True),
        adult("Greet", "Willems", RelationKind.OTHER_FAMILY, Gender.FEMALE),
    ),
    follow_up=FollowUpCheck(
        10,
        SafetyAnswer.YES,
        "Dirk drinkt niet meer thuis en gaat naar de CAD-groep. Tante Greet komt elke "
        "avond even langs en de kinderen weten dat ze haar mogen bellen.",
        "Het veiligheidsplan met het netwerk afwerken en testen.",
    ),
    stages=(
        (
            Stage.IN_KAART,
            "We brengen samen met jullie en tante Greet in kaart wat er gebeurd is en "
            "wat er goed gaat.",
        ),
        (
            Stage.PLAN,
            "De gevaarsboodschap en de veiligheidsdoelen zijn samen met Katrien en "
            "Dirk besproken. Nu maken we het plan met het netwerk.",
        ),
    ),
    grant_hulpverlener=True,
    logins=(
        FamilyLogin(
            "ouder",
            CaseRole.OUDER,
            "Katrien",
            "Mama van de kinderen; leest mee wat we over het gezin schrijven.",
        ),
        FamilyLogin(
            "netwerk",
            CaseRole.NETWERK,
            "Greet",
            "Tante Greet is voorzitter van het netwerk; leest wat we met het netwerk delen.",
        ),
        FamilyLogin(
            "jongere",
            CaseRole.JONGERE,
            "Jonas",
            "Jonas is 15; hij leest wat we voor hem schrijven.",
        ),
    ),
    journal=(
        JournalSpec(
            70,
            ContactKind.HOME_VISIT,
            "Eerste huisbezoek. Katrien en Dirk erkennen dat het drinken een probleem "
            "is. Dirk zegt dat hij de kinderen nooit pijn zou doen, maar begrijpt dat "
            "ze bang zijn. Sterk: Katrien brengt de kinderen naar boven als het "
            "misloopt.",
            audience=Audience.PARENTS,
            participants=("Katrien", "Dirk"),
        ),
        JournalSpec(
            40,
            ContactKind.CONVERSATION,
            "Gesprek met Jonas alleen. Hij voelt zich verantwoordelijk voor zijn "
            "zussen. Op de veiligheidsschaal geeft hij een 4: 'het is beter sinds papa "
            "naar die groep gaat, maar ik slaap nog niet goed'.",
            participants=("Jonas",),
        ),
        JournalSpec(
            12,
            ContactKind.NETWORK_MEETING,
            "Eerste netwerkoverleg bij tante Greet. Afspraken: Greet komt elke avond "
            "om 19 uur langs; als Dirk gedronken heeft, gaan de kinderen bij haar "
            "slapen; Jonas mag Greet altijd bellen. Katrien schrijft samen met Ines "
            "het verhaal in woorden en beelden voor Mila.",
            audience=Audience.NETWORK,
            participants=("Katrien", "Dirk", "Greet", "Jonas"),
            author=HULPVERLENER,
        ),
        JournalSpec(
            3,
            ContactKind.MAIL,
            "Mail van Katrien: het was een rustige week. Mila heeft het verhaal in "
            "woorden en beelden gelezen en wilde het drie keer horen.",
            audience=Audience.PARENTS,
            participants=("Katrien",),
            author=HULPVERLENER,
        ),
    ),
    tasks=(
        TaskSpec("Verhaal in woorden en beelden voor Mila", -5, HULPVERLENER, done=True),
        TaskSpec(
            "Veiligheidsplan op papier zetten met het netwerk",
            -2,
            HULPVERLENER,
            audience=Audience.NETWORK,
        ),
        TaskSpec(
            "Veiligheidsschaal opnieuw vragen aan Jonas, Lena en Mila",
            14,
        ),
    ),
    what=WHAT,
    network=SAFETY_NETWORK,
    plans=PLANS,
    story=STORY,
)

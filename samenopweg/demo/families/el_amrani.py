"""El Amrani (OCJ, opvolging): the last safety question is older than the team's 28 days.

The WHAT: shared statements, a disagreement from mama, four rounds. The HOW: oma Fatima's
network, an immediate agreement and a plan that is being tried out.
"""

from __future__ import annotations

# ruff: noqa: F405  (the names come from the vocabulary below)
from samenopweg.demo.specs import *  # noqa: F403  (the vocabulary of a family spec)

WHAT = WhatSpec(
    sessions=(
        SessionSpec(135, ("Nadia", "Yasmine")),
        SessionSpec(100, ("Nadia", "Karim", "Adam", "Fatima"), (OWNER, HULPVERLENER)),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            CONSULENT_VIEW,
            "Yasmine is de afgelopen maanden vier keer weggelopen na een ruzie. Eén keer kwam ze "
            "pas na twee nachten terug en wist niemand waar ze was.",
        ),
        MapLine(
            MapCategory.HARM,
            "Adam",
            "Als ze ruzie maken, ga ik naar mijn kamer en zet ik mijn koptelefoon op.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            "Fatima",
            "Ik ben bang dat Yasmine bij een volgende ruzie ergens slaapt waar het niet veilig is.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Yasmine komt terecht bij oudere jongens die haar onderdak geven en daar iets voor "
            "terug vragen.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            HULPVERLENER_VIEW,
            "Adam trekt zich steeds verder terug en blijft alleen met wat hij thuis meemaakt.",
            session=1,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Nadia",
            "Ik sta er alleen voor sinds Karim vertrokken is, en Yasmine luistert niet meer naar "
            "mij.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Yasmine",
            "Mama roept altijd meteen. Dan wil ik gewoon weg.",
            CHILD,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Nadia",
            "Ik hou van mijn kinderen en ik wil weten waar ze zijn.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Adam",
            "Voetbal, twee keer per week, en mijn ploeg.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Fatima",
            "Yasmine komt al jaren graag bij mij. Bij mij is het rustig en ze weet dat ze altijd "
            "mag komen.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Yasmine",
            "Na de ruzie in december ben ik naar oma gegaan in plaats van weg te lopen. Mama "
            "wist dat en de volgende dag hebben we gepraat.",
            CHILD,
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Yasmine heeft bij een ruzie een veilige plek waar iedereen van weet, Nadia weet "
            "altijd waar haar kinderen zijn, en Adam zegt dat hij zich thuis weer goed voelt.",
        ),
        MapLine(
            MapCategory.CHANGE,
            "Karim",
            "Ik wil meer voor Adam doen, ook al woon ik niet meer thuis.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            HULPVERLENER_VIEW,
            "Netwerkoverleg bij oma Fatima om het veiligheidsplan te maken.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Met de school van Adam bespreken hoe het daar met hem gaat.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ, oma Fatima en Ines van vzw Kompas",
            behaviour="Nadia en Yasmine thuis zo hevig ruzie maken dat Yasmine wegloopt en "
            "niemand weet waar ze slaapt",
            impact="Yasmine vier keer weggelopen is, één keer pas na twee nachten terugkwam, en "
            "zegt dat de ruzies haar te veel worden",
            fear="Yasmine bij een volgende ruzie ergens terechtkomt waar ze niet veilig is, bij "
            "mensen die misbruik van haar maken, zonder dat iemand weet waar ze is",
            children=("Yasmine",),
            goals=(
                GoalSpec(
                    "Bij een ruzie gaat Yasmine naar oma Fatima en stuurt ze Nadia een berichtje. "
                    "Nadia belt oma Fatima om te horen of Yasmine er is, en de dag erna praten "
                    "Nadia en Yasmine samen met oma het uit.",
                    "Yasmine weet dat ze bij een ruzie altijd naar oma mag en dat mama dan niet "
                    "boos is.",
                    "Yasmine loopt niet meer weg en Nadia weet altijd waar haar kinderen zijn.",
                    "Vier maanden",
                    CHILD,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.DISAGREEMENT,
                    "Nadia",
                    "Mama Nadia ziet dit anders: zij vindt dat vooral Yasmine de ruzies begint en "
                    "zich niet aan de regels houdt. Ze wil wel dat Yasmine naar oma gaat in "
                    "plaats van weg te lopen.",
                ),
            ),
            audience=CHILD,
        ),
        StatementSpec(
            who_is_worried="Het OCJ en papa Karim",
            behaviour="de ruzies thuis zoveel plaats innemen dat Nadia en Karim weinig tijd en "
            "aandacht overhouden voor Adam",
            impact="Adam zich steeds meer terugtrekt op zijn kamer en weinig vertelt over hoe het "
            "met hem gaat",
            fear="Adam er alleen mee blijft zitten en somber wordt zonder dat iemand het merkt",
            children=("Adam",),
            goals=(
                GoalSpec(
                    "Karim belt Adam elke zondag en neemt hem om de twee weken mee naar de "
                    "voetbal. Nadia plant elke week een moment alleen met Adam.",
                    "Adam merkt dat papa en mama tijd voor hem maken en dat hij mag vertellen hoe "
                    "het met hem gaat.",
                    "Adam zegt zelf dat hij zich thuis weer goed voelt, en de school ziet een Adam "
                    "die meedoet.",
                    "Vier maanden",
                    CHILD,
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.COMMENT,
                    "Karim",
                    "Papa Karim werkt in ploegen. Zondag bellen lukt altijd; de voetbal niet elke "
                    "keer.",
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Nadia weet elke nacht waar Yasmine en Adam slapen.",
            "Yasmine bleef één keer twee nachten weg zonder dat iemand wist waar ze was. Dat mag "
            "niet meer gebeuren.",
            CHILD,
        ),
        BottomLineSpec(
            "Als Yasmine om 22 uur niet thuis en niet bij oma Fatima is en niet antwoordt, belt "
            "Nadia de politie.",
            "Een meisje van zestien dat 's nachts niet bereikbaar is, loopt te veel risico.",
            CHILD,
        ),
    ),
    rounds=(
        RoundSpec(
            120,
            (
                Score(
                    "Yasmine",
                    5,
                    "Ik weet waar ik naartoe kan, maar thuis is het nog elke dag ruzie.",
                    "Als mama niet meteen begint te roepen.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Yasmine slaapt bij een vriendin als ze wegloopt, maar Nadia weet niet waar.",
                    "Als er één plek is waar iedereen van weet.",
                ),
            ),
        ),
        RoundSpec(
            100,
            (
                Score(
                    "Nadia",
                    5,
                    "Ze komt altijd terug, maar ik lig wakker als ze weg is.",
                    "Als ik weet dat ze bij mijn moeder is.",
                ),
                Score(
                    "Fatima",
                    6,
                    "Yasmine komt graag bij mij.",
                    "Als iedereen afspreekt dat ze bij ruzie naar mij komt.",
                    audience=NETWORK,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Oma Fatima wil een plek zijn voor Yasmine, maar er zijn nog geen afspraken.",
                    "Als het netwerk het plan heeft gemaakt.",
                ),
                Score(
                    "Adam",
                    5,
                    "Ik zit veel op mijn kamer. Voetbal is leuk.",
                    "Als papa vaker belt.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    "Karim",
                    5,
                    "Ik zie Adam te weinig.",
                    "Als ik hem elke week spreek.",
                    statement=1,
                ),
            ),
            session=1,
        ),
        RoundSpec(
            60,
            (
                Score(
                    "Nadia",
                    7,
                    "Na de laatste ruzie ging ze naar mijn moeder en stuurde ze me een berichtje.",
                    "Als we zelf de ruzie kunnen stoppen voor ze weg moet.",
                ),
                Score(
                    "Yasmine",
                    7,
                    "Ik ga naar oma en mama weet dat.",
                    "Als we minder ruzie maken.",
                    audience=CHILD,
                ),
                Score(
                    HULPVERLENER_VIEW,
                    6,
                    "Het netwerk heeft het plan gemaakt en het werkt de eerste weken.",
                    "Als het plan een paar maanden blijft werken.",
                ),
                Score(
                    "Adam",
                    6,
                    "Papa belt elke zondag.",
                    "Als er thuis minder geroepen wordt.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    5,
                    "Karim is meer betrokken; Adam komt wat meer uit zijn kamer.",
                    "Als Adam zelf zegt dat hij zich goed voelt thuis.",
                    statement=1,
                ),
            ),
        ),
        RoundSpec(
            20,
            (
                Score(
                    "Nadia",
                    8,
                    "Yasmine is al weken niet meer weggelopen. Na de ruzie van vorige week ging "
                    "ze naar mijn moeder en kwam ze de dag erna terug.",
                    "Als het zo blijft tot de zomer.",
                ),
                Score(
                    "Yasmine",
                    8,
                    "Ik weet wat ik moet doen en mama vertrouwt me meer.",
                    "Als mama en ik samen iets leuks doen.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    7,
                    "Het veiligheidsplan werkt al twee maanden, ook bij een echte ruzie.",
                    "Als het netwerk het plan zelf verder opvolgt zonder ons.",
                ),
                Score(
                    "Adam",
                    7,
                    "Het is beter thuis. Ik ga om de twee weken met papa naar de voetbal.",
                    "Als mama en Yasmine geen ruzie meer maken als ik thuis ben.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    HULPVERLENER_VIEW,
                    7,
                    "Adam vertelt meer en de school ziet hem meedoen.",
                    "Als Adam dat ook zo ziet na de zomer.",
                    statement=1,
                ),
            ),
        ),
    ),
)

SAFETY_NETWORK = NetworkSpec(
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
)

PLANS: tuple[PlanSpec, ...] = (
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
)

FAMILY = FamilySpec(
    label="El Amrani",
    service=OCJ,
    framework=Framework.VERONTRUSTING,
    registered_days_ago=150,
    reason=(
        "We maken ons zorgen omdat Yasmine de afgelopen maanden vier keer van huis is "
        "weggelopen na een ruzie, en één keer pas na twee nachten terugkwam. Nadia en "
        "Yasmine geraken thuis niet meer uit de ruzies, en Adam trekt zich steeds meer "
        "terug op zijn kamer."
    ),
    goal=(
        "Het is veilig genoeg als Yasmine bij een ruzie een plek heeft waar ze veilig "
        "naartoe kan en waar iedereen van weet, als Nadia altijd weet waar haar "
        "kinderen zijn, en als Adam zegt dat hij zich thuis weer goed voelt. Dat "
        "willen we vier maanden zien."
    ),
    children=(
        ChildSpec(
            "Yasmine",
            "El Amrani",
            Age(16, 60),
            Gender.FEMALE,
            SafetyAnswer.UNCLEAR,
            "Yasmine is nu thuis, maar we weten niet waar ze slaapt als ze wegloopt.",
            "Gesprek met Yasmine en Nadia samen.",
            Urgency.WITHIN_72_HOURS,
        ),
        ChildSpec(
            "Adam",
            "El Amrani",
            Age(13, 180),
            Gender.MALE,
            SafetyAnswer.YES,
            "Adam gaat elke dag naar school en voetbalt twee keer per week.",
            "Adam mee uitnodigen voor het volgende gesprek.",
        ),
    ),
    adults=(
        parent("Nadia", "Bouzid", RelationKind.MOTHER, home=True),
        parent("Karim", "El Amrani", RelationKind.FATHER),
        adult("Fatima", "Bouzid", RelationKind.GRANDPARENT, Gender.FEMALE),
    ),
    follow_up=FollowUpCheck(
        35,
        SafetyAnswer.YES,
        "Yasmine is al zes weken niet meer weggelopen. Na een ruzie gaat ze naar oma "
        "Fatima, zoals afgesproken, en Nadia weet dat.",
        "Het veiligheidsplan opvolgen in het netwerkoverleg.",
    ),
    stages=(
        (Stage.IN_KAART, "We brengen samen in kaart wat er thuis gebeurt."),
        (Stage.PLAN, "Iedereen kent de zorgen; we maken het plan met het netwerk."),
        (
            Stage.OPVOLGING,
            "Het veiligheidsplan staat. Het netwerk volgt de afspraken op en we "
            "bekijken samen of het werkt.",
        ),
    ),
    grant_hulpverlener=True,
    journal=(
        JournalSpec(
            120,
            ContactKind.CONVERSATION,
            "Gesprek met Yasmine in het jeugdhuis. Ze vertelt dat ze wegloopt omdat de "
            "ruzies haar te veel worden, en dat ze dan bij een vriendin slaapt. Op de "
            "veiligheidsschaal geeft ze een 5.",
            participants=("Yasmine",),
        ),
        JournalSpec(
            60,
            ContactKind.NETWORK_MEETING,
            "Netwerkoverleg bij oma Fatima. Afspraak: bij ruzie mag Yasmine naar oma "
            "gaan en stuurt ze Nadia een berichtje. Karim belt Adam elke zondag. Oma "
            "Fatima is voorzitter van het netwerk.",
            audience=Audience.NETWORK,
            participants=("Nadia", "Karim", "Fatima", "Yasmine", "Adam"),
            author=HULPVERLENER,
        ),
        JournalSpec(
            20,
            ContactKind.PHONE,
            "Nadia gebeld. Het gaat beter; één ruzie vorige week, Yasmine is toen naar "
            "oma gegaan en de volgende dag teruggekomen.",
            audience=Audience.PARENTS,
            participants=("Nadia",),
            author=HULPVERLENER,
        ),
    ),
    tasks=(
        TaskSpec("Netwerkoverleg bij oma Fatima plannen", -30, HULPVERLENER, done=True),
        TaskSpec(
            "Veiligheidsvraag opnieuw stellen aan Yasmine en Adam",
            -6,
            description="De laatste veiligheidsvraag is meer dan vier weken oud.",
        ),
        TaskSpec("Evaluatiegesprek met Nadia en Karim", 12, audience=Audience.PARENTS),
    ),
    what=WHAT,
    network=SAFETY_NETWORK,
    plans=PLANS,
)

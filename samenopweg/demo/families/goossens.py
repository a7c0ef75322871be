"""Goossens (SDJ, worrying upbringing situation: VOS), in kaart, with the youth judge.

The WHAT: a first draft; mama and the consultant see it very differently. The HOW: the children
live with oma Rita, under an immediate agreement.
"""

from __future__ import annotations

# ruff: noqa: F405  (the names come from the vocabulary below)
from samenopweg.demo.specs import *  # noqa: F403  (the vocabulary of a family spec)

WHAT = WhatSpec(
    sessions=(
        SessionSpec(28, ("Jessica", "Steven")),
        SessionSpec(9, ("Rita", "Finn", "Julie")),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Julie vertelde op school dat ze vaak zelf voor Finn zorgt als mama en papa 's "
            "morgens niet wakker worden. Ze komt moe en soms zonder ontbijt aan.",
        ),
        MapLine(
            MapCategory.HARM,
            "Julie",
            "Ik maak Finn wakker, geef hem een boterham en kleed hem aan.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Finn is vier en is 's morgens uren zonder een volwassene die wakker is. Er kan hem "
            "thuis iets overkomen.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Finn of Julie vindt drugs of medicatie in huis.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            "Rita",
            "Julie mag geen kind meer zijn en draagt een last die niet de hare is.",
            session=1,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "Jessica en Steven gebruiken allebei. Er is nog geen behandeling die loopt.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Jessica",
            "We hebben schulden en Steven heeft geen werk meer. Dat geeft veel stress.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Steven",
            "We houden van onze kinderen en we komen elke dag op bezoek bij mijn schoonmoeder.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Julie",
            "Mijn rapport is goed. Ik teken graag.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Rita",
            "Finn en Julie slapen sinds de zitting bij mij. Ik breng ze elke dag naar school.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Jessica",
            "Toen Finn een baby was, gebruikte ik niets. Toen lukte alles.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Er zorgt elke dag een nuchtere volwassene voor Finn en Julie, en Julie hoeft niet "
            "meer voor haar broertje te zorgen.",
        ),
        MapLine(
            MapCategory.CHANGE,
            "Finn",
            "Dat mama en papa altijd wakker zijn.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Gesprek met Jessica, Steven en hun begeleider van het CAD.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Verslag voor de jeugdrechter voorbereiden.",
            ONLY_PROFESSIONALS,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="De jeugdrechter, de consulent van de SDJ en de school van Julie",
            behaviour="mama Jessica en papa Steven drugs gebruiken en 's morgens niet wakker "
            "worden, zodat er niemand voor Finn en Julie zorgt",
            impact="Julie vaak zelf Finn eten gaf en aankleedde, en Finn als vierjarige uren "
            "zonder toezicht was",
            fear="Finn iets overkomt als er niemand wakker is, en dat Finn en Julie opgroeien "
            "zonder volwassene op wie ze kunnen rekenen",
            children=("Finn", "Julie"),
            goals=(
                GoalSpec(
                    "Jessica en Steven volgen hun behandeling bij het CAD en komen alleen nuchter "
                    "op bezoek. Oma Rita zorgt dat er elke dag een nuchtere volwassene is en "
                    "belt de consulent als Jessica of Steven onder invloed komen.",
                    "Finn en Julie merken dat er 's morgens altijd een volwassene wakker is die "
                    "ontbijt maakt en hen naar school brengt.",
                    "De school ziet Finn en Julie elke dag op tijd; het CAD bevestigt dat Jessica "
                    "en Steven hun afspraken nakomen.",
                    "Zes maanden, voor we de jeugdrechter voorstellen te stoppen",
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.DISAGREEMENT,
                    "Jessica",
                    "Mama Jessica ziet dit anders: zij zegt dat ze alleen in het weekend "
                    "gebruikte en dat Julie overdrijft. Ze is het wel eens dat Finn nooit alleen "
                    "mag zijn.",
                ),
                CommentSpec(
                    CommentKind.COMMENT,
                    "Steven",
                    "Papa Steven gaat sinds twee weken naar het CAD en wil dat laten zien.",
                ),
            ),
        ),
        StatementSpec(
            who_is_worried="De consulent van de SDJ en oma Rita",
            behaviour="Jessica en Steven Julie laten zorgen voor haar broertje, omdat zij dat "
            "zelf niet doen",
            impact="Julie zich verantwoordelijk voelt voor Finn, moe op school komt en zegt dat "
            "ze 's nachts wakker ligt",
            fear="Julie geen kind meer mag zijn en er later zelf onder lijdt",
            children=("Julie",),
            goals=(
                GoalSpec(
                    "Oma Rita, Jessica en Steven nemen de zorg voor Finn op zich. Julie hoeft "
                    "niet meer voor haar broertje te zorgen en gaat op woensdag naar de "
                    "tekenles.",
                    "Julie merkt dat ze gewoon tien mag zijn: spelen, tekenen en slapen.",
                    "Julie vertelt ons dat ze goed slaapt en niet meer voor Finn hoeft te zorgen.",
                    "Zes maanden",
                    CHILD,
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Jessica en Steven zijn nooit onder invloed alleen met Finn en Julie.",
            "Dat heeft de jeugdrechter gevraagd, en het is de voorwaarde om de bezoeken te laten "
            "verdergaan.",
        ),
        BottomLineSpec(
            "Finn en Julie blijven bij oma Rita wonen tot de jeugdrechter anders beslist.",
            "Bij oma Rita is er elke dag een nuchtere volwassene. Thuis is dat nog niet zeker.",
        ),
    ),
    rounds=(
        RoundSpec(
            28,
            (
                Score(
                    "Jessica",
                    8,
                    "De kinderen zijn bij mijn moeder en er is niets aan de hand.",
                    "Als de jeugdrechter ons met rust laat.",
                ),
                Score(
                    "Steven",
                    5,
                    "We hebben fouten gemaakt, maar de kinderen zijn nu veilig bij Rita.",
                    "Als ik mijn afspraken bij het CAD volhoud.",
                ),
                Score(
                    CONSULENT_VIEW,
                    2,
                    "Jessica en Steven gebruiken nog, er loopt geen behandeling en Jessica ziet "
                    "het probleem niet.",
                    "Als Jessica en Steven elke afspraak bij het CAD nakomen.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            9,
            (
                Score(
                    "Rita",
                    5,
                    "Bij mij zijn ze veilig, maar ik weet niet hoe lang ik dit volhoud.",
                    "Als Jessica en Steven echt stoppen.",
                ),
                Score(
                    "Julie",
                    6,
                    "Bij oma is het goed. Mama en papa komen elke dag.",
                    "Als ze nooit meer slapen als ze moeten opstaan.",
                    audience=CHILD,
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Oma Rita zorgt goed, maar Jessica en Steven zijn nog maar net met hun "
                    "behandeling begonnen.",
                    "Als het CAD bevestigt dat ze hun afspraken nakomen.",
                ),
                Score(
                    "Julie",
                    5,
                    "Ik moet niet meer voor Finn zorgen, oma doet dat.",
                    "Als ik naar de tekenles mag.",
                    statement=1,
                    audience=CHILD,
                ),
                Score(
                    "Rita",
                    6,
                    "Julie speelt weer en slaapt beter.",
                    "Als Julie ook bij mama en papa gewoon kind mag zijn.",
                    statement=1,
                ),
            ),
            session=1,
        ),
        RoundSpec(
            5,
            (
                Score(
                    "Jessica",
                    9,
                    "We komen elke dag nuchter op bezoek, zoals afgesproken.",
                    "Als de kinderen weer thuis mogen komen.",
                ),
                Score(
                    "Steven",
                    6,
                    "Ik ga elke week naar het CAD.",
                    "Als Jessica ook naar haar afspraken gaat.",
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "De bezoeken verlopen goed en Steven komt naar het CAD. Over Jessica weten "
                    "we nog te weinig.",
                    "Als Jessica ons toestemming geeft om het CAD te contacteren.",
                ),
                Score(
                    "Steven",
                    6,
                    "Als Julie op bezoek is, zorgen wij voor Finn, niet zij.",
                    "Als Julie dat zelf ook zo vertelt.",
                    statement=1,
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Julie hoeft bij oma niet meer voor Finn te zorgen.",
                    "Als Julie dat ook zegt over de bezoeken van mama en papa.",
                    statement=1,
                ),
            ),
        ),
    ),
)

SAFETY_NETWORK = NetworkSpec(
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
)

PLANS: tuple[PlanSpec, ...] = (
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
                check_ins=(CheckInSpec(1, CheckOutcome.WENT_WELL, "Twee goede bezoeken.", "Rita"),),
            ),
        ),
    ),
)

FAMILY = FamilySpec(
    label="Goossens",
    service=SDJ,
    framework=Framework.VOS,
    youth_judge_reference="AN.23.J4.1234",
    registered_days_ago=30,
    reason=(
        "De jeugdrechter heeft ons gevraagd om mee te kijken omdat er zorgen zijn over "
        "het druggebruik van Jessica en Steven. Julie vertelde op school dat ze vaak "
        "zelf voor Finn zorgt als mama en papa 's morgens niet wakker worden."
    ),
    goal=(
        "Het is veilig genoeg als er elke dag een nuchtere volwassene voor Finn en "
        "Julie zorgt, als Julie weer kind mag zijn en niet voor haar broertje hoeft "
        "te zorgen, en als het netwerk weet wat het moet doen als het misloopt. Dat "
        "willen we zes maanden zien voor we de jeugdrechter voorstellen te stoppen."
    ),
    children=(
        ChildSpec(
            "Finn",
            "Goossens",
            Age(4, 120),
            Gender.MALE,
            SafetyAnswer.YES,
            "Finn en Julie slapen sinds de zitting bij oma Rita.",
            "Gesprek met Jessica en Steven over hun behandeling.",
        ),
        ChildSpec(
            "Julie",
            "Goossens",
            Age(10, 20),
            Gender.FEMALE,
            SafetyAnswer.YES,
            "Julie slaapt bij oma Rita en gaat elke dag naar school.",
            "Gesprek met Julie over wat zij nodig heeft.",
        ),
    ),
    adults=(
        parent("Jessica", "Mertens", RelationKind.MOTHER),
        parent("Steven", "Goossens", RelationKind.FATHER),
        adult("Rita", "Mertens", RelationKind.GRANDPARENT, Gender.FEMALE, home=True),
    ),
    follow_up=FollowUpCheck(
        5,
        SafetyAnswer.YES,
        "Finn en Julie wonen nog bij oma Rita. Jessica en Steven komen elke dag op "
        "bezoek, nuchter, zoals afgesproken.",
        "Tweede gesprek met Jessica en Steven en hun begeleider van het CAD.",
    ),
    stages=(
        (
            Stage.IN_KAART,
            "We brengen samen met jullie, oma Rita en de school in kaart wat er goed "
            "gaat en wat er moet veranderen.",
        ),
    ),
    journal=(
        JournalSpec(
            28,
            ContactKind.CONVERSATION,
            "Kennismaking met Jessica en Steven op de dienst. We legden uit wat de "
            "jeugdrechter van ons vraagt en wat het verschil is tussen onze rol en die "
            "van de hulpverlening.",
            audience=Audience.PARENTS,
            participants=("Jessica", "Steven"),
        ),
        JournalSpec(
            9,
            ContactKind.HOME_VISIT,
            "Huisbezoek bij oma Rita. Feeënbezoek met Finn: hij wenst 'dat mama en "
            "papa altijd wakker zijn'. Julie toont trots haar rapport.",
            participants=("Rita", "Finn", "Julie"),
        ),
    ),
    tasks=(
        TaskSpec("Verslag voor de jeugdrechter voorbereiden", 20),
        TaskSpec("Toestemming vragen om het CAD te contacteren", -4),
    ),
    what=WHAT,
    network=SAFETY_NETWORK,
    plans=PLANS,
    logins=(
        FamilyLogin(
            "ouder2",
            CaseRole.OUDER,
            "Jessica",
            "Mama van Finn en Julie; leest wat we aan de jeugdrechter schrijven.",
        ),
    ),
)

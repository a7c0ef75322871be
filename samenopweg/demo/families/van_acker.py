"""Van Acker (SDJ, offence: MOF), plan, with the youth judge.

The WHAT: discussed with Milan and his parents; no network or plan yet.
"""

from __future__ import annotations

# ruff: noqa: F405  (the names come from the vocabulary below)
from samenopweg.demo.specs import *  # noqa: F403  (the vocabulary of a family spec)

WHAT = WhatSpec(
    sessions=(
        SessionSpec(55, ("Milan", "Kim", "Wim")),
        SessionSpec(25, ("Milan", "Kim"), other_participants="Stagebegeleider van de school"),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            CONSULENT_VIEW,
            "Milan heeft samen met vrienden ingebroken in een garage en een scooter gestolen. De "
            "eigenaar heeft schade en is erg geschrokken.",
        ),
        MapLine(
            MapCategory.HARM,
            "Milan",
            "Ik schaam me, vooral tegenover mijn ouders.",
            CHILD,
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            "Kim",
            "Als hij weer met die jongens optrekt, doet hij opnieuw iets stoms.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            SCHOOL_VIEW,
            "Milan verliest zijn stageplaats als hij niet elke dag komt.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Als er nieuwe feiten komen, kan de jeugdrechter zwaardere maatregelen opleggen, "
            "tot een plaatsing in een gemeenschapsinstelling.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "Twee van de vrienden zijn al eerder met de politie in aanraking gekomen.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Wim",
            "Ik werk 's avonds vaak laat, dan is Kim alleen om de afspraken op te volgen.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Milan",
            "Ik werk graag met mijn handen en mijn stage in de garage gaat goed.",
            CHILD,
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            CONSULENT_VIEW,
            "Milan gaf meteen toe dat hij erbij was en wil de schade herstellen. Kim en Wim staan "
            "achter hem.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            SCHOOL_VIEW,
            "Milan is sinds de feiten elke dag op tijd op zijn stage.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Kim",
            "Vorig jaar speelde hij in de voetbalploeg en kwam hij nooit te laat thuis.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Milan gaat elke dag naar school of stage, is 's avonds op het afgesproken uur thuis, "
            "herstelt de schade en vertelt zelf met wie hij zijn vrije tijd doorbrengt.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Herstelgesprek met de eigenaar van de scooter voorbereiden.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            "Wim",
            "Samen met Milan navragen of hij terug bij de voetbal kan.",
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="De jeugdrechter, de consulent van de SDJ en Kim en Wim",
            behaviour="Milan in zijn vrije tijd optrekt met vrienden die inbreken en stelen, en "
            "zelf meedeed aan de inbraak in een garage en de diefstal van een scooter",
            impact="Milan voor de jeugdrechter moet verschijnen, zich schaamt tegenover zijn "
            "ouders, en de eigenaar van de scooter schade heeft",
            fear="Milan opnieuw in de problemen komt, zijn stage verliest en in een "
            "gemeenschapsinstelling terechtkomt",
            children=("Milan",),
            goals=(
                GoalSpec(
                    "Kim en Wim spreken met Milan af wanneer hij thuis is (22 uur in de week, "
                    "middernacht in het weekend) en vragen met wie hij op stap is. Milan werkt de "
                    "schade af via de herstelbemiddeling.",
                    "Milan merkt dat zijn ouders hem weer vertrouwen als hij zich aan de "
                    "afspraken houdt, en dat hij zijn fout kan goedmaken.",
                    "De stagebegeleider ziet Milan elke dag op tijd, er komen geen nieuwe feiten "
                    "en het herstelgesprek met de eigenaar vindt plaats.",
                    "Vier maanden, tot de volgende zitting",
                    CHILD,
                ),
            ),
            audience=CHILD,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Milan is 's avonds op het afgesproken uur thuis en gaat elke werkdag naar zijn stage.",
            "Dat zijn de voorwaarden die de jeugdrechter oplegde.",
            CHILD,
        ),
    ),
    rounds=(
        RoundSpec(
            55,
            (
                Score(
                    "Milan",
                    5,
                    "Ik ga naar mijn stage en ik zie die jongens minder.",
                    "Als ik het goedmaak met de eigenaar.",
                    audience=CHILD,
                ),
                Score(
                    "Kim",
                    4,
                    "Ik weet niet altijd waar hij is.",
                    "Als hij zelf vertelt met wie hij weggaat.",
                ),
                Score(
                    "Wim",
                    4,
                    "We zijn nog boos, maar hij doet zijn best.",
                    "Als hij een maand op tijd thuis is.",
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Milan erkent de feiten en zijn ouders volgen hem op, maar er zijn nog geen "
                    "afspraken.",
                    "Als de afspraken over uren en vrije tijd op papier staan.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            25,
            (
                Score(
                    "Milan",
                    7,
                    "Ik ben altijd op tijd thuis en de stage gaat goed.",
                    "Als het herstelgesprek achter de rug is.",
                    audience=CHILD,
                ),
                Score(
                    "Kim",
                    6,
                    "Hij houdt zich aan de uren en vertelt meer.",
                    "Als hij terug gaat voetballen.",
                ),
                Score(
                    SCHOOL_VIEW,
                    7,
                    "Milan is elke dag op tijd en werkt goed mee.",
                    "Als hij zijn eindevaluatie haalt.",
                ),
                Score(
                    CONSULENT_VIEW,
                    6,
                    "De afspraken lopen een maand goed.",
                    "Als de herstelbemiddeling van start gaat.",
                ),
            ),
            session=1,
        ),
        RoundSpec(
            12,
            (
                Score(
                    "Milan",
                    8,
                    "Ik zie die jongens niet meer en ik wil het goedmaken.",
                    "Als ik het gesprek met de eigenaar gedaan heb.",
                    audience=CHILD,
                ),
                Score(
                    "Wim",
                    7,
                    "We vertrouwen hem weer meer.",
                    "Als het zo blijft tot de zitting.",
                ),
                Score(
                    CONSULENT_VIEW,
                    7,
                    "Milan houdt zich aan de uren en gaat elke dag naar zijn stage.",
                    "Als het herstelgesprek met de eigenaar heeft plaatsgevonden.",
                ),
            ),
        ),
    ),
)

FAMILY = FamilySpec(
    label="Van Acker",
    service=SDJ,
    framework=Framework.MOF,
    youth_judge_reference="AN.24.J2.0871",
    registered_days_ago=60,
    reason=(
        "De jeugdrechter heeft ons gevraagd Milan te begeleiden omdat hij samen met "
        "vrienden heeft ingebroken in een garage en een scooter heeft gestolen. Milan "
        "heeft toegegeven dat hij erbij was. We bekijken samen met Milan en zijn "
        "ouders hoe hij weer op het goede spoor komt."
    ),
    goal=(
        "Het gaat goed genoeg als Milan elke dag naar school of naar zijn stage gaat, "
        "'s avonds op het afgesproken uur thuis is, de schade aan de eigenaar van de "
        "scooter herstelt en zelf vertelt met wie hij zijn vrije tijd doorbrengt. We "
        "bespreken dat over vier maanden met de jeugdrechter."
    ),
    children=(
        ChildSpec(
            "Milan",
            "Van Acker",
            Age(16, 250),
            Gender.MALE,
            SafetyAnswer.YES,
            "Milan woont thuis bij zijn ouders, die hem goed opvolgen.",
            "Afspraken maken over uitgaansuren en school.",
        ),
    ),
    adults=(
        parent("Kim", "Jacobs", RelationKind.MOTHER, home=True),
        parent("Wim", "Van Acker", RelationKind.FATHER, home=True),
    ),
    follow_up=FollowUpCheck(
        12,
        SafetyAnswer.YES,
        "Milan houdt zich aan de afgesproken uren en gaat naar zijn stage.",
        "Herstelgesprek met de eigenaar van de scooter voorbereiden.",
    ),
    stages=(
        (
            Stage.IN_KAART,
            "We brengen samen met Milan en zijn ouders in kaart wat er "
            "gebeurd is en wat goed gaat.",
        ),
        (Stage.PLAN, "We maken met Milan een plan voor school, stage en herstel."),
    ),
    journal=(
        JournalSpec(
            55,
            ContactKind.CONVERSATION,
            "Gesprek met Milan en zijn ouders. Milan schaamt zich en wil de schade "
            "herstellen. Kim en Wim zijn boos, maar staan achter hem.",
            audience=Audience.PARENTS,
            participants=("Milan", "Kim", "Wim"),
        ),
        JournalSpec(
            12,
            ContactKind.PHONE,
            "Stagebegeleider gebeld: Milan is elke dag op tijd en werkt goed mee.",
            other_participants="Stagebegeleider van de school",
        ),
    ),
    tasks=(
        TaskSpec("Herstelbemiddeling aanvragen", -20, done=True),
        TaskSpec("Plan voor school en stage afwerken met Milan", 7),
    ),
    what=WHAT,
)

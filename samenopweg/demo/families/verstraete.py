"""Verstraete (OCJ, in kaart): the safety answer is unclear.

The WHAT: two mapping sessions, a first draft with a comment from mama. The HOW: oma Maria's
network and an immediate agreement past its review date.
"""

from __future__ import annotations

# ruff: noqa: F405  (the names come from the vocabulary below)
from samenopweg.demo.specs import *  # noqa: F403  (the vocabulary of a family spec)

WHAT = WhatSpec(
    sessions=(
        SessionSpec(14, ("Evelien", "Emma")),
        SessionSpec(
            5,
            ("Evelien", "Maria"),
            (OWNER, HULPVERLENER),
            "Zorgcoördinator van de school",
        ),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Emma was dit trimester 14 halve dagen afwezig en komt vaak zonder ontbijt en zonder "
            "boterhammen naar school.",
            session=1,
        ),
        MapLine(
            MapCategory.HARM,
            "Emma",
            "In het huis van de zorgen: 'als mama de hele dag in bed ligt'.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            CONSULENT_VIEW,
            "Als er niets verandert, mist Emma nog meer schooldagen en zit ze met honger in de "
            "klas.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            SCHOOL_VIEW,
            "Emma raakt achter met lezen en rekenen en verliest haar vriendinnen in de klas.",
            session=1,
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Emma gaat voor zichzelf en voor mama zorgen, op een leeftijd dat een volwassene voor "
            "haar moet zorgen.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Evelien",
            "Sinds ik mijn werk kwijt ben, geraak ik 's morgens moeilijk uit bed. Ik ben nog niet "
            "naar de dokter geweest.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "Tom heeft nog niet teruggebeld. We weten niet of hij kan en wil helpen.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Evelien",
            "Ik zie Emma heel graag en ik wil hulp voor mezelf.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            HULPVERLENER_VIEW,
            "Het huis is proper en Emma heeft een vaste plek om haar huiswerk te maken. Als ze op "
            "school is, doet ze goed mee.",
            session=1,
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Emma",
            "In het huis van de goede dingen: oma Maria en mijn kat.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Maria",
            "Op dinsdag en donderdag kom ik 's morgens langs. Dan eet Emma en is ze op tijd op "
            "school.",
            session=1,
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Evelien",
            "Vorig schooljaar, toen ik nog werkte, zette ik elke avond de boterhammendoos klaar "
            "en was Emma nooit te laat.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Emma gaat elke dag op tijd en met eten naar school, ook op de dagen dat het met mama "
            "minder goed gaat.",
            session=1,
        ),
        MapLine(
            MapCategory.CHANGE,
            "Evelien",
            "Ik wil iemand om mee te praten over hoe ik me voel.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            HULPVERLENER_VIEW,
            "Samen met Evelien een afspraak maken bij de huisarts en bij het CGG.",
            session=1,
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Tom opnieuw uitnodigen en vragen of hij op woensdag en in het weekend kan helpen.",
            ONLY_PROFESSIONALS,
            session=1,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="De school, Ines van vzw Kompas en het OCJ",
            behaviour="mama Evelien op slechte dagen niet uit bed geraakt en er dan niemand is "
            "die Emma ontbijt geeft en naar school brengt",
            impact="Emma dit trimester 14 halve dagen gemist heeft, met honger in de klas zit en "
            "zich zorgen maakt over mama",
            fear="Emma achterop raakt op school en thuis voor zichzelf en voor mama gaat zorgen, "
            "terwijl ze pas negen is",
            children=("Emma",),
            goals=(
                GoalSpec(
                    "Evelien, oma Maria en Tom spreken af wie Emma 's morgens helpt op de dagen "
                    "dat Evelien het niet kan. Evelien laat het oma Maria weten als ze een slechte "
                    "dag heeft.",
                    "Emma merkt dat er elke morgen iemand is die zorgt dat ze ontbijt en met haar "
                    "boterhammendoos op tijd op school is.",
                    "De school ziet Emma elke dag op tijd en met eten.",
                    "Drie maanden na elkaar",
                ),
            ),
            comments=(
                CommentSpec(
                    CommentKind.COMMENT,
                    "Evelien",
                    "Mama Evelien vindt het goed dat dit zo duidelijk op papier staat. Ze wil "
                    "erbij zeggen dat ze zich schaamt en dat ze Emma niet in de steek wil laten.",
                ),
            ),
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Emma gaat elke schooldag naar school. Als er die ochtend niemand is om haar te "
            "brengen, belt Evelien oma Maria of de school.",
            "Emma miste al 14 halve dagen. Op school eet ze, ziet ze haar vriendinnen en zien "
            "volwassenen hoe het met haar gaat.",
        ),
    ),
    rounds=(
        RoundSpec(
            14,
            (
                Score(
                    "Evelien",
                    5,
                    "Emma is bijna altijd op school, alleen niet als ik echt niet kan.",
                    "Als ik weer iemand heb om mee te praten.",
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Emma mist veel school en er zijn nog geen afspraken voor de slechte dagen.",
                    "Als oma Maria en Tom weten wanneer ze moeten inspringen.",
                ),
            ),
            session=0,
        ),
        RoundSpec(
            5,
            (
                Score(
                    "Evelien",
                    6,
                    "Mama komt nu twee keer per week en ik heb een afspraak bij de huisarts.",
                    "Als ook de andere ochtenden geregeld zijn.",
                ),
                Score(
                    "Maria",
                    6,
                    "Op mijn dagen gaat het goed. Op de andere dagen weet ik het niet.",
                    "Als Evelien me belt op een slechte dag, dan kom ik.",
                ),
                Score(
                    CONSULENT_VIEW,
                    4,
                    "Er is een begin: oma Maria komt vast twee ochtenden en Evelien zoekt hulp.",
                    "Als Emma twee weken na elkaar elke dag op tijd is.",
                ),
                Score(
                    HULPVERLENER_VIEW,
                    4,
                    "Evelien is open over hoe het gaat; Tom is nog niet betrokken.",
                    "Als Tom één vaste ochtend op zich neemt.",
                ),
            ),
            session=1,
        ),
    ),
)

SAFETY_NETWORK = NetworkSpec(
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
    meetings=(
        MeetingSpec(12, ("Evelien", "Maria", "Sofie"), "We spraken af wie Emma 's morgens helpt."),
    ),
)

PLANS: tuple[PlanSpec, ...] = (
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
)

FAMILY = FamilySpec(
    label="Verstraete",
    service=OCJ,
    framework=Framework.VERONTRUSTING,
    registered_days_ago=21,
    reason=(
        "We maken ons zorgen omdat Emma de laatste maanden vaak zonder ontbijt en "
        "zonder boterhammen naar school komt, vaak te laat is en soms dagen niet komt. "
        "Evelien vertelde ons dat ze zich erg somber voelt en 's morgens moeilijk uit "
        "bed geraakt."
    ),
    goal=(
        "Het is veilig genoeg als Emma elke dag op tijd en met eten naar school gaat, "
        "ook op de dagen dat het met mama minder goed gaat, en als er volwassenen rond "
        "haar zijn die dat mee opvolgen. Dat willen we drie maanden na elkaar zien."
    ),
    children=(
        ChildSpec(
            "Emma",
            "Verstraete",
            Age(9, 200),
            Gender.FEMALE,
            SafetyAnswer.UNCLEAR,
            "De school is ongerust, maar we hebben Emma nog niet zelf gesproken.",
            "Binnen drie dagen een gesprek met Emma op school.",
            Urgency.WITHIN_72_HOURS,
        ),
    ),
    adults=(
        parent("Evelien", "Claes", RelationKind.MOTHER, home=True),
        parent("Tom", "Verstraete", RelationKind.FATHER),
        adult("Maria", "Claes", RelationKind.GRANDPARENT, Gender.FEMALE),
    ),
    follow_up=FollowUpCheck(
        2,
        SafetyAnswer.UNCLEAR,
        "Oma Maria komt twee keer per week langs en dan gaat het goed. Hoe het op de "
        "andere dagen gaat, weten we nog niet goed.",
        "Huisbezoek bij Evelien en samen met haar en oma Maria de week overlopen.",
        Urgency.WITHIN_72_HOURS,
    ),
    stages=(
        (
            Stage.IN_KAART,
            "We brengen samen met Evelien, Tom, Emma en oma Maria in kaart wat er goed "
            "gaat en waar we ons zorgen over maken.",
        ),
    ),
    grant_hulpverlener=True,
    journal=(
        JournalSpec(
            20,
            ContactKind.CONVERSATION,
            "Gesprek op school met de zorgcoördinator en de CLB-medewerker. Emma was "
            "dit trimester 14 halve dagen afwezig. Ze is vriendelijk en doet goed mee "
            "in de klas als ze er is.",
            other_participants="Zorgcoördinator en CLB-medewerker",
        ),
        JournalSpec(
            14,
            ContactKind.HOME_VISIT,
            "Huisbezoek bij Evelien. Ze vertelt open dat ze het moeilijk heeft sinds "
            "ze haar werk verloor. Het huis is proper en er is een vaste plek waar Emma "
            "haar huiswerk maakt. Evelien wil graag hulp voor zichzelf.",
            audience=Audience.PARENTS,
            participants=("Evelien", "Emma"),
        ),
        JournalSpec(
            6,
            ContactKind.CONVERSATION,
            "Drie huizen met Emma. In het huis van de goede dingen tekende ze oma Maria "
            "en haar kat. In het huis van de zorgen: 'als mama de hele dag in bed "
            "ligt'. In het huis van de dromen: 'dat mama weer lacht'.",
            audience=Audience.PARENTS,
            participants=("Emma",),
            author=HULPVERLENER,
        ),
    ),
    tasks=(
        TaskSpec("Gesprek met Emma op school", -15, done=True),
        TaskSpec(
            "Tom (papa) uitnodigen voor een gesprek",
            -3,
            description="Tom heeft nog niet teruggebeld.",
        ),
        TaskSpec(
            "Samen met Evelien een huisarts of CGG zoeken",
            10,
            assignee=HULPVERLENER,
            audience=Audience.PARENTS,
        ),
    ),
    what=WHAT,
    network=SAFETY_NETWORK,
    plans=PLANS,
)

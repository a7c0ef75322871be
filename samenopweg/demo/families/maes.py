"""Maes (OCJ, aanmelding): just registered, acute: the team lead gets an alert.

The WHAT: a first draft on the day of the police report, kept small; oma Monique chairs the
network.
"""

from __future__ import annotations

# ruff: noqa: F405  (the names come from the vocabulary below)
from samenopweg.demo.specs import *  # noqa: F403  (the vocabulary of a family spec)

WHAT = WhatSpec(
    sessions=(
        SessionSpec(
            0, ("Sarah",), other_participants="Zorgleerkracht van Lucas (telefonisch, vooraf)"
        ),
    ),
    map=(
        MapLine(
            MapCategory.HARM,
            CONSULENT_VIEW,
            "Gisteravond was er een hevige ruzie tussen Sarah en Kevin. De buren hoorden geroep "
            "en glas breken en belden de politie. Lucas en Noor waren thuis.",
        ),
        MapLine(
            MapCategory.HARM,
            SCHOOL_VIEW,
            "Lucas vertelde vanmorgen aan zijn juf dat hij bang was en zich in de badkamer heeft "
            "verstopt. Hij was stil en wilde op de speelplaats niet spelen.",
        ),
        MapLine(
            MapCategory.DANGER_SHORT,
            "Sarah",
            "Ik weet niet of het vanavond rustig blijft als Kevin thuiskomt.",
        ),
        MapLine(
            MapCategory.DANGER_MEDIUM,
            CONSULENT_VIEW,
            "Als er niets verandert, kan het de komende weken opnieuw misgaan en kan Lucas of "
            "Noor gewond raken als er met spullen gegooid wordt.",
        ),
        MapLine(
            MapCategory.DANGER_LONG,
            CONSULENT_VIEW,
            "Als de ruzies blijven duren, zijn Lucas en Noor thuis altijd op hun hoede. Dat kan "
            "hen later parten spelen, op school en met vrienden.",
        ),
        MapLine(
            MapCategory.COMPLICATING,
            CONSULENT_VIEW,
            "In het verslag van de politie staat dat Kevin gedronken had. Kevin hebben we nog "
            "niet zelf gesproken.",
            ONLY_PROFESSIONALS,
        ),
        MapLine(
            MapCategory.COMPLICATING,
            "Sarah",
            "Jens en ik praten bijna niet meer met elkaar. Hij weet nog niet wat er gebeurd is.",
        ),
        MapLine(
            MapCategory.STRENGTH,
            "Sarah",
            "Ik wil dat mijn kinderen veilig zijn en ik wil meewerken.",
        ),
        MapLine(
            MapCategory.EXISTING_SAFETY,
            "Sarah",
            "Mijn mama Monique woont tien minuten verder. Lucas en Noor slapen daar graag en "
            "kennen haar goed.",
        ),
        MapLine(
            MapCategory.EXCEPTION,
            "Sarah",
            "Vorige maand was er ook spanning. Toen is Kevin een paar dagen bij zijn broer gaan "
            "slapen en bleef het thuis rustig.",
        ),
        MapLine(
            MapCategory.CHANGE,
            CONSULENT_VIEW,
            "Lucas en Noor slapen de komende dagen ergens waar het rustig is, en Sarah en Kevin "
            "weten wat ze doen als het weer escaleert.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Vanmiddag huisbezoek. Samen met Sarah oma Monique bellen over opvang vannacht.",
        ),
        MapLine(
            MapCategory.NEXT_STEP,
            CONSULENT_VIEW,
            "Jens (papa) morgen op de hoogte brengen en Kevin uitnodigen voor een gesprek.",
            ONLY_PROFESSIONALS,
        ),
    ),
    statements=(
        StatementSpec(
            who_is_worried="Het OCJ en de school van Lucas",
            behaviour="Sarah en Kevin zo hevig ruzie maken dat er geroepen, geduwd en met "
            "spullen gegooid wordt terwijl Lucas en Noor thuis zijn",
            impact="Lucas zo bang was dat hij zich in de badkamer verstopte, en dat Noor, die "
            "nog te klein is om het te vertellen, alles gezien en gehoord heeft",
            fear="Lucas of Noor bij een volgende ruzie gewond raakt en dat ze thuis nooit meer "
            "echt gerust zijn",
            children=("Lucas", "Noor"),
            goals=(
                GoalSpec(
                    "Sarah en Kevin zorgen dat Lucas en Noor geen ruzies meer meemaken. Als het "
                    "spannend wordt, gaat Kevin weg en belt Sarah oma Monique, die de kinderen "
                    "komt halen.",
                    "Lucas en Noor merken dat het thuis rustig is. Lucas weet dat hij het aan oma "
                    "Monique of aan zijn juf mag vertellen als hij bang is.",
                    "De school ziet een Lucas die weer speelt; er komen geen meldingen meer van "
                    "de politie of de buren.",
                    "Zes maanden",
                    ONLY_PROFESSIONALS,
                ),
            ),
            audience=ONLY_PROFESSIONALS,
        ),
    ),
    bottom_lines=(
        BottomLineSpec(
            "Lucas en Noor slapen niet thuis zolang Sarah en Kevin niet samen met ons hebben "
            "afgesproken wat ze doen als het weer misloopt.",
            "De politie moest gisteren tussenkomen en Sarah weet zelf niet of het vanavond "
            "rustig blijft.",
        ),
    ),
    rounds=(
        RoundSpec(
            0,
            (
                Score(
                    CONSULENT_VIEW,
                    2,
                    "De politie moest tussenkomen, de kinderen waren erbij en de ruzie is niet "
                    "uitgepraat.",
                    "Als Lucas en Noor vannacht bij oma Monique kunnen slapen.",
                    audience=ONLY_PROFESSIONALS,
                ),
                Score(
                    SCHOOL_VIEW,
                    3,
                    "Lucas vertelt op school wat er gebeurd is en weet bij wie hij terecht kan.",
                    "Als we weten dat Lucas vanavond niet terug naar een ruzie moet.",
                    audience=ONLY_PROFESSIONALS,
                ),
            ),
        ),
        RoundSpec(
            0,
            (
                Score(
                    "Sarah",
                    4,
                    "Ik wil dat ze veilig zijn en mama wil helpen. Maar ik weet niet hoe Kevin "
                    "vanavond zal zijn.",
                    "Als Kevin een paar dagen bij zijn broer gaat slapen.",
                ),
                Score(
                    CONSULENT_VIEW,
                    3,
                    "Sarah is open over wat er gebeurd is en oma Monique kan de kinderen "
                    "opvangen. Kevin hebben we nog niet gesproken.",
                    "Als Kevin wil meepraten over wat er gebeurd is.",
                ),
            ),
            session=0,
        ),
    ),
)

SAFETY_NETWORK = NetworkSpec(
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
)

FAMILY = FamilySpec(
    label="Maes",
    service=OCJ,
    framework=Framework.VERONTRUSTING,
    registered_days_ago=0,
    reason=(
        "We maken ons zorgen omdat de politie gisteravond bij jullie thuis is geweest "
        "na een hevige ruzie tussen Sarah en Kevin. Lucas en Noor waren erbij. Lucas "
        "vertelde vanmorgen op school dat hij bang was en zich in de badkamer heeft "
        "verstopt."
    ),
    goal=(
        "Het is veilig genoeg als Lucas en Noor thuis geen ruzies meer meemaken waarbij "
        "er geroepen, geduwd of met spullen gegooid wordt, en als ze weten bij wie ze "
        "terecht kunnen als ze bang zijn. Dat willen we samen met jullie en jullie "
        "netwerk minstens zes maanden zien."
    ),
    children=(
        ChildSpec(
            "Lucas",
            "Maes",
            Age(6, 140),
            Gender.MALE,
            SafetyAnswer.NO,
            "Kevin is nog thuis en de ruzie is niet uitgepraat. Sarah zegt zelf dat ze "
            "niet weet of het vanavond rustig blijft.",
            "Vandaag nog een huisbezoek. Samen met Sarah bekijken of Lucas en Noor "
            "vannacht bij oma Monique kunnen slapen.",
            Urgency.TODAY,
        ),
        ChildSpec(
            "Noor",
            "Maes",
            Age(2, 75),
            Gender.FEMALE,
            SafetyAnswer.NO,
            "Noor is twee en kan niet zelf vertellen wat er gebeurt. Ze was erbij "
            "tijdens de ruzie.",
            "Vandaag nog een huisbezoek, samen met Lucas bekijken.",
            Urgency.TODAY,
        ),
    ),
    adults=(
        parent("Sarah", "Wouters", RelationKind.MOTHER, home=True, phone="0470 12 34 56"),
        adult("Kevin", "De Backer", RelationKind.STEPFATHER, home=True),
        parent("Jens", "Maes", RelationKind.FATHER, phone="0486 98 76 54"),
        adult("Monique", "Wouters", RelationKind.GRANDPARENT, Gender.FEMALE),
    ),
    journal=(
        JournalSpec(
            0,
            ContactKind.PHONE,
            "Melding van de politie van Gent: gisteravond interventie na een ruzie "
            "tussen Sarah en haar partner Kevin. Buren hoorden geroep en glas breken. "
            "De kinderen waren thuis.",
            other_participants="Inspecteur van de lokale politie Gent",
        ),
        JournalSpec(
            0,
            ContactKind.PHONE,
            "Sarah gebeld. Ze is erg geschrokken en wil dat de kinderen veilig zijn. "
            "We spraken af dat ik vanmiddag langskom. Sarah gaat haar mama Monique "
            "vragen of Lucas en Noor een paar nachten bij haar kunnen slapen.",
            audience=Audience.PARENTS,
            participants=("Sarah",),
        ),
    ),
    tasks=(
        TaskSpec("Huisbezoek bij Sarah, Lucas en Noor", 0),
        TaskSpec(
            "Oma Monique bellen over opvang vannacht",
            0,
            audience=Audience.PARENTS,
        ),
        TaskSpec("Jens (papa) op de hoogte brengen", 1),
    ),
    what=WHAT,
    network=SAFETY_NETWORK,
)

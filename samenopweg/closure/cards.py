"""The contact card: for one family or network member, whom to call if the worries come back.

A card is written at the network's level of the file (safety_plans.handout.network_access, or
the young person's level for a young person's own card): the same card whoever prints it, and
nothing on it that is for professionals only. It names the network's chair and the lasting
adults of the children (people), the consultant and the workers with their numbers
(safety_plans.handout.who_to_call), the service's number for evenings and weekends, and the
next network meeting of the closure checklist.

Who gets a card (`card_holders`): every adult of the trajectory, and every child from 12 (who
may have an account of their own); a younger child is told through their story.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samenopweg.accounts.roles import CaseRole
from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.core.pdf import pdf_download
from samenopweg.people.models import ChildSupport, NetworkMember, Person, SupportRole
from samenopweg.safety_plans.handout import Contact, network_access, who_to_call

STYLESHEET = "css/contact_card.css"
YOUNG_PERSON_MIN_AGE = 12


@dataclass(frozen=True)
class CardLine:
    """Someone of the family's own circle to call first."""

    name: str
    what: str
    phone: str


@dataclass
class ContactCard:
    person: Person
    children: list[str]  # the children's first names, as the card's reader may see them
    circle: list[CardLine]  # the chair and the lasting adults (never the card's own reader)
    contacts: list[Contact]  # the consultant and the workers (who_to_call)
    out_of_hours: str
    next_meeting_on: datetime.date | None = None
    is_chair: bool = False
    supports_for: list[str] = field(default_factory=list)  # the children they are there for


def card_reader(access: CaseAccess, person: Person) -> CaseAccess:
    """The level a card is read at: a young person's own, otherwise the network's."""
    if person.is_child:
        return CaseAccess(trajectory=access.trajectory, role=CaseRole.JONGERE)
    return network_access(access)


def holds_a_card(person: Person) -> bool:
    if not person.is_child:
        return True
    age = person.age
    return age is not None and age >= YOUNG_PERSON_MIN_AGE


def card_holders(access: CaseAccess) -> list[Person]:
    """Who gets a card, as the professionals' reader may see them. One query."""
    persons = visible_items(access, Person.objects.all()).order_by("is_child", "first_name", "id")
    return [person for person in persons if holds_a_card(person)]


def card_for(
    access: CaseAccess,
    person: Person,
    *,
    next_meeting_on: datetime.date | None = None,
    contacts: tuple[list[Contact], str] | None = None,
) -> ContactCard:
    """The card of one person. `contacts`: who_to_call's answer when it was read already (the
    professionals print every card at once). Four queries, plus two without `contacts`."""
    reader = card_reader(access, person)
    seen = {p.pk: p for p in visible_items(reader, Person.objects.all())}
    children = sorted(
        (p for p in seen.values() if p.is_child),
        key=lambda p: (p.date_of_birth or datetime.date.max, p.pk),
    )
    circle: list[CardLine] = []
    chair = (
        visible_items(
            reader,
            NetworkMember.objects.filter(
                is_chair=True, withdrawn_at__isnull=True, person_id__in=list(seen)
            ),
        )
        .select_related("person")
        .first()
    )
    if chair is not None and chair.person_id != person.pk:
        circle.append(
            CardLine(
                name=chair.person.full_name,
                what=_("de voorzitter van het netwerk"),
                phone=chair.person.phone,
            )
        )
    supports_for: list[str] = []
    named = {chair.person_id} if chair is not None else set()
    for support in (
        visible_items(
            reader,
            ChildSupport.objects.filter(
                withdrawn_at__isnull=True,
                child_id__in=list(seen),
                adult_id__in=list(seen),
            ),
        )
        .select_related("adult", "child")
        .order_by("child_id", "role", "id")
    ):
        if support.adult_id == person.pk:
            supports_for.append(support.child.first_name)
            continue
        if person.is_child and support.child_id != person.pk:
            continue  # a young person's card names their own supports only
        if support.adult_id in named:
            continue
        named.add(support.adult_id)
        if support.role == SupportRole.TRUSTED_PERSON:
            what = _("de vertrouwenspersoon van %(child)s") % {"child": support.child.first_name}
        else:
            what = _("blijft er voor %(child)s") % {"child": support.child.first_name}
        circle.append(CardLine(name=support.adult.full_name, what=what, phone=support.adult.phone))
    found, out_of_hours = contacts if contacts is not None else who_to_call(access.trajectory)
    return ContactCard(
        person=person,
        children=[child.first_name for child in children if child.pk != person.pk],
        circle=circle,
        contacts=found,
        out_of_hours=out_of_hours,
        next_meeting_on=next_meeting_on,
        is_chair=chair is not None and chair.person_id == person.pk,
        supports_for=sorted(set(supports_for)),
    )


def cards_pdf(
    request: HttpRequest, cards: list[ContactCard], *, filename: str = ""
) -> HttpResponse:
    """One card a page, as a PDF download (A5, large type)."""
    html = render_to_string("closure/contact_card_pdf.html", {"cards": cards}, request)
    if not filename:
        name = slugify(cards[0].person.first_name) if len(cards) == 1 else ""
        filename = f"contactkaart-{name}.pdf" if name else "contactkaarten.pdf"
    return pdf_download(request, html, stylesheet=STYLESHEET, filename=filename)

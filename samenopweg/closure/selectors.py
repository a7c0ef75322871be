"""Reads of the closure: the checklist with, next to each point, what the file already says
(the goals at the latest review, the network's chair, the lasting adults, the latest feedback
round, the stories), the points still open, and who gets a contact card."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from samenopweg.cases.access import CaseAccess, visible_items
from samenopweg.closure.cards import card_holders
from samenopweg.closure.models import ClosureChecklist
from samenopweg.feedback.models import FeedbackRound
from samenopweg.people.models import ChildSupport, NetworkMember, Person, SupportRole
from samenopweg.reviews.models import GoalStatus
from samenopweg.reviews.selectors import latest_review
from samenopweg.safety_plans.models import Story


@dataclass
class Point:
    """One point of the checklist: what it asks, whether it is done, what the file says."""

    key: str
    label: str
    done: bool
    hint: str = ""


@dataclass
class ChecklistPage:
    checklist: ClosureChecklist | None
    points: list[Point]
    holders: list[Person] = field(default_factory=list)
    next_meeting_on: datetime.date | None = None

    @property
    def open_points(self) -> list[Point]:
        return [point for point in self.points if not point.done]


def checklist_of(trajectory: Any) -> ClosureChecklist | None:
    return ClosureChecklist.objects.filter(trajectory=trajectory).first()


def open_points(checklist: ClosureChecklist | None) -> list[str]:
    """The labels of the points still open (all of them without a checklist)."""
    return [point.label for point in _points(checklist, {}) if not point.done]


def _points(checklist: ClosureChecklist | None, hints: dict[str, str]) -> list[Point]:
    c = checklist
    return [
        Point(
            "goals",
            _("De veiligheidsdoelen zijn bereikt, of de reden om zonder af te sluiten staat er"),
            c is not None and (c.goals_met or bool(c.closure_reason and c.closure_reason_text)),
            hints.get("goals", ""),
        ),
        Point(
            "network",
            _(
                "De voorzitter bevestigde dat het netwerkplan verder loopt, met het volgende overleg"
            ),
            c is not None and c.network_confirmed and c.next_network_meeting_on is not None,
            hints.get("network", ""),
        ),
        Point(
            "adults",
            _("De blijvende volwassenen bevestigden dat ze er blijven"),
            c is not None and c.lasting_adults_confirmed,
            hints.get("adults", ""),
        ),
        Point(
            "feedback",
            _("De laatste feedbackronde is gedaan"),
            c is not None and c.last_feedback_done,
            hints.get("feedback", ""),
        ),
        Point(
            "child",
            _("Het kind weet in eigen woorden dat de hulp stopt (een verhaal of een notitie)"),
            c is not None and c.child_told and bool(c.child_told_note.strip()),
            hints.get("child", ""),
        ),
        Point(
            "cards",
            _("Iedereen van het gezin en het netwerk kreeg een contactkaart"),
            c is not None and c.contact_cards_given,
            hints.get("cards", ""),
        ),
    ]


def checklist_page(access: CaseAccess) -> ChecklistPage:
    """The checklist and what the file says next to each point. A fixed number of queries."""
    checklist = checklist_of(access.trajectory)
    hints: dict[str, str] = {}
    review = latest_review(access)
    if review is None:
        hints["goals"] = _("Nog geen evaluatiemoment.")
    else:
        lines = list(review.goals.all())
        shown = sum(1 for line in lines if line.status == GoalStatus.SHOWN)
        hints["goals"] = _(
            "Bij de evaluatie van %(day)s: %(shown)s van %(all)s doelen worden getoond."
        ) % {"day": review.held_on.strftime("%d/%m/%Y"), "shown": shown, "all": len(lines)}
    chair = (
        visible_items(
            access, NetworkMember.objects.filter(is_chair=True, withdrawn_at__isnull=True)
        )
        .select_related("person")
        .first()
    )
    hints["network"] = (
        _("Voorzitter: %(name)s.") % {"name": chair.person.full_name}
        if chair is not None
        else _("Het netwerk heeft nog geen voorzitter.")
    )
    adults = sorted(
        {
            support.adult.full_name
            for support in visible_items(
                access,
                ChildSupport.objects.filter(
                    role=SupportRole.LASTING_ADULT, withdrawn_at__isnull=True
                ),
            ).select_related("adult")
        }
    )
    hints["adults"] = (
        ", ".join(adults) if adults else _("Er zijn nog geen blijvende volwassenen aangeduid.")
    )
    latest_round = (
        visible_items(access, FeedbackRound.objects.filter(withdrawn_at__isnull=True))
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    hints["feedback"] = (
        _("Laatste ronde: %(day)s.") % {"day": latest_round.strftime("%d/%m/%Y")}
        if latest_round
        else _("Nog geen feedbackronde.")
    )
    stories = visible_items(access, Story.objects.all()).count()
    hints["child"] = (
        _("Er zijn %(n)s verhalen van Woorden en Beelden.") % {"n": stories}
        if stories
        else _("Nog geen verhaal van Woorden en Beelden.")
    )
    holders = card_holders(access)
    hints["cards"] = _("%(n)s contactkaarten om af te drukken.") % {"n": len(holders)}
    return ChecklistPage(
        checklist=checklist,
        points=_points(checklist, hints),
        holders=holders,
        next_meeting_on=checklist.next_network_meeting_on if checklist else None,
    )

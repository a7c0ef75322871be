"""Objects of the WHAT for the test world, and the URL kwargs and posts the cross-app suites use.

Idempotent: the permission matrix builds its URLs many times on the same world.
"""

from __future__ import annotations

from typing import Any

from samenopweg.assessments.models import (
    BottomLine,
    DangerStatement,
    SafetyGoal,
    SharedVersion,
    StatementSet,
)
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

MARK = "MATRIX-WAT"


def child_of(trajectory: Any) -> Person:
    return Person.objects.filter(trajectory=trajectory, is_child=True).order_by("id").first()  # type: ignore[return-value]


def ensure_statement(world: Any) -> DangerStatement:
    statement = DangerStatement.objects.filter(
        trajectory=world.trajectory, who_is_worried=MARK
    ).first()
    if statement is None:
        statement = DangerStatement.objects.create(
            trajectory=world.trajectory,
            who_is_worried=MARK,
            behaviour="papa roept en slaat als hij gedronken heeft",
            impact="Noor is bang om naar huis te gaan",
            fear="Noor gewond raakt",
            audience=Audience.PARENTS,
            created_by=world.owner,
        )
        statement.children.set([child_of(world.trajectory)])
    return statement


def ensure_goal(world: Any) -> SafetyGoal:
    statement = ensure_statement(world)
    goal = SafetyGoal.objects.filter(danger_statement=statement).first()
    if goal is None:
        goal = SafetyGoal.objects.create(
            danger_statement=statement,
            trajectory=world.trajectory,
            parents_and_network_will="Papa belt oma Maria als hij wil drinken.",
            child_will_experience="Noor voelt zich rustig thuis.",
            professionals_will_see="Bij elk huisbezoek is papa nuchter.",
            for_how_long="zes maanden",
            audience=Audience.PARENTS,
            created_by=world.owner,
        )
    return goal


def ensure_bottom_line(world: Any) -> BottomLine:
    line = BottomLine.objects.filter(trajectory=world.trajectory).first()
    if line is None:
        line = BottomLine.objects.create(
            trajectory=world.trajectory,
            text="Noor slaapt niet thuis als papa gedronken heeft.",
            reason="Dan is het thuis niet veilig voor haar.",
            audience=Audience.PARENTS,
            created_by=world.owner,
        )
    return line


def ensure_shared_version(world: Any) -> SharedVersion:
    statement_set, _created = StatementSet.objects.get_or_create(trajectory=world.trajectory)
    shared, _created = SharedVersion.objects.get_or_create(
        statement_set=statement_set,
        number=1,
        defaults={
            "snapshot": {"danger_statements": [], "bottom_lines": []},
            "shared_by": world.owner,
        },
    )
    return shared


# --- URL kwargs (each takes the permission matrix's Case) -----------------------------------


def _ref(case: Any) -> dict[str, Any]:
    return {"reference": case.world.trajectory.reference}


def statement_kwargs(case: Any) -> dict[str, Any]:
    return {**_ref(case), "statement_id": ensure_statement(case.world).pk}


def goal_kwargs(case: Any) -> dict[str, Any]:
    return {**_ref(case), "goal_id": ensure_goal(case.world).pk}


def bottom_line_kwargs(case: Any) -> dict[str, Any]:
    return {**_ref(case), "bottom_line_id": ensure_bottom_line(case.world).pk}


def shared_kwargs(case: Any) -> dict[str, Any]:
    return {**_ref(case), "number": ensure_shared_version(case.world).number}


def comment_kwargs(case: Any) -> dict[str, Any]:
    return {
        **_ref(case),
        "target": "gevaarsboodschap",
        "target_id": ensure_statement(case.world).pk,
    }


# --- posts that succeed ---------------------------------------------------------------------


def status_data(case: Any) -> dict[str, Any]:
    statement_set = StatementSet.objects.filter(trajectory=case.world.trajectory).first()
    return {"status": "discussed", "version": statement_set.version if statement_set else 1}


def statement_create_data(case: Any) -> dict[str, Any]:
    return {
        "who_is_worried": "De school",
        "behaviour": "Noor komt vaak zonder eten naar school",
        "impact": "Noor heeft honger en kan niet opletten",
        "fear": "Noor ziek wordt",
        "children": [child_of(case.world.trajectory).pk],
        "audience": int(Audience.PARENTS),
    }


def statement_edit_data(case: Any) -> dict[str, Any]:
    statement = ensure_statement(case.world)
    return {
        "who_is_worried": statement.who_is_worried,
        "behaviour": statement.behaviour + " of boos is",
        "impact": statement.impact,
        "fear": statement.fear,
        "children": [p.pk for p in statement.children.all()],
        "audience": statement.audience,
        "version": statement.version,
    }


def goal_create_data(case: Any) -> dict[str, Any]:
    return {
        "danger_statement": ensure_statement(case.world).pk,
        "parents_and_network_will": "Mama maakt elke ochtend een brooddoos.",
        "child_will_experience": "Noor heeft eten bij zich.",
        "professionals_will_see": "De juf ziet elke dag een brooddoos.",
        "for_how_long": "drie maanden",
        "audience": int(Audience.PARENTS),
    }


def goal_edit_data(case: Any) -> dict[str, Any]:
    goal = ensure_goal(case.world)
    return {
        "parents_and_network_will": goal.parents_and_network_will,
        "child_will_experience": goal.child_will_experience,
        "professionals_will_see": goal.professionals_will_see,
        "for_how_long": "een jaar",
        "audience": goal.audience,
        "version": goal.version,
    }


def bottom_line_create_data(case: Any) -> dict[str, Any]:
    return {
        "text": "Papa is niet alleen met Noor.",
        "reason": "Zo blijft Noor veilig.",
        "audience": int(Audience.PARENTS),
    }


def bottom_line_edit_data(case: Any) -> dict[str, Any]:
    line = ensure_bottom_line(case.world)
    return {
        "text": line.text,
        "reason": line.reason + " Dat zei de jeugdrechter.",
        "audience": line.audience,
        "version": line.version,
    }


def withdraw_data(case: Any) -> dict[str, Any]:
    return {"reason": "Dubbel ingevoerd"}


def comment_data(case: Any) -> dict[str, Any]:
    prefix = f"c-gb-{ensure_statement(case.world).pk}"
    mother = Person.objects.filter(trajectory=case.world.trajectory, is_child=False).first()
    assert mother is not None
    return {
        f"{prefix}-kind": "disagreement",
        f"{prefix}-view_of_person": mother.pk,
        f"{prefix}-text": "Papa drinkt niet meer sinds de zomer.",
        f"{prefix}-audience": int(Audience.PARENTS),
    }

"""Objects of the WHAT for the test world, and the URL kwargs and posts the cross-app suites use.

Idempotent: the permission matrix builds its URLs many times on the same world. The URL kwargs
and posts take the world, or the permission matrix's case (which holds it).
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
from samenopweg.cases.tests.helpers import child_of, first_or_create, reference_kwargs, world_of
from samenopweg.core.models import Audience
from samenopweg.people.models import Person

MARK = "MATRIX-WAT"


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
    return first_or_create(
        SafetyGoal.objects.filter(danger_statement=statement),
        danger_statement=statement,
        trajectory=world.trajectory,
        parents_and_network_will="Papa belt oma Maria als hij wil drinken.",
        child_will_experience="Noor voelt zich rustig thuis.",
        professionals_will_see="Bij elk huisbezoek is papa nuchter.",
        for_how_long="zes maanden",
        audience=Audience.PARENTS,
        created_by=world.owner,
    )


def ensure_bottom_line(world: Any) -> BottomLine:
    return first_or_create(
        BottomLine.objects.filter(trajectory=world.trajectory),
        trajectory=world.trajectory,
        text="Noor slaapt niet thuis als papa gedronken heeft.",
        reason="Dan is het thuis niet veilig voor haar.",
        audience=Audience.PARENTS,
        created_by=world.owner,
    )


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


# --- URL kwargs ----------------------------------------------------------------------------


def statement_kwargs(case: Any) -> dict[str, Any]:
    return {**reference_kwargs(case), "statement_id": ensure_statement(world_of(case)).pk}


def goal_kwargs(case: Any) -> dict[str, Any]:
    return {**reference_kwargs(case), "goal_id": ensure_goal(world_of(case)).pk}


def bottom_line_kwargs(case: Any) -> dict[str, Any]:
    return {**reference_kwargs(case), "bottom_line_id": ensure_bottom_line(world_of(case)).pk}


def shared_kwargs(case: Any) -> dict[str, Any]:
    return {**reference_kwargs(case), "number": ensure_shared_version(world_of(case)).number}


def comment_kwargs(case: Any) -> dict[str, Any]:
    return {
        **reference_kwargs(case),
        "target": "gevaarsboodschap",
        "target_id": ensure_statement(world_of(case)).pk,
    }


# --- posts that succeed ---------------------------------------------------------------------


def status_data(case: Any) -> dict[str, Any]:
    statement_set = StatementSet.objects.filter(trajectory=world_of(case).trajectory).first()
    return {"status": "discussed", "version": statement_set.version if statement_set else 1}


def statement_create_data(case: Any) -> dict[str, Any]:
    return {
        "who_is_worried": "De school",
        "behaviour": "Noor komt vaak zonder eten naar school",
        "impact": "Noor heeft honger en kan niet opletten",
        "fear": "Noor ziek wordt",
        "children": [child_of(world_of(case).trajectory).pk],
        "audience": int(Audience.PARENTS),
    }


def statement_edit_data(case: Any) -> dict[str, Any]:
    statement = ensure_statement(world_of(case))
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
        "danger_statement": ensure_statement(world_of(case)).pk,
        "parents_and_network_will": "Mama maakt elke ochtend een brooddoos.",
        "child_will_experience": "Noor heeft eten bij zich.",
        "professionals_will_see": "De juf ziet elke dag een brooddoos.",
        "for_how_long": "drie maanden",
        "audience": int(Audience.PARENTS),
    }


def goal_edit_data(case: Any) -> dict[str, Any]:
    goal = ensure_goal(world_of(case))
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
    line = ensure_bottom_line(world_of(case))
    return {
        "text": line.text,
        "reason": line.reason + " Dat zei de jeugdrechter.",
        "audience": line.audience,
        "version": line.version,
    }


def withdraw_data(case: Any) -> dict[str, Any]:
    return {"reason": "Dubbel ingevoerd"}


def comment_data(case: Any) -> dict[str, Any]:
    prefix = f"c-gb-{ensure_statement(world_of(case)).pk}"
    mother = Person.objects.filter(trajectory=world_of(case).trajectory, is_child=False).first()
    assert mother is not None
    return {
        f"{prefix}-kind": "disagreement",
        f"{prefix}-view_of_person": mother.pk,
        f"{prefix}-text": "Papa drinkt niet meer sinds de zomer.",
        f"{prefix}-audience": int(Audience.PARENTS),
    }


# The consultant's forms (the team lead's too): URL name in `assessments`, its kwargs, a post
# that succeeds.
CONSULTANT_FORMS = [
    ("statement_create", reference_kwargs, statement_create_data),
    ("statement_edit", statement_kwargs, statement_edit_data),
    ("statement_withdraw", statement_kwargs, withdraw_data),
    ("goal_create", reference_kwargs, goal_create_data),
    ("goal_edit", goal_kwargs, goal_edit_data),
    ("goal_withdraw", goal_kwargs, withdraw_data),
    ("bottom_line_create", reference_kwargs, bottom_line_create_data),
    ("bottom_line_edit", bottom_line_kwargs, bottom_line_edit_data),
    ("bottom_line_withdraw", bottom_line_kwargs, withdraw_data),
]

"""Objects of the HOW for the test world, and the URL kwargs and posts the cross-app suites use.

Idempotent: the permission matrix builds its URLs many times on the same world. The helpers
take the world, or the permission matrix's case (which holds it).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from samenopweg.assessments.tests.statement_world import ensure_goal
from samenopweg.cases.tests.helpers import mother_of, reference_kwargs, world_of
from samenopweg.core.models import Audience
from samenopweg.people.models import Person
from samenopweg.safety_plans.models import (
    CheckOutcome,
    PlanKind,
    PlanRule,
    PlanStatus,
    PlanVersion,
    SafetyPlan,
)

MARK = "MATRIX-HOE"


def mother(world: Any) -> Person:
    return mother_of(world_of(world).trajectory)


def ensure_plan(world: Any) -> SafetyPlan:
    """A lasting plan that runs, with one version, for the world's trajectory."""
    world = world_of(world)
    plan = SafetyPlan.objects.filter(trajectory=world.trajectory, kind=PlanKind.LASTING).first()
    if plan is None:
        plan = SafetyPlan.objects.create(
            trajectory=world.trajectory,
            kind=PlanKind.LASTING,
            status=PlanStatus.ACTIVE,
            status_changed_at=timezone.now(),
            safety_object="de blauwe knuffel",
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
        PlanVersion.objects.create(
            plan=plan,
            number=1,
            status=PlanStatus.ACTIVE,
            snapshot={"rules": []},
            made_by=world.worker,
        )
    return plan


def ensure_rule(world: Any) -> PlanRule:
    world = world_of(world)
    plan = ensure_plan(world)
    rule = PlanRule.objects.filter(plan=plan, what__startswith=MARK).first()
    if rule is None:
        rule = PlanRule.objects.create(
            plan=plan,
            trajectory=world.trajectory,
            what=f"{MARK} Oma Maria haalt Noor elke woensdag op school.",
            when="elke woensdag om 12 uur",
            check_how="Oma stuurt mama een berichtje als Noor bij haar is.",
            fallback="Dan haalt de buurvrouw Noor op.",
            audience=Audience.NETWORK,
            created_by=world.worker,
        )
        rule.who.set([mother(world)])
        rule.goals.set([ensure_goal(world)])
        from samenopweg.safety_plans.services import refresh_follow_up

        refresh_follow_up(rule)
    return rule


def plan_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "plan_id": ensure_plan(world).pk}


def version_kwargs(world: Any) -> dict[str, Any]:
    return {**plan_kwargs(world), "number": 1}


def rule_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "rule_id": ensure_rule(world).pk}


def plan_create_data(world: Any) -> dict[str, Any]:
    return {"safety_object": "", "safety_object_meaning": "", "audience": Audience.NETWORK}


def plan_edit_data(world: Any) -> dict[str, Any]:
    world = world_of(world)
    return {
        "safety_object": "de rode sjaal",
        "safety_object_meaning": "",
        "audience": Audience.NETWORK,
        "version": ensure_plan(world).version,
    }


def status_data(world: Any) -> dict[str, Any]:
    world = world_of(world)
    return {"to_status": PlanStatus.ENDED, "version": ensure_plan(world).version}


def rule_create_data(world: Any) -> dict[str, Any]:
    world = world_of(world)
    return {
        "what": "Papa belt oma als hij wil drinken.",
        "who": [mother(world).pk],
        "when": "altijd",
        "check_how": "Oma vertelt het aan de hulpverlener.",
        "check_every_days": 7,
        "fallback": "Dan komt oma langs.",
        "goals": [ensure_goal(world).pk],
        "audience": Audience.NETWORK,
    }


def rule_edit_data(world: Any) -> dict[str, Any]:
    world = world_of(world)
    return {**rule_create_data(world), "version": ensure_rule(world).version}


def withdraw_data(world: Any) -> dict[str, Any]:
    return {"reason": "Dubbel genoteerd."}


def check_in_data(world: Any) -> dict[str, Any]:
    return {
        "outcome": CheckOutcome.DID_NOT,
        "checked_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "note": "Oma was ziek.",
        "audience": Audience.NETWORK,
    }


def comment_data(world: Any) -> dict[str, Any]:
    return {
        "text": "Goed plan. Wie belt er als oma op reis is?",
        "audience": Audience.PROFESSIONALS,
    }


def confirm_data(world: Any) -> dict[str, Any]:
    """Nothing to post, but a plan that can be confirmed: one rule that answers the only goal."""
    rule = ensure_rule(world)
    rule.plan.refresh_from_db()
    return {"seen": rule.plan.content_changed_at.isoformat()}


# --- Words and Pictures ---------------------------------------------------------------------


def picture_file(name: str = "tekening.png") -> Any:
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 90), (30, 120, 200)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def ensure_story(world: Any) -> Any:
    from samenopweg.safety_plans.models import Story, StoryKind, StoryPage, StoryVersion

    world = world_of(world)
    story = Story.objects.filter(trajectory=world.trajectory).first()
    if story is None:
        from samenopweg.cases.uploads import store_picture

        story = Story.objects.create(
            trajectory=world.trajectory,
            kind=StoryKind.WHY,
            title="Waarom de consulent langskomt",
            audience=Audience.CHILD,
            created_by=world.worker,
        )
        upload = store_picture(
            trajectory=world.trajectory,
            uploaded=picture_file(),
            audience=Audience.CHILD,
            actor=world.worker,
        )
        page = StoryPage.objects.create(
            story=story,
            trajectory=world.trajectory,
            text="Mama en papa maakten soms ruzie.",
            picture=upload,
            picture_alt="Een huis met een wolk erboven",
            audience=Audience.CHILD,
            created_by=world.worker,
        )
        StoryVersion.objects.create(
            story=story,
            number=1,
            snapshot={
                "title": story.title,
                "pages": [
                    {"text": page.text, "picture": upload.pk, "picture_alt": page.picture_alt}
                ],
            },
            made_by=world.worker,
        )
    return story


def story_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "story_id": ensure_story(world).pk}


def story_version_kwargs(world: Any) -> dict[str, Any]:
    return {**story_kwargs(world), "number": 1}


def page_kwargs(world: Any) -> dict[str, Any]:
    page = ensure_story(world).pages.order_by("id").first()
    return {**reference_kwargs(world), "page_id": page.pk}


def upload_kwargs(world: Any) -> dict[str, Any]:
    page = ensure_story(world).pages.order_by("id").first()
    return {**reference_kwargs(world), "upload_id": page.picture_id}


def story_create_data(world: Any) -> dict[str, Any]:
    return {"title": "Wat er gaat gebeuren", "written_with": "mama", "audience": Audience.CHILD}


def story_edit_data(world: Any) -> dict[str, Any]:
    story = ensure_story(world)
    return {**story_create_data(world), "version": story.version}


def page_add_data(world: Any) -> dict[str, Any]:
    return {
        "text": "Oma haalt je op woensdag op.",
        "picture": picture_file(),
        "picture_alt": "Oma met een fiets",
    }


def page_edit_data(world: Any) -> dict[str, Any]:
    page = ensure_story(world).pages.order_by("id").first()
    return {
        "text": "Mama en papa praten nu rustig.",
        "picture_alt": page.picture_alt,
        "version": page.version,
    }


# The forms of the plan and of Words and Pictures, for every professional on the case: URL name
# in `safety_plans`, its kwargs, a post that succeeds.
PLAN_FORMS = [
    ("plan_create", reference_kwargs, plan_create_data),
    ("plan_edit", plan_kwargs, plan_edit_data),
    ("plan_comment", plan_kwargs, comment_data),
    ("rule_create", plan_kwargs, rule_create_data),
    ("rule_edit", rule_kwargs, rule_edit_data),
    ("rule_withdraw", rule_kwargs, withdraw_data),
    ("check_in", rule_kwargs, check_in_data),
]
STORY_FORMS = [
    ("story_create", reference_kwargs, story_create_data),
    ("story_edit", story_kwargs, story_edit_data),
    ("page_add", story_kwargs, page_add_data),
    ("page_edit", page_kwargs, page_edit_data),
]

"""A report to the youth judge for the test world, its parents' version shared, and the URL
kwargs and posts the cross-app suites use.

The world's trajectory is a voluntary OCJ file; a report is written for a frame with a judge,
so `ensure_report` refers it to the public prosecutor first (maatschappelijke noodzaak).
Idempotent: the permission matrix builds its URLs many times on the same world.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from samenopweg.assessments.tests import statement_world as wat
from samenopweg.cases.models import Framework, Trajectory
from samenopweg.cases.tests.helpers import reference_kwargs, world_of
from samenopweg.core.models import Audience
from samenopweg.reports.models import JudgeReport, ParentsVersion

MARK = "MATRIX-VERSLAG"
PROFESSIONALS_ONLY = "MATRIX-ALLEEN-VOOR-DE-RECHTER"
PARENTS_TEXT = "We schrijven aan de rechter dat papa hulp zoekt. Noor is thuis veiliger."


def with_judge(world: Any) -> Trajectory:
    """The world's trajectory, referred to the public prosecutor: it has a youth judge now."""
    world = world_of(world)
    trajectory = world.trajectory
    if trajectory.framework != Framework.MAATSCHAPPELIJKE_NOODZAAK:
        Trajectory.objects.filter(pk=trajectory.pk).update(
            framework=Framework.MAATSCHAPPELIJKE_NOODZAAK
        )
        trajectory.refresh_from_db()
    return trajectory


def ensure_report(world: Any) -> JudgeReport:
    """A report in the making, written by the consultant, with a text for the parents."""
    world = world_of(world)
    trajectory = with_judge(world)
    found = JudgeReport.objects.filter(trajectory=trajectory, why_involved__startswith=MARK).first()
    if found is None:
        wat.ensure_goal(world)
        found = JudgeReport.objects.create(
            trajectory=trajectory,
            why_involved=f"{MARK} De school meldde dat Noor bang is om naar huis te gaan.",
            worries="Papa roept en slaat als hij gedronken heeft.",
            progress="Het plan loopt sinds drie maanden.",
            child_voice="Noor zegt dat het thuis rustiger is.",
            parents_view="Mama zegt dat papa hulp zoekt.",
            proposal=f"{PROFESSIONALS_ONLY} De hulp loopt verder, met een evaluatie in juni.",
            parents_version=PARENTS_TEXT,
            created_by=world.owner,
            edited_by=world.owner,
        )
    return found


def ensure_share(world: Any) -> ParentsVersion:
    """The parents' version shared with the parents."""
    report = ensure_report(world)
    found = ParentsVersion.objects.filter(report=report).order_by("number").first()
    if found is None:
        found = ParentsVersion.objects.create(
            trajectory=report.trajectory,
            report=report,
            number=1,
            text=report.parents_version,
            audience=Audience.PARENTS,
            shared_at=timezone.now(),
            created_by=world_of(world).owner,
        )
    return found


# --- URL kwargs -----------------------------------------------------------------------------


def judge_kwargs(world: Any) -> dict[str, Any]:
    """The world's trajectory, with a youth judge."""
    with_judge(world)
    return reference_kwargs(world)


def report_kwargs(world: Any) -> dict[str, Any]:
    return {**reference_kwargs(world), "report_id": ensure_report(world).pk}


def shared_kwargs(world: Any) -> dict[str, Any]:
    """The trajectory whose parents' version is shared (the portal's pages)."""
    ensure_share(world)
    return reference_kwargs(world)


# --- posts that succeed ---------------------------------------------------------------------


def report_data(world: Any, **more: Any) -> dict[str, Any]:
    return {
        "why_involved": "De school meldde zorgen over Noor.",
        "worries": "Papa roept en slaat als hij gedronken heeft.",
        "progress": "Het plan loopt.",
        "child_voice": "Noor zegt dat het rustiger is.",
        "parents_view": "Mama: het gaat beter.",
        "proposal": "Verder met de hulp.",
        "parents_version": "We schrijven dat het beter gaat. Papa belt oma als het moeilijk is.",
        **more,
    }


def report_edit_data(world: Any) -> dict[str, Any]:
    return {**report_data(world), "version": ensure_report(world).version}


def share_data(world: Any) -> dict[str, Any]:
    report = ensure_report(world)
    if ParentsVersion.objects.filter(report=report, text=report.parents_version).exists():
        # Shared already: give the parents a new text to share.
        JudgeReport.objects.filter(pk=report.pk).update(
            parents_version=report.parents_version + " Ook oma helpt."
        )
    return {"version": JudgeReport.objects.get(pk=report.pk).version, "checked": "on"}


def finish_data(world: Any) -> dict[str, Any]:
    report = ensure_report(world)
    ensure_share(world)
    return {"version": report.version, "finished_on": timezone.localdate().isoformat()}


def reaction_data(world: Any) -> dict[str, Any]:
    return {"text": "Ik ben het eens. Papa doet echt zijn best."}


# The consultant's (and the team lead's) forms: URL name in `reports`, its kwargs, a post that
# succeeds.
CONSULTANT_FORMS = [
    ("report_new", judge_kwargs, report_data),
    ("report_edit", report_kwargs, report_edit_data),
    ("share", report_kwargs, share_data),
    ("finish", report_kwargs, finish_data),
]

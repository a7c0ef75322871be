"""Writes on the report to the youth judge.

The kernel (cases.items) does the shared part of each write: the closed-file refusal, the
version check, the kept version (JudgeReportVersion, from the report as it was) and the audit
row, in one transaction. The domain rules are here:

- a report is written for a trajectory with a youth judge (cases.models.YOUTH_JUDGE_FRAMEWORKS);
- a finished report changes no more, and is finished only after the parents got their
  version: they read what is written to the judge before it goes out;
- sharing keeps the parents' version as it is then (ParentsVersion): the family reads that
  text, never the report or a later edit;
- a parent's reaction is kept with the version they read and shown in the report.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopweg.audit.models import AuditAction
from samenopweg.cases import items
from samenopweg.cases.models import Trajectory
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.people.models import Person
from samenopweg.reports.models import (
    TEXT_FIELDS,
    JudgeReport,
    JudgeReportVersion,
    ParentsReaction,
    ParentsVersion,
    has_judge_report,
)


def refuse_without_judge(trajectory: Trajectory) -> None:
    if not has_judge_report(trajectory):
        raise ValidationError(
            _(
                "Dit traject heeft geen jeugdrechter. Een verslag schrijf je bij VOS, MOF of "
                "een dossier dat als maatschappelijke noodzaak naar het parket gaat."
            )
        )


def refuse_finished(report: JudgeReport) -> None:
    if report.is_finished:
        raise ValidationError(_("Dit verslag is afgerond en verandert niet meer."))


def _texts(texts: dict[str, str]) -> dict[str, str]:
    return {name: (texts.get(name) or "").strip() for name in TEXT_FIELDS}


@transaction.atomic
def start_report(
    *,
    trajectory: Trajectory,
    texts: dict[str, str],
    actor: Any,
    request: HttpRequest | None = None,
) -> JudgeReport:
    """A new report with its first text (the facts on file, as the consultant edited them)."""
    items.refuse_closed(trajectory)
    refuse_without_judge(trajectory)
    return items.create(
        item=JudgeReport(trajectory=trajectory, edited_by=actor, **_texts(texts)),
        actor=actor,
        request=request,
    )


@transaction.atomic
def save_report(
    *,
    report: JudgeReport,
    expected_version: int,
    texts: dict[str, str],
    actor: Any,
    request: HttpRequest | None = None,
) -> JudgeReport:
    """Change the report's text; the text as it was is kept as a version."""
    refuse_finished(report)
    fields: dict[str, Any] = _texts(texts)
    if items.is_unchanged(report, expected_version=expected_version, fields=fields):
        return report
    fields["edited_by"] = actor
    return items.update(
        item=report,
        expected_version=expected_version,
        fields=fields,
        actor=actor,
        request=request,
        history=JudgeReportVersion.of,
    )


@transaction.atomic
def share_with_parents(
    *,
    report: JudgeReport,
    expected_version: int,
    actor: Any,
    request: HttpRequest | None = None,
) -> ParentsVersion:
    """The parents get the parents' version as it is now, on their page and as a PDF."""
    items.refuse_closed(report.trajectory)
    refuse_finished(report)
    current = JudgeReport.objects.select_for_update().get(pk=report.pk)
    if current.version != expected_version:
        raise EditConflict(current)
    text = current.parents_version.strip()
    if not text:
        raise ValidationError(
            {
                "parents_version": _(
                    "Schrijf eerst de versie voor de ouders: wat we aan de jeugdrechter schrijven, "
                    "in gewone woorden."
                )
            }
        )
    latest = current.shares.order_by("-number").first()
    if latest is not None and latest.text == text:
        raise ValidationError(_("De ouders hebben deze versie al. Pas ze eerst aan."))
    return items.create(
        item=ParentsVersion(
            trajectory=current.trajectory,
            report=current,
            number=items.next_number(current.shares, "number", first=1),
            text=text,
            audience=Audience.PARENTS,
            shared_at=timezone.now(),
        ),
        actor=actor,
        request=request,
        detail={"shared_with": "parents"},
    )


@transaction.atomic
def finish_report(
    *,
    report: JudgeReport,
    expected_version: int,
    finished_on: datetime.date,
    actor: Any,
    request: HttpRequest | None = None,
) -> JudgeReport:
    """Finish the report with a date and the consultant's name: it changes no more."""
    refuse_finished(report)
    if not report.shares.exists():
        raise ValidationError(
            _(
                "Deel eerst de versie voor de ouders. Zij lezen wat we aan de jeugdrechter "
                "schrijven voor het verslag vertrekt."
            )
        )
    if finished_on > timezone.localdate():
        raise ValidationError({"finished_on": _("Kies vandaag of een dag ervoor.")})
    return items.update(
        item=report,
        expected_version=expected_version,
        fields={"finished_on": finished_on, "finished_by": actor},
        actor=actor,
        request=request,
        action=AuditAction.UPDATE,
        detail={"finished": True},
    )


@transaction.atomic
def react(
    *,
    share: ParentsVersion,
    person: Person | None,
    text: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> ParentsReaction:
    """A parent's reaction to the version they read: added to the report, for the parents and
    the professionals."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Schrijf wat je erover wilt zeggen.")})
    if person is not None and person.trajectory_id != share.trajectory_id:
        raise ValidationError(_("Kies een persoon van dit traject."))
    return items.create(
        item=ParentsReaction(
            trajectory=share.trajectory,
            report_id=share.report_id,
            shared_version=share,
            person=person,
            text=text,
            audience=Audience.PARENTS,
        ),
        actor=actor,
        request=request,
    )

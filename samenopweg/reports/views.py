"""Pages of the report to the youth judge: the list, one report with its versions and the
parents' reactions, writing it (the consultant), sharing the parents' version, finishing it,
and the A4 PDF for the judge."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from samenopweg.audit.models import AuditAction
from samenopweg.cases.access import CaseAccess, get_item_for_user
from samenopweg.cases.decorators import Require, trajectory_view
from samenopweg.cases.editing import edit_cycle, edit_initial, form_page
from samenopweg.core.pdf import pdf_download
from samenopweg.reports import selectors, services
from samenopweg.reports.forms import (
    TEXTS,
    FinishForm,
    ReportEditForm,
    ReportForm,
    ShareForm,
)
from samenopweg.reports.models import TEXT_FIELDS, JudgeReport, has_judge_report
from samenopweg.reports.summary import family_summary as summary_of
from samenopweg.reports.summary import for_the_parents, summary_pdf

ACTIVE = "reports"
STYLESHEET = "css/report.css"


def _overview_url(access: CaseAccess) -> str:
    return reverse("reports:overview", args=[access.trajectory.reference])


def _detail_url(access: CaseAccess, report: JudgeReport) -> str:
    return reverse("reports:detail", args=[access.trajectory.reference, report.pk])


def _report(access: CaseAccess, report_id: int) -> JudgeReport:
    return get_item_for_user(
        access, JudgeReport.objects.select_related("created_by", "finished_by"), report_id
    )


def _page(request: HttpRequest, access: CaseAccess, **page: Any) -> Any:
    return form_page(
        request,
        access,
        cancel_url=page.pop("cancel_url", _overview_url(access)),
        active=ACTIVE,
        **page,
    )


@trajectory_view(require=Require.PROFESSIONAL)
def overview(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The reports of this trajectory, newest first, with whether the parents read theirs."""
    return render(
        request,
        "reports/overview.html",
        {
            "access": access,
            "t": access.trajectory,
            "active": ACTIVE,
            "reports": list(selectors.reports_of(access).order_by("-created_at", "-id")),
            "has_judge": has_judge_report(access.trajectory),
        },
    )


@trajectory_view(require=Require.PROFESSIONAL)
def family_summary(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The family summary as the parents read it on their own page (reports.summary): what the
    professionals hand over is what the parents may read, never more."""
    return render(
        request,
        "reports/family_summary.html",
        {
            "access": access,
            "t": access.trajectory,
            "active": ACTIVE,
            "summary": summary_of(for_the_parents(access), None),
        },
    )


@trajectory_view(require=Require.PROFESSIONAL, audit_action=AuditAction.EXPORT)
@require_safe
def family_summary_pdf(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    parents = for_the_parents(access)
    return summary_pdf(request, parents, summary_of(parents, None))


@trajectory_view(require=Require.PROFESSIONAL)
def detail(request: HttpRequest, access: CaseAccess, report_id: int) -> HttpResponse:
    report = _report(access, report_id)
    return render(
        request,
        "reports/detail.html",
        {
            "access": access,
            "t": access.trajectory,
            "active": ACTIVE,
            "page": selectors.report_page(access, report),
            "report": report,
            "finish_form": FinishForm(
                initial={"version": report.version, "finished_on": timezone.localdate()}
            ),
        },
    )


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """A new report: every section starts from what is on file; the consultant writes on."""
    trajectory = access.trajectory
    if not has_judge_report(trajectory):
        # Nothing to write here: the list says why.
        return redirect(_overview_url(access))

    def form(data: QueryDict | None) -> forms.Form:
        return ReportForm(data, initial=selectors.report_facts(access) if data is None else None)

    def save(f: forms.Form) -> JudgeReport:
        assert isinstance(f, ReportForm)
        return services.start_report(
            trajectory=trajectory, texts=f.texts(), actor=request.user, request=request
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=lambda made: _detail_url(access, made),
        message=_("Het verslag is bewaard. Deel de versie voor de ouders voor je het afrondt."),
        show=_page(
            request,
            access,
            heading=_("Nieuw verslag aan de jeugdrechter"),
            submit=_("Verslag bewaren"),
            intro=_(
                "Elk deel begint met wat in het dossier staat. Pas aan en vul aan: de "
                "jeugdrechter leest dit verslag."
            ),
            template="reports/report_form.html",
        ),
        cancel_url=_overview_url(access),
        texts=TEXTS,
        tips_always=True,
    )


@trajectory_view(require=Require.CONSULTANT, autosave=True)
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, access: CaseAccess, report_id: int) -> HttpResponse:
    report = _report(access, report_id)
    if report.is_finished:
        return redirect(_detail_url(access, report))

    def form(data: QueryDict | None) -> forms.Form:
        return ReportEditForm(data, initial=edit_initial(report, TEXT_FIELDS))

    def save(f: forms.Form) -> JudgeReport:
        assert isinstance(f, ReportEditForm)
        return services.save_report(
            report=report,
            expected_version=f.cleaned_data["version"],
            texts=f.texts(),
            actor=request.user,
            request=request,
        )

    return edit_cycle(
        request,
        access,
        form=form,
        save=save,
        done=_detail_url(access, report),
        message=_("Het verslag is bewaard. De vorige tekst blijft bewaard als versie."),
        show=_page(
            request,
            access,
            heading=_("Verslag aan de jeugdrechter aanpassen"),
            submit=_("Bewaren"),
            template="reports/report_form.html",
            cancel_url=_detail_url(access, report),
        ),
        cancel_url=_detail_url(access, report),
        conflict_fields=TEXT_FIELDS,
        texts=TEXTS,
        tips_always=True,
    )


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, access: CaseAccess, report_id: int) -> HttpResponse:
    """Give the parents their version: they read it on their page and as a PDF."""
    report = _report(access, report_id)
    return edit_cycle(
        request,
        access,
        form=lambda data: ShareForm(data, initial={"version": report.version}),
        save=lambda f: services.share_with_parents(
            report=report,
            expected_version=f.cleaned_data["version"],
            actor=request.user,
            request=request,
        ),
        done=_detail_url(access, report),
        message=_("De ouders lezen hun versie nu op hun pagina. Hun reactie komt in het verslag."),
        show=_page(
            request,
            access,
            heading=_("De versie voor de ouders delen"),
            submit=_("Delen met de ouders"),
            intro=_(
                "De ouders lezen deze tekst op hun pagina en kunnen hem downloaden. Een latere "
                "aanpassing lezen ze pas als je opnieuw deelt."
            ),
            template="reports/share_form.html",
            report=report,
            cancel_url=_detail_url(access, report),
        ),
        cancel_url=_detail_url(access, report),
        conflict_fields=("parents_version",),
    )


@trajectory_view(require=Require.CONSULTANT)
@require_http_methods(["GET", "POST"])
def finish(request: HttpRequest, access: CaseAccess, report_id: int) -> HttpResponse:
    """Finish the report with a date and the consultant's name; it changes no more."""
    report = _report(access, report_id)
    return edit_cycle(
        request,
        access,
        form=lambda data: FinishForm(
            data, initial={"version": report.version, "finished_on": timezone.localdate()}
        ),
        save=lambda f: services.finish_report(
            report=report,
            expected_version=f.cleaned_data["version"],
            finished_on=f.cleaned_data["finished_on"],
            actor=request.user,
            request=request,
        ),
        done=_detail_url(access, report),
        message=_("Het verslag is afgerond. Download de PDF voor de jeugdrechter."),
        show=_page(
            request,
            access,
            heading=_("Het verslag afronden"),
            submit=_("Afronden"),
            intro=_("Een afgerond verslag verandert niet meer. Het draagt de datum en jouw naam."),
            cancel_url=_detail_url(access, report),
        ),
        cancel_url=_detail_url(access, report),
        conflict_fields=TEXT_FIELDS,
    )


def report_pdf_context(access: CaseAccess, report: JudgeReport) -> dict[str, Any]:
    return {"t": access.trajectory, "report": report, "page": selectors.report_page(access, report)}


@trajectory_view(require=Require.PROFESSIONAL, audit_action=AuditAction.EXPORT)
@require_safe
def report_pdf(request: HttpRequest, access: CaseAccess, report_id: int) -> HttpResponse:
    """The report as an A4 document a judge reads: the sections, the parents' reaction, the
    date and the consultant's name (or "ontwerp" while it is not finished)."""
    report = _report(access, report_id)
    html = render_to_string("reports/report_pdf.html", report_pdf_context(access, report), request)
    return pdf_download(
        request,
        html,
        stylesheet=STYLESHEET,
        filename=f"verslag-jeugdrechter-{access.trajectory.reference}-{report.pk}.pdf",
    )

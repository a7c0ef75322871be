"""The report to the youth judge: built from what is on file, written by the consultant, kept in
versions, shared with the parents in their own version, their reaction added, finished with a
date and a name, printed as an A4 PDF. The family reads only what was shared, and only the
parents; nobody else ever reads the professionals' report."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import World, grant_network_and_young_person
from samenopweg.assessments.models import StatementComment
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.access import CaseAccess
from samenopweg.cases.models import CaseRole, Framework, Trajectory
from samenopweg.cases.tests.helpers import close_trajectory, logged_in_client, mother_of
from samenopweg.core import pdf
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.reports import selectors, services
from samenopweg.reports.models import JudgeReport, JudgeReportVersion, ParentsVersion
from samenopweg.reports.tests import report_world as verslag
from samenopweg.reviews.tests import review_world as ev

pytestmark = pytest.mark.django_db


def _url(name: str, world: World, **kwargs: Any) -> str:
    return reverse(name, kwargs={"reference": world.trajectory.reference, **kwargs})


def _access(world: World) -> CaseAccess:
    return CaseAccess(trajectory=world.trajectory, role=CaseRole.CONSULENT)


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- what is on file ------------------------------------------------------------------------


def test_a_new_report_starts_from_what_is_on_file(world: World) -> None:
    verslag.with_judge(world)
    world.trajectory.refresh_from_db()
    goal = wat.ensure_goal(world)
    wat.ensure_bottom_line(world)
    review = ev.ensure_review(world)
    review.for_the_judge = "De maatregel niet verlengen."
    review.save()
    StatementComment.objects.create(
        trajectory=world.trajectory,
        danger_statement=goal.danger_statement,
        kind="agreement",
        text="Ik wil dat Noor veilig is.",
        view_of_person=mother_of(world.trajectory),
        audience=Audience.PARENTS,
        created_by=world.parent,
    )
    facts = selectors.report_facts(_access(world))
    assert "Maatschappelijke noodzaak" in facts["why_involved"]
    assert world.trajectory.reason in facts["why_involved"]
    assert "papa roept en slaat" in facts["worries"]
    assert "Papa belt oma Maria als hij wil drinken." in facts["worries"]
    assert "Noor slaapt niet thuis" in facts["worries"]
    # The scaling trend (the review's round: mama's 6) and the review itself.
    assert re.search(r"An: 6 \(\d\d/\d\d/\d{4}\)", facts["progress"])
    assert "Evaluatie van" in facts["progress"]
    assert "“Ik wil dat Noor veilig is.”" in facts["parents_view"]
    assert facts["proposal"] == "De maatregel niet verlengen."


def test_the_new_report_page_fills_in_the_facts(world: World) -> None:
    verslag.with_judge(world)
    wat.ensure_goal(world)
    page = logged_in_client(world.owner).get(_url("reports:report_new", world))
    assert page.status_code == 200
    assert "papa roept en slaat" in page.content.decode()


def test_a_trajectory_without_a_judge_gets_no_report(world: World) -> None:
    assert world.trajectory.framework == Framework.VERONTRUSTING
    with pytest.raises(ValidationError, match="geen jeugdrechter"):
        services.start_report(
            trajectory=world.trajectory, texts={"why_involved": "x"}, actor=world.owner
        )
    client = logged_in_client(world.owner)
    assert client.get(_url("reports:report_new", world))["Location"] == _url(
        "reports:overview", world
    )
    assert "geen jeugdrechter" in client.get(_url("reports:overview", world)).content.decode()


def test_the_worker_reads_the_report_but_does_not_write_it(world: World) -> None:
    report = verslag.ensure_report(world)
    worker = logged_in_client(world.worker)
    assert worker.get(_url("reports:detail", world, report_id=report.pk)).status_code == 200
    assert worker.get(_url("reports:report_edit", world, report_id=report.pk)).status_code == 403
    assert (
        worker.post(_url("reports:report_new", world), verslag.report_data(world)).status_code
        == 403
    )


# --- versions and conflicts -----------------------------------------------------------------


def test_every_save_keeps_the_text_as_it_was(world: World) -> None:
    report = verslag.ensure_report(world)
    before = report.texts()
    client = logged_in_client(world.owner)
    data = {**report.texts(), "proposal": "De hulp stopt in juni.", "version": report.version}
    response = client.post(_url("reports:report_edit", world, report_id=report.pk), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.proposal, report.version) == ("De hulp stopt in juni.", 2)
    kept = JudgeReportVersion.objects.get(report=report)
    assert (kept.number, kept.texts, kept.written_by) == (1, before, world.owner)
    row = AuditEvent.objects.filter(object_type="reports.judgereport", action=AuditAction.UPDATE)
    assert row.get().trajectory == world.trajectory
    # The same text again is no change: no version, no audit row.
    client.post(
        _url("reports:report_edit", world, report_id=report.pk),
        {**report.texts(), "version": report.version},
    )
    assert JudgeReportVersion.objects.filter(report=report).count() == 1
    page = client.get(_url("reports:detail", world, report_id=report.pk)).content.decode()
    assert "Versie 1" in page


def test_a_second_editor_is_told_and_nothing_is_overwritten(world: World) -> None:
    report = verslag.ensure_report(world)
    read_at = report.version
    services.save_report(
        report=report,
        expected_version=read_at,
        texts={**report.texts(), "proposal": "Eerst bewaard."},
        actor=world.owner,
    )
    response = logged_in_client(world.team_lead).post(
        _url("reports:report_edit", world, report_id=report.pk),
        {**report.texts(), "proposal": "Later getypt.", "version": read_at},
    )
    assert response.status_code == 409
    assert "Later getypt." in response.content.decode()
    report.refresh_from_db()
    assert report.proposal == "Eerst bewaard."


def test_a_report_needs_why_the_services_are_involved(world: World) -> None:
    verslag.with_judge(world)
    response = logged_in_client(world.owner).post(
        _url("reports:report_new", world), verslag.report_data(world, why_involved="  ")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["why_involved"]
    assert "Papa roept en slaat" in response.content.decode()  # what was typed stays


# --- the parents' version -------------------------------------------------------------------


def test_sharing_keeps_the_parents_text_as_it_was(world: World) -> None:
    report = verslag.ensure_report(world)
    share = services.share_with_parents(
        report=report, expected_version=report.version, actor=world.owner
    )
    assert (share.number, share.text, share.audience) == (
        1,
        verslag.PARENTS_TEXT,
        Audience.PARENTS,
    )
    with pytest.raises(ValidationError, match="al"):
        services.share_with_parents(
            report=report, expected_version=report.version, actor=world.owner
        )
    report = services.save_report(
        report=report,
        expected_version=report.version,
        texts={**report.texts(), "parents_version": "Een nieuwe tekst."},
        actor=world.owner,
    )
    # Until it is shared again, the parents read the text of the first share.
    access = CaseAccess(trajectory=world.trajectory, role=CaseRole.OUDER)
    assert selectors.shared_version(access) == share
    with pytest.raises(EditConflict):
        services.share_with_parents(report=report, expected_version=1, actor=world.owner)
    second = services.share_with_parents(
        report=report, expected_version=report.version, actor=world.owner
    )
    assert (second.number, selectors.shared_version(access)) == (2, second)


def test_an_empty_parents_version_is_not_shared(world: World) -> None:
    report = verslag.ensure_report(world)
    JudgeReport.objects.filter(pk=report.pk).update(parents_version="")
    response = logged_in_client(world.owner).post(
        _url("reports:share", world, report_id=report.pk),
        {"version": report.version, "checked": "on"},
    )
    assert response.status_code == 200
    assert "Schrijf eerst de versie voor de ouders" in response.content.decode()
    assert not ParentsVersion.objects.exists()


def test_the_family_reads_only_the_shared_parents_version(world: World) -> None:
    grant_network_and_young_person(world)
    report = verslag.ensure_report(world)
    url = _url("portal:report", world)
    parent = logged_in_client(world.parent)
    # Not shared yet: nothing to read, and the parents' home page does not point at it.
    assert parent.get(url).status_code == 404
    home = parent.get(_url("portal:trajectory", world)).content.decode()
    assert url not in home
    verslag.ensure_share(world)
    page = parent.get(url).content.decode()
    assert verslag.PARENTS_TEXT in page
    assert verslag.PROFESSIONALS_ONLY not in page
    assert url in parent.get(_url("portal:trajectory", world)).content.decode()
    # An edit after the share is not read until it is shared again.
    JudgeReport.objects.filter(pk=report.pk).update(parents_version="NIEUW-NIET-GEDEELD")
    assert "NIEUW-NIET-GEDEELD" not in parent.get(url).content.decode()
    for other in (world.network_member, world.young_person):
        assert logged_in_client(other).get(url).status_code == 404
        assert logged_in_client(other).get(_url("portal:report_pdf", world)).status_code == 404
        home = logged_in_client(other).get(_url("portal:trajectory", world)).content.decode()
        assert verslag.PARENTS_TEXT not in home and url not in home
    for outsider in (world.parent_elsewhere, world.other_consultant, world.worker_elsewhere):
        assert logged_in_client(outsider).get(url).status_code == 404


def test_the_parents_reaction_is_added_to_the_report(world: World, printed: list[str]) -> None:
    grant_network_and_young_person(world)
    report = verslag.ensure_report(world)
    verslag.ensure_share(world)
    url = _url("portal:report", world)
    parent = logged_in_client(world.parent)
    empty = parent.post(url, {"text": "  "})
    assert empty.status_code == 200 and empty.context["form"].errors["text"]
    assert parent.post(url, verslag.reaction_data(world)).status_code == 302
    assert "Papa doet echt zijn best." in parent.get(url).content.decode()
    # The network and a young person do not react (nor read it).
    assert logged_in_client(world.network_member).post(url, {"text": "x"}).status_code == 404
    detail = logged_in_client(world.owner).get(_url("reports:detail", world, report_id=report.pk))
    assert "Papa doet echt zijn best." in detail.content.decode()
    pdf_response = logged_in_client(world.owner).get(
        _url("reports:pdf", world, report_id=report.pk)
    )
    assert pdf_response.status_code == 200
    assert "Papa doet echt zijn best." in _plain(printed[-1])


def test_the_parents_pdf_is_their_version(world: World, printed: list[str]) -> None:
    verslag.ensure_share(world)
    response = logged_in_client(world.parent).get(_url("portal:report_pdf", world))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _plain(printed[-1])
    assert verslag.PARENTS_TEXT in text
    assert verslag.PROFESSIONALS_ONLY not in text
    read = AuditEvent.objects.filter(path=_url("portal:report_pdf", world)).get()
    assert (read.action, read.actor, read.object_type) == (
        AuditAction.EXPORT,
        world.parent,
        "reports.parentsversion",
    )


# --- finishing and the PDF ------------------------------------------------------------------


def test_a_report_is_finished_only_after_the_parents_got_theirs(
    world: World, printed: list[str]
) -> None:
    report = verslag.ensure_report(world)
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="Deel eerst"):
        services.finish_report(
            report=report, expected_version=report.version, finished_on=today, actor=world.owner
        )
    verslag.ensure_share(world)
    client = logged_in_client(world.owner)
    response = client.post(
        _url("reports:finish", world, report_id=report.pk), verslag.finish_data(world)
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.finished_on, report.finished_by) == (today, world.owner)
    with pytest.raises(ValidationError, match="afgerond"):
        services.save_report(
            report=report, expected_version=report.version, texts={}, actor=world.owner
        )
    edit = client.get(_url("reports:report_edit", world, report_id=report.pk))
    assert edit["Location"] == _url("reports:detail", world, report_id=report.pk)
    client.get(_url("reports:pdf", world, report_id=report.pk))
    text = _plain(printed[-1])
    assert "Afgerond op" in text and "Ontwerp" not in text
    assert verslag.PROFESSIONALS_ONLY in text


def test_the_report_pdf_is_a4_with_a_draft_mark_until_finished(
    world: World, printed: list[str]
) -> None:
    report = verslag.ensure_report(world)
    response = logged_in_client(world.worker).get(_url("reports:pdf", world, report_id=report.pk))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert "Ontwerp" in _plain(printed[-1])
    document = pdf.pdf_document(
        printed[-1], base_url="http://testserver/", stylesheet="css/report.css"
    )
    first = document.pages[0]
    assert round(first.width * 25.4 / 96) == 210 and round(first.height * 25.4 / 96) == 297


def test_nothing_changes_on_a_closed_trajectory(world: World) -> None:
    report = verslag.ensure_report(world)
    close_trajectory(world)
    report.refresh_from_db()
    with pytest.raises(ValidationError, match="afgesloten"):
        services.save_report(
            report=report,
            expected_version=report.version,
            texts={**report.texts(), "proposal": "x"},
            actor=world.owner,
        )
    with pytest.raises(ValidationError, match="afgesloten"):
        services.share_with_parents(
            report=report, expected_version=report.version, actor=world.owner
        )
    assert Trajectory.objects.get(pk=world.trajectory.pk).is_closed


def test_what_the_parents_read_is_in_plain_language(world: World) -> None:
    from samenopweg.portal.tests.test_plan import _problems, _section

    verslag.ensure_share(world)
    page = logged_in_client(world.parent).get(_url("portal:report", world)).content.decode()
    text = _section(page, "portal-report")
    assert _problems("portal:report", text) == []

"""What a read row names: the record the page showed by its own id, or the page itself."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import World
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.tests.helpers import logged_in_client, trajectory_url
from samenopweg.cases.tests.test_uploads import picture
from samenopweg.cases.uploads import store_picture
from samenopweg.core.models import Audience
from samenopweg.safety_plans.models import PlanStatus, PlanVersion
from samenopweg.safety_plans.tests.plan_world import ensure_plan, ensure_rule


def _read(url: str) -> AuditEvent:
    return AuditEvent.objects.filter(path=url).get()


def test_a_parent_opening_four_pictures_leaves_four_rows_naming_each_picture(
    world: World,
) -> None:
    uploads = [
        store_picture(
            trajectory=world.trajectory,
            uploaded=SimpleUploadedFile(f"{n}.jpg", picture(), content_type="image/jpeg"),
            audience=Audience.PARENTS,
            actor=world.owner,
        )
        for n in range(1, 5)
    ]
    client = logged_in_client(world.parent)
    for upload in uploads:
        url = trajectory_url("cases:upload_file", world, upload_id=upload.pk)
        assert client.get(url).status_code == 200
    rows = AuditEvent.objects.filter(actor=world.parent, action=AuditAction.EXPORT)
    assert sorted(rows.values_list("object_type", "object_id", "trajectory")) == [
        ("cases.upload", str(upload.pk), world.trajectory.pk) for upload in uploads
    ]


def test_an_entrys_edit_page_and_its_history_name_the_entry(world: World) -> None:
    client = logged_in_client(world.owner)
    entry = world.private_entry
    for name in ("journal:edit", "journal:history"):
        url = trajectory_url(name, world, entry_id=entry.pk)
        assert client.get(url).status_code == 200
        assert (_read(url).object_type, _read(url).object_id) == (
            "journal.journalentry",
            str(entry.pk),
        )


def test_a_list_page_names_itself_not_an_item(world: World) -> None:
    client = logged_in_client(world.owner)
    url = trajectory_url("journal:list", world)
    assert client.get(url).status_code == 200
    read = _read(url)
    assert (read.object_type, read.object_id, read.trajectory) == (
        "page:journal_list",
        "",
        world.trajectory,
    )


def test_a_kept_version_is_named_by_its_own_id(world: World) -> None:
    plan = ensure_plan(world)
    second = PlanVersion.objects.create(
        plan=plan, number=2, status=PlanStatus.ACTIVE, snapshot={"rules": []}, made_by=world.owner
    )
    url = trajectory_url("safety_plans:plan_version", world, plan_id=plan.pk, number=2)
    assert logged_in_client(world.owner).get(url).status_code == 200
    assert (_read(url).object_type, _read(url).object_id) == (
        "safety_plans.planversion",
        str(second.pk),
    )


def test_a_remark_on_one_rule_names_the_rule_not_its_plan(world: World) -> None:
    rule = ensure_rule(world)
    url = trajectory_url("safety_plans:plan_comment", world, plan_id=rule.plan_id)
    url += f"?afspraak={rule.pk}"
    assert logged_in_client(world.owner).get(url).status_code == 200
    assert (_read(url).object_type, _read(url).object_id) == (
        "safety_plans.planrule",
        str(rule.pk),
    )


def test_the_dashboards_row_per_file_names_the_page_without_an_id(world: World) -> None:
    url = reverse("dashboard:dashboard")
    assert logged_in_client(world.owner).get(url).status_code == 200
    row = AuditEvent.objects.get(path=url, trajectory=world.trajectory)
    assert (row.object_type, row.object_id) == ("page:dashboard", "")

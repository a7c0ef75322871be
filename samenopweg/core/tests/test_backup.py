"""manage.py backup and restore (issue 11, point 18).

The tests run on a live copy of the test database (a WAL-mode SQLite file, or a PostgreSQL
database cloned from the test database), outside pytest-django's transaction: the writers need
real commits, and the append-only audit table refuses the flush of a transactional test.
"""

from __future__ import annotations

import datetime
import io
import json
import sqlite3
import tarfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, connections
from PIL import Image

from conftest import make_user, member, register
from samenopweg.accounts.models import Organisation, OrganisationKind, Role, Team
from samenopweg.audit.models import AuditEvent
from samenopweg.cases.models import Trajectory
from samenopweg.cases.uploads import store_picture
from samenopweg.core import backup
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry
from samenopweg.journal.services import add_journal_entry

VENDOR = connection.vendor


def _pg_tools_present() -> bool:
    try:
        backup.find_pg_tool("pg_dump")
        backup.find_pg_tool("pg_restore")
    except backup.BackupError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    VENDOR == "postgresql" and not _pg_tools_present(), reason="pg_dump/pg_restore missing"
)


def _admin_sql(sql: str) -> None:
    """CREATE/DROP DATABASE on PostgreSQL: outside a transaction, from the server's maintenance db."""
    with connection._nodb_cursor() as cursor:  # type: ignore[attr-defined]
        cursor.execute(sql)


class Databases:
    """Points Django's default connection at one database after another, for every thread.

    Never at the configured database: only at databases it made itself (temporary SQLite files,
    or PostgreSQL databases named after the test database)."""

    def __init__(self, tmp_path: Path, prefix: str) -> None:
        self.tmp_path, self.prefix = tmp_path, prefix
        self.original = connections.settings["default"]
        self.original_wrapper = connections["default"]
        self.created: list[str] = []

    def new_name(self, label: str) -> str:
        if VENDOR == "sqlite":
            return str(self.tmp_path / f"{label}.sqlite3")
        base = connections["default"].creation._get_test_db_name()  # type: ignore[attr-defined]
        name = f"{base}_{self.prefix}_{label}"[:63]
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.append(name)
        return name

    def empty_database(self, label: str) -> str:
        name = self.new_name(label)
        if VENDOR == "postgresql":
            _admin_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def copy(self, template: str, label: str) -> str:
        connections["default"].close()
        name = self.new_name(label)
        if VENDOR == "sqlite":
            source, target = sqlite3.connect(template), sqlite3.connect(name)
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            target.close()
            source.close()
        else:
            _admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def use(self, name: str) -> None:
        connections["default"].close()
        connections.settings["default"] = {**self.original, "NAME": name}
        del connections["default"]

    def finish(self) -> None:
        connections["default"].close()
        connections.settings["default"] = self.original
        connections["default"] = self.original_wrapper
        for name in self.created:
            _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def migrated(django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated, empty database of its own, copied for each test."""
    with django_db_blocker.unblock():
        handler = Databases(tmp_path_factory.mktemp("backup-template"), "bkt")
        try:
            name = handler.empty_database("template")
            handler.use(name)
            call_command("migrate", verbosity=0, interactive=False)
            connections["default"].close()
            yield name
        finally:
            handler.finish()


@pytest.fixture
def databases(migrated: str, django_db_blocker: Any, tmp_path: Path) -> Iterator[Databases]:
    with django_db_blocker.unblock():
        handler = Databases(tmp_path, "bk")
        try:
            handler.use(handler.copy(migrated, "live"))
            yield handler
        finally:
            handler.finish()


def _picture() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, format="PNG")
    return SimpleUploadedFile("tekening.png", out.getvalue(), content_type="image/png")


def _family() -> tuple[Trajectory, Any]:
    ocj = Organisation.objects.create(name="OCJ Back", kind=OrganisationKind.OCJ, region_code="GNT")
    team = Team.objects.create(organisation=ocj, name="Team B")
    owner = make_user(f"owner-{uuid.uuid4().hex[:6]}")
    member(owner, ocj, Role.CONSULENT, team)
    return register(team, owner), owner


def _write(trajectory: Trajectory, owner: Any, text: str) -> JournalEntry:
    return add_journal_entry(
        trajectory=trajectory,
        occurred_on=datetime.date(2026, 12, 1),
        kind=ContactKind.PHONE,
        text=text,
        audience=Audience.PROFESSIONALS,
        actor=owner,
    )


class Writers:
    """Threads that write journal entries (with their audit rows) through the service."""

    def __init__(self, trajectory: Trajectory, owner: Any, count: int = 3) -> None:
        self.trajectory, self.owner = trajectory, owner
        self.backup_started = threading.Event()
        self.stop = threading.Event()
        self.acknowledged_before: list[int] = []
        self.acknowledged_after: list[int] = []
        self.written = threading.Semaphore(0)
        self.errors: list[BaseException] = []
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(count)]

    def _run(self, n: int) -> None:
        try:
            i = 0
            while not self.stop.is_set():
                entry = _write(self.trajectory, self.owner, f"Schrijver {n}, notitie {i}.")
                # The commit has returned: if the backup has not started by now, it started after.
                if self.backup_started.is_set():
                    self.acknowledged_after.append(entry.pk)
                else:
                    self.acknowledged_before.append(entry.pk)
                self.written.release()
                i += 1
        except BaseException as exc:  # pragma: no cover - reported by the test
            self.errors.append(exc)
            self.written.release()
        finally:
            connections.close_all()

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def wait_for(self, writes: int) -> None:
        for _ in range(writes):
            assert self.written.acquire(timeout=60)
            assert not self.errors, self.errors

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=120)
        assert not self.errors, self.errors


def _audit_rows() -> dict[int, tuple[Any, ...]]:
    return {
        row[0]: row
        for row in AuditEvent.objects.order_by("id").values_list(
            "id", "at", "actor_label", "action", "object_type", "object_id", "trajectory_id"
        )
    }


def test_a_backup_taken_while_writers_run_restores_every_acknowledged_row(
    databases: Databases, tmp_path: Path, settings: Any
) -> None:
    trajectory, owner = _family()
    picture = store_picture(
        trajectory=trajectory, uploaded=_picture(), audience=Audience.PARENTS, actor=owner
    )
    picture_bytes = (Path(settings.UPLOAD_ROOT) / str(picture.file.name)).read_bytes()
    writers = Writers(trajectory, owner)
    writers.start()
    writers.wait_for(30)  # the writers are busy before the backup starts
    writers.backup_started.set()
    archive, manifest = backup.create_backup(output=tmp_path / "out" / "backup.tar.gz")
    writers.wait_for(10)  # and still writing after it
    writers.join()
    live_audit = _audit_rows()
    live_entries = set(JournalEntry.objects.values_list("id", flat=True))
    assert set(writers.acknowledged_before) <= live_entries
    assert len(writers.acknowledged_before) >= 30 and writers.acknowledged_after

    assert manifest.vendor == VENDOR
    assert manifest.migrations["audit"].startswith("0")
    assert {f["path"] for f in manifest.files} == {
        backup.DATABASE_MEMBERS[VENDOR],
        f"uploads/{picture.file.name}",
    }

    restored_uploads = tmp_path / "restored-uploads"
    databases.use(databases.empty_database("restored"))
    backup.restore_backup(archive, uploads=restored_uploads)

    restored_entries = set(JournalEntry.objects.values_list("id", flat=True))
    assert set(writers.acknowledged_before) <= restored_entries
    restored_audit = _audit_rows()
    # Every audit row of every acknowledged entry is there, with its exact timestamp.
    entry_audit = {
        int(row[5])
        for row in restored_audit.values()
        if row[4] == "journal.journalentry" and row[3] == "create"
    }
    assert set(writers.acknowledged_before) <= entry_audit
    assert restored_audit
    for pk, row in restored_audit.items():
        assert row == live_audit[pk]
    assert any(row[1].microsecond % 1000 for row in restored_audit.values())
    assert (restored_uploads / str(picture.file.name)).read_bytes() == picture_bytes


@pytest.fixture
def archive(databases: Databases, tmp_path: Path, settings: Any) -> Path:
    trajectory, owner = _family()
    _write(trajectory, owner, "Een notitie.")
    store_picture(
        trajectory=trajectory, uploaded=_picture(), audience=Audience.PARENTS, actor=owner
    )
    path, _manifest = backup.create_backup(output=tmp_path / "small.tar.gz")
    databases.use(databases.empty_database("target"))
    settings.UPLOAD_ROOT = tmp_path / "target-uploads"
    return path


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar if m.isfile()}  # type: ignore[union-attr]


def _write_archive(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _edit_manifest(members: dict[str, bytes], *, resign: bool, **changes: Any) -> dict[str, bytes]:
    body = json.loads(members[backup.MANIFEST])
    body.update(changes)
    if resign:
        body["manifest_sha256"] = backup._manifest_checksum(body)
    return {**members, backup.MANIFEST: json.dumps(body).encode()}


def _assert_refused(path: Path, message: str, settings: Any) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--yes", stdout=io.StringIO())
    # Nothing was touched: the database has no tables, no upload directory appeared.
    backup.check_target_empty(vendor=VENDOR, using="default", uploads=Path(settings.UPLOAD_ROOT))
    assert not Path(settings.UPLOAD_ROOT).exists()


def test_the_commands_restore_a_good_archive(archive: Path, settings: Any) -> None:
    call_command("restore", str(archive), "--check", stdout=io.StringIO())
    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)
    assert "Teruggezet" in out.getvalue()
    assert JournalEntry.objects.filter(text="Een notitie.").exists()
    assert len(list(Path(settings.UPLOAD_ROOT).rglob("*.jpg"))) == 1


def test_restore_refuses_a_database_that_has_data(archive: Path, settings: Any) -> None:
    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())


def test_restore_refuses_a_changed_byte_in_the_database(
    archive: Path, tmp_path: Path, settings: Any
) -> None:
    members = _members(archive)
    name = backup.DATABASE_MEMBERS[VENDOR]
    data = bytearray(members[name])
    data[len(data) // 2] ^= 0x01
    _assert_refused(
        _write_archive(tmp_path / "tampered.tar.gz", {**members, name: bytes(data)}),
        "beschadigd",
        settings,
    )


def test_restore_refuses_an_edited_manifest(archive: Path, tmp_path: Path, settings: Any) -> None:
    members = _edit_manifest(_members(archive), resign=False, created_at="2020-01-01T00:00:00")
    _assert_refused(_write_archive(tmp_path / "edited.tar.gz", members), "gewijzigd", settings)


def test_restore_refuses_a_missing_file(archive: Path, tmp_path: Path, settings: Any) -> None:
    members = {k: v for k, v in _members(archive).items() if not k.startswith("uploads/")}
    _assert_refused(_write_archive(tmp_path / "short.tar.gz", members), "mist", settings)


def test_restore_refuses_a_file_the_manifest_does_not_name(
    archive: Path, tmp_path: Path, settings: Any
) -> None:
    members = {**_members(archive), "uploads/extra.jpg": b"not ours"}
    _assert_refused(_write_archive(tmp_path / "extra.tar.gz", members), "niet noemt", settings)


def test_restore_refuses_a_truncated_archive(archive: Path, tmp_path: Path, settings: Any) -> None:
    data = archive.read_bytes()
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(data[: len(data) // 2])
    _assert_refused(broken, "beschadigd|leesbaar", settings)


def test_restore_refuses_an_archive_without_manifest(
    archive: Path, tmp_path: Path, settings: Any
) -> None:
    members = {k: v for k, v in _members(archive).items() if k != backup.MANIFEST}
    _assert_refused(_write_archive(tmp_path / "bare.tar.gz", members), "geen manifest", settings)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"app": "ander-platform"}, "niet van Samen op weg"),
        ({"format_version": 99}, "Onbekende archiefversie"),
        ({"migrations": {"audit": "0099_from_the_future"}}, "nieuwere"),
    ],
)
def test_restore_refuses_a_foreign_archive(
    archive: Path, tmp_path: Path, settings: Any, changes: dict[str, Any], message: str
) -> None:
    members = _edit_manifest(_members(archive), resign=True, **changes)
    _assert_refused(_write_archive(tmp_path / "foreign.tar.gz", members), message, settings)


def test_restore_refuses_an_archive_of_another_database_vendor(
    archive: Path, tmp_path: Path, settings: Any
) -> None:
    other = "postgresql" if VENDOR == "sqlite" else "sqlite"
    members = _members(archive)
    body = json.loads(members[backup.MANIFEST])
    old_name, new_name = backup.DATABASE_MEMBERS[VENDOR], backup.DATABASE_MEMBERS[other]
    body["database"] = {"vendor": other, "file": new_name}
    for entry in body["files"]:
        if entry["path"] == old_name:
            entry["path"] = new_name
    body["manifest_sha256"] = backup._manifest_checksum(body)
    members[new_name] = members.pop(old_name)
    members[backup.MANIFEST] = json.dumps(body).encode()
    _assert_refused(_write_archive(tmp_path / "vendor.tar.gz", members), other, settings)


def test_restore_refuses_unsafe_names(archive: Path, tmp_path: Path, settings: Any) -> None:
    members = {**_members(archive), "../escape.txt": b"x"}
    _assert_refused(_write_archive(tmp_path / "escape.tar.gz", members), "onveilige", settings)
    assert not (tmp_path / "escape.txt").exists()


def test_backup_never_overwrites_an_archive(archive: Path) -> None:
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("backup", "--output", str(archive), stdout=io.StringIO())


def test_restore_refuses_an_upload_directory_with_files(archive: Path, settings: Any) -> None:
    uploads = Path(settings.UPLOAD_ROOT)
    uploads.mkdir(parents=True)
    (uploads / "already-here.jpg").write_bytes(b"x")
    with pytest.raises(CommandError, match="uploads .* niet leeg"):
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    assert sorted(p.name for p in uploads.iterdir()) == ["already-here.jpg"]


def test_the_backup_command_writes_an_archive_only_its_owner_reads(
    databases: Databases, tmp_path: Path
) -> None:
    target = tmp_path / "nightly" / "backup.tar.gz"
    out = io.StringIO()
    call_command("backup", "--output", str(target), stdout=out)
    assert str(target) in out.getvalue()
    assert target.stat().st_mode & 0o777 == 0o600
    assert backup.inspect_archive(target).vendor == VENDOR
    assert [p.name for p in target.parent.iterdir()] == ["backup.tar.gz"]


def test_a_backup_that_fails_halfway_leaves_no_archive(
    databases: Databases, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    uploads = Path(settings.UPLOAD_ROOT)
    (uploads / "a.jpg").write_bytes(b"picture")
    real_add = backup._add_file

    def add_then_fail(archive: Any, path: Path, name: str) -> dict[str, Any]:
        if name.startswith("uploads/"):
            raise OSError("disk full")
        return real_add(archive, path, name)

    monkeypatch.setattr(backup, "_add_file", add_then_fail)
    target = tmp_path / "out" / "backup.tar.gz"
    with pytest.raises(OSError, match="disk full"):
        backup.create_backup(output=target)
    assert list(target.parent.iterdir()) == []


def test_a_missing_pg_dump_is_a_clear_error(
    settings: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings.PG_BIN_DIR = str(tmp_path)
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    monkeypatch.setattr(backup.glob, "glob", lambda pattern: [])
    with pytest.raises(backup.BackupError, match="pg_dump niet gevonden.*SAMENOPWEG_PG_BIN_DIR"):
        backup.find_pg_tool("pg_dump")
    (tmp_path / "pg_dump").write_text("#!/bin/sh\n")
    (tmp_path / "pg_dump").chmod(0o755)
    assert backup.find_pg_tool("pg_dump") == str(tmp_path / "pg_dump")

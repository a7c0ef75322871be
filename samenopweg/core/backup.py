"""Backup and restore of the database and the uploaded files in one checked archive.

An archive is a tar.gz with the database (`database/samenopweg.sqlite3`, written by SQLite's
online backup API, or `database/samenopweg.pgdump`, written by `pg_dump --format=custom`), the
uploaded files under `uploads/` and `manifest.json`: format version, app, time, database vendor,
the latest migration per app and every file with its size and SHA-256, and a checksum of the
manifest itself. Copying the SQLite file while the app runs is not a backup: in WAL mode the
last acknowledged writes live in the `-wal` file, and the copy silently lacks them.

`restore_backup` checks the whole archive into a staging directory before it touches anything,
and only restores into an empty database and an empty upload directory.

The checksums find damage, not forgery: whoever can write the archive can write a matching
manifest. Keeping archives safe (encryption, access) is the operator's job.
"""

from __future__ import annotations

import contextlib
import datetime
import glob
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

APP_NAME = "samenopweg"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {
    "sqlite": "database/samenopweg.sqlite3",
    "postgresql": "database/samenopweg.pgdump",
}
UPLOADS = "uploads"
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass
class Manifest:
    format_version: int
    app: str
    created_at: str
    vendor: str
    migrations: dict[str, str]
    files: list[dict[str, Any]] = field(default_factory=list)

    def body(self) -> dict[str, Any]:
        return {
            "format_version": self.format_version,
            "app": self.app,
            "created_at": self.created_at,
            "database": {"vendor": self.vendor, "file": DATABASE_MEMBERS[self.vendor]},
            "migrations": self.migrations,
            "files": self.files,
        }

    def to_json(self) -> bytes:
        body = self.body()
        body["manifest_sha256"] = _manifest_checksum(body)
        return json.dumps(body, indent=2, sort_keys=True).encode("utf-8")


def _manifest_checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(
        {k: v for k, v in body.items() if k != "manifest_sha256"},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- where things are ---------------------------------------------------------------------


def upload_root() -> Path:
    """The directory of the uploaded files (cases.models.UploadStorage reads the same setting)."""
    return Path(settings.UPLOAD_ROOT)


def _vendor(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(
            f"Databank '{vendor}' wordt niet ondersteund (alleen SQLite en PostgreSQL)."
        )
    return vendor


def _sqlite_path(using: str) -> str:
    name = str(connections[using].settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupError("Een databank in het geheugen kan niet bewaard of teruggezet worden.")
    return name


def find_pg_tool(name: str) -> str:
    """pg_dump or pg_restore: SAMENOPWEG_PG_BIN_DIR, then PATH, then Debian's newest version."""
    configured = getattr(settings, "PG_BIN_DIR", "")
    candidates = [str(Path(configured) / name)] if configured else []
    on_path = shutil.which(name)
    if on_path:
        candidates.append(on_path)
    candidates += sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
        reverse=True,
    )
    for candidate in candidates:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise BackupError(
        f"{name} niet gevonden. Installeer de PostgreSQL-clientprogramma's (Debian: "
        f"postgresql-client) of zet SAMENOPWEG_PG_BIN_DIR op de map waarin {name} staat."
    )


def _pg_env(using: str) -> dict[str, str]:
    """libpq's environment for the connection's settings (the password never on a command line)."""
    conf = connections[using].settings_dict
    env = dict(os.environ)
    for key, variable in (
        ("NAME", "PGDATABASE"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
    ):
        if conf.get(key):
            env[variable] = str(conf[key])
    options = conf.get("OPTIONS") or {}
    for key, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
    ):
        if options.get(key):
            env[variable] = str(options[key])
    return env


def _run(command: list[str], *, env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(
            f"{Path(command[0]).name} mislukte (code {result.returncode}): "
            f"{result.stderr.strip() or result.stdout.strip()}"
        )


# --- backup -------------------------------------------------------------------------------


def _latest_migrations(rows: list[tuple[str, str]]) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in rows:  # in the order they were applied
        latest[app] = name
    return dict(sorted(latest.items()))


def _dump_sqlite(using: str, target: Path) -> dict[str, str]:
    source_path = _sqlite_path(using)
    if not source_path.startswith("file:") and not Path(source_path).is_file():
        raise BackupError(f"De SQLite-databank {source_path} bestaat niet.")
    source = sqlite3.connect(source_path, uri=source_path.startswith("file:"), timeout=20)
    destination = sqlite3.connect(target)
    try:
        # One step (pages=-1) is one read transaction: a consistent snapshot of the database
        # including what is only in the -wal file, while writers go on.
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        check = destination.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"De kopie van de databank is niet in orde: {check}")
        rows = destination.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
    finally:
        destination.close()
        source.close()
    return _latest_migrations(rows)


def _dump_postgresql(using: str, target: Path) -> dict[str, str]:
    # pg_dump reads in one repeatable-read transaction: a consistent snapshot.
    _run(
        [find_pg_tool("pg_dump"), "--format=custom", "--no-password", f"--file={target}"],
        env=_pg_env(using),
    )
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        rows = cursor.fetchall()
    return _latest_migrations(rows)


class _HashingReader:
    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _add_file(archive: tarfile.TarFile, path: Path, name: str) -> dict[str, Any]:
    with path.open("rb") as handle:
        info = tarfile.TarInfo(name)
        info.size = os.fstat(handle.fileno()).st_size
        info.mtime = int(path.stat().st_mtime)
        info.mode = 0o600
        reader = _HashingReader(handle)
        archive.addfile(info, reader)  # type: ignore[arg-type]
    if reader.size != info.size:
        raise BackupError(f"{path} veranderde terwijl het bewaard werd.")
    return {"path": name, "size": reader.size, "sha256": reader.digest.hexdigest()}


def default_output() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BACKUP_DIR) / f"samenopweg-{stamp}.tar.gz"


def create_backup(
    *, output: Path | None = None, using: str = DEFAULT_DB_ALIAS, uploads: Path | None = None
) -> tuple[Path, Manifest]:
    """Write one archive of the database and the uploads; a half archive never gets the name."""
    vendor = _vendor(using)
    output = Path(output) if output is not None else default_output()
    uploads = Path(uploads) if uploads is not None else upload_root()
    if output.exists():
        raise BackupError(f"{output} bestaat al; kies een andere naam.")
    output.parent.mkdir(parents=True, exist_ok=True)
    created_at = timezone.now().isoformat()
    with tempfile.TemporaryDirectory(prefix="samenopweg-backup-") as work:
        dump = Path(work) / "database"
        # The database first, then the files: a picture is on disk before its row commits,
        # so every file the snapshot refers to is already there.
        if vendor == "sqlite":
            migrations = _dump_sqlite(using, dump)
        else:
            migrations = _dump_postgresql(using, dump)
        manifest = Manifest(FORMAT_VERSION, APP_NAME, created_at, vendor, migrations)
        handle, partial = tempfile.mkstemp(
            prefix=f".{output.name}.", suffix=".partial", dir=output.parent
        )
        os.close(handle)  # mkstemp makes it readable by its owner only: it holds case data
        try:
            with tarfile.open(partial, "w:gz") as archive:
                manifest.files.append(_add_file(archive, dump, DATABASE_MEMBERS[vendor]))
                if uploads.is_dir():
                    for path in sorted(p for p in uploads.rglob("*") if p.is_file()):
                        if path.is_symlink():
                            continue
                        name = f"{UPLOADS}/{path.relative_to(uploads).as_posix()}"
                        manifest.files.append(_add_file(archive, path, name))
                body = manifest.to_json()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(body)
                info.mtime = int(timezone.now().timestamp())
                info.mode = 0o600
                archive.addfile(info, io.BytesIO(body))
            with open(partial, "rb") as written:
                os.fsync(written.fileno())
            os.replace(partial, output)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
            raise
    return output, manifest


# --- reading and checking an archive ------------------------------------------------------


def _safe_name(name: str) -> str:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Het archief bevat een onveilige naam: {name!r}.")
    return path.as_posix()


def _parse_manifest(raw: bytes) -> Manifest:
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError("Het manifest van het archief is geen geldige JSON.") from exc
    if not isinstance(body, dict):
        raise BackupError("Het manifest van het archief is ongeldig.")
    if body.get("app") != APP_NAME:
        raise BackupError(
            f"Dit archief is niet van Samen op weg (app: {body.get('app')!r}); niets teruggezet."
        )
    if body.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Onbekende archiefversie {body.get('format_version')!r} "
            f"(deze versie leest versie {FORMAT_VERSION})."
        )
    if body.get("manifest_sha256") != _manifest_checksum(body):
        raise BackupError("Het manifest is gewijzigd of beschadigd: de controlesom klopt niet.")
    try:
        database = body["database"]
        manifest = Manifest(
            format_version=int(body["format_version"]),
            app=str(body["app"]),
            created_at=str(body["created_at"]),
            vendor=str(database["vendor"]),
            migrations={str(k): str(v) for k, v in body["migrations"].items()},
            files=[
                {"path": str(f["path"]), "size": int(f["size"]), "sha256": str(f["sha256"])}
                for f in body["files"]
            ],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BackupError("Het manifest van het archief is onvolledig.") from exc
    if manifest.vendor not in DATABASE_MEMBERS or database.get("file") != DATABASE_MEMBERS.get(
        manifest.vendor
    ):
        raise BackupError(f"Onbekende databank in het archief: {manifest.vendor!r}.")
    return manifest


def extract_and_verify(archive_path: Path, staging: Path) -> Manifest:
    """Unpack the archive into `staging` and check it against its manifest; BackupError if the
    archive is damaged or not ours. Only regular files with safe names are written."""
    seen: dict[str, tuple[int, str]] = {}
    raw_manifest: bytes | None = None
    if not Path(archive_path).is_file():
        raise BackupError(f"{archive_path} bestaat niet.")
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive:
                name = _safe_name(member.name)
                if member.isdir():
                    continue
                if not member.isfile():
                    raise BackupError(f"Het archief bevat iets anders dan een bestand: {name!r}.")
                if name in seen or (name == MANIFEST and raw_manifest is not None):
                    raise BackupError(f"Het archief bevat {name!r} twee keer.")
                source = archive.extractfile(member)
                assert source is not None
                if name == MANIFEST:
                    raw_manifest = source.read()
                    continue
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, size = hashlib.sha256(), 0
                with target.open("wb") as out:
                    while chunk := source.read(_CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                seen[name] = (size, digest.hexdigest())
    except (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeError) as exc:
        raise BackupError(
            f"{archive_path} is geen leesbaar archief of is beschadigd: {exc}"
        ) from exc
    if raw_manifest is None:
        raise BackupError("Het archief heeft geen manifest: het is geen backup van Samen op weg.")
    manifest = _parse_manifest(raw_manifest)
    expected = {f["path"]: (f["size"], f["sha256"]) for f in manifest.files}
    if DATABASE_MEMBERS[manifest.vendor] not in expected:
        raise BackupError("Het manifest noemt geen databank.")
    for name, (size, checksum) in expected.items():
        if name not in seen:
            raise BackupError(f"Het archief mist {name}.")
        if seen[name] != (size, checksum):
            raise BackupError(f"{name} is beschadigd: grootte of controlesom klopt niet.")
    extra = sorted(set(seen) - set(expected))
    if extra:
        raise BackupError(f"Het archief bevat bestanden die het manifest niet noemt: {extra[0]}.")
    return manifest


def _check_migrations_known(manifest: Manifest) -> None:
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    for app, name in manifest.migrations.items():
        if (app, name) not in known:
            raise BackupError(
                f"Het archief komt van een nieuwere of andere versie (migratie {app}.{name} "
                "is hier onbekend). Zet het terug met de code waarmee het gemaakt is."
            )


# --- restore ------------------------------------------------------------------------------


def _sqlite_tables(path: str) -> int:
    if not Path(path).exists():
        return 0
    con = sqlite3.connect(path, timeout=20)
    try:
        return int(
            con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
        )
    finally:
        con.close()


def _postgresql_tables(using: str) -> int:
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_catalog.pg_class c "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
            "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND n.nspname NOT LIKE 'pg_toast%%'"
        )
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def check_target_empty(*, vendor: str, using: str, uploads: Path) -> None:
    """Restore never overwrites: the database must have no tables, the upload directory no files."""
    if vendor == "sqlite":
        tables = _sqlite_tables(_sqlite_path(using))
    else:
        tables = _postgresql_tables(using)
    if tables:
        raise BackupError(
            f"De databank is niet leeg ({tables} tabellen). Terugzetten overschrijft nooit: "
            "maak een lege databank (zie docs/CONFIGURATION.md, Backup) en probeer opnieuw."
        )
    if uploads.exists() and (not uploads.is_dir() or any(uploads.iterdir())):
        raise BackupError(
            f"De map voor uploads ({uploads}) is niet leeg. Terugzetten overschrijft nooit: "
            "verplaats hem en probeer opnieuw."
        )


def _restore_sqlite(using: str, staged: Path) -> None:
    target = _sqlite_path(using)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(staged)
    destination = sqlite3.connect(target, timeout=20)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=WAL")
        check = destination.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"De teruggezette databank is niet in orde: {check}")
    finally:
        destination.close()
        source.close()


def _restore_postgresql(using: str, staged: Path) -> None:
    # One transaction: if anything fails, the database stays empty.
    _run(
        [
            find_pg_tool("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            "--no-password",
            f"--dbname={connections[using].settings_dict['NAME']}",
            str(staged),
        ],
        env=_pg_env(using),
    )
    connections[using].close()
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics before anyone uses it


@contextlib.contextmanager
def _staging(near: Path) -> Iterator[Path]:
    near.parent.mkdir(parents=True, exist_ok=True)
    # Next to the upload directory, so the files move into place by renaming.
    path = Path(tempfile.mkdtemp(prefix=f".{near.name}-restore-", dir=near.parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def inspect_archive(archive_path: Path) -> Manifest:
    """Check an archive completely without restoring it."""
    with tempfile.TemporaryDirectory(prefix="samenopweg-check-") as work:
        return extract_and_verify(Path(archive_path), Path(work))


def restore_backup(
    archive_path: Path, *, using: str = DEFAULT_DB_ALIAS, uploads: Path | None = None
) -> Manifest:
    """Check the archive, then put the database and the uploads back into empty places."""
    vendor = _vendor(using)
    uploads = Path(uploads) if uploads is not None else upload_root()
    with _staging(uploads) as staging:
        manifest = extract_and_verify(Path(archive_path), staging)
        if manifest.vendor != vendor:
            raise BackupError(
                f"Het archief is van een {manifest.vendor}-databank, deze installatie gebruikt "
                f"{vendor}. Niets teruggezet."
            )
        _check_migrations_known(manifest)
        check_target_empty(vendor=vendor, using=using, uploads=uploads)
        staged_db = staging / DATABASE_MEMBERS[vendor]
        if vendor == "sqlite":
            _restore_sqlite(using, staged_db)
        else:
            _restore_postgresql(using, staged_db)
        staged_uploads = staging / UPLOADS
        if staged_uploads.is_dir():
            if uploads.exists():
                uploads.rmdir()  # empty, checked above
            os.replace(staged_uploads, uploads)
        else:
            uploads.mkdir(parents=True, exist_ok=True)
    return manifest


def describe(manifest: Manifest) -> str:
    created = datetime.datetime.fromisoformat(manifest.created_at)
    uploads = sum(1 for f in manifest.files if f["path"].startswith(f"{UPLOADS}/"))
    size = sum(f["size"] for f in manifest.files)
    return (
        f"backup van {timezone.localtime(created):%d/%m/%Y %H:%M:%S}, {manifest.vendor}, "
        f"{uploads} uploads, {size / 1_000_000:.1f} MB"
    )

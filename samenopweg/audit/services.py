"""The one writer of the audit trail."""

from __future__ import annotations

from typing import Any, cast

from django.db import connections, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from samenopweg.audit.models import AuditAction, AuditEvent

# An audit row's object_type is a model's label (`journal.journalentry`), its object_id that
# record's pk; or it names a page of many records (`page:journal_list`) and has no object_id.
PAGE = "page:"


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    *,
    actor: Any,
    action: AuditAction | str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    trajectory: Any = None,
    request: HttpRequest | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row; joins the caller's transaction so it commits or rolls back with it."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk or ""
    if trajectory is None and obj is not None:
        trajectory_id = getattr(obj, "trajectory_id", None)
    else:
        trajectory_id = getattr(trajectory, "pk", trajectory)
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    event = AuditEvent(
        actor=actor if is_user else None,
        actor_label=actor.get_username() if is_user else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        trajectory_id=trajectory_id,
        ip_address=_client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:200] if request else ""),
        path=(request.get_full_path()[:300] if request else ""),
        detail=detail or {},
    )
    if not transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            event.save(force_insert=True)
    else:
        event.save(force_insert=True)
    return event


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The fields that changed, with their old and new values, for an audit row's detail.

    The audit trail is append-only, so this keeps every earlier text of an edited record.
    """

    def plain(value: Any) -> Any:
        if isinstance(value, models.Model):
            return value.pk
        if value is None or isinstance(value, bool | int | float | str):
            return value
        return str(value)

    changed = sorted(k for k in after if before.get(k) != after[k])
    return {
        "changed": changed,
        "before": {k: plain(before.get(k)) for k in changed},
        "after": {k: plain(after[k]) for k in changed},
    }


# Rows per INSERT statement: SQLite takes at most 32,766 parameters (11 per row).
_ROWS_PER_INSERT = 500


def record_list_read(
    *,
    actor: Any,
    object_type: str,
    trajectory_ids: list[int],
    request: HttpRequest | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """One read row per trajectory shown in a list (names and ages are case data too), so each
    file's "who looked" page lists the dashboard reads. `object_type`: the list page
    (`page:dashboard`, rows without an id) or `cases.trajectory` (each row its trajectory's id).

    The rows differ only in their trajectory, so the values are prepared once and written with
    one multi-row INSERT (a statement, not one per row: on PostgreSQL 50 statements cost more
    than the rest of the page's SQL): building 50 model instances for bulk_create on every
    dashboard view cost a sixth of the page.
    """
    if not trajectory_ids:
        return
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    common = {
        "at": timezone.now(),
        "actor": actor.pk if is_user else None,
        "actor_label": actor.get_username() if is_user else "",
        "action": AuditAction.VIEW.value,
        "object_type": object_type,
        "ip_address": _client_ip(request),
        "user_agent": (request.META.get("HTTP_USER_AGENT", "")[:200] if request else ""),
        "path": (request.get_full_path()[:300] if request else ""),
        "detail": detail or {},
    }
    connection = connections[AuditEvent.objects.db]
    meta = AuditEvent._meta
    fields = {name: cast("models.Field[Any, Any]", meta.get_field(name)) for name in common}
    values = [fields[name].get_db_prep_save(value, connection) for name, value in common.items()]
    columns = [str(field.column) for field in fields.values()]
    columns += ["trajectory_id", "object_id"]
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(
        quote(meta.db_table), ", ".join(quote(c) for c in columns)
    )
    row = "({})".format(", ".join(["%s"] * len(columns)))

    def object_id(pk: int) -> str:
        # A row of `cases.trajectory` names the trajectory by its id; a `page:<name>` row has no
        # id, its trajectory column says which file the page showed (docs/ARCHITECTURE.md).
        return "" if object_type.startswith(PAGE) else str(pk)

    with transaction.atomic(using=connection.alias, savepoint=False), connection.cursor() as cursor:
        for start in range(0, len(trajectory_ids), _ROWS_PER_INSERT):
            chunk = trajectory_ids[start : start + _ROWS_PER_INSERT]
            params = [value for pk in chunk for value in (*values, pk, object_id(pk))]
            cursor.execute(head + ", ".join([row] * len(chunk)), params)

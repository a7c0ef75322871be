"""The kernel of the case file: what every item in a trajectory is, and the shared part of its writes.

An *item* is a record inside one trajectory: a person, a journal entry, a map entry, a danger
statement, a plan rule, a story page... Each one has an audience (who besides the
professionals may read it, see `cases.access.visible_items`), who made it and when, and a
version for optimistic locking. Most can be withdrawn (never deleted); some keep a history
row or a kept version at each change.

The named services of the practice apps stay (`add_plan_rule(*, ...)`, typed and
keyword-only); their bodies check the domain rules and call `create`, `update` and `withdraw`
here, which do what every write needs, the same way everywhere:

- refuse writes on a closed trajectory (`refuse_closed`);
- validate the model (`full_clean`);
- the version check (`core.locking.save_versioned`, raising `EditConflict`);
- the history or version row, built by the caller from the item as it was;
- the audit row, in the same transaction (`audit.services.record`);
- withdrawal: who, when and why, hidden from the family from then on;
- a save that changes nothing is no change (`is_unchanged`); a new item's place or a kept
  version's number comes next in its sequence (`next_number`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import changes_between, record
from samenopweg.core.locking import EditConflict, save_versioned
from samenopweg.core.models import AudienceItem, Versioned
from samenopweg.core.validators import SHORT_TEXT_MAX, check_length

WITHDRAW_REASON_MAX = SHORT_TEXT_MAX


class Item(AudienceItem, Versioned):
    """An item in the file of one trajectory: audience, who and when, version.

    A subclass that needs a reverse name from the trajectory declares its own `trajectory`
    field (for example `related_name="persons"`); the rest it inherits.
    """

    trajectory = models.ForeignKey("cases.Trajectory", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
        help_text="Empty only for items made before the kernel kept the author.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class WithdrawableItem(Item):
    """An item that is withdrawn instead of deleted: struck through for professionals, hidden
    from the family (`visible_items` leaves withdrawn items out for them)."""

    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    withdrawn_reason = models.CharField(
        gettext_lazy("reden van intrekken"), max_length=WITHDRAW_REASON_MAX, blank=True
    )

    class Meta:
        abstract = True

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


I = TypeVar("I", bound=Item)  # noqa: E741 - the item type of a write

# Builds the history row of an edit from the item as it was before it (unsaved, or None).
History = Callable[[Any], models.Model | None]


def refuse_closed(trajectory: Any, *, network_goes_on: bool = False) -> None:
    """No item of a closed trajectory changes: reopen it first. Except what the network
    keeps doing after the closure (`network_goes_on`, decided by the caller from who writes:
    people.selectors.network_goes_on): the plan is theirs now."""
    if trajectory.is_closed and not network_goes_on:
        raise ValidationError(_("Dit traject is afgesloten. Heropen het eerst."))


def refuse_withdrawn(item: Any, message: str = "") -> None:
    if getattr(item, "withdrawn_at", None) is not None:
        raise ValidationError(message or _("Dit is ingetrokken en kan niet meer veranderen."))


def _is_user(actor: Any) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def _set_many(item: models.Model, many: Mapping[str, Iterable[Any]] | None) -> None:
    for name, values in (many or {}).items():
        getattr(item, name).set(list(values))


def _many_values(item: models.Model, names: Iterable[str]) -> dict[str, list[int]]:
    return {name: sorted(getattr(item, name).values_list("pk", flat=True)) for name in names}


def next_number(
    rows: models.QuerySet[Any] | models.Manager[Any], field: str = "position", *, first: int = 0
) -> int:
    """The next number of a sequence kept in `field` of `rows` (an item's position among its
    siblings, a kept version's number): one past the highest, or `first` for the first row."""
    highest = rows.aggregate(highest=Max(field))["highest"]
    return first if highest is None else highest + 1


def is_unchanged(
    item: Item,
    *,
    expected_version: int,
    fields: Mapping[str, Any],
    many: Mapping[str, Iterable[Any]] | None = None,
) -> bool:
    """Whether an edit form saves what the item already holds, read at its current version.

    Such a save is no change: the caller skips `update` (no new version, no audit row). A form
    read at an older version is never unchanged: it goes on to `update`, which reports the
    conflict."""
    return (
        item.version == expected_version
        and all(getattr(item, name) == value for name, value in fields.items())
        and all(
            _many_values(item, [name])[name] == sorted(v.pk for v in values)
            for name, values in (many or {}).items()
        )
    )


@transaction.atomic
def create(
    *,
    item: I,
    actor: Any,
    request: HttpRequest | None = None,
    many: Mapping[str, Iterable[Any]] | None = None,
    detail: dict[str, Any] | None = None,
    network_goes_on: bool = False,
) -> I:
    """Save a new item of an open trajectory, with its many-to-many links and its audit row.
    `network_goes_on`: the network chair's own follow-up after the closure (refuse_closed)."""
    refuse_closed(item.trajectory, network_goes_on=network_goes_on)
    if network_goes_on and item.trajectory.is_closed:
        detail = {**(detail or {}), "after_closure": True}
    if getattr(item, "created_by_id", None) is None and _is_user(actor):
        item.created_by = actor
    item.full_clean()
    item.save()
    _set_many(item, many)
    record(actor=actor, action=AuditAction.CREATE, obj=item, request=request, detail=detail)
    return item


@transaction.atomic
def update(
    *,
    item: I,
    expected_version: int,
    fields: Mapping[str, Any],
    actor: Any,
    request: HttpRequest | None = None,
    many: Mapping[str, Iterable[Any]] | None = None,
    history: History | None = None,
    detail: dict[str, Any] | None = None,
    action: str = AuditAction.UPDATE,
) -> I:
    """Change `fields` of an item if nobody saved it since `expected_version` was read.

    Raises `EditConflict` (with what the other person saved) when the version moved on.
    `history(before)` may return a row that keeps the earlier state; it is saved in the same
    transaction. The audit row names what changed, with the old and new values.
    """
    refuse_closed(item.trajectory)
    refuse_withdrawn(item)
    before = type(item)._default_manager.get(pk=item.pk)
    before_values = {name: getattr(before, name) for name in fields}
    if many:
        before_values.update(_many_values(before, many))
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    save_versioned(item, expected_version=expected_version, fields=fields)
    if history is not None:
        row = history(before)
        if row is not None and row.pk is None:
            row.save()
    _set_many(item, many)
    after_values = dict(fields)
    if many:
        after_values.update(_many_values(item, many))
    record(
        actor=actor,
        action=action,
        obj=item,
        request=request,
        detail={
            "version": item.version,
            **changes_between(before_values, after_values),
            **(detail or {}),
        },
    )
    return item


def set_one_per_trajectory(
    *,
    model: type[I],
    trajectory: Any,
    fields: Mapping[str, Any],
    expected_version: int | None,
    actor: Any,
    request: HttpRequest | None = None,
) -> I:
    """A setting a trajectory has one of (a cadence, say). The first setting makes the row;
    later ones edit it, with `expected_version` the version the form was read at (None when
    there was no row yet: if one appeared since, that is an edit conflict)."""
    current = model._default_manager.filter(trajectory=trajectory).first()
    if current is None:
        return create(item=model(trajectory=trajectory, **fields), actor=actor, request=request)
    if expected_version is None:
        # Someone set it since this form was opened.
        raise EditConflict(current)
    if is_unchanged(current, expected_version=expected_version, fields=fields):
        return current
    return update(
        item=current,
        expected_version=expected_version,
        fields=fields,
        actor=actor,
        request=request,
    )


def clean_reason(reason: str, *, required: bool = True) -> str:
    """A withdrawal says why, in at most WITHDRAW_REASON_MAX characters."""
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError({"reason": _("Zeg waarom je dit intrekt.")})
    return check_length(reason, WITHDRAW_REASON_MAX, "reason")


@transaction.atomic
def withdraw(
    *,
    item: WithdrawableItem,
    reason: str,
    actor: Any,
    request: HttpRequest | None = None,
    expected_version: int | None = None,
    reason_required: bool = True,
    detail: dict[str, Any] | None = None,
) -> bool:
    """Withdraw an item: nothing is deleted. False when it was withdrawn already.

    With `expected_version`, a withdrawal of an item someone changed in the meantime raises
    `EditConflict` instead.
    """
    refuse_closed(item.trajectory)
    reason = clean_reason(reason, required=reason_required)
    model = type(item)
    rows = model._default_manager.filter(pk=item.pk, withdrawn_at__isnull=True)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    now = timezone.now()
    by = actor if _is_user(actor) else None
    updated = rows.update(
        withdrawn_at=now,
        withdrawn_by=by,
        withdrawn_reason=reason,
        updated_at=now,
        version=F("version") + 1,
    )
    if not updated:
        current = model._default_manager.get(pk=item.pk)
        if current.withdrawn_at is None:
            raise EditConflict(current)
        return False
    item.withdrawn_at, item.withdrawn_by, item.withdrawn_reason = now, by, reason
    item.updated_at = now
    item.version = model._default_manager.values_list("version", flat=True).get(pk=item.pk)
    record(
        actor=actor,
        action=AuditAction.WITHDRAW,
        obj=item,
        request=request,
        detail={"reason": reason[:200], **(detail or {})},
    )
    return True

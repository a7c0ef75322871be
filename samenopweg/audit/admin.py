"""Changes made in the Django admin (memberships give access to whole teams) go to the audit too."""

from typing import Any

from django.contrib import admin
from django.db import router, transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from samenopweg.audit.models import AuditAction
from samenopweg.audit.services import record


class AuditedModelAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        record(
            actor=request.user,
            action=AuditAction.UPDATE if change else AuditAction.CREATE,
            obj=obj,
            request=request,
            detail={"admin": True, "changed": sorted(form.changed_data)},
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record(
            actor=request.user,
            action=AuditAction.WITHDRAW,
            obj=obj,
            request=request,
            detail={"admin": True, "deleted": str(obj)},
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """The bulk "delete selected" action: one row per object, as the single delete.

        Audited rather than switched off: removing many memberships at once is ordinary admin
        work. The rows and the deletion commit together (the changelist runs no transaction).
        """
        with transaction.atomic(using=router.db_for_write(queryset.model)):
            for obj in queryset:
                record(
                    actor=request.user,
                    action=AuditAction.WITHDRAW,
                    obj=obj,
                    request=request,
                    detail={"admin": True, "bulk": True, "deleted": str(obj)},
                )
            super().delete_queryset(request, queryset)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        for inline in formset.forms:
            if inline.has_changed() and inline.instance.pk:
                record(
                    actor=request.user,
                    action=AuditAction.UPDATE,
                    obj=inline.instance,
                    request=request,
                    detail={"admin": True, "changed": sorted(inline.changed_data)},
                )

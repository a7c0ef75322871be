from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from samenopweg.accounts.models import Team
from samenopweg.audit.admin import AuditedModelAdmin
from samenopweg.cases.services import reschedule_safety_checks


# Registered here rather than in accounts: changing the interval moves the safety-question
# due dates of the team's trajectories, which is case logic.
@admin.register(Team)
class TeamAdmin(AuditedModelAdmin):
    list_display = ("name", "organisation", "safety_check_interval_days", "is_active")
    list_filter = ("organisation",)
    search_fields = ("name", "organisation__name")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "safety_check_interval_days" in form.changed_data:
            reschedule_safety_checks(team=obj)

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from samenopweg.accounts.models import Membership, Organisation, Team, User
from samenopweg.audit.admin import AuditedModelAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["organisation", "team"]


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, ("Samen op weg", {"fields": ("language",)}))  # type: ignore[misc]
    inlines = [MembershipInline]
    list_display = ("username", "first_name", "last_name", "email", "is_active", "is_staff")


class TeamInline(admin.TabularInline):
    model = Team
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ("name", "kind", "region_code", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)
    inlines = [TeamInline]


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin):
    list_display = ("user", "role", "organisation", "team", "is_active")
    list_filter = ("role", "organisation", "is_active")
    search_fields = ("user__username", "user__last_name")
    autocomplete_fields = ["user", "organisation", "team"]

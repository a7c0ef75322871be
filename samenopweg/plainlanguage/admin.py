from django.contrib import admin

from samenopweg.plainlanguage.models import JargonTerm


@admin.register(JargonTerm)
class JargonTermAdmin(admin.ModelAdmin):
    list_display = ("term", "alternative", "is_active", "updated_at")
    list_display_links = ("term",)
    list_editable = ("alternative", "is_active")
    list_filter = ("is_active",)
    search_fields = ("term", "alternative", "explanation")
    fields = ("term", "alternative", "explanation", "is_active")

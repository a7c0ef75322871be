from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Pages that read every practice app: the caseload, the trajectory page, the family's pages.
    No models of its own."""

    name = "samenopweg.dashboard"
    label = "dashboard"
    verbose_name = _("Overzicht")

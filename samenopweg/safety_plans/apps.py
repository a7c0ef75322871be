from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyPlansConfig(AppConfig):
    name = "samenopweg.safety_plans"
    label = "safety_plans"
    verbose_name = _("Veiligheidsplan")

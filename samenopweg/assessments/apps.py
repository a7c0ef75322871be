from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "samenopweg.assessments"
    label = "assessments"
    verbose_name = _("In kaart brengen")

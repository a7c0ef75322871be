from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildVoiceConfig(AppConfig):
    name = "samenopweg.child_voice"
    label = "child_voice"
    verbose_name = _("De stem van het kind")

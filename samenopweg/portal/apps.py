from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "samenopweg.portal"
    label = "portal"
    verbose_name = _("De pagina's van het gezin")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "samenopweg.portal"
    label = "portal"
    verbose_name = _("De pagina's van het gezin")

    def ready(self) -> None:
        # The statements and plan pages sit below this app: they ask cases.extensions for notes,
        # and this app says when the family first read each item (portal.seen).
        from samenopweg.cases import extensions
        from samenopweg.portal import seen

        extensions.register_notes(seen.seen_notes)

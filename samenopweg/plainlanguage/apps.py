from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlainLanguageConfig(AppConfig):
    name = "samenopweg.plainlanguage"
    label = "plainlanguage"
    verbose_name = _("Heldere taal")

    def ready(self) -> None:
        from samenopweg.plainlanguage import terms

        terms.connect_signals()

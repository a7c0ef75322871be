from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildVoiceConfig(AppConfig):
    name = "samenopweg.child_voice"
    label = "child_voice"
    verbose_name = _("De stem van het kind")

    def ready(self) -> None:
        # The statements, map and plan pages sit below this app: they ask cases.extensions for
        # what the children said, and this app answers (the imports keep pointing down).
        from samenopweg.cases import extensions
        from samenopweg.child_voice import selectors

        extensions.register_notes(selectors.linked_notes)
        extensions.register_page_notes("map", selectors.map_notes)
        extensions.register_series(selectors.path_series)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "samenopweg.cases"
    label = "cases"
    verbose_name = _("Trajecten")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from samenopweg.cases.drafts import keep_forms_sent_after_time_out

        user_logged_in.connect(
            keep_forms_sent_after_time_out, dispatch_uid="cases.keep_forms_sent_after_time_out"
        )

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "samenopweg.core"
    label = "core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        from samenopweg.core.middleware import forget_last_user

        user_logged_out.connect(forget_last_user, dispatch_uid="core.forget_last_user")

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "samenopweg.core"
    label = "core"

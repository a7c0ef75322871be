from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo families (load_demo) and the synthetic data of the benchmark (seed_synthetic).

    The top layer: it writes through the services of every other app and nothing imports it.
    It has no models, so its name never shows in the UI.
    """

    name = "samenopweg.demo"
    label = "demo"
    verbose_name = "Demo"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "samenopweg.reviews"
    label = "reviews"
    verbose_name = _("Evaluatiemomenten")

    def ready(self) -> None:
        # The plan page sits below this app: it asks cases.extensions for the points a review
        # wants changed, and this app answers (the imports keep pointing down).
        from samenopweg.cases import extensions
        from samenopweg.reviews import selectors

        extensions.register_page_notes(selectors.PLAN_PAGE, selectors.plan_points)

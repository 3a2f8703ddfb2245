from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "tradebridge.reviews"
    verbose_name = _("Reviews")

    def ready(self):
        from tradebridge.reviews import messages  # noqa: F401  (registers translated messages)

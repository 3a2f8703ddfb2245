from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PricingConfig(AppConfig):
    name = "tradebridge.pricing"
    label = "pricing"
    verbose_name = _("Pricing")

    def ready(self) -> None:
        from tradebridge.pricing import messages  # noqa: F401  (registers translated messages)

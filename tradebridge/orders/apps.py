from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "tradebridge.orders"
    label = "orders"
    verbose_name = _("Orders")

    def ready(self) -> None:
        # Translated error messages, and the timer tasks every worker must know.
        from tradebridge.orders import messages, tasks  # noqa: F401

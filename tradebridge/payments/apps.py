from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "tradebridge.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self) -> None:
        # Registers the error messages and the delivery task, so every worker process knows them.
        from tradebridge.payments import messages, tasks  # noqa: F401

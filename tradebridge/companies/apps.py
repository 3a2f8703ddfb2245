from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "tradebridge.companies"
    label = "companies"
    verbose_name = _("Companies")

    def ready(self) -> None:
        from tradebridge.companies import messages  # noqa: F401  (registers translated messages)

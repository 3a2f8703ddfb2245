from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "tradebridge.catalog"
    label = "catalog"
    verbose_name = _("Catalog")

    def ready(self) -> None:
        # Registers the catalog's job handlers, so every worker process knows them.
        from tradebridge.catalog import messages, tasks  # noqa: F401

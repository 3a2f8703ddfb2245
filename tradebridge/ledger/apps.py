from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "tradebridge.ledger"
    label = "ledger"
    verbose_name = _("Ledger")

    def ready(self) -> None:
        from tradebridge.ledger import checks, guard, messages  # noqa: F401

        connection_created.connect(guard.register_sqlite_function, dispatch_uid="ledger_sqlite_guard")

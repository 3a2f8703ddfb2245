"""System check: COMMISSION_RATE_DEFAULT must be a rate the ledger accepts."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.checks import Error, register


@register()
def commission_rate_default(app_configs, **kwargs):
    raw = str(getattr(settings, "COMMISSION_RATE_DEFAULT", ""))
    try:
        rate = Decimal(raw)
    except InvalidOperation:
        rate = None
    if rate is None or not rate.is_finite() or not 0 <= rate < 1:
        return [
            Error(
                f"COMMISSION_RATE_DEFAULT must be a decimal from 0 up to 1 (0.03 is 3%), not {raw!r}.",
                id="ledger.E001",
            )
        ]
    return []

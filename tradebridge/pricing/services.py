"""Writes for pricing: loading exchange rates (all rows of a file, or none)."""

from __future__ import annotations

from django.db import transaction

from tradebridge.pricing.models import ExchangeRate
from tradebridge.pricing.rates_csv import parse_rates


@transaction.atomic
def import_rates(text: str) -> dict[str, int]:
    """Add the file's rates; a row for a pair and time that exists already replaces its rate."""
    created = updated = 0
    for rate in parse_rates(text):
        _row, made = ExchangeRate.objects.update_or_create(
            base=rate.base,
            quote=rate.quote,
            valid_from=rate.valid_from,
            defaults={"rate": rate.rate, "source": rate.source},
        )
        created += made
        updated += not made
    return {"created": created, "updated": updated}

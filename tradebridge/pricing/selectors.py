"""Reads for pricing: the rate table in force, and prices shown in a second currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from tradebridge.pricing.fx import Rate, RateTable, RateUnknown, is_stale
from tradebridge.pricing.models import ExchangeRate


def rate_table() -> RateTable:
    return RateTable(
        Rate(r.base, r.quote, r.rate, r.valid_from, r.source) for r in ExchangeRate.objects.order_by("valid_from")
    )


@dataclass(frozen=True)
class DisplayRate:
    """The rate a page converts with, or why it cannot: shown beside every converted price."""

    base: str
    quote: str
    rate: Rate | None
    stale: bool

    @property
    def known(self) -> bool:
        return self.rate is not None

    def convert(self, amount: Decimal) -> Decimal | None:
        return amount * self.rate.rate if self.rate else None


def display_rate(base: str, quote: str, *, when: datetime | None = None, table: RateTable | None = None) -> DisplayRate:
    when = when or timezone.now()
    try:
        rate = (table or rate_table()).rate_at(base, quote, when)
    except RateUnknown:
        return DisplayRate(base, quote, None, False)
    max_age = timedelta(hours=settings.FX_MAX_AGE_HOURS)
    return DisplayRate(base, quote, rate, is_stale(rate, when, max_age))


def latest_rates() -> list[ExchangeRate]:
    """The newest row of each pair, for the operator's overview."""
    seen: set[tuple[str, str]] = set()
    latest = []
    for row in ExchangeRate.objects.order_by("base", "quote", "-valid_from"):
        if (row.base, row.quote) not in seen:
            seen.add((row.base, row.quote))
            latest.append(row)
    return latest

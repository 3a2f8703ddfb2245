"""Reads for pricing: the rate table in force, and prices shown in a second currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from tradebridge.pricing.fx import Rate, RateTable, RateUnknown, is_stale
from tradebridge.pricing.models import ExchangeRate


def _in_force(when: datetime):
    """Each pair's latest row valid at `when`: the only rows a conversion at `when` can use,
    so the query stays the same size however long the rate history grows."""
    newest = ExchangeRate.objects.filter(base=OuterRef("base"), quote=OuterRef("quote"), valid_from__lte=when).order_by(
        "-valid_from"
    )
    return ExchangeRate.objects.filter(valid_from=Subquery(newest.values("valid_from")[:1]))


def rate_table(when: datetime) -> RateTable:
    """The rates in force at `when`, for conversions at that moment."""
    return RateTable(Rate(r.base, r.quote, r.rate, r.valid_from, r.source) for r in _in_force(when))


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
        rate = (table or rate_table(when)).rate_at(base, quote, when)
    except RateUnknown:
        return DisplayRate(base, quote, None, False)
    max_age = timedelta(hours=settings.FX_MAX_AGE_HOURS)
    return DisplayRate(base, quote, rate, is_stale(rate, when, max_age))


def latest_rates() -> list[ExchangeRate]:
    """The row of each pair in force now, for the operator's overview."""
    return list(_in_force(timezone.now()).order_by("base", "quote"))

"""Exchange rates: a snapshot table of dated rates, how a pair is resolved at a moment, conversion.

Resolution rule of `RateTable.rate_at(base, quote, when)`:

1. base == quote: the identity rate 1.
2. Among the rates for base→quote *and* the inverse of the rates for quote→base, the one with the
   latest `valid_from` ≤ when; on a tie the direct quote wins (it is what the source published).
3. Otherwise a cross through a pivot, GBP first then USD (our suppliers price in GBP, rate
   sources publish against USD): base→pivot × pivot→quote, each leg resolved by rule 2 only (no
   cross of crosses). The cross rate's `valid_from` is the *older* leg's, so staleness checks see
   the weakest link, and `via` records both legs.
4. Otherwise `RateUnknown(base, quote, when)`: a missing rate is never guessed.

A rate means: 1 unit of base = `rate` units of quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from tradebridge.pricing.currencies import MINOR_UNITS
from tradebridge.pricing.money import Money, UnknownCurrency, to_decimal

PIVOTS: tuple[str, ...] = ("GBP", "USD")


class RateUnknown(LookupError):
    """No rate for base→quote is known at `when` (not direct, inverse, nor via a pivot)."""

    def __init__(self, base: str, quote: str, when: datetime) -> None:
        super().__init__(f"no {base}/{quote} rate known at {when.isoformat()}")
        self.base = base
        self.quote = quote
        self.when = when


def _aware(when: datetime, what: str) -> datetime:
    # Naive datetimes would make "latest rate before when" depend on the server's timezone.
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {when.isoformat()}")
    return when


@dataclass(frozen=True, slots=True)
class Rate:
    """1 `base` = `rate` `quote`, valid from `valid_from`, as published by `source`."""

    base: str
    quote: str
    rate: Decimal
    valid_from: datetime
    source: str
    via: tuple[Rate, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        for code in (self.base, self.quote):
            if code not in MINOR_UNITS:
                raise UnknownCurrency(code)
        value = to_decimal(self.rate, what="rate")
        if value <= 0:
            raise ValueError(f"rate must be positive, got {value}")
        object.__setattr__(self, "rate", value)
        _aware(self.valid_from, "valid_from")

    def inverse(self) -> Rate:
        return Rate(
            self.quote,
            self.base,
            Decimal(1) / self.rate,
            self.valid_from,
            f"inverse of {self.source}",
            via=(self,),
        )


@dataclass(frozen=True, slots=True)
class Conversion:
    """A converted amount (full precision) together with the rate that produced it."""

    source: Money
    result: Money
    rate: Rate


class RateTable:
    """An immutable snapshot of rates; resolution rules are in the module docstring."""

    def __init__(self, rates: Iterable[Rate]) -> None:
        by_pair: dict[tuple[str, str], list[Rate]] = {}
        for rate in rates:
            by_pair.setdefault((rate.base, rate.quote), []).append(rate)
        self._by_pair = {pair: sorted(rs, key=lambda r: r.valid_from) for pair, rs in by_pair.items()}

    def _latest(self, base: str, quote: str, when: datetime) -> Rate | None:
        candidates = self._by_pair.get((base, quote), [])
        found = None
        for rate in candidates:  # sorted ascending; lists are short
            if rate.valid_from <= when:
                found = rate
        return found

    def _direct_or_inverse(self, base: str, quote: str, when: datetime) -> Rate | None:
        direct = self._latest(base, quote, when)
        opposite = self._latest(quote, base, when)
        if opposite is not None and (direct is None or opposite.valid_from > direct.valid_from):
            return opposite.inverse()
        return direct

    def rate_at(self, base: str, quote: str, when: datetime) -> Rate:
        _aware(when, "when")
        for code in (base, quote):
            if code not in MINOR_UNITS:
                raise UnknownCurrency(code)
        if base == quote:
            # Valid "from now": an identity rate is never stale.
            return Rate(base, quote, Decimal(1), when, "identity")
        found = self._direct_or_inverse(base, quote, when)
        if found is not None:
            return found
        for pivot in PIVOTS:
            if pivot in (base, quote):
                continue
            first = self._direct_or_inverse(base, pivot, when)
            second = self._direct_or_inverse(pivot, quote, when)
            if first is not None and second is not None:
                return Rate(
                    base,
                    quote,
                    first.rate * second.rate,
                    min(first.valid_from, second.valid_from),
                    f"cross via {pivot}: {first.source} × {second.source}",
                    via=(first, second),
                )
        raise RateUnknown(base, quote, when)


def convert(money: Money, to: str, when: datetime, table: RateTable) -> Conversion:
    """`money` in currency `to` at `when`, unrounded; raises RateUnknown."""
    rate = table.rate_at(money.currency, to, when)
    return Conversion(source=money, result=Money(money.amount * rate.rate, to), rate=rate)


def is_stale(rate: Rate, now: datetime, max_age: timedelta) -> bool:
    """True when the rate is older than `max_age` at `now` (a cross is as old as its older leg)."""
    return _aware(now, "now") - rate.valid_from > max_age

"""Money: an amount in one ISO 4217 currency that refuses to mix currencies or take floats.

Amounts keep full Decimal precision through arithmetic; rounding happens only at the edges
(`rounded()`, `format()`, `allocate()`), so a wholesale unit price of £0.0035 survives a
multiplication by 10,000 units intact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from tradebridge.pricing.currencies import MINOR_UNITS


class CurrencyMismatch(TypeError):
    """Two amounts in different currencies met in one operation."""

    def __init__(self, left: str, right: str) -> None:
        super().__init__(f"cannot combine {left} with {right}")
        self.left = left
        self.right = right


class UnknownCurrency(ValueError):
    """The currency code is not one TradeBridge trades in (see currencies.MINOR_UNITS)."""

    def __init__(self, code: object) -> None:
        super().__init__(f"unknown currency {code!r}")
        self.code = code


# Display symbols. JPY gets "JP¥" so that "¥" stays unambiguous for the yuan our buyers read.
SYMBOLS: dict[str, str] = {
    "GBP": "£",
    "CNY": "¥",
    "USD": "$",
    "EUR": "€",
    "HKD": "HK$",
    "JPY": "JP¥",
}


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Decimal from int, str or Decimal; floats are refused because 0.1 is not 0.1 in binary."""
    if isinstance(value, bool):  # bool is an int subclass; True is never an amount
        raise TypeError(f"{what} must be int, str or Decimal, not bool")
    if isinstance(value, float):
        raise TypeError(f"{what} must be int, str or Decimal, not float ({value!r})")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | str):
        try:
            result = Decimal(value.strip() if isinstance(value, str) else value)
        except InvalidOperation:
            raise ValueError(f"{what} {value!r} is not a number") from None
    else:
        raise TypeError(f"{what} must be int, str or Decimal, not {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"{what} must be finite, not {value!r}")
    return result


def minor_unit(currency: str) -> Decimal:
    """The smallest coin: Decimal('0.01') for GBP, Decimal('1') for JPY."""
    if currency not in MINOR_UNITS:
        raise UnknownCurrency(currency)
    return Decimal(1).scaleb(-MINOR_UNITS[currency])


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency. Equality is by value: GBP 4.2 == GBP 4.20.

    Ordering, +, - and sums refuse to mix currencies (CurrencyMismatch). `==` between different
    currencies is simply False, so Money can live in sets and be compared with None.
    """

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.currency, str) or self.currency not in MINOR_UNITS:
            raise UnknownCurrency(self.currency)
        object.__setattr__(self, "amount", to_decimal(self.amount))

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    # -- arithmetic -------------------------------------------------------------------------
    def _same(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"expected Money, got {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(self.currency, other.currency)
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._same(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._same(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __mul__(self, factor: int | Decimal) -> Money:
        if isinstance(factor, Money):
            raise TypeError("Money * Money has no meaning; multiply by a number")
        return Money(self.amount * to_decimal(factor, what="factor"), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: int | Decimal) -> Money:
        if isinstance(divisor, Money):
            raise TypeError("Money / Money: divide the amounts if you want a ratio")
        return Money(self.amount / to_decimal(divisor, what="divisor"), self.currency)

    # -- comparison -------------------------------------------------------------------------
    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same(other).amount

    def __bool__(self) -> bool:
        return bool(self.amount)

    # -- edges: rounding and display --------------------------------------------------------
    def rounded(self) -> Money:
        """To the currency's minor unit, half away from zero (ROUND_HALF_UP)."""
        return Money(self.amount.quantize(minor_unit(self.currency), ROUND_HALF_UP), self.currency)

    def format(self, *, symbol: bool = False, grouping: bool = False) -> str:
        """'GBP 4.20', or with symbol=True '£4.20' ('-£4.20' when negative)."""
        value = self.rounded().amount
        digits = MINOR_UNITS[self.currency]
        number = f"{abs(value):,.{digits}f}" if grouping else f"{abs(value):.{digits}f}"
        sign = "-" if value < 0 else ""
        if symbol and self.currency in SYMBOLS:
            return f"{sign}{SYMBOLS[self.currency]}{number}"
        return f"{self.currency} {sign}{number}"

    def __str__(self) -> str:
        return self.format()


def sum_money(items: Iterable[Money], currency: str) -> Money:
    """Sum of Money in `currency`; the currency makes an empty sum well defined."""
    total = Money.zero(currency)
    for item in items:
        total = total + item
    return total


def allocate(total: Money, weights: Sequence[int | Decimal]) -> list[Money]:
    """Split `total` (rounded first) into len(weights) rounded parts that sum to it exactly.

    Largest-remainder method: each part gets the floor of its exact share in minor units, then
    the units left over go one each to the largest remainders (earlier index wins a tie). Exact
    shares are computed with Fractions so no unit is lost to Decimal's finite precision. A zero
    weight always gets zero.
    """
    if not weights:
        raise ValueError("allocate needs at least one weight")
    exact = [Fraction(to_decimal(w, what="weight")) for w in weights]
    if any(w < 0 for w in exact):
        raise ValueError("weights must not be negative")
    unit = minor_unit(total.currency)
    units = int((total.rounded().amount / unit).to_integral_value(ROUND_FLOOR))
    whole = sum(exact)
    if whole == 0:
        if units == 0:
            return [Money.zero(total.currency) for _ in weights]
        raise ValueError("cannot allocate a non-zero total over weights that are all zero")
    sign, units = (-1, -units) if units < 0 else (1, units)
    shares = [units * w / whole for w in exact]
    parts = [int(s) for s in shares]  # floor: shares are non-negative
    leftover = units - sum(parts)
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(shares[i] - parts[i]), i))
    for i in by_remainder[:leftover]:
        parts[i] += 1
    return [Money(sign * p * unit, total.currency) for p in parts]


def plain_decimal(value: Decimal, min_places: int = 0) -> str:
    """A decimal as a person would type it: trailing zeros dropped, no exponent, at least
    `min_places` decimals (1.350000 -> "1.35", 9.1000000000 -> "9.1", 100 -> "100")."""
    whole, _, fraction = format(value.normalize(), "f").partition(".")
    fraction = fraction.ljust(min_places, "0")
    return f"{whole}.{fraction}" if fraction else whole

"""Money: construction, arithmetic that refuses to mix currencies, rounding, display, allocate."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebridge.pricing.money import (
    CurrencyMismatch,
    Money,
    UnknownCurrency,
    allocate,
    sum_money,
)

CURRENCIES = ["GBP", "CNY", "USD", "EUR", "HKD", "JPY"]
amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False)
currencies = st.sampled_from(CURRENCIES)


def test_accepts_int_str_decimal_and_keeps_full_precision():
    assert Money(4, "GBP").amount == Decimal(4)
    assert Money("0.0035", "GBP").amount == Decimal("0.0035")
    assert (Money("0.0035", "GBP") * 10_000).amount == Decimal("35.0000")


@pytest.mark.parametrize("bad", [0.1, 1.0, True])
def test_refuses_floats_and_bools(bad):
    with pytest.raises(TypeError):
        Money(bad, "GBP")
    with pytest.raises(TypeError):
        Money(1, "GBP") * bad


@pytest.mark.parametrize("bad", ["XXX", "gbp", "", None])
def test_refuses_unknown_currencies(bad):
    with pytest.raises(UnknownCurrency):
        Money(1, bad)


def test_refuses_non_numbers_and_infinity():
    with pytest.raises(ValueError):
        Money("abc", "GBP")
    with pytest.raises(ValueError):
        Money(Decimal("Infinity"), "GBP")


def test_arithmetic():
    a, b = Money("4.20", "GBP"), Money("0.80", "GBP")
    assert a + b == Money(5, "GBP")
    assert a - b == Money("3.40", "GBP")
    assert -a == Money("-4.20", "GBP")
    assert a * 3 == 3 * a == Money("12.60", "GBP")
    assert a * Decimal("0.5") == Money("2.10", "GBP")
    assert a / 4 == Money("1.05", "GBP")
    assert a > b and b < a and a >= a and a <= a


def test_money_times_money_is_refused():
    with pytest.raises(TypeError):
        Money(1, "GBP") * Money(1, "GBP")
    with pytest.raises(TypeError):
        Money(1, "GBP") / Money(1, "GBP")


@given(amounts, amounts)
def test_mixing_currencies_is_refused(x, y):
    gbp, cny = Money(x, "GBP"), Money(y, "CNY")
    for operation in (
        lambda: gbp + cny,
        lambda: gbp - cny,
        lambda: gbp < cny,
        lambda: gbp <= cny,
        lambda: gbp > cny,
        lambda: gbp >= cny,
        lambda: sum_money([gbp, cny], "GBP"),
    ):
        with pytest.raises(CurrencyMismatch):
            operation()
    # Equality is value equality, so different currencies are simply unequal.
    assert gbp != cny


def test_rounding_is_half_up_at_the_edge_only():
    assert Money("4.205", "GBP").rounded() == Money("4.21", "GBP")
    assert Money("-4.205", "GBP").rounded() == Money("-4.21", "GBP")
    assert Money("4.2049", "GBP").rounded() == Money("4.20", "GBP")
    assert Money("1234.5", "JPY").rounded() == Money(1235, "JPY")


def test_format():
    assert str(Money("4.2", "GBP")) == "GBP 4.20"
    assert Money("4.2", "GBP").format(symbol=True) == "£4.20"
    assert Money("4.2", "CNY").format(symbol=True) == "¥4.20"
    assert Money("4.2", "USD").format(symbol=True) == "$4.20"
    assert Money("4.2", "EUR").format(symbol=True) == "€4.20"
    assert Money("4.2", "HKD").format(symbol=True) == "HK$4.20"
    assert Money("-1234567.005", "CNY").format(symbol=True, grouping=True) == "-¥1,234,567.01"
    assert Money(1000, "JPY").format() == "JPY 1000"
    assert Money(5, "SEK").format(symbol=True) == "SEK 5.00"


def test_zero_and_sum():
    assert Money.zero("CNY") == Money(0, "CNY")
    assert sum_money([], "CNY") == Money(0, "CNY")
    assert sum_money([Money(1, "CNY"), Money("2.5", "CNY")], "CNY") == Money("3.5", "CNY")


def test_allocate_examples():
    assert allocate(Money(100, "GBP"), [1, 1, 1]) == [
        Money("33.34", "GBP"),
        Money("33.33", "GBP"),
        Money("33.33", "GBP"),
    ]
    assert allocate(Money("0.05", "CNY"), [0, 1, 0]) == [
        Money(0, "CNY"),
        Money("0.05", "CNY"),
        Money(0, "CNY"),
    ]
    assert allocate(Money("-10", "GBP"), [1, 2]) == [Money("-3.33", "GBP"), Money("-6.67", "GBP")]
    assert allocate(Money(0, "GBP"), [0, 0]) == [Money(0, "GBP"), Money(0, "GBP")]
    with pytest.raises(ValueError):
        allocate(Money(1, "GBP"), [0, 0])
    with pytest.raises(ValueError):
        allocate(Money(1, "GBP"), [-1, 2])
    with pytest.raises(ValueError):
        allocate(Money(1, "GBP"), [])


weights = st.lists(st.decimals(min_value=0, max_value=10**7, places=6, allow_nan=False), min_size=1, max_size=12)


@given(amounts, currencies, weights)
def test_allocate_sums_exactly_and_zero_weights_get_nothing(amount, currency, ws):
    total = Money(amount, currency)
    if sum(ws) == 0:
        ws = [*ws[:-1], Decimal(1)]
    parts = allocate(total, ws)
    assert sum_money(parts, currency) == total.rounded()
    assert all(p == p.rounded() for p in parts)
    for weight, part in zip(ws, parts, strict=True):
        if weight == 0:
            assert part.amount == 0
    # Each part is within one minor unit of its exact share.
    whole = sum(ws)
    unit = Decimal(1).scaleb(-2 if currency != "JPY" else 0)
    for weight, part in zip(ws, parts, strict=True):
        assert abs(part.amount - total.rounded().amount * weight / whole) < unit

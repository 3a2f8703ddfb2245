"""Exchange-rate resolution (direct, inverse, cross), conversion, staleness, round trips."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebridge.pricing.fx import Rate, RateTable, RateUnknown, convert, is_stale
from tradebridge.pricing.money import Money

T0 = datetime(2025, 1, 1, tzinfo=UTC)
T1 = T0 + timedelta(days=1)
T2 = T0 + timedelta(days=2)


def rate(base, quote, value, when=T0, source="test"):
    return Rate(base, quote, Decimal(value), when, source)


def test_latest_rate_not_after_when():
    table = RateTable([rate("GBP", "CNY", "9.10", T0), rate("GBP", "CNY", "9.20", T2)])
    assert table.rate_at("GBP", "CNY", T1).rate == Decimal("9.10")
    assert table.rate_at("GBP", "CNY", T2).rate == Decimal("9.20")
    with pytest.raises(RateUnknown) as info:
        table.rate_at("GBP", "CNY", T0 - timedelta(seconds=1))
    assert (info.value.base, info.value.quote) == ("GBP", "CNY")


def test_inverse_when_only_the_opposite_pair_exists():
    table = RateTable([rate("CNY", "GBP", "0.125")])
    found = table.rate_at("GBP", "CNY", T1)
    assert found.rate == Decimal(8)
    assert found.via[0].base == "CNY"


def test_newer_inverse_beats_older_direct():
    table = RateTable([rate("GBP", "CNY", "9.10", T0), rate("CNY", "GBP", "0.125", T1)])
    assert table.rate_at("GBP", "CNY", T2).rate == Decimal(8)
    assert table.rate_at("GBP", "CNY", T0).rate == Decimal("9.10")


def test_cross_via_gbp_then_usd():
    table = RateTable([rate("EUR", "GBP", "0.85", T0), rate("GBP", "CNY", "9.10", T1)])
    cross = table.rate_at("EUR", "CNY", T2)
    assert cross.rate == Decimal("0.85") * Decimal("9.10")
    assert cross.valid_from == T0  # the older leg
    assert "cross via GBP" in cross.source

    table = RateTable([rate("USD", "HKD", "7.8"), rate("USD", "CNY", "7.2")])
    cross = table.rate_at("HKD", "CNY", T1)
    assert cross.rate == Decimal(1) / Decimal("7.8") * Decimal("7.2")
    assert "cross via USD" in cross.source


def test_unknown_pair_raises():
    table = RateTable([rate("GBP", "CNY", "9.10")])
    with pytest.raises(RateUnknown):
        table.rate_at("JPY", "CNY", T1)


def test_identity_and_validation():
    table = RateTable([])
    assert table.rate_at("CNY", "CNY", T1).rate == 1
    with pytest.raises(ValueError):
        table.rate_at("GBP", "CNY", datetime(2025, 1, 1))  # naive
    with pytest.raises(ValueError):
        rate("GBP", "CNY", "0")
    with pytest.raises(TypeError):
        Rate("GBP", "CNY", 9.1, T0, "float")  # type: ignore[arg-type]


def test_convert_records_the_rate():
    table = RateTable([rate("GBP", "CNY", "9.10")])
    conversion = convert(Money("4.20", "GBP"), "CNY", T1, table)
    assert conversion.result == Money("38.22", "CNY")
    assert conversion.rate.rate == Decimal("9.10")
    assert conversion.source == Money("4.20", "GBP")


def test_staleness():
    r = rate("GBP", "CNY", "9.10", T0)
    assert not is_stale(r, T0 + timedelta(hours=24), timedelta(hours=24))
    assert is_stale(r, T0 + timedelta(hours=24, seconds=1), timedelta(hours=24))


rates = st.decimals(min_value=Decimal("0.01"), max_value=1000, places=6)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=10**7, places=2)
pairs = st.sampled_from([("GBP", "CNY"), ("CNY", "GBP"), ("USD", "EUR"), ("GBP", "HKD")])


@given(amounts, rates, pairs, st.booleans())
def test_round_trip_within_one_minor_unit(amount, value, pair, stored_inverse):
    """X→Y→X with one snapshot, rounding only at the end, lands within a minor unit of X."""
    base, quote = pair
    stored = rate(quote, base, value) if stored_inverse else rate(base, quote, value)
    table = RateTable([stored])
    x = Money(amount, base)
    there = convert(x, quote, T1, table).result
    back = convert(there, base, T1, table).result
    assert abs(back.rounded().amount - x.amount) <= Decimal("0.01")


@given(amounts, rates)
def test_round_trip_with_rounding_in_the_middle_is_bounded(amount, value):
    """Rounding Y to the fen loses at most half a fen, which costs 0.005 / rate back in X."""
    table = RateTable([rate("GBP", "CNY", value)])
    x = Money(amount, "GBP")
    there = convert(x, "CNY", T1, table).result.rounded()
    back = convert(there, "GBP", T1, table).result.rounded()
    bound = Decimal("0.005") / value + Decimal("0.01")
    assert abs(back.amount - x.amount) <= bound

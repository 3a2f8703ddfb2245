"""The quantity pricing rule: tiers, MOQ and multiples, as properties and as examples."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tradebridge.catalog.pricing import Terms, Tier, quote_quantity, smallest_valid_quantity, terms_errors
from tradebridge.core.errors import DomainError

TERMS = Terms.of(
    moq=100,
    order_multiple=10,
    tiers=[Tier(100, Decimal("0.0500")), Tier(1000, Decimal("0.0420")), Tier(10_000, Decimal("0.0035"))],
)


@pytest.mark.parametrize(
    ("quantity", "unit", "total"),
    [(100, "0.0500", "5.0000"), (990, "0.0500", "49.5000"), (1000, "0.0420", "42.0000"), (20_000, "0.0035", "70.0000")],
)
def test_tier_prices(quantity, unit, total):
    quote = quote_quantity(TERMS, quantity)
    assert quote.unit_price == Decimal(unit)
    assert quote.line_total == Decimal(total)


@pytest.mark.parametrize(("quantity", "code"), [(90, "below_moq"), (105, "not_a_multiple"), (0, "quantity_invalid")])
def test_quantity_rules(quantity, code):
    with pytest.raises(DomainError) as caught:
        quote_quantity(TERMS, quantity)
    assert code in {e.code for e in caught.value.errors}


@pytest.mark.parametrize(
    ("terms", "code"),
    [
        (Terms.of(moq=10, order_multiple=1, tiers=[]), "tiers_required"),
        (Terms.of(moq=10, order_multiple=1, tiers=[Tier(20, Decimal(1))]), "tier_above_moq"),
        (Terms.of(moq=1, order_multiple=1, tiers=[Tier(1, Decimal(1)), Tier(5, Decimal(2))]), "tiers_not_monotonic"),
        (Terms.of(moq=1, order_multiple=1, tiers=[Tier(1, Decimal(1)), Tier(1, Decimal(1))]), "tier_duplicate"),
        (Terms.of(moq=1, order_multiple=1, tiers=[Tier(1, Decimal(-1))]), "tier_price_negative"),
    ],
)
def test_invalid_terms(terms, code):
    assert code in {e.code for e in terms_errors(terms)}


def test_smallest_valid_quantity_rounds_the_moq_up_to_the_multiple():
    assert smallest_valid_quantity(Terms.of(moq=95, order_multiple=12, tiers=[Tier(1, Decimal(1))])) == 96


prices = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("10000"), places=4)


@st.composite
def valid_terms(draw):
    quantities = sorted(draw(st.sets(st.integers(min_value=2, max_value=100_000), max_size=5)))
    moq = draw(st.integers(min_value=1, max_value=500))
    tier_prices = sorted(
        draw(st.lists(prices, min_size=len(quantities) + 1, max_size=len(quantities) + 1)), reverse=True
    )
    tiers = [Tier(1, tier_prices[0])] + [Tier(q, p) for q, p in zip(quantities, tier_prices[1:], strict=True)]
    return Terms.of(moq=moq, order_multiple=draw(st.integers(min_value=1, max_value=50)), tiers=tiers)


@given(terms=valid_terms(), a=st.integers(min_value=1, max_value=10**6), b=st.integers(min_value=1, max_value=10**6))
def test_unit_price_never_rises_with_quantity(terms, a, b):
    low, high = sorted((a, b))
    low = max(low, terms.moq) // terms.order_multiple * terms.order_multiple
    high = max(high, terms.moq) // terms.order_multiple * terms.order_multiple
    assume(terms.moq <= low <= high)
    assert quote_quantity(terms, high).unit_price <= quote_quantity(terms, low).unit_price


@given(terms=valid_terms(), quantity=st.integers(min_value=1, max_value=10**6))
def test_only_quantities_meeting_moq_and_multiple_are_priced(terms, quantity):
    valid = quantity >= terms.moq and quantity % terms.order_multiple == 0
    try:
        quote = quote_quantity(terms, quantity)
    except DomainError:
        assert not valid
    else:
        assert valid
        assert quote.line_total == quote.unit_price * quantity

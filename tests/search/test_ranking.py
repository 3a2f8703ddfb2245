"""The ranking boost's properties, as the module docstring of search.ranking states them: no
reviews (or a neutral average) changes nothing, more stars and more completed orders never rank
lower, a few reviews move it less than many, and the boost stays between 0.75 and 2."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebridge.search.ranking import boost, reputation

stars = st.floats(min_value=-10, max_value=10, allow_nan=False)
in_range = st.floats(min_value=1, max_value=5, allow_nan=False)
reviews = st.integers(min_value=-5, max_value=10**7)
orders = st.integers(min_value=-5, max_value=10**7)
rates = st.floats(min_value=-1, max_value=2, allow_nan=False)


@given(stars, st.integers(max_value=0), st.booleans(), orders)
def test_no_reviews_is_neutral(average, none, verified, completed):
    assert reputation(average, none) == 0
    assert boost(verified=verified, completed_orders=completed, stars=average, reviews=none) == boost(
        verified=verified, completed_orders=completed
    )


@given(st.integers(min_value=1, max_value=10**7))
def test_a_three_star_average_is_neutral_however_many_reviews(count):
    assert reputation(3, count) == pytest.approx(0)


@given(in_range, in_range, st.integers(min_value=1, max_value=10**7))
def test_more_stars_never_rank_lower(a, b, count):
    low, high = sorted((a, b))
    assert reputation(low, count) <= reputation(high, count)
    assert boost(verified=False, stars=low, reviews=count) <= boost(verified=False, stars=high, reviews=count)


@given(orders, orders, st.booleans())
def test_more_completed_orders_never_rank_lower(a, b, verified):
    fewer, more = sorted((a, b))
    assert boost(verified=verified, completed_orders=fewer) <= boost(verified=verified, completed_orders=more)


@given(in_range, st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_more_reviews_move_the_boost_further_from_neutral_never_past_the_average(average, a, b):
    fewer, more = sorted((a, b))
    assert abs(reputation(average, fewer)) <= abs(reputation(average, more)) + 1e-12
    assert abs(reputation(average, more)) <= abs((average - 3) / 2) + 1e-12


def test_one_five_star_review_does_not_outrank_a_long_good_record():
    assert reputation(5, 1) < reputation(4.5, 200)
    assert reputation(5, 1) < reputation(4, 20)
    assert boost(verified=False, stars=5, reviews=1) == pytest.approx(1 + 0.25 / 6)


@given(st.booleans(), rates, orders, stars, reviews)
def test_the_boost_is_bounded(verified, rate, completed, average, count):
    value = boost(verified=verified, response_rate=rate, completed_orders=completed, stars=average, reviews=count)
    assert 0.75 <= value <= 2


def test_the_documented_extremes():
    best = boost(verified=True, response_rate=1, completed_orders=999, stars=5, reviews=10**9)
    worst = boost(verified=False, stars=1, reviews=10**9)
    assert best == pytest.approx(2) and worst == pytest.approx(0.75)
    assert reputation(7, 10) == reputation(5, 10) and reputation(-1, 10) == reputation(1, 10)  # clamped

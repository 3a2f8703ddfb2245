"""Ranking inputs beside text relevance, and the one unit-price rule search sorts by. Pure.

Relevance is the engine's text score (FTS5 bm25 or PostgreSQL ts_rank, title weighted above
attributes above description) multiplied by the listing's boost, which says how far a buyer can
trust its supplier:

    boost = 1 + 0.25 × verified
              + 0.25 × response_rate
              + 0.25 × min(1, log10(1 + completed_orders) / 3)
              + 0.25 × reputation

    reputation = (damped − 3) / 2      damped = (5 × 3 + reviews × stars) / (5 + reviews)

`stars` is the supplier's overall average from its buyers' reviews (1–5, as its profile shows
it) over `reviews` reviews. The damped average is a Bayesian average that starts every supplier
at five imaginary 3-star reviews, so stars count as they accumulate: one 5-star review adds
0.04, 200 reviews averaging 4.5 add 0.18, and averages below 3 stars take off up to 0.25.
No reviews is neutral (reputation 0), as is an average of exactly 3.

So the boost lies between 0.75 and 2: a verified supplier answering every enquiry, with 1,000
completed orders and a long 5-star record, ranks a match twice as high as the same text from an
unknown supplier, and text still decides between listings that differ a lot in relevance.
Response rate (0–1) is 0 until enquiries exist; the column and the term are ready for it.
Equal scores are ordered by product id, so paging is stable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

VERIFIED_WEIGHT = 0.25
RESPONSE_WEIGHT = 0.25
ORDERS_WEIGHT = 0.25
REPUTATION_WEIGHT = 0.25
# The Bayesian prior of every supplier's stars: this many reviews of the middle score.
NEUTRAL_STARS = 3.0
PRIOR_REVIEWS = 5
LOWEST_STARS, HIGHEST_STARS = 1.0, 5.0
# Column weights: title, attributes, body, pinyin (bm25 weights; ts_rank's A, B, C, D).
COLUMN_WEIGHTS = (10.0, 4.0, 1.0, 4.0)


def reputation(stars: float, reviews: int) -> float:
    """From -1 (many 1-star reviews) through 0 (no reviews, or 3 stars) to 1 (many 5-star ones)."""
    if reviews <= 0:
        return 0.0
    stars = min(HIGHEST_STARS, max(LOWEST_STARS, float(stars)))
    damped = (PRIOR_REVIEWS * NEUTRAL_STARS + reviews * stars) / (PRIOR_REVIEWS + reviews)
    return (damped - NEUTRAL_STARS) / (HIGHEST_STARS - NEUTRAL_STARS)


def boost(
    *,
    verified: bool,
    response_rate: float = 0.0,
    completed_orders: int = 0,
    stars: float = 0.0,
    reviews: int = 0,
) -> float:
    rate = min(1.0, max(0.0, response_rate))
    orders = min(1.0, math.log10(1 + max(0, completed_orders)) / 3)
    return (
        1
        + VERIFIED_WEIGHT * verified
        + RESPONSE_WEIGHT * rate
        + ORDERS_WEIGHT * orders
        + REPUTATION_WEIGHT * reputation(stars, reviews)
    )


@dataclass(frozen=True)
class TierRow:
    min_quantity: int
    unit_price: Decimal
    variant_id: int | None = None


def unit_price_at(tiers: Iterable[TierRow], *, moq: int, quantity: int | None) -> Decimal | None:
    """The unit price a search shows and sorts by at `quantity` (the MOQ when None or below it):
    the product's own tier with the highest threshold not above it; a product priced only per
    SKU takes the cheapest such SKU tier. selectors' SQL mirrors this rule exactly."""
    wanted = max(quantity or moq, moq)
    pool = [t for t in tiers if t.min_quantity <= wanted]
    if not pool:
        return None
    best = min(pool, key=lambda t: (t.variant_id is not None, -t.min_quantity, t.unit_price))
    return best.unit_price

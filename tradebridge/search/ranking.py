"""Ranking inputs beside text relevance, and the one unit-price rule search sorts by. Pure.

Relevance is the engine's text score (FTS5 bm25 or PostgreSQL ts_rank, title weighted above
attributes above description) multiplied by the listing's boost:

    boost = 1 + 0.25 × verified + 0.25 × response_rate + 0.25 × min(1, log10(1 + completed_orders) / 3)

so a verified supplier answering every enquiry with 1,000 completed orders ranks a match
1.75× higher than the same text from an unknown supplier, and text still decides between
listings that differ a lot in relevance. Response rate (0–1) and completed orders are 0 until
enquiries and orders exist; the columns and formula are ready for them. Equal scores are
ordered by product id, so paging is stable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

VERIFIED_WEIGHT = 0.25
RESPONSE_WEIGHT = 0.25
ORDERS_WEIGHT = 0.25
# Column weights: title, attributes, body, pinyin (bm25 weights; ts_rank's A, B, C, D).
COLUMN_WEIGHTS = (10.0, 4.0, 1.0, 4.0)


def boost(*, verified: bool, response_rate: float = 0.0, completed_orders: int = 0) -> float:
    rate = min(1.0, max(0.0, response_rate))
    orders = min(1.0, math.log10(1 + max(0, completed_orders)) / 3)
    return 1 + VERIFIED_WEIGHT * verified + RESPONSE_WEIGHT * rate + ORDERS_WEIGHT * orders


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

"""What a review is, as pure rules: three scores from 1 to 5 (product quality, communication,
shipping), and how a supplier's stars are worked out from them. No Django here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tradebridge.core.errors import FieldError

DIMENSIONS = ("product_quality", "communication", "shipping")
LOWEST, HIGHEST = 1, 5
MAX_COMMENT = 2000
TENTH = Decimal("0.1")


def score_errors(scores: Mapping[str, object]) -> list[FieldError]:
    """One error per dimension that is not a whole number of stars from 1 to 5."""
    errors = []
    for name in DIMENSIONS:
        value = scores.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
            errors.append(FieldError("score_invalid", "Give 1 to 5 stars.", name))
    return errors


@dataclass(frozen=True)
class Rating:
    """A supplier's stars: the average of each dimension, their mean, and how many reviews."""

    count: int
    product_quality: Decimal
    communication: Decimal
    shipping: Decimal

    @property
    def overall(self) -> Decimal:
        return _tenth((self.product_quality + self.communication + self.shipping) / 3)

    @property
    def stars(self) -> int:
        return whole_stars(self.overall)


def whole_stars(value: Decimal) -> int:
    """Whole stars to draw (half up): 4.5 draws five."""
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


NO_RATING = Rating(0, Decimal(0), Decimal(0), Decimal(0))


def _tenth(value: Decimal) -> Decimal:
    return value.quantize(TENTH, ROUND_HALF_UP)


def rating_from(count: int, sums: Mapping[str, int]) -> Rating:
    """The rating from a count and the sum of each dimension's scores (exact, then to a tenth)."""
    if count <= 0:
        return NO_RATING
    return Rating(count, *(_tenth(Decimal(sums[name]) / count) for name in DIMENSIONS))

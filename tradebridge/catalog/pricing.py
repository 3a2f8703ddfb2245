"""The one rule for "what does quantity N cost": wholesale terms, MOQ, multiples and tiers.

Pure. Every caller that prices a quantity (product page, cart, quote, order, search sort) goes
through `quote_quantity`, so MOQ and multiples are enforced in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from tradebridge.core.errors import DomainError, FieldError

MAX_QUANTITY = 10**9


@dataclass(frozen=True, order=True)
class Tier:
    min_quantity: int
    unit_price: Decimal


@dataclass(frozen=True)
class Terms:
    """The wholesale terms that apply to one variant (its own, or its product's)."""

    moq: int
    order_multiple: int
    tiers: tuple[Tier, ...]

    @classmethod
    def of(cls, *, moq: int, order_multiple: int, tiers: Sequence[Tier]) -> Terms:
        return cls(moq=moq, order_multiple=order_multiple, tiers=tuple(sorted(tiers)))


@dataclass(frozen=True)
class QuantityQuote:
    quantity: int
    unit_price: Decimal
    line_total: Decimal  # full precision; rounding happens when it is charged or shown
    tier: Tier


def terms_errors(terms: Terms) -> list[FieldError]:
    """Why these terms cannot be saved. Empty means valid."""
    errors: list[FieldError] = []
    if terms.moq < 1:
        errors.append(FieldError("moq_invalid", "The minimum order quantity must be at least 1.", "moq"))
    if terms.order_multiple < 1:
        errors.append(FieldError("multiple_invalid", "The order multiple must be at least 1.", "order_multiple"))
    if not terms.tiers:
        errors.append(FieldError("tiers_required", "Give at least one price tier.", "tiers"))
        return errors
    quantities = [t.min_quantity for t in terms.tiers]
    if len(set(quantities)) != len(quantities):
        errors.append(FieldError("tier_duplicate", "Two tiers start at the same quantity.", "tiers"))
    if any(t.min_quantity < 1 for t in terms.tiers):
        errors.append(FieldError("tier_quantity_invalid", "Tier quantities start at 1 or more.", "tiers"))
    if any(t.unit_price < 0 for t in terms.tiers):
        errors.append(FieldError("tier_price_negative", "A unit price cannot be negative.", "tiers"))
    if terms.tiers[0].min_quantity > terms.moq:
        errors.append(
            FieldError(
                "tier_above_moq",
                "The first tier must start at or below the minimum order quantity.",
                "tiers",
            )
        )
    prices = [t.unit_price for t in terms.tiers]
    # Buyers trust tiers that only ever get cheaper as they buy more.
    if any(later > earlier for earlier, later in pairwise(prices)):
        errors.append(FieldError("tiers_not_monotonic", "Unit prices must not rise as the quantity grows.", "tiers"))
    return errors


def quantity_errors(terms: Terms, quantity: int) -> list[FieldError]:
    if quantity < 1 or quantity > MAX_QUANTITY:
        return [FieldError("quantity_invalid", f"Order between 1 and {MAX_QUANTITY:,} units.", "quantity")]
    errors = []
    if quantity < terms.moq:
        errors.append(FieldError("below_moq", f"The minimum order is {terms.moq} units.", "quantity"))
    if quantity % terms.order_multiple:
        errors.append(FieldError("not_a_multiple", f"Order in multiples of {terms.order_multiple} units.", "quantity"))
    return errors


def tier_for(terms: Terms, quantity: int) -> Tier:
    """The tier with the highest threshold not above the quantity."""
    applicable = [t for t in terms.tiers if t.min_quantity <= quantity]
    # Valid terms always have a tier at or below the MOQ, so this only guards bad data.
    return applicable[-1] if applicable else terms.tiers[0]


def quote_quantity(terms: Terms, quantity: int) -> QuantityQuote:
    """Price `quantity` units, or raise DomainError naming the quantity rule it breaks."""
    errors = terms_errors(terms) or quantity_errors(terms, quantity)
    if errors:
        raise DomainError.many(errors)
    tier = tier_for(terms, quantity)
    return QuantityQuote(
        quantity=quantity,
        unit_price=tier.unit_price,
        line_total=tier.unit_price * quantity,
        tier=tier,
    )


def smallest_valid_quantity(terms: Terms) -> int:
    """The MOQ rounded up to the order multiple: what a buyer can order at the least."""
    multiple = terms.order_multiple
    return -(-terms.moq // multiple) * multiple

"""The buyer company's cart: lines at the price the buyer was shown, priced through the one
pricing seam (`catalog.pricing`), edited by any member of the buyer company. Placing the cart is
`placement.place_orders`.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from tradebridge.catalog.models import PriceTier, Product, Variant
from tradebridge.catalog.pricing import quote_quantity
from tradebridge.catalog.services import terms_for
from tradebridge.companies import access
from tradebridge.companies.domain import Kind
from tradebridge.companies.models import Membership
from tradebridge.core.errors import DomainError, FieldError, NotFound
from tradebridge.core.queries import one
from tradebridge.orders.models import CartLine

MAX_CART_LINES = 200


def require_buyer(membership: Membership | None) -> Membership:
    return access.require(membership, kinds=(Kind.BUYER,))


def variants_with_terms():
    tiers = Prefetch("product__tiers", queryset=PriceTier.objects.order_by("min_quantity"))
    return Variant.objects.select_related("product").prefetch_related(tiers)


def quote_line(variant: Variant, quantity: int, field: str):
    """The one pricing seam, with the error moved onto this line's field."""
    product = variant.product
    try:
        return quote_quantity(terms_for(product, variant, list(product.tiers.all())), quantity)
    except DomainError as exc:
        raise DomainError.many(FieldError(e.code, e.message, field) for e in exc.errors) from None


def _buyable_variant(variant_id: int, buyer_id: int) -> Variant:
    """The variant with its terms, and `other_lines`: how many other lines the buyer's cart holds."""
    others = (
        CartLine.objects.filter(buyer_id=buyer_id)
        .exclude(variant_id=OuterRef("pk"))
        .order_by()
        .values("buyer_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    variant = one(
        variants_with_terms()
        .annotate(other_lines=Coalesce(Subquery(others), 0))
        .filter(pk=variant_id, product__status=Product.Status.PUBLISHED)
    )
    if variant is None:
        raise NotFound("variant_not_found", "No such product variant.", "variant_id")
    return variant


@transaction.atomic
def add_to_cart(*, membership: Membership, variant_id: int, quantity: int) -> CartLine:
    """Put a variant in the cart (or change its quantity), at the price the buyer now sees."""
    membership = require_buyer(membership)
    variant = _buyable_variant(variant_id, membership.company_id)
    quote = quote_line(variant, quantity, "quantity")
    # Counted in the variant's own query, not after the upsert; a change to a line already
    # there is always allowed.
    if variant.other_lines >= MAX_CART_LINES:
        raise DomainError("cart_full", f"A cart holds at most {MAX_CART_LINES} lines.", "variant_id")
    line = CartLine(
        buyer_id=membership.company_id,
        variant=variant,
        quantity=quantity,
        seen_unit_price=quote.unit_price,
        seen_currency=variant.product.currency,
        added_by=membership.user,
    )
    # One upsert (INSERT ... ON CONFLICT DO UPDATE on both engines) instead of a look-up, a
    # savepoint, an insert and its release; a line already there keeps who first added it.
    CartLine.objects.bulk_create(
        [line],
        update_conflicts=True,
        unique_fields=["buyer", "variant"],
        update_fields=["quantity", "seen_unit_price", "seen_currency", "updated_at"],
    )
    return line


def _own_line(membership: Membership, line_id: int) -> CartLine:
    line = CartLine.objects.filter(pk=line_id, buyer_id=membership.company_id).first()
    if line is None:
        raise NotFound("cart_line_not_found", "No such cart line.", "line_id")
    return line


@transaction.atomic
def update_cart_line(*, membership: Membership, line_id: int, quantity: int) -> CartLine:
    membership = require_buyer(membership)
    line = _own_line(membership, line_id)
    return add_to_cart(membership=membership, variant_id=line.variant_id, quantity=quantity)


@transaction.atomic
def remove_cart_line(*, membership: Membership, line_id: int) -> None:
    membership = require_buyer(membership)
    _own_line(membership, line_id).delete()


@transaction.atomic
def accept_current_prices(*, membership: Membership) -> list[CartLine]:
    """The buyer re-confirms: every line takes the price it would be placed at now."""
    membership = require_buyer(membership)
    lines = list(
        CartLine.objects.filter(buyer_id=membership.company_id)
        .select_related("variant__product")
        .prefetch_related(Prefetch("variant__product__tiers"))
    )
    for line in lines:
        quote = quote_line(line.variant, line.quantity, f"lines.{line.pk}.quantity")
        line.seen_unit_price, line.seen_currency = quote.unit_price, line.variant.product.currency
    CartLine.objects.bulk_update(lines, ["seen_unit_price", "seen_currency"])
    return lines

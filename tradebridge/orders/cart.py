"""The buyer company's cart: lines at the price the buyer was shown, priced through the one
pricing seam (`catalog.pricing`), edited by any member of the buyer company. Placing the cart is
`placement.place_orders`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Prefetch

from tradebridge.catalog.models import PriceTier, Product, Variant
from tradebridge.catalog.pricing import quote_quantity
from tradebridge.catalog.services import terms_for
from tradebridge.companies import access
from tradebridge.companies.domain import Kind
from tradebridge.companies.models import Company, Membership
from tradebridge.core.errors import DomainError, FieldError, NotFound
from tradebridge.core.queries import Columns, among, for_update, is_key, select
from tradebridge.orders.models import CartLine

MAX_CART_LINES = 200


def require_buyer(membership: Membership | None) -> Membership:
    return access.require(membership, kinds=(Kind.BUYER,))


def variants_with_terms():
    tiers = Prefetch("product__tiers", queryset=PriceTier.objects.order_by("min_quantity"))
    return Variant.objects.select_related("product").prefetch_related(tiers)


def quote_line(variant: Variant, tiers: list[PriceTier], quantity: int, field: str):
    """The one pricing seam, with the error moved onto this line's field. `tiers` are the
    product's (its own and its variants'), fewest units first."""
    try:
        return quote_quantity(terms_for(variant.product, variant, tiers), quantity)
    except DomainError as exc:
        raise DomainError.many(FieldError(e.code, e.message, field) for e in exc.errors) from None


# The cart's reads run for every line a buyer adds and on every cart page, so they are written by
# hand (see core.queries.Columns) rather than compiled by the ORM each time.
_LINES = Columns(CartLine, "l")
_VARIANTS = Columns(Variant, "v")
_PRODUCTS = Columns(Product, "p")
_SUPPLIERS = Columns(Company, "c")
_TIERS = Columns(PriceTier, "t")


def tiers_of(product_ids: Iterable[int]) -> dict[int, list[PriceTier]]:
    """Each product's price tiers, fewest units first."""
    ids = sorted(set(product_ids))
    found: dict[int, list[PriceTier]] = {pk: [] for pk in ids}
    if ids:
        of_products, params = among("t.product_id", ids)
        rest = f"FROM {_TIERS.table} WHERE {of_products} ORDER BY t.min_quantity, t.id"
        for (row,) in select((_TIERS,), rest, params):
            found[row.product_id].append(row)
    return found


def cart_lines(buyer_id: int, *, lock: bool = False) -> tuple[list[CartLine], dict[int, list[PriceTier]]]:
    """The buyer's cart lines in the order they were added, each with its variant, product and
    supplier loaded, and the products' tiers. `lock` holds the lines until the transaction ends."""
    rest = (
        f"FROM {_LINES.table} JOIN {_VARIANTS.table} ON v.id = l.variant_id"
        f" JOIN {_PRODUCTS.table} ON p.id = v.product_id JOIN {_SUPPLIERS.table} ON c.id = p.supplier_id"
        f" WHERE l.buyer_id = %s ORDER BY l.id{for_update(lock, of='l')}"
    )
    lines = []
    for line, variant, product, supplier in select((_LINES, _VARIANTS, _PRODUCTS, _SUPPLIERS), rest, [buyer_id]):
        product.supplier, variant.product, line.variant = supplier, product, variant
        lines.append(line)
    return lines, tiers_of(line.variant.product_id for line in lines)


def _buyable_variant(variant_id: int, buyer_id: int) -> tuple[Variant, list[PriceTier], int]:
    """The published variant with its product and tiers, and how many other lines the buyer's
    cart holds."""
    if not is_key(variant_id):
        raise NotFound("variant_not_found", "No such product variant.", "variant_id")
    others = f"(SELECT COUNT(*) FROM {_LINES.name} o WHERE o.buyer_id = %s AND o.variant_id <> v.id)"  # noqa: S608
    found = select(
        (_VARIANTS, _PRODUCTS),
        f"FROM {_VARIANTS.table} JOIN {_PRODUCTS.table} ON p.id = v.product_id WHERE v.id = %s AND p.status = %s",
        [buyer_id, variant_id, Product.Status.PUBLISHED.value],
        extra=[others],
    )
    if not found:
        raise NotFound("variant_not_found", "No such product variant.", "variant_id")
    [(variant, product, other_lines)] = found
    variant.product = product
    return variant, tiers_of([product.pk])[product.pk], other_lines


@transaction.atomic
def add_to_cart(*, membership: Membership, variant_id: int, quantity: int) -> CartLine:
    """Put a variant in the cart (or change its quantity), at the price the buyer now sees."""
    membership = require_buyer(membership)
    variant, tiers, other_lines = _buyable_variant(variant_id, membership.company_id)
    quote = quote_line(variant, tiers, quantity, "quantity")
    # Counted in the variant's own query, not after the upsert; a change to a line already
    # there is always allowed.
    if other_lines >= MAX_CART_LINES:
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
    lines, tiers = cart_lines(membership.company_id)
    for line in lines:
        quote = quote_line(line.variant, tiers[line.variant.product_id], line.quantity, f"lines.{line.pk}.quantity")
        line.seen_unit_price, line.seen_currency = quote.unit_price, line.variant.product.currency
    CartLine.objects.bulk_update(lines, ["seen_unit_price", "seen_currency"])
    return lines

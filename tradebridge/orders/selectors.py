"""Reads for orders, shaped for a page or an endpoint: the cart with live prices, order lists with
filters, and an order's detail with its timeline and what the viewer may do next.

Every read is scoped to the membership's company (the operator sees all); a foreign id is 404.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tradebridge.catalog.pricing import quote_quantity
from tradebridge.catalog.services import terms_for
from tradebridge.companies.models import Membership
from tradebridge.core.errors import DomainError, FieldError, NotFound
from tradebridge.core.queries import is_key
from tradebridge.orders import rows
from tradebridge.orders.cart import cart_lines, require_buyer
from tradebridge.orders.domain import Action, State, actions_from, next_payment
from tradebridge.orders.models import CartLine, Dispute, Order, OrderEvent, OrderLine
from tradebridge.orders.transitions import party_of, party_scope, visible_orders

PAGE_SIZE_MAX = 200


@dataclass(frozen=True)
class CartRow:
    line: CartLine
    tiers: list  # the product's price tiers, fewest units first
    current_unit_price: Decimal | None  # None: the quantity no longer meets the terms
    problem: FieldError | None

    @property
    def price_changed(self) -> bool:
        return self.current_unit_price is not None and self.current_unit_price != self.line.seen_unit_price


def cart(membership: Membership) -> list[CartRow]:
    """The buyer's cart, each line priced now, so a page can flag moved prices before placing."""
    membership = require_buyer(membership)
    lines, tiers = cart_lines(membership.company_id)
    rows = []
    for line in sorted(lines, key=lambda line: (line.variant.product.supplier_id, line.pk)):
        product = line.variant.product
        try:
            price = quote_quantity(terms_for(product, line.variant, tiers[product.pk]), line.quantity).unit_price
            rows.append(CartRow(line, tiers[product.pk], price, None))
        except DomainError as exc:
            rows.append(CartRow(line, tiers[product.pk], None, exc.errors[0]))
    return rows


def _day(value: date | datetime, end: bool) -> datetime:
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.max if end else time.min))


def placed_orders(membership: Membership, placed: list[Order]) -> list[Order]:
    """Orders just placed, read back with their parties, newest first (as `orders` lists them)."""
    return rows.with_parties([o.pk for o in placed], party_scope(membership))


def orders(
    membership: Membership,
    *,
    state: str = "",
    counterparty_id: int | None = None,
    placed_from: date | datetime | None = None,
    placed_to: date | datetime | None = None,
    side: str = "",
) -> QuerySet[Order]:
    """The orders the company is a party to, newest first. `side` is 'buying' or 'selling' for a
    company that does both; `counterparty_id` is the other party's company id."""
    rows = visible_orders(membership).select_related("buyer", "supplier")
    if side == "buying":
        rows = rows.filter(buyer_id=membership.company_id)
    elif side == "selling":
        rows = rows.filter(supplier_id=membership.company_id)
    if state:
        rows = rows.filter(state__in=[s for s in state.split(",") if s])
    if counterparty_id:
        # No company has an id outside 64 bits; the engines would refuse it as a parameter.
        party = Q(buyer_id=counterparty_id) | Q(supplier_id=counterparty_id)
        rows = rows.filter(party) if is_key(counterparty_id) else rows.none()
    if placed_from:
        rows = rows.filter(placed_at__gte=_day(placed_from, end=False))
    if placed_to:
        rows = rows.filter(placed_at__lte=_day(placed_to, end=True))
    return rows.order_by("-placed_at", "-id")


@dataclass(frozen=True)
class OrderDetail:
    order: Order  # with its buyer and supplier
    viewer: str  # buyer, supplier or operator
    next_actions: list[Action]
    payment_due: tuple[str, Decimal] | None
    dispute: Dispute | None
    lines: list[OrderLine]
    events: list[OrderEvent]  # oldest first, each with its actor user and company


def order_detail(membership: Membership, order_id: int) -> OrderDetail:
    """One order with its parties, dispute, lines and timeline in three queries (the page reads
    the buyer's payments and the dispute's evidence itself: the API never shows payments)."""
    found = rows.detail(order_id, party_scope(membership))
    if found is None:
        raise NotFound("order_not_found", "No such order.", "order_id")
    order, dispute, lines, events = found
    viewer = party_of(membership, order).actor
    return OrderDetail(
        order=order,
        viewer=viewer.value,
        next_actions=actions_from(order.state, viewer),
        payment_due=next_payment(order.state, order.deposit_cny, order.balance_cny),
        dispute=dispute,
        lines=lines,
        events=events,
    )


def completed_orders_by_supplier(supplier_ids: Iterable[int]) -> dict[int, int]:
    """{supplier id: its orders completed} for any number of suppliers in one query (search
    ranking reads it); a supplier with none is left out."""
    ids = {int(i) for i in supplier_ids}
    if not ids:
        return {}
    rows = Order.objects.filter(supplier_id__in=ids, state=State.COMPLETED.value).values("supplier_id")
    return dict(rows.annotate(n=Count("id")).values_list("supplier_id", "n"))

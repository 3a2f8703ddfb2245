"""Hand-written reads of orders for the moves and the responses every purchase goes through (see
core.queries.Columns): the order a move starts from, orders with their two parties, an order's
detail (parties, dispute, lines and timeline) in three queries of plain SQL, and a payment by
its provider's reference."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from types import SimpleNamespace

from django.db import connection

from tradebridge.accounts.models import User
from tradebridge.companies.models import Company
from tradebridge.core.queries import Columns, is_key, select
from tradebridge.orders.models import Dispute, Order, OrderEvent, OrderLine, Payment


@cache
def _shapes() -> SimpleNamespace:
    return SimpleNamespace(
        order=Columns(Order, "o"),
        buyer=Columns(Company, "b"),
        supplier=Columns(Company, "s"),
        dispute=Columns(Dispute, "d"),
        line=Columns(OrderLine, "l"),
        event=Columns(OrderEvent, "e"),
        user=Columns(User, "u"),
        company=Columns(Company, "c"),
        payment=Columns(Payment, "p"),
    )


def _with_parties() -> str:
    s = _shapes()
    return (
        f"FROM {s.order.table} JOIN {s.buyer.table} ON b.id = o.buyer_id"
        f" JOIN {s.supplier.table} ON s.id = o.supplier_id"
    )


def _visible(company_id: int | None) -> tuple[str, list]:
    """The condition that `company_id` (None for the operator) is a party to order `o`."""
    if company_id is None:
        return "", []
    return " AND (o.buyer_id = %s OR o.supplier_id = %s)", [company_id, company_id]


def order(order_id: int, company_id: int | None, *, lock: bool = False) -> Order | None:
    """The order, if `company_id` is a party to it; `lock` holds its row until the commit."""
    if not is_key(order_id):
        return None
    s = _shapes()
    scope, params = _visible(company_id)
    rest = f"FROM {s.order.table} WHERE o.id = %s{scope}"
    if lock and connection.features.has_select_for_update:
        rest += " FOR UPDATE"
    found = select((s.order,), rest, [order_id, *params])
    return found[0][0] if found else None


def with_parties(order_ids: Sequence[int], company_id: int | None) -> list[Order]:
    """The orders with their buyer and supplier loaded, newest first."""
    if not order_ids:
        return []
    s = _shapes()
    scope, params = _visible(company_id)
    marks = ", ".join(["%s"] * len(order_ids))
    rows = select(
        (s.order, s.buyer, s.supplier),
        f"{_with_parties()} WHERE o.id IN ({marks}){scope} ORDER BY o.placed_at DESC, o.id DESC",
        [*order_ids, *params],
    )
    for found, buyer, supplier in rows:
        found.buyer, found.supplier = buyer, supplier
    return [found for found, _, _ in rows]


def detail(order_id: int, company_id: int | None) -> tuple[Order, Dispute | None, list, list] | None:
    """(order with its parties, its dispute or None, its lines, its history oldest first with
    each row's actor user and company loaded), or None if `company_id` is not a party."""
    if not is_key(order_id):
        return None
    s = _shapes()
    scope, params = _visible(company_id)
    found = select(
        (s.order, s.buyer, s.supplier, s.dispute),
        f"{_with_parties()} LEFT JOIN {s.dispute.table} ON d.order_id = o.id WHERE o.id = %s{scope}",
        [order_id, *params],
    )
    if not found:
        return None
    [(the_order, buyer, supplier, dispute)] = found
    the_order.buyer, the_order.supplier = buyer, supplier
    dispute = dispute if dispute.pk is not None else None  # the LEFT JOIN found none: all NULL
    ordered = f"FROM {s.line.table} WHERE l.order_id = %s ORDER BY l.position, l.id"
    lines = [line for (line,) in select((s.line,), ordered, [order_id])]
    events = []
    for event, user, company in select(
        (s.event, s.user, s.company),
        f"FROM {s.event.table} LEFT JOIN {s.user.table} ON u.id = e.actor_user_id"
        f" LEFT JOIN {s.company.table} ON c.id = e.actor_company_id WHERE e.order_id = %s ORDER BY e.created_at, e.id",
        [order_id],
    ):
        event.actor_user = user if user.pk is not None else None
        event.actor_company = company if company.pk is not None else None
        events.append(event)
    return the_order, dispute, lines, events


def payment(provider: str, reference: str) -> Payment | None:
    """The payment a provider recorded under `reference`, if any (each is unique)."""
    payments = _shapes().payment
    found = select(
        (payments,), f"FROM {payments.table} WHERE p.provider = %s AND p.provider_reference = %s", [provider, reference]
    )
    return found[0][0] if found else None

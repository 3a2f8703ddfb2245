"""Hand-written reads of orders for the moves and the responses every purchase goes through (see
core.queries.Columns): the order a move starts from, orders with their two parties, an order's
detail (parties, dispute, lines and timeline) in three queries of plain SQL, and a payment by
its provider's reference."""

from __future__ import annotations

from collections.abc import Sequence

from tradebridge.accounts.models import User
from tradebridge.companies.models import Company
from tradebridge.core.queries import Columns, among, for_update, is_key, select, select_one
from tradebridge.orders.models import Dispute, Order, OrderEvent, OrderLine, Payment

_ORDERS = Columns(Order, "o")
_BUYERS = Columns(Company, "b")
_SUPPLIERS = Columns(Company, "s")
_DISPUTES = Columns(Dispute, "d")
_LINES = Columns(OrderLine, "l")
_EVENTS = Columns(OrderEvent, "e")
_ACTORS = Columns(User, "u")
_ACTOR_COMPANIES = Columns(Company, "c")
_PAYMENTS = Columns(Payment, "p")


def _with_parties() -> str:
    return (
        f"FROM {_ORDERS.table} JOIN {_BUYERS.table} ON b.id = o.buyer_id"
        f" JOIN {_SUPPLIERS.table} ON s.id = o.supplier_id"
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
    scope, params = _visible(company_id)
    return select_one(_ORDERS, f"FROM {_ORDERS.table} WHERE o.id = %s{scope}{for_update(lock)}", [order_id, *params])


def with_parties(order_ids: Sequence[int], company_id: int | None) -> list[Order]:
    """The orders with their buyer and supplier loaded, newest first."""
    if not order_ids:
        return []
    scope, params = _visible(company_id)
    chosen, chosen_params = among("o.id", order_ids)
    rows = select(
        (_ORDERS, _BUYERS, _SUPPLIERS),
        f"{_with_parties()} WHERE {chosen}{scope} ORDER BY o.placed_at DESC, o.id DESC",
        [*chosen_params, *params],
    )
    for found, buyer, supplier in rows:
        found.buyer, found.supplier = buyer, supplier
    return [found for found, _, _ in rows]


def detail(order_id: int, company_id: int | None) -> tuple[Order, Dispute | None, list, list] | None:
    """(order with its parties, its dispute or None, its lines, its history oldest first with
    each row's actor user and company loaded), or None if `company_id` is not a party."""
    if not is_key(order_id):
        return None
    scope, params = _visible(company_id)
    found = select(
        (_ORDERS, _BUYERS, _SUPPLIERS, _DISPUTES),
        f"{_with_parties()} LEFT JOIN {_DISPUTES.table} ON d.order_id = o.id WHERE o.id = %s{scope}",
        [order_id, *params],
    )
    if not found:
        return None
    [(the_order, buyer, supplier, dispute)] = found
    the_order.buyer, the_order.supplier = buyer, supplier
    dispute = dispute if dispute.pk is not None else None  # the LEFT JOIN found none: all NULL
    ordered = f"FROM {_LINES.table} WHERE l.order_id = %s ORDER BY l.position, l.id"
    lines = [line for (line,) in select((_LINES,), ordered, [order_id])]
    events = []
    for event, user, company in select(
        (_EVENTS, _ACTORS, _ACTOR_COMPANIES),
        f"FROM {_EVENTS.table} LEFT JOIN {_ACTORS.table} ON u.id = e.actor_user_id"
        f" LEFT JOIN {_ACTOR_COMPANIES.table} ON c.id = e.actor_company_id"
        " WHERE e.order_id = %s ORDER BY e.created_at, e.id",
        [order_id],
    ):
        event.actor_user = user if user.pk is not None else None
        event.actor_company = company if company.pk is not None else None
        events.append(event)
    return the_order, dispute, lines, events


def payment(provider: str, reference: str) -> Payment | None:
    """The payment a provider recorded under `reference`, if any (each is unique)."""
    rest = f"FROM {_PAYMENTS.table} WHERE p.provider = %s AND p.provider_reference = %s"
    return select_one(_PAYMENTS, rest, [provider, reference])

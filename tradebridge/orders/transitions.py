"""Moving an order: who the caller is to the order, locking it, checking the move against the
table in domain.py, writing the state, its history row and its notification task row (and, on
completion, the task row that reindexes the supplier's listings).

Every service that changes an order's state goes through `apply`; nothing else writes `state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from tradebridge.companies.domain import Kind
from tradebridge.companies.models import Membership
from tradebridge.core.errors import Forbidden, NotFound
from tradebridge.orders import notifications, rows
from tradebridge.orders.domain import TERMINAL, Action, Actor, State, move
from tradebridge.orders.models import Order, OrderEvent
from tradebridge.search.services import queue_supplier_reindex

# Columns that remember when an order reached a state (pages and timers read them).
STAMPS = {
    State.CONFIRMED: "confirmed_at",
    State.PAID: "paid_at",
    State.SHIPPED: "shipped_at",
    State.DELIVERED: "delivered_at",
}


@dataclass(frozen=True)
class Party:
    """Who is acting: their side of the order, and the person and company (None for the system)."""

    actor: Actor
    user: object | None = None
    company_id: int | None = None


SYSTEM = Party(Actor.SYSTEM)


def party_scope(membership: Membership) -> int | None:
    """The company whose orders the membership may see, or None for the operator (all of them);
    a caller with no company is refused."""
    if not membership:
        raise Forbidden("no_company", "You need to belong to a company to do this.")
    return None if membership.company.kind == Kind.OPERATOR else membership.company_id


def visible_orders(membership: Membership) -> QuerySet[Order]:
    """The orders this company is a party to; the operator sees them all."""
    company_id = party_scope(membership)
    if company_id is None:
        return Order.objects.all()
    return Order.objects.filter(Q(buyer_id=company_id) | Q(supplier_id=company_id))


def order_for(membership: Membership, order_id: int, *, lock: bool = False) -> Order:
    """The order if the membership's company is a party to it (or is the operator), else 404."""
    order = rows.order(order_id, party_scope(membership), lock=lock)
    if order is None:
        raise NotFound("order_not_found", "No such order.", "order_id")
    return order


def party_of(membership: Membership, order: Order) -> Party:
    if membership.company_id == order.buyer_id:
        actor = Actor.BUYER
    elif membership.company_id == order.supplier_id:
        actor = Actor.SUPPLIER
    else:
        actor = Actor.OPERATOR  # order_for only lets the operator see others' orders
    return Party(actor, membership.user, membership.company_id)


def locked_order(order_id: int) -> Order:
    """For system moves (timers, payment callbacks) that have no membership."""
    order = rows.order(order_id, None, lock=True)
    if order is None:
        raise NotFound("order_not_found", "No such order.", "order_id")
    return order


def apply(
    order: Order,
    action: Action,
    party: Party,
    *,
    reason: str = "",
    fields: dict | None = None,
    data: dict | None = None,
    now: datetime | None = None,
    then: Action | None = None,
    save: tuple[str, ...] = (),
) -> OrderEvent:
    """Check and make one move on a locked order, inside the caller's transaction.

    `then` is a system move made at once after it (confirm, then request payment): both are
    checked and recorded, with one UPDATE of the order and one INSERT of their history rows.
    `save` names other columns the caller changed on the order, written in the same UPDATE."""
    now = now or timezone.now()
    changed = {"state", "state_changed_at", *save}
    events = [_step(order, action, party, reason, fields, data, now, changed)]
    if then is not None:
        events.append(_step(order, then, SYSTEM, "", None, None, now, changed))
    order.save(update_fields=sorted(changed))
    OrderEvent.objects.bulk_create(events)
    return events[0]


def _step(order, action, party, reason, fields, data, now, changed: set) -> OrderEvent:
    """One move on the order in memory: its state and stamps, its history row (unsaved) and
    its notification, with the payload as of this move."""
    transition = move(order.state, action, party.actor, {"reason": reason, **(fields or {})})
    source = order.state
    order.state = transition.target.value
    order.state_changed_at = now
    stamp = STAMPS.get(transition.target)
    if stamp and getattr(order, stamp) is None:
        setattr(order, stamp, now)
        changed.add(stamp)
    if transition.target in TERMINAL:
        order.closed_at = now
        changed.add("closed_at")
    notifications.queue(order, action.value)
    if transition.target is State.COMPLETED:
        # Orders completed rank the supplier's listings: a worker reindexes them once this commits.
        queue_supplier_reindex(order.supplier_id)
    return OrderEvent(
        order=order,
        action=action.value,
        from_state=source,
        to_state=order.state,
        actor_kind=party.actor.value,
        actor_user=party.user,
        actor_company_id=party.company_id,
        reason=reason.strip(),
        data=data or {},
        created_at=now,
    )

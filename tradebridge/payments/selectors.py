"""Payment reads, always scoped to the buyer company that owns the payment."""

from __future__ import annotations

from django.db.models import QuerySet

from tradebridge.core.errors import NotFound
from tradebridge.core.queries import Columns, for_update, is_key, select_one
from tradebridge.orders.models import Order
from tradebridge.payments.models import PaymentIntent, WebhookEvent

# Starting a payment and applying the gateway's callback run for every order paid, so their
# lookups are written by hand (see core.queries.Columns).
_ORDERS, _INTENTS, _EVENTS = Columns(Order, "o"), Columns(PaymentIntent, "i"), Columns(WebhookEvent, "w")


def own_order(membership, order_id: int, *, lock: bool = False):
    """The buyer company's own order (locked when asked); anyone else's, or an unknown id, is 404."""
    rest = f"FROM {_ORDERS.table} WHERE o.id = %s AND o.buyer_id = %s{for_update(lock)}"
    order = select_one(_ORDERS, rest, [order_id, membership.company_id]) if is_key(order_id) else None
    if order is None:
        raise NotFound("order_not_found", "There is no such order.", "order_id")
    return order


def locked_intent(provider: str, public_id: str) -> PaymentIntent | None:
    """The provider's intent with this public id, locked until the commit, or None."""
    rest = f"FROM {_INTENTS.table} WHERE i.public_id = %s AND i.provider = %s{for_update()}"
    return select_one(_INTENTS, rest, [public_id, provider])


def locked_authentic_event(provider: str, event_id: str) -> WebhookEvent | None:
    """The authentic delivery of this event recorded before, locked until the commit, or None."""
    rest = f"FROM {_EVENTS.table} WHERE w.provider = %s AND w.event_id = %s AND w.signature_valid = %s{for_update()}"
    return select_one(_EVENTS, rest, [provider, event_id, True])


def intents_of(membership) -> QuerySet[PaymentIntent]:
    return PaymentIntent.objects.filter(buyer_id=membership.company_id)


def intent_for(membership, public_id: str) -> PaymentIntent:
    """The buyer's own intent; anyone else's (or an unknown id) is 404."""
    intent = intents_of(membership).filter(public_id=public_id).first() if membership else None
    if intent is None:
        raise NotFound("intent_not_found", "There is no such payment.", "intent")
    return intent


def intents_for_order(membership, order_id: int) -> list[PaymentIntent]:
    return list(intents_of(membership).filter(order_id=order_id).order_by("-created_at", "-id")[:10])

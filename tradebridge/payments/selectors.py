"""Payment reads, always scoped to the buyer company that owns the payment."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace

from django.db import connection
from django.db.models import QuerySet

from tradebridge.core.errors import NotFound
from tradebridge.core.queries import Columns, is_key, select
from tradebridge.orders.models import Order
from tradebridge.payments.models import PaymentIntent, WebhookEvent


# Starting a payment and applying the gateway's callback run for every order paid, so their
# lookups are written by hand (see core.queries.Columns).
@cache
def _shapes() -> SimpleNamespace:
    return SimpleNamespace(
        order=Columns(Order, "o"), intent=Columns(PaymentIntent, "i"), event=Columns(WebhookEvent, "w")
    )


def _locking(lock: bool) -> str:
    return " FOR UPDATE" if lock and connection.features.has_select_for_update else ""


def own_order(membership, order_id: int, *, lock: bool = False):
    """The buyer company's own order (locked when asked); anyone else's, or an unknown id, is 404."""
    orders = _shapes().order
    found = is_key(order_id) and select(
        (orders,),
        f"FROM {orders.table} WHERE o.id = %s AND o.buyer_id = %s{_locking(lock)}",
        [order_id, membership.company_id],
    )
    if not found:
        raise NotFound("order_not_found", "There is no such order.", "order_id")
    return found[0][0]


def locked_intent(provider: str, public_id: str) -> PaymentIntent | None:
    """The provider's intent with this public id, locked until the commit, or None."""
    intents = _shapes().intent
    found = select(
        (intents,),
        f"FROM {intents.table} WHERE i.public_id = %s AND i.provider = %s{_locking(True)}",
        [public_id, provider],
    )
    return found[0][0] if found else None


def locked_authentic_event(provider: str, event_id: str) -> WebhookEvent | None:
    """The authentic delivery of this event recorded before, locked until the commit, or None."""
    events = _shapes().event
    found = select(
        (events,),
        f"FROM {events.table} WHERE w.provider = %s AND w.event_id = %s AND w.signature_valid = %s{_locking(True)}",
        [provider, event_id, True],
    )
    return found[0][0] if found else None


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

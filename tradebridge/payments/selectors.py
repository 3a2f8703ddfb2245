"""Payment reads, always scoped to the buyer company that owns the payment."""

from __future__ import annotations

from django.db.models import QuerySet

from tradebridge.core.errors import NotFound
from tradebridge.core.queries import one
from tradebridge.orders.models import Order
from tradebridge.payments.models import PaymentIntent


def own_order(membership, order_id: int, *, lock: bool = False):
    """The buyer company's own order (locked when asked); anyone else's, or an unknown id, is 404."""
    orders = Order.objects.select_for_update() if lock else Order.objects
    order = one(orders.filter(pk=order_id, buyer_id=membership.company_id))
    if order is None:
        raise NotFound("order_not_found", "There is no such order.", "order_id")
    return order


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

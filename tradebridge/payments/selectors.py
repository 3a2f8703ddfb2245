"""Payment reads, always scoped to the buyer company that owns the payment."""

from __future__ import annotations

from django.db.models import QuerySet

from tradebridge.core.errors import NotFound
from tradebridge.payments.models import PaymentIntent


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

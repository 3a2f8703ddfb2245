"""Builders for payment tests: a real order, placed and confirmed through the orders services,
and signed simulator events."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

from tests.catalog.factories import product as make_product
from tradebridge.orders import cart, placement
from tradebridge.orders import services as orders
from tradebridge.orders.models import Order
from tradebridge.payments.domain import EventKind
from tradebridge.payments.models import PaymentIntent
from tradebridge.payments.providers import simulator
from tradebridge.pricing.models import ExchangeRate
from tradebridge.pricing.money import Money

_seq = itertools.count(1)


def gbp_cny_rate(rate: str = "9.1032") -> None:
    if not ExchangeRate.objects.filter(base="GBP", quote="CNY").exists():
        ExchangeRate.objects.create(
            base="GBP", quote="CNY", rate=rate, valid_from=timezone.now() - timedelta(hours=1), source="test midpoint"
        )


def order_awaiting_payment(buyer, supplier, *, deposit_percent: int = 0, quantity: int = 100, price: str = "4.20"):
    """An order from `buyer` to `supplier`, confirmed, so the buyer owes its first part."""
    gbp_cny_rate()
    n = next(_seq)
    item = make_product(
        supplier.company, handle=f"scarf-{n}", status="published", tiers=((1, price),), skus=(f"SCARF-{n}",)
    )
    variant = item.variants.get()
    variant.stock_on_hand = quantity
    variant.save(update_fields=["stock_on_hand"])
    cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=quantity)
    [order] = placement.place_orders(membership=buyer, deposit_percent=deposit_percent)
    orders.confirm_order(membership=supplier, order_id=order.pk)
    return Order.objects.get(pk=order.pk)


def intent(order: Order, public_id: str, *, part: str = "full", method: str = "card") -> PaymentIntent:
    """A simulator payment intent for what the order owes as `part` (full, deposit or balance)."""
    amount = {"full": order.amount_due_cny, "deposit": order.deposit_cny, "balance": order.balance_cny}[part]
    return PaymentIntent.objects.create(
        public_id=public_id,
        order_id=order.pk,
        buyer_id=order.buyer_id,
        part=part,
        amount=amount,
        method=method,
        provider="simulator",
    )


def signed_event(
    intent: PaymentIntent,
    kind: EventKind | str = EventKind.CAPTURED,
    *,
    event_id: str | None = None,
    amount: Money | None = None,
    timestamp: int | None = None,
    key: str | None = None,
) -> tuple[dict[str, str], bytes]:
    """(headers, body) exactly as the simulated gateway would post them."""
    event_id = event_id or simulator.new_event_id()
    body = simulator.event_body(
        intent_reference=intent.public_id, kind=kind, amount=amount or intent.money, event_id=event_id
    )
    return simulator.signed_headers(body=body, event_id=event_id, timestamp=timestamp, key=key), body


def post_webhook(client, headers: dict[str, str], body: bytes, provider: str = "simulator"):
    """POST to the webhook endpoint through the test client, headers as HTTP_ meta keys."""
    meta = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    return client.post(f"/api/v1/payments/webhooks/{provider}", data=body, content_type="application/json", **meta)

"""Builders for ledger tests: an order's worth of money movements, posted for real."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from tradebridge.ledger import flows, services
from tradebridge.pricing.money import Money


def cny(value) -> Money:
    return Money(Decimal(value), "CNY")


def gbp(value) -> Money:
    return Money(Decimal(value), "GBP")


def pay(*, buyer, order_id: int, amount: str, part: str = "full"):
    with transaction.atomic():
        return services.post(
            kind="payment",
            postings=flows.payment_postings(buyer_id=buyer.pk, amount_cny=cny(amount)),
            reference=f"order-{order_id}-{part}",
            order_id=order_id,
        )


def release(*, buyer, supplier, order_id: int, held: str, total: str, rate: str = "0.03"):
    with transaction.atomic():
        return services.post(
            kind="release",
            postings=flows.release_postings(
                buyer_id=buyer.pk,
                supplier_id=supplier.pk,
                held_cny=cny(held),
                order_total=gbp(total),
                commission_rate=Decimal(rate),
            ),
            reference=f"order-{order_id}-release",
            order_id=order_id,
        )

"""The order's money moves, each posted to the ledger inside the transaction of the state change
that causes it: payments in, release to the supplier (less commission), refunds.

The posting rules themselves are the ledger's (`ledger.flows`); this module only says which flow
an order event calls for and with which amounts.
"""

from __future__ import annotations

from decimal import Decimal

from tradebridge.ledger import flows, selectors
from tradebridge.ledger.services import post
from tradebridge.orders.models import Order
from tradebridge.pricing.money import Money

CNY = "CNY"


def commission_rate(order: Order) -> Decimal:
    """The rule for the order's channel and the category of its largest line (by value)."""
    lines = sorted(order.lines.select_related("product__category"), key=lambda line: (-line.line_total, line.pk))
    category = lines[0].product.category if lines else None
    return selectors.commission_rate(channel=order.channel, category_path=category.path if category else None)


def held(order: Order) -> Money:
    return Money(order.paid_cny, CNY)


def payment_received(order: Order, *, part: str, amount: Money) -> None:
    post(
        kind="payment",
        postings=flows.payment_postings(buyer_id=order.buyer_id, amount_cny=amount),
        reference=f"{order.reference}:{part}",
        order_id=order.pk,
        memo=f"{part} payment into escrow",
    )


def release(order: Order) -> None:
    post(
        kind="release",
        postings=flows.release_postings(
            buyer_id=order.buyer_id,
            supplier_id=order.supplier_id,
            held_cny=held(order),
            order_total=Money(order.total, order.currency),
            commission_rate=commission_rate(order),
        ),
        reference=f"{order.reference}:release",
        order_id=order.pk,
        memo="escrow released to the supplier",
    )


def refund(order: Order) -> None:
    post(
        kind="refund",
        postings=flows.refund_postings(buyer_id=order.buyer_id, amount_cny=held(order)),
        reference=f"{order.reference}:refund",
        order_id=order.pk,
        memo="escrow refunded to the buyer",
    )


def partial_refund(order: Order, refund_cny: Money) -> None:
    post(
        kind="partial_refund",
        postings=flows.partial_refund_postings(
            buyer_id=order.buyer_id,
            supplier_id=order.supplier_id,
            held_cny=held(order),
            refund_cny=refund_cny,
            order_total=Money(order.total, order.currency),
            commission_rate=commission_rate(order),
        ),
        reference=f"{order.reference}:partial_refund",
        order_id=order.pk,
        memo="escrow partly refunded, the rest released",
    )

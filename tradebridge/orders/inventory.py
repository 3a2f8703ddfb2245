"""Stock: the one place that locks variant rows, reserves units for an order and gives them back.

Callers are already inside a transaction. Rows are locked in primary-key order, so two orders
sharing SKUs always queue in the same order and never deadlock (`FOR NO KEY UPDATE` on
PostgreSQL; SQLite's IMMEDIATE transactions already admit one writer at a time). Counters change
with `F()` in one UPDATE, and the `variant_stock_not_negative` constraint is the last guard.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import IntegrityError
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone

from tradebridge.catalog.models import Variant
from tradebridge.core.errors import Conflict, FieldError
from tradebridge.orders.models import Order, StockReservation


def lock_variants(variant_ids) -> dict[int, Variant]:
    """Lock these variants, in primary-key order, for the rest of the caller's transaction."""
    # no_key: on PostgreSQL a plain FOR UPDATE also conflicts with the KEY SHARE lock that every
    # INSERT of a cart or order line referencing the variant takes, so placing and carting queued
    # behind each confirmation; FOR NO KEY UPDATE still serialises the stock changes themselves.
    rows = Variant.objects.select_for_update(no_key=True).filter(pk__in=set(variant_ids)).order_by("pk")
    return {v.pk: v for v in rows}


def _adjust(deltas: dict[int, int]) -> None:
    """Add each delta to its variant's stock in a single UPDATE."""
    Variant.objects.filter(pk__in=deltas).update(
        stock_on_hand=F("stock_on_hand")
        + Case(*(When(pk=pk, then=Value(d)) for pk, d in deltas.items()), output_field=IntegerField())
    )


def reserve(order: Order) -> list[StockReservation]:
    """Take the order's units out of stock, or refuse the whole order (409) naming each short SKU."""
    lines = list(order.lines.order_by())
    needed: dict[int, int] = defaultdict(int)
    for line in lines:
        needed[line.variant_id] += line.quantity
    locked = lock_variants(needed)
    short = [
        FieldError(
            "insufficient_stock",
            f"Only {locked[pk].stock_on_hand} units of {locked[pk].sku} are in stock; the order needs {qty}.",
            "stock",
        )
        for pk, qty in needed.items()
        if locked[pk].stock_on_hand < qty
    ]
    if short:
        raise Conflict.many(short)
    try:
        # No savepoint around it: the lock and the check above make a constraint breach
        # impossible, and if one happened the refusal rolls the caller's transaction back
        # anyway. A savepoint cost two more round trips with the hot SKUs' rows locked.
        _adjust({pk: -qty for pk, qty in needed.items()})
    except IntegrityError:
        raise Conflict("insufficient_stock", "Not enough stock for this order.", "stock") from None
    return StockReservation.objects.bulk_create(
        StockReservation(line=line, variant_id=line.variant_id, quantity=line.quantity) for line in lines
    )


def release(order: Order) -> int:
    """Give back every unit still held for the order; returns how many. Safe to call twice."""
    held = list(StockReservation.objects.filter(line__order=order, released_at__isnull=True))
    if not held:
        return 0
    back: dict[int, int] = defaultdict(int)
    for reservation in held:
        back[reservation.variant_id] += reservation.quantity
    lock_variants(back)
    _adjust(back)
    StockReservation.objects.filter(pk__in=[r.pk for r in held]).update(released_at=timezone.now())
    return sum(back.values())

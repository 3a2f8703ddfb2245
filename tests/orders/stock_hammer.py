"""Many confirmations racing for one SKU, run in threads of this process (and, by the test, in
several such processes at once). Not a test itself: tests/orders/test_concurrency.py drives it.

    python -m tests.orders.stock_hammer setup --stock 50 --orders 30 --quantity 5   -> JSON ids
    python -m tests.orders.stock_hammer confirm --threads 4 ID ...                 -> JSON outcome
    python -m tests.orders.stock_hammer report --variant ID                        -> JSON figures
"""

from __future__ import annotations

import argparse
import json
import os
import threading


def setup(*, stock: int, orders: int, quantity: int) -> dict:
    from tests import factories
    from tests.orders import factories as order_factories
    from tradebridge.catalog.models import Variant

    order_factories.market()
    supplier = factories.member(kind="supplier")
    product = order_factories.scarf(supplier.company, stock=stock, tiers=(("1", "2.00"),), moq=1, multiple=1)
    variant = order_factories.variant_of(product)
    ids = []
    for _ in range(orders):
        buyer = factories.member(kind="buyer")
        ids.extend(o.pk for o in order_factories.place(buyer, (variant, quantity)))
    assert Variant.objects.get(pk=variant.pk).stock_on_hand == stock
    return {"supplier_membership": supplier.pk, "variant": variant.pk, "orders": ids}


def confirm_all(membership_id: int, order_ids: list[int], threads: int) -> dict:
    """Confirm every order, `threads` at a time; count what was accepted and refused."""
    from django.db import connection

    from tradebridge.companies.models import Membership
    from tradebridge.core.errors import Conflict
    from tradebridge.orders import services

    outcome = {"confirmed": [], "refused": [], "errors": []}
    lock = threading.Lock()
    barrier = threading.Barrier(threads)
    chunks = [order_ids[i::threads] for i in range(threads)]

    def work(chunk: list[int]) -> None:
        membership = Membership.objects.select_related("company", "user").get(pk=membership_id)
        barrier.wait()  # start together, so the confirmations really overlap
        try:
            for order_id in chunk:
                try:
                    services.confirm_order(membership=membership, order_id=order_id)
                    key = "confirmed"
                except Conflict as exc:
                    key = "refused" if exc.code == "insufficient_stock" else "errors"
                except Exception as exc:  # anything else is a defect the test reports
                    key = "errors"
                    order_id = f"{order_id}: {type(exc).__name__}: {exc}"
                with lock:
                    outcome[key].append(order_id)
        finally:
            connection.close()

    workers = [threading.Thread(target=work, args=(chunk,)) for chunk in chunks]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return outcome


def report(variant_id: int) -> dict:
    from django.db.models import Sum

    from tradebridge.catalog.models import Variant
    from tradebridge.orders.models import Order, StockReservation

    held = StockReservation.objects.filter(variant_id=variant_id, released_at__isnull=True)
    confirmed = Order.objects.filter(state="awaiting_payment", lines__variant_id=variant_id)
    return {
        "stock": Variant.objects.get(pk=variant_id).stock_on_hand,
        "reserved": held.aggregate(total=Sum("quantity"))["total"] or 0,
        "confirmed_orders": confirmed.count(),
        "confirmed_units": confirmed.aggregate(total=Sum("lines__quantity"))["total"] or 0,
        "orders_without_reservation": confirmed.filter(lines__reservation__isnull=True).count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("setup")
    s.add_argument("--stock", type=int, required=True)
    s.add_argument("--orders", type=int, required=True)
    s.add_argument("--quantity", type=int, required=True)
    c = sub.add_parser("confirm")
    c.add_argument("--membership", type=int, required=True)
    c.add_argument("--threads", type=int, default=4)
    c.add_argument("ids", type=int, nargs="+")
    r = sub.add_parser("report")
    r.add_argument("--variant", type=int, required=True)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    import django

    django.setup()
    if args.command == "setup":
        result = setup(stock=args.stock, orders=args.orders, quantity=args.quantity)
    elif args.command == "confirm":
        result = confirm_all(args.membership, args.ids, args.threads)
    else:
        result = report(args.variant)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Setting the order timers: a django-tasks row with `run_after` per order and timer.

The rows live in the database, so they survive restarts and any worker picks them up when due.
The task re-reads the order and the setting before it acts (services.close_if_unpaid,
services.confirm_if_due), so a timer for an order that moved on is a no-op, and one that fires
early (the setting grew) sets itself again.

Called inside the transaction of the move that starts the wait, so the timer row commits with
the move or not at all: no window where a move is saved but its timer is not (as there was when
the row was written after the commit), and one commit per move instead of two. A worker sees the
row only once the move has committed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings


def auto_close_due(since: datetime) -> datetime:
    """When an order waiting for money since `since` closes if none comes."""
    return since + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)


def schedule_auto_close(order_id: int, *, since: datetime) -> None:
    from tradebridge.orders.tasks import auto_close_order

    auto_close_order.using(run_after=auto_close_due(since)).enqueue(order_id, since.isoformat())


def schedule_auto_confirm(order_id: int, *, since: datetime) -> None:
    from tradebridge.orders.tasks import auto_confirm_order

    due = since + timedelta(days=settings.ORDER_AUTO_CONFIRM_DAYS)
    auto_confirm_order.using(run_after=due).enqueue(order_id)

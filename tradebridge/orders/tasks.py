"""Background tasks of orders: the two timers, run by `tradebridge worker` when their row is due,
and the notification of each move (emails and webhook events)."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from tradebridge.orders import notifications, services


@task()
def auto_close_order(order_id: int, since: str) -> bool:
    return services.close_if_unpaid(order_id=order_id, since=datetime.fromisoformat(since))


@task()
def auto_confirm_order(order_id: int) -> bool:
    return services.confirm_if_due(order_id=order_id)


@task()
def notify_order_moved(order_id: int, action: str, payload: dict) -> None:
    notifications.deliver(order_id, action, payload)

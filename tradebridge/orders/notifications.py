"""What tells people an order moved: an email to both parties in each reader's language, and a
signed webhook event for each party's registered endpoints.

`queue` is called inside the move's own transaction and writes one background-task row
(`tasks.notify_order_moved`) carrying the order's webhook payload as it is at the move, so the row
commits with the move or not at all: nothing is sent for a move that rolled back, and no committed
move lacks its notification. (Queued after commit, it cost a transaction of its own per move:
three of the eleven in a place-and-pay cycle.) The worker then renders and sends the emails and
emits the webhooks (`deliver`); rendering and sending took ~12 ms per move on the request path.
A failing mail server must not undo a committed order, so delivery failures are logged, not raised.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from tradebridge.companies.models import Membership
from tradebridge.orders.domain import Action
from tradebridge.orders.models import ACTION_CHOICES, Order

log = logging.getLogger(__name__)

WEBHOOK_EVENTS = {
    "place": "order.placed",
    Action.CONFIRM: "order.confirmed",
    Action.REJECT: "order.rejected",
    Action.PAY_DEPOSIT: "order.paid",
    Action.PAY_BALANCE: "order.paid",
    Action.PAY_FULL: "order.paid",
    Action.SHIP: "order.shipped",
    Action.MARK_DELIVERED: "order.delivered",
    Action.CONFIRM_RECEIPT: "order.completed",
    Action.AUTO_CONFIRM: "order.completed",
    Action.CANCEL: "order.cancelled",
    Action.AUTO_CLOSE: "order.cancelled",
    Action.OPEN_DISPUTE: "order.disputed",
    Action.RESOLVE_RELEASE: "order.dispute_resolved",
    Action.RESOLVE_REFUND: "order.dispute_resolved",
    Action.RESOLVE_PARTIAL_REFUND: "order.dispute_resolved",
}
# The payment request follows confirmation at once; one email about the pair is enough.
SILENT = {Action.REQUEST_PAYMENT}
LABELS = dict(ACTION_CHOICES)


def payload(order: Order, action: str) -> dict:
    return {
        "order_id": order.pk,
        "reference": order.reference,
        "action": str(action),
        "state": order.state,
        "buyer_id": order.buyer_id,
        "supplier_id": order.supplier_id,
        "currency": order.currency,
        "total": str(order.total),
        "amount_due_cny": str(order.amount_due_cny),
        "paid_cny": str(order.paid_cny),
        "carrier": order.carrier,
        "tracking_number": order.tracking_number,
        "state_changed_at": order.state_changed_at.isoformat(),
    }


def queue(order: Order, action: str) -> None:
    """In the move's transaction: queue the task that tells both parties, with the order as it is now."""
    if action in SILENT:
        return
    from tradebridge.orders.tasks import notify_order_moved

    notify_order_moved.enqueue(order.pk, str(action), payload(order, action))


def deliver(order_id: int, action: str, body: dict) -> None:
    """In the worker: the emails and webhook events for one move (`body` is its payload)."""
    try:
        order = Order.objects.select_related("buyer", "supplier").get(pk=order_id)
        order.state = body["state"]  # the emails say the state of the move, not a later one
        _emit(order, action, body)
        _email(order, action)
    except Exception:  # the order is committed; a notification failure is logged, not fatal
        log.exception("Notifying order %s (%s) failed", order_id, action)


def _emit(order: Order, action: str, body: dict) -> None:
    event = WEBHOOK_EVENTS.get(action)
    if event is None:
        return
    from tradebridge.webhooks.services import emit

    for company_id in (order.supplier_id, order.buyer_id):
        emit(company_id=company_id, event=event, payload=body)


def _email(order: Order, action: str) -> None:
    members = Membership.objects.filter(company_id__in=(order.buyer_id, order.supplier_id)).select_related("user")
    for member in members:
        user = member.user
        if not user.is_active or not user.email:
            continue
        side = "buyer" if member.company_id == order.buyer_id else "supplier"
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            subject = f"{order.reference}: {LABELS.get(action, action)}"
            body = render_to_string(
                "orders/email/order_update.txt",
                {
                    "order": order,
                    "side": side,
                    "event": LABELS.get(action, action),
                    "counterparty": order.supplier if side == "buyer" else order.buyer,
                    "state": order.get_state_display(),
                },
            )
        send_mail(str(subject), body, None, [user.email])

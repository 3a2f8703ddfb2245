"""Order moves after placement, one transaction each: confirmation and rejection (with stock),
cancellation, payments into escrow, production, shipping, delivery, completion (with release of
funds), and the two timers' moves. Disputes are in disputes.py, placing in placement.py.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tradebridge.companies.models import Membership
from tradebridge.core.errors import Conflict, DomainError
from tradebridge.orders import escrow, inventory, rows, timers
from tradebridge.orders.domain import Action, State, is_due, next_payment, payment_action
from tradebridge.orders.models import Order, Payment
from tradebridge.orders.transitions import SYSTEM, apply, locked_order, order_for, party_of
from tradebridge.pricing.money import Money

MAX_REASON = 2000
# The states the auto-close timer closes: waiting for the first payment or for the balance.
AWAITING_MONEY = (State.PLACED, State.AWAITING_PAYMENT, State.DEPOSIT_PAID)


def _text(value: str | None, limit: int = MAX_REASON) -> str:
    return (value or "").strip()[:limit]


def _act(membership: Membership, order_id: int, action: Action, **kwargs) -> Order:
    order = order_for(membership, order_id, lock=True)
    apply(order, action, party_of(membership, order), **kwargs)
    return order


@transaction.atomic
def confirm_order(*, membership: Membership, order_id: int) -> Order:
    """The supplier accepts: stock is reserved and the buyer is asked to pay."""
    order = order_for(membership, order_id, lock=True)
    apply(order, Action.CONFIRM, party_of(membership, order), then=Action.REQUEST_PAYMENT)
    timers.schedule_auto_close(order.pk, since=order.state_changed_at)
    # Stock last: the hot SKUs' rows stay locked only from here to the commit. A refusal
    # rolls back the moves above with it.
    inventory.reserve(order)
    return order


@transaction.atomic
def reject_order(*, membership: Membership, order_id: int, reason: str) -> Order:
    """The supplier declines, saying why. Nothing is held before confirmation, but releasing is
    what every closing move does, so a later change to when stock is held cannot leak it."""
    order = _act(membership, order_id, Action.REJECT, reason=_text(reason))
    inventory.release(order)
    return order


@transaction.atomic
def cancel_order(*, membership: Membership, order_id: int, reason: str) -> Order:
    """Either party (or the operator) calls off an unpaid order; held stock goes back."""
    order = _act(membership, order_id, Action.CANCEL, reason=_text(reason))
    inventory.release(order)
    return order


@transaction.atomic
def start_production(*, membership: Membership, order_id: int) -> Order:
    return _act(membership, order_id, Action.START_PRODUCTION)


@transaction.atomic
def ship_order(*, membership: Membership, order_id: int, carrier: str, tracking_number: str) -> Order:
    carrier, tracking_number = _text(carrier, 100), _text(tracking_number, 100)
    order = order_for(membership, order_id, lock=True)
    party = party_of(membership, order)
    order.carrier, order.tracking_number = carrier, tracking_number  # saved by the move's UPDATE
    apply(
        order,
        Action.SHIP,
        party,
        fields={"carrier": carrier, "tracking_number": tracking_number},
        data={"carrier": carrier, "tracking_number": tracking_number},
        save=("carrier", "tracking_number"),
    )
    return order


@transaction.atomic
def mark_delivered(*, membership: Membership, order_id: int) -> Order:
    order = _act(membership, order_id, Action.MARK_DELIVERED)
    timers.schedule_auto_confirm(order.pk, since=order.delivered_at)
    return order


@transaction.atomic
def confirm_receipt(*, membership: Membership, order_id: int) -> Order:
    """The buyer is satisfied: the order completes and escrow is released to the supplier."""
    order = _act(membership, order_id, Action.CONFIRM_RECEIPT)
    escrow.release(order)
    return order


# -- payments ------------------------------------------------------------------------------------


def amount_due(order: Order) -> tuple[str, Money] | None:
    """(part, CNY amount) the buyer must pay next, or None when nothing is due."""
    due = next_payment(order.state, order.deposit_cny, order.balance_cny)
    return (due[0], Money(due[1], escrow.CNY)) if due else None


@transaction.atomic
def record_payment(*, order_id: int, part: str, amount: Money, provider: str, provider_reference: str) -> Order:
    """A provider says the buyer paid `part`: check it is due and exact, move the order and post
    the payment into escrow, all in one transaction. A replay of the same provider reference is
    a no-op that returns the order; any other surprise is refused."""
    order = locked_order(order_id)
    earlier = rows.payment(provider, provider_reference)
    if earlier is not None:
        if earlier.order_id != order.pk or earlier.part != part or earlier.amount_cny != amount.amount:
            raise Conflict(
                "payment_reference_reused", "This payment reference was used for another payment.", "provider_reference"
            )
        return order
    action = payment_action(part)
    due = amount_due(order)
    if due is None or due[0] != part:
        raise Conflict("payment_not_due", "This payment is not due on the order now.", "part")
    if amount.currency != escrow.CNY or amount.amount != due[1].amount:
        raise DomainError("payment_amount_mismatch", f"The {part} due is {due[1]}; the payment was {amount}.", "amount")
    order.paid_cny += amount.amount  # saved by the move's UPDATE
    apply(
        order,
        action,
        SYSTEM,
        data={"provider": provider, "provider_reference": provider_reference, "amount": str(amount.amount)},
        save=("paid_cny",),
    )
    Payment.objects.create(
        order=order,
        part=part,
        amount_cny=amount.amount,
        provider=provider[:32],
        provider_reference=provider_reference[:200],
    )
    escrow.payment_received(order, part=part, amount=amount)
    if order.state == State.DEPOSIT_PAID:
        # The balance has the same time to come as the first payment had.
        timers.schedule_auto_close(order.pk, since=order.state_changed_at)
    return order


# -- timers --------------------------------------------------------------------------------------


def closes_unpaid_at(order: Order) -> datetime | None:
    """When the auto-close timer will close the order if no payment comes, or None."""
    return timers.auto_close_due(order.state_changed_at) if order.state in AWAITING_MONEY else None


@transaction.atomic
def close_if_unpaid(*, order_id: int, since: datetime | None = None, now: datetime | None = None) -> bool:
    """The auto-close timer: an order still unpaid, or with its deposit paid and its balance
    not, ORDER_UNPAID_CLOSE_DAYS after it last moved is closed, its stock released and any
    deposit refunded. Safe to run any number of times; returns whether it closed.

    `since` is the state change the timer was set for; if the order moved since, that move set
    its own timer and this one stands down."""
    now = now or timezone.now()
    order = rows.order(order_id, None, lock=True)  # a timer for an order gone is a no-op
    if order is None or order.state not in AWAITING_MONEY:
        return False
    if since is not None and order.state_changed_at != since:
        return False
    if not is_due(order.state_changed_at, now, settings.ORDER_UNPAID_CLOSE_DAYS):
        # Early: the setting grew after the timer was set. Look again when due.
        timers.schedule_auto_close(order.pk, since=order.state_changed_at)
        return False
    deposit = order.paid_cny
    reason = "Balance not paid in time; the deposit is refunded." if deposit else "Not paid in time."
    apply(order, Action.AUTO_CLOSE, SYSTEM, reason=reason, now=now)
    inventory.release(order)
    if deposit:
        escrow.refund(order)
    return True


@transaction.atomic
def confirm_if_due(*, order_id: int, now: datetime | None = None) -> bool:
    """The auto-confirm timer: ORDER_AUTO_CONFIRM_DAYS after delivery without a dispute, receipt
    is confirmed for the buyer and escrow released. Idempotent; returns whether it completed."""
    now = now or timezone.now()
    order = rows.order(order_id, None, lock=True)  # a timer for an order gone is a no-op
    if order is None or order.state != State.DELIVERED or order.delivered_at is None:
        return False
    if not is_due(order.delivered_at, now, settings.ORDER_AUTO_CONFIRM_DAYS):
        timers.schedule_auto_confirm(order.pk, since=order.delivered_at)
        return False
    apply(order, Action.AUTO_CONFIRM, SYSTEM, reason="Receipt confirmed automatically.", now=now)
    escrow.release(order)
    return True

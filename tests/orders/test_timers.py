"""The two timers, run against real rows with the clock moved, and their scheduled task rows."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.orders import factories as orders
from tradebridge.catalog.models import Variant
from tradebridge.ledger import audit
from tradebridge.ledger.domain import AccountKind
from tradebridge.ledger.models import LedgerTransaction
from tradebridge.ledger.selectors import escrow_balance
from tradebridge.orders import services, tasks
from tradebridge.orders.models import Order

pytestmark = pytest.mark.django_db


def test_placing_schedules_the_auto_close_timer(buyer, variant, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [order] = orders.place(buyer, (variant, 20))
    row = DBTaskResult.objects.get(task_path__endswith="auto_close_order")
    assert row.args_kwargs["args"][0] == order.pk
    assert row.run_after == order.placed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)


def test_an_unpaid_order_closes_when_due_and_gives_stock_back(placed, supplier, variant, settings):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    order = Order.objects.get(pk=placed.pk)
    early = order.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS, seconds=-1)
    assert services.close_if_unpaid(order_id=order.pk, since=order.state_changed_at, now=early) is False
    due = order.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)
    assert services.close_if_unpaid(order_id=order.pk, since=order.state_changed_at, now=due) is True
    order.refresh_from_db()
    assert order.state == "closed_unpaid" and order.events.last().actor_kind == "system"
    assert Variant.objects.get(pk=variant.pk).stock_on_hand == 100
    # A second run, and a timer set for an earlier state, change nothing.
    assert services.close_if_unpaid(order_id=order.pk, now=due + timedelta(days=9)) is False


def test_a_timer_for_a_state_the_order_has_left_stands_down(placed, supplier, settings):
    placed_at = placed.state_changed_at
    services.confirm_order(membership=supplier, order_id=placed.pk)
    later = placed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)
    assert services.close_if_unpaid(order_id=placed.pk, since=placed_at, now=later) is False
    assert Order.objects.get(pk=placed.pk).state == "awaiting_payment"


def test_a_balance_that_never_comes_closes_the_order_and_refunds_the_deposit(buyer, supplier, variant, settings):
    [order] = orders.place(buyer, (variant, 20), deposit_percent=30)
    services.confirm_order(membership=supplier, order_id=order.pk)
    orders.pay_in_full(order, reference="sim-deposit")  # the first part due: the deposit
    order.refresh_from_db()
    assert order.state == "deposit_paid" and order.paid_cny == order.deposit_cny > 0
    # Paying the deposit set the balance's own timer, from the moment it was paid.
    timer = DBTaskResult.objects.filter(task_path__endswith="auto_close_order").order_by("enqueued_at").last()
    assert timer.args_kwargs["args"] == [order.pk, order.state_changed_at.isoformat()]
    assert timer.run_after == order.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)
    early = order.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS, seconds=-1)
    assert services.close_if_unpaid(order_id=order.pk, since=order.state_changed_at, now=early) is False
    due = order.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)
    assert services.close_if_unpaid(order_id=order.pk, since=order.state_changed_at, now=due) is True
    order.refresh_from_db()
    assert order.state == "closed_unpaid"
    assert order.events.last().reason == "Balance not paid in time; the deposit is refunded."
    assert Variant.objects.get(pk=variant.pk).stock_on_hand == 100
    refund = LedgerTransaction.objects.get(order_id=order.pk, kind="refund")
    refunds = refund.postings.get(account__kind=AccountKind.REFUNDS)
    assert (refunds.amount, refunds.account.company_id) == (order.deposit_cny, buyer.company_id)
    assert escrow_balance(order.pk).amount == 0
    assert audit.breaches() == []
    assert services.close_if_unpaid(order_id=order.pk, now=due + timedelta(days=9)) is False
    assert LedgerTransaction.objects.filter(order_id=order.pk, kind="refund").count() == 1


def test_a_paid_order_never_closes(placed, supplier, settings):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    orders.pay_in_full(placed)
    far = timezone.now() + timedelta(days=365)
    assert services.close_if_unpaid(order_id=placed.pk, now=far) is False


def test_receipt_is_confirmed_after_the_days_and_escrow_released(placed, buyer, supplier, settings):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    orders.pay_in_full(placed)
    services.ship_order(membership=supplier, order_id=placed.pk, carrier="DHL", tracking_number="JD1")
    order = services.mark_delivered(membership=buyer, order_id=placed.pk)
    early = order.delivered_at + timedelta(days=settings.ORDER_AUTO_CONFIRM_DAYS - 1)
    assert services.confirm_if_due(order_id=order.pk, now=early) is False
    due = order.delivered_at + timedelta(days=settings.ORDER_AUTO_CONFIRM_DAYS)
    assert services.confirm_if_due(order_id=order.pk, now=due) is True
    assert services.confirm_if_due(order_id=order.pk, now=due) is False
    assert Order.objects.get(pk=order.pk).state == "completed"
    assert LedgerTransaction.objects.filter(order_id=order.pk, kind="release").count() == 1


def test_the_task_functions_run_the_timers(placed, settings):
    Order.objects.filter(pk=placed.pk).update(
        state_changed_at=placed.state_changed_at - timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)
    )
    since = Order.objects.get(pk=placed.pk).state_changed_at
    assert tasks.auto_close_order.call(placed.pk, since.isoformat()) is True
    assert Order.objects.get(pk=placed.pk).state == "closed_unpaid"
    assert tasks.auto_confirm_order.call(placed.pk) is False

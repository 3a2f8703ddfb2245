"""Property: whatever order a gateway delivers events in, however often it repeats them, and
however it retries what we refused, each part of an order is paid exactly once."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.payments.factories import intent as make_intent
from tests.payments.factories import order_awaiting_payment, signed_event
from tradebridge.ledger.models import LedgerTransaction
from tradebridge.orders.models import Order, Payment
from tradebridge.payments import services
from tradebridge.payments.domain import EventKind, Outcome
from tradebridge.payments.models import PaymentIntent, WebhookEvent

pytestmark = pytest.mark.django_db

EVENTS = [
    ("deposit_old", EventKind.FAILED),
    ("deposit_old", EventKind.CAPTURED),  # the buyer paid the abandoned intent too
    ("deposit", EventKind.FAILED),
    ("deposit", EventKind.CAPTURED),
    ("balance", EventKind.FAILED),
    ("balance", EventKind.CAPTURED),  # may arrive before any deposit
]


@st.composite
def deliveries(draw):
    """Every event at least once, shuffled, with duplicates dropped in anywhere."""
    sequence = list(draw(st.permutations(range(len(EVENTS)))))
    for repeat in draw(st.lists(st.integers(0, len(EVENTS) - 1), max_size=8)):
        sequence.insert(draw(st.integers(0, len(sequence))), repeat)
    return sequence


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=deliveries())
def test_any_delivery_order_pays_each_part_exactly_once(buyer, supplier, sequence):
    order = order_awaiting_payment(buyer, supplier, deposit_percent=30)
    intents = {"deposit_old": services.start_payment(membership=buyer, order_id=order.pk, method="alipay")}
    intents["deposit"] = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    # Made directly: the balance is not due yet, but a gateway may still call back about it first.
    intents["balance"] = make_intent(order, f"pi_balance_{order.pk}", part="balance", method="wechat_pay")
    requests = [signed_event(intents[name], kind) for name, kind in EVENTS]

    def deliver(index):
        return services.handle_webhook(provider="simulator", headers=requests[index][0], body=requests[index][1])

    refused = set()
    for index in sequence:
        result = deliver(index)
        (refused.add if result.outcome is Outcome.REFUSED else refused.discard)(index)
    for _ in range(3):  # the gateway retries whatever we answered 409, as it would
        refused = {index for index in refused if deliver(index).outcome is Outcome.REFUSED}

    order = Order.objects.get(pk=order.pk)
    payments = Payment.objects.filter(order=order)
    assert sorted(payments.values_list("part", flat=True)) == ["balance", "deposit"]
    assert order.state == "paid" and order.paid_cny == order.amount_due_cny
    assert LedgerTransaction.objects.filter(order_id=order.pk, kind="payment").count() == 2
    captured = PaymentIntent.objects.filter(order_id=order.pk, status="captured")
    assert sorted(captured.values_list("part", flat=True)) == ["balance", "deposit"]
    # Exactly one deposit intent won; the other's capture stays refused (its money goes back).
    [loser] = [
        name for name in ("deposit_old", "deposit") if intents[name].pk not in captured.values_list("pk", flat=True)
    ]
    assert {EVENTS[index] for index in refused} == {(loser, EventKind.CAPTURED)}
    event_ids = [headers["x-simulator-event-id"] for headers, _ in requests]
    assert WebhookEvent.objects.filter(event_id__in=event_ids).count() == len(EVENTS)

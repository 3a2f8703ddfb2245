"""Starting payments and taking webhooks, against real orders placed through the orders app."""

from decimal import Decimal

import pytest

from tests import factories
from tests.payments.factories import intent as make_intent
from tests.payments.factories import order_awaiting_payment, signed_event
from tradebridge.core.errors import DomainError
from tradebridge.ledger.models import LedgerTransaction
from tradebridge.orders.models import Order, Payment
from tradebridge.payments import services
from tradebridge.payments.domain import EventKind, Outcome, WebhookRejected
from tradebridge.payments.models import PaymentIntent, WebhookEvent
from tradebridge.pricing.money import Money

pytestmark = pytest.mark.django_db


def deliver(headers, body):
    return services.handle_webhook(provider="simulator", headers=headers, body=body)


def test_start_payment_asks_for_what_the_order_owes(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier, quantity=100, price="4.20")
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    assert (intent.part, intent.amount, intent.currency) == ("full", Decimal("3823.34"), "CNY")  # 420 × 9.1032
    assert intent.amount == order.amount_due_cny
    assert (intent.status, intent.provider, intent.buyer_id) == ("pending", "simulator", buyer.company_id)
    assert intent.next_action == {
        "kind": "redirect",
        "url": f"/payments/simulator/{intent.public_id}/",
        "instructions": {},
    }


def test_bank_transfer_gives_account_details_and_our_reference(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="bank_transfer")
    assert intent.next_action["kind"] == "bank_transfer"
    assert intent.next_action["instructions"]["reference"] == intent.public_id
    assert intent.next_action["instructions"]["amount"] == f"CNY {intent.amount}"


def test_a_new_intent_supersedes_the_pending_one_for_the_same_part(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    first = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    second = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    first.refresh_from_db()
    assert (first.status, second.status) == ("superseded", "pending")


@pytest.mark.parametrize(
    ("who", "code"),
    [("other_buyer", "order_not_found"), ("supplier", "wrong_company_kind")],
)
def test_only_the_orders_buyer_may_start_a_payment(buyer, supplier, who, code):
    order = order_awaiting_payment(buyer, supplier)
    member = factories.member(kind="buyer") if who == "other_buyer" else supplier
    with pytest.raises(DomainError) as exc:
        services.start_payment(membership=member, order_id=order.pk, method="alipay")
    assert exc.value.code == code
    assert not PaymentIntent.objects.exists()


def test_nothing_due_and_unknown_method_are_refused(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    with pytest.raises(DomainError) as bad_method:
        services.start_payment(membership=buyer, order_id=order.pk, method="paypal")
    assert (bad_method.value.code, bad_method.value.field) == ("method_invalid", "method")
    Order.objects.filter(pk=order.pk).update(state="cancelled")
    with pytest.raises(DomainError) as nothing:
        services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    assert (nothing.value.code, nothing.value.status) == ("nothing_due", 409)
    assert not PaymentIntent.objects.exists()


def test_a_captured_webhook_records_the_payment_once(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="wechat_pay")
    headers, body = signed_event(intent)
    first = deliver(headers, body)
    again = deliver(headers, body)
    assert (first.outcome, first.duplicate, first.http_status) == (Outcome.APPLIED, False, 200)
    assert (again.outcome, again.duplicate, again.http_status) == (Outcome.APPLIED, True, 200)
    intent.refresh_from_db()
    order.refresh_from_db()
    assert intent.status == "captured" and intent.provider_reference.startswith("simch_")
    assert order.state == "paid" and order.paid_cny == intent.amount
    assert Payment.objects.filter(order=order).count() == 1
    assert LedgerTransaction.objects.filter(order_id=order.pk, kind="payment").count() == 1
    row = WebhookEvent.objects.get()
    assert (row.deliveries, row.signature_valid, row.outcome, row.intent_id) == (2, True, "applied", intent.pk)


def test_a_failure_after_the_capture_changes_nothing(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    assert deliver(*signed_event(intent, EventKind.CAPTURED)).outcome is Outcome.APPLIED
    late = deliver(*signed_event(intent, EventKind.FAILED))
    assert (late.outcome, late.http_status) == (Outcome.IGNORED, 200)
    intent.refresh_from_db()
    assert intent.status == "captured"


def test_a_capture_after_a_failure_is_recorded(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    assert deliver(*signed_event(intent, EventKind.FAILED)).outcome is Outcome.APPLIED
    intent.refresh_from_db()
    assert intent.status == "failed"
    assert deliver(*signed_event(intent, EventKind.CAPTURED)).outcome is Outcome.APPLIED
    intent.refresh_from_db()
    assert intent.status == "captured"
    assert Order.objects.get(pk=order.pk).state == "paid"


@pytest.mark.parametrize(
    ("amount", "code"),
    [(Money(Decimal("1.00"), "CNY"), "amount_mismatch"), (None, "currency_mismatch")],
)
def test_a_wrong_amount_or_currency_is_refused_and_recorded(buyer, supplier, amount, code):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    amount = amount or Money(intent.amount, "GBP")
    result = deliver(*signed_event(intent, amount=amount))
    assert (result.outcome, result.http_status, result.error.code) == (Outcome.REFUSED, 409, code)
    intent.refresh_from_db()
    assert intent.status == "pending"
    assert not Payment.objects.exists() and not LedgerTransaction.objects.exists()
    assert WebhookEvent.objects.get().error_code == code


def test_a_balance_before_its_deposit_is_refused_then_applied_on_redelivery(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier, deposit_percent=30)
    deposit = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    assert deposit.part == "deposit"
    # The gateway can deliver out of order; fake a balance intent that raced ahead of the deposit.
    balance = make_intent(order, "pi_balance_early", part="balance", method="alipay")
    balance_event = signed_event(balance)
    early = deliver(*balance_event)
    assert (early.outcome, early.http_status, early.error.code) == (Outcome.REFUSED, 409, "payment_not_due")
    assert Order.objects.get(pk=order.pk).state == "awaiting_payment"
    assert deliver(*signed_event(deposit)).outcome is Outcome.APPLIED
    assert Order.objects.get(pk=order.pk).state == "deposit_paid"
    retried = deliver(*balance_event)  # the gateway retries what we refused
    assert (retried.outcome, retried.duplicate) == (Outcome.APPLIED, False)
    order.refresh_from_db()
    assert order.state == "paid" and order.paid_cny == order.amount_due_cny
    assert sorted(Payment.objects.filter(order=order).values_list("part", flat=True)) == ["balance", "deposit"]
    assert WebhookEvent.objects.get(event_id=balance_event[0]["x-simulator-event-id"]).deliveries == 2


def test_a_superseded_intent_captured_anyway_cannot_pay_the_part_twice(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    old = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    new = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    assert deliver(*signed_event(new)).outcome is Outcome.APPLIED
    stale = deliver(*signed_event(old))
    assert (stale.outcome, stale.error.code) == (Outcome.REFUSED, "payment_not_due")
    assert Payment.objects.filter(order=order).count() == 1


def test_an_event_for_an_unknown_intent_is_refused_and_logged(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    intent.public_id = "pi_nobody"
    result = deliver(*signed_event(intent))
    assert (result.outcome, result.error.code) == (Outcome.REFUSED, "intent_unknown")
    assert WebhookEvent.objects.get().intent is None


def test_forged_and_stale_webhooks_are_rejected_and_logged(buyer, supplier, caplog):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    headers, body = signed_event(intent, key="not-the-gateways-key")
    with pytest.raises(WebhookRejected) as forged:
        deliver(headers, body)
    assert (forged.value.code, forged.value.status) == ("signature_invalid", 401)
    headers, body = signed_event(intent, timestamp=1_000_000_000)
    with pytest.raises(WebhookRejected) as stale:
        deliver(headers, body)
    assert (stale.value.code, stale.value.status) == ("timestamp_out_of_window", 400)
    rows = list(WebhookEvent.objects.order_by("id").values_list("signature_valid", "outcome", "error_code"))
    assert rows == [(False, "rejected", "signature_invalid"), (False, "rejected", "timestamp_out_of_window")]
    assert "Refused simulator webhook" in caplog.text
    intent.refresh_from_db()
    assert intent.status == "pending" and not Payment.objects.exists()


def test_a_forgery_reusing_a_real_event_id_does_not_block_the_real_event(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    headers, body = signed_event(intent, event_id="evt_shared", key="forger")
    with pytest.raises(WebhookRejected):
        deliver(headers, body)
    assert deliver(*signed_event(intent, event_id="evt_shared")).outcome is Outcome.APPLIED


def test_a_tampered_body_fails_the_signature(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    headers, body = signed_event(intent)
    with pytest.raises(WebhookRejected) as exc:
        deliver(headers, body.replace(str(intent.amount).encode(), b"0.01"))
    assert exc.value.code == "signature_invalid"


def test_an_event_id_signed_again_with_another_body_keeps_the_first_and_raises_the_alarm(buyer, supplier, caplog):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    assert deliver(*signed_event(intent, event_id="evt_same")).outcome is Outcome.APPLIED
    second = deliver(*signed_event(intent, EventKind.FAILED, event_id="evt_same"))
    assert (second.outcome, second.duplicate) == (Outcome.APPLIED, True)
    intent.refresh_from_db()
    assert intent.status == "captured"
    assert "redelivered with a different body" in caplog.text

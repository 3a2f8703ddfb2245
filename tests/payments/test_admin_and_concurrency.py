"""The operator's read-only view of payments, and two simultaneous deliveries of one event."""

import threading

import pytest
from django.db import connection

from tests import factories
from tests.payments.factories import order_awaiting_payment, signed_event
from tradebridge.orders.models import Payment
from tradebridge.payments import services
from tradebridge.payments.models import WebhookEvent


@pytest.mark.django_db
def test_operators_see_intents_and_the_webhook_log_but_cannot_edit_them(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    headers, body = signed_event(intent)
    services.handle_webhook(provider="simulator", headers=headers, body=body)
    staff = factories.user(is_staff=True, is_superuser=True)
    client = client_for(factories.member(kind="operator", role="admin", the_user=staff))
    listing = client.get("/admin/payments/paymentintent/")
    assert listing.status_code == 200 and intent.public_id in listing.content.decode()
    log = client.get("/admin/payments/webhookevent/?outcome=rejected")
    assert log.status_code == 200
    assert client.get("/admin/payments/paymentintent/add/").status_code == 403
    row = WebhookEvent.objects.first()
    assert client.post(f"/admin/payments/webhookevent/{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert WebhookEvent.objects.filter(pk=row.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_deliveries_of_one_capture_pay_once(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    headers, body = signed_event(intent)

    results, failures = _deliver_at_once(4, headers, body)
    assert failures == []
    assert sorted(r.duplicate for r in results) == [False, True, True, True]
    assert {r.outcome for r in results} == {"applied"}
    assert Payment.objects.filter(order_id=order.pk).count() == 1
    assert WebhookEvent.objects.get().deliveries == 4


@pytest.mark.django_db(transaction=True)
def test_simultaneous_deliveries_about_an_unknown_payment_leave_one_row(buyer, supplier):
    """No intent lock serialises these: the deliveries that lose the race for the event's row
    are rolled back and answered from the winner's row, never with an error."""
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    intent.public_id = "pi_unknown"  # signed as the gateway would, about an intent we never made
    headers, body = signed_event(intent)
    results, failures = _deliver_at_once(4, headers, body)
    assert failures == []
    assert {r.outcome for r in results} == {"refused"}
    assert {r.error.code for r in results} == {"intent_unknown"}
    row = WebhookEvent.objects.get(signature_valid=True)
    assert row.deliveries == 4 and row.outcome == "refused" and row.intent is None
    assert not Payment.objects.exists()


def _deliver_at_once(n: int, headers, body):
    barrier = threading.Barrier(n)
    results, failures = [], []

    def deliver():
        try:
            barrier.wait()
            results.append(services.handle_webhook(provider="simulator", headers=headers, body=body))
        except Exception as exc:  # any crash is the failure we are looking for
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, failures

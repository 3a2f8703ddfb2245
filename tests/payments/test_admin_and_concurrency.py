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
    if connection.vendor != "postgresql":
        # The suite's in-memory SQLite cannot be shared with threads' own connections.
        pytest.skip("PostgreSQL only: run with TEST_DATABASE_URL=postgres://…")
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    headers, body = signed_event(intent)
    barrier = threading.Barrier(4)
    results, failures = [], []

    def deliver():
        try:
            barrier.wait()
            results.append(services.handle_webhook(provider="simulator", headers=headers, body=body))
        except Exception as exc:  # any crash is the failure we are looking for
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(r.duplicate for r in results) == [False, True, True, True]
    assert {r.outcome for r in results} == {"applied"}
    assert Payment.objects.filter(order_id=order.pk).count() == 1
    assert WebhookEvent.objects.get().deliveries == 4

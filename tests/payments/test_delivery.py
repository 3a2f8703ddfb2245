"""The simulated gateway end to end: the buyer approves, the worker POSTs a signed webhook over
real HTTP to a live server, and the order is paid."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.payments.factories import order_awaiting_payment
from tradebridge.orders.models import Order, Payment
from tradebridge.payments import services, tasks
from tradebridge.payments.models import WebhookEvent

pytestmark = pytest.mark.django_db(transaction=True)
DELIVERY = "tradebridge.payments.tasks.deliver_simulated_webhook"


def _drain():
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def _notify_url(live_server) -> str:
    return live_server.url + reverse("api:payment_webhook", kwargs={"provider": "simulator"})


def test_an_approved_payment_reaches_the_webhook_over_http_and_pays_the_order(buyer, supplier, live_server):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    services.simulator_decide(
        membership=buyer, public_id=intent.public_id, approve=True, notify_url=_notify_url(live_server)
    )
    _drain()
    assert DBTaskResult.objects.get(task_path=DELIVERY).return_value == "delivered"
    intent.refresh_from_db()
    assert intent.status == "captured"
    assert Order.objects.get(pk=order.pk).state == "paid"
    assert Payment.objects.filter(order_id=order.pk).count() == 1
    assert WebhookEvent.objects.get().outcome == "applied"


def test_a_decline_then_an_approval_ends_paid(buyer, supplier, live_server):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="card")
    services.simulator_decide(
        membership=buyer, public_id=intent.public_id, approve=False, notify_url=_notify_url(live_server)
    )
    _drain()
    intent.refresh_from_db()
    assert intent.status == "failed"
    services.simulator_decide(
        membership=buyer, public_id=intent.public_id, approve=True, notify_url=_notify_url(live_server)
    )
    _drain()
    intent.refresh_from_db()
    assert intent.status == "captured"
    assert list(WebhookEvent.objects.order_by("id").values_list("event_type", "outcome")) == [
        ("payment.failed", "applied"),
        ("payment.captured", "applied"),
    ]


def test_an_unreachable_endpoint_is_retried_later_with_backoff(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    services.simulator_decide(
        membership=buyer,
        public_id=intent.public_id,
        approve=True,
        notify_url="http://127.0.0.1:9/api/v1/payments/webhooks/simulator",
    )
    _drain()
    first, retry = DBTaskResult.objects.filter(task_path=DELIVERY).order_by("enqueued_at")
    assert first.return_value == "retry 2"
    assert retry.status == "READY" and retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > first.finished_at
    intent.refresh_from_db()
    assert intent.status == "pending"


def test_a_refused_delivery_is_not_retried(live_server):
    result = tasks.deliver_simulated_webhook.call(url=_notify_url(live_server), event_id="evt_x", body="not json")
    assert result == "refused 400"
    assert WebhookEvent.objects.get().error_code == "body_invalid"


def test_only_http_urls_are_posted_to():
    with pytest.raises(ValueError, match="http"):
        tasks.post_signed(url="file:///etc/passwd", event_id="evt_x", body=b"{}")

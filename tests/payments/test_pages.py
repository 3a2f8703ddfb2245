"""The buyer's Pay panel (htmx fragment) and the simulated gateway's pay page."""

from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.payments.factories import order_awaiting_payment, signed_event
from tradebridge.orders import services as order_services
from tradebridge.payments import services
from tradebridge.payments.models import PaymentIntent
from tradebridge.pricing.money import Money

pytestmark = pytest.mark.django_db
DELIVERY = "tradebridge.payments.tasks.deliver_simulated_webhook"


def test_pay_panel_shows_what_is_due_and_the_methods(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier, deposit_percent=30)
    page = client_for(buyer).get(f"/payments/orders/{order.pk}/pay/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'data-due="{order.deposit_cny}"' in html and "Deposit due" in html
    for method in ("alipay", "wechat_pay", "bank_transfer", "card"):
        assert f'value="{method}"' in html


def test_pay_panel_says_by_when_and_what_happens_to_a_deposit(buyer, supplier, client_for, settings):
    order = order_awaiting_payment(buyer, supplier, deposit_percent=30)
    closes = order.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)
    html = client_for(buyer).get(f"/payments/orders/{order.pk}/pay/").content.decode()
    assert f'data-due-by="{closes.isoformat()}"' in html and "or the order closes." in html
    assert "deposit is then refunded" not in html
    order_services.record_payment(
        order_id=order.pk,
        part="deposit",
        amount=Money(order.deposit_cny, "CNY"),
        provider="simulator",
        provider_reference="sim-deposit",
    )
    order.refresh_from_db()
    html = client_for(buyer).get(f"/payments/orders/{order.pk}/pay/").content.decode()
    assert "Balance due" in html and "Your deposit is then refunded." in html
    closes = order.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)
    assert f'data-due-by="{closes.isoformat()}"' in html


def test_pay_panel_in_chinese(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    client = client_for(buyer)
    client.cookies["tb_language"] = "zh-hans"
    html = client.get(f"/payments/orders/{order.pk}/pay/").content.decode()
    assert "支付宝" in html and "微信支付" in html and "立即付款" in html


def test_choosing_a_wallet_sends_the_buyer_to_the_gateway(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    response = client_for(buyer).post(f"/payments/orders/{order.pk}/pay/", {"method": "alipay"}, HTTP_HX_REQUEST="true")
    intent = PaymentIntent.objects.get()
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"/payments/simulator/{intent.public_id}/"
    plain = client_for(buyer).post(f"/payments/orders/{order.pk}/pay/", {"method": "card"})
    assert plain.status_code == 302 and plain["Location"].startswith("/payments/simulator/pi_")


def test_bank_transfer_shows_the_account_and_reference(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    response = client_for(buyer).post(f"/payments/orders/{order.pk}/pay/", {"method": "bank_transfer"})
    intent = PaymentIntent.objects.get()
    html = response.content.decode()
    assert response.status_code == 200 and 'data-next="bank_transfer"' in html
    assert intent.public_id in html and "Simulated Bank of China" in html


def test_a_bad_method_is_a_form_error_and_starts_nothing(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    response = client_for(buyer).post(f"/payments/orders/{order.pk}/pay/", {"method": "cash"})
    assert response.status_code == 400
    assert "Choose a payment method from the list." in response.content.decode()
    assert not PaymentIntent.objects.exists()


def test_other_companies_cannot_see_the_panel_or_the_gateway_page(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    client_for(buyer).post(f"/payments/orders/{order.pk}/pay/", {"method": "card"})
    intent = PaymentIntent.objects.get()
    stranger = client_for(factories.member(kind="buyer"))
    assert stranger.get(f"/payments/orders/{order.pk}/pay/").status_code == 404
    assert stranger.get(f"/payments/simulator/{intent.public_id}/").status_code == 404
    assert stranger.post(f"/payments/simulator/{intent.public_id}/", {"decision": "approve"}).status_code == 404
    assert client_for(supplier).get(f"/payments/orders/{order.pk}/pay/").status_code == 403
    assert not DBTaskResult.objects.filter(task_path=DELIVERY).exists()


def test_approving_on_the_simulator_queues_a_signed_webhook_to_our_endpoint(
    buyer, supplier, client_for, django_capture_on_commit_callbacks
):
    order = order_awaiting_payment(buyer, supplier)
    client = client_for(buyer)
    client.post(f"/payments/orders/{order.pk}/pay/", {"method": "wechat_pay"})
    intent = PaymentIntent.objects.get()
    page = client.get(f"/payments/simulator/{intent.public_id}/")
    assert page.status_code == 200 and f'data-amount="{intent.amount}"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/payments/simulator/{intent.public_id}/", {"decision": "approve"})
    assert response.status_code == 302
    task = DBTaskResult.objects.get(task_path=DELIVERY)
    kwargs = task.args_kwargs["kwargs"]
    assert kwargs["url"] == "http://testserver/api/v1/payments/webhooks/simulator"
    assert '"type":"payment.captured"' in kwargs["body"] and intent.public_id in kwargs["body"]
    intent.refresh_from_db()
    assert intent.status == "pending"  # nothing changes until the webhook arrives


def test_the_status_fragment_polls_until_paid(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    client = client_for(buyer)
    client.post(f"/payments/orders/{order.pk}/pay/", {"method": "alipay"})
    intent = PaymentIntent.objects.get()
    url = f"/payments/simulator/{intent.public_id}/status/"
    pending = client.get(url).content.decode()
    assert 'data-status="pending"' in pending and "hx-trigger" in pending
    headers, body = signed_event(intent)
    services.handle_webhook(provider="simulator", headers=headers, body=body)
    paid = client.get(url).content.decode()
    assert 'data-status="captured"' in paid and "hx-trigger" not in paid
    assert client_for(factories.member(kind="buyer")).get(url).status_code == 404

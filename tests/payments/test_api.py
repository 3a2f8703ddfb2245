"""The payments API: start a payment, read it, and the signed webhook endpoint."""

import json

import pytest
from django.test import Client

from tests import factories
from tests.payments.factories import intent as make_intent
from tests.payments.factories import order_awaiting_payment, post_webhook, signed_event
from tradebridge.orders.models import Order, Payment
from tradebridge.payments.domain import EventKind
from tradebridge.payments.models import PaymentIntent, WebhookEvent

pytestmark = pytest.mark.django_db


def errors(response):
    return [(e["code"], e["field"]) for e in response.json()["errors"]]


def test_buyer_starts_a_payment_and_reads_it_back(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    client = client_for(buyer)
    started = client.post(f"/api/v1/orders/{order.pk}/payments", {"method": "alipay"}, content_type="application/json")
    assert started.status_code == 201, started.content
    body = started.json()
    assert (body["part"], body["amount"], body["currency"], body["status"]) == (
        "full",
        str(order.amount_due_cny),
        "CNY",
        "pending",
    )
    assert body["next_action"]["kind"] == "redirect"
    assert body["next_action"]["url"] == f"/payments/simulator/{body['id']}/"
    read = client.get(f"/api/v1/payments/{body['id']}")
    assert read.status_code == 200 and read.json()["id"] == body["id"]


def test_payment_api_refuses_bad_input_with_field_errors(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    client = client_for(buyer)
    bad = client.post(f"/api/v1/orders/{order.pk}/payments", {"method": "cash"}, content_type="application/json")
    assert bad.status_code == 400 and errors(bad) == [("method_invalid", "method")]
    missing = client.post(f"/api/v1/orders/{order.pk}/payments", {}, content_type="application/json")
    assert missing.status_code == 422 and errors(missing)[0][1] == "method"
    assert not PaymentIntent.objects.exists()


def test_another_company_gets_404_for_the_order_and_the_payment(buyer, supplier, client_for):
    order = order_awaiting_payment(buyer, supplier)
    intent_id = (
        client_for(buyer)
        .post(f"/api/v1/orders/{order.pk}/payments", {"method": "card"}, content_type="application/json")
        .json()["id"]
    )
    stranger = client_for(factories.member(kind="buyer"))
    start = stranger.post(f"/api/v1/orders/{order.pk}/payments", {"method": "card"}, content_type="application/json")
    assert start.status_code == 404 and errors(start) == [("order_not_found", "order_id")]
    read = stranger.get(f"/api/v1/payments/{intent_id}")
    assert read.status_code == 404 and errors(read) == [("intent_not_found", "intent")]
    assert client_for(supplier).get(f"/api/v1/payments/{intent_id}").status_code == 404
    assert Client().get(f"/api/v1/payments/{intent_id}").status_code == 401


def test_webhook_applies_once_and_answers_duplicates_with_200(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = make_intent(order, "pi_api")
    headers, body = signed_event(intent, event_id="evt_api_1")
    client = Client(enforce_csrf_checks=True)  # no session, no token, no CSRF: the signature is all
    first = post_webhook(client, headers, body)
    assert first.status_code == 200, first.content
    assert first.json() == {"event_id": "evt_api_1", "outcome": "applied", "duplicate": False}
    again = post_webhook(client, headers, body)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert Order.objects.get(pk=order.pk).state == "paid"
    assert Payment.objects.count() == 1


def test_webhook_refusals_have_the_error_shape(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = make_intent(order, "pi_api2")
    client = Client()
    forged = post_webhook(client, *signed_event(intent, key="guess"))
    assert forged.status_code == 401 and errors(forged) == [("signature_invalid", "signature")]
    unsigned = client.post("/api/v1/payments/webhooks/simulator", data=b"{}", content_type="application/json")
    assert unsigned.status_code == 401 and errors(unsigned) == [("signature_missing", None)]
    stale = post_webhook(client, *signed_event(intent, timestamp=1_700_000_000))
    assert stale.status_code == 400 and errors(stale) == [("timestamp_out_of_window", "timestamp")]
    unknown = post_webhook(client, *signed_event(intent), provider="paypal")
    assert unknown.status_code == 404 and errors(unknown) == [("provider_unknown", "provider")]
    event_id = "evt_not_json"
    from tradebridge.payments.providers import simulator

    garbage = post_webhook(client, simulator.signed_headers(body=b"not json", event_id=event_id), b"not json")
    assert garbage.status_code == 400 and errors(garbage) == [("body_invalid", "body")]
    wrong = post_webhook(client, *signed_event(intent, amount=intent.money * 2))
    assert wrong.status_code == 409 and errors(wrong) == [("amount_mismatch", "amount")]
    assert WebhookEvent.objects.filter(signature_valid=False).count() == 5  # every refusal above, logged
    assert not Payment.objects.exists()
    assert Order.objects.get(pk=order.pk).state == "awaiting_payment"


@pytest.mark.parametrize(
    ("header", "value", "refusal"),
    [
        ("TIMESTAMP_HEADER", "\u00b2", (400, [("timestamp_invalid", "timestamp")])),
        ("SIGNATURE_HEADER", "v1=\u00e9", (401, [("signature_invalid", "signature")])),
        ("EVENT_ID_HEADER", "evt_\u00e9", (401, [("signature_invalid", "signature")])),
        ("EVENT_ID_HEADER", "evt_\x00", (401, [("signature_invalid", "signature")])),
    ],
)
def test_webhook_headers_in_any_characters_are_refused_not_a_server_error(buyer, supplier, header, value, refusal):
    from tradebridge.payments.providers import simulator

    order = order_awaiting_payment(buyer, supplier)
    intent = make_intent(order, "pi_odd")
    headers, body = signed_event(intent, event_id="evt_odd")
    headers[getattr(simulator, header)] = value
    response = post_webhook(Client(), headers, body)
    assert (response.status_code, errors(response)) == refusal
    assert not Payment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{"charge": "ch_\x00"}, {"intent": "pi_\x00"}, {"amount": "1" + "0" * 30}, {"amount": "1e30"}],
)
def test_a_signed_event_no_payment_can_hold_is_refused_not_a_server_error(buyer, supplier, data):
    from tradebridge.payments.providers import simulator

    order = order_awaiting_payment(buyer, supplier)
    headers, body = signed_event(make_intent(order, "pi_signed"), event_id="evt_signed")
    payload = json.loads(body)
    payload["data"].update(data)
    body = json.dumps(payload).encode()
    headers = simulator.signed_headers(body=body, event_id="evt_signed")
    response = post_webhook(Client(), headers, body)
    assert (response.status_code, errors(response)) == (400, [("body_invalid", "body")])
    assert not Payment.objects.exists()


def test_webhook_errors_speak_chinese_to_a_chinese_client(buyer, supplier):
    response = Client().post(
        "/api/v1/payments/webhooks/simulator",
        data=json.dumps({}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 401
    message = response.json()["errors"][0]["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message


def test_failed_event_through_http_marks_the_intent(buyer, supplier):
    order = order_awaiting_payment(buyer, supplier)
    intent = make_intent(order, "pi_api3")
    response = post_webhook(Client(), *signed_event(intent, EventKind.FAILED))
    assert response.status_code == 200 and response.json()["outcome"] == "applied"
    intent.refresh_from_db()
    assert intent.status == "failed"

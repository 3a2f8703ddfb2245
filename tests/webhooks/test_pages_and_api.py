"""Registering endpoints and reading the delivery log, on the pages and through the API,
by the supplier's owner or admin only, and never another company's."""

import pytest
from django.test import override_settings

from tests import factories
from tradebridge.webhooks import services
from tradebridge.webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db

HOOK = "https://erp.example.co.uk/hooks/tradebridge"


@pytest.fixture
def owner():
    return factories.member(kind="supplier", role="owner")


@pytest.fixture
def delivery(owner):
    endpoint, _ = services.create_endpoint(membership=owner, url=HOOK, events=["order.paid"])
    services.emit(company_id=owner.company_id, event="order.paid", payload={"order_id": 3})
    return Delivery.objects.get(endpoint=endpoint)


def test_the_owner_registers_an_endpoint_and_sees_the_secret_once(owner, client_for):
    client = client_for(owner)
    response = client.post(
        "/supplier/webhooks/", {"url": HOOK, "description": "ERP", "events": ["order.paid", "order.shipped"]}
    )
    assert response.status_code == 200
    endpoint = Endpoint.objects.get()
    assert endpoint.secret in response.content.decode()
    assert endpoint.events == ["order.paid", "order.shipped"]
    listing = client.get("/supplier/webhooks/").content.decode()
    assert HOOK in listing and endpoint.secret not in listing and endpoint.secret_hint in listing


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/x", "Webhook URLs must start with https:// or http://."),
        ("http://10.0.0.5/hooks", "Webhooks cannot go to private or local network addresses."),
        ("http://localhost:8000/", "Webhooks cannot go to private or local network addresses."),
    ],
)
@override_settings(WEBHOOKS_ALLOW_PRIVATE_NETWORKS=False)
def test_bad_or_private_urls_are_a_form_error(owner, client_for, url, message):
    response = client_for(owner).post("/supplier/webhooks/", {"url": url, "events": ["order.paid"]})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Endpoint.objects.exists()


def test_staff_and_buyers_cannot_manage_webhooks(client_for):
    staff = factories.member(kind="supplier", role="staff")
    buyer = factories.member(kind="buyer", role="owner")
    for member in (staff, buyer):
        client = client_for(member)
        assert client.get("/supplier/webhooks/").status_code == 403
        assert (
            client.post(
                "/api/v1/webhooks/endpoints", {"url": HOOK, "events": ["order.paid"]}, content_type="application/json"
            ).status_code
            == 403
        )
    assert not Endpoint.objects.exists()


def test_the_delivery_log_shows_attempts_and_resend_works_with_htmx(owner, delivery, client_for):
    client = client_for(owner)
    log = client.get(f"/supplier/webhooks/{delivery.endpoint_id}/").content.decode()
    assert "Order paid into escrow" in log and "Resend" in log
    detail = client.get(f"/supplier/webhooks/deliveries/{delivery.pk}/")
    assert detail.status_code == 200 and "&quot;order_id&quot;:3" in detail.content.decode()
    row = client.post(f"/supplier/webhooks/deliveries/{delivery.pk}/resend/", HTTP_HX_REQUEST="true")
    assert row.status_code == 200
    assert row.content.decode().startswith(f'<tr id="delivery-{delivery.pk}"')


def test_another_companys_endpoints_and_deliveries_are_not_found(delivery, client_for):
    intruder = client_for(factories.member(kind="supplier", role="owner"))
    endpoint_id = delivery.endpoint_id
    for url in (
        f"/supplier/webhooks/{endpoint_id}/",
        f"/supplier/webhooks/deliveries/{delivery.pk}/",
        f"/api/v1/webhooks/deliveries/{delivery.pk}",
    ):
        assert intruder.get(url).status_code == 404, url
    assert intruder.post(f"/supplier/webhooks/deliveries/{delivery.pk}/resend/").status_code == 404
    assert intruder.post(f"/supplier/webhooks/{endpoint_id}/delete/").status_code == 404
    response = intruder.post(f"/api/v1/webhooks/deliveries/{delivery.pk}/resend")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "webhook_delivery_not_found"
    assert intruder.delete(f"/api/v1/webhooks/endpoints/{endpoint_id}").status_code == 404
    assert intruder.get("/api/v1/webhooks/deliveries").json() == []
    assert intruder.get("/api/v1/webhooks/endpoints").json() == []
    delivery.refresh_from_db()
    assert delivery.attempts == 0 and Endpoint.objects.filter(pk=endpoint_id).exists()


def test_the_api_registers_lists_and_removes_endpoints(owner, client_for):
    client = client_for(owner)
    created = client.post(
        "/api/v1/webhooks/endpoints", {"url": HOOK, "events": ["order.completed"]}, content_type="application/json"
    )
    assert created.status_code == 201
    body = created.json()
    assert body["secret"].startswith("whsec_") and body["events"] == ["order.completed"]
    listed = client.get("/api/v1/webhooks/endpoints").json()
    assert [e["id"] for e in listed] == [body["id"]] and "secret" not in listed[0]
    assert client.delete(f"/api/v1/webhooks/endpoints/{body['id']}").status_code == 204
    assert not Endpoint.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field", "code"),
    [
        ({"url": "gopher://x", "events": ["order.paid"]}, "url", "webhook_url_scheme"),
        ({"url": HOOK, "events": ["order.exploded"]}, "events", "webhook_event_unknown"),
        ({"url": HOOK, "events": []}, "events", "webhook_events_required"),
    ],
)
def test_bad_api_input_is_a_field_error(owner, client_for, payload, field, code):
    response = client_for(owner).post("/api/v1/webhooks/endpoints", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0] | {"message": ""} == {"code": code, "field": field, "message": ""}


def test_the_api_shows_a_delivery_with_its_attempts_and_resends_it(owner, delivery, client_for):
    client = client_for(owner)
    detail = client.get(f"/api/v1/webhooks/deliveries/{delivery.pk}").json()
    assert detail["payload"] == {"order_id": 3} and detail["attempt_log"] == [] and detail["status"] == "pending"
    listed = client.get(f"/api/v1/webhooks/deliveries?endpoint_id={delivery.endpoint_id}&status=pending").json()
    assert [d["id"] for d in listed] == [delivery.pk]
    assert client.post(f"/api/v1/webhooks/deliveries/{delivery.pk}/resend").status_code == 202
    assert client.get("/api/v1/webhooks/events").json()[0] == "order.placed"


@pytest.mark.parametrize("huge", [2**63, 10**30])
def test_a_delivery_filter_or_offset_no_database_can_hold_is_an_empty_page(owner, delivery, client_for, huge):
    client = client_for(owner)
    assert client.get(f"/api/v1/webhooks/deliveries?endpoint_id={huge}").json() == []
    assert client.get(f"/api/v1/webhooks/deliveries?offset={huge}").json() == []
    assert [d["id"] for d in client.get("/api/v1/webhooks/deliveries?offset=0").json()] == [delivery.pk]


def test_the_endpoint_limit(owner):
    for n in range(10):
        services.create_endpoint(membership=owner, url=f"{HOOK}/{n}", events=["order.paid"])
    with pytest.raises(services.DomainError) as caught:
        services.create_endpoint(membership=owner, url=f"{HOOK}/11", events=["order.paid"])
    assert caught.value.code == "webhook_endpoint_limit"


def test_emit_refuses_an_unknown_event(owner):
    with pytest.raises(ValueError):
        services.emit(company_id=owner.company_id, event="order.teleported", payload={})


def test_the_webhook_pages_in_chinese(owner, delivery, client_for):
    client = client_for(owner)
    client.cookies["tb_language"] = "zh-hans"
    endpoints = client.get("/supplier/webhooks/").content.decode()
    assert "添加端点" in endpoints and "订单已付款至托管" in endpoints
    log = client.get(f"/supplier/webhooks/{delivery.endpoint_id}/").content.decode()
    assert "投递日志" in log and "重新发送" in log
    response = client.post("/supplier/webhooks/", {"url": "ftp://x", "events": ["order.paid"]})
    assert "Webhook 网址必须以 https:// 或 http:// 开头。" in response.content.decode()

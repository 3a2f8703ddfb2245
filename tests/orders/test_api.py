"""The order API end to end: cart, placing, moves, timeline, and every refusal with its status
(foreign order 404, wrong side 403, out of order 409, MOQ 400 with field) leaving nothing behind."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories
from tests.orders import factories as orders
from tradebridge.catalog.models import PriceTier, Variant
from tradebridge.ledger.models import LedgerTransaction
from tradebridge.orders.models import Order, StockReservation

pytestmark = pytest.mark.django_db


def _json(client, method, path, body=None):
    response = getattr(client, method)(f"/api/v1{path}", body or {}, content_type="application/json")
    return response.status_code, response.json()


def _placed(client, variant, quantity=20, **terms):
    status, _ = _json(client, "post", "/cart/lines", {"variant_id": variant.pk, "quantity": quantity})
    assert status == 201
    status, body = _json(client, "post", "/orders", terms)
    assert status == 201, body
    return body


def test_cart_crud_and_placing(buyer, variant, client_for):
    client = client_for(buyer)
    status, cart = _json(client, "post", "/cart/lines", {"variant_id": variant.pk, "quantity": 20})
    assert status == 201 and cart[0]["seen_unit_price"] == "4.200000" and cart[0]["price_changed"] is False
    status, cart = _json(client, "patch", f"/cart/lines/{cart[0]['id']}", {"quantity": 100})
    assert status == 200 and Decimal(cart[0]["current_unit_price"]) == Decimal("3.90")
    status, cart = _json(client, "delete", f"/cart/lines/{cart[0]['id']}")
    assert status == 200 and cart == []
    [order] = _placed(client, variant, incoterm="FOB", deposit_percent=30)
    assert order["state"] == "placed" and order["amount_due_cny"] == "764.40" and order["deposit_cny"] == "229.32"


def test_moq_is_a_400_with_the_field(buyer, variant, client_for):
    status, body = _json(client_for(buyer), "post", "/cart/lines", {"variant_id": variant.pk, "quantity": 7})
    assert status == 400
    assert {(e["code"], e["field"]) for e in body["errors"]} == {
        ("below_moq", "quantity"),
        ("not_a_multiple", "quantity"),
    }


def test_a_changed_price_is_a_409_until_accepted(buyer, variant, client_for):
    client = client_for(buyer)
    _json(client, "post", "/cart/lines", {"variant_id": variant.pk, "quantity": 20})
    PriceTier.objects.filter(product=variant.product, min_quantity=10).update(unit_price=Decimal("4.50"))
    status, cart = _json(client, "get", "/cart")
    assert cart[0]["price_changed"] is True
    status, body = _json(client, "post", "/orders", {})
    assert status == 409 and body["errors"][0]["code"] == "price_changed"
    assert not Order.objects.exists()
    _json(client, "post", "/cart/accept-prices")
    status, [order] = _json(client, "post", "/orders", {})
    assert status == 201 and order["total"] == "90.00"


def test_the_whole_flow_with_timeline(buyer, supplier, variant, client_for, settings):
    buyer_client, supplier_client = client_for(buyer), client_for(supplier)
    [order] = _placed(buyer_client, variant)
    oid = order["id"]
    status, detail = _json(supplier_client, "post", f"/orders/{oid}/confirm")
    assert status == 200 and detail["state"] == "awaiting_payment" and detail["viewer"] == "supplier"
    status, detail = _json(buyer_client, "get", f"/orders/{oid}")
    confirmed = Order.objects.get(pk=oid)
    assert detail["payment_due"] == {
        "part": "full",
        "amount_cny": "764.40",
        "due_by": (confirmed.state_changed_at + timedelta(days=settings.ORDER_UNPAID_CLOSE_DAYS)).isoformat(),
    }
    assert "cancel" in detail["next_actions"]
    assert detail["fx"]["rate"] == "9.1" and detail["lines"][0]["unit_price"] == "4.200000"
    orders.pay_in_full(Order.objects.get(pk=oid))
    assert _json(supplier_client, "post", f"/orders/{oid}/start-production")[0] == 200
    status, body = _json(supplier_client, "post", f"/orders/{oid}/ship", {"carrier": "SF Express"})
    assert status == 400 and body["errors"][0]["field"] == "tracking_number"
    status, detail = _json(supplier_client, "post", f"/orders/{oid}/ship", {"carrier": "SF", "tracking_number": "SF1"})
    assert detail["state"] == "shipped" and detail["tracking_number"] == "SF1"
    assert _json(buyer_client, "post", f"/orders/{oid}/deliver")[0] == 200
    status, detail = _json(buyer_client, "post", f"/orders/{oid}/confirm-receipt")
    assert detail["state"] == "completed"
    timeline = [(e["action"], e["actor"]) for e in detail["timeline"]]
    assert timeline[0] == ("place", "buyer") and timeline[-1] == ("confirm_receipt", "buyer")
    assert detail["timeline"][1]["actor_company"] == supplier.company.name


def test_refusals_have_their_statuses_and_write_nothing(buyer, supplier, variant, client_for):
    [order] = _placed(client_for(buyer), variant)
    oid = order["id"]
    stranger = factories.member(kind="buyer")
    status, body = _json(client_for(stranger), "post", f"/orders/{oid}/cancel", {"reason": "x"})
    assert status == 404 and body["errors"][0]["code"] == "order_not_found"
    assert _json(client_for(stranger), "get", f"/orders/{oid}")[0] == 404
    other_supplier = factories.member(kind="supplier")
    assert _json(client_for(other_supplier), "post", f"/orders/{oid}/confirm")[0] == 404
    status, body = _json(client_for(buyer), "post", f"/orders/{oid}/confirm")
    assert status == 403 and body["errors"][0]["code"] == "actor_not_allowed"
    status, body = _json(
        client_for(supplier), "post", f"/orders/{oid}/ship", {"carrier": "DHL", "tracking_number": "1"}
    )
    assert status == 409 and body["errors"][0]["code"] == "illegal_transition"
    Variant.objects.filter(pk=variant.pk).update(stock_on_hand=5)
    status, body = _json(client_for(supplier), "post", f"/orders/{oid}/confirm")
    assert status == 409 and body["errors"][0]["code"] == "insufficient_stock"
    assert Order.objects.get(pk=oid).state == "placed" and Order.objects.get(pk=oid).events.count() == 1
    assert not StockReservation.objects.exists() and not LedgerTransaction.objects.exists()


@pytest.mark.parametrize("huge", [2**63, -(2**63) - 1, 10**30])
def test_an_id_no_database_key_can_hold_is_not_found(buyer, supplier, variant, huge, client_for):
    status, body = _json(client_for(buyer), "post", "/cart/lines", {"variant_id": huge, "quantity": 20})
    assert status == 404 and body["errors"][0] == {
        "code": "variant_not_found",
        "field": "variant_id",
        "message": "No such product variant.",
    }
    status, body = _json(client_for(supplier), "post", f"/orders/{huge}/confirm")
    assert status == 404 and body["errors"][0]["code"] == "order_not_found"
    assert _json(client_for(buyer), "get", f"/orders/{huge}")[0] == 404


@pytest.mark.parametrize("huge", [2**63, -(2**63) - 1, 10**30])
def test_a_list_filter_or_offset_no_database_can_hold_is_an_empty_page(buyer, variant, huge, client_for):
    client = client_for(buyer)
    _placed(client, variant)
    assert _json(client, "get", f"/orders?counterparty={huge}") == (200, [])
    status, rows = _json(client, "get", f"/orders?offset={huge}")
    assert status == 200 and len(rows) == (0 if huge > 0 else 1)  # a negative offset starts at the top


def test_list_filters(buyer, supplier, supplier_b, variant, client_for):
    other = orders.variant_of(orders.scarf(supplier_b.company, handle="socks"))
    client = client_for(buyer)
    _json(client, "post", "/cart/lines", {"variant_id": variant.pk, "quantity": 20})
    _json(client, "post", "/cart/lines", {"variant_id": other.pk, "quantity": 10})
    _json(client, "post", "/orders", {})
    first = Order.objects.get(supplier=supplier.company)
    _json(client_for(supplier), "post", f"/orders/{first.pk}/confirm")
    assert len(_json(client, "get", "/orders")[1]) == 2
    _status, rows = _json(client, "get", "/orders?state=awaiting_payment")
    assert [r["id"] for r in rows] == [first.pk]
    _status, rows = _json(client, "get", f"/orders?counterparty={supplier_b.company_id}")
    assert [r["supplier_id"] for r in rows] == [supplier_b.company_id]
    assert _json(client, "get", "/orders?placed_from=2000-01-01&placed_to=2000-01-02")[1] == []
    assert [r["id"] for r in _json(client_for(supplier), "get", "/orders")[1]] == [first.pk]
    assert _json(client_for(factories.member(kind="buyer")), "get", "/orders")[1] == []


def test_dispute_through_the_api(buyer, supplier, variant, client_for):
    [order] = _placed(client_for(buyer), variant)
    oid = order["id"]
    _json(client_for(supplier), "post", f"/orders/{oid}/confirm")
    orders.pay_in_full(Order.objects.get(pk=oid))
    _json(client_for(supplier), "post", f"/orders/{oid}/ship", {"carrier": "DHL", "tracking_number": "1"})
    _json(client_for(buyer), "post", f"/orders/{oid}/deliver")
    photo = SimpleUploadedFile("damage.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100, "image/jpeg")
    response = client_for(buyer).post(f"/api/v1/orders/{oid}/dispute", {"reason": "Torn", "evidence": [photo]})
    assert response.status_code == 200, response.content
    detail = response.json()
    assert detail["state"] == "disputed" and detail["dispute"]["evidence"][0]["content_type"] == "image/jpeg"
    url = detail["dispute"]["evidence"][0]["url"]
    assert client_for(supplier).get(url).status_code == 200
    assert client_for(factories.member(kind="buyer")).get(url).status_code == 404
    response = client_for(supplier).post(f"/api/v1/orders/{oid}/dispute/respond", {"response": "Packed fine"})
    assert response.json()["dispute"]["response"] == "Packed fine"
    status, _body = _json(client_for(buyer), "post", f"/orders/{oid}/dispute/resolve", {"resolution": "refund"})
    assert status == 403
    operator = orders.operator()
    status, body = _json(client_for(operator), "post", f"/orders/{oid}/dispute/resolve", {"resolution": "refund"})
    assert status == 400 and [(e["code"], e["field"]) for e in body["errors"]] == [("reason_required", "note")]
    status, detail = _json(
        client_for(operator),
        "post",
        f"/orders/{oid}/dispute/resolve",
        {"resolution": "partial_refund", "note": "Half torn", "refund_cny": "100.00"},
    )
    assert status == 200 and detail["state"] == "partially_refunded" and detail["viewer"] == "operator"


def test_signed_out_is_401(variant):
    from django.test import Client

    assert Client().get("/api/v1/orders").status_code == 401

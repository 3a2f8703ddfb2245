"""The order pages for both sides: cart (htmx quantities, MOQ errors inline, price re-confirm),
checkout split per supplier, lists with filters, the detail page's moves by state and role,
shipping documents, disputes end to end, and the refusals (404, 403, form errors, never 500)."""

from __future__ import annotations

import io

import pytest

from tests import factories
from tests.orders import factories as orders
from tradebridge.catalog.models import PriceTier
from tradebridge.orders import services
from tradebridge.orders.models import CartLine, Order

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _html(response) -> str:
    return response.content.decode()


def _confirmed_paid(placed, supplier):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    return orders.pay_in_full(placed)


# -- product page and cart ------------------------------------------------------------------------


def test_the_product_page_offers_add_to_cart_to_buyers_only(product, buyer, supplier, client_for, client):
    url = f"/products/{product.pk}/"
    assert 'data-action="add-to-cart"' in _html(client_for(buyer).get(url))
    assert 'data-action="add-to-cart"' not in _html(client_for(supplier).get(url))
    assert "Sign in to order" in _html(client.get(url))


def test_adding_to_the_cart_with_htmx_and_an_moq_error_inline(buyer, variant, client_for):
    client = client_for(buyer)
    refused = client.post("/cart/add/", {"variant": variant.pk, "quantity": 3}, **HX)
    assert refused.status_code == 400
    assert 'data-result="error"' in _html(refused) and "below the minimum order" in _html(refused)
    assert not CartLine.objects.exists()
    added = client.post("/cart/add/", {"variant": variant.pk, "quantity": 20}, **HX)
    assert added.status_code == 200 and 'data-result="added"' in _html(added)
    assert CartLine.objects.get().quantity == 20


def test_changing_a_quantity_refuses_a_non_multiple_on_its_line(buyer, variant, client_for):
    client = client_for(buyer)
    client.post("/cart/add/", {"variant": variant.pk, "quantity": 20})
    line = CartLine.objects.get()
    bad = client.post(f"/cart/lines/{line.pk}/", {"quantity": 23}, **HX)
    assert bad.status_code == 400
    html = _html(bad)
    assert f'id="line-{line.pk}" data-line="{line.pk}" class="row-invalid"' in html
    assert "multiples of the order multiple" in html and "<html" not in html  # the fragment only
    assert CartLine.objects.get().quantity == 20
    good = client.post(f"/cart/lines/{line.pk}/", {"quantity": 100}, **HX)
    assert good.status_code == 200 and CartLine.objects.get().quantity == 100
    assert "£3.90" in _html(good)  # the 100+ tier
    junk = client.post(f"/cart/lines/{line.pk}/", {"quantity": "many"}, **HX)
    assert junk.status_code == 400 and "Enter a whole number." in _html(junk)


def test_another_companys_cart_line_is_404(buyer, variant, client_for):
    client_for(buyer).post("/cart/add/", {"variant": variant.pk, "quantity": 20})
    line = CartLine.objects.get()
    other = factories.member(kind="buyer")
    assert client_for(other).post(f"/cart/lines/{line.pk}/", {"quantity": 30}).status_code == 404
    assert client_for(other).post(f"/cart/lines/{line.pk}/remove/").status_code == 404
    assert CartLine.objects.get().quantity == 20


def test_a_changed_price_must_be_accepted_before_placing(buyer, product, variant, client_for):
    client = client_for(buyer)
    client.post("/cart/add/", {"variant": variant.pk, "quantity": 20})
    PriceTier.objects.filter(product=product, min_quantity=10).update(unit_price="4.50")
    page = _html(client.get("/cart/"))
    assert 'data-cart="price-changed"' in page and 'data-current="4.500000"' in page
    assert 'data-action="checkout"' not in page
    refused = client.post("/checkout/", {"incoterm": "FOB", "freight_mode": "sea_lcl", "deposit_percent": 0})
    assert refused.status_code == 409 and not Order.objects.exists()
    assert "accept the new prices" in _html(refused).lower()
    accepted = client.post("/cart/accept-prices/", **HX)
    assert accepted.status_code == 200 and 'data-cart="price-changed"' not in _html(accepted)
    placed = client.post("/checkout/", {"incoterm": "FOB", "freight_mode": "sea_lcl", "deposit_percent": 0})
    assert placed.status_code == 302
    assert Order.objects.get().total == 90  # 20 × £4.50


# -- checkout -------------------------------------------------------------------------------------


def test_checkout_shows_one_group_per_supplier_with_cny_and_landed_cost(
    buyer, supplier, supplier_b, variant, client_for
):
    other = orders.variant_of(orders.scarf(supplier_b.company, handle="tweed-cap"))
    client = client_for(buyer)
    client.post("/cart/add/", {"variant": variant.pk, "quantity": 20})
    client.post("/cart/add/", {"variant": other.pk, "quantity": 10})
    page = client.get("/checkout/?incoterm=CIF&freight_mode=sea_lcl&destination_city=上海&deposit_percent=30")
    html = _html(page)
    assert page.status_code == 200
    assert html.count('class="panel checkout-group"') == 2
    assert 'data-due-cny="764.40"' in html  # £84.00 × 9.10
    assert 'data-landed="complete"' in html
    preview = client.get("/checkout/?incoterm=EXW&freight_mode=sea_lcl&deposit_percent=0", **HX)
    assert "<html" not in _html(preview) and "checkout-group" in _html(preview)
    response = client.post(
        "/checkout/", {"incoterm": "CIF", "freight_mode": "sea_lcl", "destination_city": "上海", "deposit_percent": 30}
    )
    assert response.status_code == 302 and response["Location"] == "/orders/"
    placed = Order.objects.order_by("supplier_id")
    assert [o.supplier_id for o in placed] == sorted([supplier.company_id, supplier_b.company_id])
    assert all(o.incoterm == "CIF" and o.deposit_percent == 30 for o in placed)


def test_checkout_says_an_order_too_small_to_pay_cannot_be_placed(buyer, supplier_b, market, client_for):
    tiny = orders.variant_of(
        orders.scarf(supplier_b.company, handle="pin", tiers=(("1", "0.0001"),), moq=1, multiple=1)
    )
    client = client_for(buyer)
    client.post("/cart/add/", {"variant": tiny.pk, "quantity": 1})
    html = _html(client.get("/checkout/?incoterm=FOB&freight_mode=sea_lcl&deposit_percent=0"))
    assert "This order comes to less than CNY 0.01; order more." in html
    refused = client.post("/checkout/", {"incoterm": "FOB", "freight_mode": "sea_lcl", "deposit_percent": 0})
    assert refused.status_code == 400 and not Order.objects.exists()


def test_checkout_bad_input_is_a_form_error(buyer, variant, client_for):
    client = client_for(buyer)
    client.post("/cart/add/", {"variant": variant.pk, "quantity": 20})
    response = client.post("/checkout/", {"incoterm": "XXX", "freight_mode": "rocket", "deposit_percent": 7})
    assert response.status_code == 400
    assert 'data-field="incoterm"' in _html(response) and "field-error" in _html(response)
    assert not Order.objects.exists()
    empty = client_for(factories.member(kind="buyer")).post(
        "/checkout/", {"incoterm": "FOB", "freight_mode": "sea_lcl", "deposit_percent": 0}
    )
    assert empty.status_code == 400 and "Your cart is empty." in _html(empty)


def test_suppliers_cannot_use_the_cart(supplier, client_for):
    assert client_for(supplier).get("/cart/").status_code == 403
    assert client_for(supplier).get("/checkout/").status_code == 403


# -- lists ----------------------------------------------------------------------------------------


def test_lists_show_each_side_its_orders_with_filters(placed, buyer, supplier, supplier_b, client_for):
    buyer_page = _html(client_for(buyer).get("/orders/"))
    supplier_page = _html(client_for(supplier).get("/orders/"))
    assert f'data-order="{placed.pk}"' in buyer_page and f'data-order="{placed.pk}"' in supplier_page
    assert f'data-order="{placed.pk}"' not in _html(client_for(supplier_b).get("/orders/"))
    assert f'data-order="{placed.pk}"' not in _html(client_for(buyer).get("/orders/?state=completed"))
    assert f'data-order="{placed.pk}"' in _html(client_for(buyer).get("/orders/?state=placed"))
    today = placed.placed_at.date().isoformat()
    assert f'data-order="{placed.pk}"' in _html(
        client_for(buyer).get(f"/orders/?placed_from={today}&placed_to={today}&counterparty={supplier.company_id}")
    )
    assert 'data-orders="none"' in _html(client_for(buyer).get("/orders/?placed_from=2001-01-01&placed_to=2001-01-02"))


def test_a_bad_filter_is_a_form_error_not_a_500(placed, buyer, client_for):
    response = client_for(buyer).get("/orders/?placed_from=yesterday&state=nonsense")
    assert response.status_code == 400
    assert "field-error" in _html(response)
    reversed_dates = client_for(buyer).get("/orders/?placed_from=2026-02-02&placed_to=2026-01-01")
    assert reversed_dates.status_code == 400 and "before the start date" in _html(reversed_dates)


# -- detail and moves -----------------------------------------------------------------------------


def test_another_companys_order_is_a_404_page(placed, client_for, supplier_b):
    for member in (factories.member(kind="buyer"), supplier_b):
        client = client_for(member)
        assert client.get(f"/orders/{placed.pk}/").status_code == 404
        response = client.post(f"/orders/{placed.pk}/confirm/")
        assert response.status_code == 404 and "Page not found" in _html(response)
    assert Order.objects.get(pk=placed.pk).state == "placed"


def test_the_wrong_side_gets_a_403_page(placed, buyer, client_for):
    response = client_for(buyer).post(f"/orders/{placed.pk}/confirm/")
    assert response.status_code == 403 and "Not allowed" in _html(response)
    assert Order.objects.get(pk=placed.pk).state == "placed"


def test_a_move_out_of_order_is_an_error_on_the_page(placed, supplier, client_for):
    response = client_for(supplier).post(
        f"/orders/{placed.pk}/ship/", {"ship-carrier": "DHL", "ship-tracking_number": "JD0001"}
    )
    assert response.status_code == 409
    assert 'data-errors="action"' in _html(response) or "field-error" in _html(response)
    assert Order.objects.get(pk=placed.pk).state == "placed"


def test_rejecting_needs_a_reason(placed, supplier, client_for):
    client = client_for(supplier)
    blank = client.post(f"/orders/{placed.pk}/reject/", {"reject-reason": "  "})
    assert blank.status_code == 400 and 'data-form="reject"' in _html(blank)
    assert Order.objects.get(pk=placed.pk).state == "placed"
    done = client.post(f"/orders/{placed.pk}/reject/", {"reject-reason": "Colour discontinued"})
    assert done.status_code == 302 and Order.objects.get(pk=placed.pk).state == "rejected"
    assert "Colour discontinued" in _html(client.get(f"/orders/{placed.pk}/"))


def test_the_buttons_follow_state_and_side(placed, buyer, supplier, client_for):
    supplier_page = _html(client_for(supplier).get(f"/orders/{placed.pk}/"))
    buyer_page = _html(client_for(buyer).get(f"/orders/{placed.pk}/"))
    assert 'data-move="confirm"' in supplier_page and 'data-form="reject"' in supplier_page
    assert 'data-move="confirm"' not in buyer_page and 'data-form="cancel"' in buyer_page
    assert 'id="pay-panel"' not in buyer_page  # nothing is due before confirmation


def test_an_order_walks_through_the_pages_to_completion(placed, buyer, supplier, client_for):
    seller, purchaser = client_for(supplier), client_for(buyer)
    assert seller.post(f"/orders/{placed.pk}/confirm/").status_code == 302
    page = _html(purchaser.get(f"/orders/{placed.pk}/"))
    assert 'id="pay-panel"' in page and 'data-due="764.40"' in page
    orders.pay_in_full(placed)
    assert seller.post(f"/orders/{placed.pk}/start-production/").status_code == 302
    assert seller.get(f"/orders/{placed.pk}/documents/invoice.pdf").status_code == 409  # not shipped yet
    shipped = seller.post(
        f"/orders/{placed.pk}/ship/", {"ship-carrier": "DHL Express", "ship-tracking_number": "JD014600006281"}
    )
    assert shipped.status_code == 302
    for kind in ("invoice", "packing-list"):
        pdf = purchaser.get(f"/orders/{placed.pk}/documents/{kind}.pdf")
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF-")
    assert purchaser.get(f"/orders/{placed.pk}/documents/receipt.pdf").status_code == 404
    page = _html(purchaser.get(f"/orders/{placed.pk}/"))
    assert 'data-document="invoice"' in page and "JD014600006281" in page
    assert purchaser.post(f"/orders/{placed.pk}/deliver/").status_code == 302
    assert seller.post(f"/orders/{placed.pk}/confirm-receipt/").status_code == 403
    assert purchaser.post(f"/orders/{placed.pk}/confirm-receipt/").status_code == 302
    order = Order.objects.get(pk=placed.pk)
    assert order.state == "completed"
    page = _html(purchaser.get(f"/orders/{placed.pk}/"))
    actions = [
        "place",
        "confirm",
        "request_payment",
        "pay_full",
        "start_production",
        "ship",
        "mark_delivered",
        "confirm_receipt",
    ]
    positions = [page.index(f'data-action="{a}"') for a in actions]
    assert positions == sorted(positions)
    assert 'href="/statements/"' in page and 'data-form="review"' in page


def test_the_detail_page_in_chinese(placed, buyer, client_for):
    client = client_for(buyer)
    client.cookies["tb_language"] = "zh-hans"
    html = _html(client.get(f"/orders/{placed.pk}/"))
    assert 'lang="zh-Hans"' in html
    assert "时间线" in html and "采购商" in html and "等待供应商确认订单" in html


# -- disputes -------------------------------------------------------------------------------------


def _delivered(placed, buyer, supplier):
    _confirmed_paid(placed, supplier)
    services.ship_order(membership=supplier, order_id=placed.pk, carrier="DHL", tracking_number="JD1")
    services.mark_delivered(membership=buyer, order_id=placed.pk)


def test_a_dispute_from_opening_to_a_partial_refund(placed, buyer, supplier, client_for):
    _delivered(placed, buyer, supplier)
    purchaser, seller = client_for(buyer), client_for(supplier)
    operator = client_for(orders.operator())
    bad_file = io.BytesIO(b"MZ not a photo")
    bad_file.name = "photo.exe"
    refused = purchaser.post(f"/orders/{placed.pk}/dispute/", {"dispute-reason": "Torn", "dispute-evidence": bad_file})
    assert refused.status_code == 400 and "Attach JPEG, PNG or WebP images, or PDF files." in _html(refused)
    assert Order.objects.get(pk=placed.pk).state == "delivered"
    photo = io.BytesIO(PNG)
    photo.name = "torn.png"
    opened = purchaser.post(
        f"/orders/{placed.pk}/dispute/", {"dispute-reason": "Half the scarves are torn", "dispute-evidence": photo}
    )
    assert opened.status_code == 302 and Order.objects.get(pk=placed.pk).state == "disputed"
    queue = _html(operator.get("/operator/disputes/"))
    assert f'data-order="{placed.pk}"' in queue and "Half the scarves are torn" in queue
    assert client_for(buyer).get("/operator/disputes/").status_code == 403
    page = _html(seller.get(f"/orders/{placed.pk}/"))
    assert 'data-form="respond"' in page and "torn.png" in page
    evidence = placed.dispute.evidence.get()
    download = seller.get(f"/orders/{placed.pk}/evidence/{evidence.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    assert (
        client_for(factories.member(kind="buyer")).get(f"/orders/{placed.pk}/evidence/{evidence.pk}/").status_code
        == 404
    )
    assert seller.post(f"/orders/{placed.pk}/respond/", {"respond-response": "Packed intact"}).status_code == 302
    assert (
        seller.post(f"/orders/{placed.pk}/resolve/", {"resolve-resolution": "release", "resolve-note": "x"}).status_code
        == 403
    )
    too_much = operator.post(
        f"/orders/{placed.pk}/resolve/",
        {"resolve-resolution": "partial_refund", "resolve-refund_cny": "99999", "resolve-note": "Half torn"},
    )
    assert too_much.status_code == 400 and 'data-form="resolve"' in _html(too_much)
    missing = operator.post(
        f"/orders/{placed.pk}/resolve/", {"resolve-resolution": "partial_refund", "resolve-note": "Half torn"}
    )
    assert missing.status_code == 400 and "Give the amount to refund." in _html(missing)
    done = operator.post(
        f"/orders/{placed.pk}/resolve/",
        {"resolve-resolution": "partial_refund", "resolve-refund_cny": "382.20", "resolve-note": "Half torn"},
    )
    assert done.status_code == 302
    order = Order.objects.get(pk=placed.pk)
    assert order.state == "partially_refunded" and str(order.dispute.refund_cny) == "382.20"
    assert 'data-resolution="partial_refund"' in _html(purchaser.get(f"/orders/{placed.pk}/"))
    assert 'data-disputes="none"' in _html(operator.get("/operator/disputes/"))


# -- dashboards -----------------------------------------------------------------------------------


def test_the_dashboards_show_orders(placed, buyer, supplier, client_for):
    for member in (buyer, supplier, orders.operator()):
        html = _html(client_for(member).get("/"))
        assert 'data-panel="orders"' in html and placed.reference in html
        assert 'data-nav="orders"' in html


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_and_detail_pages_do_not_grow_queries_with_rows(buyer, supplier, variant, client_for):
    client = client_for(buyer)
    [first] = orders.place(buyer, (variant, 20))
    services.confirm_order(membership=supplier, order_id=first.pk)
    one_order = _queries(client, "/orders/")
    one_line = _queries(client, f"/orders/{first.pk}/")
    for _ in range(4):
        [order] = orders.place(
            buyer, (variant, 10), (orders.variant_of(orders.scarf(supplier.company, handle=f"h{_}")), 10)
        )
        services.confirm_order(membership=supplier, order_id=order.pk)
    assert _queries(client, "/orders/") == one_order  # five orders, as many queries as one
    assert _queries(client, f"/orders/{order.pk}/") == one_line  # two lines, as many as one

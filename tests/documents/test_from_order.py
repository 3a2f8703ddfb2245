"""Documents for a real order: the adapter reads the order's snapshot, the PDFs print it."""

from datetime import date
from decimal import Decimal

import pytest

from tests.documents.test_pdfs import text_of
from tests.payments.factories import order_awaiting_payment
from tradebridge.catalog.models import Product
from tradebridge.documents.from_order import commercial_invoice, packing_list, shipping_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(buyer, supplier):
    buyer.company.name_zh = "上海东方贸易有限公司"
    buyer.company.region = "上海市浦东新区"
    buyer.company.save()
    placed = order_awaiting_payment(buyer, supplier, quantity=120, price="2.345678")
    Product.objects.filter(supplier=supplier.company).update(
        title_zh="羊毛围巾",
        hs_code="6117100000",
        origin_country="GB",
        units_per_carton=50,
        carton_weight_kg=Decimal("12.5"),
        carton_length_cm=Decimal(60),
        carton_width_cm=Decimal(40),
        carton_height_cm=Decimal(30),
    )
    placed.carrier, placed.tracking_number = "DHL", "JD014600006281234567"
    placed.save(update_fields=["carrier", "tracking_number"])
    return placed


def test_the_snapshot_carries_the_agreed_prices_not_todays(order):
    Product.objects.filter(pk=order.lines.get().product_id).update(title_en="Renamed later")
    doc = shipping_document(order, issued_on=date(2026, 12, 2))
    [line] = doc.lines
    assert (line.unit_price, line.quantity, line.origin, line.carton.units) == (Decimal("2.345678"), 120, "GB", 50)
    assert line.description_en == order.lines.get().title_en != "Renamed later"
    assert doc.number == f"INV-{order.reference}" and doc.buyer.name_zh == "上海东方贸易有限公司"
    assert doc.goods_total().amount == Decimal("281.48")  # 120 × 2.345678 = 281.48136


def test_invoice_and_packing_list_of_an_order(order):
    invoice = text_of(commercial_invoice(order))
    for expected in ("上海东方贸易有限公司", "上海市浦东新区", order.supplier.name, "2.345678", "281.48", "120", "FOB"):
        assert expected in invoice, expected
    packing = text_of(packing_list(order))
    for expected in ("上海东方贸易有限公司", "120", "60×40×30", "37.5", "0.216", "DHL JD014600006281234567"):
        assert expected in packing, expected

"""Landed cost of catalog products through the API and the product page's panel."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.catalog.factories import product as make_product
from tradebridge.catalog.models import Variant
from tradebridge.pricing.models import ExchangeRate, FreightRate

pytestmark = pytest.mark.django_db


@pytest.fixture
def whisky(db):
    supplier = factories.company(kind="supplier")
    item = make_product(
        supplier,
        handle="malt",
        title_en="Single Malt 70cl",
        status="published",
        hs_code="220830",
        tiers=((6, "21.00"),),
        moq=6,
        order_multiple=6,
        attributes={"litres_per_unit": "0.7"},
    )
    Variant.objects.filter(product=item).update(weight_g=1450, length_cm=10, width_cm=10, height_cm=32)
    ExchangeRate.objects.create(base="GBP", quote="CNY", rate="9.10", valid_from=timezone.now(), source="test")
    FreightRate.objects.create(mode="sea_lcl", currency="GBP", price="85", minimum="95")
    FreightRate.objects.create(mode="air", currency="GBP", price="4.20", minimum="60")
    return item


def _post(body):
    return Client().post("/api/v1/landed-cost", body, content_type="application/json")


def test_a_complete_breakdown_sums_exactly(whisky):
    response = _post(
        {"product_id": whisky.pk, "quantity": 60, "incoterm": "fob", "mode": "sea_lcl", "destination_city": "Shanghai"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["complete"] and body["currency"] == "CNY" and body["destination_city"] == "Shanghai"
    figures = {f["component"]: Decimal(f["amount"]) for f in body["figures"]}
    assert figures["goods"] == Decimal("11466.00")  # 60 × £21.00 × 9.10
    assert figures["consumption_tax"] > 0 and figures["import_vat"] > 0
    assert sum(figures.values()) == Decimal(body["total"])
    assert body["rates"][0]["rate"] == "9.1"
    assert body["tariff_lines"][0]["hs_prefix"].startswith("2208")


def test_missing_rate_says_unknown_never_zero(whisky):
    ExchangeRate.objects.all().delete()
    body = _post({"product_id": whisky.pk, "quantity": 60, "mode": "sea_lcl"}).json()
    assert body["complete"] is False and body["total"] is None
    assert body["unknowns"] and body["figures"] == []


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"quantity": 5}, 400, "quantity"),  # below the MOQ of 6
        ({"quantity": 61}, 400, "quantity"),  # not a multiple of 6
        ({"quantity": 0}, 422, "quantity"),
        ({"quantity": 60, "incoterm": "XYZ"}, 400, "incoterm"),
        ({"quantity": 60, "mode": "rocket"}, 400, "mode"),
        ({"quantity": 60, "mode": "express"}, 400, "mode"),  # no express rates on file
    ],
)
def test_bad_input_gets_field_errors(whisky, body, status, field):
    response = _post({"product_id": whisky.pk, **body})
    assert response.status_code == status, response.content
    assert field in {e["field"] for e in response.json()["errors"]}


def test_drafts_and_unknown_products_are_404(whisky):
    whisky.status = "draft"
    whisky.save()
    assert _post({"product_id": whisky.pk, "quantity": 60}).status_code == 404
    assert _post({"product_id": 99999, "quantity": 60}).status_code == 404


def test_missing_dimensions_for_sea_freight_are_explained(whisky):
    Variant.objects.filter(product=whisky).update(length_cm=None)
    response = _post({"product_id": whisky.pk, "quantity": 60, "mode": "sea_lcl"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "dimensions_missing"
    # Air is priced by the greater of weight and volume, so it needs the size too.
    assert _post({"product_id": whisky.pk, "quantity": 60, "mode": "air"}).status_code == 400
    Variant.objects.filter(product=whisky).update(length_cm=10)
    assert _post({"product_id": whisky.pk, "quantity": 60, "mode": "air"}).json()["complete"]


def test_the_product_page_panel(whisky):
    page = Client().get(f"/products/{whisky.pk}/").content.decode()
    assert f'hx-get="/products/{whisky.pk}/landed-cost/"' in page
    fragment = Client().get(
        f"/products/{whisky.pk}/landed-cost/", {"quantity": 60, "incoterm": "FOB", "mode": "sea_lcl", "city": "上海"}
    )
    assert fragment.status_code == 200 and 'data-landed="complete"' in fragment.content.decode()
    bad = Client().get(f"/products/{whisky.pk}/landed-cost/", {"quantity": "lots"})
    assert bad.status_code == 400 and "form-errors" in bad.content.decode()
    chinese = Client().get(f"/products/{whisky.pk}/landed-cost/", {"quantity": 5}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert chinese.status_code == 400


def _set_hs(product, code):
    type(product).objects.filter(pk=product.pk).update(hs_code=code)


def test_an_hs_code_without_a_tariff_line_says_rate_unknown(whisky):
    _set_hs(whisky, "8703312310")  # a real code (cars) that our table has no line for
    body = _post({"product_id": whisky.pk, "quantity": 60, "mode": "sea_lcl"}).json()
    assert body["complete"] is False and body["total"] is None and body["figures"] == []
    assert body["unknowns"] == [
        {
            "field": "lines[0].hs_code",
            "code": "tariff_unknown",
            "reason": "Rate unknown: no tariff line covers HS code 8703312310, so duty and taxes cannot be worked out.",
        }
    ]
    page = Client().get(f"/products/{whisky.pk}/landed-cost/", {"quantity": 60, "mode": "sea_lcl"})
    text = page.content.decode()
    assert page.status_code == 200 and 'data-landed="unknown"' in text
    assert "Rate unknown: no tariff line covers HS code 8703312310" in text and "¥" not in text
    chinese = (
        Client()
        .get(f"/products/{whisky.pk}/landed-cost/", {"quantity": 60, "mode": "sea_lcl"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
        .content.decode()
    )
    assert "税率未知" in chinese and "8703312310" in chinese


def test_a_product_without_an_hs_code_says_rate_unknown(whisky):
    _set_hs(whisky, "")
    body = _post({"product_id": whisky.pk, "quantity": 60, "mode": "sea_lcl"}).json()
    assert body["total"] is None
    assert [(u["field"], u["code"]) for u in body["unknowns"]] == [("lines[0].hs_code", "hs_code_missing")]


def test_an_hs_code_that_does_not_exist_is_a_field_error(whisky):
    _set_hs(whisky, "9999999999")  # there is no HS chapter 99
    response = _post({"product_id": whisky.pk, "quantity": 60, "mode": "sea_lcl"})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "code": "unknown_hs_code",
            "field": "hs_code",
            "message": "This product's HS code does not exist. Ask the supplier to correct it.",
        }
    ]


def test_a_stale_rate_is_used_with_a_warning(whisky):
    ExchangeRate.objects.update(valid_from=timezone.now() - timezone.timedelta(days=10))
    body = _post({"product_id": whisky.pk, "quantity": 60, "mode": "sea_lcl"}).json()
    assert body["complete"]
    assert any("GBP/CNY exchange rate dates from" in w for w in body["warnings"])
    ExchangeRate.objects.update(valid_from=timezone.now())
    fresh = _post({"product_id": whisky.pk, "quantity": 60, "mode": "sea_lcl"}).json()
    assert not any("exchange rate" in w for w in fresh["warnings"])


def test_panel_errors_name_the_right_limit_in_the_buyers_language(whisky):
    url = f"/products/{whisky.pk}/landed-cost/"
    english = Client().get(url, {"quantity": 60, "city": "x" * 101}).content.decode()
    assert "Keep the city under 100 characters." in english
    chinese = Client().get(
        url, {"quantity": 60, "city": "x" * 101, "variant": "999999"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    text = chinese.content.decode()
    assert chinese.status_code == 400
    assert "城市名称请控制在 100 个字符以内。" in text and "该 SKU 不属于此产品。" in text

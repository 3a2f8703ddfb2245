"""GET /api/v1/search/products and /suppliers: public, every filter, 400 naming the field."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.search import builders
from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products, search_suppliers

pytestmark = pytest.mark.django_db

PRODUCTS = "/api/v1/search/products"
SUPPLIERS = "/api/v1/search/suppliers"


def test_search_is_public_and_returns_items_facets_total_and_the_reading(catalog):
    response = Client().get(PRODUCTS, {"q": "羊毛围巾", "origin": "GB"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    (item,) = body["items"]
    assert item["title_en"] == "Lambswool Scarf"
    assert item["unit_price"] == {"amount": "9.000000", "currency": "GBP"}
    assert body["interpretation"]["display"] == "羊毛围巾 → wool scarf"
    assert [t["term"] for t in body["interpretation"]["terms"]] == ["羊毛", "围巾"]
    assert set(body["facets"]) == {"category", "origin", "verified", "certification", "sample_available"}
    assert {"value": "GB", "selected": True}.items() <= body["facets"]["origin"][0].items()


def test_every_filter_is_a_query_parameter(catalog):
    params = {
        "q": "tea",
        "category": "food",
        "origin": ["GB", "CN"],
        "verified": "false",
        "cert": ["organic"],
        "moq_max": "150",
        "lead_time_max": "10",
        "sample": "true",
        "sort": "moq",
        "page": "1",
        "per_page": "5",
        "currency": "GBP",
        "price_max": "5",
        "quantity": "100",
    }
    body = Client().get(PRODUCTS, params).json()
    assert [i["title_en"] for i in body["items"]] == ["Organic Green Tea"]
    assert "1 GBP" not in body["price_rate_note"]  # the listing is in GBP: no conversion needed


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"category": "no/such/path"}, "category"),
        ({"origin": "Britain"}, "origin"),
        ({"cert": "iso9001"}, "cert"),
        ({"verified": "maybe"}, "verified"),
        ({"sample": "2"}, "sample"),
        ({"moq_max": "ten"}, "moq_max"),
        ({"moq_max": "0"}, "moq_max"),
        ({"price_min": "NaN"}, "price_min"),
        ({"price_max": "-1"}, "price_max"),
        ({"price_min": "10", "price_max": "5"}, "price_max"),
        ({"currency": "XYZ"}, "currency"),
        ({"quantity": "1e3"}, "quantity"),
        ({"lead_time_max": "99999"}, "lead_time_max"),
        ({"sort": "cheapest"}, "sort"),
        ({"page": "0"}, "page"),
        ({"per_page": "1000"}, "per_page"),
    ],
)
def test_unknown_filter_values_are_a_400_naming_the_field(catalog, params, field):
    response = Client().get(PRODUCTS, params)
    assert response.status_code == 400
    assert field in [e["field"] for e in response.json()["errors"]]


def test_error_messages_follow_the_language(catalog):
    response = Client().get(PRODUCTS, {"sort": "cheapest"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    (error,) = response.json()["errors"]
    assert error["code"] == "sort_invalid" and error["message"] != "Sort by relevance, price, newest or moq."


@pytest.mark.parametrize("q", ['"AND (', "NEAR(", "x" * 10_240, "'; DROP TABLE x; --", "\x00😀"])
def test_hostile_text_is_an_ordinary_query(catalog, q):
    assert Client().get(PRODUCTS, {"q": q}).status_code == 200


def test_supplier_search_by_name_sector_and_region(catalog):
    body = Client().get(SUPPLIERS, {"q": "valves"}).json()
    assert [i["name"] for i in body["items"]] == ["Highland Valves Ltd"]
    assert Client().get(SUPPLIERS, {"q": "博德"}).json()["items"][0]["name"] == "Borders Textiles"
    by_sector = Client().get(SUPPLIERS, {"sector": "food_drink"}).json()
    assert [i["name"] for i in by_sector["items"]] == ["Tea & Brass Co"]
    assert {s["value"]: s["count"] for s in by_sector["sectors"]} == {"food_drink": 1, "fashion": 1, "other": 1}
    assert [i["name"] for i in Client().get(SUPPLIERS, {"region": "hawick"}).json()["items"]] == ["Borders Textiles"]
    everyone = Client().get(SUPPLIERS).json()["items"]
    assert [i["verified"] for i in everyone] == [True, True, False]  # verified first


def test_supplier_search_refuses_unknown_sectors_and_pages(catalog):
    assert Client().get(SUPPLIERS, {"sector": "weapons"}).json()["errors"][0]["field"] == "sector"
    assert Client().get(SUPPLIERS, {"page": "x"}).status_code == 400
    assert Client().get(SUPPLIERS, {"page": "0"}).status_code == 400


def test_suppliers_without_published_listings_are_not_found(catalog):
    from tests import factories

    factories.company(kind="supplier", name="Dormant Valves Ltd")
    assert "Dormant Valves Ltd" not in [h.name for h in search_suppliers("valves").items]


def _queries(query):
    with CaptureQueriesContext(connection) as captured:
        search_products(query, language="en")
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_results(catalog):
    query = ProductQuery(text="tea", per_page=50, origin=("GB",), certifications=("organic",))
    few = _queries(query)
    tree = {c.path: c for c in __import__("tradebridge.catalog.models", fromlist=["Category"]).Category.objects.all()}
    for n in range(20):
        builders.product(
            builders.Spec(
                f"more-tea-{n}", f"Assam Tea {n}", "阿萨姆茶", certifications=("organic",), category="food/tea"
            ),
            catalog["green-tea"].supplier,
            tree,
            published_at=catalog["green-tea"].published_at,
        )
    from tradebridge.search.services import rebuild_index

    rebuild_index()
    assert search_products(query, language="en").total > 20
    assert _queries(query) == few

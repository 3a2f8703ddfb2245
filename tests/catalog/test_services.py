"""Supplier catalog services and pages: edits, tiers, publishing, stock, and who may touch what."""

from decimal import Decimal

import pytest

from tests import factories
from tests.catalog.factories import product as make_product
from tradebridge.catalog import services
from tradebridge.catalog.models import Category, PriceTier, Product, Variant
from tradebridge.core.errors import DomainError, Forbidden, NotFound

pytestmark = pytest.mark.django_db


def test_create_and_edit_marks_human_text(supplier):
    item = services.create_product(membership=supplier, data={"title_en": "Tartan Throw", "hs_code": "6301.20"})
    assert item.handle == "tartan-throw"
    assert item.hs_code == "630120"
    item.title_zh, item.title_zh_machine = "格子毯", True
    item.save()
    services.update_product(membership=supplier, product_id=item.pk, data={"title_zh": "苏格兰格子毛毯"})
    item.refresh_from_db()
    assert item.title_zh == "苏格兰格子毛毯"
    assert item.title_zh_machine is False


def test_bad_fields_are_all_reported(supplier):
    with pytest.raises(DomainError) as caught:
        services.create_product(
            membership=supplier,
            data={"title_en": "X", "hs_code": "12", "currency": "XYZ", "origin_country": "Britain", "moq": 0},
        )
    assert {e.field for e in caught.value.errors} >= {"hs_code", "currency", "origin_country", "moq"}
    assert not Product.objects.exists()


@pytest.mark.parametrize("category_id", [-5, 999_999, 2**63, -(2**63) - 1])
def test_an_unknown_category_is_a_field_error_and_nothing_is_written(supplier, category_id):
    with pytest.raises(DomainError) as caught:
        services.create_product(membership=supplier, data={"title_en": "Fuzz product", "category_id": category_id})
    assert (caught.value.code, caught.value.field) == ("category_unknown", "category_id")
    assert not Product.objects.exists()
    tea = Category.objects.create(slug="tea", path="tea", name_en="Tea")
    item = make_product(supplier.company, category=tea)
    with pytest.raises(DomainError) as caught:
        services.update_product(
            membership=supplier, product_id=item.pk, data={"title_en": "Renamed", "category_id": category_id}
        )
    assert (caught.value.code, caught.value.field) == ("category_unknown", "category_id")
    item.refresh_from_db()
    assert (item.title_en, item.category_id) == ("Lambswool Scarf", tea.pk)


def test_a_category_is_set_by_its_id_and_cleared_with_none(supplier):
    tea = Category.objects.create(slug="tea", path="tea", name_en="Tea")
    item = services.create_product(membership=supplier, data={"title_en": "Green Tea", "category_id": tea.pk})
    assert item.category_id == tea.pk
    services.update_product(membership=supplier, product_id=item.pk, data={"category_id": None})
    item.refresh_from_db()
    assert item.category_id is None


def test_the_api_answers_an_unknown_category_with_a_field_error(supplier, client_for):
    tea = Category.objects.create(slug="tea", path="tea", name_en="Tea")
    item = make_product(supplier.company, category=tea)
    client = client_for(supplier)
    created = client.post(
        "/api/v1/catalog/products", {"title_en": "Fuzz product", "category_id": -5}, content_type="application/json"
    )
    assert created.status_code == 400, created.content
    assert created.json()["errors"] == [
        {"code": "category_unknown", "field": "category_id", "message": "No such category."}
    ]
    for category_id in (-1, 2**63):
        patched = client.patch(
            f"/api/v1/catalog/products/{item.pk}", {"category_id": category_id}, content_type="application/json"
        )
        assert patched.status_code == 400, patched.content
        assert [(e["code"], e["field"]) for e in patched.json()["errors"]] == [("category_unknown", "category_id")]
    assert list(Product.objects.values_list("pk", "category_id")) == [(item.pk, tea.pk)]


def test_the_product_pages_refuse_an_unknown_category(supplier, client_for):
    item = make_product(supplier.company)
    client = client_for(supplier)
    edited = client.post(
        f"/supplier/products/{item.pk}/",
        {"title_en": "Renamed", "category_id": "-1", "currency": "GBP", "moq": 1, "order_multiple": 1},
    )
    assert edited.status_code == 400 and "category_id" in edited.context["form"].errors
    item.refresh_from_db()
    assert (item.title_en, item.category_id) == ("Lambswool Scarf", None)
    for category in ("-1", "²", str(2**63)):  # the list's filter
        assert client.get(f"/supplier/products/?category={category}").status_code == 200


def test_tiers_are_checked_as_a_set(supplier):
    item = make_product(supplier.company)
    with pytest.raises(DomainError) as caught:
        services.set_tiers(membership=supplier, product_id=item.pk, tiers=[(1, "2.00"), (100, "2.50")])
    assert caught.value.code == "tiers_not_monotonic"
    assert list(item.tiers.values_list("unit_price", flat=True)) == [Decimal("4.200000")]
    services.set_tiers(membership=supplier, product_id=item.pk, tiers=[(50, "0.0040"), (5000, "0.0035")], moq=50)
    assert [(t.min_quantity, t.unit_price) for t in item.tiers.all()] == [
        (50, Decimal("0.0040")),
        (5000, Decimal("0.0035")),
    ]


def test_publishing_needs_a_sku_and_a_price(supplier):
    item = services.create_product(membership=supplier, data={"title_en": "Oat Biscuits"})
    with pytest.raises(DomainError) as caught:
        services.set_published(membership=supplier, product_id=item.pk, published=True)
    assert {"variant_required", "tiers_required"} <= {e.code for e in caught.value.errors}
    services.add_variant(membership=supplier, product_id=item.pk, sku="OAT-200")
    services.set_tiers(membership=supplier, product_id=item.pk, tiers=[(1, "1.10")])
    published = services.set_published(membership=supplier, product_id=item.pk, published=True)
    assert published.status == "published" and published.published_at


def test_stock_cannot_go_negative(supplier):
    variant = make_product(supplier.company).variants.get()
    with pytest.raises(DomainError):
        services.set_stock(membership=supplier, variant_id=variant.pk, stock_on_hand=-1)
    assert services.set_stock(membership=supplier, variant_id=variant.pk, stock_on_hand=7).stock_on_hand == 7


def test_gtin_check_digit_and_sku_uniqueness(supplier):
    item = make_product(supplier.company)
    with pytest.raises(DomainError) as caught:
        services.add_variant(membership=supplier, product_id=item.pk, sku="NEW", gtin="5012345678901")
    assert caught.value.field == "gtin"
    with pytest.raises(DomainError) as caught:
        services.add_variant(membership=supplier, product_id=item.pk, sku="SCARF-NAVY")
    assert caught.value.code == "sku_taken"
    assert services.add_variant(membership=supplier, product_id=item.pk, sku="NEW", gtin="5012345678900").gtin


def test_another_suppliers_products_are_not_found(supplier):
    other = factories.member(kind="supplier")
    theirs = make_product(other.company)
    for call in (
        lambda: services.update_product(membership=supplier, product_id=theirs.pk, data={"title_en": "Mine now"}),
        lambda: services.set_tiers(membership=supplier, product_id=theirs.pk, tiers=[(1, "0.01")]),
        lambda: services.set_published(membership=supplier, product_id=theirs.pk, published=True),
        lambda: services.set_stock(membership=supplier, variant_id=theirs.variants.get().pk, stock_on_hand=0),
        lambda: services.add_variant(membership=supplier, product_id=theirs.pk, sku="SNEAK"),
    ):
        with pytest.raises(NotFound):
            call()
    theirs.refresh_from_db()
    assert theirs.title_en == "Lambswool Scarf" and theirs.status == "draft"
    assert Variant.objects.get(product=theirs).stock_on_hand == 50
    assert PriceTier.objects.get(product=theirs).unit_price == Decimal("4.2")


def test_buyers_cannot_write_catalogs(buyer):
    with pytest.raises(Forbidden):
        services.create_product(membership=buyer, data={"title_en": "Nope"})


def test_supplier_pages_refuse_other_suppliers_and_buyers(supplier, buyer, client_for):
    other = factories.member(kind="supplier")
    theirs = make_product(other.company, status="published")
    client = client_for(supplier)
    assert client.get(f"/supplier/products/{theirs.pk}/").status_code == 404
    assert client.post(f"/supplier/products/{theirs.pk}/publish/", {"publish": "0"}).status_code == 404
    assert client.post(f"/supplier/variants/{theirs.variants.get().pk}/stock/", {"stock_on_hand": 0}).status_code == 404
    assert client_for(buyer).get("/supplier/products/").status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == "published"
    api = client.patch(f"/api/v1/catalog/products/{theirs.pk}", {"title_en": "x"}, content_type="application/json")
    assert api.status_code == 404


def test_the_api_lists_own_products_a_page_at_a_time(supplier, client_for):
    mine = [make_product(supplier.company, handle=f"p{n}", skus=(f"SKU-{n}",)) for n in range(3)]
    make_product(factories.member(kind="supplier").company, handle="theirs")
    client = client_for(supplier)
    listed = [p["id"] for p in client.get("/api/v1/catalog/products?limit=500").json()]
    assert sorted(listed) == sorted(p.pk for p in mine)  # another supplier's never shows
    assert len(client.get("/api/v1/catalog/products?limit=2").json()) == 2
    assert len(client.get("/api/v1/catalog/products?limit=2&offset=2").json()) == 1
    for huge in (2**63, 10**30):  # past the end, however far: an empty page, not a server error
        assert client.get(f"/api/v1/catalog/products?offset={huge}").json() == []


def test_supplier_pages_work(supplier, client_for):
    client = client_for(supplier)
    created = client.post(
        "/supplier/products/new/", {"title_en": "Heather Honey 340g", "currency": "GBP", "moq": 12, "order_multiple": 6}
    )
    assert created.status_code == 302
    item = Product.objects.get(supplier=supplier.company)
    page = client.get(f"/supplier/products/{item.pk}/")
    assert page.status_code == 200 and "Heather Honey" in page.content.decode()
    tiers = client.post(
        f"/supplier/products/{item.pk}/tiers/",
        {
            "tiers-TOTAL_FORMS": 2,
            "tiers-INITIAL_FORMS": 0,
            "moq": 12,
            "order_multiple": 6,
            "tiers-0-min_quantity": 12,
            "tiers-0-unit_price": "3.10",
            "tiers-1-min_quantity": 120,
            "tiers-1-unit_price": "3.50",
        },
    )
    assert tiers.status_code == 400
    assert "must not rise" in tiers.content.decode()
    listing = client.get("/supplier/products/?q=honey").content.decode()
    assert "Heather Honey" in listing


def test_descriptions_are_sanitised_whichever_way_they_arrive(supplier):
    item = services.create_product(
        membership=supplier,
        data={"title_en": "Tea", "description_en": '<p onclick="x()">Fine</p><script>alert(1)</script>'},
    )
    assert "script" not in item.description_en and "onclick" not in item.description_en
    assert "Fine" in item.description_en


def test_catalog_errors_speak_the_users_language(supplier, client_for):
    item = make_product(supplier.company)
    response = client_for(supplier).put(
        f"/api/v1/catalog/products/{item.pk}/tiers",
        {"tiers": [{"min_quantity": 1, "unit_price": "1.00"}, {"min_quantity": 10, "unit_price": "2.00"}]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "单价不得随数量增加而上涨。"

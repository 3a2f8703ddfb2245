"""core.queries: hand-written SELECTs load the same instances the ORM does, on both engines."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tradebridge.catalog.models import PriceTier, Product, Variant
from tradebridge.core.queries import Columns, select

pytestmark = pytest.mark.django_db


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


@pytest.fixture
def product(supplier):
    product = Product.objects.create(
        supplier=supplier.company,
        handle="wool-scarf",
        title_en="Wool scarf",
        title_zh="羊毛围巾",
        status="published",
        attributes={"material": "wool", "weight_g": "150", "nested": {"a": [1, 2]}},
        certifications=["OEKO-TEX"],
        sample_available=True,
        sample_price=Decimal("12.345678"),
        carton_weight_kg=Decimal("7.5"),
        published_at=timezone.now(),
    )
    Variant.objects.create(product=product, supplier=supplier.company, sku="WS-1", options={"colour": "red"})
    PriceTier.objects.create(product=product, min_quantity=10, unit_price=Decimal("3.123456"))
    PriceTier.objects.create(product=product, min_quantity=1, unit_price=Decimal("3.5"))
    return product


def test_a_join_loads_each_model_as_the_orm_does(product):
    variants, products = Columns(Variant, "v"), Columns(Product, "p")
    [(variant, loaded, sku_upper)] = select(
        (variants, products),
        f"FROM {variants.table} JOIN {products.table} ON p.id = v.product_id WHERE p.id = %s",
        [product.pk],
        extra=["UPPER(v.sku)"],
    )
    assert _values(loaded) == _values(Product.objects.get(pk=product.pk))
    assert _values(variant) == _values(Variant.objects.get(product=product))
    # JSON, Decimal, boolean and datetime columns come back as Python values, not raw strings.
    assert loaded.attributes["nested"] == {"a": [1, 2]}
    assert loaded.sample_price == Decimal("12.345678") and loaded.sample_available is True
    assert loaded.published_at.tzinfo is not None
    assert sku_upper == "WS-1"
    # Loaded instances are saved rows: saving one updates it rather than inserting a copy.
    assert not loaded._state.adding and loaded._state.db == connection.alias


def test_rows_come_in_the_order_asked_and_nothing_matches_as_an_empty_list(product):
    tiers = Columns(PriceTier, "t")
    rows = select((tiers,), f"FROM {tiers.table} WHERE t.product_id = %s ORDER BY t.min_quantity", [product.pk])
    assert [t.min_quantity for (t,) in rows] == [1, 10]
    assert rows[1][0].unit_price == Decimal("3.123456")
    assert select((tiers,), f"FROM {tiers.table} WHERE t.product_id = %s", [product.pk + 1000]) == []


def test_parameters_are_bound_not_spliced(product):
    products = Columns(Product, "p")
    hostile = "x' OR '1'='1"
    with CaptureQueriesContext(connection) as queries:
        assert select((products,), f"FROM {products.table} WHERE p.handle = %s", [hostile]) == []
    assert len(queries) == 1


def test_on_postgresql_each_statement_is_prepared_once_per_connection(product):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's; SQLite runs in-process")
    tiers = Columns(PriceTier, "t")
    rest = f"FROM {tiers.table} WHERE t.product_id = %s ORDER BY t.min_quantity"
    for _ in range(3):
        assert [t.min_quantity for (t,) in select((tiers,), rest, [product.pk])] == [1, 10]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", ['%"catalog_pricetier" t%']
        )
        assert cursor.fetchone()[0] == 1
        # Django's own statements stay unprepared (bound on the client).
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", ["%pg_prepared_statements%"]
        )
        assert cursor.fetchone()[0] == 0

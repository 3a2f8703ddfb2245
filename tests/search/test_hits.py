"""A page's hits are read by plain SQL (hits.py): the same products whatever the page length,
and on PostgreSQL one prepared statement per read, not one per page length."""

import pytest
from django.db import connection

from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products

pytestmark = pytest.mark.django_db


def test_pages_of_any_length_show_the_same_listings_in_order(catalog):
    everything = search_products(ProductQuery(per_page=50), language="en").items
    assert len(everything) >= 5
    for per_page in (1, 2, 5):
        page = search_products(ProductQuery(per_page=per_page), language="en").items
        assert [h.product_id for h in page] == [h.product_id for h in everything[:per_page]]
        assert all(h.title_en and h.supplier_name and h.unit_price for h in page)


def test_on_postgresql_a_hits_read_is_prepared_once_whatever_the_page_length(catalog):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's; SQLite runs in-process")
    for per_page in (1, 2, 3, 4, 5):
        search_products(ProductQuery(per_page=per_page), language="en")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", ['%"catalog_pricetier" t%']
        )
        assert cursor.fetchone()[0] == 1

"""A supplier's track record ranks its listings: each document carries the supplier's orders
completed and buyers' stars, read for a whole batch in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.catalog.factories import product as make_product
from tests.orders import factories as orders
from tradebridge.reviews import services as reviews
from tradebridge.search import ranking, services
from tradebridge.search.index import build_documents
from tradebridge.search.models import SearchDocument

pytestmark = pytest.mark.django_db

FIVE = {"product_quality": 5, "communication": 5, "shipping": 5}


def _engine_in_step() -> bool:
    """SQLite: FTS5 holds exactly the documents' tokens (raises otherwise). PostgreSQL: always."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_documents_carry_the_suppliers_completed_orders_and_stars(buyer, supplier):
    first = orders.completed(buyer, supplier, handle="first")
    second = orders.completed(buyer, supplier, handle="second")
    orders.delivered(buyer, supplier, handle="third")  # not completed: does not count
    other = factories.member(kind="supplier")
    orders.completed(buyer, other, handle="elsewhere")  # another supplier's
    reviews.post_review(membership=buyer, order_id=first.pk, product_quality=5, communication=4, shipping=3)
    reviews.post_review(membership=buyer, order_id=second.pk, **FIVE)
    services.index_supplier(supplier.company_id)
    documents = SearchDocument.objects.filter(supplier_id=supplier.company_id)
    assert documents.count() == 3
    for document in documents:
        assert (document.completed_orders, document.review_count, document.stars) == (2, 2, 4.5)
        assert document.response_rate == 0
        assert document.boost == pytest.approx(ranking.boost(verified=False, completed_orders=2, stars=4.5, reviews=2))
    assert _engine_in_step()


def test_a_supplier_without_a_record_is_neutral(supplier):
    listing = orders.scarf(supplier.company)
    services.index_products([listing.pk])
    document = SearchDocument.objects.get(product=listing)
    assert (document.completed_orders, document.review_count, document.stars, document.boost) == (0, 0, 0, 1)


def _queries_to_build(suppliers: int, buyer) -> int:
    ids = []
    for _ in range(suppliers):
        company = factories.member(kind="supplier")
        ids += [make_product(company.company, handle=f"p-{i}", skus=(f"P-{i}",), status="published").pk for i in (1, 2)]
    reviewed = orders.completed(buyer, company, handle=f"reviewed-{suppliers}")
    reviews.post_review(membership=buyer, order_id=reviewed.pk, **FIVE)
    ids.append(reviewed.lines.get().product_id)
    with CaptureQueriesContext(connection) as queries:
        documents = build_documents(ids, generation=1)
    assert len(documents) == len(ids)
    assert documents[-1]["completed_orders"] == 1 and documents[-1]["review_count"] == 1
    return len(queries)


def test_building_documents_takes_the_same_queries_however_many_suppliers(buyer):
    counts = {n: _queries_to_build(n, buyer) for n in (1, 4, 12)}
    # Products, tiers, completed orders, ratings (no categories here).
    assert counts[1] == counts[4] == counts[12] == 4, counts

"""Recall@10 of the labelled query set over the fixture catalog, on whichever engine the suite
runs (SQLite FTS5 or PostgreSQL). Prints recall per language and every query short of full
recall, so a drop shows which readings broke."""

import pytest
from django.db import connection

from tests.search.quality.catalog import build_catalog
from tests.search.quality.queries import QUERIES, RECALL_DEPTH
from tests.search.quality.recall import Outcome, mean_recall, report
from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products

OVERALL_FLOOR = 0.90
LANGUAGE_FLOOR = 0.80

pytestmark = pytest.mark.django_db


def test_recall_at_10_over_the_labelled_set(capsys):
    products = build_catalog()
    handles = {product.id: handle for handle, product in products.items()}
    outcomes = []
    for query in QUERIES:
        results = search_products(ProductQuery(text=query.text, per_page=RECALL_DEPTH), language=query.ui_language)
        returned = tuple(handles[hit.product_id] for hit in results.items)
        outcomes.append(Outcome(query, returned, relaxed=results.interpretation.relaxed))
    summary = report(outcomes, backend=connection.vendor)
    with capsys.disabled():
        print("\n" + summary)

    missed_musts = [o.query.text for o in outcomes if o.query.must and o.recall < 1]
    assert not missed_musts, summary
    assert mean_recall(outcomes) >= OVERALL_FLOOR, summary
    for language in {q.language for q in QUERIES}:
        group = [o for o in outcomes if o.query.language == language]
        assert mean_recall(group) >= LANGUAGE_FLOOR, (language, summary)

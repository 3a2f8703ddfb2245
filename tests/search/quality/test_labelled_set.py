"""The labelled set itself: big enough, covering every kind of query the issue names, and
pointing only at listings the fixture catalog really builds."""

from collections import Counter

import pytest

from tests.search.quality.catalog import build_catalog
from tests.search.quality.listings import LISTINGS
from tests.search.quality.queries import QUERIES, RECALL_DEPTH
from tradebridge.catalog.models import Product


def test_at_least_a_hundred_distinct_queries_in_every_kind_of_script():
    texts = Counter(q.text for q in QUERIES)
    assert len(texts) == len(QUERIES) >= 100, [t for t, n in texts.items() if n > 1]
    languages = Counter(q.language for q in QUERIES)
    assert languages["en"] >= 30 and languages["zh"] >= 30
    for kind in ("traditional", "fullwidth", "pinyin", "mixed"):
        assert languages[kind] >= 5, kind
    texts = set(texts)
    # The cases the issue names.
    assert {"球阀", "不锈钢球阀", "羊毛圍巾", "cashmere 围巾"} <= texts
    assert any("ＷＯＯＬ" in t for t in texts)


def test_every_label_names_a_catalog_listing_and_must_queries_fit_on_the_first_page():
    handles = Counter(listing.handle for listing in LISTINGS)
    assert max(handles.values()) == 1
    for query in QUERIES:
        assert query.relevant, query.text
        assert set(query.relevant) <= set(handles), (query.text, set(query.relevant) - set(handles))
        assert len(set(query.relevant)) == len(query.relevant), query.text
        if query.must:
            assert len(query.relevant) <= RECALL_DEPTH, query.text


@pytest.mark.django_db
def test_the_fixture_catalog_builds_published_bilingual_listings_in_the_default_tree():
    products = build_catalog(index=False)
    assert len(products) == len(LISTINGS) >= 150
    assert Product.objects.filter(status=Product.Status.PUBLISHED).count() == len(LISTINGS)
    written = Counter(listing.language for listing in LISTINGS)
    assert written["both"] and written["en"] and written["zh"] >= 15
    categorised = [listing for listing in LISTINGS if listing.category]
    assert all(products[listing.handle].category.path == listing.category for listing in categorised)
    assert len({listing.supplier for listing in LISTINGS}) >= 10

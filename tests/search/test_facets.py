"""Filters, facet counts and sorts, checked against a brute-force count in Python over the
fixture for many filter combinations: every facet counts with all OTHER filters applied."""

import datetime as dt
import itertools
import random
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.search import builders
from tradebridge.pricing.models import ExchangeRate
from tradebridge.search.query import ProductQuery
from tradebridge.search.selectors import search_products

pytestmark = pytest.mark.django_db

RATES = {"GBP": Decimal("9.2"), "EUR": Decimal("7.8"), "CNY": Decimal("1")}
SPECS = {s.handle: s for s in (*builders.SPECS, builders.TAP_KEY)}
VERIFIED_SUPPLIERS = {0, 2}


@pytest.fixture
def rated_catalog(catalog):
    for base in ("GBP", "EUR"):
        ExchangeRate.objects.create(
            base=base, quote="CNY", rate=RATES[base], valid_from=timezone.now() - dt.timedelta(hours=1), source="test"
        )
    return catalog


def _in_category(spec, path):
    return spec.category is not None and (spec.category == path or spec.category.startswith(f"{path}/"))


def _cny(spec):
    return Decimal(spec.price) * RATES[spec.currency]


def _passes(spec, query: ProductQuery, leave_out=None):
    checks = {
        "category": query.category is None or _in_category(spec, query.category),
        "origin": not query.origin or spec.origin in query.origin,
        "verified": not query.verified_only or spec.supplier in VERIFIED_SUPPLIERS,
        "certification": set(query.certifications) <= set(spec.certifications),
        "moq": query.moq_max is None or spec.moq <= query.moq_max,
        "lead": query.lead_time_max is None
        or (spec.lead_time_days is not None and spec.lead_time_days <= query.lead_time_max),
        "sample": not query.sample_available or spec.sample,
        "price": (query.price_min is None or _cny(spec) >= query.price_min)
        and (query.price_max is None or _cny(spec) <= query.price_max),
    }
    return all(ok for name, ok in checks.items() if name != leave_out)


def _expected(matched, query):
    total = [h for h in matched if _passes(SPECS[h], query)]
    categories = {}
    for h in matched:
        spec = SPECS[h]
        if spec.category and _passes(spec, query, "category"):
            parts = spec.category.split("/")
            for i in range(len(parts)):
                path = "/".join(parts[: i + 1])
                categories[path] = categories.get(path, 0) + 1
    origins = {}
    for h in matched:
        if _passes(SPECS[h], query, "origin"):
            origins[SPECS[h].origin] = origins.get(SPECS[h].origin, 0) + 1
    certs = {}
    for h in total:
        for cert in SPECS[h].certifications:
            certs[cert] = certs.get(cert, 0) + 1
    return {
        "total": len(total),
        "category": categories,
        "origin": origins,
        "verified": sum(
            1 for h in matched if _passes(SPECS[h], query, "verified") and SPECS[h].supplier in VERIFIED_SUPPLIERS
        ),
        "sample_available": sum(1 for h in matched if _passes(SPECS[h], query, "sample") and SPECS[h].sample),
        "certification": certs,
    }


def _actual(results):
    facets = results.facets
    return {
        "total": results.total,
        "category": {v.value: v.count for v in facets["category"] if v.count},
        "origin": {v.value: v.count for v in facets["origin"] if v.count},
        "verified": facets["verified"][0].count,
        "sample_available": facets["sample_available"][0].count,
        "certification": {v.value: v.count for v in facets["certification"] if v.count},
    }


CHOICES = {
    "category": [None, "industrial", "food", "food/tea", "apparel/scarves"],
    "origin": [(), ("GB",), ("GB", "CN")],
    "verified_only": [False, True],
    "certifications": [(), ("organic",), ("ce", "ukca"), ("gots",)],
    "moq_max": [None, 20],
    "lead_time_max": [None, 20],
    "sample_available": [False, True],
    "price": [(None, None), (Decimal("50"), None), (None, Decimal("100")), (Decimal("20"), Decimal("120"))],
}


# Browsing (no text) with facet filters only counts from the facet groups, not the documents.
FACETS_ONLY = CHOICES | {"moq_max": [None], "lead_time_max": [None], "price": [(None, None)]}


def _combinations(n, seed=4, choices=CHOICES):
    everything = list(itertools.product(*choices.values()))
    chosen = random.Random(seed).sample(everything, n)
    for values in [tuple(v[0] for v in CHOICES.values()), *chosen]:
        fields = dict(zip(choices, values, strict=True))
        price_min, price_max = fields.pop("price")
        yield {**fields, "price_min": price_min, "price_max": price_max}


@pytest.mark.parametrize("text", ["", "valve", "茶", "scarves"])
def test_facet_counts_match_a_brute_force_count(rated_catalog, text):
    everything = search_products(ProductQuery(text=text, per_page=100), language="en")
    matched = [builders_handle(h.product_id) for h in everything.items]
    assert matched, "each text matches something, or the check below proves nothing"
    for fields in _combinations(40):
        query = ProductQuery(text=text, per_page=100, **fields)
        results = search_products(query, language="en")
        assert _actual(results) == _expected(matched, query), fields
        assert sorted(builders_handle(h.product_id) for h in results.items) == sorted(
            h for h in matched if _passes(SPECS[h], query)
        )


def test_browse_facet_counts_from_the_groups_match_a_brute_force_count(rated_catalog):
    everything = search_products(ProductQuery(per_page=100), language="en")
    matched = [builders_handle(h.product_id) for h in everything.items]
    for fields in _combinations(60, seed=5, choices=FACETS_ONLY):
        for sort in ("relevance", "newest"):
            query = ProductQuery(per_page=100, sort=sort, **fields)
            results = search_products(query, language="en")
            assert _actual(results) == _expected(matched, query), fields
            assert sorted(builders_handle(h.product_id) for h in results.items) == sorted(
                h for h in matched if _passes(SPECS[h], query)
            )


def builders_handle(pk):
    from tradebridge.catalog.models import Product

    return Product.objects.get(pk=pk).handle


def test_selected_values_are_marked_and_kept_even_at_zero(rated_catalog):
    query = ProductQuery(origin=("FR",), certifications=("kosher",), category="industrial/valves")
    results = search_products(query, language="en")
    assert results.total == 0
    assert [(v.value, v.selected, v.count) for v in results.facets["origin"] if v.value == "FR"] == [("FR", True, 0)]
    assert ("kosher", True, 0) in [(v.value, v.selected, v.count) for v in results.facets["certification"]]
    valves = [v for v in results.facets["category"] if v.value == "industrial/valves"]
    assert valves[0].selected and valves[0].depth == 1 and valves[0].label_zh == "阀门"


def test_price_filter_converts_with_the_rate_in_force_and_says_which(rated_catalog):
    # 9.00 GBP × 9.2 = 82.80 CNY; 8.00 EUR × 7.8 = 62.40 CNY.
    query = ProductQuery(price_min=Decimal("62"), price_max=Decimal("83"), currency="CNY")
    results = search_products(query, language="en")
    assert {builders_handle(h.product_id) for h in results.items} == {"wool-scarf", "gate-valve"}
    assert "1 GBP = 9.2 CNY" in results.price_rate_note and "1 EUR = 7.8 CNY" in results.price_rate_note
    scarf = next(h for h in results.items if builders_handle(h.product_id) == "wool-scarf")
    assert scarf.converted_price.currency == "CNY" and scarf.converted_price.amount == Decimal("82.8")


def test_price_without_a_rate_is_left_out_and_explained(catalog):
    results = search_products(ProductQuery(price_max=Decimal("1000"), currency="CNY"), language="en")
    assert results.total == 0
    assert "No exchange rates" in results.price_rate_note


def test_price_at_a_quantity_uses_the_tier_for_it(rated_catalog):
    # The wool scarf costs 9.00 from 1 and 7.20 from 120 units (MOQ 12).
    at_moq = search_products(ProductQuery(text="lambswool", price_max=Decimal("70")), language="en")
    at_volume = search_products(ProductQuery(text="lambswool", price_max=Decimal("70"), quantity=120), language="en")
    assert at_moq.total == 0 and at_volume.total == 1
    assert at_volume.items[0].unit_price.amount == Decimal("7.2")


def test_sorts(rated_catalog):
    by_price = search_products(ProductQuery(sort="price", per_page=50), language="en").items
    cny = [h.converted_price.amount for h in by_price]
    assert cny == sorted(cny)
    newest = search_products(ProductQuery(sort="newest", per_page=50), language="en").items
    assert builders_handle(newest[0].product_id) == "tap-key"  # published last
    at_volume = search_products(ProductQuery(sort="price", quantity=1000, per_page=50), language="en").items
    amounts = [h.converted_price.amount for h in at_volume]
    assert amounts == sorted(amounts)


def test_pages_do_not_overlap(rated_catalog):
    seen = []
    for page in (1, 2, 3):
        items = search_products(ProductQuery(sort="moq", page=page, per_page=3), language="en").items
        seen.extend(h.product_id for h in items)
    assert len(seen) == len(set(seen)) == 9

"""Whatever a buyer (or a script) types, search answers: any query string gives results or an
empty list, through the selector and through GET /api/v1/search/products; a filter value the
search does not know gets a 400 that names the field. Never a 500, never an engine error."""

import string

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.search.quality.catalog import build_catalog
from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.catalog.taxonomy import CategoryTree
from tradebridge.core.errors import DomainError
from tradebridge.pricing.currencies import MINOR_UNITS
from tradebridge.search.query import SORTS, ProductQuery, ProductResults
from tradebridge.search.selectors import query_from_params, search_products

pytestmark = pytest.mark.django_db

API = "/api/v1/search/products"
ONE_DB = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Pieces that break naive engines: FTS5 and tsquery operators, SQL metacharacters, scripts.
NASTY = [
    '"', "'", "AND", "OR", "NOT", "NEAR(", "NEAR/3", "(", ")", "*", "^", ":", ":*", "-", "+", "&", "|", "!",
    "<->", "{", "}", "[", "]", "\\", "%", "_", ";", "--", "/*", "*/", "title_en:", "col:", "' OR 1=1 --",
    "'; DROP TABLE catalog_product; --", "\x00", "\x1b", "\u200b", "\ufeff", "\u202e", "🧣", "🥃", "👨‍👩‍👧",
    "ＷＯＯＬ", "羊毛", "圍巾", "球阀", "qiufa", "cashmere", "valve", "ß", "İ", "ﷺ", "\U0002a6a5",
]  # fmt: skip
query_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(NASTY), max_size=12).map(" ".join),
    st.lists(st.sampled_from(NASTY), max_size=12).map("".join),
)
LONG = '不锈钢球阀 ball valve NEAR( "AND ( ' * 400  # over 10 KB


@pytest.fixture
def catalog(db):
    return build_catalog()


def _check(results: ProductResults, per_page: int = 24) -> None:
    assert isinstance(results.items, tuple)
    assert 0 <= len(results.items) <= per_page
    assert results.total >= len(results.items)


@ONE_DB
@given(text=query_text)
@example(text="")
@example(text="   \t\n ")
@example(text=LONG)
@example(text='"AND (')
@example(text="NEAR(")
@example(text="NEAR(wool scarf, 2)")
@example(text="wool* OR -scarf")
@example(text="title_en:valve")
@example(text="a & b | !c <-> d:*")
@example(text="100% wool_scarf\\")
@example(text="\x00\x01\x7f")
@example(text="🧣🧣🧣")
@example(text="cashmere 围巾 ＷＯＯＬ 羊毛圍巾 qiufa")
def test_any_query_string_through_the_selector_gives_results_or_nothing(catalog, text):
    for language in ("en", "zh-hans"):
        _check(search_products(ProductQuery(text=text), language=language))
    _check(search_products(query_from_params({"q": text}), language="en"))


@ONE_DB
@given(text=query_text)
@example(text="")
@example(text=" ")
@example(text=LONG)
@example(text='"AND (')
@example(text="NEAR(")
@example(text="'; DROP TABLE catalog_product; --")
@example(text="\x00")
@example(text="🧣 cashmere 围巾")
def test_any_query_string_through_the_api_gives_200_with_a_list(catalog, text):
    response = Client().get(API, {"q": text})
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert isinstance(body["items"], list)
    assert body["total"] >= len(body["items"])


def test_a_query_that_finds_something_still_does_beside_operators(catalog):
    """Operators are read as text, not syntax: the listing is still found."""
    plain = search_products(ProductQuery(text="ball valve"), language="en")
    noisy = search_products(ProductQuery(text='ball valve" NEAR( AND ('), language="en")
    assert plain.total > 0
    assert {h.product_id for h in plain.items[:3]} & {h.product_id for h in noisy.items}


# --- Filters --------------------------------------------------------------------------------------

BOOLEAN_WORDS = {"", "true", "false", "1", "0", "on", "off", "yes", "no", "t", "f", "y", "n"}
word = st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)
not_a_number = st.one_of(word, st.sampled_from(["1.5.2", "--3", "1e", "0x1F", "½", "NaN", "inf"]))
not_an_integer = st.one_of(not_a_number, st.sampled_from(["1.5", "2,000", "3 0"]))

INVALID = {
    "sort": st.text(min_size=1, max_size=20).filter(lambda s: s.strip().lower() not in {*SORTS, ""}),
    "moq_max": not_an_integer,
    "quantity": not_an_integer,
    "lead_time_max": not_an_integer,
    "page": not_an_integer,
    "per_page": not_an_integer,
    "price_min": not_a_number,
    "price_max": not_a_number,
    "currency": st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=5).filter(lambda s: s not in MINOR_UNITS),
    "origin": st.one_of(
        st.text(alphabet=string.ascii_letters, min_size=3, max_size=6),
        st.text(alphabet=string.digits + "-_!", min_size=1, max_size=3),
    ),
    "verified": word.filter(lambda s: s.lower() not in BOOLEAN_WORDS),
    "sample": word.filter(lambda s: s.lower() not in BOOLEAN_WORDS),
    "cert": word.filter(lambda s: s.lower() not in CERTIFICATIONS),
    "category": st.from_regex(r"\Ano-such-[a-z]{1,8}(/[a-z]{1,8})?\Z"),
}


@ONE_DB
@given(data=st.data(), field=st.sampled_from(sorted(INVALID)))
def test_an_unknown_filter_value_is_a_400_naming_the_field(catalog, data, field):
    value = data.draw(INVALID[field], label=field)
    response = Client().get(API, {"q": "wool", field: value})
    assert response.status_code == 400, (field, value, response.content[:300])
    errors = response.json()["errors"]
    assert all({"code", "field", "message"} == set(e) for e in errors)
    assert field in {e["field"] for e in errors}, (field, value, errors)

    with pytest.raises(DomainError) as raised:
        query_from_params({"q": "wool", field: value})
    assert field in {e.field for e in raised.value.errors}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("moq_max", "99999999999999999999999999"),
        ("quantity", "99999999999999999999999999"),
        ("lead_time_max", "-99999999999999999999999999"),
        ("page", "99999999999999999999999999"),
        ("price_max", "1" + "0" * 40),
        ("price_min", "-1e30"),
        ("per_page", "-1"),
        ("page", "0"),
    ],
)
def test_out_of_range_numbers_are_refused_or_answered_never_a_crash(field, value):
    response = Client().get(API, {"q": "valve", field: value})
    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 400:
        assert field in {e["field"] for e in response.json()["errors"]}


CATEGORIES = [node.path for node in CategoryTree.default()]
valid_params = st.fixed_dictionaries(
    {},
    optional={
        "q": st.sampled_from(["", "wool", "围巾", "ball valve", "球阀", "whisky 礼盒", "ＷＯＯＬ", "zzz"]),
        "category": st.sampled_from(CATEGORIES),
        "origin": st.lists(st.sampled_from(["GB", "NZ", "IE", "IN", "CN"]), max_size=3, unique=True),
        "verified": st.just("true"),
        "cert": st.lists(st.sampled_from(sorted(CERTIFICATIONS)), max_size=2, unique=True),
        "moq_max": st.integers(1, 1000).map(str),
        "price_min": st.sampled_from(["0", "1.5", "10", "100"]),
        "currency": st.sampled_from(sorted(MINOR_UNITS)),
        "quantity": st.integers(1, 5000).map(str),
        "lead_time_max": st.integers(0, 60).map(str),
        "sample": st.just("true"),
        "sort": st.sampled_from(SORTS),
        "page": st.integers(1, 5).map(str),
        "per_page": st.integers(1, 100).map(str),
    },
)


@ONE_DB
@given(params=valid_params, ceiling=st.sampled_from([None, "5", "50.25", "1000"]))
def test_every_combination_of_known_filters_answers_200(catalog, params, ceiling):
    if ceiling is not None and float(ceiling) >= float(params.get("price_min", 0)):
        params = {**params, "price_max": ceiling}
    response = Client().get(API, params)
    assert response.status_code == 200, (params, response.content[:300])
    body = response.json()
    assert body["total"] >= len(body["items"])


def test_blank_filters_from_an_empty_form_are_ignored(catalog):
    blank = dict.fromkeys(["category", "moq_max", "price_min", "price_max", "quantity", "lead_time_max"], "")
    response = Client().get(API, {"q": "scarf", **blank})
    assert response.status_code == 200, response.content[:300]
    assert response.json()["total"] == Client().get(API, {"q": "scarf"}).json()["total"]

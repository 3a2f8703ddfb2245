"""The search pages as anonymous buyers see them: the header box, /search/ with facets, sorts,
pagination and htmx fragments, the empty state, refused filters, and /search/suppliers/."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.storefront import builders
from tradebridge.pricing.models import ExchangeRate
from tradebridge.search import services

pytestmark = pytest.mark.django_db

SEARCH = "/search/"
SUPPLIERS = "/search/suppliers/"
CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
HTMX = {"HTTP_HX_REQUEST": "true"}


def _indexed(*products):
    services.index_products([p.pk for p in products])
    return products


def _page(client, params=None, **headers):
    response = client.get(SEARCH, params or {}, **headers)
    return response, response.content.decode()


def _text(html: str) -> str:
    """The page's words without tags (a highlighted "Wool <mark>scarf</mark>" reads "Wool scarf")."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def _links(page: str, css_class: str) -> dict[str, dict[str, list[str]]]:
    """{link text: parsed query} for each <a class="… css_class …" href="/search/?…">."""
    found = {}
    for attrs, text in re.findall(rf'<a ([^>]*class="[^"]*\b{css_class}\b[^"]*"[^>]*)>(.*?)</a>', page, re.S):
        href = unescape(re.search(r'href="([^"]*)"', attrs).group(1))
        label = re.sub(r"<[^>]+>", " ", text)
        found[" ".join(label.split())] = parse_qs(urlsplit(href).query)
    return found


@pytest.fixture
def scarves():
    """Two English listings a Chinese buyer should find with 羊毛围巾, and one that should not match."""
    fashion = builders.category("fashion", name_zh="服饰")
    scarves = builders.category("fashion/scarves", name_en="Scarves", name_zh="围巾")
    mill = factories.company(kind="supplier", name="Borders Mill", verification_status="verified")
    weaver = factories.company(kind="supplier", name="Harris Weavers")
    return _indexed(
        builders.product(
            category=scarves,
            supplier=mill,
            title_en="Wool scarf",
            description_en="<p>Woven in the Scottish Borders.</p>",
            origin_country="GB",
            moq=50,
            lead_time_days=14,
            tiers=[(1, "12.50"), (200, "11.00")],
        ),
        builders.product(
            category=scarves,
            supplier=weaver,
            title_en="Tweed wool scarf",
            origin_country="IE",
            moq=500,
            lead_time_days=30,
            tiers=[(1, "9.00")],
        ),
        builders.product(category=fashion, supplier=weaver, title_en="Leather gloves", moq=10),
    )


# --- the header box -----------------------------------------------------------------------------


def test_every_page_has_the_search_box_in_its_header(client):
    for url in ("/", reverse("storefront:categories")):
        page = client.get(url).content.decode()
        form = re.search(
            r'<form class="header-search" role="search" aria-label="Search products"[^>]*'
            r'action="/search/"[^>]*>(.*?)</form>',
            page,
            re.S,
        )
        assert form, url
        assert '<label class="visually-hidden" for="header-search-q">Search products</label>' in form.group(1)
        assert 'id="header-search-q" type="search" name="q" value=""' in form.group(1)
    chinese = client.get("/", **CHINESE).content.decode()
    assert 'for="header-search-q">搜索商品</label>' in chinese


def test_the_results_page_keeps_the_query_in_the_header_box(client, scarves):
    _, page = _page(client, {"q": "围巾 <b>"})
    assert 'name="q" value="围巾 &lt;b&gt;"' in page  # escaped, in the header box and the form
    assert page.count('value="围巾 &lt;b&gt;"') == 2


# --- results ------------------------------------------------------------------------------------


def test_a_chinese_query_finds_english_listings_and_says_how_it_was_read(client, scarves):
    response, page = _page(client, {"q": "羊毛围巾"}, **CHINESE)
    assert response.status_code == 200
    assert 'lang="zh-Hans"' in page
    assert "Wool scarf" in _text(page) and "Tweed wool scarf" in _text(page) and "Leather gloves" not in page
    assert "<mark>" in page  # the matched words are highlighted
    interpretation = re.search(r'<p class="interpretation" data-interpretation>(.*?)</p>', page, re.S).group(1)
    assert "羊毛围巾" in interpretation and "→" in interpretation and "wool" in interpretation
    assert "我们搜索的是：" in interpretation  # the label is in Chinese


def test_a_result_shows_price_moq_lead_time_origin_and_badge(client, scarves):
    ExchangeRate.objects.create(base="GBP", quote="CNY", rate="9.10", valid_from=timezone.now(), source="test")
    _, page = _page(client, {"q": "wool scarf", "sort": "moq"})
    first = page.split('class="search-hit"')[1]
    assert "Wool scarf" in _text(first)
    assert "£12.50 / unit" in first and "≈ ¥113.75" in first and "for 50 units" in first
    assert "MOQ 50 units" in first and "Ships in 14 days" in first and "Made in United Kingdom" in first
    assert 'data-verification="verified"' in first and "Borders Mill" in first
    assert reverse("storefront:product", args=[scarves[0].pk]) in first


def test_the_price_follows_the_quantity_asked_for(client, scarves):
    _, page = _page(client, {"q": "wool scarf", "quantity": "200", "sort": "moq"})
    first = page.split('class="search-hit"')[1]
    assert "£11.00 / unit" in first and "for 200 units" in first


def test_the_pages_render_in_english_and_chinese(client, scarves):
    _, english = _page(client, {"q": "scarf"})
    assert "Sort by" in english and "Country of origin" in english and 'lang="en-GB"' in english
    _, chinese = _page(client, {"q": "scarf"}, **CHINESE)
    assert "Sort by" not in chinese and "Country of origin" not in chinese
    assert "排序" in chinese and "原产国" in chinese and "围巾" in chinese  # the category facet in Chinese


# --- htmx ---------------------------------------------------------------------------------------


def test_the_filter_form_and_links_update_the_results_in_place(client, scarves):
    _, page = _page(client, {"q": "scarf"})
    assert 'id="search-results"' in page
    assert 'hx-target="#search-results"' in page and 'hx-push-url="true"' in page
    assert re.search(r'<form id="search-form" method="get" action="/search/" hx-get="/search/">', page)
    facet = re.search(r'<a id="facet-[\w-]+" class="facet-link[^"]*" href="([^"]*)" hx-get="([^"]*)"', page)
    assert facet and facet.group(1) == facet.group(2)


def test_htmx_gets_only_the_results_region(client, scarves):
    response, fragment = _page(client, {"q": "scarf"}, **HTMX)
    assert response.status_code == 200
    assert "Wool scarf" in _text(fragment) and 'class="facet-link' in fragment
    assert "<html" not in fragment and 'id="search-results"' not in fragment and "header-search" not in fragment
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client, scarves):
    _, page = _page(client, {"q": "scarf"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in page and 'id="search-results"' in page


# --- facets -------------------------------------------------------------------------------------


def test_facet_links_keep_the_other_filters(client, scarves):
    _, page = _page(client, {"q": "scarf", "moq_max": "1000", "sort": "moq", "page": "1", "currency": "GBP"})
    links = _links(page, "facet-link")
    ireland = next(q for label, q in links.items() if label.startswith("Ireland"))
    assert ireland == {"q": ["scarf"], "moq_max": ["1000"], "sort": ["moq"], "currency": ["GBP"], "origin": ["IE"]}
    scarves_link = next(q for label, q in links.items() if label.startswith("Scarves"))
    assert scarves_link["category"] == ["fashion/scarves"] and scarves_link["moq_max"] == ["1000"]


def test_a_selected_facet_filters_counts_and_links_to_its_removal(client, scarves):
    _, page = _page(client, {"q": "scarf", "origin": ["GB", "IE"], "verified": "true"})
    assert "Wool scarf" in _text(page) and "Tweed wool scarf" not in _text(page)  # only Borders Mill is verified
    links = _links(page, "facet-link")
    uk = next(q for label, q in links.items() if label.startswith("United Kingdom"))
    assert uk == {"q": ["scarf"], "origin": ["IE"], "verified": ["true"]}  # unticking keeps the rest
    assert re.search(r'class="facet-link is-selected"[^>]*aria-current="true"[^>]*data-count="1"', page)
    chips = _links(page, "filter-chip")
    assert any(q == {"q": ["scarf"], "origin": ["GB", "IE"]} for q in chips.values())  # remove "verified"
    # The selections ride along as hidden inputs, so the sort and typed filters keep them.
    assert '<input type="hidden" name="origin" value="IE">' in page
    assert '<input type="hidden" name="verified" value="true">' in page


def test_the_category_facet_is_a_tree(client, scarves):
    _, page = _page(client, {"q": "scarf"})
    assert re.search(r'<li class="facet-depth-0"><a [^>]*>.*?Fashion.*?</a></li>', page, re.S)
    assert re.search(r'<li class="facet-depth-1"><a [^>]*>.*?Scarves.*?</a></li>', page, re.S)


def test_typed_filters_narrow_the_results(client, scarves):
    _, page = _page(client, {"q": "scarf", "moq_max": "100", "lead_time_max": "20"})
    assert "Wool scarf" in _text(page) and "Tweed wool scarf" not in _text(page)
    assert 'name="moq_max" type="number"' in page and 'value="100"' in page


# --- pagination and sorts -----------------------------------------------------------------------


def test_pagination_keeps_the_query_and_filters(client):
    teapots = [builders.product(title_en=f"Bone china teapot {n}", origin_country="GB") for n in range(30)]
    _indexed(*teapots)
    _, page = _page(client, {"q": "teapot", "origin": "GB", "sort": "newest"})
    assert page.count('class="search-hit"') == 24
    assert "Showing 1–24 of 30 listings" in page
    href = re.search(r'<a href="([^"]*)" hx-get="[^"]*" hx-swap="[^"]*" aria-label="Page 2">2</a>', page).group(1)
    two = parse_qs(urlsplit(unescape(href)).query)
    assert two == {"q": ["teapot"], "origin": ["GB"], "sort": ["newest"], "page": ["2"]}
    _, second = _page(client, two)
    assert second.count('class="search-hit"') == 6 and 'aria-current="page">2<' in second


def test_sort_menu_lists_every_sort(client, scarves):
    _, page = _page(client, {"q": "scarf", "sort": "newest"})
    menu = re.search(r'<select id="sort" name="sort" data-autosubmit>(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'value="(\w+)"', menu) == ["relevance", "price", "newest", "moq"]
    assert '<option value="newest" selected>' in menu


# --- the empty state ----------------------------------------------------------------------------


def test_an_empty_result_offers_broader_searches_and_removing_filters(client, scarves):
    response, page = _page(client, {"q": "wool scarf", "moq_max": "1", "origin": "GB"})
    assert response.status_code == 200
    assert "data-empty" in page and 'class="search-hit"' not in page
    chips = _links(page.split("data-empty", 1)[1], "filter-chip")
    assert {"q": ["wool scarf"], "origin": ["GB"]} in chips.values()  # without "minimum order ≤ 1"
    assert {"q": ["wool scarf"], "moq_max": ["1"]} in chips.values()


def test_an_empty_result_links_its_suggestions(client, scarves):
    _, page = _page(client, {"q": "tweed scarf", "cert": "organic"})  # no listing is organic
    assert "data-empty" in page
    suggestions = re.findall(r'<a href="([^"]*)" hx-get="[^"]*" data-suggestion>([^<]*)</a>', page)
    assert "scarf" in [unescape(text) for _, text in suggestions]
    for href, text in suggestions:  # each one a new search for just those words, filters dropped
        assert parse_qs(urlsplit(unescape(href)).query) == {"q": [unescape(text)]}


def test_nothing_typed_lists_every_listing(client, scarves):
    response, page = _page(client)
    assert response.status_code == 200 and page.count('class="search-hit"') == 3


# --- refused input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "scarf", "moq_max": "lots"}, "moq_max"),
        ({"q": "scarf", "price_min": "-5"}, "price_min"),
        ({"q": "scarf", "sort": "cheapest"}, "sort"),
        ({"q": "scarf", "currency": "XXX"}, "currency"),
        ({"q": "scarf", "page": "0"}, "page"),
    ],
)
def test_a_refused_filter_is_a_400_page_with_the_message(client, scarves, params, field):
    response, page = _page(client, params)
    assert response.status_code == 400
    assert "<html" in page and "data-search-errors" in page
    errors = re.search(r"<div class=\"form-errors\" role=\"alert\" data-search-errors>(.*?)</div>", page, re.S).group(1)
    assert re.search(r"<li>\S.*</li>", errors)
    assert 'name="q" value="scarf"' in page  # the query survives, to fix the filter and go on
    assert 'class="search-hit"' not in page


def test_a_refused_typed_filter_is_marked_on_its_field(client, scarves):
    _, page = _page(client, {"q": "scarf", "moq_max": "lots"})
    assert 'class="number-field field-invalid"' in page and 'id="moq_max-error"' in page
    assert "<li>Minimum order at most: " in page  # the summary names the field as the form does
    _, chinese = _page(client, {"q": "scarf", "moq_max": "lots"}, **CHINESE)
    errors = re.search(r"data-search-errors>(.*?)</div>", chinese, re.S).group(1)
    assert re.search(r"[\u4e00-\u9fff]", errors)


def test_a_refused_filter_over_htmx_is_a_400_fragment(client, scarves):
    response, fragment = _page(client, {"q": "scarf", "lead_time_max": "soon"}, **HTMX)
    assert response.status_code == 400 and "<html" not in fragment and "data-search-errors" in fragment


# --- queries ------------------------------------------------------------------------------------


def _catalog(size):
    category = builders.category("home/teaware")
    for n in range(size):
        supplier = factories.company(kind="supplier", verification_status="verified" if n % 2 else "unverified")
        product = builders.product(
            category=category,
            supplier=supplier,
            title_en=f"Porcelain teapot {n}",
            origin_country="GB" if n % 3 else "IE",
            certifications=["fsc"] if n % 2 else [],
            tiers=[(1, "4.00"), (100, "3.50")],
        )
        builders.image(product)
        _indexed(product)


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SEARCH, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("sort", ["relevance", "price", "newest", "moq"])
def test_the_results_page_queries_do_not_grow_with_the_results(client, sort):
    params = {"q": "teapot", "sort": sort, "origin": "GB"}
    _catalog(3)
    small = _queries(client, params)
    _catalog(30)
    assert _queries(client, params) == small


# --- suppliers ----------------------------------------------------------------------------------


@pytest.fixture
def mills():
    """Two suppliers with listings, one without (not found: a buyer cannot trade with it), a buyer."""
    for name, sector, region in [
        ("Borders Mill", "fashion", "Scottish Borders"),
        ("Highland Shortbread", "food_drink", "Inverness"),
    ]:
        builders.product(supplier=factories.company(kind="supplier", name=name, sector=sector, region=region))
    factories.company(kind="supplier", name="Empty Mill", sector="fashion")
    factories.company(kind="buyer", name="Shanghai Mill Importers", country="CN")


def test_supplier_search_by_name_sector_and_region(client, mills):
    response = client.get(SUPPLIERS, {"q": "mill"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Borders Mill" in _text(page) and "Highland Shortbread" not in page
    assert "Shanghai" not in page and "Empty" not in page
    page = client.get(SUPPLIERS, {"sector": "food_drink"}).content.decode()
    assert "Highland Shortbread" in page and "Borders Mill" not in page
    page = client.get(SUPPLIERS, {"region": "Inverness"}).content.decode()
    assert "Highland Shortbread" in page and "Borders Mill" not in page


def test_supplier_search_in_chinese_with_htmx(client, mills):
    page = client.get(SUPPLIERS, {"q": "mill"}, **CHINESE).content.decode()
    assert 'lang="zh-Hans"' in page and "行业" in page
    response = client.get(SUPPLIERS, {"q": "mill"}, **HTMX)
    assert response.status_code == 200 and "<html" not in response.content.decode()


def test_supplier_search_refuses_an_unknown_sector(client, mills):
    response = client.get(SUPPLIERS, {"sector": "space_travel"})
    assert response.status_code == 400 and "data-search-errors" in response.content.decode()


# --- similar products on the product page -------------------------------------------------------


def test_the_product_page_shows_similar_listings_from_search(client):
    valves = builders.category("industrial/valves", name_en="Valves")
    fittings = builders.category("industrial/fittings", name_en="Fittings")
    product, same_words, other_category, unrelated = _indexed(
        builders.product(category=valves, title_en="Stainless steel ball valve"),
        builders.product(category=valves, title_en="Brass ball valve", title_zh="黄铜球阀"),
        builders.product(category=fittings, title_en="Stainless steel elbow"),
        builders.product(category=fittings, title_en="Garden hose"),
    )
    page = client.get(reverse("storefront:product", args=[product.pk])).content.decode()
    similar = page.split('class="similar-products"', 1)[1]
    assert similar.count('data-similar="search"') == 2
    assert reverse("storefront:product", args=[same_words.pk]) in similar
    assert reverse("storefront:product", args=[other_category.pk]) in similar  # shares "stainless steel"
    assert reverse("storefront:product", args=[unrelated.pk]) not in similar
    assert similar.index("Brass ball valve") < similar.index("Stainless steel elbow")  # its category first
    chinese = client.get(reverse("storefront:product", args=[product.pk]), **CHINESE).content.decode()
    assert "黄铜球阀" in chinese.split('class="similar-products"', 1)[1]


def test_similar_listings_cost_the_same_queries_however_many(client):
    valves = builders.category("industrial/valves")
    product = builders.product(category=valves, title_en="Ball valve")
    _indexed(product, builders.product(category=valves, title_en="Ball valve two"))
    few = _queries_for(client, reverse("storefront:product", args=[product.pk]))
    for n in range(8):
        other = builders.product(category=valves, title_en=f"Ball valve {n}")
        builders.image(other)
        _indexed(other)
    assert _queries_for(client, reverse("storefront:product", args=[product.pk])) == few


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_page_past_the_end_links_back_to_the_first(client, scarves):
    response, page = _page(client, {"q": "scarf", "page": "9", "origin": "GB"})
    assert response.status_code == 200
    assert "data-past-the-end" in page and "data-empty" not in page
    href = re.search(r'data-past-the-end>.*?<a href="([^"]*)"', page, re.S).group(1)
    assert parse_qs(urlsplit(unescape(href)).query) == {"q": ["scarf"], "origin": ["GB"]}


def test_listing_text_cannot_inject_html_through_the_highlighting(client):
    supplier = factories.company(kind="supplier", name="<b>Evil</b> scarf mill")
    _indexed(
        builders.product(
            supplier=supplier,
            title_en='<img src=x onerror="alert(1)"> scarf',
            description_en="<script>alert(2)</script> scarf &amp; more",
        )
    )
    _, page = _page(client, {"q": "scarf"})
    assert "search-hit" in page
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    assert "&lt;img src=x" in page  # shown as text, with the match still marked
    suppliers = client.get(SUPPLIERS, {"q": "scarf"}).content.decode()
    assert "<b>Evil</b>" not in suppliers and "&lt;b&gt;Evil&lt;/b&gt;" in suppliers


def test_when_no_listing_has_every_word_the_page_says_so(client, scarves):
    _, page = _page(client, {"q": "leather scarf"})  # gloves are leather, scarves are wool
    assert "data-relaxed" in page and "No listing matched every word" in page
    assert "Leather gloves" in _text(page) and "Wool scarf" in _text(page)
    _, exact = _page(client, {"q": "wool scarf"})
    assert "data-relaxed" not in exact


def test_the_sorts_order_the_results(client, scarves):
    ExchangeRate.objects.create(base="GBP", quote="CNY", rate="9.10", valid_from=timezone.now(), source="test")

    def titles(sort):
        _, page = _page(client, {"q": "scarf", "sort": sort})
        return [_text(t).strip() for t in re.findall(r'class="search-hit-title">(.*?)</h3>', page, re.S)]

    assert titles("price") == ["Tweed wool scarf", "Wool scarf"]  # £9.00 before £12.50
    _, page = _page(client, {"q": "scarf", "sort": "price"})
    note = re.search(r"<summary>Exchange rates used</summary><p class=\"help\" data-rate-note>(.*?)</p>", page).group(1)
    assert "1 GBP = 9.1 CNY" in note  # which rate compared the prices
    assert titles("moq") == ["Wool scarf", "Tweed wool scarf"]  # 50 before 500


def test_prices_in_another_display_currency(client, scarves):
    ExchangeRate.objects.create(base="GBP", quote="USD", rate="1.25", valid_from=timezone.now(), source="test")
    _, page = _page(client, {"q": "wool scarf", "sort": "moq", "currency": "USD"})
    first = page.split('class="search-hit"')[1]
    assert "£12.50 / unit" in first and "≈ $15.63" in first
    assert '<option value="USD" selected>' in page and "Unit price in USD" in page
    _, same = _page(client, {"q": "wool scarf", "sort": "moq", "currency": "GBP"})
    assert "≈" not in same.split('class="search-hit"')[1]  # nothing to convert

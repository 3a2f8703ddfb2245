"""The buyer pages as anonymous visitors see them, in English and Chinese."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.storefront import builders
from tradebridge.storefront import selectors, views

pytestmark = pytest.mark.django_db

CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
HTMX = {"HTTP_HX_REQUEST": "true"}


def _product_url(product):
    return reverse("storefront:product", args=[product.pk])


def _category_url(path):
    return reverse("storefront:category", args=[path])


def test_categories_page_shows_the_tree_with_counts(client):
    builders.category("food", name_zh="食品")
    biscuits = builders.category("food/biscuits", name_en="Biscuits", name_zh="饼干")
    builders.product(category=biscuits)
    builders.product(category=biscuits)

    page = client.get(reverse("storefront:categories")).content.decode()

    assert "Biscuits" in page and 'data-count="2"' in page
    assert _category_url("food/biscuits") in page
    chinese = client.get(reverse("storefront:categories"), **CHINESE).content.decode()
    assert "饼干" in chinese and "食品" in chinese


def test_categories_page_without_categories_says_so(client):
    response = client.get(reverse("storefront:categories"))
    assert response.status_code == 200
    assert "empty-state" in response.content.decode()


def test_category_page_shows_published_products_only(client):
    food = builders.category("food")
    builders.product(category=food, title_en="Highland shortbread")
    builders.product(category=food, title_en="Secret unreleased fudge", published=False)

    response = client.get(_category_url("food"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Highland shortbread" in page
    assert "Secret unreleased fudge" not in page


def test_a_card_shows_price_moq_and_the_suppliers_badge(client):
    food = builders.category("food")
    supplier = factories.company(kind="supplier", name="Highland Bakers", verification_status="verified")
    builders.product(category=food, supplier=supplier, moq=1000, tiers=[(1, "0.0050"), (10000, "0.0035")])
    page = client.get(_category_url("food")).content.decode()
    assert "£0.0035" in page
    assert "1,000" in page
    assert "Highland Bakers" in page and 'data-verification="verified"' in page


def test_empty_category_has_an_empty_state(client):
    builders.category("food")
    page = client.get(_category_url("food")).content.decode()
    assert "empty-state" in page and "product-card" not in page


def test_unknown_category_and_products_are_404(client):
    assert client.get(_category_url("no/such/place")).status_code == 404
    assert client.get(reverse("storefront:product", args=[424242])).status_code == 404


def test_a_draft_product_is_not_visible_to_buyers(client, client_for, buyer):
    draft = builders.product(published=False, title_en="Not yet for sale")
    assert client.get(_product_url(draft)).status_code == 404
    assert client_for(buyer).get(_product_url(draft)).status_code == 404


def test_product_page_for_an_anonymous_visitor(client):
    category = builders.category("food/biscuits", name_en="Biscuits")
    supplier = factories.company(kind="supplier", name="Highland Bakers", name_zh="高地烘焙", region="Inverness")
    product = builders.product(
        category=category,
        supplier=supplier,
        title_en="All-butter shortbread",
        description_en="<p>Baked in <strong>Scotland</strong>.</p>",
        hs_code="190531",
        origin_country="GB",
        certifications=["organic", "halal"],
        moq=100,
        order_multiple=12,
        lead_time_days=14,
        sample_available=True,
        sample_price=Decimal("4.50"),
        tiers=[(1, "1.2000"), (500, "0.9500")],
    )
    builders.image(product, "https://cdn.example.com/main.jpg", position=0)
    builders.image(product, "https://cdn.example.com/side.jpg", position=1)
    builders.variant(product, "SB-RED", options={"Tin": "Red"}, stock_on_hand=98765)
    builders.variant(product, "SB-BLUE", options={"Tin": "Blue"}, stock_on_hand=0)

    response = client.get(_product_url(product))

    page = response.content.decode()
    assert response.status_code == 200
    assert "All-butter shortbread" in page
    assert 'src="https://cdn.example.com/main.jpg"' in page  # supplier URLs are shown as they are
    assert "https://cdn.example.com/side.jpg" in page
    assert reverse("companies:profile", args=[supplier.pk]) in page
    assert "高地烘焙" in page and "Inverness" in page and "United Kingdom" in page
    assert "1905.31" in page
    assert "Organic" in page and "有机" in page and "清真" in page
    assert "£1.20" in page and "£0.95" in page
    assert "From 504 units" in page  # 500+ tier, rounded up to the multiple of 12
    assert "14 days" in page and "£4.50" in page
    assert "<strong>Scotland</strong>" in page
    assert 'data-stock="in"' in page and 'data-stock="out"' in page
    assert "98765" not in page and "98,765" not in page  # stock levels stay private
    assert 'id="landed-cost"' in page
    assert 'href="/categories/food/biscuits/"' in page


def test_tier_table_shows_a_sub_penny_price(client):
    product = builders.product(tiers=[(1, "0.005000"), (10000, "0.003500")])
    page = client.get(_product_url(product)).content.decode()
    assert 'data-unit-price="0.003500"' in page
    assert "£0.0035<" in page and "£0.0050<" in page  # one column, one number of decimals


def test_description_html_cannot_run_script(client):
    product = builders.product(description_en='<p>Nice</p><script>alert("x")</script><img src=x onerror=alert(1)>')
    page = client.get(_product_url(product)).content.decode()
    assert "<p>Nice</p>" in page
    assert 'alert("x")' not in page and "onerror" not in page


def test_similar_products_are_linked(client):
    food = builders.category("food")
    product = builders.product(category=food)
    other = builders.product(category=food, title_en="Oatcakes")
    page = client.get(_product_url(product)).content.decode()
    assert "Oatcakes" in page and _product_url(other) in page


@pytest.mark.parametrize("how", ["header", "cookie"])
def test_chinese_ui_shows_the_chinese_title_and_the_machine_label(client, how):
    product = builders.product(title_en="Shortbread", title_zh="黄油酥饼", title_zh_machine=True)
    if how == "cookie":
        client.cookies["tb_language"] = "zh-hans"
        response = client.get(_product_url(product))
    else:
        response = client.get(_product_url(product), **CHINESE)
    page = response.content.decode()
    assert '<h1 lang="zh-Hans">黄油酥饼</h1>' in page
    assert "data-machine-translated" in page


def test_a_human_chinese_title_has_no_machine_label(client):
    product = builders.product(title_en="Shortbread", title_en_machine=True, title_zh="黄油酥饼")
    page = client.get(_product_url(product), **CHINESE).content.decode()
    assert "黄油酥饼" in page
    assert "data-machine-translated" not in page
    # The same product in English shows the machine-written English title, labelled.
    english = client.get(_product_url(product)).content.decode()
    assert '<h1 lang="en-GB">Shortbread</h1>' in english and "data-machine-translated" in english


def test_a_blank_chinese_title_falls_back_to_english_without_a_label(client):
    product = builders.product(title_en="Shortbread", title_zh="", title_zh_machine=True)
    page = client.get(_product_url(product), **CHINESE).content.decode()
    assert '<h1 lang="en-GB">Shortbread</h1>' in page
    assert "data-machine-translated" not in page


def test_sort_select_updates_the_results_in_place(client):
    food = builders.category("food")
    builders.product(category=food)
    page = client.get(_category_url("food")).content.decode()
    assert 'hx-get="/categories/food/"' in page
    assert 'hx-target="#product-results"' in page and 'hx-push-url="true"' in page
    assert 'id="product-results"' in page


def test_htmx_gets_only_the_results(client):
    food = builders.category("food")
    builders.product(category=food, title_en="Oatcakes")
    response = client.get(_category_url("food"), {"sort": "price"}, **HTMX)
    fragment = response.content.decode()
    assert response.status_code == 200
    assert "Oatcakes" in fragment
    assert "<html" not in fragment and 'id="product-results"' not in fragment
    assert 'data-sort="price"' in fragment
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    builders.category("food")
    response = client.get(_category_url("food"), HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_pagination_keeps_the_sort(client):
    food = builders.category("food")
    for _ in range(selectors.PAGE_SIZE + 1):
        builders.product(category=food)
    page = client.get(_category_url("food"), {"sort": "moq"}).content.decode()
    assert "?sort=moq&amp;page=2" in page


def test_sort_choices_match_the_selector():
    assert [value for value, _ in views.SORT_CHOICES] == list(selectors.SORTS)


def _catalog(size):
    food = builders.category("food")
    biscuits = builders.category("food/biscuits")
    builders.category("food/tea")
    for n in range(size):
        supplier = factories.company(kind="supplier")
        product = builders.product(
            category=biscuits if n % 2 else food, supplier=supplier, tiers=[(1, "1.00"), (100, "0.50")]
        )
        builders.image(product, position=0)
        builders.image(product, position=1)
        builders.variant(product)


def _queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("sort", selectors.SORTS)
def test_category_page_queries_do_not_grow_with_the_catalog(client, sort, django_assert_max_num_queries):
    _catalog(2)
    small = _queries(client, _category_url("food"), sort=sort)
    _catalog(30)
    large = _queries(client, _category_url("food"), sort=sort)
    assert small == large
    # Categories, counts, subcategories, page count, products, tiers, covers (+3 to sort by price).
    with django_assert_max_num_queries(9):
        client.get(_category_url("food"), {"sort": sort})


def test_product_page_queries_do_not_grow_with_variants_and_images(client, django_assert_max_num_queries):
    food = builders.category("food")
    small = builders.product(category=food)
    builders.variant(small)
    large = builders.product(category=food)
    for n in range(20):
        builders.variant(large)
        builders.image(large, position=n)
    for _ in range(6):
        builders.product(category=food)
    assert _queries(client, _product_url(small)) == _queries(client, _product_url(large))
    # Product, variants, tiers, images, breadcrumbs and the rates; then the similar products: the
    # search document, its matches, their rates and three for the cards (or, unindexed, the
    # category's three). tests/search/test_pages.py covers the indexed path.
    with django_assert_max_num_queries(12):
        client.get(_product_url(large))

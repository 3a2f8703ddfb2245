"""Search in a real browser: a Chinese buyer types 羊毛围巾 in the header box, finds English
listings, narrows them with a facet and pages through them, all without a full page load."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.storefront import builders
from tradebridge.search import services

pytestmark = pytest.mark.browser


def _catalog() -> None:
    """30 English scarves (24 to a page): 26 from a British mill, 4 from an Irish one."""
    scarves = builders.category("fashion/scarves", name_en="Scarves", name_zh="围巾")
    mill = factories.company(kind="supplier", name="Borders Mill", verification_status="verified")
    weaver = factories.company(kind="supplier", name="Donegal Weavers")
    products = [
        builders.product(
            category=scarves,
            supplier=mill if n < 26 else weaver,
            title_en=f"Lambswool wool scarf no. {n}",
            origin_country="GB" if n < 26 else "IE",
            moq=20 + n,
            tiers=[(1, "12.50")],
        )
        for n in range(30)
    ]
    builders.product(title_en="Leather gloves", origin_country="GB")
    services.index_products([p.pk for p in products])


def _mark_the_document(page: Page) -> None:
    # A full page load gives a new window object and drops this; an htmx swap keeps it.
    page.evaluate("window.__sameDocument = true")


def _still_the_same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")


@pytest.mark.django_db(transaction=True)
def test_a_chinese_buyer_searches_filters_and_pages_in_place(page: Page, checkpoint):
    _catalog()
    with checkpoint("switch the site to Chinese"):
        page.goto("/categories/")
        page.get_by_role("button", name="简体中文").click()
        expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    with checkpoint("type 羊毛围巾 in the header box"):
        box = page.get_by_role("search").get_by_label("搜索商品")
        box.fill("羊毛围巾")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q="))
    with checkpoint("see English listings, highlighted, and how the query was read"):
        expect(page.locator(".search-hit")).to_have_count(24)
        expect(page.locator(".search-hit-title").first).to_contain_text("scarf")
        expect(page.locator(".search-hit-title mark").first).to_be_visible()
        expect(page.locator("[data-interpretation]")).to_contain_text("→")
        expect(page.locator("#results-summary")).to_contain_text("30")
        expect(page.get_by_role("search").get_by_label("搜索商品")).to_have_value("羊毛围巾")
        expect(page.locator(".search-hit").filter(has_text="Leather gloves")).to_have_count(0)
    _mark_the_document(page)
    with checkpoint("click the Ireland facet; the results change in place"):
        page.locator('[data-facet="origin"] .facet-link', has_text="爱尔兰").click()
        page.wait_for_url(re.compile(r"origin=IE"))
        expect(page.locator(".search-hit")).to_have_count(4)
        expect(page.locator(".search-hit").first).to_contain_text("Donegal Weavers")
        expect(page.locator('[data-facet="origin"] .facet-link.is-selected')).to_contain_text("爱尔兰")
        expect(page.locator("#facet-origin-IE")).to_be_focused()  # the swap keeps a keyboard user's place
        assert _still_the_same_document(page)
    with checkpoint("untick it and page to the second page in place"):
        page.locator('[data-facet="origin"] .facet-link.is-selected').click()
        page.wait_for_url(lambda url: "origin=" not in url)
        expect(page.locator(".search-hit")).to_have_count(24)
        page.locator(".search-pagination a[rel=next]").click()
        page.wait_for_url(re.compile(r"page=2"))
        expect(page.locator(".search-hit")).to_have_count(6)
        expect(page.locator('.search-pagination [aria-current="page"]')).to_have_text("2")
        assert _still_the_same_document(page)
    with checkpoint("sort by minimum order with the menu, in place"):
        page.select_option("#sort", "moq")
        page.wait_for_url(re.compile(r"sort=moq"))
        expect(page.locator("[data-moq]").first).to_have_attribute("data-moq", "20")
        assert "page=" not in page.url
        assert "moq_max=" not in page.url  # blank fields stay out of the address
        assert _still_the_same_document(page)
    with checkpoint("a price range the wrong way round is refused in place, with the reason"):
        page.fill("#price_min", "100")
        page.fill("#price_max", "10")
        page.locator(".number-filters button[type=submit]").click()
        expect(page.locator("[data-search-errors]")).to_be_visible()
        expect(page.locator("[data-search-errors] li")).to_contain_text("最低价格高于最高价格")
        expect(page.locator(".search-hit")).to_have_count(0)
        assert _still_the_same_document(page)
        assert "price_min=100&price_max=10" in page.url  # the refused state is a URL too, so back leaves it
        page.go_back()
        page.wait_for_url(lambda url: "price_min=100" not in url)
        expect(page.locator(".search-hit")).to_have_count(24)
    with checkpoint("back goes to the previous results"):
        page.go_back()
        page.wait_for_url(re.compile(r"page=2"))
        expect(page.locator(".search-hit")).to_have_count(6)


@pytest.mark.django_db(transaction=True)
def test_a_buyer_finds_a_supplier_by_name_and_sector_in_place(page: Page, checkpoint):
    for name, sector in [("Borders Mill", "fashion"), ("Mill Lane Bakery", "food_drink"), ("Harris Tweed", "fashion")]:
        builders.product(supplier=factories.company(kind="supplier", name=name, sector=sector))
    with checkpoint("search suppliers by name"):
        page.goto("/search/suppliers/")
        _mark_the_document(page)
        page.get_by_label("Name or keywords").fill("mill")
        page.locator(".supplier-search-submit button").click()
        page.wait_for_url(re.compile(r"/search/suppliers/\?q=mill$"))
        expect(page.locator(".supplier-hit")).to_have_count(2)
        expect(page.locator(".supplier-hit-name mark").first).to_have_text(re.compile("mill", re.I))
    with checkpoint("narrow to a sector with its facet"):
        page.locator('[data-facet="sector"] .facet-link', has_text="Food and drink").click()
        page.wait_for_url(re.compile(r"sector=food_drink"))
        expect(page.locator(".supplier-hit")).to_have_count(1)
        expect(page.locator(".supplier-hit")).to_contain_text("Mill Lane Bakery")
        assert _still_the_same_document(page)

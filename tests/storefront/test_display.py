"""How prices, codes and bilingual texts read on the buyer pages."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from tradebridge.catalog import pricing
from tradebridge.storefront import display


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        ("0.003500", "GBP", "£0.0035"),
        ("0.000001", "GBP", "£0.000001"),
        ("1.500000", "GBP", "£1.50"),
        ("2", "GBP", "£2.00"),
        ("1234.5", "EUR", "€1,234.50"),
        ("120.000000", "JPY", "JP¥120"),
        ("12.25", "SEK", "SEK 12.25"),
        ("8.8", "CNY", "¥8.80"),
    ],
)
def test_unit_prices_keep_sub_penny_digits_and_at_least_the_minor_unit(amount, currency, shown):
    assert display.format_unit_price(Decimal(amount), currency) == shown


def test_no_price_is_blank():
    assert display.format_unit_price(None, "GBP") == ""


@pytest.mark.parametrize(("code", "shown"), [("1905", "1905"), ("190531", "1905.31"), ("6117100000", "6117.10.00.00")])
def test_hs_codes_are_grouped_as_people_write_them(code, shown):
    assert display.format_hs_code(code) == shown


def _terms(moq, multiple, *tiers):
    return pricing.Terms.of(
        moq=moq,
        order_multiple=multiple,
        tiers=[pricing.Tier(q, Decimal(p)) for q, p in tiers],
    )


def test_tier_rows_start_at_the_first_quantity_a_buyer_can_order():
    # MOQ 100 in multiples of 12: the 1-unit tier is unreachable (108 already falls in the
    # 50+ tier), the 50+ tier starts at 108 and the 500+ tier at 504.
    rows = display.tier_rows(_terms(100, 12, (1, "1.00"), (50, "0.90"), (500, "0.80")))
    assert [(r.quantity, r.unit_price) for r in rows] == [(108, Decimal("0.90")), (504, Decimal("0.80"))]


def test_tier_rows_of_simple_terms_follow_the_tiers():
    rows = display.tier_rows(_terms(1, 1, (1, "0.0050"), (10000, "0.0035")))
    assert [(r.quantity, r.unit_price) for r in rows] == [(1, Decimal("0.0050")), (10000, Decimal("0.0035"))]


def test_no_tiers_no_rows_and_no_price_at_moq():
    terms = _terms(10, 1)
    assert display.tier_rows(terms) == []
    assert display.price_at_moq(terms) is None


def test_price_at_moq_uses_the_tier_the_smallest_order_falls_in():
    assert display.price_at_moq(_terms(100, 1, (1, "5.00"), (100, "0.50"))) == Decimal("0.50")


def _product(**fields):
    base = {
        "title_en": "",
        "title_zh": "",
        "title_en_machine": False,
        "title_zh_machine": False,
    }
    return SimpleNamespace(**(base | fields))


def test_chinese_ui_shows_the_chinese_title_with_its_machine_flag():
    product = _product(title_en="Shortbread", title_zh="黄油酥饼", title_zh_machine=True)
    shown = display.shown_text(product, "title", "zh-hans")
    assert (shown.text, shown.language, shown.machine, shown.html_lang) == ("黄油酥饼", "zh", True, "zh-Hans")
    english = display.shown_text(product, "title", "en")
    assert (english.text, english.machine) == ("Shortbread", False)


def test_a_blank_text_falls_back_to_the_other_language_and_its_own_flag():
    product = _product(title_en="Shortbread", title_zh="  ", title_zh_machine=True)
    shown = display.shown_text(product, "title", "zh-hans")
    assert (shown.text, shown.language, shown.machine) == ("Shortbread", "en", False)
    product = _product(title_zh="黄油酥饼", title_zh_machine=True)
    shown = display.shown_text(product, "title", "en")
    assert (shown.text, shown.machine) == ("黄油酥饼", True)


def test_category_names_follow_the_ui_language_with_fallback():
    category = SimpleNamespace(name_en="Biscuits", name_zh="饼干")
    assert display.category_name(category, "zh-hans") == "饼干"
    assert display.category_name(category, "en") == "Biscuits"
    assert display.category_name(SimpleNamespace(name_en="Tea", name_zh=""), "zh-hans") == "Tea"


def test_descriptions_are_sanitised_before_they_are_marked_safe():
    html = display.safe_description('<p onclick="x()">Hi<script>alert(1)</script></p><img src=x onerror=y>')
    assert "script" not in html and "onclick" not in html and "onerror" not in html
    assert "<p>Hi</p>" in html

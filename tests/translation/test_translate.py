"""Dictionary translation of real listing titles, both ways, and of HTML descriptions."""

from __future__ import annotations

import pytest

from tradebridge.translation import dictionary_mt, translate_html


def en_zh(text: str) -> str:
    return dictionary_mt.translate(text, source="en", target="zh")


def zh_en(text: str) -> str:
    return dictionary_mt.translate(text, source="zh", target="en")


def test_lambswool_scarf_navy():
    out = en_zh("Lambswool Scarf Navy")
    assert "羔羊毛" in out and "围巾" in out and "藏青" in out
    assert out.index("羔羊毛") < out.index("围巾")


def test_whisky_title_keeps_age_and_converts_volume():
    out = en_zh("Single Malt Scotch Whisky 12 Year Old 70cl")
    assert "单一麦芽" in out and "威士忌" in out
    assert "12年" in out
    assert "700毫升" in out  # 70cl, as Chinese labels state it


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Walkers Pure Butter Shortbread Fingers 150g", ["Walkers", "黄油酥饼", "150克"]),
        ("Stainless Steel Ball Valve DN50 PN16", ["不锈钢球阀", "DN50", "PN16"]),
        ("Pack of 12 Shortbread Biscuits", ["12件装", "饼干"]),
        ("Men's Chelsea Boots Brown Suede UK 9", ["男士", "切尔西靴", "棕色", "英码9"]),
        ("Organic Infant Formula Stage 1 800g", ["有机", "婴儿配方奶粉", "1段", "800克"]),
        ("Vitamin C 1000mg 60 Tablets", ["维生素C", "1000毫克", "60片"]),
        ("Kids Waterproof Jacket Navy 2-3 Years", ["儿童", "防水夹克", "2-3岁"]),
        ("USB-C Cable 2m Fast Charging", ["Type-C数据线", "2米", "快充"]),
        ("Salt & Vinegar Crisps 6 x 25g", ["盐醋味", "薯片", "6×25克"]),
        ("Cashmere Cardigan - Oatmeal, Size M", ["羊绒开衫", "燕麦色", "M码"]),
    ],
)
def test_listing_titles(title, expected):
    out = en_zh(title)
    for part in expected:
        assert part in out, (title, out)


def test_brands_and_model_codes_are_kept_as_written():
    out = en_zh("Johnstons of Elgin Cashmere Scarf Camel")
    assert out.startswith("Johnstons of Elgin ")
    assert "羊绒围巾" in out and "驼色" in out


def test_origins_move_before_the_product():
    assert en_zh("Honey from Scotland") == "苏格兰蜂蜜"
    assert en_zh("Tweed Flat Cap Made in Scotland").endswith("苏格兰制造")
    assert "康沃尔制造" in en_zh("Handmade Teapot, Made in Cornwall")


def test_colour_words_that_are_also_products_read_as_colours_after_the_product():
    assert en_zh("Cashmere Scarf Cream") == "羊绒围巾 奶油色"
    assert en_zh("Clotted Cream") == "凝脂奶油"
    assert en_zh("Chocolate Shortbread").startswith("巧克力")


def test_chinese_runs_together_and_latin_is_spaced():
    out = en_zh("Cashmere Scarf USB-C")
    assert "羊绒围巾" in out and " USB-C" in out


def test_lowercase_words_missing_from_the_glossary_fall_back_to_cedict():
    out = en_zh("this scarf is very warm and fluffy")
    assert "围巾" in out and "蓬松" in out


def test_text_with_nothing_to_translate_survives():
    assert en_zh("") == ""
    assert en_zh("XJ-900 Pro") == "XJ-900 Pro"


def test_same_language_is_returned_unchanged():
    assert dictionary_mt.translate("Scarf", source="en", target="en") == "Scarf"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        dictionary_mt.translate("Scarf", source="en", target="fr")


def test_stainless_steel_ball_valve_to_english():
    out = zh_en("不锈钢球阀")
    assert "stainless steel" in out and "ball valve" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("羊毛围巾 藏青色", ["wool", "scarf", "navy"]),
        ("12年单一麦芽苏格兰威士忌700毫升", ["12 years", "single malt", "Scotch whisky", "700ml"]),
        ("黄油酥饼礼盒，苏格兰制造", ["shortbread", "gift box", ", made in Scotland"]),
        ("有机婴儿配方奶粉1段", ["organic", "infant formula", "stage 1"]),
        ("圍巾", ["scarf"]),  # traditional characters
        ("ＤＮ５０ 球阀", ["DN50", "ball valve"]),  # full-width Latin
        ("我们出口羊绒围巾。", ["export", "cashmere scarf", "."]),  # CEDICT for the rest
    ],
)
def test_chinese_to_english(text, expected):
    out = zh_en(text)
    for part in expected:
        assert part in out, (text, out)


def test_translate_html_keeps_markup_and_translates_text():
    html = (
        '<p class="lead">Lambswool <b>Scarf</b> &amp; Gloves</p>'
        '<img src="/s.jpg" alt="x"><br>'
        "<script>var t = '<b>Scarf</b>';</script>"
        '<span translate="no">Navy</span><!-- note -->'
    )
    out = dictionary_mt.translate_html(html, source="en", target="zh")
    assert out.startswith('<p class="lead">羔羊毛 <b>围巾</b> 和手套</p>')
    assert '<img src="/s.jpg" alt="x"><br>' in out
    assert "<script>var t = '<b>Scarf</b>';</script>" in out
    assert '<span translate="no">Navy</span><!-- note -->' in out


def test_translate_html_escapes_what_it_inserts():
    out = dictionary_mt.translate_html("<p>Scarf &lt;3</p>", source="en", target="zh")
    assert out == "<p>围巾 &lt;3</p>"


def test_public_translate_html_goes_through_the_provider():
    out = translate_html("<li>不锈钢球阀</li>", source="zh-hans", target="en")
    assert out == "<li>stainless steel ball valve</li>"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("M&S Shortbread", "M&S 黄油酥饼"),  # a glued ampersand is a brand, and M is not a size here
        ("Scarf 180cm x 30cm", "围巾 180厘米×30厘米"),
        ("Gin 41.3% ABV 70cl", "金酒 41.3% 酒精度 700毫升"),
        ("Socks (3 Pairs)", "袜子（3双）"),
        ("A Taste of Scotland", "苏格兰口味"),
        ("Omega-3 Fish Oil", "欧米伽3鱼油"),
        ("Wellington Boots UK Size 6", "惠灵顿雨靴 英码6"),
    ],
)
def test_title_details(title, expected):
    assert en_zh(title) == expected

"""Every file in the shared feeds folder (real exports and samples), read end to end. The expected
values were checked by hand against the files."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tradebridge.catalog.importers.reader import open_catalog

from .conftest import FEEDS, by_handle, read_all

# file → (format, products, variants, rows refused)
EXPECTED = {
    "shopify/apparel.csv": ("shopify", 20, 22, 0),
    "shopify/home-and-garden.csv": ("shopify", 20, 21, 0),
    "shopify/jewelery.csv": ("shopify", 20, 23, 0),
    "shopify/shopify_export_real_store_sek.csv": ("shopify", 14, 19, 0),
    "shopify/shopify_product_template.csv": ("shopify", 3, 16, 0),
    "shopify/shopify_product_template_excel_mangled.csv": ("shopify", 3, 16, 0),
    "woocommerce/woocommerce_sample_products.csv": ("woocommerce", 13, 20, 2),
    "google_merchant/merchant_feed_eur.tsv": ("merchant_tsv", 6, 22, 0),
    "google_merchant/prisjakt_feed_sek.xml": ("merchant_xml", 9, 9, 0),
}


def test_every_shared_feed_has_expectations():
    if not FEEDS.is_dir():
        pytest.skip(f"shared feeds folder {FEEDS.resolve()} is absent on this machine")
    present = {str(p.relative_to(FEEDS)) for p in FEEDS.rglob("*") if p.is_file()}
    assert present - set(EXPECTED) == set(), "a new feed file needs its expectations here"


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_shared_feed_reads_completely(feed, relative):
    path = feed(relative)
    expected_format, n_products, n_variants, n_errors = EXPECTED[relative]
    assert open_catalog(path).format == expected_format
    products, errors = read_all(path)
    assert len(products) == n_products
    assert sum(len(p.variants) for p in products) == n_variants
    assert len(errors) == n_errors, errors
    handles = [p.handle for p in products]
    assert len(set(handles)) == len(handles), "each product once"
    for product in products:
        assert product.title and product.variants
        assert "<script" not in product.description_html
        for variant in product.variants:
            assert variant.sku
            assert variant.price is None or variant.price >= 0


def test_shopify_apparel(feed):
    products, _ = read_all(feed("shopify/apparel.csv"))
    shirt = by_handle(products)["ocean-blue-shirt"]
    assert shirt.published is True
    assert shirt.tags == ["men"]
    [variant] = shirt.variants
    assert variant.options == {}  # "Title: Default Title" means no options
    assert variant.price == Decimal("50")
    assert variant.weight_g is None  # Shopify's 0 grams means "not entered"
    assert variant.stock_on_hand == 1
    # No SKUs in this export: a stable one is made from the handle, with a warning.
    assert variant.sku == "ocean-blue-shirt"
    assert [w.code for w in shirt.warnings] == ["sku_missing"]
    top = by_handle(products)["classic-varsity-top"]
    assert [v.options for v in top.variants] == [{"Size": "Small"}, {"Size": "Medium"}, {"Size": "Large"}]
    assert [v.sku for v in top.variants] == [
        "classic-varsity-top-small",
        "classic-varsity-top-medium",
        "classic-varsity-top-large",
    ]
    assert top.rows == [3, 4, 5]


def test_shopify_image_rows_attach_to_their_product(feed):
    products, _ = read_all(feed("shopify/jewelery.csv"))
    earrings = by_handle(products)["boho-earrings"]
    assert earrings.rows == [9, 10, 11]
    assert len(earrings.variants) == 1
    assert len(earrings.image_urls) == 3
    # Variant Grams is grams even when the shop displays ounces.
    assert earrings.variants[0].weight_g == Decimal("28")
    anchor = by_handle(products)["leather-anchor"]
    assert [v.price for v in anchor.variants] == [Decimal("69.99"), Decimal("55")]
    assert anchor.variants[0].image_url.endswith("anchor-bracelet-mens_925x.jpg")


def test_shopify_real_store_export(feed):
    products, _ = read_all(feed("shopify/shopify_export_real_store_sek.csv"))
    found = by_handle(products)
    wheels = found["velofant-wheelset-1"]
    # The body spans many lines in the file, yet it is one spreadsheet row (2); images are 3-9.
    assert wheels.rows == [2, 3, 4, 5, 6, 7, 8, 9]
    assert found["ken-mid-rise-bar-styre-72cm"].rows[0] == 10
    assert len(wheels.image_urls) == 8
    assert wheels.description_html.startswith("<p><strong>Where Design Meets Performance")
    assert wheels.description_html.count("<p>") >= 4
    assert "data-end" not in wheels.description_html
    assert wheels.google_category_id == 3216
    assert wheels.category_hint.startswith("Sporting Goods > Outdoor Recreation > Cycling")
    assert wheels.attributes["Färg"] == "black"
    [wheelset] = wheels.variants
    assert (wheelset.sku, wheelset.price, wheelset.weight_g) == ("WH-FS-700C-BK-V1", Decimal("2999.00"), 2000)
    assert wheelset.stock_on_hand is None  # this export has no inventory column
    # Barcodes written as '7350177880121 (apostrophe-prefixed to stay text) come out clean.
    assert wheelset.gtin == "7350177880121"
    gtins = [v.gtin for p in products for v in p.variants if v.gtin]
    assert len(gtins) == 14 and all(g.isdigit() and len(g) == 13 for g in gtins)
    frame = found["arkipelago"]
    assert [(v.options, v.gtin) for v in frame.variants] == [
        ({"Ramstorlek": "57"}, "7350177880008"),
        ({"Ramstorlek": "59"}, "7350177880015"),
        ({"Ramstorlek": "61"}, "7350177880022"),
    ]
    assert frame.variants[0].weight_g == Decimal("12000")
    assert found["crescent-chess-28"].published is False  # Status: archived
    assert found["bell-1"].published is True
    # Inline styles and Word's mso- spans are gone from every description.
    assert not any("style=" in p.description_html or "<span" in p.description_html for p in products)


def test_shopify_template_check_digits(feed):
    products, _ = read_all(feed("shopify/shopify_product_template.csv"))
    found = by_handle(products)
    shirt = found["example-shirt"]
    assert len(shirt.variants) == 12
    assert shirt.published is True
    by_sku = {v.sku: v for p in products for v in p.variants}
    # Most of Shopify's sample barcodes are made up: wrong check digits become warnings.
    assert by_sku["SRT_COT_233"].gtin == "777979207524"
    assert by_sku["SRT_COT_111"].gtin == ""
    codes = [w.code for p in products for w in p.warnings]
    assert codes.count("gtin_check_digit") == 14
    pants = found["example-pants"]
    assert pants.published is False  # Status: draft
    assert [v.weight_g for v in pants.variants] == [Decimal("226.796"), Decimal("283.495"), Decimal("396.893")]
    assert [v.stock_on_hand for v in pants.variants] == [20, 15, 10]


def test_excel_mangled_barcodes_are_warnings_not_failures(feed):
    products, errors = read_all(feed("shopify/shopify_product_template_excel_mangled.csv"))
    assert errors == []
    variants = [v for p in products for v in p.variants]
    assert len(variants) == 16 and all(v.gtin == "" for v in variants)
    mangled = [w for p in products for w in p.warnings if w.code == "gtin_mangled"]
    assert len(mangled) == 16
    assert {w.column for w in mangled} == {"Variant Barcode"}
    assert mangled[0].row == 2 and "3.65275E+11" in mangled[0].message


def test_woocommerce_sample(feed):
    products, errors = read_all(feed("woocommerce/woocommerce_sample_products.csv"))
    assert [(e.row, e.column, e.code) for e in errors] == [
        (17, "Type", "unsupported_type"),  # grouped
        (18, "Type", "unsupported_type"),  # external
    ]
    found = by_handle(products)
    # Variations sit far below their parents in this export and are still gathered.
    hoodie = found["cc-hoodie"]
    assert len(hoodie.variants) == 6
    assert {tuple(v.options.items()) for v in hoodie.variants} == {
        (("Color", c), ("Logo", logo)) for c in ("Red", "Green", "Blue") for logo in ("Yes", "No")
    }
    assert hoodie.rows == [3, 12, 13, 14, 23, 24, 25]
    assert all(v.price == Decimal("45") for v in hoodie.variants)
    tee = found["cc-tee"]
    assert sorted(v.sku for v in tee.variants) == ["cc-t-shirt-blue", "cc-t-shirt-green", "cc-t-shirt-red"]
    assert tee.category_hint == "Clothing > Tshirts"
    assert len(tee.image_urls) == 3
    beanie = found["cc-beanie"]
    assert beanie.variants[0].price == Decimal("20")  # the regular price, not the sale price
    assert beanie.variants[0].sku == "cc-beanie"
    assert beanie.attributes == {"Color": "Red"}
    assert beanie.published is True
    assert [w.code for w in found["cc-album"].warnings] == ["virtual_product"]


def test_merchant_tsv_groups_items(feed):
    products, _ = read_all(feed("google_merchant/merchant_feed_eur.tsv"))
    found = by_handle(products)
    jacket = found["glacier-pro-mens"]
    assert jacket.title == "Glacier Pro Men's Ski Jacket"
    assert jacket.currency == "EUR"
    assert jacket.google_category_id == 5322
    assert jacket.brand == "Northridge"
    assert jacket.published is None  # availability is not publication
    assert len(jacket.variants) == 6
    first = jacket.variants[0]
    assert (first.sku, first.options, first.price, first.gtin) == (
        "glacier-pro-mens-black-m",
        {"Color": "Black", "Size": "M"},
        Decimal("349.00"),
        "8123456700019",
    )
    crew = found["tundra-merino-crew"]
    assert crew.attributes["Color"] == "Charcoal"  # shared by the group: a fact, not an option
    assert [v.options for v in crew.variants] == [{"Size": "S"}, {"Size": "L"}]
    assert found["aurora-beanie"].title == "Aurora Knit Beanie"


def test_prisjakt_xml_feed(feed):
    path = feed("google_merchant/prisjakt_feed_sek.xml")
    catalog = open_catalog(path)
    assert (catalog.format, catalog.encoding, catalog.delimiter) == ("merchant_xml", "utf-8", None)
    products, _ = read_all(path)
    found = by_handle(products)
    frame = found["cy-ark-chr-57"]
    assert frame.rows == [8]  # the line its <item> starts on
    assert frame.title == "A R K I P E L A G O - FRAMEKIT"
    assert frame.currency == "SEK"
    assert frame.variants[0].sku == "CY-ARK-CHR-57"
    assert frame.variants[0].price == Decimal("7900.00")
    assert frame.attributes["MPN"] == "ARK-CHR-57"
    # CDATA descriptions with blank lines keep their paragraphs.
    rack = found["rack-pizza-front"]
    assert rack.description_html.count("<p>") >= 4
    assert rack.image_urls == ["https://velofant.se/cdn/shop/files/pizza-front-rack.jpg"]
    assert {p.currency for p in products} == {"SEK"}

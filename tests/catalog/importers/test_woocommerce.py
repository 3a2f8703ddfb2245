"""WooCommerce: variations found wherever they are, weights in pounds, orphans and bad prices."""

from __future__ import annotations

from decimal import Decimal

from tradebridge.catalog.importers.reader import open_catalog

from .conftest import FIXTURES, by_handle, read_all

PATH = FIXTURES / "woocommerce_lbs_orphans.csv"


def test_detected():
    assert open_catalog(PATH).format == "woocommerce"


def test_variation_before_its_parent_named_by_id():
    products, _ = read_all(PATH)
    scarf = by_handle(products)["woo-10"]  # no SKU on the parent: its ID names it
    assert scarf.title == "Wool scarf"
    assert scarf.rows == [2, 3, 4]
    assert [(v.sku, v.options) for v in scarf.variants] == [
        ("SCARF-RED", {"Colour": "Red"}),
        ("SCARF-GRY", {"Colour": "Grey"}),
    ]
    assert scarf.attributes == {"Material": "Merino"}  # Colour is what the variations choose
    assert scarf.category_hint == "Accessories > Scarves"
    assert scarf.certifications == ["organic"]
    assert scarf.description_html == "<p>Soft<br>and warm</p>"  # the exporter's literal \n


def test_weights_in_pounds_and_inches_inherit_from_the_parent():
    products, _ = read_all(PATH)
    red, grey = by_handle(products)["woo-10"].variants
    assert red.weight_g == Decimal("226.796")  # 0.5 lb from the parent
    assert grey.weight_g == Decimal("113.398")  # its own 0.25 lb
    assert (red.length_cm, red.width_cm, red.height_cm) == (Decimal("152.4"), Decimal("25.4"), Decimal("2.54"))
    assert (red.price, grey.price) == (Decimal("19.50"), Decimal("1299.00"))
    assert (red.stock_on_hand, grey.stock_on_hand) == (4, 7)
    assert red.image_url == "https://example.com/red.jpg"


def test_orphan_variation_and_negative_price_are_row_errors():
    _, errors = read_all(PATH)
    assert [(e.row, e.column, e.code) for e in errors] == [
        (5, "Parent", "orphan_variation"),
        (7, "Regular price", "negative"),  # one error per refused row, so no "no variants" too
    ]


def test_simple_product_without_sku():
    products, _ = read_all(PATH)
    mug = by_handle(products)["woo-14"]
    [variant] = mug.variants
    assert variant.sku == "woo-14"
    assert [(w.column, w.code) for w in mug.warnings] == [("SKU", "sku_missing")]
    assert mug.published is False  # Published -1: private
    assert variant.weight_g == Decimal("453.592")


def test_parent_named_by_sku_and_weight_in_kg(write):
    text = (
        "ID,Type,SKU,Name,Published,Weight (kg),Regular price,Parent,Attribute 1 name,Attribute 1 value(s)\n"
        '1,variable,JAM,Strawberry jam,0,0.45,,,Size,"Small, Large"\n'
        "2,variation,JAM-S,Jam small,1,,3.20,JAM,Size,Small\n"
        "3,variation,JAM-L,Jam large,1,0.9,£5.10,JAM,Size,Large\n"
    )
    [jam], errors = read_all(write("woo.csv", text))
    assert errors == []
    assert jam.handle == "jam" and jam.published is False
    assert [(v.sku, v.price, v.weight_g) for v in jam.variants] == [
        ("JAM-S", Decimal("3.20"), Decimal("450")),
        ("JAM-L", Decimal("5.10"), Decimal("900")),
    ]
    assert jam.currency == "GBP"


def test_variable_product_without_variations(write):
    text = "ID,Type,SKU,Name,Regular price,Parent\n1,variable,EMPTY,Empty,,\n"
    products, errors = read_all(write("woo.csv", text))
    assert products == [] and [e.code for e in errors] == ["no_variants"]

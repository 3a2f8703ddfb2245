"""Shopify CSV mess: Windows-1252 with semicolons, multi-line HTML, Excel's barcodes, bad cells."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from tradebridge.catalog.importers.reader import open_catalog

from .conftest import FIXTURES, by_handle, read_all

HEADER = [
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Tags",
    "Published",
    "Option1 Name",
    "Option1 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Inventory Qty",
    "Variant Price",
    "Variant Barcode",
    "Image Src",
]


def shopify_csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, HEADER, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def test_windows_1252_semicolons_and_multiline_html():
    path = FIXTURES / "shopify_cp1252_semicolon.csv"
    catalog = open_catalog(path)
    assert (catalog.format, catalog.encoding, catalog.delimiter) == ("shopify", "cp1252", ";")
    products, errors = read_all(path)
    assert errors == []
    mug, towel = products
    assert mug.title == "Café mug £ edition"  # £ was the single byte 0xA3
    assert mug.description_html == "<p>Hand-thrown in Stoke.</p>\n<p>Dishwasher safe; 350 ml.</p>"
    assert mug.rows == [2, 3]  # the HTML cell spans three lines but is one row
    assert mug.certifications == ["vegan", "fsc"]
    assert mug.published is True
    assert [(v.sku, v.options, v.price, v.stock_on_hand) for v in mug.variants] == [
        ("MUG-BLU", {"Colour": "Blue"}, Decimal("4.20"), 12),
        ("MUG-GRN", {"Colour": "Green"}, Decimal("4.20"), 3),
    ]
    assert mug.variants[0].gtin == "5012345678900"  # '-prefixed in the file
    assert mug.image_urls == ["https://example.com/mug-blue.jpg", "https://example.com/mug-green.jpg"]
    assert towel.title == "Tea towel – Yorkshire" and towel.rows == [4]
    assert towel.published is False  # Status: draft
    assert towel.currency == "GBP" and towel.variants[0].price == Decimal("3.50")  # "£3,50"


def test_excel_scientific_barcode_keeps_the_variant(write):
    path = write(
        "f.csv",
        shopify_csv(
            [
                {
                    "Handle": "mug",
                    "Title": "Mug",
                    "Variant SKU": "M1",
                    "Variant Price": "4",
                    "Variant Barcode": "5.01235E+12",
                }
            ]
        ),
    )
    [product], errors = read_all(path)
    assert errors == []
    assert product.variants[0].sku == "M1" and product.variants[0].gtin == ""
    [warning] = product.warnings
    assert (warning.row, warning.column, warning.code, warning.handle) == (2, "Variant Barcode", "gtin_mangled", "mug")


def test_wrong_check_digit_is_a_warning(write):
    path = write(
        "f.csv",
        shopify_csv(
            [
                {
                    "Handle": "mug",
                    "Title": "Mug",
                    "Variant SKU": "M1",
                    "Variant Price": "4",
                    "Variant Barcode": "5012345678901",
                }
            ]
        ),
    )
    [product], _ = read_all(path)
    assert product.variants[0].gtin == ""
    assert [w.code for w in product.warnings] == ["gtin_check_digit"]


def test_apostrophe_prefixed_numbers(write):
    path = write(
        "f.csv",
        shopify_csv(
            [
                {
                    "Handle": "mug",
                    "Title": "Mug",
                    "Variant SKU": "'0123",
                    "Variant Price": "'4.50",
                    "Variant Inventory Qty": "'007",
                    "Variant Barcode": "'0012345678905",
                }
            ]
        ),
    )
    [product], _ = read_all(path)
    variant = product.variants[0]
    assert (variant.sku, variant.price, variant.stock_on_hand, variant.gtin) == (
        "0123",
        Decimal("4.50"),
        7,
        "0012345678905",
    )


def test_bad_price_drops_the_variant_and_names_the_column(write):
    rows = [
        {
            "Handle": "mug",
            "Title": "Mug",
            "Option1 Name": "Size",
            "Option1 Value": "S",
            "Variant SKU": "M-S",
            "Variant Price": "-4.00",
        },
        {"Handle": "mug", "Option1 Value": "L", "Variant SKU": "M-L", "Variant Price": "four"},
        {
            "Handle": "mug",
            "Option1 Value": "XL",
            "Variant SKU": "M-XL",
            "Variant Price": "6",
            "Variant Inventory Qty": "-2",
        },
    ]
    [product], errors = read_all(write("f.csv", shopify_csv(rows)))
    assert [(e.row, e.column, e.code) for e in errors] == [
        (2, "Variant Price", "negative"),
        (3, "Variant Price", "price_invalid"),
    ]
    assert [v.sku for v in product.variants] == ["M-XL"]
    # Negative stock (Shopify allows overselling) is kept as "unknown" with a warning.
    assert product.variants[0].stock_on_hand is None
    assert [(w.row, w.column, w.code) for w in product.warnings] == [(4, "Variant Inventory Qty", "negative")]


def test_product_with_no_usable_variant_is_reported_once(write):
    # The import report counts each RowError as a refused row: one error for one row.
    rows = [{"Handle": "mug", "Title": "Mug", "Variant SKU": "M1", "Variant Price": "-1"}]
    products, errors = read_all(write("f.csv", shopify_csv(rows)))
    assert products == []
    assert [(e.row, e.code, e.handle) for e in errors] == [(2, "negative", "mug")]


def test_product_with_only_image_rows(write):
    rows = [{"Handle": "mug", "Title": "Mug", "Image Src": "https://example.com/mug.jpg"}]
    products, errors = read_all(write("f.csv", shopify_csv(rows)))
    assert products == [] and [(e.row, e.code) for e in errors] == [(2, "no_variants")]


def test_long_title_is_truncated_with_a_warning(write):
    [product], _ = read_all(
        write(
            "f.csv",
            shopify_csv([{"Handle": "mug", "Title": "Big mug " * 60, "Variant Price": "4", "Variant SKU": "M"}]),
        )
    )
    assert len(product.title) <= 300
    assert [(w.column, w.code) for w in product.warnings] == [("Title", "title_truncated")]


def test_rows_of_a_handle_apart_still_make_one_product(write):
    rows = [
        {
            "Handle": "mug",
            "Title": "Mug",
            "Option1 Name": "Size",
            "Option1 Value": "S",
            "Variant SKU": "M-S",
            "Variant Price": "4",
        },
        {"Handle": "towel", "Title": "Towel", "Variant SKU": "T", "Variant Price": "3"},
        {"Handle": "mug", "Option1 Value": "L", "Variant SKU": "M-L", "Variant Price": "5"},
        {"Handle": "mug", "Image Src": "https://example.com/mug.jpg"},
    ]
    products, errors = read_all(write("f.csv", shopify_csv(rows)))
    assert errors == []
    found = by_handle(products)
    assert [p.handle for p in products] == ["towel", "mug"]  # in the order each one completes
    assert found["mug"].rows == [2, 4, 5]
    assert [v.options for v in found["mug"].variants] == [{"Size": "S"}, {"Size": "L"}]
    assert found["mug"].image_urls == ["https://example.com/mug.jpg"]


def test_handle_without_a_title_row(write):
    products, errors = read_all(
        write("f.csv", shopify_csv([{"Handle": "ghost", "Variant SKU": "G", "Variant Price": "1"}]))
    )
    assert products == [] and [(e.row, e.column, e.code) for e in errors] == [(2, "Title", "title_missing")]


def test_duplicate_sku_within_a_product(write):
    rows = [
        {
            "Handle": "mug",
            "Title": "Mug",
            "Option1 Name": "Size",
            "Option1 Value": "S",
            "Variant SKU": "M",
            "Variant Price": "4",
        },
        {"Handle": "mug", "Option1 Value": "L", "Variant SKU": "M", "Variant Price": "5"},
    ]
    [product], errors = read_all(write("f.csv", shopify_csv(rows)))
    assert len(product.variants) == 1 and [(e.row, e.code) for e in errors] == [(3, "sku_duplicate")]


def test_unquoted_separator_is_flagged(write):
    text = ",".join(HEADER) + "\r\n" + "mug,Mug,<p>x</p>,Acme,,true,Title,Default Title,M1,0,1,4,,,extra\r\n"
    [product], _ = read_all(write("f.csv", text))
    assert [w.code for w in product.warnings] == ["too_many_cells"]

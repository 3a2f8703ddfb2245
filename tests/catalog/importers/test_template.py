"""Our template: the downloads read back, every wholesale column, variants and their overrides."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from tradebridge.catalog.importers.reader import UnreadableFile, open_catalog
from tradebridge.catalog.importers.records import ImportedTier
from tradebridge.catalog.importers.template import (
    COLUMN_DESCRIPTIONS,
    TEMPLATE_COLUMNS,
    template_csv_bytes,
    template_xlsx_bytes,
)

from .conftest import read_all


def template_csv(rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, TEMPLATE_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def workbook_bytes(rows: list[list[object]], header: list[str] = TEMPLATE_COLUMNS) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Products"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def assert_example_product(products, errors):
    assert errors == []
    [tea] = products
    assert (tea.handle, tea.title, tea.language) == ("english-breakfast-tea", "English Breakfast Tea, 80 bags", "en")
    assert tea.translations["zh"]["title"] == "英式早餐茶（80袋）"
    assert tea.translations["zh"]["description_html"].startswith("<p>阿萨姆")
    assert (tea.hs_code, tea.origin_country, tea.certifications) == ("090230", "GB", ["organic", "fairtrade"])
    assert (tea.currency, tea.moq, tea.order_multiple, tea.lead_time_days) == ("GBP", 24, 12, 5)
    assert tea.tiers == [
        ImportedTier(24, Decimal("2.10")),
        ImportedTier(120, Decimal("1.95")),
        ImportedTier(480, Decimal("1.80")),
    ]
    assert (tea.sample_available, tea.sample_price, tea.units_per_carton) == (True, Decimal("0"), 24)
    assert tea.carton_weight_kg == Decimal("6.5")
    assert tea.published is False
    assert tea.image_urls == ["https://example.com/images/english-breakfast-80.jpg"]
    [variant] = tea.variants
    assert (variant.sku, variant.options, variant.gtin) == ("EBT-80", {"Pack size": "80 bags"}, "5012345678900")
    assert (variant.weight_g, variant.length_cm, variant.stock_on_hand) == (Decimal("250"), Decimal("12"), 1200)
    assert variant.retail_price == Decimal("3.99")
    assert variant.tiers == [] and variant.moq is None  # the first row's terms are the product's
    assert tea.warnings == []


def test_columns_are_described():
    assert TEMPLATE_COLUMNS[:3] == ["handle", "sku", "title_en"]
    for name in ("tier4_unit_price", "certifications", "image_urls", "status", "hs_code", "gtin"):
        assert name in TEMPLATE_COLUMNS
    assert set(COLUMN_DESCRIPTIONS) == set(TEMPLATE_COLUMNS)


def test_csv_template_reads_back(write):
    data = template_csv_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel shows the Chinese columns
    path = write("template.csv", data)
    catalog = open_catalog(path)
    assert (catalog.format, catalog.encoding) == ("tradebridge_csv", "utf-8-sig")
    assert_example_product(*read_all(path))


def test_xlsx_template_reads_back(write):
    path = write("template.xlsx", template_xlsx_bytes())
    assert open_catalog(path).format == "tradebridge_xlsx"
    assert_example_product(*read_all(path))
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["Products", "Columns"]
    help_rows = list(workbook["Columns"].iter_rows(values_only=True))
    assert help_rows[0][:4] == ("column", "applies to", "required", "description")
    assert [r[0] for r in help_rows[1:]] == TEMPLATE_COLUMNS


def test_variants_override_the_first_rows_terms(write):
    rows = [
        {
            "handle": "jam",
            "sku": "JAM-S",
            "title_en": "Jam",
            "currency": "GBP",
            "moq": "12",
            "option1_name": "Size",
            "option1_value": "Small",
            "tier1_unit_price": "£1.10",
            "tier2_min_qty": "100",
            "tier2_unit_price": "0.95",
        },
        {
            "handle": "jam",
            "sku": "JAM-L",
            "option1_value": "Large",
            "moq": "6",
            "tier1_min_qty": "6",
            "tier1_unit_price": "2.40",
        },
        {"handle": "jam", "sku": "JAM-M", "option1_value": "Medium", "moq": "12"},
    ]
    [jam], errors = read_all(write("t.csv", template_csv(rows)))
    assert errors == []
    assert jam.moq == 12
    assert jam.tiers == [ImportedTier(12, Decimal("1.10")), ImportedTier(100, Decimal("0.95"))]  # tier 1 from the MOQ
    _, large, medium = jam.variants
    assert [v.options for v in jam.variants] == [{"Size": "Small"}, {"Size": "Large"}, {"Size": "Medium"}]
    assert (large.moq, large.tiers) == (6, [ImportedTier(6, Decimal("2.40"))])
    assert (medium.moq, medium.tiers) == (None, [])  # same as the product: nothing to override
    assert jam.rows == [2, 3, 4]


def test_chinese_only_title(write):
    [product], _ = read_all(write("t.csv", template_csv([{"handle": "tea", "sku": "T1", "title_zh": "红茶"}])))
    assert (product.title, product.language, product.translations) == ("红茶", "zh", {})


@pytest.mark.parametrize(
    ("cells", "column", "code"),
    [
        ({"title_en": ""}, "title_en", "title_missing"),
        ({"currency": "XYZ"}, "currency", "currency_unknown"),
        (
            {"tier1_min_qty": "10", "tier1_unit_price": "1", "tier2_min_qty": "5", "tier2_unit_price": "0.9"},
            "tier2_min_qty",
            "tiers_not_ascending",
        ),
        ({"tier1_min_qty": "10"}, "tier1_unit_price", "tier_incomplete"),
        ({"tier1_unit_price": "-1"}, "tier1_unit_price", "negative"),
        ({"currency": "GBP", "tier1_unit_price": "1,00 €"}, "tier1_unit_price", "currency_mismatch"),
    ],
)
def test_product_errors_name_the_column(write, cells, column, code):
    row = {"handle": "tea", "sku": "T1", "title_en": "Tea", **cells}
    products, errors = read_all(write("t.csv", template_csv([row])))
    assert products == []
    assert [(e.row, e.column, e.code) for e in errors] == [(2, column, code)]


def test_warnings_keep_the_product(write):
    row = {
        "handle": "Tea Caddy!",
        "sku": "C1",
        "title_en": "Caddy",
        "hs_code": "12",
        "origin_country": "UK",
        "certifications": "organic; space-grade",
        "status": "live",
        "stock": "-3",
        "image_urls": "https://e.com/a.jpg ftp://e.com/b.jpg",
        "weight": "1.5",
        "weight_unit": "kg",
    }
    [product], errors = read_all(write("t.csv", template_csv([row])))
    assert errors == []
    assert product.handle == "tea-caddy"
    assert product.origin_country == "GB"  # "UK" is what people write
    assert product.certifications == ["organic"]
    assert product.image_urls == ["https://e.com/a.jpg"]
    assert product.variants[0].weight_g == Decimal("1500")
    assert product.variants[0].stock_on_hand is None
    assert sorted(w.code for w in product.warnings) == [
        "certification_unknown",
        "handle_changed",
        "hs_code_invalid",
        "image_url_invalid",
        "negative",
        "status_invalid",
    ]


def test_missing_sku_is_an_error(write):
    products, errors = read_all(write("t.csv", template_csv([{"handle": "tea", "title_en": "Tea"}])))
    assert products == [] and [(e.column, e.code) for e in errors] == [("sku", "sku_missing")]


def test_xlsx_number_cells_and_row_numbers(write):
    header_index = {name: i for i, name in enumerate(TEMPLATE_COLUMNS)}

    def row(**cells):
        values = [None] * len(TEMPLATE_COLUMNS)
        for name, value in cells.items():
            values[header_index[name]] = value
        return values

    data = workbook_bytes(
        [
            row(handle="tea", sku="T1", title_en="Tea", gtin=5012345678900, stock=12.0, tier1_unit_price=0.0035),
            [None] * len(TEMPLATE_COLUMNS),  # a blank row Excel still numbers
            row(handle="jam", sku=1001, title_en="Jam", gtin="3.65275E+11"),
        ]
    )
    products, errors = read_all(write("t.xlsx", data))
    assert errors == []
    tea, jam = products
    assert tea.variants[0].gtin == "5012345678900"  # a number cell, digits intact
    assert tea.variants[0].stock_on_hand == 12
    assert tea.tiers == [ImportedTier(1, Decimal("0.0035"))]
    assert jam.rows == [4] and jam.variants[0].sku == "1001"
    assert [(w.row, w.column, w.code) for w in jam.warnings] == [(4, "gtin", "gtin_mangled")]


def test_xlsx_with_another_formats_columns(write):
    data = workbook_bytes([["mug", "Mug", "M1", 4]], header=["Handle", "Title", "Variant SKU", "Variant Price"])
    with pytest.raises(UnreadableFile) as caught:
        open_catalog(write("shopify.xlsx", data))
    assert caught.value.code == "unknown_format" and "Shopify" in caught.value.message

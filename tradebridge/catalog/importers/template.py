"""The TradeBridge catalog template: its columns, what each one means, and the downloadable CSV
and XLSX files (headers, one example row and, in the XLSX, a sheet describing every column).

Rows sharing a handle are the variants of one product. Product columns are read from the
handle's first row; variant columns from every row.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

# (header, applies to, required, description, example)
_COLUMNS: list[tuple[str, str, bool, str, object]] = [
    (
        "handle",
        "product",
        True,
        "Your name for the product: lowercase letters, digits and hyphens. Rows with the same "
        "handle are variants of one product. Keep it unchanged between imports so the product is "
        "updated, not duplicated.",
        "english-breakfast-tea",
    ),
    ("sku", "variant", True, "Your stock-keeping unit for this variant, unique in your catalog.", "EBT-80"),
    (
        "title_en",
        "product",
        False,
        "Title in English, up to 300 characters. Give title_en or title_zh, or both.",
        "English Breakfast Tea, 80 bags",
    ),
    ("title_zh", "product", False, "Title in Chinese.", "英式早餐茶（80袋）"),
    (
        "description_en",
        "product",
        False,
        "Description in English: plain text, or simple HTML (paragraphs, lists, bold, tables, links).",
        "<p>A strong, malty blend of Assam and Kenyan teas, packed in Yorkshire.</p>",
    ),
    (
        "description_zh",
        "product",
        False,
        "Description in Chinese, as description_en.",
        "<p>阿萨姆与肯尼亚红茶拼配，浓郁醇厚，在约克郡包装。</p>",
    ),
    ("brand", "product", False, "Brand name.", "Example Tea Co"),
    (
        "category",
        "product",
        False,
        "Your category, e.g. Food & Drink > Tea. We suggest the matching marketplace category.",
        "Food & Drink > Tea",
    ),
    ("hs_code", "product", False, "Customs tariff (HS) code: 4, 6, 8 or 10 digits.", "0902.30"),
    ("origin_country", "product", False, "Country of origin, two letters (GB for the United Kingdom).", "GB"),
    (
        "certifications",
        "product",
        False,
        "Separated by semicolons: organic; halal; kosher; vegan; ce; ukca; cruelty_free; fsc; gots; fairtrade; brc.",
        "organic;fairtrade",
    ),
    (
        "option1_name",
        "variant",
        False,
        "First option that distinguishes variants, e.g. Pack size.",
        "Pack size",
    ),
    ("option1_value", "variant", False, "This variant's value for option 1.", "80 bags"),
    ("option2_name", "variant", False, "Second option, e.g. Flavour.", ""),
    ("option2_value", "variant", False, "This variant's value for option 2.", ""),
    (
        "gtin",
        "variant",
        False,
        "Barcode: EAN-13, UPC-12, GTIN-8 or GTIN-14. In Excel keep this column formatted as Text, "
        "or the digits are lost.",
        "5012345678900",
    ),
    ("weight", "variant", False, "Weight of one unit, packed.", 250),
    ("weight_unit", "variant", False, "g, kg, lb or oz (g if blank).", "g"),
    ("length_cm", "variant", False, "Packed length of one unit, cm.", 12),
    ("width_cm", "variant", False, "Packed width of one unit, cm.", 8),
    ("height_cm", "variant", False, "Packed height of one unit, cm.", 15),
    ("stock", "variant", False, "Units in stock now. Leave blank to keep the current figure.", 1200),
    (
        "currency",
        "product",
        False,
        "Currency of every price in the file for this product: GBP, EUR, USD, CNY… Blank: your account's currency.",
        "GBP",
    ),
    ("moq", "variant", False, "Minimum order quantity, in units.", 24),
    (
        "order_multiple",
        "variant",
        False,
        "Orders must be a multiple of this many units (e.g. a case of 12).",
        12,
    ),
    ("lead_time_days", "variant", False, "Days from order to dispatch.", 5),
    ("tier1_min_qty", "variant", False, "Tier 1: from this many units up (blank: the MOQ)...", 24),
    (
        "tier1_unit_price",
        "variant",
        False,
        "...each unit costs this much. Sub-penny prices are fine (0.0035).",
        Decimal("2.10"),
    ),
    ("tier2_min_qty", "variant", False, "Tier 2 quantity (larger than tier 1's).", 120),
    ("tier2_unit_price", "variant", False, "Tier 2 unit price.", Decimal("1.95")),
    ("tier3_min_qty", "variant", False, "Tier 3 quantity.", 480),
    ("tier3_unit_price", "variant", False, "Tier 3 unit price.", Decimal("1.80")),
    ("tier4_min_qty", "variant", False, "Tier 4 quantity.", ""),
    ("tier4_unit_price", "variant", False, "Tier 4 unit price.", ""),
    ("sample_available", "product", False, "yes or no: can a buyer order a sample?", "yes"),
    ("sample_price", "product", False, "Price of a sample (0 for free).", 0),
    ("units_per_carton", "product", False, "Units in one shipping carton.", 24),
    ("carton_weight_kg", "product", False, "Weight of a full carton, kg.", Decimal("6.5")),
    ("retail_price", "variant", False, "Recommended retail price of one unit.", Decimal("3.99")),
    (
        "image_urls",
        "product",
        False,
        "Image links (https://…) separated by spaces or semicolons; the first is the main image.",
        "https://example.com/images/english-breakfast-80.jpg",
    ),
    ("status", "product", False, "draft or published (draft if blank).", "draft"),
]

TEMPLATE_COLUMNS: list[str] = [column[0] for column in _COLUMNS]
REQUIRED_COLUMNS = ("handle", "sku")
PRODUCT_COLUMNS = frozenset(c[0] for c in _COLUMNS if c[1] == "product")
COLUMN_DESCRIPTIONS: dict[str, str] = {column[0]: column[3] for column in _COLUMNS}
# Columns that must stay text in Excel: long digit strings and codes with leading zeros.
_TEXT_COLUMNS = ("handle", "sku", "gtin", "hs_code")
PRODUCTS_SHEET = "Products"
COLUMNS_SHEET = "Columns"


def _example(header: str) -> object:
    return next(column[4] for column in _COLUMNS if column[0] == header)


def template_csv_bytes() -> bytes:
    """The CSV template: UTF-8 with a BOM, so Excel shows £ and Chinese correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    writer.writerow([str(_example(header)) for header in TEMPLATE_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx_bytes() -> bytes:
    """The XLSX template: a "Products" sheet to fill in and a "Columns" sheet explaining it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = PRODUCTS_SHEET
    sheet.append(TEMPLATE_COLUMNS)
    sheet.append([_cell(header) for header in TEMPLATE_COLUMNS])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(TEMPLATE_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(12, min(40, len(str(_example(header))) + 2))
        if header in _TEXT_COLUMNS:
            # Text format for the whole column keeps barcodes and leading zeros as typed.
            sheet.column_dimensions[letter].number_format = "@"
            sheet.cell(row=2, column=index).number_format = "@"

    help_sheet = workbook.create_sheet(COLUMNS_SHEET)
    help_sheet.append(["column", "applies to", "required", "description", "example"])
    for header, applies_to, required, description, example in _COLUMNS:
        help_sheet.append([header, applies_to, "yes" if required else "", description, str(example)])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (20, 11, 9, 90, 40), strict=True):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(header: str) -> object:
    value = _example(header)
    if isinstance(value, Decimal):
        return float(value)  # a number cell, as a supplier would type it
    return value

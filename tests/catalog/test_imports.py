"""Importing catalog files into a supplier's catalog: idempotent, dry runs, reports, tenancy."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from tradebridge.catalog.importers.reader import open_catalog
from tradebridge.catalog.imports import run_import
from tradebridge.catalog.models import PriceTier, Product, Variant

pytestmark = pytest.mark.django_db

FEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "feeds"
needs_feeds = pytest.mark.skipif(not FEEDS.is_dir(), reason="../shared/data/feeds is not present in this checkout")

TEMPLATE = """handle,sku,title_en,title_zh,description_en,currency,moq,order_multiple,lead_time_days,hs_code,\
tier1_min_qty,tier1_unit_price,tier2_min_qty,tier2_unit_price,option1_name,option1_value,stock,status
drinking-straws,STRAW-100,Paper Drinking Straws,,Plastic-free straws.,GBP,5000,1000,14,4823.69,5000,0.0060,50000,0.0035,,,900000,published
tartan-scarf,SCARF-RED,Tartan Lambswool Scarf,苏格兰格子羊毛围巾,<p>Woven in Scotland</p><script>x()</script>,GBP,12,6,21,6117.10,12,9.50,120,8.75,Colour,Red,40,draft
tartan-scarf,SCARF-NAVY,,,,,,,,,,,,,Colour,Navy,25,
broken-tiers,BROKEN-1,Broken Tiers,,,GBP,10,1,,,10,1.00,100,2.00,,,5,
"""


def _import(supplier, path, **kwargs):
    catalog = open_catalog(path)
    return run_import(supplier=supplier.company, records=catalog.records(), file_format=catalog.format, **kwargs)


@pytest.fixture
def template_file(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text(TEMPLATE, encoding="utf-8")
    return path


def test_template_import_lands_terms_tiers_and_texts(supplier, template_file):
    report = _import(supplier, template_file)
    assert (report.format, report.products_created, report.products_rejected) == ("tradebridge_csv", 2, 1)
    assert report.rejections[0]["code"] == "tiers_not_monotonic" and report.rejections[0]["row"] == 5
    straws = Product.objects.get(handle="drinking-straws")
    assert (straws.moq, straws.order_multiple, straws.lead_time_days, straws.hs_code) == (5000, 1000, 14, "482369")
    assert [(t.min_quantity, t.unit_price) for t in straws.tiers.all()] == [
        (5000, Decimal("0.006")),
        (50000, Decimal("0.0035")),
    ]
    assert straws.status == "published"
    assert straws.title_zh and straws.title_zh_machine  # machine translated from English
    scarf = Product.objects.get(handle="tartan-scarf")
    assert scarf.title_zh == "苏格兰格子羊毛围巾" and not scarf.title_zh_machine  # the supplier's own Chinese
    assert "script" not in scarf.description_en
    assert sorted(Variant.objects.filter(product=scarf).values_list("sku", "stock_on_hand")) == [
        ("SCARF-NAVY", 25),
        ("SCARF-RED", 40),
    ]
    assert not Product.objects.filter(handle="broken-tiers").exists()


def test_nul_characters_past_the_sniffed_start_of_a_csv_are_dropped_not_stored(supplier, tmp_path):
    """A NUL in the first kilobyte marks a binary file, refused at upload; one further in is
    dropped (PostgreSQL cannot store it: the import failed there)."""
    filler = "".join(f"filler-{n},FILL-{n},Filler {n},,,GBP,1,1,,,1,1.00,,,,,1,draft\n" for n in range(30))
    path = tmp_path / "catalog.csv"
    path.write_text(TEMPLATE + filler + "late,LATE-1,Late\x00 Arrival,,,GBP,1,1,,,1,1.00,,,,,1,draft\n")
    report = _import(supplier, path)
    assert report.products_created == 33, report.rejections
    assert Product.objects.get(handle="late").title_en == "Late Arrival"


def test_cells_no_column_holds_skip_their_row_not_the_import(supplier, tmp_path):
    path = tmp_path / "catalog.csv"
    rows = [
        "huge-stock,HUGE-1,Huge Stock,,,GBP,1,1,,,1,1.00,,,,,9223372036854775808,draft",
        f"long-sku,{'S' * 101},Long SKU,,,GBP,1,1,,,1,1.00,,,,,1,draft",
        "huge-price,HUGE-2,Huge Price,,,GBP,1,1,,,1,1" + "0" * 30 + ",,,,,1,draft",
    ]
    path.write_text(TEMPLATE + "\n".join(rows) + "\n")
    report = _import(supplier, path)
    codes = {r["code"] for r in report.rejections}
    assert {"too_large", "sku_too_long"} <= codes, report.rejections
    assert not Product.objects.filter(handle__in=["long-sku", "huge-price"]).exists()
    assert Product.objects.filter(handle="drinking-straws").exists()  # the other rows landed


def test_an_xml_feed_naming_an_encoding_that_does_not_exist_is_reported(supplier, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0" encoding="nonexistent-enc"?>'
        '<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>1</g:id></item></channel></rss>'
    )
    report = _import(supplier, path)
    assert "xml_encoding" in {r["code"] for r in report.rejections}, report
    assert not Product.objects.exists()


def test_dry_run_reports_exactly_what_a_real_run_does_and_writes_nothing(supplier, template_file):
    dry = _import(supplier, template_file, dry_run=True)
    assert not Product.objects.exists() and not Variant.objects.exists() and not PriceTier.objects.exists()
    real = _import(supplier, template_file)
    for key in ("products_created", "products_updated", "variants_created", "rows_rejected", "products_rejected"):
        assert getattr(dry, key) == getattr(real, key), key


def test_reimport_updates_and_never_duplicates(supplier, template_file):
    _import(supplier, template_file)
    again = _import(supplier, template_file)
    assert (again.products_created, again.products_updated, again.variants_created) == (0, 2, 0)
    assert Product.objects.count() == 2 and Variant.objects.count() == 3
    assert PriceTier.objects.filter(product__handle="drinking-straws").count() == 2


def test_reimport_keeps_human_translations_and_the_suppliers_status(supplier, template_file):
    _import(supplier, template_file)
    straws = Product.objects.get(handle="drinking-straws")
    straws.title_zh, straws.title_zh_machine, straws.status = "纸吸管（人工校对）", False, "draft"
    straws.save()
    _import(supplier, template_file)
    straws.refresh_from_db()
    assert straws.title_zh == "纸吸管（人工校对）" and straws.status == "draft"


def test_a_renamed_handle_is_matched_by_sku(supplier, template_file, tmp_path):
    _import(supplier, template_file)
    renamed = tmp_path / "renamed.csv"
    renamed.write_text(TEMPLATE.replace("drinking-straws", "paper-straws"), encoding="utf-8")
    report = _import(supplier, renamed)
    assert report.products_created == 0
    assert Product.objects.filter(handle__in=["drinking-straws", "paper-straws"]).count() == 1


def test_imports_never_touch_another_suppliers_catalog(supplier, template_file):
    other = factories.member(kind="supplier")
    _import(other, template_file)
    theirs = {p.pk: p.updated_at for p in Product.objects.filter(supplier=other.company)}
    _import(supplier, template_file)
    assert Product.objects.filter(supplier=supplier.company).count() == 2
    assert {p.pk: p.updated_at for p in Product.objects.filter(supplier=other.company)} == theirs
    assert Variant.objects.filter(sku="STRAW-100").count() == 2  # one per supplier


def _workbook_damaged_near_the_end(path: Path) -> Path:
    """A template workbook, stored uncompressed, with one digit changed in its last row: the
    sheet's checksum no longer matches, which zipfile notices only once it reads to the end."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Products"
    sheet.append(["handle", "sku", "title_en", "stock"])
    for n in range(2000):  # far more than is read to recognise the format
        sheet.append([f"item-{n}", f"SKU-{n}", f"Item {n}", 1000 + n])
    sheet.append(["last", "SKU-LAST", "Last", 987654321])
    built = io.BytesIO()
    book.save(built)
    stored = io.BytesIO()
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target:
        for member in source.infolist():
            target.writestr(member.filename, source.read(member))
    data = stored.getvalue()
    assert data.count(b">987654321<") == 1
    path.write_bytes(data.replace(b">987654321<", b">987654320<"))
    return path


def test_a_workbook_damaged_past_its_header_stops_before_anything_is_written(supplier, tmp_path):
    report = _import(supplier, _workbook_damaged_near_the_end(tmp_path / "damaged.xlsx"))
    assert report.stopped and "damaged" in report.stopped["message"]
    assert report.stopped["after_row"] == 1
    assert not Product.objects.exists() and not Variant.objects.exists()


@needs_feeds
@pytest.mark.parametrize(
    ("name", "products"),
    [
        ("shopify/apparel.csv", 20),
        ("shopify/shopify_product_template_excel_mangled.csv", 3),
        ("woocommerce/woocommerce_sample_products.csv", 13),
        ("google_merchant/merchant_feed_eur.tsv", 6),
    ],
)
def test_real_feeds_import_and_reimport(supplier, name, products):
    first = _import(supplier, FEEDS / name)
    assert first.products_created == products
    second = _import(supplier, FEEDS / name)
    assert (second.products_created, second.products_updated) == (0, products)
    assert Product.objects.count() == products


@needs_feeds
def test_excel_mangled_barcodes_are_reported_as_warnings(supplier):
    report = _import(supplier, FEEDS / "shopify" / "shopify_product_template_excel_mangled.csv")
    assert any(w["code"] == "gtin_mangled" for w in report.warnings)
    assert not Variant.objects.exclude(gtin="").filter(gtin__contains="E").exists()


def test_cli_dry_run_and_refusals(supplier, template_file):
    out = io.StringIO()
    call_command("import-catalog", str(template_file), supplier=supplier.company.slug, dry_run=True, stdout=out)
    assert "2 would be created" in out.getvalue()
    assert not Product.objects.exists()
    with pytest.raises(CommandError, match="No supplier"):
        call_command("import-catalog", str(template_file), supplier="nobody")
    buyer = factories.member(kind="buyer")
    with pytest.raises(CommandError, match="No supplier"):
        call_command("import-catalog", str(template_file), supplier=buyer.company.slug)
    png = template_file.parent / "image.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    with pytest.raises(CommandError):
        call_command("import-catalog", str(png), supplier=supplier.company.slug)
    report = template_file.parent / "report.csv"
    call_command(
        "import-catalog", str(template_file), supplier=supplier.company.slug, report=str(report), stdout=io.StringIO()
    )
    assert "tiers_not_monotonic" in report.read_text()

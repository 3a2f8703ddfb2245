"""open_catalog: what it refuses, and how it recognises encodings, separators and formats."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from tradebridge.catalog.importers import xlsx_safety
from tradebridge.catalog.importers.reader import FORMATS, UnreadableFile, open_catalog

from .conftest import FIXTURES, garbled, read_all

SHOPIFY_HEADER = "Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Variant Barcode,Image Src"


def refused(path, **kwargs) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as caught:
        open_catalog(path, **kwargs)
    assert caught.value.message  # always a sentence for the supplier
    return caught.value


def test_formats_are_the_published_list():
    assert FORMATS == ("shopify", "woocommerce", "merchant_tsv", "merchant_xml", "tradebridge_csv", "tradebridge_xlsx")


def test_empty_and_whitespace_files(write):
    assert refused(write("a.csv", b"")).code == "empty"
    assert refused(write("b.csv", b"\xef\xbb\xbf \r\n")).code == "empty"


def test_too_large(write):
    path = write("big.csv", SHOPIFY_HEADER + "\n" + "x,y\n" * 1000)
    assert refused(path, max_bytes=1000).code == "too_large"


def test_binary_renamed_as_csv(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    assert refused(write("photo.csv", png)).code == "not_text"


def test_unknown_header_names_what_was_expected(write):
    error = refused(write("stock.csv", "Product code,Description,Qty\nA1,Thing,3\n"))
    assert error.code == "unknown_format"
    assert "Product code" in error.message and "Shopify" in error.message and "handle, sku" in error.message


def test_text_claiming_to_be_xlsx(write):
    assert refused(write("catalog.xlsx", SHOPIFY_HEADER + "\n")).code == "not_xlsx"


def test_zip_that_is_not_a_workbook(write):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert refused(write("catalog.xlsx", buffer.getvalue())).code == "not_xlsx"


def test_old_xls(write):
    assert refused(write("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)).code == "not_xlsx"


def _workbook_zip(extra: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for name, data in extra.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_by_compression_ratio(write):
    bomb = _workbook_zip({"xl/worksheets/sheet1.xml": b"\x00" * (5 * 1024 * 1024)})
    assert len(bomb) < 100_000  # 5 MB of zeros squeezes to a few KB: far beyond 100:1
    assert refused(write("bomb.xlsx", bomb)).code == "zip_bomb"


def test_zip_bomb_by_member_count(write):
    parts = {f"xl/media/{n}.bin": b"" for n in range(xlsx_safety.MAX_MEMBERS)}
    assert refused(write("many.xlsx", _workbook_zip(parts, zipfile.ZIP_STORED))).code == "zip_bomb"


def test_zip_bomb_by_total_size(write, monkeypatch):
    monkeypatch.setattr(xlsx_safety, "MAX_TOTAL_UNCOMPRESSED", 1000)
    data = _workbook_zip({"xl/sharedStrings.xml": b"<sst>" + b"x" * 2000 + b"</sst>"}, zipfile.ZIP_STORED)
    assert refused(write("big.xlsx", data)).code == "zip_bomb"


def test_workbook_with_an_unknown_compression_method(write):
    data = bytearray(_workbook_zip({}, zipfile.ZIP_STORED))
    # Method 99 in every local and central header: zipfile could list it but not read it.
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        while at != -1:
            data[at + offset : at + offset + 2] = (99).to_bytes(2, "little")
            at = data.find(signature, at + 4)
    error = refused(write("odd.xlsx", bytes(data)))
    assert error.code == "not_xlsx" and "compression" in error.message


# LZMA keeps the 4-byte header zipfile writes before the stream, so the garbage reaches lzma.
@pytest.mark.parametrize(
    ("compression", "kept"), [(zipfile.ZIP_DEFLATED, 0), (zipfile.ZIP_LZMA, 4), (zipfile.ZIP_BZIP2, 0)]
)
def test_workbook_part_with_damaged_compressed_data(write, compression, kept):
    data = garbled(_workbook_zip({}, compression), "xl/workbook.xml", kept)
    error = refused(write("damaged.xlsx", data))
    assert error.code == "not_xlsx" and "damaged" in error.message


def test_workbook_part_with_a_dtd(write):
    data = _workbook_zip({"xl/sharedStrings.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sst/>'})
    assert refused(write("dtd.xlsx", data)).code == "unsafe_xml"


def test_billion_laughs_feed_is_refused():
    assert refused(FIXTURES / "merchant_billion_laughs.xml").code == "unsafe_xml"


def test_xml_that_is_not_a_merchant_feed(write):
    error = refused(write("blog.xml", '<?xml version="1.0"?><rss version="2.0"><channel><item/></channel></rss>'))
    assert error.code == "unknown_format" and "base.google.com" in error.message


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ((SHOPIFY_HEADER + "\r\nmug,Mug,,,M1,4,,\r\n").encode("utf-8-sig"), "utf-8-sig"),
        ((SHOPIFY_HEADER + "\r\nmug,Mug £,,,M1,4,,\r\n").encode("utf-8"), "utf-8"),
        ((SHOPIFY_HEADER + "\r\nmug,Mug £,,,M1,4,,\r\n").encode("cp1252"), "cp1252"),
        ((SHOPIFY_HEADER + "\r\nmug,Mug £,,,M1,4,,\r\n").encode("utf-16"), "utf-16"),
    ],
)
def test_encodings(write, data, encoding):
    path = write("f.csv", data)
    assert open_catalog(path).encoding == encoding
    products, errors = read_all(path)
    assert errors == [] and products[0].title in ("Mug", "Mug £")
    assert products[0].warnings == []


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(write, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(SHOPIFY_HEADER.split(","))
    writer.writerow(["mug", "Mug, large", "", "", "M1", "4,20" if delimiter != "," else "4.20", "", ""])
    path = write("f.csv", buffer.getvalue())
    assert open_catalog(path).delimiter == delimiter
    [product], _ = read_all(path)
    assert product.title == "Mug, large" and str(product.variants[0].price) == "4.20"


def test_excel_sep_line(write):
    path = write("f.csv", "sep=;\n" + SHOPIFY_HEADER.replace(",", ";") + "\nmug;Mug;;;M1;4,20;;\n")
    assert open_catalog(path).delimiter == ";"
    [product], _ = read_all(path)
    assert product.rows == [2]  # Excel hides the sep= line, so the header is still row 1


def test_utf8_file_with_a_windows_1252_line_far_down(write):
    # The first 64 KB are valid UTF-8, so the file is read as UTF-8; the £ typed on a Windows
    # machine much later (byte 0xA3) must neither crash the import nor be lost.
    filler = "".join(f"p{n},Product {n},,,S{n},1.00,,\n" for n in range(3000)).encode()
    path = write("mixed.csv", SHOPIFY_HEADER.encode() + b"\n" + filler + b"late,Late \xa3 mug,,,L1,2.00,,\n")
    assert open_catalog(path).encoding == "utf-8"
    products, errors = read_all(path)
    assert errors == [] and len(products) == 3001
    late = products[-1]
    assert late.title == "Late £ mug"
    assert [(w.row, w.code) for w in late.warnings] == [(3002, "encoding_repaired")]


def test_format_comes_from_content_not_extension(write):
    path = write("feed.txt", "id\ttitle\tprice\tlink\nA1\tThing\t1.00 GBP\thttps://example.com\n")
    assert open_catalog(path, filename="catalog.csv").format == "merchant_tsv"


def test_records_can_be_read_twice(write):
    path = write("f.csv", SHOPIFY_HEADER + "\nmug,Mug,,,M1,4,,\n")
    catalog = open_catalog(path)
    assert list(catalog.records()) == list(catalog.records())


def test_utf8_and_windows_1252_on_the_same_line(write):
    # "Café" saved as UTF-8, then "£" typed on a Windows machine (0xA3): only that byte is
    # read as Windows-1252, so the é survives instead of becoming "Ã©".
    path = write("mixed.csv", SHOPIFY_HEADER.encode() + "\nmug,Café ".encode() + b"\xa3" + b"5 mug,,,M1,5,,\n")
    assert open_catalog(path).encoding == "utf-8"
    [product], _ = read_all(path)
    assert product.title == "Café £5 mug"
    assert [(w.row, w.code) for w in product.warnings] == [(2, "encoding_repaired")]

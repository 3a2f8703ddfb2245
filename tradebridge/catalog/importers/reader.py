"""The one entry point for catalog files: `open_catalog` refuses what cannot be read safely,
recognises the format from the content (never the extension alone) and returns a `CatalogFile`
whose `records()` streams products and row errors.

A record's `row` is the spreadsheet row as Excel shows it: the header is row 1 and a cell that
spans several lines is still one row. For XML feeds it is the line the <item> starts on.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import merchant, shopify, template_reader, woocommerce
from .records import ImportedProduct, RowError
from .rows import SEP_LINE, DamagedWorkbook, Header, Row, read_csv_rows, read_xlsx_rows, xlsx_header
from .template import PRODUCTS_SHEET
from .xlsx_safety import xlsx_problem
from .xml_feed import GOOGLE_NS, prolog_problem, read_xml_rows, root_name

FORMATS = (
    "shopify",
    "woocommerce",
    "merchant_tsv",
    "merchant_xml",
    "tradebridge_csv",
    "tradebridge_xlsx",
)
_PREFIX = 64 * 1024
_DELIMITERS = (",", ";", "\t", "|")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")
_EXPECTED = (
    "Expected one of: a Shopify product CSV (Handle, Title, Body (HTML), Variant SKU, Variant "
    "Price…), a WooCommerce product export (ID, Type, SKU, Name, Regular price…), a Google "
    "Merchant Center feed (id, title, description, price, gtin…, as TSV or RSS/XML), or the "
    "TradeBridge template (handle, sku, title_en…)."
)


class UnreadableFile(Exception):
    """The whole file is refused. `code` is stable; `message` is a sentence for the supplier."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class CatalogFile:
    path: Path
    format: str
    encoding: str
    delimiter: str | None

    def records(self) -> Iterator[ImportedProduct | RowError]:
        """Products and row errors in file order. Reads the file twice (see grouping.py) and
        never holds it whole; each call starts again from the top."""
        mappers = {
            "shopify": shopify.records,
            "woocommerce": woocommerce.records,
            "merchant_tsv": merchant.records,
            "merchant_xml": merchant.records,
            "tradebridge_csv": template_reader.records,
            "tradebridge_xlsx": template_reader.records,
        }
        return mappers[self.format](self._rows)

    def _rows(self) -> Iterator[Row | RowError]:
        if self.format == "merchant_xml":
            return read_xml_rows(self.path)
        if self.format == "tradebridge_xlsx":
            return read_xlsx_rows(self.path, PRODUCTS_SHEET)
        assert self.delimiter is not None
        return read_csv_rows(self.path, self.encoding, self.delimiter)


def open_catalog(path: str | Path, *, filename: str | None = None, max_bytes: int = 50 * 1024 * 1024) -> CatalogFile:
    """Recognise a catalog file or raise UnreadableFile. `filename` is the name the supplier
    uploaded (the stored path may be a temporary name); it is only used to refuse a ".xlsx" that
    is not a workbook, never to decide the format."""
    path = Path(path)
    name = (filename or path.name).lower()
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("empty", "The file is empty.")
    if size > max_bytes:
        raise UnreadableFile(
            "too_large",
            f"The file is {size / 1024 / 1024:.0f} MB; the limit is "
            f"{max_bytes / 1024 / 1024:.0f} MB. Split it into smaller files.",
        )
    with open(path, "rb") as raw:
        prefix = raw.read(_PREFIX)
    if prefix.startswith(b"PK\x03\x04") or name.endswith((".xlsx", ".xlsm")):
        return _open_xlsx(path)
    if prefix.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile("not_xlsx", "This is an old Excel .xls file. Save it as .xlsx or CSV and upload that.")
    encoding = sniff_encoding(prefix)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(prefix)
    if not text.strip():
        raise UnreadableFile("empty", "The file has no content.")
    if text.lstrip().startswith("<"):
        return _open_xml(path, prefix)
    return _open_delimited(path, text, encoding)


def sniff_encoding(prefix: bytes) -> str:
    """The file's text encoding from its BOM, else UTF-8 if the start decodes, else Windows-1252.
    Raises UnreadableFile for binary content."""
    if prefix.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if prefix.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = prefix[:1024]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    if b"\x00" in head or controls > len(head) // 20:
        raise UnreadableFile(
            "not_text",
            "The file is not text (it may be an image, a PDF or a renamed file). Upload a CSV, "
            "TSV, XML feed or .xlsx workbook.",
        )
    try:
        # final=False: the prefix may end in the middle of a multi-byte character.
        codecs.getincrementaldecoder("utf-8")().decode(prefix, final=False)
    except UnicodeDecodeError:
        # Real UTF-8 sequences beside the invalid bytes: a UTF-8 file with some lines typed on
        # Windows. Read it as UTF-8; rows.py repairs those lines and says which rows they were.
        return "utf-8" if _UTF8_SEQUENCE.search(prefix) else "cp1252"
    return "utf-8"


def detect_format(keys: set[str]) -> str | None:
    """The format a header (normalised column names) belongs to: "shopify", "woocommerce",
    "merchant" or "tradebridge"; None when it is none of them."""
    if {"handle", "sku"} <= keys and keys & {"title_en", "title_zh"}:
        return "tradebridge"
    shopify_marks = {"title", "body (html)", "vendor", "variant sku", "variant price", "image src"}
    if "handle" in keys and len(keys & shopify_marks) >= 2:
        return "shopify"
    if {"type", "sku", "name"} <= keys and keys & {"regular price", "parent", "id"}:
        return "woocommerce"
    merchant_marks = {"link", "image_link", "availability", "gtin", "google_product_category"}
    if {"id", "title", "price"} <= keys and keys & (merchant_marks | {"item_group_id"}):
        return "merchant"
    return None


def _unknown(found: list[str]) -> UnreadableFile:
    shown = ", ".join(name for name in found[:8] if name) or "no column names"
    return UnreadableFile("unknown_format", f"We did not recognise the columns ({shown}). {_EXPECTED}")


def _open_delimited(path: Path, text: str, encoding: str) -> CatalogFile:
    lines = text.splitlines()
    first = lines[0] if lines else ""
    sep = SEP_LINE.match(first.strip())
    if sep and len(lines) > 1:
        delimiter, first = sep.group(1), lines[1]
    else:
        delimiter = sniff_delimiter(first)
    names = next(csv.reader([first], delimiter=delimiter), [])
    header = Header(names)
    kind = detect_format(set(header.keys()))
    formats = {
        "shopify": "shopify",
        "woocommerce": "woocommerce",
        "merchant": "merchant_tsv",
        "tradebridge": "tradebridge_csv",
    }
    if kind is None:
        raise _unknown(header.names)
    return CatalogFile(path, formats[kind], encoding, delimiter)


def sniff_delimiter(header_line: str) -> str:
    """The separator used most often in the header line outside quotes (comma on a tie)."""
    outside = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie
    return best if counts[best] else ","


def _open_xlsx(path: Path) -> CatalogFile:
    problem = xlsx_problem(path)
    if problem:
        raise UnreadableFile(*problem)
    try:
        names = xlsx_header(path, PRODUCTS_SHEET)
    except DamagedWorkbook as exc:
        raise UnreadableFile("not_xlsx", "The workbook is damaged and cannot be read.") from exc
    if not names:
        raise UnreadableFile("empty", "The workbook has no rows.")
    kind = detect_format(set(Header(names).keys()))
    if kind == "tradebridge":
        return CatalogFile(path, "tradebridge_xlsx", "utf-8", None)  # XLSX parts are UTF-8 XML
    if kind is not None:
        raise UnreadableFile(
            "unknown_format",
            f"This workbook holds a {kind.title()} export. Upload that export as the CSV file "
            "it came as (re-saving it in Excel can damage barcodes), or use our template.",
        )
    raise _unknown(names)


def _open_xml(path: Path, prefix: bytes) -> CatalogFile:
    if prolog_problem(prefix):
        raise UnreadableFile(
            "unsafe_xml",
            "The XML file declares a DTD or entities, which product feeds do not need; it was "
            "refused for safety. Export the feed without a DOCTYPE.",
        )
    ascii_prefix = prefix.replace(b"\x00", b"")
    if root_name(prefix) not in ("rss", "feed") or GOOGLE_NS.encode() not in ascii_prefix:
        raise UnreadableFile(
            "unknown_format",
            "This XML file is not a Google Merchant feed (RSS or Atom with the "
            f'xmlns:g="{GOOGLE_NS}" namespace). {_EXPECTED}',
        )
    declared = _XML_ENCODING.search(ascii_prefix)
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
    else:
        encoding = "utf-16" if prefix.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    return CatalogFile(path, "merchant_xml", encoding, None)

"""Streams a delimited text file or a worksheet as `Row`s: cells keyed by a normalised header,
numbered as a spreadsheet shows them (the header is row 1; a multi-line cell is still one row).

Text is decoded line by line, so a Windows-1252 byte deep inside a "UTF-8" file is repaired and
reported on its row instead of crashing the import or garbling the rest of the file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import warnings
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from .records import RowError

# A product description can be a long HTML page; csv's default 128 KB cell limit is too small.
csv.field_size_limit(max(csv.field_size_limit(), 32 * 1024 * 1024))

SEP_LINE = re.compile(r"^sep=(.)\s*$")  # Excel's "sep=;" hint, which it hides from the user


def normalise_header(name: str) -> str:
    """A column name in comparable form: " Variant  SKU" → "variant sku", "g:price" → "price"."""
    key = " ".join(str(name or "").replace("\ufeff", "").split()).lower()
    return key[2:] if key.startswith("g:") else key


class Header:
    """The header row: each normalised key's position and its spelling in the file."""

    def __init__(self, names: list[str]) -> None:
        self.names = [str(n or "").strip() for n in names]
        self.positions: list[tuple[int, str]] = []
        self.original: dict[str, str] = {}
        for position, name in enumerate(self.names):
            key = normalise_header(name)
            if key and key not in self.original:  # a repeated column: the first one wins
                self.original[key] = name
                self.positions.append((position, key))

    def __contains__(self, key: str) -> bool:
        return key in self.original

    def keys(self) -> list[str]:
        return list(self.original)


@dataclass(slots=True)
class Row:
    number: int
    values: dict[str, str]
    header: Header
    warnings: list[RowError] = field(default_factory=list)

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def column(self, key: str) -> str:
        """The column's name as the supplier's file spells it, for messages."""
        return self.header.original.get(key, key)

    def problem(self, key: str | None, code: str, message: str, handle: str | None = None) -> RowError:
        return RowError(self.number, self.column(key) if key else None, code, message, handle)


@dataclass
class _Decoding:
    repaired: bool = False


def _windows_1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    # Only the bytes that are not valid UTF-8 are read as Windows-1252; the rest of the line
    # keeps its UTF-8 accents instead of turning into "Ã©".
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("tradebridge.cp1252", _windows_1252_bytes)


def _lines(raw: BinaryIO, encoding: str, state: _Decoding) -> Iterator[str]:
    """Decoded lines with their endings, as csv wants them (it needs to see "\\r\\n")."""
    if encoding.startswith(("utf-16", "utf-32")):
        # Not ASCII-compatible, so lines cannot be split as bytes; decode as a stream instead.
        for line in io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline=""):
            if "\ufffd" in line:
                state.repaired = True
            yield line
        return
    primary = "utf-8" if encoding.startswith("utf-8") else encoding
    fallback = "tradebridge.cp1252" if primary == "utf-8" else "replace"
    first = True
    for chunk in raw:
        if first and encoding == "utf-8-sig" and chunk.startswith(codecs.BOM_UTF8):
            chunk = chunk[len(codecs.BOM_UTF8) :]
        first = False
        try:
            yield chunk.decode(primary)
        except UnicodeDecodeError:
            # Bytes that are not valid in the file's encoding were almost always typed on a
            # Windows machine: read them as Windows-1252 and tell the supplier which row it was.
            state.repaired = True
            yield chunk.decode(primary, errors=fallback)


def read_csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[Row | RowError]:
    """Rows after the header; blank rows are skipped but still counted."""
    state = _Decoding()
    with open(path, "rb") as raw:
        lines = _lines(raw, encoding, state)
        first = next(lines, None)
        if first is None:
            return
        if not SEP_LINE.match(first.strip("\r\n")):
            lines = _chain(first, lines)
        # A NUL is never meant (a file saved by a broken tool); PostgreSQL cannot store one.
        reader = csv.reader((line.replace("\x00", "") for line in lines), delimiter=delimiter)
        header: Header | None = None
        number = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RowError(number + 1, None, "csv_malformed", f"The file cannot be read from here on: {exc}.")
                return
            number += 1
            repaired, state.repaired = state.repaired, False
            if header is None:
                header = Header(record)
                continue
            row = _row(number, record, header)
            if row is None:
                continue
            if repaired:
                row.warnings.append(
                    RowError(
                        number,
                        None,
                        "encoding_repaired",
                        f"Row {number} had characters in a different text encoding; they were "
                        "read as Windows-1252. Check accents and symbols such as £ on this row.",
                    )
                )
            yield row


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _row(number: int, cells: list[str], header: Header) -> Row | None:
    if not any(cell.strip() for cell in cells):
        return None
    count = len(cells)
    # Only filled cells are kept (Row.get gives "" for the rest): exports are mostly empty.
    values = {key: text for i, key in header.positions if i < count and (text := cells[i].strip())}
    row = Row(number, values, header)
    extra = [c for c in cells[len(header.names) :] if c.strip()]
    if extra:
        # Usually a delimiter inside an unquoted cell, which shifts every cell after it.
        row.warnings.append(
            row.problem(
                None,
                "too_many_cells",
                f"Row {number} has more cells than the header; a cell may contain an unquoted "
                "separator, which moves the cells after it into the wrong columns.",
            )
        )
    return row


def cell_text(value: object) -> str:
    """A worksheet value as the text a CSV export would hold ("12", "4.2", "TRUE")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))  # a barcode typed as a number comes back as 5012345678900.0
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


class DamagedWorkbook(ValueError):
    """openpyxl could not read the workbook (a damaged part, bad XML). A ValueError, so an import
    reports where reading stopped, like any file that breaks off midway."""


def _sheet_values(path: Path, sheet: str | None) -> Iterator[tuple]:
    """The cell values of `sheet` (or the first sheet), row by row.

    Only call this after xlsx_safety has passed the archive. That check reads the start of each
    part, so damage further in (a broken deflate stream, a wrong checksum) shows up only here."""
    import openpyxl  # imported here: only spreadsheet uploads pay for it

    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it ignores (data validation, conditional formats).
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            worksheet = workbook[sheet] if sheet in workbook.sheetnames else workbook.worksheets[0]
            yield from worksheet.iter_rows(values_only=True)
        finally:
            workbook.close()
    except Exception as exc:  # openpyxl and zipfile raise many exception types on damaged workbooks
        raise DamagedWorkbook(f"The workbook is damaged and cannot be read ({exc})") from exc


def read_xlsx_rows(path: Path, sheet: str | None = None) -> Iterator[Row | RowError]:
    """Rows of `sheet` (or the first sheet) after its header, numbered as Excel shows them.
    Raises DamagedWorkbook where the workbook cannot be read on."""
    header: Header | None = None
    with closing(_sheet_values(path, sheet)) as sheet_rows:
        for number, values in enumerate(sheet_rows, start=1):
            cells = [cell_text(v) for v in values]
            if header is None:
                if not any(cells):
                    continue  # blank rows above the header
                header = Header(cells)
                continue
            row = _row(number, cells, header)
            if row is not None:
                yield row


def xlsx_header(path: Path, sheet: str | None = None) -> list[str]:
    """The first non-blank row of `sheet` (or the first sheet), for recognising the format."""
    with closing(_sheet_values(path, sheet)) as sheet_rows:  # closes the workbook on return
        for values in sheet_rows:
            cells = [cell_text(v) for v in values]
            if any(cells):
                return cells
        return []

"""Checks an .xlsx upload's zip structure before openpyxl opens it: zip bombs (huge or
suspiciously compressible members, too many members), archives that are not workbooks, and XML
parts that declare a DTD (the entity-expansion trick works inside spreadsheets too).

Reading only the central directory is enough for sizes: zipfile stops decompressing a member
at its declared size, so a member cannot inflate past what it declares.
"""

from __future__ import annotations

import lzma
import re
import zipfile
import zlib
from pathlib import Path

MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECKED_ABOVE = 1024 * 1024
MAX_MEMBERS = 10_000
# The compression methods Python's zipfile can read; Excel itself writes only the first two.
READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_SNIFF = 4096
# What reading a damaged member raises: zipfile's own error, and the decompressors' errors, which
# zipfile lets through (zlib and LZMA have their own; bz2 raises OSError, a truncated stream
# EOFError). RuntimeError: an encrypted member.
DAMAGED = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, EOFError, RuntimeError)


def xlsx_problem(path: Path) -> tuple[str, str] | None:
    """(code, message) saying why the file must not be opened as a workbook, or None."""
    if not zipfile.is_zipfile(path):
        return "not_xlsx", "The file is not an Excel workbook (.xlsx). Save it as .xlsx or CSV."
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                return "zip_bomb", "The workbook has too many internal parts to be a catalog."
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                return (
                    "not_xlsx",
                    "The file is a zip archive but not an Excel workbook. Save it as .xlsx or CSV.",
                )
            if any(member.compress_type not in READABLE_COMPRESSION for member in members):
                return "not_xlsx", "The workbook uses a compression method that cannot be read; save it again as .xlsx."
            if sum(member.file_size for member in members) > MAX_TOTAL_UNCOMPRESSED:
                return "zip_bomb", "The workbook expands to more than 200 MB; split it into smaller files."
            for member in members:
                if member.file_size > RATIO_CHECKED_ABOVE and (
                    member.file_size > MAX_RATIO * max(member.compress_size, 1)
                ):
                    return "zip_bomb", "The workbook is compressed suspiciously well; it was refused."
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(member) as part:
                        if _DECLARATION.search(part.read(_SNIFF)):
                            return "unsafe_xml", "The workbook contains a DTD declaration; it was refused."
    except DAMAGED as exc:
        return "not_xlsx", f"The workbook is damaged and cannot be read ({exc})."
    return None

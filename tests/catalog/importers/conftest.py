"""Helpers for the importer tests: reading a file to products and errors, and the shared feeds."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tradebridge.catalog.importers.reader import open_catalog
from tradebridge.catalog.importers.records import ImportedProduct, RowError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# tests/catalog/importers/conftest.py → parents[3] is the repository root; the shared data sits
# beside it.
FEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "feeds"


def read_all(path: Path, **kwargs) -> tuple[list[ImportedProduct], list[RowError]]:
    products, errors = [], []
    for record in open_catalog(path, **kwargs).records():
        (products if isinstance(record, ImportedProduct) else errors).append(record)
    return products, errors


def garbled(data: bytes, member: str, kept: int = 0) -> bytes:
    """`data` with garbage in place of `member`'s compressed bytes after the first `kept`; the
    sizes and headers are left intact."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    name_length, extra_length = (int.from_bytes(data[local + at : local + at + 2], "little") for at in (26, 28))
    start = local + 30 + name_length + extra_length + kept
    end = local + 30 + name_length + extra_length + info.compress_size
    return data[:start] + b"\xff" * (end - start) + data[end:]


def by_handle(products: list[ImportedProduct]) -> dict[str, ImportedProduct]:
    return {product.handle: product for product in products}


@pytest.fixture
def write(tmp_path):
    """write("name.csv", text_or_bytes, encoding="utf-8") -> the path of a new file."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write


@pytest.fixture
def feed():
    """feed("shopify/apparel.csv") -> its path, or skip when the shared feeds are absent."""

    def _feed(relative: str) -> Path:
        path = FEEDS / relative
        if not FEEDS.is_dir():
            pytest.skip(f"shared feeds folder {FEEDS.resolve()} is absent on this machine")
        if not path.is_file():
            pytest.skip(f"{relative} is not in the shared feeds folder")
        return path

    return _feed

"""Paths to the shared real data (skipped when absent) and small builders for these tests."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

# tests/catalog/categories/conftest.py → parents[3] is the repository root; the shared data sits
# beside it and is absent from a fresh clone.
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
TAXONOMY_EN = SHARED / "taxonomy" / "taxonomy-with-ids.en-US.txt"
TAXONOMY_ZH = SHARED / "taxonomy" / "taxonomy-with-ids.zh-CN.txt"
HS_CSV = SHARED / "hs" / "harmonized-system.csv"
FEEDS = SHARED / "feeds"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data {path.resolve()} is absent on this machine")
    return path


@pytest.fixture(scope="session")
def taxonomy_files() -> tuple[Path, Path]:
    return require(TAXONOMY_EN), require(TAXONOMY_ZH)


@pytest.fixture(scope="session")
def hs_headings() -> set[str]:
    """The 4-digit headings (level 4) of HS 2022."""
    with open(require(HS_CSV), encoding="utf-8", newline="") as fh:
        return {row["hscode"] for row in csv.DictReader(fh) if row["level"] == "4"}


@pytest.fixture
def write(tmp_path):
    """write("name.txt", text_or_bytes) -> the path of a new file."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    return _write

"""A 100,000-row file is read without holding it: memory stays flat (a shape check, not timing)."""

from __future__ import annotations

import csv
import tracemalloc

from tradebridge.catalog.importers.reader import open_catalog
from tradebridge.catalog.importers.records import ImportedProduct

ROWS = 100_000
PEAK_LIMIT = 30 * 1024 * 1024
HEADER = [
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Option1 Name",
    "Option1 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Inventory Qty",
    "Variant Price",
    "Variant Barcode",
    "Image Src",
]


def test_hundred_thousand_shopify_rows_in_flat_memory(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(ROWS // 2):  # two variants per product, written one row at a time
            body = f"<p>Product {n} is sturdy.</p>\n<ul><li>Dishwasher safe</li><li>Made in Stoke</li></ul>"
            image = f"https://cdn.example.com/{n}.jpg"
            writer.writerow([f"p-{n}", f"Product {n}", body, "Acme", "Size", "S", f"S-{n}", 100, 5, "4.20", "", image])
            writer.writerow([f"p-{n}", "", "", "", "", "L", f"L-{n}", 200, 5, "5.20", "", ""])
    assert path.stat().st_size > 10 * 1024 * 1024  # big enough that holding it would show

    catalog = open_catalog(path)
    tracemalloc.start()
    try:
        products = variants = errors = 0
        for record in catalog.records():
            if isinstance(record, ImportedProduct):
                products += 1
                variants += len(record.variants)
            else:
                errors += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (products, variants, errors) == (ROWS // 2, ROWS, 0)
    assert peak < PEAK_LIMIT, f"peak {peak / 1024 / 1024:.1f} MB"

"""Benchmark: import a generated 100,000-row Shopify CSV end to end.

    python bench/import_catalog.py [--rows 100000] [--database-url postgres://postgres@127.0.0.1:5432/tb_bench]

Prints rows/s and peak RSS for the full pipeline (detection, parsing, cleaning, validation,
machine translation of titles and descriptions, category guess, database writes), and, in the
same run on the same file, the rows/s of bare `csv.reader` parsing, so the overhead is a ratio.
Each measurement runs in its own process so peak RSS belongs to that phase alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MATERIALS = [
    "Lambswool",
    "Merino",
    "Cashmere",
    "Cotton",
    "Linen",
    "Tweed",
    "Leather",
    "Stainless Steel",
    "Enamel",
    "Stoneware",
    "Organic",
    "Scottish",
    "Welsh",
    "Cornish",
]
PRODUCTS = [
    "Scarf",
    "Jumper",
    "Cardigan",
    "Throw",
    "Beanie",
    "Gloves",
    "Socks",
    "Mug",
    "Teapot",
    "Shortbread",
    "Marmalade",
    "Honey",
    "Tea",
    "Whisky Glass",
    "Candle",
    "Chelsea Boots",
    "Brogues",
    "Rucksack",
    "Face Cream",
    "Hand Cream",
    "Ball Valve",
    "Biscuits",
    "Gin",
    "Jam",
]
COLOURS = ["Navy", "Burgundy", "Grey", "Charcoal", "Cream", "Forest Green", "Black", "Red", "Oatmeal"]
SIZES = ["S", "M", "L", "XL"]
HEADER = [
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Type",
    "Tags",
    "Published",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Inventory Qty",
    "Variant Price",
    "Variant Barcode",
    "Image Src",
    "Variant Weight Unit",
    "Status",
]


def generate(path: Path, rows: int, seed: int = 7) -> int:
    """Write a Shopify export with 1-4 variants per product; return the product count."""
    rng = random.Random(seed)
    written = products = 0
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        while written < rows:
            products += 1
            title = f"{rng.choice(MATERIALS)} {rng.choice(PRODUCTS)}"
            handle = f"{title.lower().replace(' ', '-')}-{products}"
            body = (
                f"<p>Our {title.lower()} is made in Britain.</p><ul><li>Gift box</li>"
                f"<li>{rng.choice(COLOURS)}</li></ul>"
            )
            variants = rng.randint(1, 4)
            for v in range(min(variants, rows - written)):
                first = v == 0
                writer.writerow(
                    [
                        handle,
                        title if first else "",
                        body if first else "",
                        "Bench Ltd" if first else "",
                        "Accessories" if first else "",
                        "wool, gift" if first else "",
                        "TRUE" if first else "",
                        "Colour",
                        rng.choice(COLOURS),
                        "Size",
                        SIZES[v % 4],
                        f"SKU-{products}-{v}",
                        rng.randint(80, 2000),
                        rng.randint(0, 500),
                        f"{rng.randint(100, 9000) / 100:.2f}",
                        "",
                        f"https://cdn.example/{handle}-{v}.jpg" if first else "",
                        "g",
                        "active" if first else "",
                    ]
                )
                written += 1
    return products


def bare_parse(path: str) -> dict:
    started = time.perf_counter()
    rows = 0
    with open(path, newline="", encoding="utf-8") as handle:
        for _row in csv.reader(handle):
            rows += 1
    return {"rows": rows - 1, "seconds": time.perf_counter() - started}


def full_import(path: str) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    django.setup()
    from django.core.management import call_command

    from tradebridge.catalog.categories import load_default_tree
    from tradebridge.catalog.importers.reader import open_catalog
    from tradebridge.catalog.imports import run_import
    from tradebridge.companies.models import Company

    call_command("migrate", verbosity=0)
    load_default_tree()
    supplier, _ = Company.objects.get_or_create(
        kind="supplier", name="Bench Ltd", defaults={"country": "GB", "companies_house_number": "01234567"}
    )
    started = time.perf_counter()
    catalog = open_catalog(path)
    report = run_import(supplier=supplier, records=catalog.records(), file_format=catalog.format)
    seconds = time.perf_counter() - started
    return {
        "rows": report.rows_seen,
        "seconds": seconds,
        "products": report.products_created,
        "variants": report.variants_created,
        "rejected": report.rows_rejected,
    }


def _child(phase: str, path: str, env: dict) -> dict:
    code = (
        f"import json, resource, sys; sys.path.insert(0, {str(ROOT)!r}); import bench.import_catalog as b; "
        f"r = b.{phase}({path!r}); r['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
        "print('RESULT' + json.dumps(r))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT")), None)
    if line is None:
        sys.exit(f"{phase} failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    return json.loads(line[len("RESULT") :])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", default="", help="PostgreSQL URL; the database is created if missing")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tb-bench-import-"))
    csv_path = work / "shopify.csv"
    products = generate(csv_path, args.rows)
    size_mb = csv_path.stat().st_size / 1e6
    print(f"Generated {args.rows:,} rows ({products:,} products, {size_mb:.1f} MB) in {csv_path}")
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env |= {"TRADEBRIDGE_ENV": "development", "TRADEBRIDGE_DATA_DIR": str(work), "DEBUG": "false"}
    targets = [("SQLite", env)]
    if args.database_url:
        targets.append(("PostgreSQL", env | {"DATABASE_URL": args.database_url}))
        _ensure_postgres_database(args.database_url)
    bare = _child("bare_parse", str(csv_path), env)
    bare_rate = bare["rows"] / bare["seconds"]
    print(f"\nBare csv.reader:      {bare_rate:>10,.0f} rows/s   peak RSS {bare['peak_rss_mb']:6.0f} MB")
    for name, target_env in targets:
        full = _child("full_import", str(csv_path), target_env)
        rate = full["rows"] / full["seconds"]
        print(
            f"Import into {name:10}{rate:>10,.0f} rows/s   peak RSS {full['peak_rss_mb']:6.0f} MB   "
            f"({full['seconds']:.1f} s; {full['products']:,} products, {full['variants']:,} SKUs, "
            f"{full['rejected']} rejected; {bare_rate / rate:.1f}x the bare parse time)"
        )


def _ensure_postgres_database(url: str) -> None:
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()

"""`tradebridge import-catalog --supplier SLUG FILE [--dry-run]`: import a catalog file."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradebridge.catalog.importers.reader import UnreadableFile, open_catalog
from tradebridge.catalog.imports import run_import
from tradebridge.companies.domain import Kind
from tradebridge.companies.models import Company


class Command(BaseCommand):
    help = "Import a Shopify, WooCommerce, Merchant Center or TradeBridge catalog file for one supplier."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV, TSV, XML or XLSX file")
        parser.add_argument("--supplier", required=True, help="The supplier's short name (slug)")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing")
        parser.add_argument("--report", help="Write the rejected rows to this CSV file")

    def handle(self, *args, file: str, supplier: str, dry_run: bool, report: str | None, **options):
        company = Company.objects.filter(slug=supplier, kind=Kind.SUPPLIER.value).first()
        if company is None:
            raise CommandError(f"No supplier with the short name {supplier!r}.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            catalog = open_catalog(path)
        except UnreadableFile as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(
            f"{path.name}: {catalog.format} ({catalog.encoding}) for {company.name}"
            + (" — dry run, nothing will be written" if dry_run else "")
        )
        started = time.monotonic()
        result = run_import(
            supplier=company,
            records=catalog.records(),
            file_format=catalog.format,
            dry_run=dry_run,
            progress=self._progress(started),
        )
        sys.stderr.write("\n")
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"Products: {result.products_created} {verb} created, {result.products_updated} updated, "
            f"{result.products_rejected} rejected. SKUs: {result.variants_created} created, "
            f"{result.variants_updated} updated. Rows read: {result.rows_seen}, rejected: {result.rows_rejected}."
        )
        for rejection in result.rejections[:20]:
            self.stdout.write(f"  row {rejection['row']}, {rejection['column'] or '-'}: {rejection['message']}")
        if result.rows_rejected > 20:
            self.stdout.write(f"  … and {result.rows_rejected - 20} more (use --report FILE for all of them)")
        if result.stopped:
            self.stdout.write(
                self.style.WARNING(
                    f"Reading stopped at row {result.stopped['after_row']}: {result.stopped['message']}. "
                    "Everything before it landed."
                )
            )
        if report:
            from tradebridge.catalog.reports import write_rejections_csv

            with open(report, "w", newline="", encoding="utf-8") as handle:
                write_rejections_csv(result.as_dict(), handle)
            self.stdout.write(f"Report written to {report}")

    def _progress(self, started: float):
        def show(done: int, total: int | None) -> None:
            rate = done / max(time.monotonic() - started, 1e-6)
            sys.stderr.write(f"\r  {done:,} rows read ({rate:,.0f} rows/s)")
            sys.stderr.flush()

        return show

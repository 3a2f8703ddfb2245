"""`tradebridge load-categories`: create or refresh the default bilingual category tree from
tradebridge/catalog/data/default_categories.json."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from tradebridge.catalog.categories import load_default_tree


class Command(BaseCommand):
    help = "Load the default category tree. Safe to re-run: names and HS headings follow the file; nothing is deleted."

    def handle(self, *args, **options):
        result = load_default_tree()
        kept = f" {result['not_in_file']} no longer in the file were kept." if result["not_in_file"] else ""
        self.stdout.write(
            f"Default categories: {result['created']} created, {result['updated']} updated, "
            f"{result['unchanged']} unchanged.{kept}"
        )

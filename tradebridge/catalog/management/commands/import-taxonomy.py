"""`tradebridge import-taxonomy --en PATH [--zh PATH]`: import Google's Product Taxonomy as a
category subtree (under "google"), with Chinese names where the zh-CN file has them."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradebridge.catalog.categories import import_google_taxonomy

PROGRESS_EVERY = 500
ERRORS_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import Google's Product Taxonomy (taxonomy-with-ids.*.txt) under the 'google' root. "
        "Safe to re-run: names are refreshed, nothing is moved or deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--en", required=True, metavar="PATH", help="taxonomy-with-ids.en-US.txt (required)")
        parser.add_argument(
            "--zh",
            metavar="PATH",
            help="taxonomy-with-ids.zh-CN.txt; without it, Chinese names fall back to English",
        )
        parser.add_argument("--under", default="google", metavar="SLUG", help="root node's slug (default: google)")

    def handle(self, *args, en: str, zh: str | None, under: str, **options):
        for label, path in (("English", en), ("Chinese", zh)):
            if path is not None and not Path(path).is_file():
                raise CommandError(f"{label} taxonomy file not found: {path}")

        def progress(done: int) -> None:
            if done % PROGRESS_EVERY == 0:
                self.stderr.write(f"  {done:,} nodes read", style_func=lambda text: text)

        try:
            result = import_google_taxonomy(en, zh, under=under, progress=progress)
        except (OSError, ValueError) as exc:  # unreadable file, bad --under
            raise CommandError(str(exc)) from None

        for error in result["errors"][:ERRORS_SHOWN]:
            self.stderr.write(f"  {error}")
        if len(result["errors"]) > ERRORS_SHOWN:
            self.stderr.write(f"  … and {len(result['errors']) - ERRORS_SHOWN} more")
        editions = f"en {result['en_version'] or '?'}" + (f", zh {result['zh_version'] or '?'}" if zh else "")
        self.stdout.write(
            f"Google taxonomy ({editions}) under '{under}': {result['read']:,} nodes read, "
            f"{result['created']:,} created, {result['updated']:,} renamed, "
            f"{result['unchanged']:,} unchanged, {result['zh_missing']:,} without a Chinese name, "
            f"{len(result['errors']):,} errors."
        )

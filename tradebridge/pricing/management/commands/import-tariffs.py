"""`tradebridge import-tariffs FILE`: replace the China tariff table with an operator's CSV.

The file is checked whole first (every bad row is listed); only a valid table replaces the one
in force, atomically, so landed costs are never computed from half a table.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tradebridge.pricing.tariffs import TariffFileError, TariffTable


class Command(BaseCommand):
    help = "Replace the China import tariff table (same columns as tradebridge/pricing/data/china_tariffs.csv)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            text = path.read_text(encoding="utf-8-sig")
            table = TariffTable.parse(text)
        except UnicodeDecodeError:
            raise CommandError("The file is not UTF-8 text.") from None
        except TariffFileError as exc:
            raise CommandError("; ".join(str(e) for e in exc.errors)) from None
        target = Path(settings.DATA_DIR) / "china_tariffs.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".csv")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)  # atomic: readers see the old table or the new one
        self.stdout.write(f"Tariff table replaced: {len(table.lines)} lines, in force from now.")

"""`tradebridge import-rates FILE`: load exchange rates from a CSV (base,quote,rate,valid_from,source)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradebridge.core.errors import DomainError
from tradebridge.pricing.services import import_rates


class Command(BaseCommand):
    help = "Load exchange rates from a CSV file with columns base,quote,rate,valid_from,source."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            counts = import_rates(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            raise CommandError("The file is not UTF-8 text.") from None
        except DomainError as exc:
            raise CommandError(" ".join(e.message for e in exc.errors)) from None
        self.stdout.write(f"Rates: {counts['created']} added, {counts['updated']} replaced.")

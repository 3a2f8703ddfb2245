"""`tradebridge ledger-check`: verify every ledger invariant; exit 1 with one line per breach."""

from django.core.management.base import BaseCommand, CommandError

from tradebridge.ledger import audit
from tradebridge.ledger.models import LedgerTransaction, Posting


class Command(BaseCommand):
    help = (
        "Check that every ledger transaction balances per currency, no posting is orphaned, escrow "
        "per order never goes negative, reversals mirror what they reverse, and postings match "
        "their account's currency. Exits 1 and prints one line per breach."
    )

    def handle(self, *args, **options):
        found = audit.breaches()
        for line in found:
            self.stderr.write(line)
        if found:
            raise CommandError(f"{len(found)} ledger breach(es) found.", returncode=1)
        self.stdout.write(
            f"Ledger OK: {LedgerTransaction.objects.count()} transactions, "
            f"{Posting.objects.count()} postings, every invariant holds."
        )

"""`tradebridge ledger-reverse <transaction id> --reason "…"`: correct a wrong ledger entry."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tradebridge.core.errors import DomainError
from tradebridge.ledger import services


class Command(BaseCommand):
    help = "Post the mirror image of a ledger transaction, undoing it. Entries are never edited."

    def add_arguments(self, parser):
        parser.add_argument("transaction_id", type=int)
        parser.add_argument("--reason", required=True, help="Why; kept on the reversal as its memo.")

    def handle(self, *args, transaction_id: int, reason: str, **options):
        try:
            with transaction.atomic():
                reversal = services.reverse(transaction_id=transaction_id, reason=reason)
        except DomainError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"Transaction {transaction_id} reversed by transaction {reversal.pk}.")

"""Django's `flush`, able to erase ledger entries on SQLite as TRUNCATE does on PostgreSQL.

Erasing the whole database is not an edit of the ledger, and the test runner flushes between
transactional tests; every other UPDATE or DELETE of a ledger row stays refused.
"""

from django.core.management.commands.flush import Command as FlushCommand

from tradebridge.ledger.guard import unlocked


class Command(FlushCommand):
    def handle(self, **options):
        with unlocked():
            return super().handle(**options)

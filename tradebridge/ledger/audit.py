"""Every invariant of the ledger, checked against what is actually stored.

Each check returns one readable line per breach, so `tradebridge ledger-check` can print them
and exit non-zero. The checks read rows as the database has them, including rows that the
models and triggers would never have let in (raw SQL, a restored backup, a dropped trigger).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal

from django.db import connection
from django.db.models import Count, F

from tradebridge.ledger.domain import AccountKind
from tradebridge.ledger.models import LedgerTransaction, Posting


def _label(txn_id: int, kinds: dict[int, tuple[str, str]]) -> str:
    kind, reference = kinds.get(txn_id, ("?", "?"))
    return f"transaction {txn_id} ({kind} {reference})"


def _transactions() -> dict[int, tuple[str, str]]:
    return {pk: (kind, ref) for pk, kind, ref in LedgerTransaction.objects.values_list("pk", "kind", "reference")}


def unbalanced_transactions() -> list[str]:
    kinds = _transactions()
    totals: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for txn_id, currency, amount in Posting.objects.values_list("transaction_id", "currency", "amount").iterator():
        totals[(txn_id, currency)] += amount  # Decimals in Python: SQLite's SUM() is floating point
    return [
        f"{_label(txn_id, kinds)} does not balance in {currency}: postings sum to {total.normalize():+f}"
        for (txn_id, currency), total in sorted(totals.items())
        if total != 0
    ]


def thin_transactions() -> list[str]:
    rows = LedgerTransaction.objects.annotate(n=Count("postings")).filter(n__lt=2).order_by("pk")
    return [f"transaction {t.pk} ({t.kind} {t.reference}) has {t.n} posting(s); it needs at least 2" for t in rows]


def orphan_postings() -> list[str]:
    """Postings whose transaction or account row does not exist (foreign keys bypassed)."""
    lines = []
    with connection.cursor() as cursor:
        for column, table, what in (
            ("transaction_id", LedgerTransaction._meta.db_table, "transaction"),
            ("account_id", "ledger_ledgeraccount", "account"),
        ):
            cursor.execute(
                f"SELECT p.id, p.{column} FROM ledger_posting p LEFT JOIN {table} t ON t.id = p.{column} "  # noqa: S608
                f"WHERE t.id IS NULL ORDER BY p.id"
            )
            lines += [f"posting {pid} points to {what} {ref}, which does not exist" for pid, ref in cursor.fetchall()]
    return lines


def currency_mismatches() -> list[str]:
    rows = Posting.objects.exclude(currency=F("account__currency")).values_list(
        "pk", "transaction_id", "currency", "account_id", "account__currency"
    )
    return [
        f"posting {pk} of transaction {txn} is in {currency} but account {account} is in {account_currency}"
        for pk, txn, currency, account, account_currency in rows.order_by("pk")
    ]


def overdrawn_escrow() -> list[str]:
    """Escrow per order, replayed in posting order, never goes below zero."""
    rows = (
        Posting.objects.filter(account__kind=AccountKind.ESCROW_HELD, transaction__order_id__isnull=False)
        .order_by("transaction__order_id", "currency", "transaction_id", "pk")
        .values_list("transaction__order_id", "currency", "transaction_id", "amount")
    )
    balance: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    reported: set[tuple[int, str]] = set()
    lines = []
    for order_id, currency, txn_id, amount in rows.iterator():
        key = (order_id, currency)
        balance[key] += amount
        if balance[key] < 0 and key not in reported:
            reported.add(key)
            lines.append(
                f"escrow for order {order_id} goes negative ({currency} {balance[key].normalize():f}) "
                f"at transaction {txn_id}"
            )
    return lines


def broken_reversals() -> list[str]:
    """Each reversal points at a transaction that exists and mirrors its postings exactly."""
    reversals = dict(
        LedgerTransaction.objects.filter(kind=LedgerTransaction.Kind.REVERSAL).values_list("pk", "reverses_id")
    )
    lines = [f"transaction {pk} is a reversal of nothing" for pk, original in reversals.items() if original is None]
    originals = {pk for pk in reversals.values() if pk is not None}
    existing = set(LedgerTransaction.objects.filter(pk__in=originals).values_list("pk", flat=True))
    moves: dict[int, Counter] = defaultdict(Counter)
    for txn_id, account_id, currency, amount in Posting.objects.filter(
        transaction_id__in=set(reversals) | existing
    ).values_list("transaction_id", "account_id", "currency", "amount"):
        moves[txn_id][(account_id, currency, amount.normalize())] += 1
    for pk, original in sorted(reversals.items()):
        if original is None:
            continue
        if original not in existing:
            lines.append(f"transaction {pk} reverses transaction {original}, which does not exist")
            continue
        mirror = Counter(
            {(account, currency, -amount): n for (account, currency, amount), n in moves[original].items()}
        )
        if moves[pk] != mirror:
            lines.append(f"transaction {pk} does not mirror the postings of transaction {original} that it reverses")
    return lines


CHECKS: dict[str, Callable[[], list[str]]] = {
    "balanced": unbalanced_transactions,
    "postings": thin_transactions,
    "orphans": orphan_postings,
    "currencies": currency_mismatches,
    "escrow": overdrawn_escrow,
    "reversals": broken_reversals,
}


def breaches() -> list[str]:
    return [line for check in CHECKS.values() for line in check()]

"""Writing to the ledger: `post` a balanced transaction, `reverse` one that was wrong.

Both join the caller's database transaction rather than committing on their own, so an order's
state change and the money movement it causes are saved together or not at all.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.db import IntegrityError, connection, transaction
from django.db.models import Q

from tradebridge.core.errors import Conflict, DomainError, NotFound
from tradebridge.ledger import selectors
from tradebridge.ledger.domain import AccountKind, AccountRef, LedgerError, Posting, check_balanced, negated
from tradebridge.ledger.models import LedgerAccount, LedgerTransaction
from tradebridge.ledger.models import Posting as PostingRow
from tradebridge.pricing.money import Money


def _require_outer_transaction() -> None:
    if not connection.in_atomic_block:
        raise RuntimeError("ledger writes must run inside the caller's transaction.atomic()")


def account_for(ref: AccountRef, currency: str) -> LedgerAccount:
    """The account for (kind, owner, currency), created the first time it is needed."""
    account, _ = LedgerAccount.objects.get_or_create(kind=ref.kind.value, company_id=ref.company_id, currency=currency)
    return account


def _signature(postings: list[Posting]) -> Counter:
    """What a transaction moves, whatever order its postings were written in."""
    return Counter(
        (p.account.kind.value, p.account.company_id, p.amount.currency, p.amount.amount.normalize()) for p in postings
    )


def _check_escrow_covers(order_id: int | None, postings: list[Posting]) -> None:
    """Escrow for an order never goes below zero. Callers lock the order row, so two releases
    of one order cannot both pass this check."""
    outflow: dict[str, Money] = {}
    for posting in postings:
        if posting.account.kind == AccountKind.ESCROW_HELD:
            currency = posting.amount.currency
            outflow[currency] = outflow.get(currency, Money.zero(currency)) + posting.amount
    for currency, delta in outflow.items():
        if delta.amount >= 0:
            continue
        held = selectors.escrow_balance(order_id, currency) if order_id is not None else Money.zero(currency)
        if held + delta < Money.zero(currency):
            raise LedgerError(
                "ledger_escrow_overdrawn",
                f"Escrow holds {held} for order {order_id}; cannot take out {-delta}.",
            )


def _accounts(postings: list[Posting]) -> dict[tuple[AccountRef, str], LedgerAccount]:
    """The accounts the postings touch: one query for those that exist, a create for the rest."""
    wanted = {(p.account, p.amount.currency) for p in postings}
    match = Q()
    for ref, currency in wanted:
        match |= Q(kind=ref.kind.value, company_id=ref.company_id, currency=currency)
    found = {(AccountRef(a.kind, a.company_id), a.currency): a for a in LedgerAccount.objects.filter(match).order_by()}
    for ref, currency in wanted - found.keys():
        found[(ref, currency)] = account_for(ref, currency)
    return found


def _rows(txn: LedgerTransaction, postings: list[Posting]) -> list[PostingRow]:
    accounts = _accounts(postings)
    return [
        PostingRow(
            transaction=txn,
            account=accounts[(p.account, p.amount.currency)],
            amount=p.amount.amount,
            currency=p.amount.currency,
        )
        for p in postings
    ]


def post(
    *, kind: str, postings: list[Posting], reference: str, order_id: int | None = None, memo: str = ""
) -> LedgerTransaction:
    """Write one balanced transaction. Posting the same (kind, reference) again with the same
    postings returns the first one; with different postings it is refused (Conflict)."""
    _require_outer_transaction()
    check_balanced(postings)
    if kind not in LedgerTransaction.Kind.values or kind == LedgerTransaction.Kind.REVERSAL:
        raise LedgerError("ledger_kind_invalid", f"{kind!r} is not a kind of ledger transaction.", "kind")
    if not reference.strip():
        raise LedgerError("ledger_reference_required", "A ledger transaction needs a reference.", "reference")
    for posting in postings:
        if posting.amount.amount != posting.amount.amount.quantize(Decimal("0.000001")):
            raise LedgerError("ledger_amount_precision", f"{posting.amount} has more than 6 decimal places.")
    try:
        # Write first, look only when the (kind, reference) is taken: a replay is rare, a first
        # posting is every payment. Escrow is checked after the insert, whose postings do not
        # exist yet, so the balance read is the one before this transaction.
        with transaction.atomic():
            txn = LedgerTransaction.objects.create(kind=kind, reference=reference, order_id=order_id, memo=memo)
            _check_escrow_covers(order_id, postings)
            PostingRow.objects.bulk_create(_rows(txn, postings))
            return txn
    except IntegrityError:
        existing = LedgerTransaction.objects.get(kind=kind, reference=reference)
    stored = as_postings(existing.postings.select_related("account"))
    if existing.order_id != order_id or _signature(stored) != _signature(postings):
        raise Conflict(
            "ledger_reference_reused",
            f"Reference {reference!r} was already posted as a different {kind} transaction.",
            "reference",
        )
    return existing


def reverse(*, transaction_id: int, reason: str) -> LedgerTransaction:
    """Post the mirror image of a transaction, undoing its effect. Each is reversed at most once;
    a reversal itself is not reversed (post the correct transaction instead)."""
    _require_outer_transaction()
    if not reason.strip():
        raise DomainError("ledger_reason_required", "Say why the transaction is reversed.", "reason")
    original = (
        LedgerTransaction.objects.select_for_update().filter(pk=transaction_id).first()
        if connection.features.has_select_for_update
        else LedgerTransaction.objects.filter(pk=transaction_id).first()
    )
    if original is None:
        raise NotFound("ledger_transaction_not_found", "No such ledger transaction.", "transaction_id")
    if original.kind == LedgerTransaction.Kind.REVERSAL:
        raise Conflict("ledger_reverse_reversal", "A reversal cannot itself be reversed.", "transaction_id")
    if LedgerTransaction.objects.filter(reverses=original).exists():
        raise Conflict("ledger_already_reversed", "This transaction has already been reversed.", "transaction_id")
    rows = list(original.postings.select_related("account"))
    _check_escrow_covers(original.order_id, negated(as_postings(rows)))
    try:
        with transaction.atomic():
            reversal = LedgerTransaction.objects.create(
                kind=LedgerTransaction.Kind.REVERSAL,
                reference=f"reversal-of-{original.pk}",
                order_id=original.order_id,
                memo=reason.strip(),
                reverses=original,
            )
            PostingRow.objects.bulk_create(
                PostingRow(transaction=reversal, account=row.account, amount=-row.amount, currency=row.currency)
                for row in rows
            )
    except IntegrityError:
        raise Conflict(
            "ledger_already_reversed", "This transaction has already been reversed.", "transaction_id"
        ) from None
    return reversal


def as_postings(rows) -> list[Posting]:
    """Domain postings for stored rows (to check or negate them in pure code)."""
    return [
        Posting(AccountRef(row.account.kind, row.account.company_id), Money(row.amount, row.currency)) for row in rows
    ]

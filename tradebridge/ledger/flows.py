"""The postings for each money movement of an order, pure and balanced per currency.

Escrow holds CNY. On release the supplier is paid in the order currency at the rate snapshotted
when the order was placed: the CNY leaves escrow into the FX account and the order total leaves
FX in the order currency, split between supplier payable and platform commission. Amounts are
rounded half-up to the minor unit; the supplier's share is what remains after the commission,
and a partial refund splits the order total with `allocate`, so no minor unit is made or lost.
"""

from __future__ import annotations

from decimal import Decimal

from tradebridge.ledger.domain import AccountKind, AccountRef, LedgerError, Posting, check_balanced
from tradebridge.pricing.money import Money, allocate

ESCROW = AccountRef(AccountKind.ESCROW_HELD)
FX = AccountRef(AccountKind.FX)
COMMISSION = AccountRef(AccountKind.PLATFORM_COMMISSION)
ESCROW_CURRENCY = "CNY"


def _positive_cny(amount: Money, field: str) -> Money:
    if amount.currency != ESCROW_CURRENCY:
        raise LedgerError("ledger_currency", f"Escrow holds {ESCROW_CURRENCY}, not {amount.currency}.", field)
    return _positive_rounded(amount, field)


def _positive_rounded(amount: Money, field: str) -> Money:
    if amount.amount <= 0:
        raise LedgerError("ledger_amount_not_positive", "The amount must be more than zero.", field)
    if amount.rounded() != amount:
        raise LedgerError("ledger_amount_precision", f"{amount} is not a whole number of minor units.", field)
    return amount


def _rate(commission_rate: Decimal) -> Decimal:
    if not isinstance(commission_rate, Decimal) or not 0 <= commission_rate < 1:
        raise LedgerError("ledger_commission_rate", "The commission rate must be a Decimal from 0 up to 1.")
    return commission_rate


def _merged(postings: list[Posting]) -> list[Posting]:
    """One posting per (account, currency), zero amounts dropped, checked to balance."""
    merged = [Posting(account, amount) for (account, _), amount in balances(postings).items() if amount]
    check_balanced(merged)
    return merged


def commission_on(total: Money, commission_rate: Decimal) -> Money:
    """The platform's commission on `total`, rounded half-up to the minor unit."""
    return (total * _rate(commission_rate)).rounded()


def payment_postings(*, buyer_id: int, amount_cny: Money) -> list[Posting]:
    """The buyer's payment (or one part of it) goes into escrow."""
    amount = _positive_cny(amount_cny, "amount")
    return _merged(
        [
            Posting(AccountRef(AccountKind.BUYER_CLEARING, buyer_id), -amount),
            Posting(ESCROW, amount),
        ]
    )


def _release(*, supplier_id: int, held_cny: Money, paid_out: Money, commission_rate: Decimal) -> list[Posting]:
    commission = commission_on(paid_out, commission_rate)
    return [
        Posting(ESCROW, -held_cny),
        Posting(FX, held_cny),
        Posting(FX, -paid_out),
        Posting(AccountRef(AccountKind.SUPPLIER_PAYABLE, supplier_id), paid_out - commission),
        Posting(COMMISSION, commission),
    ]


def release_postings(
    *, buyer_id: int, supplier_id: int, held_cny: Money, order_total: Money, commission_rate: Decimal
) -> list[Posting]:
    """Release everything held for the order: the supplier gets the order total less commission,
    in the order currency. `buyer_id` is taken for symmetry with the refund flows."""
    held = _positive_cny(held_cny, "held_cny")
    total = _positive_rounded(order_total, "order_total")
    return _merged(_release(supplier_id=supplier_id, held_cny=held, paid_out=total, commission_rate=commission_rate))


def refund_postings(*, buyer_id: int, amount_cny: Money) -> list[Posting]:
    """Give the buyer back `amount_cny` from escrow (a full refund passes all that is held)."""
    amount = _positive_cny(amount_cny, "amount")
    return _merged(
        [
            Posting(ESCROW, -amount),
            Posting(AccountRef(AccountKind.REFUNDS, buyer_id), amount),
        ]
    )


def partial_refund_postings(
    *,
    buyer_id: int,
    supplier_id: int,
    held_cny: Money,
    refund_cny: Money,
    order_total: Money,
    commission_rate: Decimal,
) -> list[Posting]:
    """Refund part of what is held and release the rest to the supplier pro rata: the supplier
    gets the share of the order total that the released CNY is of the CNY held."""
    held = _positive_cny(held_cny, "held_cny")
    refund = _positive_cny(refund_cny, "refund_cny")
    total = _positive_rounded(order_total, "order_total")
    if refund > held:
        raise LedgerError("ledger_refund_exceeds_held", f"Only {held} is held; cannot refund {refund}.", "refund_cny")
    if refund == held:
        return refund_postings(buyer_id=buyer_id, amount_cny=refund)
    released_cny = held - refund
    _, released_total = allocate(total, [refund.amount, released_cny.amount])
    postings = refund_postings(buyer_id=buyer_id, amount_cny=refund)
    if released_total:
        postings += _release(
            supplier_id=supplier_id, held_cny=released_cny, paid_out=released_total, commission_rate=commission_rate
        )
    else:  # a sliver too small to be worth one minor unit of the order currency stays with FX
        postings += [Posting(ESCROW, -released_cny), Posting(FX, released_cny)]
    return _merged(postings)


def balances(postings: list[Posting]) -> dict[tuple[AccountRef, str], Money]:
    """What each account holds, per currency, after `postings`."""
    result: dict[tuple[AccountRef, str], Money] = {}
    for posting in postings:
        key = (posting.account, posting.amount.currency)
        result[key] = result.get(key, Money.zero(posting.amount.currency)) + posting.amount
    return result

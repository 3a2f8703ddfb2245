"""The ledger's pure rules: account kinds, postings, and what makes a transaction balanced.

Sign convention: a posting's amount is + for a debit and − for a credit, so an account's
balance is what it holds: escrow holds the buyer's money while an order runs, supplier payable
what the platform owes the supplier, platform commission what the platform has earned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tradebridge.core.errors import DomainError
from tradebridge.pricing.money import Money


class AccountKind(StrEnum):
    BUYER_CLEARING = "buyer_clearing"  # per buyer: money received from the buyer (credit = paid in)
    ESCROW_HELD = "escrow_held"  # platform: buyers' money held until release or refund
    SUPPLIER_PAYABLE = "supplier_payable"  # per supplier: owed to the supplier
    PLATFORM_COMMISSION = "platform_commission"  # platform: commission earned
    REFUNDS = "refunds"  # per buyer: money owed back to the buyer
    FX = "fx"  # platform: bridges CNY held and the order currency paid out


# Kinds that belong to a company; the others are the platform's own (company_id None).
COMPANY_KINDS = frozenset({AccountKind.BUYER_CLEARING, AccountKind.SUPPLIER_PAYABLE, AccountKind.REFUNDS})


class LedgerError(DomainError):
    """A set of postings that must never be written."""


@dataclass(frozen=True)
class AccountRef:
    kind: AccountKind
    company_id: int | None = None  # None = the platform

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", AccountKind(self.kind))
        if (self.kind in COMPANY_KINDS) != (self.company_id is not None):
            whose = "a company" if self.kind in COMPANY_KINDS else "the platform"
            raise LedgerError("ledger_account_owner", f"A {self.kind} account belongs to {whose}.")


@dataclass(frozen=True)
class Posting:
    account: AccountRef
    amount: Money  # + debit, − credit


def totals_by_currency(postings: Iterable[Posting]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for posting in postings:
        totals[posting.amount.currency] += posting.amount.amount
    return dict(totals)


def check_balanced(postings: Iterable[Posting]) -> None:
    """Raise LedgerError unless there are >= 2 postings and they sum to exactly 0 per currency."""
    postings = list(postings)
    if len(postings) < 2:
        raise LedgerError("ledger_too_few_postings", "A transaction needs at least two postings.")
    off = {currency: total for currency, total in totals_by_currency(postings).items() if total != 0}
    if off:
        detail = ", ".join(f"{currency} {total:+}" for currency, total in sorted(off.items()))
        raise LedgerError("ledger_unbalanced", f"The postings do not balance: {detail}.")


def negated(postings: Iterable[Posting]) -> list[Posting]:
    """The postings that undo `postings`: same accounts, opposite amounts."""
    return [Posting(p.account, -p.amount) for p in postings]

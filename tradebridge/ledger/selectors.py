"""Reading the ledger: escrow per order, commission rates, and statements for each party."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from tradebridge.companies.domain import Kind
from tradebridge.ledger.domain import COMPANY_KINDS, AccountKind
from tradebridge.ledger.models import CommissionRule, LedgerAccount, LedgerTransaction, Posting
from tradebridge.pricing.money import Money


def exact_sum(postings) -> Decimal:
    """The sum of the postings' amounts, added as Decimals in Python: SQLite keeps decimals as
    floating point and its SUM() drifts by 1e-15, and a ledger balances exactly or not at all."""
    return sum(postings.values_list("amount", flat=True), Decimal(0))


def escrow_balance(order_id: int, currency: str = "CNY") -> Money:
    """What escrow holds for the order now."""
    postings = Posting.objects.filter(
        transaction__order_id=order_id, account__kind=AccountKind.ESCROW_HELD, currency=currency
    )
    return Money(exact_sum(postings), currency)


def default_commission_rate() -> Decimal:
    return Decimal(str(settings.COMMISSION_RATE_DEFAULT))


def _prefix_matches(prefix: str, path: str) -> bool:
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")


def commission_rate(*, channel: str, category_path: str | None) -> Decimal:
    """The most specific rule for the channel: the longest category prefix the path falls under,
    else the channel's rule for every category, else COMMISSION_RATE_DEFAULT."""
    best: CommissionRule | None = None
    for rule in CommissionRule.objects.filter(channel=channel):
        if rule.category_prefix and not (category_path and _prefix_matches(rule.category_prefix, category_path)):
            continue
        if best is None or len(rule.category_prefix) > len(best.category_prefix):
            best = rule
    return best.rate if best is not None else default_commission_rate()


# The accounts each party's statement covers.
STATEMENT_KINDS: dict[str, tuple[AccountKind, ...]] = {
    Kind.SUPPLIER.value: (AccountKind.SUPPLIER_PAYABLE,),
    Kind.BUYER.value: (AccountKind.BUYER_CLEARING, AccountKind.REFUNDS),
    Kind.OPERATOR.value: (AccountKind.PLATFORM_COMMISSION, AccountKind.ESCROW_HELD),
}


@dataclass(frozen=True)
class StatementLine:
    at: datetime
    transaction_id: int
    transaction_kind: str
    reference: str
    order_id: int | None
    account_kind: str
    memo: str
    amount: Money
    balance: Money


@dataclass(frozen=True)
class Statement:
    company_id: int
    currency: str
    date_from: date | None
    date_to: date | None
    account_kinds: tuple[AccountKind, ...]
    opening: Money
    closing: Money
    lines: list[StatementLine]
    truncated: bool = False


def statement_accounts(company, currency: str | None = None):
    """The accounts the company's statement covers; the operator's are the platform's own."""
    kinds = STATEMENT_KINDS.get(company.kind, ())
    own = [k.value for k in kinds if k in COMPANY_KINDS]
    platform = [k.value for k in kinds if k not in COMPANY_KINDS]
    accounts = LedgerAccount.objects.filter(
        Q(kind__in=own, company_id=company.pk) | Q(kind__in=platform, company__isnull=True)
    )
    return accounts.filter(currency=currency) if currency else accounts


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def statement(
    *, company, currency: str, date_from: date | None = None, date_to: date | None = None, limit: int = 1000
) -> Statement:
    """The company's postings in `currency` between the dates (inclusive) with a running balance.

    Suppliers see what they are owed (payable), buyers what they paid (negative) and what came
    back (refunds), the operator commission earned and escrow held."""
    kinds = STATEMENT_KINDS.get(company.kind, ())
    postings = Posting.objects.filter(account__in=statement_accounts(company, currency))
    opening = Decimal(0)
    if date_from is not None:
        before = postings.filter(transaction__created_at__lt=_day_start(date_from))
        opening = exact_sum(before)
        postings = postings.filter(transaction__created_at__gte=_day_start(date_from))
    if date_to is not None and date_to < date.max:  # the last day a date can name bounds nothing
        postings = postings.filter(transaction__created_at__lt=_day_start(date_to + timedelta(days=1)))
    rows = postings.select_related("transaction", "account").order_by("transaction__created_at", "transaction_id", "id")
    balance = opening
    lines = []
    fetched = list(rows[: limit + 1])
    for row in fetched[:limit]:
        balance += row.amount
        txn: LedgerTransaction = row.transaction
        lines.append(
            StatementLine(
                at=txn.created_at,
                transaction_id=txn.pk,
                transaction_kind=txn.kind,
                reference=txn.reference,
                order_id=txn.order_id,
                account_kind=row.account.kind,
                memo=txn.memo,
                amount=Money(row.amount, currency),
                balance=Money(balance, currency),
            )
        )
    return Statement(
        company_id=company.pk,
        currency=currency,
        date_from=date_from,
        date_to=date_to,
        account_kinds=kinds,
        opening=Money(opening, currency),
        closing=Money(balance, currency),
        lines=lines,
        truncated=len(fetched) > limit,
    )


def totals_by_kind(*, company) -> list[tuple[str, Money]]:
    """Balance of each of the company's statement accounts, per currency (the page's summary)."""
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    rows = Posting.objects.filter(account__in=statement_accounts(company)).values_list(
        "account__kind", "currency", "amount"
    )
    for kind, currency, amount in rows.iterator():
        totals[(kind, currency)] += amount
    return [(kind, Money(total, currency)) for (kind, currency), total in sorted(totals.items())]


def currencies_for(*, company) -> list[str]:
    return sorted(set(statement_accounts(company).values_list("currency", flat=True)))

"""`GET /api/v1/ledger/statement`: a party's money movements with a running balance."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Router, Schema

from tradebridge.companies.access import require
from tradebridge.core.errors import DomainError
from tradebridge.ledger import selectors
from tradebridge.ledger.access import DEFAULT_CURRENCY, statement_company
from tradebridge.pricing.currencies import MINOR_UNITS

router = Router(tags=["ledger"])


class StatementLineOut(Schema):
    at: datetime
    transaction_id: int
    transaction_kind: str
    reference: str
    order_id: int | None
    account_kind: str
    memo: str
    amount: str
    balance: str


class StatementOut(Schema):
    company_id: int
    currency: str
    date_from: date | None
    date_to: date | None
    opening_balance: str
    closing_balance: str
    truncated: bool
    lines: list[StatementLineOut]


def _amount(money) -> str:
    return str(money.rounded().amount)


@router.get("/ledger/statement", response=StatementOut)
def statement(
    request,
    currency: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    company_id: int | None = None,
):
    """Suppliers: supplier payable. Buyers: payments (negative) and refunds. Operator: platform
    commission and escrow held; the operator may pass `company_id` to read any party's statement.
    Amounts are strings in the currency's minor unit, e.g. "970.00"."""
    membership = require(request.membership)
    company = statement_company(membership, company_id)
    currency = (currency or DEFAULT_CURRENCY.get(company.kind, "GBP")).upper()
    if currency not in MINOR_UNITS:
        raise DomainError("statement_currency", f"Unknown currency {currency!r}.", "currency")
    if date_from and date_to and date_from > date_to:
        raise DomainError("statement_dates", "The start date must not be after the end date.", "date_to")
    result = selectors.statement(company=company, currency=currency, date_from=date_from, date_to=date_to)
    return {
        "company_id": result.company_id,
        "currency": result.currency,
        "date_from": result.date_from,
        "date_to": result.date_to,
        "opening_balance": _amount(result.opening),
        "closing_balance": _amount(result.closing),
        "truncated": result.truncated,
        "lines": [
            {**line.__dict__, "amount": _amount(line.amount), "balance": _amount(line.balance)} for line in result.lines
        ],
    }

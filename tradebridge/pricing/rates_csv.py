"""Reading an operator's exchange-rate CSV: `base,quote,rate,valid_from,source`. Pure."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from tradebridge.core.errors import DomainError, FieldError
from tradebridge.pricing.currencies import is_currency
from tradebridge.pricing.fx import Rate

COLUMNS = ("base", "quote", "rate", "valid_from", "source")
MAX_ROWS = 10_000


def _when(text: str) -> datetime:
    # A bare date means midnight UTC: rates are published per day.
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def parse_rates(text: str) -> list[Rate]:
    """Every row as a Rate, or a DomainError listing every bad row (row numbers as a
    spreadsheet shows them, the header being row 1)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise DomainError(
            "rates_columns", f"The file needs the columns {', '.join(COLUMNS)}; missing: {', '.join(missing)}.", "file"
        )
    reader.fieldnames = header
    rates: list[Rate] = []
    errors: list[FieldError] = []
    for number, row in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            errors.append(FieldError("rates_too_many", f"At most {MAX_ROWS} rows per file.", "file"))
            break
        base, quote = (row.get("base") or "").strip().upper(), (row.get("quote") or "").strip().upper()
        problem = None
        if not is_currency(base) or not is_currency(quote):
            problem = f"row {number}: unknown currency {base if not is_currency(base) else quote!r}"
        elif base == quote:
            problem = f"row {number}: base and quote are both {base}"
        else:
            try:
                value = Decimal((row.get("rate") or "").strip())
                if not value.is_finite() or value <= 0:
                    raise InvalidOperation
            except InvalidOperation:
                problem = f"row {number}: the rate must be a positive number"
            else:
                try:
                    when = _when(row.get("valid_from") or "")
                except ValueError:
                    problem = f"row {number}: valid_from must be a date like 2026-11-20 or 2026-11-20T09:00Z"
        source = (row.get("source") or "").strip()[:200]
        if problem is None and not source:
            problem = f"row {number}: say where the rate comes from (source)"
        if problem:
            errors.append(FieldError("rates_row_invalid", problem + ".", "file"))
        else:
            rates.append(Rate(base, quote, value, when, source))
    if errors:
        raise DomainError.many(errors)
    if not rates:
        raise DomainError("rates_empty", "The file has no rates.", "file")
    return rates

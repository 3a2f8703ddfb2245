"""GET parameters → `ProductQuery`, with a field-level error for anything we cannot use.

The search page and the API both parse with `query_from_params`, so they accept exactly the
same filters and refuse the same values with the same codes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.catalog.models import Category
from tradebridge.catalog.pricing import MAX_QUANTITY
from tradebridge.core.errors import DomainError, FieldError
from tradebridge.pricing.currencies import is_currency
from tradebridge.search.query import MAX_PER_PAGE, SORTS, ProductQuery

MAX_PAGE = 1_000  # deeper pages are refused: nobody reads them, and they cost a long scan
MAX_TEXT_CHARS = 1_000
MAX_LEAD_TIME_DAYS = 3_650
MAX_PRICE = Decimal("1e12")
_COUNTRY = re.compile(r"[A-Z]{2}")
_TRUE = {"true", "1", "on", "yes"}
_FALSE = {"false", "0", "off", "no", ""}
KNOWN_PARAMS = (
    "q",
    "category",
    "origin",
    "verified",
    "cert",
    "moq_max",
    "price_min",
    "price_max",
    "currency",
    "quantity",
    "lead_time_max",
    "sample",
    "sort",
    "page",
    "per_page",
)


def _values(params: Mapping, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(name)
    else:
        value = params.get(name)
        raw = value if isinstance(value, list | tuple) else ([] if value is None else [value])
    return [str(v).strip() for v in raw]


def _one(params: Mapping, name: str) -> str:
    values = _values(params, name)
    return values[-1] if values else ""


def _bool(params, name: str, errors: list[FieldError]) -> bool:
    value = _one(params, name).lower()
    if value in _TRUE:
        return True
    if value not in _FALSE:
        errors.append(FieldError("boolean_invalid", "Use true or false.", name))
    return False


def _int(params, name: str, errors: list[FieldError], *, low: int, high: int) -> int | None:
    value = _one(params, name)
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        errors.append(FieldError("integer_invalid", "Enter a whole number.", name))
        return None
    if not low <= number <= high:
        errors.append(FieldError("integer_out_of_range", f"Enter a whole number from {low} to {high:,}.", name))
        return None
    return number


def _price(params, name: str, errors: list[FieldError]) -> Decimal | None:
    value = _one(params, name)
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        errors.append(FieldError("number_invalid", "Enter a number.", name))
        return None
    if not number.is_finite() or number < 0 or number > MAX_PRICE:
        errors.append(FieldError("number_out_of_range", "Enter a number between 0 and 1,000,000,000,000.", name))
        return None
    return number


def query_from_params(params: Mapping[str, str | list[str]]) -> ProductQuery:
    """Parse search parameters; raise DomainError naming every field whose value is unusable."""
    errors: list[FieldError] = []
    category = _one(params, "category").strip("/") or None
    if category and (len(category) > 500 or not Category.objects.filter(path=category).exists()):
        errors.append(FieldError("category_unknown", "No such category.", "category"))
    origins = tuple(dict.fromkeys(v.upper() for v in _values(params, "origin") if v))
    if any(not _COUNTRY.fullmatch(o) for o in origins):
        errors.append(FieldError("country_invalid", "Use a two-letter ISO country code, e.g. GB or CN.", "origin"))
    certs = tuple(dict.fromkeys(v.lower() for v in _values(params, "cert") if v))
    if any(c not in CERTIFICATIONS for c in certs):
        errors.append(FieldError("certification_unknown", "Choose certifications from the list.", "cert"))
    currency = (_one(params, "currency") or "CNY").upper()
    if not is_currency(currency):
        errors.append(FieldError("currency_invalid", "Choose a currency from the list.", "currency"))
    sort = _one(params, "sort") or "relevance"
    if sort not in SORTS:
        errors.append(FieldError("sort_invalid", "Sort by relevance, price, newest or moq.", "sort"))
    price_min = _price(params, "price_min", errors)
    price_max = _price(params, "price_max", errors)
    if price_min is not None and price_max is not None and price_min > price_max:
        errors.append(FieldError("price_range_invalid", "The lowest price is above the highest.", "price_max"))
    query = ProductQuery(
        text=_one(params, "q")[:MAX_TEXT_CHARS],
        category=category,
        origin=origins,
        verified_only=_bool(params, "verified", errors),
        certifications=certs,
        moq_max=_int(params, "moq_max", errors, low=1, high=MAX_QUANTITY),
        price_min=price_min,
        price_max=price_max,
        currency=currency,
        quantity=_int(params, "quantity", errors, low=1, high=MAX_QUANTITY),
        lead_time_max=_int(params, "lead_time_max", errors, low=0, high=MAX_LEAD_TIME_DAYS),
        sample_available=_bool(params, "sample", errors),
        sort=sort,
        page=_int(params, "page", errors, low=1, high=MAX_PAGE) or 1,
        per_page=_int(params, "per_page", errors, low=1, high=MAX_PER_PAGE) or 24,
    )
    if errors:
        raise DomainError.many(errors)
    return query

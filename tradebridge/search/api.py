"""`GET /api/v1/search/products` and `GET /api/v1/search/suppliers`: public search of published
listings and the suppliers behind them.

Parameters are read from the query string by the same parser as the search page
(`selectors.query_from_params`), so an unknown or malformed value is a 400 naming its field.
"""

from __future__ import annotations

from dataclasses import asdict

from django.utils.translation import get_language
from ninja import Router

from tradebridge.core.errors import DomainError
from tradebridge.pricing.money import Money
from tradebridge.search import selectors

router = Router(tags=["search"])


def _money(value: Money | None) -> dict | None:
    return {"amount": f"{value.amount:f}", "currency": value.currency} if value is not None else None


def _hit(hit) -> dict:
    data = asdict(hit)
    data["unit_price"] = _money(hit.unit_price)
    data["converted_price"] = _money(hit.converted_price)
    return data


def _int_param(request, name: str, default: int) -> int:
    value = request.GET.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise DomainError("integer_invalid", "Enter a whole number.", name) from None


@router.get("/search/products", auth=None)
def search_products(request):
    """Published listings matching `q` (Chinese, English, pinyin or mixed) and the filters:
    `category` (a path; its subtree), `origin` (repeatable), `verified`, `cert` (repeatable,
    all required), `moq_max`, `price_min`/`price_max` in `currency` at `quantity`,
    `lead_time_max`, `sample`; `sort` = relevance, price, newest or moq; `page`, `per_page`.
    Returns the page of items, the total, facet counts (each with every other filter applied),
    how the query was understood and, for price filters, the exchange rates used."""
    query = selectors.query_from_params(request.GET)
    results = selectors.search_products(query, language=get_language() or "en")
    return {
        "items": [_hit(h) for h in results.items],
        "total": results.total,
        "page": results.page,
        "per_page": results.per_page,
        "interpretation": asdict(results.interpretation),
        "facets": {name: [asdict(v) for v in values] for name, values in results.facets.items()},
        "suggestions": list(results.suggestions),
        "price_rate_note": results.price_rate_note,
    }


@router.get("/search/suppliers", auth=None)
def search_suppliers(request):
    """Suppliers with published listings, by any part of their name (`q`), `sector` and `region`."""
    results = selectors.search_suppliers(
        request.GET.get("q", "")[:1000],
        sector=request.GET.get("sector"),
        region=request.GET.get("region"),
        page=_int_param(request, "page", 1),
    )
    return {
        "items": [asdict(h) for h in results.items],
        "total": results.total,
        "page": results.page,
        "per_page": results.per_page,
        "sectors": [asdict(v) for v in results.sectors],
    }

"""Search pages: products with facets (/search/) and suppliers (/search/suppliers/).

Thin: the GET parameters go to search.selectors (the one parser, shared with the API), and
the results come back as links that keep every other filter, so each state of the page is a
URL that can be shared, works without JavaScript, and survives back and forward. htmx asks
for the results region only. A parameter the parser refuses is a 400 page with the message
beside the form, never a 500.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from tradebridge.companies.models import SECTOR_CHOICES
from tradebridge.core.countries import COUNTRY_NAMES
from tradebridge.core.errors import DomainError
from tradebridge.core.htmx import wants_fragment
from tradebridge.core.messages import localize
from tradebridge.pricing.currencies import MINOR_UNITS
from tradebridge.pricing.money import Money
from tradebridge.search import selectors
from tradebridge.search.query import Hit, ProductResults
from tradebridge.storefront import display

# The order the sort menu lists them in; the parser refuses anything else.
SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("price", _("Lowest unit price")),
    ("newest", _("Newest")),
    ("moq", _("Lowest minimum order")),
]
# The currencies a buyer may see prices in; yuan first, since TradeBridge's buyers pay in it.
DISPLAY_CURRENCIES = ("CNY", "GBP", "USD", "EUR", "HKD")
DEFAULT_CURRENCY = "CNY"

# Facet key (ProductResults.facets) -> the GET parameter that filters on it, and its heading.
FACET_PARAMS = {
    "category": "category",
    "origin": "origin",
    "verified": "verified",
    "certification": "cert",
    "sample_available": "sample",
}
FACET_TITLES = {
    "category": _("Category"),
    "origin": _("Country of origin"),
    "verified": _("Supplier"),
    "certification": _("Certification"),
    "sample_available": _("Samples"),
}
MULTI_VALUED = ("origin", "cert")  # repeatable: OR-ed origins, AND-ed certifications
# The filters typed into the form, with how an active one reads in the list of filters.
NUMBER_FILTERS = {
    "moq_max": _("Minimum order ≤ %(value)s"),
    "lead_time_max": _("Lead time ≤ %(value)s days"),
    "price_min": _("Unit price ≥ %(value)s"),
    "price_max": _("Unit price ≤ %(value)s"),
    "quantity": _("Priced at %(value)s units"),
}


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    selected: bool
    depth: int
    href: str  # the query string that toggles this value, keeping every other filter
    dom_id: str  # stable across swaps, so htmx gives the focus back to the link just used


@dataclass(frozen=True)
class FacetGroup:
    key: str
    param: str
    title: str
    links: tuple[FacetLink, ...]


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_href: str


@dataclass(frozen=True)
class SearchCard:
    """One hit as the results list shows it, in the UI's language."""

    hit: Hit
    title: SafeString  # highlighted, in the UI's language when the listing has it
    title_lang: str
    other_title: SafeString  # the other language's title, when there is one
    other_lang: str
    snippet: SafeString
    price: str  # the unit price in the supplier's currency at the quantity asked for
    converted: str  # the same in the buyer's currency, or "" when no rate is known
    priced_at: int  # the quantity the price is for
    supplier_name: str
    origin: str
    category: str
    image_url: str


@dataclass(frozen=True)
class NumberField:
    name: str
    label: str
    suffix: str
    value: str
    error: str
    min: int


NUMBER_FIELDS = (
    ("moq_max", _("Minimum order at most"), _("units"), 1),
    ("lead_time_max", _("Lead time at most"), _("days"), 0),
    ("quantity", _("Price for a quantity of"), _("units"), 1),
)


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: a gap ("…")
    href: str
    current: bool


# --- query strings ------------------------------------------------------------------------------


def _with(params: QueryDict, **changes: str | list[str] | None) -> str:
    """`?…` for these parameters with `changes` applied (None removes one), page reset to 1
    unless a page is one of the changes. Blank parameters are dropped, so URLs stay short."""
    updated = params.copy()
    updated.pop("page", None)
    for key, value in changes.items():
        updated.pop(key, None)
        if value is None:
            continue
        updated.setlist(key, value if isinstance(value, list) else [value])
    kept = QueryDict(mutable=True)
    for key, values in updated.lists():
        values = [v for v in values if v.strip()]
        if values:
            kept.setlist(key, values)
    return f"?{kept.urlencode()}" if kept else "?"


def _toggle(params: QueryDict, param: str, value: str, selected: bool) -> str:
    if param in MULTI_VALUED:
        values = [v for v in params.getlist(param) if v != value]
        return _with(params, **{param: values if selected else [*values, value]})
    return _with(params, **{param: None if selected else value})


def hidden_filters(params: QueryDict) -> list[tuple[str, str]]:
    """The facet selections, carried by the form when the typed filters or the sort change."""
    return [(p, v) for p in FACET_PARAMS.values() for v in params.getlist(p) if v.strip()]


def number_fields(params: QueryDict, errors: dict[str, str]) -> list[NumberField]:
    return [
        NumberField(name, str(label), str(suffix), params.get(name, ""), errors.get(name, ""), minimum)
        for name, label, suffix, minimum in NUMBER_FIELDS
    ]


def _params_for_parser(params: QueryDict) -> dict[str, str | list[str]]:
    return {key: values if key in MULTI_VALUED else values[-1] for key, values in params.lists()}


# --- building the page --------------------------------------------------------------------------


def _label(label_en: str, label_zh: str) -> str:
    return (label_zh or label_en) if display.chinese_ui() else (label_en or label_zh)


def _dom_id(param: str, value: str) -> str:
    return "facet-" + re.sub(r"[^A-Za-z0-9_-]+", "-", f"{param}-{value}")


def facet_groups(results: ProductResults, params: QueryDict) -> list[FacetGroup]:
    groups = []
    for key, param in FACET_PARAMS.items():
        values = results.facets.get(key, ())
        links = tuple(
            FacetLink(
                label=_label(v.label_en, v.label_zh),
                count=v.count,
                selected=v.selected,
                depth=v.depth,
                href=_toggle(params, param, v.value, v.selected),
                dom_id=_dom_id(param, v.value),
            )
            for v in values
        )
        if links:
            groups.append(FacetGroup(key, param, str(FACET_TITLES[key]), links))
    return groups


def active_filters(results: ProductResults | None, params: QueryDict) -> list[ActiveFilter]:
    """Every filter in force with the link that removes it (the empty state offers these)."""
    found = []
    facets = results.facets if results else {}
    for key, param in FACET_PARAMS.items():
        labels = {v.value: _label(v.label_en, v.label_zh) for v in facets.get(key, ())}
        for value in params.getlist(param):
            if value.strip():
                found.append(ActiveFilter(labels.get(value, value), _toggle(params, param, value, True)))
    for param, template in NUMBER_FILTERS.items():
        value = params.get(param, "").strip()
        if value:
            found.append(ActiveFilter(str(template) % {"value": value}, _with(params, **{param: None})))
    return found


def _pages(results: ProductResults, params: QueryDict) -> list[PageLink]:
    """1 … 4 5 [6] 7 8 … 20: the first, the last, and two either side of the current page."""
    last, current = results.pages, results.page
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    links: list[PageLink] = []
    for number in shown:
        if links and links[-1].number is not None and number - links[-1].number > 1:
            links.append(PageLink(None, "", False))
        links.append(PageLink(number, _with(params, page=str(number)), number == current))
    return links


def _money(money: Money | None, *, like: Money | None = None) -> str:
    if money is None:
        return ""
    amount = money.amount
    if like is not None:
        # A converted price keeps the precision of the price it came from (£0.0035 ≈ ¥0.0319).
        places = max(display.price_places(like.amount, like.currency), MINOR_UNITS.get(money.currency, 2))
        amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return display.format_unit_price(amount, money.currency)


def search_cards(
    hits: Iterable[Hit], *, quantity: int | None, categories: dict[str, str] | None = None
) -> list[SearchCard]:
    chinese = display.chinese_ui()
    cards = []
    for hit in hits:
        zh = (hit.title_highlighted_zh or hit.title_zh, "zh")
        en = (hit.title_highlighted_en or hit.title_en, "en")
        first, second = (zh, en) if chinese else (en, zh)
        if not first[0].strip():
            first, second = second, ("", second[1])
        cards.append(
            SearchCard(
                hit=hit,
                # The engine escapes listing text and adds only <mark> (query.Hit's contract).
                title=mark_safe(first[0]),  # noqa: S308
                title_lang=display.HTML_LANG[first[1]],
                other_title=mark_safe(second[0]),  # noqa: S308
                other_lang=display.HTML_LANG[second[1]],
                snippet=mark_safe(hit.snippet),  # noqa: S308
                price=_money(hit.unit_price),
                converted=(
                    _money(hit.converted_price, like=hit.unit_price)
                    if hit.converted_price
                    and hit.unit_price
                    and hit.converted_price.currency != hit.unit_price.currency
                    else ""
                ),
                priced_at=max(quantity or 0, hit.moq),
                supplier_name=(hit.supplier_name_zh or hit.supplier_name) if chinese else hit.supplier_name,
                origin=str(COUNTRY_NAMES.get(hit.origin_country.upper(), hit.origin_country)),
                category=(categories or {}).get(hit.category_path or "", ""),
                image_url=display.safe_image_url(hit.image_url),
            )
        )
    return cards


# What each parameter is called on the page, so a refused one is named the way the buyer saw it.
FIELD_LABELS = {
    "q": _("Search"),
    "category": FACET_TITLES["category"],
    "origin": FACET_TITLES["origin"],
    "verified": FACET_TITLES["verified"],
    "cert": FACET_TITLES["certification"],
    "sample": FACET_TITLES["sample_available"],
    "moq_max": _("Minimum order at most"),
    "lead_time_max": _("Lead time at most"),
    "quantity": _("Price for a quantity of"),
    "price_min": _("Lowest unit price"),
    "price_max": _("Highest unit price"),
    "currency": _("Show prices in"),
    "sort": _("Sort by"),
    "page": _("Page"),
    "per_page": _("Results per page"),
    "sector": _("Sector"),
    "region": _("Region or city"),
}


def _errors(exc: DomainError) -> tuple[list[str], dict[str, str]]:
    """Each message with the name of its field ("Sort by: …"), and the bare messages by field."""
    messages = [
        f"{FIELD_LABELS[e.field]}: {localize(e)}" if e.field in FIELD_LABELS else localize(e) for e in exc.errors
    ]
    by_field = {e.field: localize(e) for e in exc.errors if e.field}
    return messages, by_field


def _respond(request: HttpRequest, full: str, partial: str, context: dict, status: int = 200) -> HttpResponse:
    response = render(request, partial if wants_fragment(request) else full, context, status=status)
    # The same URL answers with a fragment or a page; caches must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- the pages ----------------------------------------------------------------------------------


def products(request: HttpRequest) -> HttpResponse:
    params = request.GET
    context: dict = {
        "params": params,
        "header_query": params.get("q", ""),
        "sorts": SORT_CHOICES,
        "currencies": DISPLAY_CURRENCIES,
        "currency": params.get("currency") or DEFAULT_CURRENCY,
        "sort": params.get("sort") or "relevance",
        "clear_href": _with(QueryDict(mutable=True), q=params.get("q", "")),
        "hidden_filters": hidden_filters(params),
        "number_fields": number_fields(params, {}),
    }
    try:
        query = selectors.query_from_params(_params_for_parser(params))
        results = selectors.search_products(query, language=get_language())
    except DomainError as exc:
        if exc.status == 404:
            raise
        context["errors"], context["field_errors"] = _errors(exc)
        context["number_fields"] = number_fields(params, context["field_errors"])
        context["filters"] = active_filters(None, params)
        return _respond(request, "search/products.html", "search/_results.html", context, status=400)
    groups = facet_groups(results, params)
    categories = {v.value: _label(v.label_en, v.label_zh) for v in results.facets.get("category", ())}
    context.update(
        query=query,
        results=results,
        facet_groups=groups,
        filters=active_filters(results, params),
        cards=search_cards(results.items, quantity=query.quantity, categories=categories),
        page_links=_pages(results, params) if results.pages > 1 else [],
        previous_href=_with(params, page=str(results.page - 1)) if results.page > 1 else "",
        next_href=_with(params, page=str(results.page + 1)) if results.page < results.pages else "",
        suggestion_links=[(s, _with(QueryDict(mutable=True), q=s)) for s in results.suggestions],
        currency=query.currency,
        sort=query.sort,
        # A shared link to page 9 of what is now 3 pages: say so, and link back to the first.
        first_page_href=_with(params) if results.total and not results.items else "",
        first_index=(results.page - 1) * results.per_page + 1,
        last_index=min(results.total, results.page * results.per_page),
    )
    return _respond(request, "search/products.html", "search/_results.html", context)


def _page_number(value: str) -> int:
    try:
        page = int(value or 1)
    except ValueError:
        page = 0
    if page < 1:
        raise DomainError("invalid_page", gettext("Enter a page number of 1 or more."), "page")
    return page


def suppliers(request: HttpRequest) -> HttpResponse:
    params = request.GET
    text = params.get("q", "").strip()
    sector = params.get("sector", "").strip() or None
    region = params.get("region", "").strip() or None
    context: dict = {
        "params": params,
        "sectors": SECTOR_CHOICES,
        "text": text,
        "sector": sector or "",
        "region": region or "",
    }
    try:
        page = _page_number(params.get("page", ""))
        results = selectors.search_suppliers(text, sector=sector, region=region, page=page)
    except DomainError as exc:
        if exc.status == 404:
            raise
        context["errors"], context["field_errors"] = _errors(exc)
        return _respond(request, "search/suppliers.html", "search/_supplier_results.html", context, status=400)
    pages = max(1, -(-results.total // results.per_page)) if results.per_page else 1
    context.update(
        results=results,
        sector_links=[
            FacetLink(
                _label(v.label_en, v.label_zh),
                v.count,
                v.selected,
                0,
                _with(params, sector=None if v.selected else v.value),
                _dom_id("sector", v.value),
            )
            for v in results.sectors
        ],
        pages=pages,
        previous_href=_with(params, page=str(results.page - 1)) if results.page > 1 else "",
        next_href=_with(params, page=str(results.page + 1)) if results.page < pages else "",
    )
    return _respond(request, "search/suppliers.html", "search/_supplier_results.html", context)

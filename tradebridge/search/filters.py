"""A `ProductQuery`'s filters as conditions on `SearchDocument`, named so facets can leave
their own filter out, and the price rule in the buyer's currency.

Prices: a listing's unit price (at the MOQ, or at `quantity` through the same tier rule as
`ranking.unit_price_at`) is in the listing's currency. The buyer's bounds are in theirs. Each
listing currency P with a known rate is compared as `price_P × rate(P→buyer) within bounds`,
i.e. `price_P within bounds / rate`, with the rate the product page converts with
(`pricing.selectors.display_rate`, from the table in force now). A listing whose currency has
no rate to the buyer's cannot be placed, so a price filter leaves it out and a price sort puts
it last; the note says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, DecimalField, F, OuterRef, Q, Subquery, Value, When
from django.db.models.lookups import Exact

from tradebridge.catalog.models import UNIT_PRICE, PriceTier
from tradebridge.pricing.currencies import MINOR_UNITS
from tradebridge.pricing.selectors import DisplayRate, display_rate
from tradebridge.search.index import CERT_BITS
from tradebridge.search.query import ProductQuery

PRICE = DecimalField(**UNIT_PRICE)


@dataclass
class Conditions:
    """The query's filters by facet name; each entry is a list of filter() arguments."""

    by_name: dict[str, list] = field(default_factory=dict)
    rates: dict[str, DisplayRate] = field(default_factory=dict)  # listing currency → rate to buyer's


def _tier_price(quantity: int):
    """(the quantity priced: `quantity`, or the MOQ above it; the unit price there), as SQL."""
    wanted = Case(When(moq__gt=quantity, then=F("moq")), default=Value(quantity))
    tiers = PriceTier.objects.filter(product_id=OuterRef("product_id"), min_quantity__lte=OuterRef("wanted_quantity"))
    # The SQL form of ranking.unit_price_at: product tiers before SKU tiers, highest threshold, cheapest.
    chosen = tiers.order_by(F("variant_id").asc(nulls_first=True), "-min_quantity", "unit_price").values("unit_price")
    return wanted, Subquery(chosen[:1], output_field=PRICE)


def rates_to(currency: str, table) -> dict[str, DisplayRate]:
    found = {}
    for code in MINOR_UNITS:
        rate = display_rate(code, currency, table=table)
        if rate.known:
            found[code] = rate
    return found


def converted_price(price, rates: dict[str, DisplayRate]):
    """The price in the buyer's currency (NULL where no rate), for sorting."""
    whens = [When(currency=code, then=price * Value(rate.rate.rate)) for code, rate in rates.items()]
    return Case(*whens, default=Value(None), output_field=PRICE)


def conditions(query: ProductQuery, rates: dict[str, DisplayRate]) -> Conditions:
    found = Conditions(rates=rates)
    add = found.by_name.setdefault
    if query.category:
        path = query.category
        add("category", []).append(Q(category_path=path) | Q(category_path__startswith=f"{path}/"))
    if query.origin:
        add("origin", []).append(Q(origin__in=query.origin))
    if query.verified_only:
        add("verified", []).append(Q(supplier_verified=True))
    if query.sample_available:
        add("sample_available", []).append(Q(sample_available=True))
    for cert in query.certifications:
        bit = CERT_BITS[cert]
        add("certification", []).append(Exact(F("cert_mask").bitand(bit), bit))
    if query.moq_max is not None:
        add("moq", []).append(Q(moq__lte=query.moq_max))
    if query.lead_time_max is not None:
        add("lead_time", []).append(Q(lead_time_days__lte=query.lead_time_max))
    if query.price_min is not None or query.price_max is not None:
        add("price", []).append(_price_condition(query, rates))
    return found


def _price_condition(query: ProductQuery, rates: dict[str, DisplayRate]) -> Q:
    field = "price_at_moq" if query.quantity is None else "unit_price_q"
    condition = Q(pk__in=[])
    for code, rate in rates.items():
        one = Q(currency=code)
        if query.price_min is not None:
            one &= Q(**{f"{field}__gte": _bound(query.price_min, rate.rate.rate)})
        if query.price_max is not None:
            one &= Q(**{f"{field}__lte": _bound(query.price_max, rate.rate.rate)})
        condition |= one
    return condition


def _bound(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount / rate).quantize(Decimal("0.000001"))


def with_quantity(documents, quantity: int | None):
    """Documents with `unit_price_q` (the unit price at `quantity`) available to filter and sort."""
    if quantity is None:
        return documents
    wanted, price = _tier_price(quantity)
    return documents.alias(wanted_quantity=wanted, unit_price_q=price)

"""The search interface shared by the pages, the API and the engines: pure dataclasses.

A `ProductQuery` goes in (built from GET parameters by `selectors.query_from_params`), a
`ProductResults` comes out. Nothing here touches Django or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tradebridge.pricing.money import Money

SORTS = ("relevance", "price", "newest", "moq")
FACETS = ("category", "origin", "verified", "certification", "sample_available")
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class ProductQuery:
    text: str = ""
    category: str | None = None  # Category.path; matches the subtree
    origin: tuple[str, ...] = ()  # ISO 3166 alpha-2 codes, OR-ed
    verified_only: bool = False  # supplier verification status "verified"
    certifications: tuple[str, ...] = ()  # AND-ed
    moq_max: int | None = None
    price_min: Decimal | None = None  # unit price at `quantity` (MOQ when None), in `currency`
    price_max: Decimal | None = None
    currency: str = "CNY"  # buyer's display currency; conversion via pricing.selectors.rate_table
    quantity: int | None = None
    lead_time_max: int | None = None
    sample_available: bool = False
    sort: str = "relevance"  # relevance | price | newest | moq
    page: int = 1
    per_page: int = 24


@dataclass(frozen=True)
class TermReading:
    """One query term as understood."""

    term: str  # as typed (normalised)
    language: str  # "zh" | "en" | "pinyin"
    alternatives: tuple[str, ...]  # translations/expansions OR-ed with the term


@dataclass(frozen=True)
class Interpretation:
    original: str
    normalised: str  # full-width folded, traditional -> simplified, lower-cased
    terms: tuple[TermReading, ...]
    display: str  # e.g. "羊毛围巾 → wool scarf"
    relaxed: bool  # True when no listing matched all terms and the fallback (any term) was used


@dataclass(frozen=True)
class Hit:
    product_id: int
    title_en: str
    title_zh: str
    title_highlighted_en: str  # safe HTML: escaped text with <mark>…</mark> around matches
    title_highlighted_zh: str
    snippet: str  # safe HTML, a short description excerpt with <mark>s
    supplier_id: int
    supplier_name: str
    supplier_verified: bool
    unit_price: Money | None  # at `quantity` (or MOQ), in the product's currency
    converted_price: Money | None  # the same in ProductQuery.currency; None if no rate
    moq: int
    lead_time_days: int | None
    origin_country: str
    category_path: str | None
    image_url: str
    score: float
    handle: str = ""  # the product's handle, for links
    supplier_name_zh: str = ""


@dataclass(frozen=True)
class FacetValue:
    value: str  # the filter value to send back (category path, country code, "true", cert name)
    label_en: str
    label_zh: str
    count: int  # listings matching the query AND all OTHER active filters
    selected: bool
    depth: int = 0  # for the category tree


@dataclass(frozen=True)
class ProductResults:
    items: tuple[Hit, ...]
    total: int
    page: int
    per_page: int
    interpretation: Interpretation
    facets: dict[str, tuple[FacetValue, ...]]  # keys: FACETS
    suggestions: tuple[str, ...]  # broader queries when total == 0
    price_rate_note: str = ""  # which rate the price filter used, or why none

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page)) if self.per_page else 1


@dataclass(frozen=True)
class SupplierHit:
    company_id: int
    name: str
    name_zh: str
    slug: str | None
    sector: str  # the sector code (companies.models.SECTOR_CHOICES)
    sector_label: str  # in the active language
    region: str
    country: str
    verified: bool
    published_products: int
    name_highlighted: str  # safe HTML with <mark>s


@dataclass(frozen=True)
class SupplierResults:
    items: tuple[SupplierHit, ...]
    total: int
    page: int
    per_page: int
    text: str
    sector: str | None = None
    region: str | None = None
    sectors: tuple[FacetValue, ...] = field(default=())  # sector facet with counts

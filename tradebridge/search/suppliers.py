"""Supplier search: by name (English or Chinese, any part of it), sector and region.

Only suppliers with at least one published listing are found: they are the ones a buyer can
trade with. On PostgreSQL the name lookups use the pg_trgm indexes from migration 0002.
"""

from __future__ import annotations

from django.db.models import Case, Count, Q, When
from django.db.models.functions import Lower

from tradebridge.catalog.models import Product
from tradebridge.companies.domain import Kind, Verification
from tradebridge.companies.models import SECTOR_CHOICES, Company
from tradebridge.core.errors import DomainError
from tradebridge.search import text as analysis
from tradebridge.search.facets import both_languages
from tradebridge.search.highlight import highlight
from tradebridge.search.query import FacetValue, SupplierHit, SupplierResults

PER_PAGE = 24
MAX_WORDS = 6
MAX_PAGE = 1_000
SECTORS = dict(SECTOR_CHOICES)


def _words(query: str) -> list[str]:
    normal = analysis.normalise(query[:200])
    return [w for w in (cjk or other for cjk, other in analysis.RUN.findall(normal))][:MAX_WORDS]


def search_suppliers(
    text: str = "", *, sector: str | None = None, region: str | None = None, page: int = 1
) -> SupplierResults:
    sector = (sector or "").strip() or None
    region = (region or "").strip()[:100] or None
    if sector and sector not in SECTORS:
        raise DomainError("sector_unknown", "Choose a sector from the list.", "sector")
    if not 1 <= page <= MAX_PAGE:
        raise DomainError("integer_out_of_range", f"Enter a whole number from 1 to {MAX_PAGE:,}.", "page")
    words = _words(text or "")
    published = Count("products", filter=Q(products__status=Product.Status.PUBLISHED))
    suppliers = (
        Company.objects.filter(kind=Kind.SUPPLIER.value, products__status=Product.Status.PUBLISHED)
        .distinct()
        .annotate(lower_name=Lower("name"))
    )
    for word in words:
        suppliers = suppliers.filter(
            Q(lower_name__contains=word) | Q(name_zh__contains=word) | Q(description__icontains=word)
        )
    if region:
        suppliers = suppliers.filter(region__icontains=region)
    sector_counts = dict(suppliers.order_by().values_list("sector").annotate(n=Count("id", distinct=True)))
    if sector:
        suppliers = suppliers.filter(sector=sector)
    total = suppliers.count()
    start = (page - 1) * PER_PAGE
    rows = list(
        Company.objects.filter(pk__in=suppliers.values("pk"))
        .annotate(published=published)
        .annotate(verified=Case(When(verification_status=Verification.VERIFIED.value, then=1), default=0))
        .order_by("-verified", "-published", "name", "id")[start : start + PER_PAGE]
    )
    return SupplierResults(
        items=tuple(_hit(c, words) for c in rows),
        total=total,
        page=page,
        per_page=PER_PAGE,
        text=text or "",
        sector=sector,
        region=region,
        sectors=_sector_facet(sector_counts, sector),
    )


def _hit(company: Company, words: list[str]) -> SupplierHit:
    return SupplierHit(
        company_id=company.pk,
        name=company.name,
        name_zh=company.name_zh,
        slug=company.slug,
        sector=company.sector,
        sector_label=str(SECTORS.get(company.sector, company.sector)),
        region=company.region,
        country=company.country,
        verified=company.verification_status == Verification.VERIFIED.value,
        published_products=company.published,
        name_highlighted=highlight(company.name, tuple(words)),
    )


def _sector_facet(counts: dict[str, int], selected: str | None) -> tuple[FacetValue, ...]:
    values = []
    for code, label in SECTOR_CHOICES:
        if counts.get(code) or code == selected:
            values.append(FacetValue(code, *both_languages(label), counts.get(code, 0), code == selected))
    return tuple(values)

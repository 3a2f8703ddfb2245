"""Builds the search quality fixture catalog (listings.py) as published products in the test
database, then indexes it through the search services, as the catalog would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tests import factories
from tests.search.quality.listings import LISTINGS, SUPPLIERS, Listing
from tradebridge.catalog.categories import load_default_tree
from tradebridge.catalog.models import Category, PriceTier, Product, Variant
from tradebridge.companies.models import Company


def build_catalog(*, index: bool = True) -> dict[str, Product]:
    """Every listing as a published product with one SKU and two price tiers; returns them by
    handle. `index=False` leaves the search index alone (for tests of the data itself)."""
    load_default_tree()
    categories = {c.path: c for c in Category.objects.all()}
    companies = {s.key: _supplier(s) for s in SUPPLIERS}
    start = timezone.now() - dt.timedelta(days=len(LISTINGS))
    products: dict[str, Product] = {}
    for n, listing in enumerate(LISTINGS):
        published = start + dt.timedelta(days=n)  # distinct dates, so "newest" is well defined
        products[listing.handle] = _product(listing, companies[listing.supplier], categories, published)
    if index:
        from tradebridge.search.services import rebuild_index

        rebuild_index()
    return products


def _supplier(spec) -> Company:
    return factories.company(
        kind="supplier",
        name=spec.name,
        name_zh=spec.name_zh,
        region=spec.region,
        sector=spec.sector,
        verification_status="verified" if spec.verified else "unverified",
    )


def _product(listing: Listing, supplier: Company, categories: dict[str, Category], published) -> Product:
    written_in_chinese = not listing.title_en
    product = Product.objects.create(
        supplier=supplier,
        handle=listing.handle,
        status=Product.Status.PUBLISHED,
        title_en=listing.title_en,
        title_zh=listing.title_zh,
        title_source="zh" if written_in_chinese else "en",
        description_en=listing.description_en,
        description_zh=listing.description_zh,
        description_source="zh" if written_in_chinese else "en",
        category=categories[listing.category] if listing.category else None,
        origin_country=listing.origin,
        certifications=list(listing.certifications),
        attributes=dict(listing.attributes),
        currency="GBP",
        moq=listing.moq,
        lead_time_days=listing.lead_time_days,
        sample_available=listing.sample,
        published_at=published,
    )
    Variant.objects.create(
        product=product, supplier=supplier, sku=f"{listing.handle.upper()}-1", stock_on_hand=500, moq=None
    )
    price = Decimal(listing.price)
    PriceTier.objects.create(product=product, min_quantity=listing.moq, unit_price=price)
    PriceTier.objects.create(product=product, min_quantity=listing.moq * 10, unit_price=(price * Decimal("0.9")))
    return product

"""Catalog builders for the storefront tests: categories by path, products with tiers, variants
and images. Each makes exactly what it is asked for, on top of tests/factories.py."""

from __future__ import annotations

import itertools
from decimal import Decimal

from django.utils import timezone

from tests import factories
from tradebridge.catalog.models import Category, PriceTier, Product, ProductImage, Variant
from tradebridge.companies.models import Company

_seq = itertools.count(1)


def category(path: str, name_en: str | None = None, name_zh: str = "") -> Category:
    """The category at `path`, making any missing ancestors on the way."""
    parent = None
    parts = path.split("/")
    for depth, slug in enumerate(parts):
        sub_path = "/".join(parts[: depth + 1])
        last = depth == len(parts) - 1
        parent, _ = Category.objects.get_or_create(
            path=sub_path,
            defaults={
                "parent": parent,
                "slug": slug,
                "depth": depth,
                "name_en": (name_en if last and name_en else slug.replace("-", " ").title()),
                "name_zh": name_zh if last else "",
            },
        )
    return parent


def product(
    *,
    supplier: Company | None = None,
    category: Category | None = None,
    published: bool = True,
    title_en: str | None = None,
    tiers: list[tuple[int, str]] | None = None,
    **fields,
) -> Product:
    """A product (published unless told) with product-level tiers, by default one at 1 unit."""
    n = next(_seq)
    title_en = title_en if title_en is not None else f"Product {n}"
    made = Product.objects.create(
        supplier=supplier or factories.company(kind="supplier"),
        category=category,
        handle=f"product-{n}",
        title_en=title_en,
        status=Product.Status.PUBLISHED if published else Product.Status.DRAFT,
        published_at=timezone.now() if published else None,
        **fields,
    )
    for quantity, price in tiers if tiers is not None else [(1, "1.00")]:
        PriceTier.objects.create(product=made, min_quantity=quantity, unit_price=Decimal(price))
    return made


def variant(the_product: Product, sku: str | None = None, **fields) -> Variant:
    return Variant.objects.create(
        product=the_product,
        supplier_id=the_product.supplier_id,
        sku=sku or f"SKU-{next(_seq)}",
        **fields,
    )


def image(the_product: Product, url: str | None = None, position: int = 0) -> ProductImage:
    return ProductImage.objects.create(
        product=the_product,
        source_url=url or f"https://cdn.example.com/{next(_seq)}.jpg",
        position=position,
    )

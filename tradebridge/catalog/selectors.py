"""Reads for suppliers' own catalog pages."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from tradebridge.catalog.models import Category, PriceTier, Product, Variant
from tradebridge.companies.models import Membership
from tradebridge.core.models import Job
from tradebridge.core.queries import is_key


def own_products(
    membership: Membership, *, query: str = "", status: str = "", category_id: str = ""
) -> QuerySet[Product]:
    products = Product.objects.filter(supplier_id=membership.company_id)
    if query:
        products = products.filter(
            Q(title_en__icontains=query)
            | Q(title_zh__icontains=query)
            | Q(handle__icontains=query)
            | Q(variants__sku__icontains=query)
        ).distinct()
    if status in (Product.Status.DRAFT, Product.Status.PUBLISHED):
        products = products.filter(status=status)
    if category_id.isascii() and category_id.isdigit():  # isdigit alone passes "²", which int() refuses
        wanted = int(category_id)
        # An id too large to be a key names no category, so it finds nothing, as any other would.
        products = products.filter(category_id=wanted) if is_key(wanted) else products.none()
    return (
        products.select_related("category")
        .annotate(variant_count=Count("variants", distinct=True))
        .prefetch_related(Prefetch("tiers", queryset=PriceTier.objects.filter(variant__isnull=True)))
        .order_by("-updated_at", "-id")
    )


def product_for_edit(product: Product) -> Product:
    return (
        Product.objects.select_related("category")
        .prefetch_related(
            Prefetch("variants", queryset=Variant.objects.order_by("position", "id")),
            "tiers",
            "images",
        )
        .get(pk=product.pk)
    )


def category_choices() -> list[tuple[int, str]]:
    """Our own tree (not the imported Google one) as indented choices for a select."""
    rows = (
        Category.objects.exclude(path="google")
        .exclude(path__startswith="google/")
        .values_list("id", "depth", "name_en", "name_zh")
    )
    return [(pk, f"{'— ' * depth}{en}{f' / {zh}' if zh else ''}") for pk, depth, en, zh in rows]


def import_jobs(membership: Membership, limit: int = 10) -> QuerySet[Job]:
    return Job.objects.filter(company_id=membership.company_id, kind="catalog.import").order_by("-created_at")[:limit]

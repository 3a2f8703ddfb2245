"""A page of matching documents → `Hit`s: the products, their cover images and prices, with
the matches marked. Three queries whatever the page size."""

from __future__ import annotations

from django.db.models import Prefetch

from tradebridge.catalog.models import PriceTier, Product, ProductImage
from tradebridge.companies.domain import Verification
from tradebridge.pricing.money import Money
from tradebridge.pricing.selectors import DisplayRate
from tradebridge.search import ranking
from tradebridge.search.highlight import highlight, snippet
from tradebridge.search.query import Hit


def hits(
    scored: list[tuple[int, float]],
    *,
    terms: tuple[str, ...],
    language: str,
    quantity: int | None,
    rates: dict[str, DisplayRate],
) -> tuple[Hit, ...]:
    """Hits for (product id, score) pairs, in that order."""
    ids = [pk for pk, _ in scored]
    products = (
        Product.objects.filter(pk__in=ids)
        .select_related("supplier", "category")
        .prefetch_related(
            Prefetch("tiers", queryset=PriceTier.objects.order_by("min_quantity")),
            Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")[:1], to_attr="ordered_images"),
        )
    )
    by_id = {p.pk: p for p in products}
    return tuple(
        _hit(by_id[pk], score, terms=terms, language=language, quantity=quantity, rates=rates)
        for pk, score in scored
        if pk in by_id
    )


def _hit(product: Product, score: float, *, terms, language, quantity, rates) -> Hit:
    tiers = [ranking.TierRow(t.min_quantity, t.unit_price, t.variant_id) for t in product.tiers.all()]
    price = ranking.unit_price_at(tiers, moq=product.moq, quantity=quantity)
    rate = rates.get(product.currency)
    converted = rate.convert(price) if rate is not None and price is not None else None
    buyer_currency = rate.quote if rate is not None else None
    description = (
        (product.description_zh or product.description_en)
        if language == "zh"
        else (product.description_en or product.description_zh)
    )
    images = product.ordered_images
    return Hit(
        product_id=product.pk,
        title_en=product.title_en,
        title_zh=product.title_zh,
        title_highlighted_en=highlight(product.title_en, terms),
        title_highlighted_zh=highlight(product.title_zh, terms),
        snippet=snippet(description, terms),
        supplier_id=product.supplier_id,
        supplier_name=product.supplier.name,
        supplier_verified=product.supplier.verification_status == Verification.VERIFIED.value,
        unit_price=Money(price, product.currency) if price is not None else None,
        converted_price=Money(converted, buyer_currency) if converted is not None else None,
        moq=product.moq,
        lead_time_days=product.lead_time_days,
        origin_country=product.origin_country,
        category_path=product.category.path if product.category else None,
        image_url=images[0].display_url if images else "",
        score=float(score or 0),
        handle=product.handle,
        supplier_name_zh=product.supplier.name_zh,
    )

"""A page of matching documents → `Hit`s: the products, their cover images and prices, with
the matches marked. Three queries whatever the page size.

Rows are read as values, not model instances: building 24 products with their supplier and
category through the ORM cost more than the search that found them."""

from __future__ import annotations

from tradebridge.catalog.models import PriceTier, Product, ProductImage
from tradebridge.companies.domain import Verification
from tradebridge.pricing.money import Money
from tradebridge.pricing.selectors import DisplayRate
from tradebridge.search import ranking
from tradebridge.search.highlight import Highlighter
from tradebridge.search.query import Hit

_COLUMNS = (
    "pk",
    "handle",
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "supplier_id",
    "supplier__name",
    "supplier__name_zh",
    "supplier__verification_status",
    "currency",
    "moq",
    "lead_time_days",
    "origin_country",
    "category__path",
)


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
    if not ids:
        return ()
    rows = {row["pk"]: row for row in Product.objects.filter(pk__in=ids).values(*_COLUMNS)}
    tiers: dict[int, list[ranking.TierRow]] = {}
    for product_id, quantity_from, price, variant_id in (
        PriceTier.objects.filter(product_id__in=ids)
        .order_by("min_quantity")
        .values_list("product_id", "min_quantity", "unit_price", "variant_id")
    ):
        tiers.setdefault(product_id, []).append(ranking.TierRow(quantity_from, price, variant_id))
    highlighter = Highlighter(terms)
    images = _cover_images(ids)
    return tuple(
        _hit(rows[pk], score, tiers.get(pk, []), images.get(pk, ""), highlighter, language, quantity, rates)
        for pk, score in scored
        if pk in rows
    )


def _cover_images(ids: list[int]) -> dict[int, str]:
    """Each product's first image (by position, then id) as the URL `ProductImage.display_url` gives."""
    thumbnail = ProductImage._meta.get_field("thumbnail").storage
    file = ProductImage._meta.get_field("file").storage
    found: dict[int, str] = {}
    for product_id, thumb_name, file_name, source_url in (
        ProductImage.objects.filter(product_id__in=ids)
        .order_by("product_id", "position", "id")
        .values_list("product_id", "thumbnail", "file", "source_url")
    ):
        if product_id not in found:
            found[product_id] = (
                thumbnail.url(thumb_name) if thumb_name else file.url(file_name) if file_name else source_url
            )
    return found


def _hit(row: dict, score: float, tiers, image_url: str, highlighter: Highlighter, language, quantity, rates) -> Hit:
    price = ranking.unit_price_at(tiers, moq=row["moq"], quantity=quantity)
    rate = rates.get(row["currency"])
    converted = rate.convert(price) if rate is not None and price is not None else None
    buyer_currency = rate.quote if rate is not None else None
    english, chinese = row["description_en"], row["description_zh"]
    description = (chinese or english) if language == "zh" else (english or chinese)
    return Hit(
        product_id=row["pk"],
        title_en=row["title_en"],
        title_zh=row["title_zh"],
        title_highlighted_en=highlighter.highlight(row["title_en"]),
        title_highlighted_zh=highlighter.highlight(row["title_zh"]),
        snippet=highlighter.snippet(description),
        supplier_id=row["supplier_id"],
        supplier_name=row["supplier__name"],
        supplier_verified=row["supplier__verification_status"] == Verification.VERIFIED.value,
        unit_price=Money(price, row["currency"]) if price is not None else None,
        converted_price=Money(converted, buyer_currency) if converted is not None else None,
        moq=row["moq"],
        lead_time_days=row["lead_time_days"],
        origin_country=row["origin_country"],
        category_path=row["category__path"],
        image_url=image_url,
        score=float(score or 0),
        handle=row["handle"],
        supplier_name_zh=row["supplier__name_zh"],
    )

"""A page of matching documents → `Hit`s: the products, their cover images and prices, with
the matches marked. Three queries whatever the page size.

Rows are read as values, not model instances, by plain SQL (see core.queries): building 24
products with their supplier and category through the ORM, even compiling the ORM's three
reads, cost more CPU than the database spent on them."""

from __future__ import annotations

from typing import NamedTuple

from tradebridge.catalog.models import Category, PriceTier, Product, ProductImage
from tradebridge.companies.domain import Verification
from tradebridge.companies.models import Company
from tradebridge.core.queries import Columns, among, select
from tradebridge.pricing.money import Money
from tradebridge.pricing.selectors import DisplayRate
from tradebridge.search import ranking
from tradebridge.search.highlight import Highlighter
from tradebridge.search.query import Hit


class _Product(NamedTuple):
    pk: int
    handle: str
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    supplier_id: int
    supplier_name: str
    supplier_name_zh: str
    supplier_verification_status: str
    currency: str
    moq: int
    lead_time_days: int | None
    origin_country: str
    category_path: str | None


# None of these columns needs a database converter; the tiers' prices do (Columns loads them).
_PRODUCT_COLUMNS = (
    "p.id",
    "p.handle",
    "p.title_en",
    "p.title_zh",
    "p.description_en",
    "p.description_zh",
    "p.supplier_id",
    "c.name",
    "c.name_zh",
    "c.verification_status",
    "p.currency",
    "p.moq",
    "p.lead_time_days",
    "p.origin_country",
    "k.path",
)
_TIERS = Columns(PriceTier, "t")
_TABLES = {model: model._meta.db_table for model in (Product, Company, Category, ProductImage)}


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
    products, companies, categories = _TABLES[Product], _TABLES[Company], _TABLES[Category]
    product_is, product_params = among("p.id", ids)
    rows = {
        row[0]: _Product._make(row)
        for row in select(
            (),
            f"FROM {products} p JOIN {companies} c ON c.id = p.supplier_id "
            f"LEFT JOIN {categories} k ON k.id = p.category_id WHERE {product_is}",
            product_params,
            extra=_PRODUCT_COLUMNS,
        )
    }
    tiers: dict[int, list[ranking.TierRow]] = {}
    tier_is, tier_params = among("t.product_id", ids)
    for (tier,) in select((_TIERS,), f"FROM {_TIERS.table} WHERE {tier_is} ORDER BY t.min_quantity", tier_params):
        tiers.setdefault(tier.product_id, []).append(
            ranking.TierRow(tier.min_quantity, tier.unit_price, tier.variant_id)
        )
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
    image_is, params = among("i.product_id", ids)
    for product_id, thumb_name, file_name, source_url in select(
        (),
        f"FROM {_TABLES[ProductImage]} i WHERE {image_is} ORDER BY i.product_id, i.position, i.id",
        params,
        extra=("i.product_id", "i.thumbnail", "i.file", "i.source_url"),
    ):
        if product_id not in found:
            found[product_id] = (
                thumbnail.url(thumb_name) if thumb_name else file.url(file_name) if file_name else source_url
            )
    return found


def _hit(
    row: _Product, score: float, tiers, image_url: str, highlighter: Highlighter, language, quantity, rates
) -> Hit:
    price = ranking.unit_price_at(tiers, moq=row.moq, quantity=quantity)
    rate = rates.get(row.currency)
    converted = rate.convert(price) if rate is not None and price is not None else None
    buyer_currency = rate.quote if rate is not None else None
    english, chinese = row.description_en, row.description_zh
    description = (chinese or english) if language == "zh" else (english or chinese)
    return Hit(
        product_id=row.pk,
        title_en=row.title_en,
        title_zh=row.title_zh,
        title_highlighted_en=highlighter.highlight(row.title_en),
        title_highlighted_zh=highlighter.highlight(row.title_zh),
        snippet=highlighter.snippet(description),
        supplier_id=row.supplier_id,
        supplier_name=row.supplier_name,
        supplier_verified=row.supplier_verification_status == Verification.VERIFIED.value,
        unit_price=Money(price, row.currency) if price is not None else None,
        converted_price=Money(converted, buyer_currency) if converted is not None else None,
        moq=row.moq,
        lead_time_days=row.lead_time_days,
        origin_country=row.origin_country,
        category_path=row.category_path,
        image_url=image_url,
        score=float(score or 0),
        handle=row.handle,
        supplier_name_zh=row.supplier_name_zh,
    )

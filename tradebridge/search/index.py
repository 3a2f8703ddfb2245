"""Turning published products into search documents, many at a time.

`build_documents` reads a batch of products in a fixed number of queries (products with their
supplier and category, their tiers, the category chain names, and the track record of the
batch's suppliers: orders completed and buyers' stars) and returns their documents;
`write_documents` replaces the batch's documents of one generation in a couple of statements.
Rows are read as values and written as column dicts: model instances would cost more than the
text analysis itself.
Only published products get a document: anything else simply has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from html import unescape

from tradebridge.catalog.bulk import insert_many
from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.catalog.models import Category, PriceTier, Product
from tradebridge.companies.domain import Verification
from tradebridge.reviews.domain import NO_RATING, Rating
from tradebridge.reviews.selectors import supplier_ratings
from tradebridge.search import ranking, text
from tradebridge.search.models import SearchDocument

CERT_BITS = {name: 1 << i for i, name in enumerate(CERTIFICATIONS)}


def cert_mask(names: Iterable[str]) -> int:
    mask = 0
    for name in names or ():
        mask |= CERT_BITS.get(name, 0)
    return mask


def _chain_names(paths: set[str]) -> dict[str, list[str]]:
    """Each category path → the English and Chinese names of it and its ancestors."""
    prefixes = {"/".join(p.split("/")[: i + 1]) for p in paths for i in range(p.count("/") + 1)}
    names = {
        path: (en, zh)
        for path, en, zh in Category.objects.filter(path__in=prefixes).values_list("path", "name_en", "name_zh")
    }
    chains: dict[str, list[str]] = {}
    for path in paths:
        parts = path.split("/")
        chain = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        chains[path] = [name for prefix in chain for name in names.get(prefix, ()) if name]
    return chains


_PRODUCT_COLUMNS = (
    "pk",
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "brand",
    "tags",
    "attributes",
    "certifications",
    "supplier_id",
    "supplier__verification_status",
    "category_id",
    "category__path",
    "origin_country",
    "moq",
    "lead_time_days",
    "sample_available",
    "currency",
    "published_at",
)
_TAG = re.compile(r"<[^>]*>")


def _attribute_words(row: dict, chain: list[str]) -> list[str]:
    values: list[str] = [row["brand"], *chain, *(str(t) for t in row["tags"] or [])]
    for key, value in (row["attributes"] or {}).items():
        values.append(str(key))
        values.extend(str(v) for v in value) if isinstance(value, list) else values.append(str(value))
    for cert in row["certifications"] or []:
        values.extend(CERTIFICATIONS.get(cert, ()))
    return values


# Attribute names and values, category names and certifications repeat across the catalog, so
# each value's tokens are memoised (tokens never span the space between two values): a
# listing's attributes then cost a few dictionary look-ups rather than their analysis.
_value_tokens = lru_cache(maxsize=65_536)(text.index_text)


def _attrs(values: list[str]) -> str:
    return " ".join(tokens for tokens in map(_value_tokens, filter(None, values)) if tokens)


def _description(html: str) -> str:
    # A regex, not Django's strip_tags: only tokens are wanted, and this runs for every listing.
    return unescape(_TAG.sub(" ", (html or "")[: text.MAX_DESCRIPTION_CHARS * 2]))[: text.MAX_DESCRIPTION_CHARS]


def build_documents(product_ids: Sequence[int], *, generation: int) -> list[dict]:
    """Documents (column dicts, for `write_documents`) of the published products among these."""
    rows = list(
        Product.objects.filter(pk__in=list(product_ids), status=Product.Status.PUBLISHED)
        .order_by("pk")
        .values(*_PRODUCT_COLUMNS)
    )
    tiers: dict[int, list[ranking.TierRow]] = {}
    for product_id, quantity, price, variant_id in PriceTier.objects.filter(
        product__in=[r["pk"] for r in rows]
    ).values_list("product_id", "min_quantity", "unit_price", "variant_id"):
        tiers.setdefault(product_id, []).append(ranking.TierRow(quantity, price, variant_id))
    chains = _chain_names({r["category__path"] for r in rows if r["category__path"]})
    # Here, not at the top: orders' selectors import the catalog's services, which import search.
    from tradebridge.orders.selectors import completed_orders_by_supplier

    suppliers = {r["supplier_id"] for r in rows}
    completed = completed_orders_by_supplier(suppliers)
    ratings = supplier_ratings(suppliers)
    return [
        _document(
            r,
            tiers.get(r["pk"], []),
            chains,
            completed.get(r["supplier_id"], 0),
            ratings.get(r["supplier_id"], NO_RATING),
            generation,
        )
        for r in rows
    ]


def _document(
    row: dict, tiers: list[ranking.TierRow], chains: dict, completed_orders: int, rating: Rating, generation: int
) -> dict:
    verified = row["supplier__verification_status"] == Verification.VERIFIED.value
    stars = float(rating.overall)
    path = row["category__path"] or ""
    title_zh = text.normalise(row["title_zh"])
    return {
        "generation": generation,
        "product_id": row["pk"],
        "title": text.index_text(f"{row['title_en']} {row['title_zh']}"),
        "attrs": _attrs(_attribute_words(row, chains.get(path, []))),
        "body": text.index_text(
            f"{_description(row['description_en'])} {_description(row['description_zh'])}", words=False
        ),
        "pinyin": " ".join(text.pinyin_tokens(title_zh)),
        "supplier_id": row["supplier_id"],
        "supplier_verified": verified,
        "category_id": row["category_id"],
        "category_path": path,
        "origin": (row["origin_country"] or "").upper(),
        "cert_mask": cert_mask(row["certifications"]),
        "moq": row["moq"],
        "lead_time_days": row["lead_time_days"],
        "sample_available": row["sample_available"],
        "price_at_moq": ranking.unit_price_at(tiers, moq=row["moq"], quantity=None),
        "currency": row["currency"],
        "published_at": row["published_at"],
        "response_rate": 0.0,  # no enquiries yet to answer
        "completed_orders": completed_orders,
        "stars": stars,
        "review_count": rating.count,
        "boost": ranking.boost(verified=verified, completed_orders=completed_orders, stars=stars, reviews=rating.count),
    }


def write_documents(product_ids: Sequence[int], documents: list[dict], *, generation: int) -> None:
    """Replace the documents of `product_ids` in `generation` with `documents` (the published
    ones among them); the engine's index follows by trigger (SQLite) or generated column."""
    SearchDocument.objects.filter(generation=generation, product_id__in=list(product_ids)).delete()
    insert_many(SearchDocument, documents)

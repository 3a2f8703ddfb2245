"""Turning published products into search documents, many at a time.

`build_documents` reads a batch of products in a fixed number of queries (products with their
supplier and category, their tiers, the category chain names) and returns unsaved documents;
`write_documents` replaces the batch's documents of one generation in a couple of statements.
Only published products get a document: anything else simply has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.html import strip_tags

from tradebridge.catalog.bulk import insert_many
from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.catalog.models import Category, PriceTier, Product
from tradebridge.companies.domain import Verification
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


def _attribute_words(product: Product, chain: list[str]) -> str:
    values: list[str] = [product.brand, *chain, *(str(t) for t in product.tags or [])]
    for key, value in (product.attributes or {}).items():
        values.append(str(key))
        values.extend(str(v) for v in value) if isinstance(value, list) else values.append(str(value))
    for cert in product.certifications or []:
        values.extend(CERTIFICATIONS.get(cert, ()))
    return " ".join(v for v in values if v)


def _description(html: str) -> str:
    return strip_tags(html or "")[: text.MAX_DESCRIPTION_CHARS]


def build_documents(product_ids: Sequence[int], *, generation: int) -> list[SearchDocument]:
    products = list(
        Product.objects.filter(pk__in=list(product_ids), status=Product.Status.PUBLISHED)
        .select_related("supplier", "category")
        .order_by("pk")
    )
    tiers: dict[int, list[ranking.TierRow]] = {}
    for product_id, quantity, price, variant_id in PriceTier.objects.filter(
        product__in=[p.pk for p in products]
    ).values_list("product_id", "min_quantity", "unit_price", "variant_id"):
        tiers.setdefault(product_id, []).append(ranking.TierRow(quantity, price, variant_id))
    chains = _chain_names({p.category.path for p in products if p.category})
    return [_document(p, tiers.get(p.pk, []), chains, generation) for p in products]


def _document(product: Product, tiers: list[ranking.TierRow], chains: dict, generation: int) -> SearchDocument:
    supplier = product.supplier
    verified = supplier.verification_status == Verification.VERIFIED.value
    path = product.category.path if product.category else ""
    title_zh = text.normalise(product.title_zh)
    return SearchDocument(
        generation=generation,
        product_id=product.pk,
        title=text.index_text(f"{product.title_en} {product.title_zh}"),
        attrs=text.index_text(_attribute_words(product, chains.get(path, []))),
        body=text.index_text(
            f"{_description(product.description_en)} {_description(product.description_zh)}", words=False
        ),
        pinyin=" ".join(text.pinyin_tokens(title_zh)),
        supplier_id=supplier.pk,
        supplier_verified=verified,
        category_id=product.category_id,
        category_path=path,
        origin=(product.origin_country or "").upper(),
        cert_mask=cert_mask(product.certifications),
        moq=product.moq,
        lead_time_days=product.lead_time_days,
        sample_available=product.sample_available,
        price_at_moq=ranking.unit_price_at(tiers, moq=product.moq, quantity=None),
        currency=product.currency,
        published_at=product.published_at,
        boost=ranking.boost(verified=verified),
    )


def write_documents(product_ids: Sequence[int], documents: list[SearchDocument], *, generation: int) -> None:
    """Replace the documents of `product_ids` in `generation` with `documents` (the published
    ones among them); the engine's index follows by trigger (SQLite) or generated column."""
    SearchDocument.objects.filter(generation=generation, product_id__in=list(product_ids)).delete()
    insert_many(SearchDocument, documents)

"""Lands imported records in a supplier's catalog: idempotent, in batches, with a report.

Records come from `catalog.importers` (any file format). Each batch of products is one
transaction: a product lands whole (product, SKUs, tiers, images) or is rejected with its
rows named. A dry run does the same work inside transactions that are rolled back, so its
counts are exactly what a real run would do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from tradebridge.catalog import domain, pricing
from tradebridge.catalog.bulk import insert_many
from tradebridge.catalog.importers.records import ImportedProduct, ImportedVariant, RowError
from tradebridge.catalog.models import Category, PriceTier, Product, ProductImage, Variant
from tradebridge.catalog.texts import MachineTexts
from tradebridge.companies.models import Company
from tradebridge.pricing.currencies import is_currency
from tradebridge.search.services import index_products

BATCH_PRODUCTS = 500
REPORT_LIMIT = 10_000  # rejections kept in the report; the count is always exact

Progress = Callable[[int, int | None], None]


@dataclass
class ImportReport:
    format: str
    dry_run: bool
    products_created: int = 0
    products_updated: int = 0
    variants_created: int = 0
    variants_updated: int = 0
    products_rejected: int = 0
    rows_seen: int = 0
    rows_rejected: int = 0
    rejections: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    stopped: dict | None = None  # a file that breaks off midway: where, and why

    def reject(self, error: RowError) -> None:
        self.rows_rejected += 1
        if len(self.rejections) < REPORT_LIMIT:
            self.rejections.append(_row_dict(error))

    def warn(self, error: RowError) -> None:
        if len(self.warnings) < REPORT_LIMIT:
            self.warnings.append(_row_dict(error))

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def _row_dict(error: RowError) -> dict:
    return {
        "row": error.row,
        "column": error.column,
        "code": error.code,
        "message": error.message,
        "handle": error.handle,
    }


class _Rollback(Exception):
    """Raised inside a dry-run batch so its transaction is undone."""


def _batches(records: Iterable[ImportedProduct | RowError], report: ImportReport) -> Iterator[list[ImportedProduct]]:
    batch: list[ImportedProduct] = []
    for record in records:
        if isinstance(record, RowError):
            report.reject(record)
            report.rows_seen += 1
            continue
        report.rows_seen += len(record.rows) or 1
        batch.append(record)
        if len(batch) >= BATCH_PRODUCTS:
            yield batch
            batch = []
    if batch:
        yield batch


def run_import(
    *,
    supplier: Company,
    records: Iterable[ImportedProduct | RowError],
    file_format: str,
    dry_run: bool = False,
    progress: Progress | None = None,
    rows_total: int | None = None,
) -> ImportReport:
    report = ImportReport(format=file_format, dry_run=dry_run)
    lander = _Lander(supplier)
    try:
        for batch in _batches(records, report):
            try:
                with transaction.atomic():
                    lander.land(batch, report)
                    if dry_run:
                        raise _Rollback
            except _Rollback:
                pass
            if progress:
                progress(report.rows_seen, rows_total)
    except (ValueError, UnicodeDecodeError) as exc:
        # The reader could not go on (a broken quote, bytes in the wrong encoding). What landed
        # before stays; the report says from which row nothing more was read.
        report.stopped = {"after_row": report.rows_seen + 1, "message": str(exc)[:500]}
    return report


class _Lander:
    """Writes one batch: looks up what exists in a few queries, then bulk creates and updates."""

    def __init__(self, supplier: Company):
        self.supplier = supplier
        self.texts = MachineTexts(google_paths=_google_paths())
        self.categories = dict(Category.objects.values_list("path", "id"))

    def land(self, batch: list[ImportedProduct], report: ImportReport) -> None:
        handles = [p.handle for p in batch]
        skus = [v.sku for p in batch for v in p.variants]
        existing = {p.handle: p for p in Product.objects.filter(supplier=self.supplier, handle__in=handles)}
        variants = {v.sku: v for v in Variant.objects.filter(supplier=self.supplier, sku__in=skus)}
        by_pk = {p.pk: p for p in existing.values()}
        missing_pks = {v.product_id for v in variants.values()} - set(by_pk)
        by_pk.update({p.pk: p for p in Product.objects.filter(pk__in=missing_pks)})

        accepted: list[tuple[ImportedProduct, Product]] = []
        seen_skus: set[str] = set()
        for record in batch:
            product = existing.get(record.handle) or self._match_by_sku(record, variants, by_pk)
            errors = self._check(record, product, variants, seen_skus)
            if errors:
                report.products_rejected += 1
                for error in errors:
                    report.reject(error)
                continue
            seen_skus.update(v.sku for v in record.variants)
            for warning in record.warnings:
                report.warn(warning)
            accepted.append((record, product))

        products = [self._product(record, product) for record, product in accepted]
        new = [p for p in products if p.pk is None]
        old = [p for p in products if p.pk is not None]
        insert_many(Product, new)
        # One query gives the new rows their ids (executemany cannot return them).
        ids = dict(
            Product.objects.filter(supplier=self.supplier, handle__in=[p.handle for p in new]).values_list(
                "handle", "id"
            )
        )
        for product in new:
            product.pk = ids[product.handle]
        if old:
            Product.objects.bulk_update(old, _PRODUCT_FIELDS)
        report.products_created += len(new)
        report.products_updated += len(old)
        self._variants(accepted, products, variants, report)
        self._tiers(accepted, products)
        self._images(accepted, products)
        # The batch's search documents land in the batch's transaction.
        index_products([p.pk for p in products])

    @staticmethod
    def _match_by_sku(record, variants, by_pk) -> Product | None:
        # A product renamed in the shop keeps its SKUs: match it by them rather than duplicate it.
        for v in record.variants:
            if v.sku in variants:
                return by_pk.get(variants[v.sku].product_id)
        return None

    def _check(self, record: ImportedProduct, product, variants, seen_skus) -> list[RowError]:
        row = record.rows[0] if record.rows else 0
        errors = []

        def err(column, code, message):
            errors.append(RowError(row, column, code, message, record.handle))

        if not record.title.strip():
            err("title", "title_required", "The product has no title.")
        if not record.variants:
            err("sku", "variant_required", "The product has no SKU or variant rows.")
        if record.currency and not is_currency(record.currency):
            err("currency", "currency_invalid", f"{record.currency} is not a currency we trade in.")
        try:
            domain.normalise_hs_code(record.hs_code)
        except ValueError as exc:
            err("hs_code", "hs_code_invalid", str(exc))
        for variant in record.variants:
            owner = variants.get(variant.sku)
            if variant.sku in seen_skus or (owner is not None and (product is None or owner.product_id != product.pk)):
                errors.append(
                    RowError(
                        variant.row or row,
                        "sku",
                        "sku_conflict",
                        f"SKU {variant.sku} belongs to another product.",
                        record.handle,
                    )
                )
        terms = _file_terms(record)
        if terms is not None:
            for problem in pricing.terms_errors(terms):
                err(problem.field, problem.code, problem.message)
        return errors

    def _product(self, record: ImportedProduct, product: Product | None) -> Product:
        product = product or Product(supplier=self.supplier, handle=record.handle)
        lang = "zh" if record.language == "zh" else "en"
        other = "en" if lang == "zh" else "zh"
        # The supplier's own words always win: they are what the file says.
        setattr(product, f"title_{lang}", record.title[:300])
        setattr(product, f"title_{lang}_machine", False)
        setattr(product, f"description_{lang}", record.description_html)
        setattr(product, f"description_{lang}_machine", False)
        product.title_source = product.description_source = lang
        given = record.translations.get(other, {})
        self._other_text(
            product, "title", other, given.get("title"), lambda: self.texts.title(record.title, lang, other)
        )
        if record.description_html or given.get("description_html"):
            self._other_text(
                product,
                "description",
                other,
                given.get("description_html"),
                lambda: self.texts.html(record.description_html, lang, other),
            )
        product.brand = record.brand[:200]
        product.hs_code = domain.normalise_hs_code(record.hs_code) or product.hs_code
        product.origin_country = (record.origin_country or product.origin_country or "")[:2].upper()
        product.certifications = sorted(
            set(product.certifications or []) | {c for c in record.certifications if c in domain.CERTIFICATIONS}
        )
        product.tags = record.tags[:50]
        product.attributes = {**(product.attributes or {}), **record.attributes}
        product.currency = record.currency or product.currency or "GBP"
        for name in _TERM_FIELDS:
            value = getattr(record, name)
            if value is not None:
                setattr(product, name, value)
        path = self.texts.category(record, self.categories)
        if path:
            product.category_id = self.categories[path]
        if record.published is not None and product.pk is None:
            # New products follow the file; an existing product's status is the supplier's call.
            product.status = Product.Status.PUBLISHED if record.published else Product.Status.DRAFT
            product.published_at = timezone.now() if record.published else None
        product.updated_at = timezone.now()
        return product

    @staticmethod
    def _other_text(product: Product, field: str, lang: str, supplied: str | None, machine: Callable[[], str]) -> None:
        """The second language: the supplier's own text when the file has it, else a machine
        translation, but never over words a person wrote."""
        key = f"{field}_{lang}"
        if supplied:
            setattr(product, key, supplied[:300] if field == "title" else supplied)
            setattr(product, f"{key}_machine", False)
        elif domain.machine_may_write(getattr(product, key), getattr(product, f"{key}_machine")):
            text = machine()
            setattr(product, key, text[:300] if field == "title" else text)
            setattr(product, f"{key}_machine", True)

    def _variants(self, accepted, products, existing: dict[str, Variant], report: ImportReport) -> None:
        new: list[dict] = []
        old: list[Variant] = []
        for (record, _), product in zip(accepted, products, strict=True):
            for position, item in enumerate(record.variants):
                variant = existing.get(item.sku)
                if variant is None:
                    # New SKUs go in as plain rows: no model instance needed to insert them.
                    new.append(
                        {
                            "product_id": product.pk,
                            "supplier_id": self.supplier.pk,
                            "sku": item.sku,
                            "position": position,
                            **_variant_values(item),
                        }
                    )
                    continue
                old.append(variant)
                variant.product, variant.position = product, position
                for name, value in _variant_values(item).items():
                    setattr(variant, name, value)
        insert_many(Variant, new)
        if old:
            Variant.objects.bulk_update(old, _VARIANT_FIELDS)
        report.variants_created += len(new)
        report.variants_updated += len(old)
        self._variant_pks = {v.sku: v.pk for v in old}
        if new:
            self._variant_pks.update(
                Variant.objects.filter(supplier=self.supplier, sku__in=[v["sku"] for v in new]).values_list("sku", "id")
            )

    def _tiers(self, accepted, products) -> None:
        touched = [p.pk for (record, _), p in zip(accepted, products, strict=True) if _has_prices(record)]
        PriceTier.objects.filter(product_id__in=touched).delete()
        rows = []
        for (record, _), product in zip(accepted, products, strict=True):
            for tier in _product_tiers(record):
                rows.append(
                    {"product_id": product.pk, "min_quantity": tier.min_quantity, "unit_price": tier.unit_price}
                )
            for item, tiers in _variant_tiers(record):
                variant_id = self._variant_pks[item.sku]
                rows.extend(
                    {
                        "product_id": product.pk,
                        "variant_id": variant_id,
                        "min_quantity": t.min_quantity,
                        "unit_price": t.unit_price,
                    }
                    for t in tiers
                )
        insert_many(PriceTier, rows)

    def _images(self, accepted, products) -> None:
        known: dict[int, set[str]] = {}
        for product_id, url in ProductImage.objects.filter(product__in=[p.pk for p in products]).values_list(
            "product_id", "source_url"
        ):
            known.setdefault(product_id, set()).add(url)
        rows = []
        for (record, _), product in zip(accepted, products, strict=True):
            have = known.get(product.pk, set())
            urls = [*record.image_urls, *(v.image_url for v in record.variants if v.image_url)]
            for position, url in enumerate(dict.fromkeys(urls)):
                if url and url not in have and len(url) <= 1000:
                    rows.append({"product_id": product.pk, "source_url": url, "position": position})
        insert_many(ProductImage, rows)


def _google_paths() -> dict[int, str]:
    """Google category id -> its English path ("Apparel & Accessories > Clothing"), when the
    Google taxonomy has been imported; feeds often give only the numeric id."""
    rows = Category.objects.filter(path__startswith="google/").values_list("id", "parent_id", "name_en", "google_id")
    nodes = {pk: (parent, name, gid) for pk, parent, name, gid in rows}
    paths: dict[int, str] = {}
    for parent, name, gid in nodes.values():
        if gid is None:
            continue
        parts = [name]
        while parent in nodes:
            parent, parent_name, _gid = nodes[parent]
            parts.append(parent_name)
        paths[gid] = " > ".join(reversed(parts))
    return paths


# Wholesale terms a file may set; what it leaves blank keeps the product's current value.
_TERM_FIELDS = (
    "moq",
    "order_multiple",
    "lead_time_days",
    "sample_available",
    "sample_price",
    "units_per_carton",
    "carton_weight_kg",
)
_PRODUCT_FIELDS = [
    "title_en",
    "title_zh",
    "title_source",
    "title_en_machine",
    "title_zh_machine",
    "description_en",
    "description_zh",
    "description_source",
    "description_en_machine",
    "description_zh_machine",
    "brand",
    "hs_code",
    "origin_country",
    "certifications",
    "tags",
    "attributes",
    "currency",
    *_TERM_FIELDS,
    "category",
    "updated_at",
]
_VARIANT_FIELDS = [
    "product",
    "position",
    "options",
    "gtin",
    "weight_g",
    "length_cm",
    "width_cm",
    "height_cm",
    "stock_on_hand",
    "moq",
    "order_multiple",
    "lead_time_days",
    "retail_price",
]


def _variant_values(item: ImportedVariant) -> dict:
    """The columns a file sets on a SKU. What the file leaves blank is left out, so an update
    keeps the value already there (stock counted in the warehouse, say)."""
    values: dict = {"options": item.options}
    if item.gtin and domain.gtin_is_valid(item.gtin):
        values["gtin"] = item.gtin
    for name in (
        "weight_g",
        "length_cm",
        "width_cm",
        "height_cm",
        "moq",
        "order_multiple",
        "lead_time_days",
        "retail_price",
    ):
        value = getattr(item, name)
        if value is not None:
            values[name] = value
    if item.stock_on_hand is not None:
        values["stock_on_hand"] = max(0, item.stock_on_hand)
    return values


def _has_prices(record: ImportedProduct) -> bool:
    return bool(record.tiers) or any(v.tiers or v.price is not None for v in record.variants)


def _product_tiers(record: ImportedProduct) -> list[pricing.Tier]:
    """Explicit product tiers; else, when every variant has the same single price, that price."""
    if record.tiers:
        return [pricing.Tier(t.min_quantity, t.unit_price) for t in record.tiers]
    prices = {v.price for v in record.variants if not v.tiers}
    if len(prices) == 1 and None not in prices:
        return [pricing.Tier(1, prices.pop())]
    return []


def _variant_tiers(record: ImportedProduct) -> Iterator[tuple[ImportedVariant, list[pricing.Tier]]]:
    uniform = not record.tiers and len({v.price for v in record.variants if not v.tiers}) == 1
    for variant in record.variants:
        if variant.tiers:
            yield variant, [pricing.Tier(t.min_quantity, t.unit_price) for t in variant.tiers]
        elif variant.price is not None and not record.tiers and not uniform:
            yield variant, [pricing.Tier(1, variant.price)]


def _file_terms(record: ImportedProduct) -> pricing.Terms | None:
    tiers = _product_tiers(record)
    if not tiers:
        return None
    return pricing.Terms.of(moq=record.moq or 1, order_multiple=record.order_multiple or 1, tiers=tiers)

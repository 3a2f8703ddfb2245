"""Writes for suppliers' catalogs: products, texts in two languages, terms, tiers, stock, images.

Every function takes the acting membership and refuses rows of another supplier, so the same
tenancy holds for pages, the API and the CLI.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tradebridge.catalog import domain, pricing
from tradebridge.catalog.importers.text import description_html
from tradebridge.catalog.models import Category, PriceTier, Product, Variant
from tradebridge.companies import access
from tradebridge.companies.domain import MANAGER_ROLES, Kind, Role
from tradebridge.companies.models import Membership
from tradebridge.core.errors import Conflict, DomainError, FieldError, NotFound
from tradebridge.core.queries import is_key
from tradebridge.pricing.currencies import is_currency
from tradebridge.search.services import index_products

EDITOR_ROLES = (*MANAGER_ROLES, Role.STAFF)
TEXT_FIELDS = ("title", "description")


def require_supplier(membership: Membership | None) -> Membership:
    return access.require(membership, kinds=(Kind.SUPPLIER,), roles=EDITOR_ROLES)


def own_product(membership: Membership, product_id: int, *, lock: bool = False) -> Product:
    """The supplier's own product, or NotFound: another supplier's id is simply not there."""
    products = access.scoped(Product.objects.all(), membership, field="supplier")
    if lock:
        products = products.select_for_update()
    product = products.filter(pk=product_id).first()
    if product is None:
        raise NotFound("not_found", "No such product.", None)
    return product


def _decimal(value, field: str, errors: list[FieldError], *, allow_blank: bool = True) -> Decimal | None:
    if value in (None, ""):
        if not allow_blank:
            errors.append(FieldError("required", "This field is required.", field))
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors.append(FieldError("number_invalid", "Enter a number.", field))
        return None
    if not number.is_finite() or number < 0 or number > Decimal("1e12"):
        errors.append(FieldError("number_out_of_range", "Enter a number between 0 and 1,000,000,000,000.", field))
        return None
    return number


def clean_product_fields(data: dict) -> dict:
    """Validate the product fields present in `data`; raise every fault at once."""
    errors: list[FieldError] = []
    cleaned: dict = {}
    for lang in ("en", "zh"):
        for field in TEXT_FIELDS:
            key = f"{field}_{lang}"
            if key in data:
                cleaned[key] = (data[key] or "").strip()
            if field == "description" and cleaned.get(key):
                # Stored HTML is shown to buyers, so it is cleaned on every way in, not only imports.
                cleaned[key] = description_html(cleaned[key])
    if "title_en" in cleaned and "title_zh" in cleaned and not (cleaned["title_en"] or cleaned["title_zh"]):
        errors.append(FieldError("title_required", "Give the product a title in English or Chinese.", "title_en"))
    for key in ("title_en", "title_zh"):
        if len(cleaned.get(key, "")) > 300:
            errors.append(FieldError("too_long", "Keep the title under 300 characters.", key))
    if "hs_code" in data:
        try:
            cleaned["hs_code"] = domain.normalise_hs_code(data["hs_code"] or "")
        except ValueError as exc:
            errors.append(FieldError("hs_code_invalid", str(exc), "hs_code"))
    if "origin_country" in data:
        origin = (data["origin_country"] or "").strip().upper()
        if origin and not (len(origin) == 2 and origin.isalpha()):
            errors.append(
                FieldError(
                    "country_invalid",
                    "Use a two-letter ISO country code, e.g. GB.",
                    "origin_country",
                )
            )
        cleaned["origin_country"] = origin
    if "currency" in data:
        currency = (data["currency"] or "").strip().upper()
        if not is_currency(currency):
            errors.append(FieldError("currency_invalid", "Choose a currency from the list.", "currency"))
        cleaned["currency"] = currency
    if "certifications" in data:
        certs = [c for c in (data["certifications"] or []) if c]
        unknown = [c for c in certs if c not in domain.CERTIFICATIONS]
        if unknown:
            errors.append(
                FieldError(
                    "certification_unknown",
                    f"Unknown certification: {', '.join(unknown)}.",
                    "certifications",
                )
            )
        cleaned["certifications"] = sorted(set(certs) - set(unknown))
    for key in ("brand",):
        if key in data:
            cleaned[key] = (data[key] or "").strip()[:200]
    for key in ("moq", "order_multiple", "lead_time_days", "units_per_carton"):
        if key in data:
            value = data[key]
            if value in (None, ""):
                cleaned[key] = 1 if key in ("moq", "order_multiple") else None
                continue
            try:
                number = int(value)
            except (TypeError, ValueError):
                errors.append(FieldError("integer_invalid", "Enter a whole number.", key))
                continue
            if (
                number < (1 if key in ("moq", "order_multiple", "units_per_carton") else 0)
                or number > pricing.MAX_QUANTITY
            ):
                errors.append(FieldError("integer_out_of_range", "Enter a sensible whole number.", key))
                continue
            cleaned[key] = number
    for key in ("retail_price", "sample_price", "carton_weight_kg"):
        if key in data:
            cleaned[key] = _decimal(data[key], key, errors)
    if "sample_available" in data:
        cleaned["sample_available"] = bool(data["sample_available"])
    if "category_id" in data:
        category_id = data["category_id"] or None
        if category_id is not None and not (is_key(category_id) and Category.objects.filter(pk=category_id).exists()):
            errors.append(FieldError("category_unknown", "No such category.", "category_id"))
        else:
            cleaned["category_id"] = category_id
    if errors:
        raise DomainError.many(errors)
    return cleaned


def _apply(product: Product, cleaned: dict) -> None:
    """Copy cleaned fields onto the product. A person's edit of a text is human-written from
    now on, so its machine flag clears."""
    for key, value in cleaned.items():
        if not key.startswith(TEXT_FIELDS):
            setattr(product, key, value)
        elif value != getattr(product, key):
            setattr(product, key, value)
            setattr(product, f"{key}_machine", False)


@transaction.atomic
def create_product(*, membership: Membership, data: dict) -> Product:
    membership = require_supplier(membership)
    cleaned = clean_product_fields(data | {"title_en": data.get("title_en", ""), "title_zh": data.get("title_zh", "")})
    handle = slugify(data.get("handle") or cleaned.get("title_en") or cleaned.get("title_zh"), allow_unicode=True)[:200]
    if not handle:
        raise DomainError("handle_required", "Give the product a title.", "title_en")
    if Product.objects.filter(supplier_id=membership.company_id, handle=handle).exists():
        raise Conflict("handle_taken", "You already have a product with this handle.", "handle")
    product = Product(supplier_id=membership.company_id, handle=handle)
    product.title_source = "en" if cleaned.get("title_en") else "zh"
    product.description_source = product.title_source
    _apply(product, cleaned)
    product.save()
    return product


@transaction.atomic
def update_product(*, membership: Membership, product_id: int, data: dict) -> Product:
    membership = require_supplier(membership)
    product = own_product(membership, product_id, lock=True)
    _apply(product, clean_product_fields(data))
    product.save()
    index_products([product.pk])
    return product


def terms_for(product: Product, variant: Variant | None = None, tiers: list[PriceTier] | None = None) -> pricing.Terms:
    """The effective terms of a variant: its own overrides and tiers, else the product's."""
    rows = tiers if tiers is not None else list(product.tiers.all())
    variant_rows = [t for t in rows if variant is not None and t.variant_id == variant.pk]
    chosen = variant_rows or [t for t in rows if t.variant_id is None]
    return pricing.Terms.of(
        moq=(variant.moq if variant and variant.moq else product.moq),
        order_multiple=(variant.order_multiple if variant and variant.order_multiple else product.order_multiple),
        tiers=[pricing.Tier(t.min_quantity, t.unit_price) for t in chosen],
    )


@transaction.atomic
def set_tiers(*, membership: Membership, product_id: int, tiers: list[tuple], moq=None, order_multiple=None) -> Product:
    """Replace the tiers (and optionally MOQ and multiple) after checking the whole set."""
    membership = require_supplier(membership)
    product = own_product(membership, product_id, lock=True)
    errors: list[FieldError] = []
    parsed: list[pricing.Tier] = []
    for index, (quantity, price) in enumerate(tiers):
        try:
            q = int(quantity)
        except (TypeError, ValueError):
            errors.append(FieldError("integer_invalid", f"Tier {index + 1}: enter a whole quantity.", "tiers"))
            continue
        p = _decimal(price, "tiers", errors, allow_blank=False)
        if p is not None:
            parsed.append(pricing.Tier(q, p))
    if errors:
        raise DomainError.many(errors)
    terms = pricing.Terms.of(
        moq=int(moq) if moq not in (None, "") else product.moq,
        order_multiple=int(order_multiple) if order_multiple not in (None, "") else product.order_multiple,
        tiers=parsed,
    )
    problems = pricing.terms_errors(terms)
    if problems:
        raise DomainError.many(problems)
    product.moq, product.order_multiple = terms.moq, terms.order_multiple
    product.save(update_fields=["moq", "order_multiple", "updated_at"])
    PriceTier.objects.filter(product=product, variant__isnull=True).delete()
    PriceTier.objects.bulk_create(
        PriceTier(product=product, min_quantity=t.min_quantity, unit_price=t.unit_price) for t in terms.tiers
    )
    index_products([product.pk])
    return product


def publish_errors(product: Product) -> list[FieldError]:
    """What stops a product going live: buyers need a title, a SKU and a price."""
    errors = []
    if not (product.title_en or product.title_zh):
        errors.append(FieldError("title_required", "Give the product a title.", "title_en"))
    variants = list(product.variants.all())
    if not variants:
        errors.append(FieldError("variant_required", "Add at least one SKU.", "variants"))
    tiers = list(product.tiers.all())
    for variant in variants or [None]:
        terms = terms_for(product, variant, tiers)
        problems = pricing.terms_errors(terms)
        if problems:
            errors.extend(problems)
            break
    return errors


@transaction.atomic
def set_published(*, membership: Membership, product_id: int, published: bool) -> Product:
    membership = require_supplier(membership)
    product = own_product(membership, product_id, lock=True)
    if published:
        problems = publish_errors(product)
        if problems:
            raise DomainError.many(problems)
        product.status = Product.Status.PUBLISHED
        product.published_at = product.published_at or timezone.now()
    else:
        product.status = Product.Status.DRAFT
    product.save(update_fields=["status", "published_at", "updated_at"])
    # Search follows in the same transaction: a published listing is findable when this commits.
    index_products([product.pk])
    return product


@transaction.atomic
def set_stock(*, membership: Membership, variant_id: int, stock_on_hand: int) -> Variant:
    membership = require_supplier(membership)
    try:
        stock = int(stock_on_hand)
    except (TypeError, ValueError):
        raise DomainError("integer_invalid", "Enter a whole number.", "stock_on_hand") from None
    if stock < 0 or stock > pricing.MAX_QUANTITY:
        raise DomainError("stock_invalid", "Stock is between 0 and 1,000,000,000.", "stock_on_hand")
    updated = Variant.objects.filter(pk=variant_id, supplier_id=membership.company_id).update(stock_on_hand=stock)
    if not updated:
        raise NotFound("not_found", "No such SKU.", None)
    Product.objects.filter(variants__pk=variant_id).update(updated_at=timezone.now())
    return Variant.objects.get(pk=variant_id)


@transaction.atomic
def add_variant(
    *,
    membership: Membership,
    product_id: int,
    sku: str,
    options: dict | None = None,
    gtin: str = "",
    stock_on_hand: int = 0,
) -> Variant:
    membership = require_supplier(membership)
    product = own_product(membership, product_id, lock=True)
    sku = (sku or "").strip()
    errors = []
    if not sku or len(sku) > 100:
        errors.append(FieldError("sku_invalid", "A SKU is 1 to 100 characters.", "sku"))
    gtin = (gtin or "").strip()
    if gtin and not domain.gtin_is_valid(gtin):
        errors.append(FieldError("gtin_invalid", "This GTIN's check digit is wrong.", "gtin"))
    if errors:
        raise DomainError.many(errors)
    if Variant.objects.filter(supplier_id=membership.company_id, sku=sku).exists():
        raise Conflict("sku_taken", "You already use this SKU.", "sku")
    position = product.variants.count()
    return Variant.objects.create(
        product=product,
        supplier_id=membership.company_id,
        sku=sku,
        options=options or {},
        gtin=gtin,
        stock_on_hand=max(0, int(stock_on_hand or 0)),
        position=position,
    )

"""Our own template (CSV or XLSX, columns in template.py) → products. Rows sharing a handle are
one product's variants; product columns come from its first row. A variant's MOQ, multiple,
lead time and tiers are set only where they differ from the first row's, which are the product's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from tradebridge.catalog.domain import normalise_hs_code
from tradebridge.pricing.currencies import is_currency

from .cleaning import (
    CellError,
    parse_bool,
    parse_decimal,
    parse_int,
    parse_length_cm,
    parse_price,
    parse_weight_g,
    strip_text_marker,
    unit_known,
)
from .common import checked, finish, set_gtin
from .grouping import RowSource, products_by_handle
from .records import ImportedProduct, ImportedTier, ImportedVariant, RowError
from .rows import Row
from .text import certification_code, clean_title, description_html, make_handle, split_list

TIERS = 4
_COUNTRY_NAMES = {
    "uk": "GB", "united kingdom": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "china": "CN",
}  # fmt: skip


def records(source: RowSource) -> Iterator[ImportedProduct | RowError]:
    return products_by_handle(source, _product)


def _product(rows: list[Row]) -> Iterator[ImportedProduct | RowError]:
    first = rows[0]
    handle = make_handle(first.get("handle"))
    if not handle:
        yield first.problem("handle", "handle_missing", "The row has no handle, so it was skipped.")
        return
    product = ImportedProduct(handle=handle, title="")
    if handle != first.get("handle").strip().lower():
        product.warnings.append(
            first.problem("handle", "handle_changed", f"The handle was tidied to “{handle}”.", handle)
        )
    problem = _texts(product, first) or _product_terms(product, first)
    if problem:
        yield problem
        return
    errors: list[RowError] = []
    for row in rows:
        product.rows.append(row.number)
        product.warnings.extend(row.warnings)
        variant = _variant(row, first, product)
        if isinstance(variant, RowError):
            errors.append(variant)
        else:
            product.variants.append(variant)
    yield from finish(product, errors, first)


def _texts(product: ImportedProduct, row: Row) -> RowError | None:
    titles = {lang: clean_title(row.get(f"title_{lang}")) for lang in ("en", "zh")}
    descriptions = {lang: description_html(row.get(f"description_{lang}")) for lang in ("en", "zh")}
    language = "en" if titles["en"][0] else "zh"
    if not titles[language][0]:
        return row.problem(
            "title_en",
            "title_missing",
            "Give title_en or title_zh; the product was not imported.",
            product.handle,
        )
    product.language = language
    product.title = titles[language][0]
    product.description_html = descriptions[language]
    other = "zh" if language == "en" else "en"
    if titles[other][0] or descriptions[other]:
        product.translations[other] = {"title": titles[other][0], "description_html": descriptions[other]}
    for lang, (_, truncated) in titles.items():
        if truncated:
            product.warnings.append(
                row.problem(
                    f"title_{lang}",
                    "title_truncated",
                    "The title was shortened to 300 characters.",
                    product.handle,
                )
            )
    return None


def _product_terms(product: ImportedProduct, row: Row) -> RowError | None:
    """Product columns from the handle's first row; only an unknown currency stops the product."""
    warnings, handle = product.warnings, product.handle
    currency = row.get("currency").strip().upper()
    if currency and not is_currency(currency):
        return row.problem(
            "currency",
            "currency_unknown",
            f"“{currency}” is not a currency we trade in; the product was not imported.",
            handle,
        )
    product.currency = currency or None
    product.brand = row.get("brand")
    product.category_hint = row.get("category")
    try:
        product.hs_code = normalise_hs_code(strip_text_marker(row.get("hs_code")))
    except ValueError as exc:
        warnings.append(row.problem("hs_code", "hs_code_invalid", str(exc), handle))
    product.origin_country = _country(row, product)
    for value in split_list(row.get("certifications"), ";,"):
        code = certification_code(value)
        if code and code not in product.certifications:
            product.certifications.append(code)
        elif not code:
            warnings.append(
                row.problem(
                    "certifications",
                    "certification_unknown",
                    f"“{value}” is not a certification we recognise; it was left out.",
                    handle,
                )
            )
    status = row.get("status").lower()
    if status in ("draft", "published"):
        product.published = status == "published"
    elif status:
        warnings.append(row.problem("status", "status_invalid", "Status is draft or published.", handle))
    product.sample_available = checked(row, "sample_available", parse_bool, warnings=warnings, handle=handle)
    try:
        product.sample_price = _amount(row, "sample_price", product)
    except CellError as exc:
        warnings.append(row.problem("sample_price", exc.code, exc.message, handle))
    product.units_per_carton = checked(row, "units_per_carton", parse_int, warnings=warnings, handle=handle)
    product.carton_weight_kg = checked(row, "carton_weight_kg", parse_decimal, warnings=warnings, handle=handle)
    for url in split_list(row.get("image_urls"), " ;\n\t"):
        if url.lower().startswith(("http://", "https://")):
            product.image_urls.append(url)
        else:
            warnings.append(row.problem("image_urls", "image_url_invalid", f"“{url}” is not a web link.", handle))
    product.moq = checked(row, "moq", parse_int, warnings=warnings, handle=handle)
    product.order_multiple = checked(row, "order_multiple", parse_int, warnings=warnings, handle=handle)
    product.lead_time_days = checked(row, "lead_time_days", parse_int, warnings=warnings, handle=handle)
    tiers = _tiers(row, product, product.moq)
    if isinstance(tiers, RowError):
        return replace(tiers, message=f"{tiers.message} The product was not imported.")
    product.tiers = tiers
    return None


def _country(row: Row, product: ImportedProduct) -> str:
    text = row.get("origin_country").strip()
    code = _COUNTRY_NAMES.get(text.lower(), text.upper())
    if code and not (len(code) == 2 and code.isalpha()):
        product.warnings.append(
            row.problem(
                "origin_country",
                "country_invalid",
                f"“{text}” is not a two-letter country code such as GB.",
                product.handle,
            )
        )
        return ""
    return code


def _amount(row: Row, key: str, product: ImportedProduct) -> Decimal | None:
    """A price cell; a currency written in it must agree with the product's."""
    parsed = parse_price(row.get(key))
    if parsed is None:
        return None
    amount, currency = parsed
    if currency and product.currency and currency != product.currency:
        raise CellError("currency_mismatch", f"“{row.get(key)}” is not in {product.currency}, the row's currency.")
    product.currency = product.currency or currency
    return amount


def _tiers(row: Row, product: ImportedProduct, moq: int | None) -> list[ImportedTier] | RowError:
    tiers: list[ImportedTier] = []
    for n in range(1, TIERS + 1):
        quantity_key, price_key = f"tier{n}_min_qty", f"tier{n}_unit_price"
        key = quantity_key
        try:
            quantity = parse_int(row.get(quantity_key))
            key = price_key
            price = _amount(row, price_key, product)
        except CellError as exc:
            return row.problem(key, exc.code, exc.message, product.handle)
        if quantity is None and price is None:
            continue
        if price is None:
            return row.problem(
                price_key,
                "tier_incomplete",
                f"Tier {n} has a quantity but no unit price.",
                product.handle,
            )
        if quantity is None:
            if tiers:
                return row.problem(
                    quantity_key,
                    "tier_incomplete",
                    f"Tier {n} has a price but no quantity.",
                    product.handle,
                )
            quantity = moq or 1  # tier 1 starts at the MOQ unless it says otherwise
        if quantity < 1 or (tiers and quantity <= tiers[-1].min_quantity):
            return row.problem(
                quantity_key,
                "tiers_not_ascending",
                "Each tier's quantity must be at least 1 and larger than the tier before.",
                product.handle,
            )
        tiers.append(ImportedTier(min_quantity=quantity, unit_price=price))
    return tiers


def _variant(row: Row, first: Row, product: ImportedProduct) -> ImportedVariant | RowError:
    warnings, handle = product.warnings, product.handle
    sku = strip_text_marker(row.get("sku"))
    if not sku:
        return row.problem("sku", "sku_missing", "The row has no SKU, so it was not imported.", handle)
    variant = ImportedVariant(sku=sku, row=row.number)
    for n in (1, 2):
        name = row.get(f"option{n}_name") or first.get(f"option{n}_name")
        value = row.get(f"option{n}_value")
        if name and value:
            variant.options[name] = value
    set_gtin(variant, row, "gtin", product)
    unit = row.get("weight_unit").lower() or "g"
    if not unit_known(unit, weight=True):
        warnings.append(row.problem("weight_unit", "weight_unit", f"“{unit}” is not g, kg, lb or oz.", handle))
    else:
        variant.weight_g = checked(row, "weight", parse_weight_g, unit, warnings=warnings, handle=handle)
    for side in ("length", "width", "height"):
        value = checked(row, f"{side}_cm", parse_length_cm, "cm", warnings=warnings, handle=handle)
        setattr(variant, f"{side}_cm", value)
    variant.stock_on_hand = checked(row, "stock", parse_int, warnings=warnings, handle=handle)
    try:
        variant.retail_price = _amount(row, "retail_price", product)
    except CellError as exc:
        warnings.append(row.problem("retail_price", exc.code, exc.message, handle))
    if row is first:
        return variant  # its terms are the product's
    for key in ("moq", "order_multiple", "lead_time_days"):
        value = checked(row, key, parse_int, warnings=warnings, handle=handle)
        if value is not None and value != getattr(product, key):
            setattr(variant, key, value)
    tiers = _tiers(row, product, variant.moq or product.moq)
    if isinstance(tiers, RowError):
        return replace(tiers, message=f"{tiers.message} This row was not imported.")
    if tiers and tiers != product.tiers:
        variant.tiers = tiers
    return variant

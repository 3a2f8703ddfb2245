"""Google Merchant Center feeds (TSV, or RSS/Atom items read by xml_feed): one row per item,
items sharing an item_group_id become the variants of one product.

Attributes that differ inside a group (colour, size, …) are the variants' options; those the
group shares are product attributes. Availability says nothing about publishing, so
`published` stays None.
"""

from __future__ import annotations

from collections.abc import Iterator

from .cleaning import (
    CellError,
    parse_int,
    parse_length_cm,
    parse_price,
    parse_weight_g,
    strip_text_marker,
)
from .common import (
    checked,
    finish,
    price_error,
    price_missing,
    set_gtin,
    set_title,
    title_missing,
)
from .grouping import RowSource, grouped
from .records import ImportedProduct, ImportedVariant, RowError
from .rows import Row
from .text import certifications_from, description_html, make_handle, split_list

# Variant-defining attributes in Google's product data specification, with our labels.
_OPTION_ATTRIBUTES = {
    "color": "Color",
    "size": "Size",
    "material": "Material",
    "pattern": "Pattern",
    "age_group": "Age group",
    "gender": "Gender",
    "size_type": "Size type",
    "size_system": "Size system",
}
# Facts worth keeping as attributes when the whole group shares them.
_FACT_ATTRIBUTES = {"mpn": "MPN", "condition": "Condition"}
_SEPARATORS = (" — ", " – ", " - ", " | ", ", ", " / ", " (")


def _key(row: Row) -> str | None:
    if row.get("item_group_id"):
        return "group:" + row.get("item_group_id")
    return "item:" + row.get("id") if row.get("id") else None


def records(source: RowSource) -> Iterator[ImportedProduct | RowError]:
    for group in grouped(source, _key):
        if isinstance(group, RowError):
            yield group
        else:
            yield from _product(group)


def _product(rows: list[Row]) -> Iterator[ImportedProduct | RowError]:
    first = rows[0]
    group_id = first.get("item_group_id")
    handle = make_handle(group_id or strip_text_marker(first.get("id")))
    if not handle:
        yield first.problem("id", "id_missing", "The item has no id, so it was skipped.")
        return
    product = ImportedProduct(handle=handle, title="")
    if not set_title(product, first, "title"):
        yield title_missing(first, "title", handle)
        return
    if group_id:
        product.title = base_title(product.title, [first.get(a) for a in _OPTION_ATTRIBUTES])
    _product_fields(product, first)
    varying = [a for a in _OPTION_ATTRIBUTES if len({row.get(a) for row in rows}) > 1]
    for attribute, label in {**_OPTION_ATTRIBUTES, **_FACT_ATTRIBUTES}.items():
        shared = all(row.get(attribute) == first.get(attribute) for row in rows)
        if shared and attribute not in varying and first.get(attribute) not in ("", "new"):
            product.attributes[label] = first.get(attribute)
    errors: list[RowError] = []
    for row in rows:
        product.rows.append(row.number)
        product.warnings.extend(row.warnings)
        variant = _variant(row, product, varying)
        if isinstance(variant, RowError):
            errors.append(variant)
        else:
            product.variants.append(variant)
        for url in [row.get("image_link"), *split_list(row.get("additional_image_link"))]:
            if url and url not in product.image_urls:
                product.image_urls.append(url)
    yield from finish(product, errors, first)


def base_title(title: str, values: list[str]) -> str:
    """An item's title without its variant's own values: "Glacier Pro Jacket — Black, Size M"
    gives "Glacier Pro Jacket", cut at the first separator followed by one of them."""
    lowered = title.lower()
    wanted = [v.lower() for v in values if v]
    best = len(title)
    for separator in _SEPARATORS:
        start = lowered.find(separator)
        while start > 0:
            rest = lowered[start + len(separator) :].lstrip("( ")
            if any(rest.startswith(v) for v in wanted) or rest.startswith(("size ", "colour ")):
                best = min(best, start)
                break
            start = lowered.find(separator, start + 1)
    return title[:best].strip() or title


def _product_fields(product: ImportedProduct, row: Row) -> None:
    product.description_html = description_html(row.get("description"))
    product.brand = row.get("brand")
    product.category_hint = row.get("product_type")
    google_category = row.get("google_product_category")
    if google_category.isdigit():
        product.google_category_id = int(google_category)
    elif google_category and not product.category_hint:
        product.category_hint = google_category  # Google also accepts the category's path
    language = row.get("content_language").lower()[:2]
    if language.isalpha() and len(language) == 2:
        product.language = language
    product.tags = [row.get(f"custom_label_{n}") for n in range(5) if row.get(f"custom_label_{n}")]
    product.certifications = certifications_from(product.tags)


def _variant(row: Row, product: ImportedProduct, varying: list[str]) -> ImportedVariant | RowError:
    variant = ImportedVariant(
        sku=strip_text_marker(row.get("id")),
        options={_OPTION_ATTRIBUTES[a]: row.get(a) for a in varying if row.get(a)},
        image_url=row.get("image_link"),
        row=row.number,
    )
    if not variant.sku:
        return row.problem("id", "id_missing", "The item has no id, so it was skipped.", product.handle)
    try:
        parsed = parse_price(row.get("price"))
    except CellError as exc:
        return price_error(row, "price", exc, product.handle)
    if parsed:
        variant.price, currency = parsed
        if product.currency and currency and currency != product.currency:
            return row.problem(
                "price",
                "currency_mismatch",
                f"This item is priced in {currency} but the product's other items in "
                f"{product.currency}; it was skipped.",
                product.handle,
            )
        product.currency = product.currency or currency
    else:
        price_missing(row, "price", product)
    set_gtin(variant, row, "gtin", product)
    # The product's own weight if given, else the shipping weight (which includes packaging).
    weight_key = "product_weight" if row.get("product_weight") else "shipping_weight"
    variant.weight_g = checked(row, weight_key, parse_weight_g, None, warnings=product.warnings, handle=product.handle)
    for side in ("length", "width", "height"):
        value = checked(
            row,
            f"shipping_{side}",
            parse_length_cm,
            None,
            warnings=product.warnings,
            handle=product.handle,
        )
        setattr(variant, f"{side}_cm", value)
    variant.stock_on_hand = checked(row, "quantity", parse_int, warnings=product.warnings, handle=product.handle)
    return variant

"""Shopify's product CSV: one product per Handle. The first row with a Title carries the product's
fields, every row with variant cells is a variant (inheriting the product's option names), and
rows holding only an Image Src add images to the product."""

from __future__ import annotations

from collections.abc import Iterator

from .cleaning import CellError, parse_bool, parse_int, parse_price, parse_weight_g, strip_text_marker
from .common import (
    checked,
    fallback_sku,
    finish,
    price_error,
    price_missing,
    set_gtin,
    set_title,
    title_missing,
)
from .grouping import RowSource, products_by_handle
from .records import ImportedProduct, ImportedVariant, RowError
from .rows import Row
from .text import certifications_from, description_html, make_handle, split_list

# Cells that only a variant row fills in; an image row has none of them.
_VARIANT_CELLS = (
    "variant sku",
    "variant price",
    "option1 value",
    "variant grams",
    "variant weight",
    "variant barcode",
    "variant inventory qty",
)
# Labels as merchant.py uses them, so attributes read the same whatever the source.
_GOOGLE_ATTRIBUTES = {
    "google shopping / gender": "Gender",
    "google shopping / age group": "Age group",
    "google shopping / mpn": "MPN",
    "google shopping / condition": "Condition",
}


def records(source: RowSource) -> Iterator[ImportedProduct | RowError]:
    return products_by_handle(source, _product)


def _product(rows: list[Row]) -> Iterator[ImportedProduct | RowError]:
    handle = make_handle(rows[0].get("handle"))
    if not handle:
        yield rows[0].problem("handle", "handle_missing", "The row has no Handle, so it was skipped.")
        return
    main = next((row for row in rows if row.get("title")), None)
    if main is None:
        yield title_missing(rows[0], "title", handle)
        return
    if parse_bool_quietly(main.get("gift card")):
        yield main.problem("gift card", "unsupported_type", "Gift cards are not imported.", handle)
        return
    product = ImportedProduct(handle=handle, title="")
    set_title(product, main, "title")
    _product_fields(product, main)
    option_names = [main.get(f"option{i} name") for i in (1, 2, 3)]
    errors: list[RowError] = []
    images: list[tuple[int, int, str]] = []
    for order, row in enumerate(rows):
        product.rows.append(row.number)
        product.warnings.extend(row.warnings)
        if row.get("image src"):
            position = row.get("image position")
            images.append((int(position) if position.isdigit() else 10**6, order, row.get("image src")))
        if any(row.get(cell) for cell in _VARIANT_CELLS):
            variant = _variant(row, product, option_names, errors)
            if variant is not None:
                product.variants.append(variant)
    for _, _, url in sorted(images):
        if url not in product.image_urls:
            product.image_urls.append(url)
    yield from finish(product, errors, main)


def parse_bool_quietly(value: str) -> bool | None:
    try:
        return parse_bool(value)
    except CellError:
        return None


def _product_fields(product: ImportedProduct, main: Row) -> None:
    product.description_html = description_html(main.get("body (html)"))
    product.brand = main.get("vendor")
    product.category_hint = main.get("product category") or main.get("type")
    google_category = main.get("google shopping / google product category")
    if google_category.isdigit():
        product.google_category_id = int(google_category)
    elif google_category and not product.category_hint:
        product.category_hint = google_category
    product.tags = split_list(main.get("tags"))
    product.certifications = certifications_from(product.tags)
    product.published = _published(main, product)
    for key, name in _GOOGLE_ATTRIBUTES.items():
        if main.get(key) not in ("", "new"):  # "new" is every wholesale product
            product.attributes[name] = main.get(key)
    for key in main.header.keys():  # noqa: SIM118 (Header is not a dict)
        # Category metafields, e.g. "Material (product.metafields.shopify.material)".
        if "(product.metafields.shopify." in key and main.get(key):
            label = main.column(key).split(" (product.metafields.")[0].strip()
            product.attributes[label] = main.get(key)


def _published(main: Row, product: ImportedProduct) -> bool | None:
    """Live on the shop: Status "active" (newer exports) and not Published=false."""
    published = checked(main, "published", parse_bool, warnings=product.warnings, handle=product.handle)
    status = main.get("status").lower()
    if status:
        return status == "active" and published is not False
    return published


def _variant(
    row: Row, product: ImportedProduct, option_names: list[str], errors: list[RowError]
) -> ImportedVariant | None:
    options = {}
    for index, name in enumerate(option_names, start=1):
        value = row.get(f"option{index} value")
        # "Title: Default Title" is how Shopify spells "this product has no options".
        if name and value and (name.lower(), value.lower()) != ("title", "default title"):
            options[name] = value
    variant = ImportedVariant(sku=strip_text_marker(row.get("variant sku")), options=options, row=row.number)
    try:
        parsed = parse_price(row.get("variant price"))
    except CellError as exc:
        errors.append(price_error(row, "variant price", exc, product.handle))
        return None
    if parsed:
        variant.price, currency = parsed
        product.currency = product.currency or currency
    else:
        price_missing(row, "variant price", product)
    variant.weight_g = _weight_g(row, product)
    variant.stock_on_hand = checked(
        row, "variant inventory qty", parse_int, warnings=product.warnings, handle=product.handle
    )
    set_gtin(variant, row, "variant barcode", product)
    variant.image_url = row.get("variant image")
    if not variant.sku:
        fallback_sku(product, variant, row, "variant sku")
    return variant


def _weight_g(row: Row, product: ImportedProduct):
    """Grams: "Variant Grams" is always grams; "Variant Weight Unit" is only how the shop shows it."""
    if "variant grams" in row.header:
        grams = checked(row, "variant grams", parse_weight_g, "g", warnings=product.warnings, handle=product.handle)
    else:
        unit = row.get("variant weight unit") or "kg"
        grams = checked(row, "variant weight", parse_weight_g, unit, warnings=product.warnings, handle=product.handle)
    # Shopify writes 0 for "not entered"; nothing physical weighs nothing.
    return grams or None

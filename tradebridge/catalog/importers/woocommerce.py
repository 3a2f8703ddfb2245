"""WooCommerce's product CSV export. Simple products become one-variant products; a variable
product collects the variation rows whose Parent names it ("id:741" or the parent's SKU).

WooCommerce writes variations wherever their IDs fall, often far below the parent, so a first
pass notes where each parent's last variation is; only parents still waiting for variations are
held in memory. Grouped and external products are reported and skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .cleaning import (
    CellError,
    parse_bool,
    parse_int,
    parse_length_cm,
    parse_price,
    parse_weight_g,
    strip_text_marker,
)
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
from .grouping import RowSource
from .records import ImportedProduct, ImportedVariant, RowError
from .rows import Row
from .text import certifications_from, description_html, make_handle, split_list

# Core WooCommerce (9.2+) has a GTIN column; before that, plugins kept it in meta fields.
_GTIN_COLUMNS = (
    "gtin, upc, ean, or isbn",
    "gtin",
    "ean",
    "upc",
    "barcode",
    "meta: _gtin",
    "meta: _ean",
    "meta: hwp_product_gtin",
    "meta: _wpm_gtin_code",
    "meta: _alg_ean",
)
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")


@dataclass
class _Family:
    parent: Row | None = None
    variations: list[Row] = field(default_factory=list)


def records(source: RowSource) -> Iterator[ImportedProduct | RowError]:
    aliases, last = _plan(source)
    waiting: dict[str, _Family] = {}
    for row in source():
        if isinstance(row, RowError):
            yield row
            continue
        kind = _kind(row)
        if kind == "simple":
            yield from _simple(row)
            continue
        if kind == "variable":
            key = _canonical(row)
            waiting.setdefault(key, _Family()).parent = row
        elif kind == "variation":
            found = aliases.get(_reference(row.get("parent")))
            if found is None:
                yield row.problem(
                    "parent",
                    "orphan_variation",
                    f"This variation's parent “{row.get('parent')}” is not a variable product "
                    "in this file, so the variation was skipped.",
                )
                continue
            key = found
            waiting.setdefault(key, _Family()).variations.append(row)
        else:
            yield row.problem(
                "type",
                "unsupported_type",
                f"“{row.get('type')}” products are not imported; import the products they contain or link to instead.",
            )
            continue
        if row.number >= last.get(key, 0):
            yield from _variable(waiting.pop(key))
    for family in waiting.values():
        yield from _variable(family)


def _kind(row: Row) -> str:
    types = {t.strip().lower() for t in row.get("type").split(",")}
    for kind in ("variation", "variable", "simple"):
        if kind in types:
            return kind
    if not row.get("type"):
        return "variation" if row.get("parent") else "simple"
    return "other"


def _canonical(row: Row) -> str:
    if row.get("id"):
        return f"id:{row.get('id')}"
    return f"sku:{row.get('sku')}" if row.get("sku") else f"row:{row.number}"


def _reference(parent: str) -> str:
    """Parent cells read "id:741" or the parent's SKU."""
    parent = parent.strip()
    return parent if parent.lower().startswith("id:") else f"sku:{parent}"


def _plan(source: RowSource) -> tuple[dict[str, str], dict[str, int]]:
    """First pass: each variable product's names (ID and SKU) and the row where it is complete."""
    aliases: dict[str, str] = {}
    last: dict[str, int] = {}
    last_by_reference: dict[str, int] = {}
    for row in source():
        if not isinstance(row, Row):
            continue
        kind = _kind(row)
        if kind == "variable":
            key = _canonical(row)
            aliases.setdefault(key, key)
            if row.get("sku"):
                aliases.setdefault(f"sku:{row.get('sku')}", key)
            last[key] = max(last.get(key, 0), row.number)
        elif kind == "variation" and row.get("parent"):
            last_by_reference[_reference(row.get("parent"))] = row.number
    for reference, number in last_by_reference.items():
        key = aliases.get(reference)
        if key is not None:
            last[key] = max(last[key], number)
    return aliases, last


def _handle(row: Row, product: ImportedProduct) -> str:
    """The SKU is the most stable name a Woo product has, then its ID; the name changes."""
    if handle := make_handle(strip_text_marker(row.get("sku"))):
        return handle
    if row.get("id"):
        return f"woo-{make_handle(row.get('id'))}"
    handle = make_handle(row.get("name"))
    product.warnings.append(
        row.problem(
            "name",
            "handle_from_name",
            "This product has neither SKU nor ID, so its name identifies it; renaming it "
            "would import it as a new product next time.",
            handle,
        )
    )
    return handle


def _new_product(row: Row) -> ImportedProduct | RowError:
    product = ImportedProduct(handle="", title="")
    product.handle = _handle(row, product)
    if not set_title(product, row, "name"):
        return title_missing(row, "name", product.handle)
    description = row.get("description") or row.get("short description")
    # The exporter writes newlines as a literal "\n".
    product.description_html = description_html(description.replace("\\n", "\n"))
    categories = [c.replace("\\,", ",").strip() for c in _UNESCAPED_COMMA.split(row.get("categories"))]
    product.category_hint = next((c for c in categories if c), "")
    product.tags = [t.replace("\\,", ",") for t in split_list(row.get("tags"))]
    product.image_urls = split_list(row.get("images"))
    product.published = checked(row, "published", parse_bool, warnings=product.warnings, handle=product.handle)
    attributes = _attributes(row)
    product.brand = row.get("brands") or attributes.pop("Brand", "")
    product.attributes = attributes
    certification_values = [v for k, vs in attributes.items() if "certif" in k.lower() for v in vs.split(",")]
    product.certifications = certifications_from([*product.tags, *certification_values])
    product.rows.append(row.number)
    product.warnings.extend(row.warnings)
    if "virtual" in row.get("type").lower() or "downloadable" in row.get("type").lower():
        product.warnings.append(
            row.problem(
                "type",
                "virtual_product",
                "This is a virtual or downloadable product; check that it can be sold and "
                "delivered to business buyers.",
                product.handle,
            )
        )
    return product


def _attributes(row: Row) -> dict[str, str]:
    attributes: dict[str, str] = {}
    number = 1
    while f"attribute {number} name" in row.header:
        name = row.get(f"attribute {number} name")
        value = row.get(f"attribute {number} value(s)")
        if name and value:
            attributes[name] = value
        number += 1
    return attributes


def _simple(row: Row) -> Iterator[ImportedProduct | RowError]:
    product = _new_product(row)
    if isinstance(product, RowError):
        yield product
        return
    variant = _variant(row, product, None)
    if isinstance(variant, RowError):
        yield variant
        return
    product.variants.append(variant)
    yield product


def _variable(family: _Family) -> Iterator[ImportedProduct | RowError]:
    parent = family.parent
    if parent is None:  # variations whose parent row vanished between the two passes
        for row in family.variations:
            yield row.problem("parent", "orphan_variation", "This variation's parent is missing.")
        return
    product = _new_product(parent)
    if isinstance(product, RowError):
        yield product
        return
    errors: list[RowError] = []
    option_names: set[str] = set()
    # The shop's own order of variations, then the file's.
    for row in sorted(family.variations, key=_position):
        product.rows.append(row.number)
        product.warnings.extend(row.warnings)
        variant = _variant(row, product, parent)
        if isinstance(variant, RowError):
            errors.append(variant)
            continue
        option_names.update(variant.options)
        product.variants.append(variant)
    # Attributes the variations choose between are options, not product facts.
    product.attributes = {k: v for k, v in product.attributes.items() if k not in option_names}
    product.rows.sort()
    yield from finish(product, errors, parent)


def _position(row: Row) -> int:
    position = row.get("position")
    return int(position) if position.isdigit() else 0


def _variant(row: Row, product: ImportedProduct, parent: Row | None) -> ImportedVariant | RowError:
    variant = ImportedVariant(sku=strip_text_marker(row.get("sku")), row=row.number)
    if parent is not None:
        variant.options = _attributes(row)
    try:
        parsed = parse_price(row.get("regular price"))
    except CellError as exc:
        return price_error(row, "regular price", exc, product.handle)
    if parsed:
        variant.price, currency = parsed
        product.currency = product.currency or currency
    else:
        price_missing(row, "regular price", product)
    variant.stock_on_hand = checked(row, "stock", parse_int, warnings=product.warnings, handle=product.handle)
    # A variation leaves weight and size blank to inherit its parent's.
    for name, parse in (
        ("weight", parse_weight_g),
        ("length", parse_length_cm),
        ("width", parse_length_cm),
        ("height", parse_length_cm),
    ):
        key, unit = _unit_column(row, name)
        if key is None:
            continue
        source = row if row.get(key) or parent is None else parent
        value = checked(source, key, parse, unit, warnings=product.warnings, handle=product.handle)
        setattr(variant, "weight_g" if name == "weight" else f"{name}_cm", value)
    gtin_key = next((k for k in _GTIN_COLUMNS if k in row.header), None)
    if gtin_key:
        set_gtin(variant, row, gtin_key, product)
    images = split_list(row.get("images"))
    variant.image_url = images[0] if images and parent is not None else ""
    if not variant.sku:
        fallback_sku(product, variant, row, "sku")
    return variant


def _unit_column(row: Row, name: str) -> tuple[str | None, str | None]:
    """The header "Weight (kg)" or "Length (in)" and its unit."""
    for key in row.header.keys():  # noqa: SIM118 (Header is not a dict)
        if key.startswith(f"{name} (") and key.endswith(")"):
            return key, key[len(name) + 2 : -1]
    return None, None

"""Small steps every format shares: reading a cell through a parser into a warning instead of an
exception, titles with their truncation warning, barcodes, and SKUs made up when a file has none."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from .cleaning import CellError, clean_gtin
from .records import ImportedProduct, ImportedVariant, RowError
from .rows import Row
from .text import TITLE_MAX, clean_title, make_handle

T = TypeVar("T")


def checked(
    row: Row,
    key: str,
    parse: Callable[..., T],
    *args: object,
    warnings: list[RowError],
    handle: str | None = None,
) -> T | None:
    """`parse(cell, *args)`, or None with a warning naming the column when the cell is bad."""
    try:
        return parse(row.get(key), *args)
    except CellError as exc:
        warnings.append(row.problem(key, exc.code, exc.message, handle))
        return None


def set_title(product: ImportedProduct, row: Row, key: str) -> bool:
    """Give the product its title; False when the cell is empty."""
    title, truncated = clean_title(row.get(key))
    product.title = title
    if truncated:
        product.warnings.append(
            row.problem(
                key,
                "title_truncated",
                f"The title was longer than {TITLE_MAX} characters and was shortened.",
                product.handle,
            )
        )
    return bool(title)


def set_gtin(variant: ImportedVariant, row: Row, key: str, product: ImportedProduct) -> None:
    gtin, problem = clean_gtin(row.get(key))
    variant.gtin = gtin
    if problem:
        message = f"{problem.message} The variant was imported without a barcode."
        product.warnings.append(row.problem(key, problem.code, message, product.handle))


def fallback_sku(product: ImportedProduct, variant: ImportedVariant, row: Row, key: str) -> None:
    """A stable SKU from the handle (and the options) when the file gives none, with a warning."""
    parts = [product.handle, *variant.options.values()]
    variant.sku = make_handle("-".join(parts))[:100] or f"{product.handle}-{row.number}"
    product.warnings.append(
        row.problem(
            key,
            "sku_missing",
            f"This variant has no SKU; “{variant.sku}” is used instead. Give it a SKU of its "
            "own so that orders and stock stay matched to it.",
            product.handle,
        )
    )


def price_error(row: Row, key: str, exc: CellError, handle: str) -> RowError:
    return row.problem(key, exc.code, f"{exc.message} This row was not imported.", handle)


def price_missing(row: Row, key: str, product: ImportedProduct) -> None:
    product.warnings.append(
        row.problem(
            key,
            "price_missing",
            "This variant has no price; add one before publishing.",
            product.handle,
        )
    )


def title_missing(row: Row, key: str, handle: str) -> RowError:
    return row.problem(key, "title_missing", "The product has no title, so it was not imported.", handle)


def finish(product: ImportedProduct, errors: list[RowError], row: Row) -> Iterator[ImportedProduct | RowError]:
    """The product's refused rows, then the product; or, when no variant is left, why not.

    One RowError per refused row: the import report counts them as rows, so a product whose
    only variant was refused gets no second error repeating the first."""
    errors.extend(checked_skus(product))
    yield from errors
    if product.variants:
        yield product
    elif not errors:
        yield row.problem(
            None, "no_variants", "The product has no variant rows, so it was not imported.", product.handle
        )


MAX_SKU = 100  # Variant.sku's column


def checked_skus(product: ImportedProduct) -> list[RowError]:
    """Drop variants whose SKU is longer than the column holds, or repeats a SKU within the
    product (the later row loses), as errors."""
    seen: set[str] = set()
    kept, errors = [], []
    for variant in product.variants:
        if len(variant.sku) > MAX_SKU:
            message = f"A SKU is at most {MAX_SKU} characters; this row was skipped."
            errors.append(RowError(variant.row, None, "sku_too_long", message, product.handle))
            continue
        if variant.sku in seen:
            errors.append(
                RowError(
                    variant.row,
                    None,
                    "sku_duplicate",
                    f"The SKU “{variant.sku}” appears twice in this product; this row was skipped.",
                    product.handle,
                )
            )
            continue
        seen.add(variant.sku)
        kept.append(variant)
    product.variants = kept
    return errors

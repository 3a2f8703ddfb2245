"""What every importer produces: normalised products with their variants, or row errors.

The import service (catalog/imports.py) only ever sees these, whatever the file's format.
Quantities are ints, money is Decimal in `currency`, weights grams, lengths centimetres.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class RowError:
    """A row (1-based, counting the header as row 1) that could not be used, and why."""

    row: int
    column: str | None
    code: str
    message: str
    handle: str | None = None  # the product the row belonged to, when known


@dataclass(frozen=True)
class ImportedTier:
    min_quantity: int
    unit_price: Decimal


@dataclass
class ImportedVariant:
    sku: str
    options: dict[str, str] = field(default_factory=dict)
    price: Decimal | None = None  # the single price a retail-style feed gives; becomes tier 1
    retail_price: Decimal | None = None
    gtin: str = ""
    weight_g: Decimal | None = None
    length_cm: Decimal | None = None
    width_cm: Decimal | None = None
    height_cm: Decimal | None = None
    stock_on_hand: int | None = None  # None: the file does not say; leave stock alone
    image_url: str = ""
    moq: int | None = None
    order_multiple: int | None = None
    lead_time_days: int | None = None
    tiers: list[ImportedTier] = field(default_factory=list)
    row: int = 0


@dataclass
class ImportedProduct:
    handle: str
    title: str
    description_html: str = ""  # already sanitised to the safe subset
    language: str = "en"  # the language the supplier wrote title and description in
    brand: str = ""
    category_hint: str = ""  # free text such as Shopify's product type or a breadcrumb
    google_category_id: int | None = None
    hs_code: str = ""
    origin_country: str = ""
    certifications: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    published: bool | None = None  # None: the file does not say
    currency: str | None = None  # None: the supplier's default currency
    moq: int | None = None
    order_multiple: int | None = None
    lead_time_days: int | None = None
    sample_available: bool | None = None
    sample_price: Decimal | None = None
    units_per_carton: int | None = None
    carton_weight_kg: Decimal | None = None
    tiers: list[ImportedTier] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)
    variants: list[ImportedVariant] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # every file row this product came from
    warnings: list[RowError] = field(default_factory=list)  # kept, but worth telling the supplier
    # The same texts in another language when the file has both (our template's title_zh…):
    # {"zh": {"title": "…", "description_html": "…"}}, description already sanitised.
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

"""API shapes for the catalog."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Field, Schema


class TierSchema(Schema):
    min_quantity: int = Field(..., ge=1, le=10**9)
    unit_price: Decimal = Field(..., ge=0, max_digits=20, decimal_places=6)


class VariantOut(Schema):
    id: int
    sku: str
    options: dict
    gtin: str
    stock_on_hand: int


class ProductOut(Schema):
    id: int
    handle: str
    status: str
    title_en: str
    title_zh: str
    title_en_machine: bool
    title_zh_machine: bool
    description_en: str
    description_zh: str
    category_id: int | None
    brand: str
    hs_code: str
    origin_country: str
    certifications: list[str]
    currency: str
    moq: int
    order_multiple: int
    lead_time_days: int | None
    sample_available: bool
    updated_at: datetime


class ProductDetailOut(ProductOut):
    variants: list[VariantOut]
    tiers: list[TierSchema]


class ProductIn(Schema):
    title_en: str | None = Field(None, max_length=300)
    title_zh: str | None = Field(None, max_length=300)
    description_en: str | None = Field(None, max_length=50_000)
    description_zh: str | None = Field(None, max_length=50_000)
    category_id: int | None = None
    brand: str | None = Field(None, max_length=200)
    hs_code: str | None = Field(None, max_length=20)
    origin_country: str | None = Field(None, max_length=2)
    certifications: list[str] | None = None
    currency: str | None = Field(None, max_length=3)
    moq: int | None = Field(None, ge=1, le=10**9)
    order_multiple: int | None = Field(None, ge=1, le=10**9)
    lead_time_days: int | None = Field(None, ge=0, le=3650)
    sample_available: bool | None = None


class TiersIn(Schema):
    tiers: list[TierSchema] = Field(..., max_length=20)
    moq: int | None = Field(None, ge=1, le=10**9)
    order_multiple: int | None = Field(None, ge=1, le=10**9)


class VariantIn(Schema):
    sku: str = Field(..., max_length=100)
    options: dict[str, str] = {}
    gtin: str = Field("", max_length=14)
    stock_on_hand: int = Field(0, ge=0, le=10**9)


class StockIn(Schema):
    stock_on_hand: int


class JobOut(Schema):
    id: int
    kind: str
    status: str
    progress_done: int
    progress_total: int | None
    params: dict
    result: dict
    error: str
    created_at: datetime
    finished_at: datetime | None


class CategoryOut(Schema):
    id: int
    path: str
    parent_id: int | None
    depth: int
    name_en: str
    name_zh: str
    hs_headings: list[str]

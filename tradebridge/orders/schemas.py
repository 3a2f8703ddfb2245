"""API shapes for carts and orders. Amounts leave as strings of exact decimals."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Field, Schema


class CartLineIn(Schema):
    variant_id: int
    quantity: int = Field(..., ge=1, le=10**9)


class QuantityIn(Schema):
    quantity: int = Field(..., ge=1, le=10**9)


class CartLineOut(Schema):
    id: int
    variant_id: int
    sku: str
    product_id: int
    title_en: str
    title_zh: str
    supplier_id: int
    supplier_name: str
    quantity: int
    currency: str
    seen_unit_price: Decimal
    current_unit_price: Decimal | None
    price_changed: bool
    problem: dict | None


class PlaceIn(Schema):
    incoterm: str = Field("FOB", max_length=3)
    freight_mode: str = Field("sea_lcl", max_length=16)
    destination_city: str = Field("", max_length=100)
    deposit_percent: int = Field(0, ge=0, le=100)
    buyer_note: str = Field("", max_length=2000)


class ReasonIn(Schema):
    reason: str = Field("", max_length=2000)


class ShipIn(Schema):
    carrier: str = Field("", max_length=100)
    tracking_number: str = Field("", max_length=100)


class ResolveIn(Schema):
    resolution: str = Field(..., max_length=16)
    note: str = Field("", max_length=4000)
    refund_cny: Decimal | None = Field(None, max_digits=20, decimal_places=2)


class LineOut(Schema):
    id: int
    variant_id: int
    product_id: int
    sku: str
    title_en: str
    title_zh: str
    quantity: int
    unit_price: Decimal
    line_total: Decimal


class EventOut(Schema):
    action: str
    label: str
    from_state: str
    to_state: str
    actor: str
    actor_name: str | None
    actor_company: str | None
    reason: str
    data: dict
    at: datetime


class EvidenceOut(Schema):
    id: int
    party: str
    original_name: str
    content_type: str
    size: int
    url: str


class DisputeOut(Schema):
    reason: str
    opened_at: datetime
    response: str
    responded_at: datetime | None
    resolution: str
    refund_cny: Decimal | None
    resolution_note: str
    resolved_at: datetime | None
    evidence: list[EvidenceOut]


class OrderOut(Schema):
    id: int
    reference: str
    state: str
    state_label: str
    buyer_id: int
    buyer_name: str
    supplier_id: int
    supplier_name: str
    source: str
    currency: str
    total: Decimal
    amount_due_cny: Decimal
    deposit_percent: int
    deposit_cny: Decimal
    balance_cny: Decimal
    paid_cny: Decimal
    incoterm: str
    placed_at: datetime
    state_changed_at: datetime


class OrderDetailOut(OrderOut):
    viewer: str
    next_actions: list[str]
    payment_due: dict | None
    fx: dict
    freight_mode: str
    destination_city: str
    landed_cost: dict
    carrier: str
    tracking_number: str
    buyer_note: str
    lines: list[LineOut]
    timeline: list[EventOut]
    dispute: DisputeOut | None

"""What a shipping document says, as plain frozen dataclasses (no Django, no ORM), and the
arithmetic both documents share: line totals, invoice totals, cartons, weights and volumes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tradebridge.pricing.money import Money, sum_money


@dataclass(frozen=True)
class Party:
    name: str
    name_zh: str = ""
    address_lines: tuple[str, ...] = ()
    country: str = ""  # ISO 3166-1 alpha-2
    identifiers: tuple[str, ...] = ()  # "VAT GB123…", "USCC 9131…": printed as given


@dataclass(frozen=True)
class Carton:
    """How a product ships: units per carton, and the carton's gross weight and size when known."""

    units: int
    gross_weight_kg: Decimal | None = None
    length_cm: Decimal | None = None
    width_cm: Decimal | None = None
    height_cm: Decimal | None = None


@dataclass(frozen=True)
class DocumentLine:
    sku: str
    description_en: str
    description_zh: str
    hs_code: str
    origin: str  # ISO country of origin, "" when unknown
    quantity: int
    unit_price: Decimal  # up to 6 decimals, in the document's currency
    carton: Carton | None = None

    def total(self, currency: str) -> Money:
        """The line total rounded to the currency's minor unit (half up)."""
        return Money(self.unit_price * self.quantity, currency).rounded()


@dataclass(frozen=True)
class ShippingDocument:
    """Everything both documents print; the packing list ignores prices."""

    number: str
    issued_on: date
    order_reference: str
    seller: Party
    buyer: Party
    currency: str
    incoterm: str
    incoterm_place: str = ""
    lines: tuple[DocumentLine, ...] = ()
    carrier: str = ""
    tracking_number: str = ""
    freight: Money | None = None  # charged on the invoice when the Incoterm makes the seller pay it
    notes: tuple[str, ...] = field(default_factory=tuple)

    def goods_total(self) -> Money:
        return sum_money((line.total(self.currency) for line in self.lines), self.currency)

    def invoice_total(self) -> Money:
        return self.goods_total() + self.freight if self.freight else self.goods_total()


@dataclass(frozen=True)
class PackedLine:
    line: DocumentLine
    cartons: int | None
    gross_weight_kg: Decimal | None
    volume_m3: Decimal | None


def packed(line: DocumentLine) -> PackedLine:
    """Cartons are whole (a part-filled last carton still ships); weight and volume only
    when the supplier gave the carton's measures, never guessed."""
    carton = line.carton
    if carton is None or carton.units < 1:
        return PackedLine(line, None, None, None)
    cartons = math.ceil(line.quantity / carton.units)
    weight = carton.gross_weight_kg * cartons if carton.gross_weight_kg is not None else None
    sides = (carton.length_cm, carton.width_cm, carton.height_cm)
    volume = None
    if all(side is not None for side in sides):
        volume = (sides[0] * sides[1] * sides[2] * cartons / Decimal(1_000_000)).quantize(Decimal("0.001"))
    return PackedLine(line, cartons, weight, volume)


def packing_totals(rows: list[PackedLine]) -> tuple[int | None, Decimal | None, Decimal | None]:
    """Total cartons, gross kg and m³; each None unless known for every line."""

    def total(values):
        return None if any(v is None for v in values) else sum(values)

    return (
        total([r.cartons for r in rows]),
        total([r.gross_weight_kg for r in rows]),
        total([r.volume_m3 for r in rows]),
    )

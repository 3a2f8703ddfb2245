"""Freight estimates from operator rate tables: sea LCL per m³, air per chargeable kg, express bands.

Tables are plain data an operator maintains; `estimate()` turns a shipment's measures into one
Money in the table's currency and says exactly which measure is missing when it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from tradebridge.pricing.money import Money, to_decimal

AIR_VOLUMETRIC_DIVISOR = 6000  # IATA: cm³ per kg
EXPRESS_VOLUMETRIC_DIVISOR = 5000  # what the integrators (DHL, FedEx, UPS) use


class Mode(StrEnum):
    SEA_LCL = "sea_lcl"
    AIR = "air"
    EXPRESS = "express"


class FreightError(ValueError):
    """The shipment cannot be priced with this table."""


class MissingMeasure(FreightError):
    """The mode needs a measure the shipment lacks; `field` names it."""

    def __init__(self, mode: Mode, field: str) -> None:
        super().__init__(f"{mode.value} freight needs {field}")
        self.mode = mode
        self.field = field


@dataclass(frozen=True, slots=True)
class Shipment:
    """Measures of a whole consignment. Give the volume either directly or as package dims.

    `dims_cm` is (length, width, height) of one package and `packages` how many such packages.
    """

    gross_kg: Decimal | None = None
    volume_cbm: Decimal | None = None
    dims_cm: tuple[Decimal, Decimal, Decimal] | None = None
    packages: int = 1

    def __post_init__(self) -> None:
        for name in ("gross_kg", "volume_cbm"):
            value = getattr(self, name)
            if value is not None:
                value = to_decimal(value, what=name)
                if value < 0:
                    raise ValueError(f"{name} must not be negative")
                object.__setattr__(self, name, value)
        if self.dims_cm is not None:
            dims = tuple(to_decimal(d, what="dims_cm") for d in self.dims_cm)
            if len(dims) != 3 or any(d <= 0 for d in dims):
                raise ValueError("dims_cm must be three positive lengths")
            object.__setattr__(self, "dims_cm", dims)
        if self.packages < 1:
            raise ValueError("packages must be at least 1")

    def cubic_cm(self) -> Decimal | None:
        if self.dims_cm is not None:
            length, width, height = self.dims_cm
            return length * width * height * self.packages
        if self.volume_cbm is not None:
            return self.volume_cbm * 1_000_000
        return None


@dataclass(frozen=True, slots=True)
class SeaLclTable:
    """Less-than-container-load sea freight: a price per m³ with a minimum charge."""

    per_cbm: Money
    minimum: Money
    operator: str = ""

    def __post_init__(self) -> None:
        _same_currency(self.per_cbm, self.minimum)


@dataclass(frozen=True, slots=True)
class AirTable:
    """Air cargo: a price per chargeable kg (max of gross and volumetric), with a minimum."""

    per_kg: Money
    minimum: Money | None = None
    volumetric_divisor: int = AIR_VOLUMETRIC_DIVISOR
    rounding_step_kg: Decimal = Decimal("0.5")  # chargeable weight is rounded up to this step
    operator: str = ""

    def __post_init__(self) -> None:
        if self.minimum is not None:
            _same_currency(self.per_kg, self.minimum)


@dataclass(frozen=True, slots=True)
class ExpressBand:
    """Up to and including `up_to_kg`: `price` per kg, or a flat `price` if per_kg is False."""

    up_to_kg: Decimal
    price: Money
    per_kg: bool = True


@dataclass(frozen=True, slots=True)
class ExpressTable:
    """Courier express: weight bands, each priced per kg or flat; the first band that fits wins."""

    bands: tuple[ExpressBand, ...]
    volumetric_divisor: int = EXPRESS_VOLUMETRIC_DIVISOR
    rounding_step_kg: Decimal = Decimal("0.5")
    operator: str = ""

    def __post_init__(self) -> None:
        if not self.bands:
            raise ValueError("an express table needs at least one band")
        ordered = tuple(sorted(self.bands, key=lambda b: b.up_to_kg))
        for band in ordered[1:]:
            _same_currency(ordered[0].price, band.price)
        object.__setattr__(self, "bands", ordered)

    @property
    def currency(self) -> str:
        return self.bands[0].price.currency


FreightTable = SeaLclTable | AirTable | ExpressTable
_TABLE_FOR_MODE: dict[Mode, type] = {
    Mode.SEA_LCL: SeaLclTable,
    Mode.AIR: AirTable,
    Mode.EXPRESS: ExpressTable,
}


def _same_currency(a: Money, b: Money) -> None:
    if a.currency != b.currency:
        raise ValueError(f"a rate table must be in one currency, got {a.currency} and {b.currency}")


def _round_up(kg: Decimal, step: Decimal) -> Decimal:
    return (kg / step).to_integral_value(ROUND_CEILING) * step


def table_currency(table: FreightTable) -> str:
    if isinstance(table, SeaLclTable):
        return table.per_cbm.currency
    if isinstance(table, AirTable):
        return table.per_kg.currency
    return table.currency


def required_measures(mode: Mode) -> tuple[str, ...]:
    """Which measures `mode` needs: 'gross_kg' and/or 'volume' (volume_cbm or dims_cm)."""
    # Air and express charge the greater of gross and volumetric weight, so both are needed:
    # quoting on gross weight alone would under-price every bulky parcel.
    return ("volume",) if Mode(mode) is Mode.SEA_LCL else ("gross_kg", "volume")


def chargeable_kg(shipment: Shipment, divisor: int, step: Decimal, mode: Mode) -> Decimal:
    """max(gross kg, volumetric kg = cm³ / divisor), rounded up to `step`."""
    if shipment.gross_kg is None:
        raise MissingMeasure(mode, "gross_kg")
    cubic_cm = shipment.cubic_cm()
    if cubic_cm is None:
        raise MissingMeasure(mode, "volume_cbm or dims_cm")
    return _round_up(max(shipment.gross_kg, cubic_cm / divisor), step)


def estimate(mode: Mode, shipment: Shipment, table: FreightTable) -> Money:
    """Freight for `shipment` by `mode` using `table`, in the table's currency, unrounded."""
    mode = Mode(mode)
    if not isinstance(table, _TABLE_FOR_MODE[mode]):
        raise FreightError(f"{mode.value} needs a {_TABLE_FOR_MODE[mode].__name__}")
    if isinstance(table, SeaLclTable):
        cubic_cm = shipment.cubic_cm()
        if cubic_cm is None:
            raise MissingMeasure(mode, "volume_cbm or dims_cm")
        return max(table.per_cbm * (cubic_cm / 1_000_000), table.minimum)
    if isinstance(table, AirTable):
        kg = chargeable_kg(shipment, table.volumetric_divisor, table.rounding_step_kg, mode)
        price = table.per_kg * kg
        return max(price, table.minimum) if table.minimum is not None else price
    kg = chargeable_kg(shipment, table.volumetric_divisor, table.rounding_step_kg, mode)
    for band in table.bands:
        if kg <= band.up_to_kg:
            return band.price * kg if band.per_kg else band.price
    raise FreightError(f"chargeable weight {kg} kg is above the last express band ({table.bands[-1].up_to_kg} kg)")

"""Freight estimates: sea LCL minimum, air chargeable weight, express bands, missing measures."""

from decimal import Decimal

import pytest

from tradebridge.pricing.freight import (
    AirTable,
    ExpressBand,
    ExpressTable,
    FreightError,
    MissingMeasure,
    Mode,
    SeaLclTable,
    Shipment,
    estimate,
)
from tradebridge.pricing.money import Money

SEA = SeaLclTable(per_cbm=Money(60, "GBP"), minimum=Money(120, "GBP"), operator="test")
AIR = AirTable(per_kg=Money("3.50", "GBP"), minimum=Money(50, "GBP"))
EXPRESS = ExpressTable(
    bands=(
        ExpressBand(Decimal(30), Money("7.00", "GBP")),
        ExpressBand(Decimal("0.5"), Money("18.00", "GBP"), per_kg=False),
        ExpressBand(Decimal(10), Money("9.00", "GBP")),
    )
)


def test_sea_per_cbm_with_minimum():
    assert estimate(Mode.SEA_LCL, Shipment(volume_cbm=Decimal("3.5")), SEA) == Money(210, "GBP")
    assert estimate(Mode.SEA_LCL, Shipment(volume_cbm=Decimal("0.5")), SEA) == Money(120, "GBP")
    # 120 × 80 × 100 cm × 4 packages = 3.84 m³
    dims = Shipment(dims_cm=(Decimal(120), Decimal(80), Decimal(100)), packages=4)
    assert estimate(Mode.SEA_LCL, dims, SEA) == Money("230.40", "GBP")


def test_air_charges_the_greater_of_gross_and_volumetric():
    # Dense: 100 kg in 60×40×40 cm = 16 kg volumetric → 100 kg × 3.50
    dense = Shipment(gross_kg=Decimal(100), dims_cm=(Decimal(60), Decimal(40), Decimal(40)))
    assert estimate(Mode.AIR, dense, AIR) == Money(350, "GBP")
    # Bulky: 20 kg in 100×80×60 cm = 480000/6000 = 80 kg volumetric → 80 × 3.50
    bulky = Shipment(gross_kg=Decimal(20), dims_cm=(Decimal(100), Decimal(80), Decimal(60)))
    assert estimate(Mode.AIR, bulky, AIR) == Money(280, "GBP")
    # Rounded up to the half kg: 20.2 kg → 20.5 kg → 71.75, above the minimum
    small = Shipment(gross_kg=Decimal("20.2"), volume_cbm=Decimal("0.01"))
    assert estimate(Mode.AIR, small, AIR) == Money("71.75", "GBP")
    tiny = Shipment(gross_kg=Decimal(1), volume_cbm=Decimal("0.001"))
    assert estimate(Mode.AIR, tiny, AIR) == Money(50, "GBP")


def test_express_bands():
    assert estimate(Mode.EXPRESS, Shipment(Decimal("0.3"), Decimal("0.0001")), EXPRESS) == Money(18, "GBP")
    assert estimate(Mode.EXPRESS, Shipment(Decimal("4.2"), Decimal("0.001")), EXPRESS) == Money(
        "40.50", "GBP"
    )  # 4.5 kg × 9.00
    # 40×30×30 cm / 5000 = 7.2 kg volumetric beats 2 kg gross → 7.5 kg × 9.00
    parcel = Shipment(Decimal(2), dims_cm=(Decimal(40), Decimal(30), Decimal(30)))
    assert estimate(Mode.EXPRESS, parcel, EXPRESS) == Money("67.50", "GBP")
    with pytest.raises(FreightError, match="above the last express band"):
        estimate(Mode.EXPRESS, Shipment(Decimal(31), Decimal("0.01")), EXPRESS)


@pytest.mark.parametrize(
    ("mode", "table", "shipment", "field"),
    [
        (Mode.SEA_LCL, SEA, Shipment(gross_kg=Decimal(5)), "volume_cbm or dims_cm"),
        (Mode.AIR, AIR, Shipment(volume_cbm=Decimal(1)), "gross_kg"),
        (Mode.AIR, AIR, Shipment(gross_kg=Decimal(5)), "volume_cbm or dims_cm"),
        (Mode.EXPRESS, EXPRESS, Shipment(volume_cbm=Decimal(1)), "gross_kg"),
    ],
)
def test_missing_measure_names_the_field(mode, table, shipment, field):
    with pytest.raises(MissingMeasure) as info:
        estimate(mode, shipment, table)
    assert info.value.field == field
    assert field in str(info.value)


def test_table_must_match_mode_and_be_one_currency():
    with pytest.raises(FreightError):
        estimate(Mode.AIR, Shipment(Decimal(1), Decimal(1)), SEA)
    with pytest.raises(ValueError):
        SeaLclTable(per_cbm=Money(60, "GBP"), minimum=Money(100, "USD"))
    with pytest.raises(ValueError):
        Shipment(gross_kg=Decimal(-1))
    with pytest.raises(TypeError):
        Shipment(gross_kg=1.5)  # type: ignore[arg-type]

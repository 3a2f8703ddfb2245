"""Landed cost: a full worked example, who pays what, unknowns, input errors, exact sums."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradebridge.pricing.breakdown import Component
from tradebridge.pricing.freight import AirTable, ExpressBand, ExpressTable, Mode, SeaLclTable
from tradebridge.pricing.fx import Rate, RateTable
from tradebridge.pricing.incoterms import Incoterm, Party
from tradebridge.pricing.landed_cost import (
    LandedCostInput,
    LandedCostInputError,
    LineInput,
    landed_cost,
)
from tradebridge.pricing.money import Money, sum_money
from tradebridge.pricing.tariffs import TariffTable
from tradebridge.pricing.validation import line_from_raw

WHEN = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
TARIFFS = TariffTable.load()
GBP_CNY = Rate("GBP", "CNY", D("9.10"), WHEN - timedelta(hours=1), "test fixing")
RATES = RateTable([GBP_CNY])
AIR = AirTable(per_kg=Money("3.50", "GBP"))
SEA = SeaLclTable(per_cbm=Money(85, "GBP"), minimum=Money(150, "GBP"))
EXPRESS = ExpressTable(bands=(ExpressBand(D(100), Money("8.00", "GBP")),))
TABLES = {Mode.AIR: AIR, Mode.SEA_LCL: SEA, Mode.EXPRESS: EXPRESS}


def whisky(**changes):
    fields = dict(
        description="Speyside single malt 70cl 40%",
        hs_code="2208.30.00.00",
        quantity=120,
        unit_price=Money("25.00", "GBP"),
        gross_kg_per_unit=D("1.4"),
        dims_cm_per_unit=(D(10), D(10), D(32)),
        litres_per_unit=D("0.7"),
    )
    fields.update(changes)
    return LineInput(**fields)


def order(lines, **changes):
    fields = dict(
        lines=lines,
        incoterm=Incoterm.FOB,
        mode=Mode.AIR,
        freight_table=AIR,
        rates=RATES,
        when=WHEN,
        tariffs=TARIFFS,
        destination_city="Shanghai",
    )
    fields.update(changes)
    return LandedCostInput(**fields)


def test_whisky_by_air_fob_worked_example():
    # 120 bottles × GBP 25.00, 1.4 kg and 10×10×32 cm each, by air at GBP 3.50/kg, GBP→CNY 9.10.
    # goods       120 × 25.00 = GBP 3,000.00 × 9.10                    = 27,300.00
    # chargeable  gross 168 kg vs volumetric 120 × 3,200 / 6,000 = 64 kg → 168 kg
    # freight     168 × 3.50 = GBP 588.00 × 9.10                       = 5,350.80
    # insurance   (27,300 + 5,350.80) × 0.3% × 110%                    = 107.74764
    # CIF         27,300 + 5,350.80 + 107.74764                        = 32,758.54764
    # duty        × 10%                                                = 3,275.854764
    # specific    84 L × 0.912                                         = 76.608
    # CT          (32,758.54764 + 3,275.854764 + 76.608) / 0.8 × 0.2 + 76.608
    #             = 45,138.763005 × 0.2 + 76.608                       = 9,104.360601
    # VAT         45,138.763005 × 13%                                  = 5,868.03919065
    # total       51,006.80219565                                      → 51,006.80
    breakdown = landed_cost(order([whisky()]))
    assert breakdown.complete and not breakdown.unknowns
    shown = {f.component: f.amount for f in breakdown.figures}
    assert shown[Component.GOODS] == Money("27300.00", "CNY")
    assert shown[Component.MAIN_FREIGHT] == Money("5350.80", "CNY")
    assert shown[Component.INSURANCE] == Money("107.75", "CNY")
    assert shown[Component.IMPORT_DUTY] == Money("3275.85", "CNY")
    assert shown[Component.CONSUMPTION_TAX] == Money("9104.36", "CNY")
    assert shown[Component.IMPORT_VAT] == Money("5868.04", "CNY")
    assert breakdown.total == Money("51006.80", "CNY")
    assert breakdown.lines[0].customs_value == Money(D("32758.54764"), "CNY")
    # FOB: the buyer pays freight, insurance and the taxes; nothing here is the seller's.
    assert breakdown.buyer_total == breakdown.total
    assert breakdown.seller_total == Money(0, "CNY")
    # Source amounts and the rate are recorded.
    goods = breakdown.figure(Component.GOODS)
    assert goods.source == Money(3000, "GBP") and goods.rate == GBP_CNY
    assert breakdown.figure(Component.MAIN_FREIGHT).source == Money(588, "GBP")
    assert breakdown.rates == (GBP_CNY,)
    assert breakdown.destination_city == "Shanghai"


def test_ddp_costs_are_shown_but_attributed_to_the_seller():
    breakdown = landed_cost(order([whisky()], incoterm=Incoterm.DDP))
    assert breakdown.total == Money("51006.80", "CNY")
    assert breakdown.figure(Component.IMPORT_VAT).payer is Party.SELLER
    assert breakdown.buyer_total == Money("27300.00", "CNY")  # the goods only
    assert breakdown.seller_total == Money("23706.80", "CNY")


def test_charges_in_another_currency_and_outside_customs_value():
    usd = RateTable([GBP_CNY, Rate("USD", "CNY", D("7.20"), WHEN, "test")])
    breakdown = landed_cost(
        order(
            [whisky()],
            rates=usd,
            incoterm=Incoterm.CIF,
            export_clearance=Money(100, "GBP"),
            destination_charges=Money(50, "USD"),
        )
    )
    export = breakdown.figure(Component.EXPORT_CLEARANCE)
    assert export.amount == Money(910, "CNY") and export.payer is Party.SELLER
    destination = breakdown.figure(Component.DESTINATION_CHARGES)
    assert destination.amount == Money(360, "CNY") and destination.payer is Party.BUYER
    # Export clearance is carriage before importation: in the customs value. Destination is not.
    assert breakdown.lines[0].customs_value == Money(D("32758.54764") + 910, "CNY")


def test_unknown_rate_and_tariff_make_the_total_none():
    line = whisky(unit_price=Money(25, "EUR"))
    breakdown = landed_cost(order([line, whisky(hs_code="8703312310")]))
    assert breakdown.total is None and not breakdown.figures
    fields = {u.field for u in breakdown.unknowns}
    assert fields == {"lines[0].unit_price", "lines[1].hs_code"}
    assert any("EUR/CNY" in u.reason for u in breakdown.unknowns)


def test_missing_cosmetics_content_is_an_unknown():
    cream = LineInput(
        description="Rose face cream 50ml",
        hs_code="3304990029",
        quantity=100,
        unit_price=Money(60, "GBP"),
        gross_kg_per_unit=D("0.2"),
        volume_cbm_per_unit=D("0.0003"),
    )
    breakdown = landed_cost(order([cream]))
    assert breakdown.total is None
    assert breakdown.unknowns[0].field == "lines[0].content_ml_per_unit"
    with_content = landed_cost(order([replace(cream, content_ml_per_unit=D(50))]))
    # 60 GBP × 9.10 = 546 CNY a jar, over 10 CNY/ml: the 15% consumption tax applies.
    assert with_content.figure(Component.CONSUMPTION_TAX).amount > Money(0, "CNY")


def test_unverified_tariff_lines_are_flagged():
    bowl = whisky(description="Porcelain bowl", hs_code="6911101100", litres_per_unit=None)
    (warning,) = landed_cost(order([bowl])).warnings
    assert warning.code == "tariff_unverified" and dict(warning.params) == {"hs_prefix": "6911"}
    assert not landed_cost(order([whisky()])).warnings  # 2208.30 is checked


def test_no_hs_code_is_an_unknown_not_a_zero_duty():
    breakdown = landed_cost(order([whisky(hs_code="")]))
    assert breakdown.total is None
    assert [(u.field, u.code) for u in breakdown.unknowns] == [("lines[0].hs_code", "hs_code_missing")]


def test_a_rate_older_than_the_limit_is_used_with_a_warning():
    # The rate is an hour old at WHEN: fine at a two-hour limit, stale at a thirty-minute one.
    assert not landed_cost(order([whisky()], max_rate_age=timedelta(hours=2))).warnings
    stale = landed_cost(order([whisky()], max_rate_age=timedelta(minutes=30)))
    assert stale.total == landed_cost(order([whisky()])).total  # used, not dropped
    assert [(w.code, dict(w.params)["pair"]) for w in stale.warnings] == [("rate_stale", "GBP/CNY")]


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"quantity": 0}, "lines[0].quantity", "out_of_range"),
        ({"quantity": 10**9 + 1}, "lines[0].quantity", "out_of_range"),
        ({"quantity": 1.5}, "lines[0].quantity", "invalid"),
        ({"hs_code": "22083"}, "lines[0].hs_code", "malformed"),
        ({"hs_code": "9999999999"}, "lines[0].hs_code", "unknown_hs_code"),  # no chapter 99
        ({"hs_code": "7701"}, "lines[0].hs_code", "unknown_hs_code"),  # chapter 77 is reserved
        ({"gross_kg_per_unit": None}, "lines[0].gross_kg_per_unit", "required_for_mode"),
        ({"dims_cm_per_unit": None}, "lines[0].dims_cm_per_unit", "required_for_mode"),
        ({"unit_price": Money(-1, "GBP")}, "lines[0].unit_price", "out_of_range"),
    ],
)
def test_bad_line_input(change, field, code):
    with pytest.raises(LandedCostInputError) as info:
        landed_cost(order([whisky(**change)]))
    assert (field, code) in {(e.field, e.code) for e in info.value.errors}


def test_bad_order_input_collects_every_error():
    with pytest.raises(LandedCostInputError) as info:
        landed_cost(order([], freight_table=SEA, insurance_rate=D(2), when=datetime(2025, 1, 1)))
    codes = {(e.field, e.code) for e in info.value.errors}
    assert codes >= {
        ("lines", "required"),
        ("freight_table", "mode_mismatch"),
        ("insurance_rate", "out_of_range"),
        ("when", "invalid"),
    }


def test_raw_api_input_with_unknown_currency():
    raw = {"description": "x", "hs_code": "1905310000", "quantity": 1, "unit_price": "2.50"}
    with pytest.raises(LandedCostInputError) as info:
        line_from_raw({**raw, "currency": "XYZ"}, 3)
    assert info.value.errors[0].field == "lines[3].unit_price.currency"
    assert info.value.errors[0].code == "unknown_currency"
    assert line_from_raw({**raw, "currency": "gbp"}, 0).unit_price == Money("2.50", "GBP")


# -- property: the parts always add up exactly -------------------------------------------------

CODES = ["1905310000", "0902303900", "6117102000", "1901101090", "2208300000", "4202210090"]
lines = st.builds(
    LineInput,
    description=st.just("item"),
    hs_code=st.sampled_from(CODES),
    quantity=st.integers(min_value=1, max_value=20_000),
    unit_price=st.decimals(min_value=D("0.0035"), max_value=5000, places=4).map(lambda a: Money(a, "GBP")),
    gross_kg_per_unit=st.decimals(min_value=D("0.01"), max_value=5, places=3),
    volume_cbm_per_unit=st.decimals(min_value=D("0.00001"), max_value=D("0.01"), places=5),
    litres_per_unit=st.just(D("0.7")),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(lines, min_size=1, max_size=5),
    st.sampled_from(list(Incoterm)),
    st.sampled_from([Mode.AIR, Mode.SEA_LCL]),
    st.decimals(min_value=D("0.5"), max_value=20, places=4),
)
def test_breakdown_parts_sum_exactly_to_the_total(items, incoterm, mode, rate):
    rates = RateTable([Rate("GBP", "CNY", rate, WHEN, "hypothesis")])
    inp = order(items, incoterm=incoterm, mode=mode, freight_table=TABLES[mode], rates=rates)
    breakdown = landed_cost(inp)
    total = breakdown.total
    assert total is not None and total == total.rounded()
    assert sum_money((f.amount for f in breakdown.figures), "CNY") == total
    assert sum_money((line.total for line in breakdown.lines), "CNY") == total
    assert breakdown.buyer_total + breakdown.seller_total == total
    for component in Component:
        per_line = sum_money((line.figure(component).amount for line in breakdown.lines), "CNY")
        assert per_line == breakdown.figure(component).amount
    for figure in breakdown.figures:
        assert figure.amount == figure.amount.rounded()
        assert abs(figure.amount.amount - figure.exact.amount) < D("0.02") * len(Component)


def test_shipment_the_freight_table_cannot_price_is_unknown():
    small_courier = ExpressTable(bands=(ExpressBand(D(30), Money("8.00", "GBP")),))
    breakdown = landed_cost(order([whisky()], mode=Mode.EXPRESS, freight_table=small_courier))
    assert breakdown.total is None
    assert breakdown.unknowns[0].field == "freight_table"

"""Landed cost in CNY of a UK→China general-trade order: goods, carriage, insurance, duty, taxes.

Rules (see import_tax.py for the duty and tax formulas):
  - Every amount is converted to CNY at `when` with the snapshot `rates`; each conversion's rate
    is recorded next to the figure, with the amount in its original currency.
  - Main freight comes from the operator's table for the mode, on the whole consignment, and is
    spread over the lines by their share of what the mode charges for: volume for sea LCL,
    chargeable weight (max of gross and volumetric) for air and express.
  - Insurance = (goods + main freight) × insurance_rate × insurance_basis_markup; the defaults
    0.3% × 110% follow market practice (cover at 110% of CIF, ICC Incoterms 2020 CIF A5) and
    China customs' own fallback of 3‰ when insurance is unknown.
  - Customs value (完税价格) = CIF: goods + costs of carriage to the Chinese port (export
    clearance, origin handling, main freight) + insurance. Destination charges are after
    importation and so outside it.
  - Order-level charges (export clearance, origin handling, destination) go to lines by goods
    value. Every cost is shown, including those the seller bears under the Incoterm, marked with
    who pays.
  - A missing rate, tariff line, HS code or tax-relevant measure makes the total None and is
    listed in `unknowns` with the field and the reason. Invalid input raises
    LandedCostInputError.
  - A complete breakdown still carries `warnings` for a rate older than `max_rate_age` and for a
    tariff line marked UNVERIFIED: figures a buyer should not take as final.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from tradebridge.pricing import freight
from tradebridge.pricing.breakdown import CNY, Breakdown, Component, LineCells, Notice, Unknown, build
from tradebridge.pricing.freight import FreightTable, Mode, Shipment
from tradebridge.pricing.fx import Rate, RateTable, RateUnknown, convert, is_stale
from tradebridge.pricing.import_tax import MeasureNeeded, Measures, import_taxes
from tradebridge.pricing.incoterms import Incoterm
from tradebridge.pricing.money import Money
from tradebridge.pricing.tariffs import TariffLine, TariffTable, TariffUnknown, normalise_hs_code
from tradebridge.pricing.validation import FieldError, LandedCostInputError, validate

__all__ = ["FieldError", "LandedCostInput", "LandedCostInputError", "LineInput", "landed_cost"]


@dataclass(frozen=True, slots=True)
class LineInput:
    """One product line. Measures are per unit; None means not declared."""

    description: str
    hs_code: str
    quantity: int | Decimal
    unit_price: Money  # in the supplier's currency
    gross_kg_per_unit: Decimal | None = None
    volume_cbm_per_unit: Decimal | None = None
    dims_cm_per_unit: tuple[Decimal, Decimal, Decimal] | None = None
    litres_per_unit: Decimal | None = None  # alcohol: spirits, beer, wine
    net_kg_per_unit: Decimal | None = None  # duties levied per kg
    content_ml_per_unit: Decimal | None = None  # cosmetics threshold (CNY per ml)
    content_g_per_unit: Decimal | None = None  # cosmetics threshold (CNY per g)
    pieces_per_unit: Decimal | None = None  # cosmetics threshold (CNY per piece/sheet)

    @property
    def measures(self) -> Measures:
        return Measures(
            litres=self.litres_per_unit,
            net_kg=self.net_kg_per_unit,
            content_ml=self.content_ml_per_unit,
            content_g=self.content_g_per_unit,
            pieces=self.pieces_per_unit,
        )

    def volume_cbm(self) -> Decimal | None:
        """Volume of one unit in m³, from volume_cbm_per_unit or the dims."""
        if self.volume_cbm_per_unit is not None:
            return Decimal(self.volume_cbm_per_unit)
        if self.dims_cm_per_unit is not None:
            length, width, height = (Decimal(d) for d in self.dims_cm_per_unit)
            return length * width * height / 1_000_000
        return None


@dataclass(frozen=True, slots=True)
class LandedCostInput:
    lines: Sequence[LineInput]
    incoterm: Incoterm
    mode: Mode
    freight_table: FreightTable
    rates: RateTable
    when: datetime
    tariffs: TariffTable
    destination_city: str = ""
    insurance_rate: Decimal = Decimal("0.003")
    insurance_basis_markup: Decimal = Decimal("1.10")
    export_clearance: Money | None = None
    origin_handling: Money | None = None
    destination_charges: Money | None = None
    max_rate_age: timedelta | None = None  # older rates are used, with a warning; None: no check


class _Converter:
    """Converts to CNY, remembering each rate once and each missing pair once."""

    def __init__(self, rates: RateTable, when: datetime, unknowns: list[Unknown]) -> None:
        self.rates, self.when, self.unknowns = rates, when, unknowns
        self.used: dict[str, Rate] = {}
        self.missing: set[str] = set()

    def __call__(self, money: Money, field_name: str) -> tuple[Decimal, Rate] | None:
        if money.currency in self.missing:
            return None
        try:
            conversion = convert(money, CNY, self.when, self.rates)
        except RateUnknown as exc:
            self.missing.add(money.currency)
            self.unknowns.append(
                Unknown(field_name, f"exchange rate unknown: {exc}", "rate_unknown", (("currency", money.currency),))
            )
            return None
        self.used.setdefault(money.currency, conversion.rate)
        return conversion.result.amount, conversion.rate


def _chargeable_weights(inp: LandedCostInput) -> list[Decimal]:
    """What each line contributes to the freight charge, for spreading the freight."""
    weights = []
    for line in inp.lines:
        quantity = Decimal(line.quantity)
        volume = (line.volume_cbm() or Decimal(0)) * quantity
        if inp.mode is Mode.SEA_LCL:
            weights.append(volume)
            continue
        divisor = inp.freight_table.volumetric_divisor  # type: ignore[union-attr]
        volumetric = volume * 1_000_000 / divisor
        weights.append(max(Decimal(line.gross_kg_per_unit or 0) * quantity, volumetric))
    return weights


def _share(amount: Decimal, weights: list[Decimal], index: int) -> Decimal:
    whole = sum(weights, Decimal(0))
    if whole == 0:
        return amount / len(weights)
    return amount * weights[index] / whole


def landed_cost(inp: LandedCostInput) -> Breakdown:
    """The landed-cost breakdown of `inp`; raises LandedCostInputError on invalid input."""
    errors = validate(inp)
    if errors:
        raise LandedCostInputError(errors)
    mode, incoterm = Mode(inp.mode), Incoterm(inp.incoterm)
    unknowns: list[Unknown] = []
    to_cny = _Converter(inp.rates, inp.when, unknowns)
    unknown = Breakdown(incoterm, mode, inp.when, inp.destination_city, unknowns=())

    goods: list[tuple[Decimal, Rate] | None] = [
        to_cny(line.unit_price * Decimal(line.quantity), f"lines[{i}].unit_price") for i, line in enumerate(inp.lines)
    ]
    shipment = Shipment(
        gross_kg=sum((Decimal(x.gross_kg_per_unit or 0) * Decimal(x.quantity) for x in inp.lines), Decimal(0)),
        volume_cbm=sum(((x.volume_cbm() or Decimal(0)) * Decimal(x.quantity) for x in inp.lines), Decimal(0)),
    )
    try:
        freight_source = freight.estimate(mode, shipment, inp.freight_table)
    except freight.FreightError as exc:  # e.g. heavier than the table's last band
        return _unknown(unknown, [*unknowns, Unknown("freight_table", str(exc), "freight_unknown")])
    main_freight = to_cny(freight_source, "freight_table")
    charges: dict[Component, tuple[Money, tuple[Decimal, Rate] | None]] = {}
    for component, money in (
        (Component.EXPORT_CLEARANCE, inp.export_clearance),
        (Component.ORIGIN_HANDLING, inp.origin_handling),
        (Component.DESTINATION_CHARGES, inp.destination_charges),
    ):
        if money is not None:
            charges[component] = (money, to_cny(money, component.value))

    tariff_lines: list[TariffLine | None] = []
    for i, line in enumerate(inp.lines):
        if not line.hs_code:
            tariff_lines.append(None)
            unknowns.append(Unknown.hs_code_missing(i))
            continue
        try:
            tariff_lines.append(inp.tariffs.lookup(line.hs_code))
        except TariffUnknown as exc:
            tariff_lines.append(None)
            unknowns.append(Unknown.tariff_unknown(i, exc))
    if unknowns:
        return _unknown(unknown, unknowns)

    goods_cny = [g[0] for g in goods if g is not None]
    freight_cny = main_freight[0] if main_freight else Decimal(0)
    freight_weights = _chargeable_weights(inp)
    cells: list[LineCells] = []
    warnings: list[Notice] = []
    for i, line in enumerate(inp.lines):
        tariff = tariff_lines[i]
        assert tariff is not None and goods[i] is not None and main_freight is not None
        exact = dict.fromkeys(Component, Decimal(0))
        exact[Component.GOODS] = goods_cny[i]
        exact[Component.MAIN_FREIGHT] = _share(freight_cny, freight_weights, i)
        for component, (_, converted) in charges.items():
            assert converted is not None
            exact[component] = _share(converted[0], goods_cny, i)
        exact[Component.INSURANCE] = (
            (exact[Component.GOODS] + exact[Component.MAIN_FREIGHT])
            * Decimal(inp.insurance_rate)
            * Decimal(inp.insurance_basis_markup)
        )
        customs_value = sum(
            exact[c]
            for c in (
                Component.GOODS,
                Component.EXPORT_CLEARANCE,
                Component.ORIGIN_HANDLING,
                Component.MAIN_FREIGHT,
                Component.INSURANCE,
            )
        )
        try:
            taxes = import_taxes(customs_value, Decimal(line.quantity), line.measures, tariff)
        except MeasureNeeded as exc:
            unknowns.append(Unknown.measure_needed(i, exc))
            continue
        exact[Component.IMPORT_DUTY] = taxes.duty
        exact[Component.CONSUMPTION_TAX] = taxes.consumption_tax
        exact[Component.IMPORT_VAT] = taxes.vat
        if not tariff.verified:
            text = f"lines[{i}]: tariff line {tariff.hs_prefix} is marked unverified ({tariff.source_note})"
            warnings.append(Notice(text, "tariff_unverified", (("hs_prefix", tariff.hs_prefix),)))
        sources: dict[Component, tuple[Money, Rate]] = {}
        if line.unit_price.currency != CNY:
            sources[Component.GOODS] = (line.unit_price * Decimal(line.quantity), goods[i][1])
        if freight_source.currency != CNY:
            share = _share(freight_source.amount, freight_weights, i)
            sources[Component.MAIN_FREIGHT] = (Money(share, freight_source.currency), main_freight[1])
        cells.append(
            LineCells(
                index=i,
                description=line.description,
                hs_code=normalise_hs_code(line.hs_code),
                tariff_line=tariff,
                customs_value=customs_value,
                consumption_tax_basis=taxes.consumption_tax_applied,
                exact=exact,
                sources=sources,
            )
        )
    if unknowns:
        return _unknown(unknown, unknowns)

    order_sources: dict[Component, tuple[Money, Rate]] = {}
    if freight_source.currency != CNY and main_freight is not None:
        order_sources[Component.MAIN_FREIGHT] = (freight_source, main_freight[1])
    for component, (money, converted) in charges.items():
        if money.currency != CNY and converted is not None:
            order_sources[component] = (money, converted[1])
    if inp.max_rate_age is not None:
        for rate in to_cny.used.values():
            if is_stale(rate, inp.when, inp.max_rate_age):
                text = f"the {rate.base}/{rate.quote} rate dates from {rate.valid_from.isoformat()}: it may be stale"
                params = (("pair", f"{rate.base}/{rate.quote}"), ("date", rate.valid_from.date().isoformat()))
                warnings.append(Notice(text, "rate_stale", params))
    currencies = {line.unit_price.currency for line in inp.lines}
    if len(currencies) == 1 and CNY not in currencies:
        (currency,) = currencies
        total_goods = sum((line.unit_price * Decimal(line.quantity) for line in inp.lines), Money.zero(currency))
        order_sources[Component.GOODS] = (total_goods, to_cny.used[currency])
    return build(
        incoterm=incoterm,
        mode=mode,
        when=inp.when,
        destination_city=inp.destination_city,
        cells=cells,
        order_sources=order_sources,
        rates=tuple(to_cny.used.values()),
        warnings=warnings,
    )


def _unknown(empty: Breakdown, unknowns: list[Unknown]) -> Breakdown:
    return Breakdown(empty.incoterm, empty.mode, empty.when, empty.destination_city, unknowns=tuple(unknowns))

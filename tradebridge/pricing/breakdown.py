"""The landed-cost breakdown: every figure in CNY, who pays it, and parts that sum exactly.

Rounding happens once, here. The order total is the exact sum rounded to the fen; it is split
over the cost components with `allocate`, and each component over the lines the same way, so
components sum to the total, lines sum to each component, and line totals sum to the total —
all exactly, to the fen. A breakdown with unknowns has no figures and a total of None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from tradebridge.pricing.freight import Mode
from tradebridge.pricing.fx import Rate
from tradebridge.pricing.import_tax import MeasureNeeded
from tradebridge.pricing.incoterms import Incoterm, Leg, Party, payer
from tradebridge.pricing.money import Money, allocate, sum_money
from tradebridge.pricing.tariffs import TariffLine, TariffUnknown

CNY = "CNY"


class Component(StrEnum):
    GOODS = "goods"
    EXPORT_CLEARANCE = "export_clearance"
    ORIGIN_HANDLING = "origin_handling"
    MAIN_FREIGHT = "main_freight"
    INSURANCE = "insurance"
    DESTINATION_CHARGES = "destination_charges"
    IMPORT_DUTY = "import_duty"
    CONSUMPTION_TAX = "consumption_tax"
    IMPORT_VAT = "import_vat"


COMPONENTS = tuple(Component)
_LEG: dict[Component, Leg] = {
    Component.EXPORT_CLEARANCE: Leg.EXPORT_CLEARANCE,
    Component.ORIGIN_HANDLING: Leg.ORIGIN_HANDLING,
    Component.MAIN_FREIGHT: Leg.MAIN_FREIGHT,
    Component.INSURANCE: Leg.INSURANCE,
    Component.DESTINATION_CHARGES: Leg.DESTINATION_CHARGES,
    Component.IMPORT_DUTY: Leg.IMPORT_DUTY_TAXES,
    Component.CONSUMPTION_TAX: Leg.IMPORT_DUTY_TAXES,
    Component.IMPORT_VAT: Leg.IMPORT_DUTY_TAXES,
}


def component_payer(incoterm: Incoterm, component: Component) -> Party:
    """The goods are always the buyer's cost; every other component follows the Incoterm."""
    if component is Component.GOODS:
        return Party.BUYER
    return payer(incoterm, _LEG[component])


@dataclass(frozen=True, slots=True)
class Unknown:
    """Something the breakdown could not determine: which input `field`, and why.

    `reason` is English for logs and API clients; `code` and `params` let the edges say it in
    the user's language (pricing/messages.py)."""

    field: str
    reason: str
    code: str = "unknown"  # rate_unknown, tariff_unknown, hs_code_missing, measure_needed, freight_unknown
    params: tuple[tuple[str, str], ...] = ()

    # One wording per cause, shared by the general-trade and cross-border calculations.
    @classmethod
    def hs_code_missing(cls, line: int) -> Unknown:
        return cls(f"lines[{line}].hs_code", "no HS code declared: rate unknown", "hs_code_missing")

    @classmethod
    def tariff_unknown(cls, line: int, exc: TariffUnknown) -> Unknown:
        return cls(f"lines[{line}].hs_code", str(exc), "tariff_unknown", (("hs_code", exc.hs_code),))

    @classmethod
    def measure_needed(cls, line: int, exc: MeasureNeeded) -> Unknown:
        return cls(f"lines[{line}].{exc.field}", exc.reason, "measure_needed", (("measure", exc.field),))


@dataclass(frozen=True, slots=True)
class Notice:
    """A caveat on a complete breakdown (a stale rate, an unverified tariff line), like Unknown."""

    text: str
    code: str  # rate_stale, tariff_unverified
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Figure:
    component: Component
    amount: Money  # CNY, rounded and allocated: what is displayed and summed
    exact: Money  # CNY, full precision before rounding
    payer: Party
    source: Money | None = None  # the amount in the currency it was quoted in, if not CNY
    rate: Rate | None = None  # the rate that converted `source`


@dataclass(frozen=True, slots=True)
class LineBreakdown:
    index: int
    description: str
    hs_code: str
    tariff_line: TariffLine
    customs_value: Money  # CNY, exact: the CIF value duty and taxes were computed on
    consumption_tax_basis: str
    figures: tuple[Figure, ...]
    total: Money

    def figure(self, component: Component) -> Figure:
        return next(f for f in self.figures if f.component is component)


@dataclass(frozen=True, slots=True)
class Breakdown:
    incoterm: Incoterm
    mode: Mode
    when: datetime
    destination_city: str
    lines: tuple[LineBreakdown, ...] = ()
    figures: tuple[Figure, ...] = ()  # per order, one per component
    total: Money | None = None
    buyer_total: Money | None = None
    seller_total: Money | None = None
    unknowns: tuple[Unknown, ...] = ()
    rates: tuple[Rate, ...] = ()
    warnings: tuple[Notice, ...] = ()

    @property
    def complete(self) -> bool:
        return self.total is not None

    def figure(self, component: Component) -> Figure:
        return next(f for f in self.figures if f.component is component)


@dataclass(frozen=True, slots=True)
class LineCells:
    """One line's exact CNY amounts per component, plus what the breakdown should show for it."""

    index: int
    description: str
    hs_code: str
    tariff_line: TariffLine
    customs_value: Decimal
    consumption_tax_basis: str
    exact: dict[Component, Decimal]
    sources: dict[Component, tuple[Money, Rate]]


def build(
    *,
    incoterm: Incoterm,
    mode: Mode,
    when: datetime,
    destination_city: str,
    cells: Sequence[LineCells],
    order_sources: dict[Component, tuple[Money, Rate]],
    rates: Sequence[Rate],
    warnings: Sequence[Notice],
) -> Breakdown:
    exact_by_component = {c: sum((line.exact[c] for line in cells), Decimal(0)) for c in COMPONENTS}
    total = Money(sum(exact_by_component.values(), Decimal(0)), CNY).rounded()
    order_amounts = dict(zip(COMPONENTS, allocate(total, [exact_by_component[c] for c in COMPONENTS]), strict=True))
    per_line: dict[Component, list[Money]] = {
        c: allocate(order_amounts[c], [line.exact[c] for line in cells]) for c in COMPONENTS
    }
    line_breakdowns = []
    for position, line in enumerate(cells):
        figures = tuple(
            Figure(
                component=c,
                amount=per_line[c][position],
                exact=Money(line.exact[c], CNY),
                payer=component_payer(incoterm, c),
                source=line.sources[c][0] if c in line.sources else None,
                rate=line.sources[c][1] if c in line.sources else None,
            )
            for c in COMPONENTS
        )
        line_breakdowns.append(
            LineBreakdown(
                index=line.index,
                description=line.description,
                hs_code=line.hs_code,
                tariff_line=line.tariff_line,
                customs_value=Money(line.customs_value, CNY),
                consumption_tax_basis=line.consumption_tax_basis,
                figures=figures,
                total=sum_money((f.amount for f in figures), CNY),
            )
        )
    order_figures = tuple(
        Figure(
            component=c,
            amount=order_amounts[c],
            exact=Money(exact_by_component[c], CNY),
            payer=component_payer(incoterm, c),
            source=order_sources[c][0] if c in order_sources else None,
            rate=order_sources[c][1] if c in order_sources else None,
        )
        for c in COMPONENTS
    )
    return Breakdown(
        incoterm=incoterm,
        mode=mode,
        when=when,
        destination_city=destination_city,
        lines=tuple(line_breakdowns),
        figures=order_figures,
        total=total,
        buyer_total=sum_money((f.amount for f in order_figures if f.payer is Party.BUYER), CNY),
        seller_total=sum_money((f.amount for f in order_figures if f.payer is Party.SELLER), CNY),
        rates=tuple(rates),
        warnings=tuple(warnings),
    )

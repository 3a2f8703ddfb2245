"""China cross-border e-commerce (CBEC, 跨境电商零售进口) retail tax: limits and the 70% rule.

Policy (财关税〔2016〕18号, limits raised by 财关税〔2018〕49号 from 2019-01-01):
  - Within the limits — RMB 5,000 per transaction and RMB 26,000 per person per year — import
    duty is 0 and import VAT and consumption tax are levied at 70% of the general-trade amount.
    For an ad valorem consumption tax that is the familiar effective rate
        (consumption-tax rate + VAT rate) / (1 − consumption-tax rate) × 70%
    on the dutiable price; specific and compound consumption taxes (spirits, beer) use the same
    general formulas with duty 0, then × 70%.
  - The dutiable price is the actual transaction price: retail price plus freight and insurance
    (the caller passes it per unit, in CNY).
  - A transaction above 5,000 that is a single item (one line, quantity 1) may still come in
    through CBEC, but pays full general-trade duty, VAT and consumption tax; it counts towards
    the annual limit.
  - Anything that would take the buyer past 26,000 in the year, or a multi-item order above
    5,000, cannot use CBEC: it is reported as a violation, and the general-trade amount is given
    so the UI can show what the buyer would pay by that route.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from tradebridge.pricing.breakdown import Unknown
from tradebridge.pricing.import_tax import MeasureNeeded, Measures, import_taxes
from tradebridge.pricing.money import Money, allocate, sum_money
from tradebridge.pricing.tariffs import TariffTable, TariffUnknown

CNY = "CNY"
ORDER_LIMIT = Money(Decimal(5000), CNY)
ANNUAL_LIMIT = Money(Decimal(26000), CNY)
CBEC_SHARE = Decimal("0.7")


class Regime(StrEnum):
    CBEC = "cbec"  # within limits: duty 0, VAT and consumption tax × 70%
    CBEC_FULL_RATE = "cbec_full_rate"  # single item over the order limit: general-trade taxes
    NOT_ELIGIBLE = "not_eligible"  # must be imported as general trade


@dataclass(frozen=True, slots=True)
class CbecLine:
    description: str
    hs_code: str
    quantity: int
    unit_price: Money  # CNY dutiable price per unit: retail price + freight + insurance
    measures: Measures = field(default_factory=Measures)


@dataclass(frozen=True, slots=True)
class Violation:
    code: str  # order_limit_exceeded | annual_limit_exceeded
    message: str


@dataclass(frozen=True, slots=True)
class CbecLineResult:
    description: str
    hs_code: str
    dutiable: Money
    duty: Money
    consumption_tax: Money
    vat: Money
    tax: Money


# The same shape as a landed-cost unknown (field, English reason, code, params), so the edges
# translate both the same way.
CbecUnknown = Unknown


@dataclass(frozen=True, slots=True)
class CbecResult:
    """`tax` is None when anything is unknown (see `unknowns`); never a guessed number."""

    tax: Money | None
    per_line: tuple[CbecLineResult, ...]
    regime: Regime
    violations: tuple[Violation, ...]
    unknowns: tuple[CbecUnknown, ...] = ()


def cbec_tax(
    lines: Sequence[CbecLine],
    annual_spent_so_far: Money,
    tariffs: TariffTable,
    *,
    order_limit: Money = ORDER_LIMIT,
    annual_limit: Money = ANNUAL_LIMIT,
) -> CbecResult:
    if not lines:
        raise ValueError("an order needs at least one line")
    for line in lines:
        if line.unit_price.currency != CNY or line.quantity <= 0:
            raise ValueError(f"{line.description}: unit_price must be CNY and quantity positive")
    order_value = sum_money((line.unit_price * line.quantity for line in lines), CNY)
    single_item = len(lines) == 1 and lines[0].quantity == 1
    violations = []
    if annual_spent_so_far + order_value > annual_limit:
        violations.append(
            Violation(
                "annual_limit_exceeded",
                f"{annual_spent_so_far} already spent + {order_value} exceeds the annual CBEC limit of {annual_limit}",
            )
        )
    if order_value > order_limit and not single_item:
        violations.append(
            Violation(
                "order_limit_exceeded",
                f"{order_value} exceeds the {order_limit} per-order limit and is not a single item",
            )
        )
    if violations:
        regime = Regime.NOT_ELIGIBLE
    elif order_value > order_limit:
        regime = Regime.CBEC_FULL_RATE
    else:
        regime = Regime.CBEC
    reduced = regime is Regime.CBEC

    unknowns: list[CbecUnknown] = []
    exact: list[tuple[CbecLine, Decimal, Decimal, Decimal]] = []
    for i, line in enumerate(lines):
        dutiable = line.unit_price.amount * line.quantity
        if not line.hs_code:
            unknowns.append(CbecUnknown.hs_code_missing(i))
            continue
        try:
            tariff = tariffs.lookup(line.hs_code)
            taxes = import_taxes(
                dutiable,
                Decimal(line.quantity),
                line.measures,
                tariff,
                duty_rate=Decimal(0) if reduced else None,
            )
        except TariffUnknown as exc:
            unknowns.append(CbecUnknown.tariff_unknown(i, exc))
            continue
        except MeasureNeeded as exc:
            unknowns.append(CbecUnknown.measure_needed(i, exc))
            continue
        share = CBEC_SHARE if reduced else Decimal(1)
        exact.append((line, taxes.duty, taxes.consumption_tax * share, taxes.vat * share))
    if unknowns:
        return CbecResult(None, (), regime, tuple(violations), tuple(unknowns))

    # Round the order's tax once and split it so the per-line figures add up to it exactly.
    total_exact = sum((d + c + v for _, d, c, v in exact), Decimal(0))
    total = Money(total_exact, CNY).rounded()
    line_taxes = allocate(total, [d + c + v for _, d, c, v in exact])
    per_line = []
    for (line, duty, ct, vat), line_tax in zip(exact, line_taxes, strict=True):
        duty_m, ct_m, vat_m = allocate(line_tax, [duty, ct, vat])
        per_line.append(
            CbecLineResult(
                description=line.description,
                hs_code=line.hs_code,
                dutiable=Money(line.unit_price.amount * line.quantity, CNY),
                duty=duty_m,
                consumption_tax=ct_m,
                vat=vat_m,
                tax=line_tax,
            )
        )
    return CbecResult(total, tuple(per_line), regime, tuple(violations))


def effective_rate(consumption_tax_rate: Decimal, vat_rate: Decimal) -> Decimal:
    """(c + v) / (1 − c) × 70%, rates as fractions (0.15, 0.13); for ad valorem goods."""
    return (consumption_tax_rate + vat_rate) / (1 - consumption_tax_rate) * CBEC_SHARE

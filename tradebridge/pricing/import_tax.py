"""China import duty, consumption tax and import VAT for one customs line, from its customs value.

Formulas (all in CNY, full precision; rounding happens in the breakdown):

  duty  = customs value × duty rate + specific duty per unit × quantity in that unit
          (Import and Export Duties Regulations 进出口关税条例, art. 31; customs value is the
          CIF value under 海关审定进出口货物完税价格办法)
  consumption tax, by the line's type (消费税暂行条例 art. 5 and 实施细则 art. 19):
    ad valorem   (CV + duty) / (1 − r) × r                  组成计税价格 × 比例税率
    specific     per-unit amount × quantity                 进口数量 × 定额税率
    compound     (CV + duty + S) / (1 − r) × r + S,  S = per-unit amount × quantity
  import VAT = (CV + duty + consumption tax) × VAT rate     (增值税暂行条例 art. 14)

Thresholds (high-end cosmetics, beer class) compare the dutiable value per declared unit (CNY
per ml, g, piece, litre or unit sold) with the line's threshold; see data/china_tariffs.csv.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tradebridge.pricing.tariffs import ConsumptionTaxType, TariffLine

HUNDRED = Decimal(100)


class MeasureNeeded(LookupError):
    """The tax depends on a per-unit measure (litres, ml, …) the product does not declare."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Measures:
    """Per-unit measures that taxes can depend on. All optional; None means not declared."""

    litres: Decimal | None = None  # volume of liquid, for spirits, beer, wine
    net_kg: Decimal | None = None  # net weight, for duties levied per kg
    content_ml: Decimal | None = None  # declared content, for the cosmetics threshold
    content_g: Decimal | None = None
    pieces: Decimal | None = None  # sheets/pieces (面膜 etc.), for the cosmetics threshold

    FIELDS = {"L": "litres", "kg": "net_kg", "ml": "content_ml", "g": "content_g"}

    def field_for(self, unit: str) -> str:
        return self.FIELDS.get(unit, "pieces")

    def per_unit(self, unit: str) -> Decimal | None:
        if unit == "unit":  # a threshold per unit sold (高档手表: per watch) needs no measure
            return Decimal(1)
        return getattr(self, self.field_for(unit))


@dataclass(frozen=True, slots=True)
class TaxAmounts:
    duty: Decimal
    consumption_tax: Decimal
    vat: Decimal
    consumption_tax_applied: str  # how the consumption tax was decided, for the breakdown

    @property
    def total(self) -> Decimal:
        return self.duty + self.consumption_tax + self.vat


def _quantity_in(unit: str, quantity: Decimal, measures: Measures, why: str) -> Decimal:
    per_unit = measures.per_unit(unit)
    if per_unit is None:
        raise MeasureNeeded(f"{measures.field_for(unit)}_per_unit", f"needed for {why}")
    return per_unit * quantity


def _threshold_met(line: TariffLine, customs_value: Decimal, quantity: Decimal, measures: Measures) -> tuple[bool, str]:
    for threshold in line.consumption_tax_threshold:
        per_unit = measures.per_unit(threshold.unit)
        if per_unit is not None and per_unit > 0:
            value = customs_value / (quantity * per_unit)
            met = value >= threshold.value
            sign = ">=" if met else "<"
            return met, f"dutiable {value:.4f} CNY/{threshold.unit} {sign} {threshold.value}"
    fields = " or ".join(f"{measures.field_for(t.unit)}_per_unit" for t in line.consumption_tax_threshold)
    raise MeasureNeeded(
        f"{measures.field_for(line.consumption_tax_threshold[0].unit)}_per_unit",
        f"HS {line.hs_prefix} consumption tax depends on the value per unit: declare {fields}",
    )


def import_taxes(
    customs_value: Decimal,
    quantity: Decimal,
    measures: Measures,
    line: TariffLine,
    *,
    duty_rate: Decimal | None = None,
) -> TaxAmounts:
    """Duty, consumption tax and VAT for `quantity` units whose customs value is `customs_value`.

    `duty_rate` (percent) overrides the line's rate, e.g. 0 for cross-border e-commerce.
    Raises MeasureNeeded when a specific tax or a threshold needs a measure not declared.
    """
    rate = line.duty_rate if duty_rate is None else duty_rate
    duty = customs_value * rate / HUNDRED
    if line.specific_duty and duty_rate is None:  # a 0 yuan/L specific duty needs no litres
        duty += line.specific_duty * _quantity_in(
            line.specific_unit, quantity, measures, f"the specific duty of HS {line.hs_prefix}"
        )

    ct_type = line.consumption_tax_type
    ct_rate = (line.consumption_tax_rate or Decimal(0)) / HUNDRED
    ct_specific = line.consumption_tax_specific
    applied = ct_type.value
    if line.consumption_tax_threshold and ct_type is not ConsumptionTaxType.NONE:
        met, applied = _threshold_met(line, customs_value, quantity, measures)
        if not met:
            if line.consumption_tax_below_specific is not None:
                ct_type, ct_specific = ConsumptionTaxType.SPECIFIC, line.consumption_tax_below_specific
                applied += f": lower specific rate {ct_specific}/{line.consumption_tax_unit}"
            else:
                ct_type = ConsumptionTaxType.NONE
                applied += ": below threshold, no consumption tax"

    specific_part = Decimal(0)
    if ct_type in (ConsumptionTaxType.SPECIFIC, ConsumptionTaxType.COMPOUND):
        assert ct_specific is not None  # guaranteed by the tariff file parser
        specific_part = ct_specific * _quantity_in(
            line.consumption_tax_unit, quantity, measures, f"the consumption tax of HS {line.hs_prefix}"
        )
    if ct_type is ConsumptionTaxType.AD_VALOREM:
        consumption_tax = (customs_value + duty) / (1 - ct_rate) * ct_rate
    elif ct_type is ConsumptionTaxType.SPECIFIC:
        consumption_tax = specific_part
    elif ct_type is ConsumptionTaxType.COMPOUND:
        base = (customs_value + duty + specific_part) / (1 - ct_rate)
        consumption_tax = base * ct_rate + specific_part
    else:
        consumption_tax = Decimal(0)

    vat = (customs_value + duty + consumption_tax) * line.vat_rate / HUNDRED
    return TaxAmounts(duty, consumption_tax, vat, applied)

"""Landed cost of a catalog product for a buyer: gathers the product's measures, the rate table,
the operator's freight table and the tariff table, then applies the pure rules in landed_cost.py.

Product measures the tariff may need come from the SKU (weight, dimensions) and from these
product attributes, when the supplier gives them: `litres_per_unit` (alcohol), `content_ml_per_unit`
and `content_g_per_unit` (cosmetics thresholds), `pieces_per_unit`.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from tradebridge.catalog.models import Product, Variant
from tradebridge.catalog.pricing import quote_quantity
from tradebridge.catalog.services import terms_for
from tradebridge.core.errors import DomainError, FieldError, NotFound
from tradebridge.pricing.breakdown import Breakdown
from tradebridge.pricing.freight import AirTable, ExpressBand, ExpressTable, FreightTable, Mode, SeaLclTable
from tradebridge.pricing.incoterms import Incoterm
from tradebridge.pricing.landed_cost import LandedCostInput, LandedCostInputError, LineInput, landed_cost
from tradebridge.pricing.messages import describe
from tradebridge.pricing.models import FreightRate
from tradebridge.pricing.money import Money, plain_decimal
from tradebridge.pricing.selectors import rate_table
from tradebridge.pricing.tariffs import TariffTable

ATTRIBUTE_MEASURES = ("litres_per_unit", "content_ml_per_unit", "content_g_per_unit", "pieces_per_unit")
_tariffs: tuple[float, TariffTable] | None = None


def tariff_file() -> Path:
    """The operator's table (`tradebridge import-tariffs`) if there is one, else ours."""
    override = Path(settings.DATA_DIR) / "china_tariffs.csv"
    return override if override.exists() else Path(__file__).parent / "data" / "china_tariffs.csv"


def tariff_table() -> TariffTable:
    global _tariffs
    path = tariff_file()
    stamp = path.stat().st_mtime
    if _tariffs is None or _tariffs[0] != stamp:
        # Parsed once per change of the file, not per request.
        _tariffs = (stamp, TariffTable.load(path))
    return _tariffs[1]


def freight_table(mode: Mode) -> FreightTable | None:
    rows = list(FreightRate.objects.filter(mode=mode.value))
    if not rows:
        return None
    if mode is Mode.EXPRESS:
        return ExpressTable(
            tuple(ExpressBand(r.up_to_kg, Money(r.price, r.currency), per_kg=r.per_kg) for r in rows if r.up_to_kg),
            operator=rows[0].carrier,
        )
    row = rows[0]
    minimum = Money(row.minimum, row.currency) if row.minimum is not None else None
    if mode is Mode.SEA_LCL:
        return SeaLclTable(Money(row.price, row.currency), minimum or Money(0, row.currency), operator=row.carrier)
    return AirTable(Money(row.price, row.currency), minimum, operator=row.carrier)


def _choice(enum, value, field: str, errors: list[FieldError]):
    try:
        return enum(value)
    except ValueError:
        errors.append(FieldError(f"{field}_invalid", f"Choose one of: {', '.join(e.value for e in enum)}.", field))
        return None


def _measure(value) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and number > 0 else None


def _line(product: Product, variant: Variant | None, quantity: int, tiers: list | None = None) -> LineInput:
    terms = terms_for(product, variant, tiers)
    unit_price = quote_quantity(terms, quantity).unit_price  # MOQ and multiples enforced here
    weight_g = variant.weight_g if variant else None
    gross_kg = weight_g / 1000 if weight_g else None
    if gross_kg is None and product.carton_weight_kg and product.units_per_carton:
        gross_kg = product.carton_weight_kg / product.units_per_carton
    dims = None
    if variant and variant.length_cm and variant.width_cm and variant.height_cm:
        dims = (variant.length_cm, variant.width_cm, variant.height_cm)
    measures = {k: _measure((product.attributes or {}).get(k)) for k in ATTRIBUTE_MEASURES}
    volume = None
    if (
        dims is None
        and product.units_per_carton
        and all((product.carton_length_cm, product.carton_width_cm, product.carton_height_cm))
    ):
        carton = product.carton_length_cm * product.carton_width_cm * product.carton_height_cm
        volume = carton / 1_000_000 / product.units_per_carton
    return LineInput(
        description=product.title_en or product.title_zh,
        hs_code=product.hs_code,
        quantity=quantity,
        unit_price=Money(unit_price, product.currency),
        gross_kg_per_unit=gross_kg,
        dims_cm_per_unit=dims,
        volume_cbm_per_unit=volume,
        **{k: v for k, v in measures.items() if v is not None},
    )


def product_landed_cost(
    *,
    product_id: int,
    quantity: int,
    incoterm: str,
    mode: str,
    destination_city: str = "",
    variant_id: int | None = None,
) -> Breakdown:
    """The breakdown for buying `quantity` of a published product; DomainError for bad input."""
    product = Product.objects.filter(pk=product_id, status=Product.Status.PUBLISHED).first()
    if product is None:
        raise NotFound("not_found", "No such product.", "product_id")
    variants = list(product.variants.all())
    variant = (
        next((v for v in variants if v.pk == variant_id), None) if variant_id else (variants[0] if variants else None)
    )
    errors: list[FieldError] = []
    if variant_id and variant is None:
        errors.append(FieldError("variant_invalid", "That SKU is not part of this product.", "variant_id"))
    incoterm_value = _choice(Incoterm, (incoterm or "").upper(), "incoterm", errors)
    mode_value = _choice(Mode, mode, "mode", errors)
    if len(destination_city) > 100:
        errors.append(FieldError("too_long", "Keep the city under 100 characters.", "destination_city"))
    if errors:
        raise DomainError.many(errors)
    line = _line(product, variant, quantity)
    table = freight_table(mode_value)
    if table is None:
        raise DomainError("freight_unavailable", "The operator has no freight rates for this mode yet.", "mode")
    when = timezone.now()
    try:
        return landed_cost(
            LandedCostInput(
                lines=[line],
                incoterm=incoterm_value,
                mode=mode_value,
                freight_table=table,
                rates=rate_table(when),
                when=when,
                tariffs=tariff_table(),
                destination_city=destination_city.strip(),
                max_rate_age=timedelta(hours=settings.FX_MAX_AGE_HOURS),
            )
        )
    except LandedCostInputError as exc:
        raise DomainError.many(buyer_error(e) for e in exc.errors) from None


def buyer_error(error) -> FieldError:
    """The pure rules name the missing line measure; a buyer can only change the mode or ask."""
    field = error.field.split(".")[-1].split("[")[0]
    if field in ("dims_cm_per_unit", "volume_cbm_per_unit"):
        return FieldError(
            "dimensions_missing",
            "The supplier has not given this product's size, which freight is priced by. Ask the supplier.",
            "mode",
        )
    if field == "gross_kg_per_unit":
        return FieldError(
            "weight_missing",
            "The supplier has not given this product's weight, which this mode is priced by. Ask the supplier.",
            "mode",
        )
    return FieldError(error.code, error.message, field)


def breakdown_dict(breakdown: Breakdown) -> dict:
    """A breakdown as plain data for the API and templates (amounts as strings, CNY). Unknowns and
    warnings are in the user's language, each with a stable `code`."""
    return {
        "complete": breakdown.complete,
        "incoterm": breakdown.incoterm.value,
        "mode": breakdown.mode.value,
        "destination_city": breakdown.destination_city,
        "total": str(breakdown.total.amount) if breakdown.total else None,
        "buyer_total": str(breakdown.buyer_total.amount) if breakdown.buyer_total else None,
        "seller_total": str(breakdown.seller_total.amount) if breakdown.seller_total else None,
        "currency": "CNY",
        "figures": [
            {
                "component": f.component.value,
                "amount": str(f.amount.amount),
                "payer": f.payer.value,
                "source_amount": str(f.source.amount) if f.source else None,
                "source_currency": f.source.currency if f.source else None,
                "rate": plain_decimal(f.rate.rate) if f.rate else None,
            }
            for f in breakdown.figures
        ],
        "rates": [
            {
                "base": r.base,
                "quote": r.quote,
                "rate": plain_decimal(r.rate),
                "valid_from": r.valid_from.isoformat(),
                "source": r.source,
            }
            for r in breakdown.rates
        ],
        "unknowns": [
            {"field": u.field, "code": u.code, "reason": describe(u.code, u.params, u.reason)}
            for u in breakdown.unknowns
        ],
        "warnings": [describe(w.code, w.params, w.text) for w in breakdown.warnings],
        "tariff_lines": [
            {"hs_prefix": line.tariff_line.hs_prefix, "description": line.tariff_line.description}
            for line in breakdown.lines
        ],
    }

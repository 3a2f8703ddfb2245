"""Input checks for a landed-cost request, reported as (field, code, message) for API field errors.

Codes are stable identifiers the API and UI can translate: required, invalid, out_of_range,
malformed, unknown_hs_code, unknown_currency, required_for_mode, mode_mismatch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tradebridge.pricing.currencies import MINOR_UNITS
from tradebridge.pricing.freight import AirTable, ExpressTable, Mode, SeaLclTable, required_measures
from tradebridge.pricing.incoterms import Incoterm
from tradebridge.pricing.money import Money, to_decimal
from tradebridge.pricing.tariffs import MalformedHsCode, NonexistentHsCode, normalise_hs_code

if TYPE_CHECKING:
    from tradebridge.pricing.landed_cost import LandedCostInput, LineInput

MAX_QUANTITY = Decimal(10) ** 9
_TABLES = {Mode.SEA_LCL: SeaLclTable, Mode.AIR: AirTable, Mode.EXPRESS: ExpressTable}
_MEASURES = (
    "gross_kg_per_unit",
    "volume_cbm_per_unit",
    "litres_per_unit",
    "net_kg_per_unit",
    "content_ml_per_unit",
    "content_g_per_unit",
    "pieces_per_unit",
)


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    code: str
    message: str


class LandedCostInputError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


def _number(value: object, field: str, errors: list[FieldError]) -> Decimal | None:
    try:
        return to_decimal(value, what=field)
    except (TypeError, ValueError) as exc:
        errors.append(FieldError(field, "invalid", str(exc)))
        return None


def _money(value: object, field: str, errors: list[FieldError], *, required: bool) -> None:
    if value is None:
        if required:
            errors.append(FieldError(field, "required", "is required"))
        return
    if not isinstance(value, Money):
        errors.append(FieldError(field, "invalid", "must be Money"))
    elif value.amount < 0:
        errors.append(FieldError(field, "out_of_range", "must not be negative"))


def _line(line: LineInput, i: int, mode: Mode | None, errors: list[FieldError]) -> None:
    prefix = f"lines[{i}]"
    if not isinstance(line.description, str) or not line.description.strip():
        errors.append(FieldError(f"{prefix}.description", "required", "is required"))
    if line.hs_code != "":  # no code at all is an unknown in the result, not bad input
        try:
            normalise_hs_code(line.hs_code)
        except MalformedHsCode as exc:
            errors.append(FieldError(f"{prefix}.hs_code", "malformed", str(exc)))
        except NonexistentHsCode as exc:
            errors.append(FieldError(f"{prefix}.hs_code", "unknown_hs_code", str(exc)))
    quantity = _number(line.quantity, f"{prefix}.quantity", errors)
    if quantity is not None and not 0 < quantity <= MAX_QUANTITY:
        errors.append(FieldError(f"{prefix}.quantity", "out_of_range", "must be above 0 and at most 10^9"))
    _money(line.unit_price, f"{prefix}.unit_price", errors, required=True)
    for name in _MEASURES:
        value = getattr(line, name)
        if value is not None:
            number = _number(value, f"{prefix}.{name}", errors)
            if number is not None and number < 0:
                errors.append(FieldError(f"{prefix}.{name}", "out_of_range", "must not be negative"))
    if line.dims_cm_per_unit is not None:
        dims = line.dims_cm_per_unit
        numbers = [_number(d, f"{prefix}.dims_cm_per_unit", errors) for d in dims]
        if len(dims) != 3 or any(n is None or n <= 0 for n in numbers):
            errors.append(FieldError(f"{prefix}.dims_cm_per_unit", "invalid", "must be three positive lengths"))
    if mode is None:
        return
    needed = required_measures(mode)
    if "gross_kg" in needed and line.gross_kg_per_unit is None:
        errors.append(FieldError(f"{prefix}.gross_kg_per_unit", "required_for_mode", f"{mode.value} needs the weight"))
    if "volume" in needed and line.volume_cbm_per_unit is None and line.dims_cm_per_unit is None:
        errors.append(
            FieldError(
                f"{prefix}.dims_cm_per_unit",
                "required_for_mode",
                f"{mode.value} needs dims_cm_per_unit or volume_cbm_per_unit",
            )
        )


def validate(inp: LandedCostInput) -> list[FieldError]:
    errors: list[FieldError] = []
    mode: Mode | None = None
    try:
        mode = Mode(inp.mode)
    except ValueError:
        errors.append(FieldError("mode", "invalid", f"unknown mode {inp.mode!r}"))
    try:
        Incoterm(inp.incoterm)
    except ValueError:
        errors.append(FieldError("incoterm", "invalid", f"unknown Incoterm {inp.incoterm!r}"))
    if mode is not None and not isinstance(inp.freight_table, _TABLES[mode]):
        errors.append(FieldError("freight_table", "mode_mismatch", f"{mode.value} needs a {_TABLES[mode].__name__}"))
    if not isinstance(inp.when, datetime) or inp.when.utcoffset() is None:
        errors.append(FieldError("when", "invalid", "must be a timezone-aware datetime"))
    rate = _number(inp.insurance_rate, "insurance_rate", errors)
    if rate is not None and not 0 <= rate < 1:
        errors.append(FieldError("insurance_rate", "out_of_range", "must be in [0, 1)"))
    markup = _number(inp.insurance_basis_markup, "insurance_basis_markup", errors)
    if markup is not None and not 1 <= markup <= 2:
        errors.append(FieldError("insurance_basis_markup", "out_of_range", "must be in [1, 2]"))
    for name in ("export_clearance", "origin_handling", "destination_charges"):
        _money(getattr(inp, name), name, errors, required=False)
    if not inp.lines:
        errors.append(FieldError("lines", "required", "an order needs at least one line"))
    for i, line in enumerate(inp.lines):
        _line(line, i, mode, errors)
    return errors


def money_from_raw(amount: Any, currency: Any, field: str, errors: list[FieldError]) -> Money | None:
    """Money from API input, recording unknown_currency / invalid instead of raising."""
    if not isinstance(currency, str) or currency.upper() not in MINOR_UNITS:
        errors.append(FieldError(f"{field}.currency", "unknown_currency", f"unknown currency {currency!r}"))
        return None
    number = _number(amount, f"{field}.amount", errors)
    return None if number is None else Money(number, currency.upper())


def line_from_raw(data: Mapping[str, Any], i: int) -> LineInput:
    """A LineInput from a JSON-like mapping; raises LandedCostInputError with field errors."""
    from tradebridge.pricing.landed_cost import LineInput  # late: landed_cost imports us

    errors: list[FieldError] = []
    price = money_from_raw(data.get("unit_price"), data.get("currency"), f"lines[{i}].unit_price", errors)
    if errors or price is None:
        raise LandedCostInputError(errors)
    measures = {k: data[k] for k in _MEASURES if data.get(k) is not None}
    dims = data.get("dims_cm_per_unit")
    line = LineInput(
        description=data.get("description", ""),
        hs_code=data.get("hs_code", ""),
        quantity=data.get("quantity", 0),
        unit_price=price,
        dims_cm_per_unit=tuple(dims) if dims is not None else None,
        **measures,
    )
    _line(line, i, None, errors)
    if errors:
        raise LandedCostInputError(errors)
    return line

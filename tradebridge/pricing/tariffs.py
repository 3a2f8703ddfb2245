"""China import tariff lines (duty, VAT, consumption tax) keyed by HS prefix, loaded from CSV.

`TariffTable.lookup(hs_code)` returns the line with the LONGEST matching prefix, so a 10-digit
line can override its 6-digit subheading. A code no line covers raises `TariffUnknown`: callers
must turn that into "rate unknown", never into a zero rate. The authored table and its sources
are in data/china_tariffs.csv; operators may upload their own file in the same format, and
every problem in it is reported with its file row and column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from tradebridge.pricing.money import to_decimal

DEFAULT_PATH = Path(__file__).parent / "data" / "china_tariffs.csv"
HS_CODE_LENGTHS = (4, 6, 8, 10)  # HS heading, subheading, China tariff item, China 10-digit code
QUANTITY_UNITS = ("L", "kg")  # units a specific duty or consumption tax may be levied per
THRESHOLD_UNITS = ("ml", "g", "piece", "L", "unit")  # "unit": per unit sold (a watch)
VAT_RATES = (Decimal(9), Decimal(13))

REQUIRED_COLUMNS = ("hs_prefix", "description", "mfn_rate", "vat_rate", "consumption_tax_type")
OPTIONAL_COLUMNS = (
    "provisional_rate",
    "specific_duty",
    "specific_unit",
    "consumption_tax_rate",
    "consumption_tax_specific",
    "consumption_tax_unit",
    "consumption_tax_threshold",
    "consumption_tax_below_specific",
    "source_note",
)


class ConsumptionTaxType(StrEnum):
    NONE = "none"
    AD_VALOREM = "ad_valorem"
    SPECIFIC = "specific"
    COMPOUND = "compound"


class MalformedHsCode(ValueError):
    def __init__(self, code: object) -> None:
        super().__init__(f"HS code {code!r} must be 4, 6, 8 or 10 digits (dots and spaces allowed)")
        self.code = code


class NonexistentHsCode(ValueError):
    """Well formed, but in no chapter of the Harmonized System (01-97; 77 is reserved)."""

    def __init__(self, code: str) -> None:
        super().__init__(f"HS code {code} does not exist: there is no HS chapter {code[:2]}")
        self.code = code


class TariffUnknown(LookupError):
    """No tariff line covers this HS code: the rate is unknown, not zero."""

    def __init__(self, hs_code: str) -> None:
        super().__init__(f"no tariff line for HS {hs_code}: rate unknown")
        self.hs_code = hs_code


class TariffFileError(ValueError):
    """A problem in a tariff CSV at file `row` (1-based, comments counted) and `column`.

    `errors` lists every problem found in the file; this exception describes the first.
    """

    def __init__(self, row: int, column: str, message: str) -> None:
        super().__init__(f"row {row}, column {column}: {message}")
        self.row = row
        self.column = column
        self.message = message
        self.errors: list[TariffFileError] = [self]


def in_hs_chapter(digits: str) -> bool:
    """Whether the first two digits name an HS chapter: 01 to 97, where 77 is reserved."""
    return 1 <= int(digits[:2]) <= 97 and digits[:2] != "77"


def normalise_hs_code(code: object) -> str:
    """'2208.30.00 00' -> '2208300000'; raises MalformedHsCode, or NonexistentHsCode for a code
    outside every HS chapter. (Without the nomenclature at run time a code inside a real chapter
    but absent from it is not caught here; it finds no tariff line or its heading's.)"""
    if not isinstance(code, str):
        raise MalformedHsCode(code)
    digits = code.replace(".", "").replace(" ", "")
    if not digits.isdigit() or not digits.isascii() or len(digits) not in HS_CODE_LENGTHS:
        raise MalformedHsCode(code)
    if not in_hs_chapter(digits):
        raise NonexistentHsCode(digits)
    return digits


@dataclass(frozen=True, slots=True)
class Threshold:
    """Consumption tax applies in full when the dutiable value per `unit` is >= `value` CNY."""

    value: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class TariffLine:
    hs_prefix: str
    description: str
    mfn_rate: Decimal  # percent
    vat_rate: Decimal  # percent
    consumption_tax_type: ConsumptionTaxType = ConsumptionTaxType.NONE
    provisional_rate: Decimal | None = None  # percent; replaces MFN when present
    specific_duty: Decimal | None = None  # CNY per specific_unit
    specific_unit: str = ""
    consumption_tax_rate: Decimal | None = None  # percent
    consumption_tax_specific: Decimal | None = None  # CNY per consumption_tax_unit
    consumption_tax_unit: str = ""
    consumption_tax_threshold: tuple[Threshold, ...] = ()
    consumption_tax_below_specific: Decimal | None = None
    source_note: str = ""
    row: int | None = None

    @property
    def duty_rate(self) -> Decimal:
        """The ad valorem duty applied: the provisional (暂定) rate if any, else MFN."""
        return self.provisional_rate if self.provisional_rate is not None else self.mfn_rate

    @property
    def verified(self) -> bool:
        """False when the source note says any part of the line was not checked at line level."""
        return "UNVERIFIED" not in self.source_note.upper()


class TariffTable:
    def __init__(self, lines: Iterable[TariffLine]) -> None:
        self._lines: dict[str, TariffLine] = {}
        for line in lines:
            if line.hs_prefix in self._lines:
                raise ValueError(f"duplicate hs_prefix {line.hs_prefix}")
            self._lines[line.hs_prefix] = line

    @property
    def lines(self) -> tuple[TariffLine, ...]:
        return tuple(self._lines.values())

    @classmethod
    def load(cls, path: str | Path | None = None) -> TariffTable:
        """The table at `path`, or TradeBridge's authored table when None."""
        source = Path(path) if path is not None else DEFAULT_PATH
        return cls.parse(source.read_text(encoding="utf-8-sig"))

    @classmethod
    def parse(cls, text: str) -> TariffTable:
        return cls(_parse(text))

    def lookup(self, hs_code: str) -> TariffLine:
        """The line with the longest prefix of `hs_code`; raises TariffUnknown, MalformedHsCode,
        NonexistentHsCode."""
        code = normalise_hs_code(hs_code)
        for length in range(len(code), 1, -1):
            line = self._lines.get(code[:length])
            if line is not None:
                return line
        raise TariffUnknown(code)


# -- parsing ----------------------------------------------------------------------------------


class _Row:
    """One data row with its file row number; field readers record errors instead of raising."""

    def __init__(self, number: int, values: dict[str, str], errors: list[TariffFileError]):
        self.number = number
        self.values = values
        self.errors = errors

    def fail(self, column: str, message: str) -> None:
        self.errors.append(TariffFileError(self.number, column, message))

    def text(self, column: str) -> str:
        return self.values.get(column, "").strip()

    def decimal(self, column: str, *, required: bool = False) -> Decimal | None:
        raw = self.text(column)
        if not raw:
            if required:
                self.fail(column, "is required")
            return None
        try:
            value = to_decimal(raw, what=column)
        except (TypeError, ValueError):
            self.fail(column, f"{raw!r} is not a number")
            return None
        if value < 0:
            self.fail(column, f"must not be negative, got {raw}")
            return None
        return value

    def unit(self, column: str, allowed: tuple[str, ...], *, required: bool) -> str:
        raw = self.text(column)
        if raw and raw not in allowed:
            self.fail(column, f"unit {raw!r} is not one of {', '.join(allowed)}")
        elif required and not raw:
            self.fail(column, "is required here")
        return raw


def _parse_threshold(row: _Row) -> tuple[Threshold, ...]:
    found = []
    for part in row.text("consumption_tax_threshold").split():
        value, _, unit = part.partition("/")
        try:
            amount = to_decimal(value)
        except (TypeError, ValueError):
            row.fail("consumption_tax_threshold", f"{part!r} is not VALUE/UNIT")
            continue
        if unit not in THRESHOLD_UNITS or amount <= 0:
            row.fail("consumption_tax_threshold", f"{part!r}: unit must be one of {THRESHOLD_UNITS}")
            continue
        found.append(Threshold(amount, unit))
    return tuple(found)


def _parse_line(row: _Row) -> TariffLine | None:
    before = len(row.errors)
    prefix = row.text("hs_prefix")
    if not (prefix.isdigit() and prefix.isascii() and 4 <= len(prefix) <= 10):
        row.fail("hs_prefix", f"{prefix!r} must be 4 to 10 digits")
    elif not in_hs_chapter(prefix):
        row.fail("hs_prefix", f"{prefix} is in no HS chapter (01-97)")
    description = row.text("description")
    if not description:
        row.fail("description", "is required")
    mfn = row.decimal("mfn_rate", required=True)
    vat = row.decimal("vat_rate", required=True)
    if vat is not None and vat not in VAT_RATES:
        row.fail("vat_rate", f"China import VAT is 9 or 13, got {vat}")
    try:
        ct_type = ConsumptionTaxType(row.text("consumption_tax_type") or "none")
    except ValueError:
        row.fail("consumption_tax_type", "must be none, ad_valorem, specific or compound")
        ct_type = ConsumptionTaxType.NONE
    specific_duty = row.decimal("specific_duty")
    specific_unit = row.unit("specific_unit", QUANTITY_UNITS, required=specific_duty is not None)
    ct_rate = row.decimal("consumption_tax_rate")
    ct_specific = row.decimal("consumption_tax_specific")
    needs_rate = ct_type in (ConsumptionTaxType.AD_VALOREM, ConsumptionTaxType.COMPOUND)
    needs_specific = ct_type in (ConsumptionTaxType.SPECIFIC, ConsumptionTaxType.COMPOUND)
    if needs_rate and ct_rate is None:
        row.fail("consumption_tax_rate", f"is required for {ct_type.value}")
    if ct_rate is not None and not (needs_rate and ct_rate < 100):
        row.fail("consumption_tax_rate", f"must be empty for {ct_type.value}, or below 100")
    if needs_specific and ct_specific is None:
        row.fail("consumption_tax_specific", f"is required for {ct_type.value}")
    if ct_specific is not None and not needs_specific:
        row.fail("consumption_tax_specific", f"must be empty for {ct_type.value}")
    below = row.decimal("consumption_tax_below_specific")
    ct_unit = row.unit("consumption_tax_unit", QUANTITY_UNITS, required=needs_specific or below is not None)
    threshold = _parse_threshold(row)
    if below is not None and not threshold:
        row.fail("consumption_tax_below_specific", "needs a consumption_tax_threshold")
    if threshold and ct_type is ConsumptionTaxType.NONE:
        row.fail("consumption_tax_threshold", "given for a line without consumption tax")
    if len(row.errors) > before or mfn is None or vat is None:
        return None
    return TariffLine(
        hs_prefix=prefix,
        description=description,
        mfn_rate=mfn,
        vat_rate=vat,
        consumption_tax_type=ct_type,
        provisional_rate=row.decimal("provisional_rate"),
        specific_duty=specific_duty,
        specific_unit=specific_unit,
        consumption_tax_rate=ct_rate,
        consumption_tax_specific=ct_specific,
        consumption_tax_unit=ct_unit,
        consumption_tax_threshold=threshold,
        consumption_tax_below_specific=below,
        source_note=row.text("source_note"),
        row=row.number,
    )


def _parse(text: str) -> list[TariffLine]:
    errors: list[TariffFileError] = []
    lines: list[TariffLine] = []
    header: list[str] | None = None
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([raw]))
        if header is None:
            header = [c.strip() for c in cells]
            for column in header:
                if column not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
                    errors.append(TariffFileError(number, column, "unknown column"))
            for column in REQUIRED_COLUMNS:
                if column not in header:
                    errors.append(TariffFileError(number, column, "missing column"))
            if errors:
                break
            continue
        if len(cells) != len(header):
            errors.append(TariffFileError(number, "*", f"has {len(cells)} cells, header has {len(header)}"))
            continue
        row = _Row(number, dict(zip(header, cells, strict=True)), errors)
        line = _parse_line(row)
        if line is None:
            continue
        if line.hs_prefix in seen:
            row.fail("hs_prefix", f"{line.hs_prefix} already defined on row {seen[line.hs_prefix]}")
            continue
        seen[line.hs_prefix] = number
        lines.append(line)
    if header is None and not errors:
        errors.append(TariffFileError(1, "*", "no header row"))
    if errors:
        first = errors[0]
        first.errors = errors
        raise first
    return lines

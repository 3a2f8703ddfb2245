"""Cell values as suppliers' spreadsheets really write them: numbers, prices, weights, lengths,
barcodes and yes/no flags, turned into Decimals, ints and clean strings or a `CellError`."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from tradebridge.catalog.domain import gtin_is_valid


class CellError(ValueError):
    """A cell that cannot be used. `code` is stable; `message` is an English sentence."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def strip_text_marker(value: str) -> str:
    """Drop the apostrophe Excel users type to keep `'0123` as text (it is not part of the data)."""
    value = (value or "").strip()
    if value.startswith("'") and len(value) > 1:
        return value[1:].strip()
    return value


# Symbols and words that name a currency. "$" alone is read as USD; "kr" and "¥" are ambiguous
# (SEK/NOK/DKK, CNY/JPY), so they are accepted as decoration but give no currency.
_SYMBOLS = {
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "us$": "USD",
    "hk$": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "s$": "SGD",
    "rmb": "CNY",
    "元": "CNY",
    "¥": None,
    "kr": None,
    "kr.": None,
    ":-": None,  # Swedish "299:-"
}
# Longest first, so "US$" wins over "$".
_SYMBOLS_LONGEST_FIRST = sorted(_SYMBOLS, key=len, reverse=True)
_CODE = re.compile(r"[A-Za-z]{3}")
_PLAIN = re.compile(r"[0-9]+(\.[0-9]+)?")
# Spaces people and locales put between thousands: ordinary, no-break, narrow no-break, thin.
_GROUPING = re.compile(r"[\s\u00a0\u202f\u2009']")
_NUMBER = re.compile(r"[0-9.,\s\u00a0\u202f\u2009']+")


def _split_currency(text: str) -> tuple[str, str | None]:
    """Separate "£4.20", "4,20 €", "SEK 1 299,00", "1,299.00 GBP" into amount text and code."""
    currency: str | None = None
    rest = text
    for symbol in _SYMBOLS_LONGEST_FIRST:
        low = rest.lower()
        if low.startswith(symbol):
            currency, rest = _SYMBOLS[symbol], rest[len(symbol) :]
            break
        if low.endswith(symbol):
            currency, rest = _SYMBOLS[symbol], rest[: -len(symbol)]
            break
    else:
        rest = rest.strip()
        head, tail = rest[:3], rest[-3:]
        if _CODE.fullmatch(head) and (len(rest) == 3 or not rest[3].isalpha()):
            currency, rest = head.upper(), rest[3:]
        elif _CODE.fullmatch(tail) and (len(rest) == 3 or not rest[-4].isalpha()):
            currency, rest = tail.upper(), rest[:-3]
    return rest.strip(), currency


def _normalise_number(text: str) -> str:
    """Decide which of "," and "." is the decimal mark and return a plain "1234.56"."""
    if not _NUMBER.fullmatch(text):
        raise CellError("not_a_number", f"“{text}” is not a number.")
    text = _GROUPING.sub("", text)
    if "," in text and "." in text:
        # Both present: the one that comes last is the decimal mark ("1.299,00", "1,299.00").
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        head, _, tail = text.rpartition(",")
        # "1,299" and "1,299,000" group thousands; "4,20" and "0,0035" use a decimal comma.
        if text.count(",") > 1 or (len(tail) == 3 and head not in ("", "0")):
            text = text.replace(",", "")
        else:
            text = f"{head}.{tail}"
    elif text.count(".") > 1:
        text = text.replace(".", "")  # "1.299.000" can only be grouping
    if not text or text == ".":
        raise CellError("not_a_number", "Enter a number.")
    return text


# No price, quantity, weight or size in a catalog reaches a billion; the columns stop near it
# (PostgreSQL's integer at 2.1 billion, a measure's 9 digits before the point).
TOO_LARGE = Decimal(10**9)


def _sized(number: Decimal, value: str) -> Decimal:
    if abs(number) >= TOO_LARGE:
        raise CellError("too_large", f"“{value}” is too large.")
    return number


def parse_decimal(value: str, *, allow_negative: bool = False) -> Decimal | None:
    """A decimal in either convention ("4.20", "4,20", "1 299,00"); "" gives None."""
    text = strip_text_marker(value)
    if not text:
        return None
    if _PLAIN.fullmatch(text):
        return _sized(Decimal(text), value)
    negative = text.startswith("-") or (text.startswith("(") and text.endswith(")"))
    if negative:
        text = text.strip("-() ")
    try:
        number = Decimal(_normalise_number(text))
    except InvalidOperation as exc:
        raise CellError("not_a_number", f"“{value}” is not a number.") from exc
    if not number.is_finite():
        raise CellError("not_a_number", f"“{value}” is not a number.")
    if negative and number:
        if not allow_negative:
            raise CellError("negative", f"“{value}” is negative; it must be zero or more.")
        number = -number
    return _sized(number, value)


def parse_int(value: str) -> int | None:
    """A whole, non-negative quantity. Excel's "12.0" is accepted; "12.5" and "-1" are not."""
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError("not_whole", f"“{value}” is not a whole number.")
    return int(number)


def parse_price(value: str) -> tuple[Decimal, str | None] | None:
    """An amount with an optional currency: "£4.20", "4,20 €", "SEK 1 299,00", "12.5 USD".

    Returns (amount, ISO code or None), or None for a blank cell. Negative prices are refused."""
    text = strip_text_marker(value)
    if not text:
        return None
    if _PLAIN.fullmatch(text):
        return _sized(Decimal(text), value), None  # "4.20", the usual case, needs no more thought
    negative = text.startswith("-")
    amount_text, currency = _split_currency(text.lstrip("-").strip())
    if amount_text.startswith("-"):
        negative, amount_text = True, amount_text[1:]
    try:
        amount = parse_decimal(amount_text)
    except CellError as exc:
        if exc.code == "too_large":
            raise
        raise CellError("price_invalid", f"“{value}” is not a price.") from exc
    if amount is None:
        raise CellError("price_invalid", f"“{value}” is not a price.")
    if negative and amount:
        raise CellError("negative", f"The price “{value}” is negative.")
    return amount, currency


_GRAMS_PER = {
    "mg": Decimal("0.001"),
    "g": Decimal(1),
    "gram": Decimal(1),
    "grams": Decimal(1),
    "gr": Decimal(1),
    "kg": Decimal(1000),
    "kgs": Decimal(1000),
    "kilo": Decimal(1000),
    "kilos": Decimal(1000),
    "kilogram": Decimal(1000),
    "kilograms": Decimal(1000),
    "lb": Decimal("453.59237"),
    "lbs": Decimal("453.59237"),
    "pound": Decimal("453.59237"),
    "pounds": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
    "ounce": Decimal("28.349523125"),
    "ounces": Decimal("28.349523125"),
}
_CM_PER = {
    "mm": Decimal("0.1"),
    "cm": Decimal(1),
    "m": Decimal(100),
    "in": Decimal("2.54"),
    "inch": Decimal("2.54"),
    "inches": Decimal("2.54"),
    '"': Decimal("2.54"),
}
_MEASURE = re.compile(r"^\s*(?P<number>[-0-9.,\s\u00a0']*[0-9])\s*(?P<unit>[A-Za-z\"]*)\.?\s*$")
# Weights and lengths are stored with three decimal places (models.MEASURE).
_THREE_PLACES = Decimal("0.001")


def _measure(value: str, default_unit: str | None, table: dict[str, Decimal], what: str):
    text = strip_text_marker(value)
    if not text:
        return None
    match = _MEASURE.match(text)
    if not match:
        raise CellError(f"{what}_invalid", f"“{value}” is not a {what} such as “2.5 kg”.")
    unit = (match["unit"] or default_unit or "").lower()
    if unit not in table:
        raise CellError(f"{what}_unit", f"“{value}”: the unit is missing or unknown.")
    number = parse_decimal(match["number"])
    if number is None:
        return None
    return tidy(_sized(number * table[unit], value))


def tidy(number: Decimal) -> Decimal:
    """Three decimal places at most, trailing zeros dropped, never exponent form ("1E+3")."""
    number = number.quantize(_THREE_PLACES)
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def parse_weight_g(value: str, default_unit: str | None = None) -> Decimal | None:
    """Grams from "2.5 kg", "12 oz", "500g" or a bare number in `default_unit`."""
    return _measure(value, default_unit, _GRAMS_PER, "weight")


def parse_length_cm(value: str, default_unit: str | None = "cm") -> Decimal | None:
    """Centimetres from "20 cm", "8 in", "150mm" or a bare number in `default_unit`."""
    return _measure(value, default_unit, _CM_PER, "length")


def unit_known(unit: str, *, weight: bool) -> bool:
    return unit.lower() in (_GRAMS_PER if weight else _CM_PER)


_SCIENTIFIC = re.compile(r"^[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+$")


def clean_gtin(value: str) -> tuple[str, CellError | None]:
    """A GTIN-8/12/13/14 with a valid check digit, else "" and the reason (a warning, not a failure).

    Excel shows long numbers as "3.65275E+11" and saves them so: the digits are gone for good."""
    text = strip_text_marker(value)
    if not text:
        return "", None
    if _SCIENTIFIC.match(text):
        return "", CellError(
            "gtin_mangled",
            f"The barcode “{text}” was turned into scientific notation by Excel and its digits "
            "are lost. Re-export the file, or format the barcode column as Text before saving.",
        )
    digits = re.sub(r"[\s-]", "", text)
    if digits.endswith(".0"):
        digits = digits[:-2]  # a number cell that Excel or a script wrote as a float
    if not digits.isdigit():
        return "", CellError("gtin_invalid", f"“{text}” is not a barcode (GTIN/EAN/UPC digits).")
    if len(digits) in (7, 11) and gtin_is_valid("0" + digits):
        digits = "0" + digits  # the leading zero a number cell drops
    if len(digits) not in (8, 12, 13, 14):
        return "", CellError("gtin_invalid", f"“{text}” has {len(digits)} digits; a GTIN has 8, 12, 13 or 14.")
    if not gtin_is_valid(digits):
        return "", CellError("gtin_check_digit", f"The barcode “{text}” has a wrong check digit.")
    return digits, None


_TRUE = {"1", "true", "yes", "y", "ja", "oui", "active", "published", "publish", "是"}
_FALSE = {"0", "-1", "false", "no", "n", "nej", "non", "draft", "archived", "private", "否"}


def parse_bool(value: str) -> bool | None:
    """Yes/no as spreadsheets write it ("TRUE", "yes", "1"); "" gives None."""
    text = (value or "").strip().lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError("not_yes_no", f"“{value}” is not yes or no.")

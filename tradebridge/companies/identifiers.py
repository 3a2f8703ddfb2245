"""Pure normalisation and validation of official identifiers: UK Companies House and VAT numbers,
China's Unified Social Credit Code and PRC resident identity card numbers.

Each `normalize_*` function returns the canonical form or raises `InvalidIdentifier`, whose `code`
is stable for callers to branch on and whose `message` can be shown as a form field error.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

__all__ = [
    "InvalidIdentifier",
    "normalize_companies_house_number",
    "normalize_prc_resident_id",
    "normalize_uk_vat_number",
    "normalize_uscc",
]


class InvalidIdentifier(ValueError):
    """An identifier that cannot be accepted; `code` says why, `message` says it to a person."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _compact(value: str, separators: str = "") -> str:
    # NFKC folds the full-width digits and letters that Chinese input methods type into ASCII.
    value = "".join(unicodedata.normalize("NFKC", value).split())
    for separator in separators:
        value = value.replace(separator, "")
    # str.upper() turns some non-ASCII letters into ASCII ones ("ß" -> "SS"); leaving such input
    # alone lets the ASCII-only patterns below reject it instead of accepting a different value.
    return value.upper() if value.isascii() else value


# --- UK Companies House company number --------------------------------------------------------

_CH_PREFIXES = frozenset(
    {
        "CE", "CS", "FC", "FE", "GE", "GN", "GS", "IC", "IP", "IS", "LP", "NA", "NC", "NE",
        "NF", "NI", "NL", "NO", "NP", "NR", "NV", "NZ", "OC", "PC", "R0", "RC", "RS", "SA",
        "SC", "SE", "SF", "SG", "SI", "SL", "SO", "SP", "SR", "SS", "SZ", "ZC",
    }
)  # fmt: skip
# Explicit [0-9] because \d would also match non-ASCII digits, which int() then happily reads.
_CH_SHAPE = re.compile(r"(?P<prefix>[A-Z]{2}|R0)(?P<serial>[0-9]{1,6})|(?P<digits>[0-9]{1,8})")
_CH_FORMAT_MESSAGE = (
    "A Companies House number is 8 digits, or 2 letters followed by 6 digits (e.g. 01234567 or SC123456)."
)


def normalize_companies_house_number(value: str) -> str:
    number = _compact(value)
    if not number:
        raise InvalidIdentifier("empty", "Enter a Companies House number.")
    match = _CH_SHAPE.fullmatch(number)
    if match is None:
        raise InvalidIdentifier("ch_number_format", _CH_FORMAT_MESSAGE)
    prefix = match["prefix"] or ""
    if prefix and prefix not in _CH_PREFIXES:
        raise InvalidIdentifier("ch_number_prefix", f"{prefix} is not a Companies House number prefix.")
    serial = match["serial"] or match["digits"]
    # No register issues serial 0, under any prefix.
    if int(serial) == 0:
        raise InvalidIdentifier("ch_number_zero", "The digits of a Companies House number cannot all be zero.")
    # Numbers are often quoted without leading zeros; Companies House pads them back the same way.
    return prefix + serial.zfill(8 - len(prefix))


# --- UK VAT registration number ---------------------------------------------------------------

_VAT_SHAPE = re.compile(r"(?P<kind>GD|HA)(?P<serial>[0-9]{3})|(?P<digits>[0-9]{9}(?:[0-9]{3})?)")
_VAT_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)


def normalize_uk_vat_number(value: str) -> str:
    number = _compact(value, "-.")
    if not number:
        raise InvalidIdentifier("empty", "Enter a UK VAT number.")
    body = number.removeprefix("GB")
    match = _VAT_SHAPE.fullmatch(body)
    if match is None:
        raise InvalidIdentifier("vat_format", "A UK VAT number is GB followed by 9 digits (e.g. GB123456782).")
    if match["kind"] == "GD" and int(match["serial"]) > 499:
        raise InvalidIdentifier("vat_gd_range", "A government department VAT number is GBGD followed by 000 to 499.")
    if match["kind"] == "HA" and int(match["serial"]) < 500:
        raise InvalidIdentifier("vat_ha_range", "A health authority VAT number is GBHA followed by 500 to 999.")
    # A 12-digit number is a 9-digit registration plus a 3-digit branch, which has no check digits.
    if match["digits"]:
        main = match["digits"][:9]
        # All zeros satisfies the modulus 97 check, but is never issued.
        if int(main) == 0:
            raise InvalidIdentifier("vat_zero", "A UK VAT number cannot be all zeros.")
        if not _vat_check_digits_ok(main):
            raise InvalidIdentifier("vat_checksum", "This is not a valid UK VAT number. Check it for typing mistakes.")
    return "GB" + body


def _vat_check_digits_ok(digits: str) -> bool:
    total = sum(w * int(d) for w, d in zip(_VAT_WEIGHTS, digits[:7], strict=True)) + int(digits[7:])
    # HMRC has issued numbers under "modulus 97" and, since November 2009, "modulus 9755",
    # which adds 55 first; a number may be either, so both are accepted.
    return total % 97 == 0 or (total + 55) % 97 == 0


# --- China Unified Social Credit Code (GB 32100-2015) -----------------------------------------

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z: too easily misread
_USCC_VALUES = {ch: value for value, ch in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalize_uscc(value: str) -> str:
    code = _compact(value)
    if not code:
        raise InvalidIdentifier("empty", "Enter a Unified Social Credit Code.")
    if len(code) != 18:
        raise InvalidIdentifier("uscc_length", "A Unified Social Credit Code is 18 characters long.")
    if any(ch not in _USCC_VALUES for ch in code):
        raise InvalidIdentifier(
            "uscc_charset",
            "A Unified Social Credit Code uses only digits and letters, but never I, O, S, V or Z.",
        )
    # Characters 1-2 (registering authority and entity type) keep gaining new letter values, so
    # only the administrative division code is checked for shape.
    if not code[2:8].isdigit():
        raise InvalidIdentifier(
            "uscc_region",
            "Characters 3 to 8 of a Unified Social Credit Code must be digits (the region code).",
        )
    total = sum(w * _USCC_VALUES[ch] for w, ch in zip(_USCC_WEIGHTS, code[:17], strict=True))
    if code[17] != _USCC_ALPHABET[-total % 31]:
        raise InvalidIdentifier(
            "uscc_checksum",
            "This is not a valid Unified Social Credit Code. Check it for typing mistakes.",
        )
    return code


# --- PRC resident identity card number (GB 11643-1999) ----------------------------------------

_PRC_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_PRC_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_PRC_ID_CHECK_CHARS = "10X98765432"
_EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)


def normalize_prc_resident_id(value: str, *, today: datetime.date | None = None) -> str:
    number = _compact(value)
    if not number:
        raise InvalidIdentifier("empty", "Enter a resident identity card number.")
    # Only the 18-character second-generation card: the 15-digit first generation expired in 2013.
    if len(number) != 18:
        raise InvalidIdentifier("prc_id_length", "A resident identity card number is 18 characters long.")
    if not _PRC_ID_SHAPE.fullmatch(number):
        raise InvalidIdentifier(
            "prc_id_format",
            "A resident identity card number is 17 digits followed by a digit or X.",
        )
    if today is None:
        today = datetime.date.today()
    born = _birth_date(number)
    if born is None or not _EARLIEST_BIRTH_DATE <= born <= today:
        raise InvalidIdentifier(
            "prc_id_birth_date",
            "The date of birth in this resident identity card number is not possible.",
        )
    total = sum(w * int(d) for w, d in zip(_PRC_ID_WEIGHTS, number[:17], strict=True))
    if number[17] != _PRC_ID_CHECK_CHARS[total % 11]:
        raise InvalidIdentifier(
            "prc_id_checksum",
            "This is not a valid resident identity card number. Check it for typing mistakes.",
        )
    return number


def _birth_date(number: str) -> datetime.date | None:
    try:
        return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None

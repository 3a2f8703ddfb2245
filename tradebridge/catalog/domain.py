"""Pure catalog rules: certifications, HS code and GTIN shape, which text a machine may write."""

from __future__ import annotations

import re

CERTIFICATIONS = {
    "organic": ("Organic", "有机"),
    "halal": ("Halal", "清真"),
    "kosher": ("Kosher", "犹太洁食"),
    "vegan": ("Vegan", "纯素"),
    "cruelty_free": ("Cruelty-free", "无动物实验"),
    "ce": ("CE", "CE 认证"),
    "ukca": ("UKCA", "UKCA 认证"),
    "fsc": ("FSC", "FSC 森林认证"),
    "gots": ("GOTS", "GOTS 有机纺织品"),
    "fairtrade": ("Fairtrade", "公平贸易"),
    "brc": ("BRCGS", "BRCGS 食品安全"),
}

_HS = re.compile(r"[0-9]{4}([0-9]{2}){0,3}")


def normalise_hs_code(value: str) -> str:
    """Digits only (dots and spaces as people write them are dropped): 4, 6, 8 or 10 digits.
    Returns "" for blank; raises ValueError for anything else."""
    digits = re.sub(r"[\s.]", "", value or "")
    if not digits:
        return ""
    if not _HS.fullmatch(digits):
        raise ValueError("An HS code is 4, 6, 8 or 10 digits, e.g. 1905.31 or 6117100000.")
    return digits


def gtin_is_valid(gtin: str) -> bool:
    """GTIN-8/12/13/14 with a correct mod-10 check digit."""
    if not gtin.isdigit() or len(gtin) not in (8, 12, 13, 14):
        return False
    digits = [int(d) for d in gtin]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def machine_may_write(current_text: str, is_machine: bool) -> bool:
    """Machine translation fills blanks and refreshes its own output, never a person's words."""
    return not current_text.strip() or is_machine

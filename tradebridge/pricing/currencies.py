"""The ISO 4217 currencies TradeBridge trades in, with their minor units (decimal places)."""

from __future__ import annotations

MINOR_UNITS: dict[str, int] = {
    "GBP": 2,
    "CNY": 2,
    "USD": 2,
    "EUR": 2,
    "HKD": 2,
    "JPY": 0,
    "KRW": 0,
    "SEK": 2,
    "AUD": 2,
    "NZD": 2,
    "SGD": 2,
    "CHF": 2,
    "CAD": 2,
}
CURRENCY_CHOICES = [(code, code) for code in MINOR_UNITS]


def is_currency(code: str) -> bool:
    return code in MINOR_UNITS

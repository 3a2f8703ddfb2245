"""Pricing's messages in the user's language: field errors by code (registered with core), and
the unknowns and warnings of a landed-cost breakdown, which the domain states in English."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "unknown_hs_code:hs_code": _("This product's HS code does not exist. Ask the supplier to correct it."),
        "variant_invalid": _("That SKU is not part of this product."),
        "too_long:destination_city": _("Keep the city under 100 characters."),
        "malformed:hs_code": _("This product's HS code is not 4, 6, 8 or 10 digits. Ask the supplier to correct it."),
    }
)

_BREAKDOWN = {
    "rate_unknown": _("No exchange rate from %(currency)s to CNY is on file, so the price cannot be converted."),
    "tariff_unknown": _(
        "Rate unknown: no tariff line covers HS code %(hs_code)s, so duty and taxes cannot be worked out."
    ),
    "hs_code_missing": _(
        "Rate unknown: the supplier has not given an HS code, so duty and taxes cannot be worked out."
    ),
    "measure_needed": _("The tax on this product depends on a measure the supplier has not given (%(measure)s)."),
    "freight_unknown": _("The operator's freight table cannot price this shipment."),
    "rate_stale": _("The %(pair)s exchange rate dates from %(date)s and may be out of date."),
    "tariff_unverified": _(
        "Tariff line %(hs_prefix)s has not been checked against the published tariff yet; "
        "treat its duty and taxes as an estimate."
    ),
}


def describe(code: str, params: tuple[tuple[str, str], ...], english: str) -> str:
    """The translated sentence for a breakdown unknown or warning; the English text if the code
    has none (a new code must not hide what went wrong)."""
    message = _BREAKDOWN.get(code)
    if message is None:
        return english
    try:
        return str(message) % dict(params)
    except (KeyError, TypeError, ValueError):
        return english

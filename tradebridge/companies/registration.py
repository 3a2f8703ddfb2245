"""Which identity numbers a company must give, checked and normalised; pure, no Django.

A UK supplier proves it exists with its Companies House number (its VAT number is optional
but checked when given); a Chinese buyer gives its unified social credit code.
"""

from __future__ import annotations

from tradebridge.companies import identifiers
from tradebridge.companies.domain import Kind
from tradebridge.core.errors import DomainError, FieldError

CHECKS = {
    "companies_house_number": identifiers.normalize_companies_house_number,
    "vat_number": identifiers.normalize_uk_vat_number,
    "uscc": identifiers.normalize_uscc,
}
# Every number a form or API client may ask us to check, company numbers and the PRC ID card.
SCHEMES = CHECKS | {"prc_resident_id": identifiers.normalize_prc_resident_id}


def check_one(scheme: str, value: str) -> str:
    """Normalise one number, or raise DomainError with field "value"."""
    check = SCHEMES.get(scheme)
    if check is None:
        raise DomainError("scheme_invalid", f"Choose one of: {', '.join(SCHEMES)}.", "scheme")
    try:
        return check(value or "")
    except identifiers.InvalidIdentifier as exc:
        raise DomainError(exc.code, exc.message, "value") from None


def required_identifiers(kind: Kind, country: str) -> tuple[str, ...]:
    if kind == Kind.SUPPLIER and country == "GB":
        return ("companies_house_number",)
    if kind == Kind.BUYER and country == "CN":
        return ("uscc",)
    return ()


def clean_identifiers(kind: Kind, country: str, values: dict[str, str]) -> dict[str, str]:
    """Return every identifier normalised (blank where not given), or raise one DomainError
    carrying a FieldError for each field at fault."""
    cleaned: dict[str, str] = {}
    errors: list[FieldError] = []
    required = required_identifiers(kind, country.upper())
    for field, check in CHECKS.items():
        raw = (values.get(field) or "").strip()
        if not raw:
            cleaned[field] = ""
            if field in required:
                errors.append(FieldError("required", _REQUIRED[field], field))
            continue
        try:
            cleaned[field] = check(raw)
        except identifiers.InvalidIdentifier as exc:
            errors.append(FieldError(exc.code, exc.message, field))
    if errors:
        raise DomainError.many(errors)
    return cleaned


_REQUIRED = {
    "companies_house_number": "UK suppliers must give their Companies House number.",
    "vat_number": "Give your VAT registration number.",
    "uscc": "Chinese companies must give their unified social credit code.",
}

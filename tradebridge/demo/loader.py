"""Loads the demo data set into the database; running it twice changes nothing."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tradebridge.accounts.models import User
from tradebridge.catalog.categories import load_default_tree
from tradebridge.catalog.imports import run_import
from tradebridge.companies.domain import Verification
from tradebridge.companies.models import Company, Membership, VerificationEvent
from tradebridge.demo.catalog import CATALOGS
from tradebridge.demo.dataset import (
    ALL_COMPANIES,
    DEMO_PASSWORD,
    OPERATOR,
    SECOND_MEMBERSHIPS,
    DemoCompany,
)
from tradebridge.pricing.models import ExchangeRate, FreightRate

PROFILE = (
    "name_zh",
    "country",
    "region",
    "sector",
    "description",
    "description_zh",
    "companies_house_number",
    "vat_number",
    "uscc",
    "website",
)


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create what is missing; leave what exists (and anything a demo user changed) alone."""
    created = {"companies": 0, "users": 0, "products": 0}
    # One hash for every demo user: Argon2 is slow on purpose, and they share a password.
    password_hash = make_password(DEMO_PASSWORD)
    operator_user = None
    for spec in ALL_COMPANIES:
        company, made = Company.objects.get_or_create(
            kind=spec.kind, name=spec.name, defaults={f: getattr(spec, f) for f in PROFILE}
        )
        created["companies"] += made
        for person in spec.users:
            user, user_made = _user(
                person.email,
                person.full_name,
                person.language,
                password_hash,
                staff=spec is OPERATOR,
            )
            created["users"] += user_made
            Membership.objects.get_or_create(user=user, company=company, defaults={"role": person.role})
            if spec is OPERATOR:
                operator_user = user
        if made:
            _set_verification(company, spec, operator_user)
    load_default_tree()
    created["products"] = _load_catalogs()
    _load_rates()
    for email, company_name, role in SECOND_MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=User.objects.get(email=email),
            company=Company.objects.get(name=company_name),
            defaults={"role": role},
        )
    return created


# Indicative mid-market rates of late 2026 for the demo; operators load real ones.
DEMO_RATES = {
    ("GBP", "CNY"): "9.1032",
    ("USD", "CNY"): "7.1180",
    ("EUR", "CNY"): "7.7045",
    ("HKD", "CNY"): "0.9148",
    ("SEK", "CNY"): "0.6712",
    ("GBP", "USD"): "1.2789",
    ("GBP", "EUR"): "1.1815",
}


# Indicative UK→China forwarder prices for the demo, in GBP.
DEMO_FREIGHT = [
    {"mode": "sea_lcl", "price": "85", "minimum": "95", "carrier": "Demo forwarder"},
    {"mode": "air", "price": "4.20", "minimum": "60", "carrier": "Demo forwarder"},
    {"mode": "express", "price": "14", "up_to_kg": "5", "carrier": "Demo courier"},
    {"mode": "express", "price": "9", "up_to_kg": "20", "carrier": "Demo courier"},
    {"mode": "express", "price": "6.50", "up_to_kg": "70", "carrier": "Demo courier"},
]


def _load_rates() -> None:
    if not FreightRate.objects.exists():
        FreightRate.objects.bulk_create(FreightRate(currency="GBP", **row) for row in DEMO_FREIGHT)
    if ExchangeRate.objects.exists():
        return
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    ExchangeRate.objects.bulk_create(
        ExchangeRate(base=base, quote=quote, rate=rate, valid_from=today, source="TradeBridge demo (indicative)")
        for (base, quote), rate in DEMO_RATES.items()
    )


def _load_catalogs() -> int:
    """Each demo supplier's products, once: a supplier that has any keeps what it has."""
    created = 0
    for name, records in CATALOGS.items():
        supplier = Company.objects.get(name=name, kind="supplier")
        if supplier.products.exists():
            continue
        created += run_import(supplier=supplier, records=records, file_format="demo").products_created
    return created


def _user(email: str, full_name: str, language: str, password_hash: str, *, staff: bool):
    user, made = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": full_name,
            "preferred_language": language,
            "password": password_hash,
            "is_staff": staff,
            "is_superuser": staff,
        },
    )
    return user, made


def _set_verification(company: Company, spec: DemoCompany, operator_user: User | None) -> None:
    """Replay the moves that lead to the demo status, so its history reads like the real thing."""
    now = timezone.now()
    path = {
        "pending": [Verification.PENDING],
        "verified": [Verification.PENDING, Verification.VERIFIED],
        "rejected": [Verification.PENDING, Verification.REJECTED],
    }.get(spec.verification, [])
    current = Verification.UNVERIFIED
    for target in path:
        VerificationEvent.objects.create(
            company=company,
            from_status=current.value,
            to_status=target.value,
            actor=operator_user if target != Verification.PENDING else None,
            actor_company=Company.objects.filter(kind="operator").first(),
            reason="Demo data" if target != Verification.PENDING else "",
            at=now,
        )
        current = target
    if path:
        company.verification_status = current.value
        company.verification_decided_at = now
        company.verification_decided_by = operator_user if current != Verification.PENDING else None
        company.save(
            update_fields=[
                "verification_status",
                "verification_decided_at",
                "verification_decided_by",
            ]
        )

"""Small, explicit builders for tests. Each makes exactly what it says, nothing shared."""

from __future__ import annotations

import itertools

from tradebridge.accounts.models import User
from tradebridge.companies.models import Company, Membership

PASSWORD = "correct-horse-battery-staple"
_seq = itertools.count(1)


def user(*, email: str | None = None, full_name: str = "Test Person", password: str = PASSWORD, **extra) -> User:
    n = next(_seq)
    return User.objects.create_user(
        email=email or f"person{n}@example.com", password=password, full_name=full_name, **extra
    )


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(n: int) -> str:
    """A unified social credit code with a correct check character, unique per n."""
    body = f"91310000MA{n:07d}"
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]


def company(*, kind: str = "supplier", name: str | None = None, country: str | None = None, **extra) -> Company:
    """A company that satisfies its kind's identity rules: UK suppliers have a Companies House
    number, Chinese buyers a unified social credit code."""
    n = next(_seq)
    country = country or ("CN" if kind == "buyer" else "GB")
    if kind == "supplier" and country == "GB":
        extra.setdefault("companies_house_number", f"{n:08d}")
    if kind == "buyer" and country == "CN":
        extra.setdefault("uscc", uscc(n))
    return Company.objects.create(kind=kind, name=name or f"{kind.title()} Company {n}", country=country, **extra)


def member(
    *,
    kind: str = "supplier",
    role: str = "owner",
    the_user: User | None = None,
    the_company: Company | None = None,
    **company_fields,
) -> Membership:
    """A user in a company with a role; makes whichever of the two is not given."""
    return Membership.objects.create(
        user=the_user or user(),
        company=the_company or company(kind=kind, **company_fields),
        role=role,
    )

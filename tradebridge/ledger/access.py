"""Whose statement a member may read: their own company's; the operator may read anyone's."""

from __future__ import annotations

from tradebridge.companies.domain import Kind
from tradebridge.companies.models import Company, Membership
from tradebridge.core.errors import NotFound

# The currency a party's statement opens in: buyers pay in yuan, suppliers are paid in pounds.
DEFAULT_CURRENCY = {Kind.BUYER.value: "CNY", Kind.SUPPLIER.value: "GBP", Kind.OPERATOR.value: "GBP"}


def statement_company(membership: Membership, company_id: int | None) -> Company:
    """The company whose statement is asked for; another company's is a 404 unless the member
    acts for the operator, who answers for every party's money."""
    own = membership.company
    if company_id is None or company_id == own.pk:
        return own
    if own.kind == Kind.OPERATOR.value:
        company = Company.objects.filter(pk=company_id).first()
        if company is not None:
            return company
    raise NotFound("statement_not_found", "No such statement.", "company_id")

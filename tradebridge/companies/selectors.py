"""Reads for companies, shaped for pages and endpoints."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tradebridge.companies.domain import Kind, Verification
from tradebridge.companies.models import Company, Invitation, Membership, VerificationEvent


def public_company(company_id: int) -> Company | None:
    return Company.objects.filter(pk=company_id).first()


def members(company: Company) -> QuerySet[Membership]:
    return Membership.objects.filter(company=company).select_related("user").order_by("created_at", "id")


def open_invitations(company: Company) -> QuerySet[Invitation]:
    return Invitation.objects.filter(company=company, accepted_at__isnull=True, revoked_at__isnull=True).select_related(
        "invited_by"
    )


def verification_queue() -> QuerySet[Company]:
    return Company.objects.filter(
        kind__in=[Kind.SUPPLIER.value, Kind.BUYER.value],
        verification_status=Verification.PENDING.value,
    ).order_by("verification_decided_at", "id")


def verification_history(company: Company) -> QuerySet[VerificationEvent]:
    return VerificationEvent.objects.filter(company=company).select_related("actor", "actor_company")


def verification_counts(kinds: tuple[Kind, ...] = (Kind.SUPPLIER, Kind.BUYER)) -> dict[str, int]:
    """Companies per verification status, for the reviewers' dashboards, in one query."""
    row = Company.objects.filter(kind__in=[k.value for k in kinds]).aggregate(
        total=Count("id"),
        **{v.value: Count("id", filter=Q(verification_status=v.value)) for v in Verification},
    )
    return row


def directory(kind: Kind | None = None, query: str = "") -> QuerySet[Company]:
    companies = Company.objects.filter(kind__in=[Kind.SUPPLIER.value, Kind.BUYER.value])
    if kind:
        companies = companies.filter(kind=kind.value)
    if query:
        companies = companies.filter(Q(name__icontains=query) | Q(name_zh__icontains=query))
    return companies.order_by("name", "id")

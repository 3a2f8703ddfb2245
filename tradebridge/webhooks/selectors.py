"""Webhook reads for the pages and the API, always scoped to the member's company."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from tradebridge.companies.models import Membership
from tradebridge.webhooks.models import Delivery, Endpoint


def endpoints(membership: Membership) -> QuerySet[Endpoint]:
    return Endpoint.objects.filter(company_id=membership.company_id).annotate(delivery_count=Count("deliveries"))


def deliveries(membership: Membership, *, endpoint_id: int | None = None, status: str = "") -> QuerySet[Delivery]:
    rows = Delivery.objects.filter(endpoint__company_id=membership.company_id).select_related("endpoint")
    if endpoint_id is not None:
        rows = rows.filter(endpoint_id=endpoint_id)
    if status in Delivery.Status.values:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-id")

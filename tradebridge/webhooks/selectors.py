"""Webhook reads for the pages and the API, always scoped to the member's company."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from tradebridge.companies.models import Membership
from tradebridge.core.queries import is_key
from tradebridge.webhooks.models import Delivery, Endpoint


def endpoints(membership: Membership) -> QuerySet[Endpoint]:
    return Endpoint.objects.filter(company_id=membership.company_id).annotate(delivery_count=Count("deliveries"))


def deliveries(membership: Membership, *, endpoint_id: int | None = None, status: str = "") -> QuerySet[Delivery]:
    rows = Delivery.objects.filter(endpoint__company_id=membership.company_id).select_related("endpoint")
    if endpoint_id is not None:
        # No endpoint has an id outside 64 bits; the engines would refuse it as a parameter.
        rows = rows.filter(endpoint_id=endpoint_id) if is_key(endpoint_id) else rows.none()
    if status in Delivery.Status.values:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-id")

"""Webhook endpoints and the delivery log under /api/v1/webhooks, for a supplier's owner or admin."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Field, Router, Schema, Status

from tradebridge.core.queries import page_of
from tradebridge.webhooks import domain, selectors, services

router = Router(tags=["webhooks"])


class EndpointIn(Schema):
    url: str = Field(..., max_length=500)
    events: list[str] = Field(..., description="Any of GET /webhooks/events")
    description: str = Field("", max_length=200)


class EndpointOut(Schema):
    id: int
    url: str
    description: str
    events: list[str]
    is_active: bool
    secret_hint: str
    created_at: datetime


class EndpointCreatedOut(EndpointOut):
    secret: str = Field(..., description="The signing secret. Returned only in this response: store it.")


class AttemptOut(Schema):
    number: int
    started_at: datetime
    duration_ms: int
    status_code: int | None
    error: str


class DeliveryOut(Schema):
    id: int
    uuid: UUID
    endpoint_id: int
    event: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str
    created_at: datetime
    delivered_at: datetime | None


class DeliveryDetailOut(DeliveryOut):
    payload: dict
    attempt_log: list[AttemptOut]


@router.get("/webhooks/events", response=list[str])
def events(request):
    """The events an endpoint can subscribe to."""
    return list(domain.EVENTS)


@router.get("/webhooks/endpoints", response=list[EndpointOut])
def list_endpoints(request):
    return list(selectors.endpoints(services.require_manager(request.membership)))


@router.post("/webhooks/endpoints", response={201: EndpointCreatedOut})
def create_endpoint(request, payload: EndpointIn):
    endpoint, secret = services.create_endpoint(membership=request.membership, **payload.dict())
    return Status(201, {**EndpointOut.from_orm(endpoint).model_dump(), "secret": secret})


@router.delete("/webhooks/endpoints/{endpoint_id}", response={204: None})
def delete_endpoint(request, endpoint_id: int):
    services.delete_endpoint(membership=request.membership, endpoint_id=endpoint_id)
    return Status(204, None)


@router.get("/webhooks/deliveries", response=list[DeliveryOut])
def list_deliveries(request, endpoint_id: int | None = None, status: str = "", limit: int = 50, offset: int = 0):
    membership = services.require_manager(request.membership)
    rows = selectors.deliveries(membership, endpoint_id=endpoint_id, status=status)
    return page_of(rows, limit=limit, offset=offset, most=200)


@router.get("/webhooks/deliveries/{delivery_id}", response=DeliveryDetailOut)
def get_delivery(request, delivery_id: int):
    delivery = services.own_delivery(services.require_manager(request.membership), delivery_id)
    return {
        **DeliveryOut.from_orm(delivery).model_dump(),
        "payload": delivery.payload,
        "attempt_log": list(delivery.attempt_log.all()),
    }


@router.post("/webhooks/deliveries/{delivery_id}/resend", response={202: DeliveryOut})
def resend(request, delivery_id: int):
    """Send the delivery again now (with a fresh set of retries if it fails)."""
    return Status(202, services.resend(membership=request.membership, delivery_id=delivery_id))

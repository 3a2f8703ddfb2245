"""Webhook writes: registering endpoints, emitting events, attempting and resending deliveries."""

from __future__ import annotations

import json
import logging
import secrets
import time
from datetime import timedelta
from functools import partial
from http.client import HTTPException
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from tradebridge.companies.access import require
from tradebridge.companies.domain import MANAGER_ROLES, Kind
from tradebridge.companies.models import Membership
from tradebridge.core.errors import DomainError, NotFound
from tradebridge.webhooks import domain, transport
from tradebridge.webhooks.models import Delivery, DeliveryAttempt, Endpoint

log = logging.getLogger(__name__)


def require_manager(membership: Membership | None) -> Membership:
    """Webhooks carry order data out of the marketplace: a supplier's owner or admin decides."""
    return require(membership, roles=MANAGER_ROLES, kinds=(Kind.SUPPLIER,))


def _allow_private() -> bool:
    return bool(settings.WEBHOOKS_ALLOW_PRIVATE_NETWORKS)


def own_endpoint(membership: Membership, endpoint_id: int) -> Endpoint:
    endpoint = Endpoint.objects.filter(pk=endpoint_id, company_id=membership.company_id).first()
    if endpoint is None:
        raise NotFound("webhook_endpoint_not_found", "No such webhook endpoint.", "endpoint_id")
    return endpoint


def own_delivery(membership: Membership, delivery_id: int) -> Delivery:
    delivery = (
        Delivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, endpoint__company_id=membership.company_id)
        .first()
    )
    if delivery is None:
        raise NotFound("webhook_delivery_not_found", "No such webhook delivery.", "delivery_id")
    return delivery


@transaction.atomic
def create_endpoint(
    *, membership: Membership | None, url: str, events: list[str], description: str = ""
) -> tuple[Endpoint, str]:
    """Register an endpoint; returns it with its signing secret, which is shown only this once."""
    membership = require_manager(membership)
    url = domain.check_url(url)
    if not domain.host_allowed(urlsplit(url).hostname or "", allow_private=_allow_private()):
        raise DomainError("webhook_url_private", "Webhooks cannot go to private or local network addresses.", "url")
    unknown = sorted(set(events) - set(domain.EVENTS))
    if unknown:
        raise DomainError("webhook_event_unknown", f"Unknown events: {', '.join(unknown)}.", "events")
    if not events:
        raise DomainError("webhook_events_required", "Choose at least one event.", "events")
    if len(description) > 200:
        raise DomainError("webhook_description_too_long", "Keep the description under 200 characters.", "description")
    company_endpoints = Endpoint.objects.select_for_update().filter(company_id=membership.company_id)
    if len(company_endpoints) >= domain.MAX_ENDPOINTS_PER_COMPANY:
        raise DomainError(
            "webhook_endpoint_limit", f"A company can have up to {domain.MAX_ENDPOINTS_PER_COMPANY} endpoints.", "url"
        )
    secret = f"whsec_{secrets.token_urlsafe(32)}"
    endpoint = Endpoint.objects.create(
        company_id=membership.company_id,
        url=url,
        description=description.strip(),
        secret=secret,
        events=[e for e in domain.EVENTS if e in set(events)],
        created_by=membership.user,
    )
    return endpoint, secret


@transaction.atomic
def delete_endpoint(*, membership: Membership | None, endpoint_id: int) -> None:
    """Remove the endpoint and its delivery log; queued attempts then find nothing to send."""
    membership = require_manager(membership)
    own_endpoint(membership, endpoint_id).delete()


def _enqueue(delivery_id: int, attempt: int, run_after=None) -> None:
    from tradebridge.webhooks.tasks import deliver

    task = deliver.using(run_after=run_after) if run_after is not None else deliver
    task.enqueue(delivery_id, attempt)


def emit(*, company_id: int, event: str, payload: dict) -> None:
    """Queue `event` for each of the company's active endpoints subscribed to it. The deliveries
    are rows now; their tasks are queued when the surrounding transaction commits."""
    if event not in domain.EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    endpoints = [e for e in Endpoint.objects.filter(company_id=company_id, is_active=True) if event in e.events]
    if not endpoints:
        return
    with transaction.atomic():
        for endpoint in endpoints:
            delivery = Delivery.objects.create(
                endpoint=endpoint, event=event, payload=payload, attempt_limit=domain.MAX_ATTEMPTS
            )
            transaction.on_commit(partial(_enqueue, delivery.pk, 1))


def request_body(delivery: Delivery) -> bytes:
    envelope = {
        "id": str(delivery.uuid),
        "event": delivery.event,
        "created_at": delivery.created_at.isoformat(),
        "company_id": delivery.endpoint.company_id,
        "data": delivery.payload,
    }
    return json.dumps(envelope, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()


def _claim(delivery_id: int, attempt: int) -> bool:
    """Take attempt number `attempt`; a stale or duplicate task finds it already taken."""
    return bool(
        Delivery.objects.filter(pk=delivery_id, attempts=attempt - 1)
        .exclude(status=Delivery.Status.SUCCEEDED)
        .update(attempts=attempt, next_attempt_at=None)
    )


def attempt_delivery(*, delivery_id: int, attempt: int) -> str:
    """Send attempt `attempt` of a delivery, log it, and schedule the next one if it failed."""
    if not _claim(delivery_id, attempt):
        return "skipped"
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    body = request_body(delivery)
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "TradeBridge-Webhooks/1",
        domain.EVENT_HEADER: delivery.event,
        domain.DELIVERY_HEADER: str(delivery.uuid),
        domain.SIGNATURE_HEADER: domain.signature_header(endpoint.secret, timestamp, body),
    }
    started_at, clock = timezone.now(), time.monotonic()
    status_code, error, excerpt, permanent = None, "", "", False
    if not endpoint.is_active:
        error, permanent = "The endpoint is disabled.", True
    else:
        try:
            response = transport.post(url=endpoint.url, body=body, headers=headers, allow_private=_allow_private())
        except transport.Refused as exc:
            error, permanent = f"Refused: {exc}", True
        except (OSError, HTTPException) as exc:
            error = f"{type(exc).__name__}: {exc}"[:1000]
        else:
            status_code, excerpt = response.status, response.excerpt
            if not 200 <= status_code < 300:
                error = f"HTTP {status_code}"
    duration_ms = int((time.monotonic() - clock) * 1000)
    return _record(delivery, attempt, started_at, duration_ms, status_code, error, excerpt, permanent)


@transaction.atomic
def _record(delivery, attempt, started_at, duration_ms, status_code, error, excerpt, permanent) -> str:
    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=attempt,
        started_at=started_at,
        duration_ms=duration_ms,
        status_code=status_code,
        error=error,
        response_excerpt=excerpt,
    )
    fields = {"last_status_code": status_code, "last_error": error}
    if not error:
        fields.update(status=Delivery.Status.SUCCEEDED, delivered_at=timezone.now())
        outcome = "succeeded"
    elif attempt < delivery.attempt_limit and not permanent:
        next_at = timezone.now() + timedelta(seconds=domain.backoff_seconds(attempt))
        fields.update(status=Delivery.Status.PENDING, next_attempt_at=next_at)
        transaction.on_commit(partial(_enqueue, delivery.pk, attempt + 1, next_at))
        outcome = "retrying"
    else:
        fields.update(status=Delivery.Status.FAILED)
        outcome = "failed"
        log.warning("Webhook delivery %s failed after %s attempts: %s", delivery.pk, attempt, error)
    Delivery.objects.filter(pk=delivery.pk).update(**fields)
    return outcome


@transaction.atomic
def resend(*, membership: Membership | None, delivery_id: int) -> Delivery:
    """Send a delivery again now, with a fresh set of retries (a delivered one too: the receiver
    may have lost it). Any retry already scheduled becomes stale and is skipped."""
    membership = require_manager(membership)
    delivery = own_delivery(membership, delivery_id)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.PENDING,
        attempt_limit=delivery.attempts + domain.MAX_ATTEMPTS,
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(_enqueue, delivery.pk, delivery.attempts + 1))
    delivery.refresh_from_db()
    return delivery

"""Deliveries to a real HTTP server through the real task queue and worker."""

import json
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.webhooks.receiver import receiver
from tradebridge.webhooks import domain, services
from tradebridge.webhooks.models import Delivery

pytestmark = pytest.mark.django_db(transaction=True)


def drain() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def time_passes() -> None:
    """Make the retries that are waiting for their backoff due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))


@pytest.fixture
def supplier():
    return factories.member(kind="supplier", role="owner")


def register(member, url, events=("order.paid",)):
    endpoint, secret = services.create_endpoint(membership=member, url=url, events=list(events))
    return endpoint, secret


def test_an_event_is_delivered_signed_and_verifiable(supplier):
    with receiver() as hook:
        _, secret = register(supplier, hook.url)
        with transaction.atomic():
            services.emit(
                company_id=supplier.company_id, event="order.paid", payload={"order_id": 12, "total": "1000.00"}
            )
            assert DBTaskResult.objects.count() == 0  # queued only once the transaction commits
        drain()
    assert len(hook.requests) == 1
    request = hook.requests[0]
    body = json.loads(request.body)
    assert body["event"] == "order.paid" and body["data"] == {"order_id": 12, "total": "1000.00"}
    assert request.path == "/hooks/tradebridge"
    assert request.headers[domain.EVENT_HEADER] == "order.paid"
    assert domain.verify(secret, request.headers[domain.SIGNATURE_HEADER], request.body, now=int(time.time()))
    assert not domain.verify(
        "whsec_wrong", request.headers[domain.SIGNATURE_HEADER], request.body, now=int(time.time())
    )
    delivery = Delivery.objects.get()
    assert request.headers[domain.DELIVERY_HEADER] == str(delivery.uuid) == body["id"]
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 200)
    assert delivery.attempt_log.get().status_code == 200


def test_only_subscribed_active_endpoints_of_that_company_receive_the_event(supplier):
    other = factories.member(kind="supplier", role="owner")
    with receiver() as hook:
        register(supplier, hook.url, events=["order.shipped"])
        register(other, hook.url, events=["order.paid"])
        services.emit(company_id=supplier.company_id, event="order.paid", payload={})
        drain()
    assert hook.requests == []
    assert not Delivery.objects.exists()


def test_a_failing_endpoint_is_retried_with_backoff_until_the_third_attempt_succeeds(supplier):
    with receiver(500, 503) as hook:
        register(supplier, hook.url)
        services.emit(company_id=supplier.company_id, event="order.paid", payload={"order_id": 1})
        drain()
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_error) == ("pending", 1, "HTTP 500")
        waiting = DBTaskResult.objects.get(status="READY")
        assert waiting.run_after is not None and waiting.run_after > timezone.now()  # backing off
        assert delivery.next_attempt_at == waiting.run_after
        drain()
        assert len(hook.requests) == 1  # nothing runs before its time
        time_passes()
        drain()
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.last_status_code) == (2, 503)
        second_wait = DBTaskResult.objects.get(status="READY").run_after - delivery.attempt_log.last().started_at
        assert second_wait > timedelta(seconds=domain.backoff_seconds(1))  # the wait doubled
        time_passes()
        drain()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("succeeded", 3)
    assert [a.status_code for a in delivery.attempt_log.all()] == [500, 503, 200]
    assert len(hook.requests) == 3
    assert len({r.headers[domain.DELIVERY_HEADER] for r in hook.requests}) == 1


def test_a_delivery_gives_up_after_its_last_attempt(supplier, monkeypatch):
    monkeypatch.setattr(domain, "MAX_ATTEMPTS", 2)
    with receiver(500, 500, 500) as hook:
        register(supplier, hook.url)
        services.emit(company_id=supplier.company_id, event="order.paid", payload={})
        drain()
        time_passes()
        drain()
        time_passes()
        drain()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 2)
    assert len(hook.requests) == 2
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_resend_sends_again_and_a_scheduled_retry_does_not_double_it(supplier):
    with receiver(500) as hook:
        register(supplier, hook.url)
        services.emit(company_id=supplier.company_id, event="order.paid", payload={})
        drain()
        delivery = Delivery.objects.get()
        services.resend(membership=supplier, delivery_id=delivery.pk)
        drain()  # the resend runs now
        time_passes()
        drain()  # the retry scheduled after the first failure finds its attempt taken
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)
    assert len(hook.requests) == 2


def test_an_unreachable_endpoint_is_logged_and_retried(supplier):
    with receiver() as hook:
        url = hook.url
    register(supplier, url)  # the server is gone: connection refused
    services.emit(company_id=supplier.company_id, event="order.paid", payload={})
    drain()
    delivery = Delivery.objects.get()
    assert delivery.status == "pending" and "ConnectionRefusedError" in delivery.last_error
    assert delivery.attempt_log.get().status_code is None


def test_in_production_a_name_resolving_to_loopback_is_refused_at_delivery(supplier):
    with receiver() as hook:
        register(supplier, hook.url.replace("127.0.0.1", "localhost"))
        with override_settings(WEBHOOKS_ALLOW_PRIVATE_NETWORKS=False):
            services.emit(company_id=supplier.company_id, event="order.paid", payload={})
            drain()
    assert hook.requests == []
    delivery = Delivery.objects.get()
    assert delivery.status == "failed" and "private or reserved" in delivery.last_error
    assert not DBTaskResult.objects.filter(status="READY").exists()  # no point retrying

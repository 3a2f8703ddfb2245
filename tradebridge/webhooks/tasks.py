"""The background task that sends one attempt of a webhook delivery."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver(delivery_id: int, attempt: int) -> str:
    from tradebridge.webhooks.services import attempt_delivery

    return attempt_delivery(delivery_id=delivery_id, attempt=attempt)

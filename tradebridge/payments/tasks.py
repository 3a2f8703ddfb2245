"""The simulated gateway's outbound side: POST a signed webhook over real HTTP, from the worker.

Signed at send time (as real gateways do), so a delivery that waited in the queue is not
refused as a replay. A failed delivery is queued again with backoff, like a gateway's retries;
a refusal that cannot get better (400, 401, 404) is not.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from django_tasks import task

from tradebridge.payments.providers import simulator

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
TIMEOUT_SECONDS = 10
FINAL_STATUSES = {400, 401, 404}


def backoff(attempt: int) -> timedelta:
    return timedelta(seconds=5 * 2 ** (attempt - 1))  # 5 s, 10 s, 20 s, … after attempts 1, 2, 3


def post_signed(*, url: str, event_id: str, body: bytes) -> int | None:
    """POST the event; the HTTP status, or None when the endpoint could not be reached."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise ValueError(f"webhook URL must be http(s): {url!r}")
    headers = {**simulator.signed_headers(body=body, event_id=event_id), "content-type": "application/json"}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 (scheme checked)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        log.warning("Simulated webhook %s could not reach %s: %s", event_id, url, exc)
        return None


@task()
def deliver_simulated_webhook(url: str, event_id: str, body: str, attempt: int = 1) -> str:
    status = post_signed(url=url, event_id=event_id, body=body.encode())
    if status is not None and 200 <= status < 300:
        return "delivered"
    if status in FINAL_STATUSES:
        log.error("Simulated webhook %s refused with %s; not retrying", event_id, status)
        return f"refused {status}"
    if attempt >= MAX_ATTEMPTS:
        log.error("Simulated webhook %s undelivered after %s attempts", event_id, attempt)
        return "gave up"
    deliver_simulated_webhook.using(run_after=timezone.now() + backoff(attempt)).enqueue(
        url=url, event_id=event_id, body=body, attempt=attempt + 1
    )
    return f"retry {attempt + 1}"

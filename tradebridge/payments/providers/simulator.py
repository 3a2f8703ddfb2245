"""The simulated gateway: a stand-in for Alipay, WeChat Pay, a bank transfer or a card acquirer
that behaves like a real one from the outside.

It has a hosted pay page (`/payments/simulator/<intent>/`) where the buyer approves or declines,
and it reports the result the way real gateways do: an HTTP POST to our webhook endpoint, signed
with HMAC-SHA256 over the timestamp, event id and body, with the key `PAYMENT_SIMULATOR_SECRET`.
`event_body` and `signed_headers` are public so tests (and operators) can post signed events
exactly as the gateway would.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Mapping
from decimal import Decimal

from django.conf import settings
from django.urls import reverse

from tradebridge.payments import domain
from tradebridge.payments.domain import EventKind, Method, WebhookRejected
from tradebridge.payments.providers.base import ProviderEvent, StartResult
from tradebridge.pricing.money import Money, UnknownCurrency, to_decimal

NAME = "simulator"
TIMESTAMP_HEADER = "x-simulator-timestamp"
EVENT_ID_HEADER = "x-simulator-event-id"
SIGNATURE_HEADER = "x-simulator-signature"

# Shown to buyers who choose a bank transfer; obviously not a real account.
SIMULATED_BANK = {
    "bank": "Simulated Bank of China, Shanghai Branch",
    "account_name": "TradeBridge Escrow (simulated)",
    "account_number": "6222 0000 0000 0000 000",
}


def secret() -> str:
    return settings.PAYMENT_SIMULATOR_SECRET


def charge_reference(public_id: str) -> str:
    return f"simch_{public_id.removeprefix('pi_')}"


def new_event_id() -> str:
    return f"evt_{secrets.token_hex(12)}"


def event_body(*, intent_reference: str, kind: EventKind | str, amount: Money, event_id: str) -> bytes:
    """The JSON the gateway posts; `amount` is what it says it charged."""
    payload = {
        "id": event_id,
        "type": str(kind),
        "data": {
            "intent": intent_reference,
            "amount": format(amount.amount, "f"),
            "currency": amount.currency,
            "charge": charge_reference(intent_reference),
        },
    }
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()


def signed_headers(
    *, body: bytes, event_id: str, timestamp: int | None = None, key: str | None = None
) -> dict[str, str]:
    stamp = int(time.time()) if timestamp is None else timestamp
    return {
        TIMESTAMP_HEADER: str(stamp),
        EVENT_ID_HEADER: event_id,
        SIGNATURE_HEADER: domain.sign(
            secret=secret() if key is None else key, timestamp=stamp, event_id=event_id, body=body
        ),
    }


def _malformed(detail: str) -> WebhookRejected:
    return WebhookRejected("body_invalid", f"The webhook body is not a simulator event: {detail}.", "body")


MAX_AMOUNT = Decimal(10**12)  # no order comes near; larger cannot be rounded or stored


def _read(body: bytes, header_event_id: str) -> ProviderEvent:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _malformed("not JSON") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        raise _malformed("no data object")
    data = payload["data"]
    if payload.get("id") != header_event_id:
        raise WebhookRejected("event_id_mismatch", "The event id in the body differs from the header.", "id")
    try:
        kind = EventKind(payload.get("type"))
    except ValueError:
        raise _malformed(f"unknown type {payload.get('type')!r}") from None
    fields = [data.get(name) for name in ("intent", "amount", "currency", "charge")]
    if not all(isinstance(value, str) and value for value in fields):
        raise _malformed("intent, amount, currency and charge are required strings")
    intent, raw_amount, currency, charge = fields
    try:
        amount = Money(to_decimal(raw_amount), currency)
    except (ValueError, TypeError, UnknownCurrency):
        raise _malformed("amount or currency unreadable") from None
    if not Decimal(0) < amount.amount < MAX_AMOUNT or len(intent) > 40 or len(charge) > 100:
        raise _malformed("amount must be positive and below a trillion, references short")
    if any("\x00" in text for text in (header_event_id, intent, charge)):
        raise _malformed("a reference holds a NUL character")
    return ProviderEvent(
        event_id=header_event_id, kind=kind, intent_reference=intent, amount=amount, provider_reference=charge
    )


class SimulatedGateway:
    name = NAME
    methods: tuple[str, ...] = tuple(m.value for m in Method)

    @property
    def enabled(self) -> bool:
        return bool(secret())

    def start(self, *, intent) -> StartResult:
        url = reverse("payments:simulator", args=[intent.public_id])
        if intent.method == Method.BANK_TRANSFER:
            # A real bank transfer needs the payer to quote our reference; the simulator's
            # page stands in for the bank telling us the money arrived.
            return StartResult(
                kind="bank_transfer",
                url=url,
                instructions={**SIMULATED_BANK, "reference": intent.public_id, "amount": f"CNY {intent.amount}"},
            )
        return StartResult(kind="redirect", url=url)

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> ProviderEvent:
        event_id = headers.get(EVENT_ID_HEADER, "")
        if len(event_id) > 100:
            raise WebhookRejected("event_id_invalid", "The event id is too long.", "id")
        domain.verify_signature(
            secret=secret(),
            timestamp=headers.get(TIMESTAMP_HEADER, ""),
            event_id=event_id,
            signature=headers.get(SIGNATURE_HEADER, ""),
            body=body,
            now=int(time.time()),
        )
        return _read(body, event_id)

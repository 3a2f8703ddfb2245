"""Payment rules with no database: methods, parts, intent states, what a gateway event does to
an intent, the amount check, and the HMAC webhook signature.

Webhook ordering is a table (`EFFECTS`), like the order state machine: a capture wins over an
earlier or later failure, and nothing ever undoes a capture.
"""

from __future__ import annotations

import hashlib
import hmac
from enum import StrEnum

from tradebridge.core.errors import Conflict, DomainError
from tradebridge.pricing.money import Money

PAYMENT_CURRENCY = "CNY"  # buyers always pay in yuan; escrow holds yuan
SIGNATURE_TOLERANCE_SECONDS = 300  # how old a signed timestamp may be (either way) before it is a replay
SIGNATURE_SCHEME = "v1"


class Method(StrEnum):
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"


class Part(StrEnum):
    DEPOSIT = "deposit"
    BALANCE = "balance"
    FULL = "full"


class IntentStatus(StrEnum):
    PENDING = "pending"  # waiting for the buyer at the gateway
    CAPTURED = "captured"  # the gateway took the money and the order recorded it
    FAILED = "failed"  # the gateway reported a decline; a later capture may still arrive
    SUPERSEDED = "superseded"  # the buyer started another intent for the same part


class EventKind(StrEnum):
    CAPTURED = "payment.captured"
    FAILED = "payment.failed"


class Effect(StrEnum):
    CAPTURE = "capture"  # record the payment on the order
    FAIL = "fail"  # mark the intent failed
    NOTHING = "nothing"  # the event is stale: the intent already moved past it


class Outcome(StrEnum):
    """What became of one webhook delivery (stored on the WebhookEvent log row)."""

    APPLIED = "applied"
    IGNORED = "ignored"  # authentic, but stale for the intent's state (e.g. 'failed' after 'captured')
    REFUSED = "refused"  # authentic, but the order refused it; a redelivery is tried again
    REJECTED = "rejected"  # not authentic or not readable: bad signature, stale timestamp, malformed


# (intent status, event kind) -> effect. A capture after a failure is real money (the buyer
# retried at the gateway), so it is recorded; a failure after a capture is a late echo.
EFFECTS: dict[tuple[IntentStatus, EventKind], Effect] = {
    (IntentStatus.PENDING, EventKind.CAPTURED): Effect.CAPTURE,
    (IntentStatus.FAILED, EventKind.CAPTURED): Effect.CAPTURE,
    (IntentStatus.SUPERSEDED, EventKind.CAPTURED): Effect.CAPTURE,
    (IntentStatus.CAPTURED, EventKind.CAPTURED): Effect.NOTHING,
    (IntentStatus.PENDING, EventKind.FAILED): Effect.FAIL,
    (IntentStatus.FAILED, EventKind.FAILED): Effect.NOTHING,
    (IntentStatus.SUPERSEDED, EventKind.FAILED): Effect.NOTHING,
    (IntentStatus.CAPTURED, EventKind.FAILED): Effect.NOTHING,
}


def effect_of(*, status: str, kind: str) -> Effect:
    return EFFECTS[(IntentStatus(status), EventKind(kind))]


class WebhookRejected(DomainError):
    """A webhook we cannot trust or read; `status` is 401 for a bad signature, else 400."""


class SignatureInvalid(WebhookRejected):
    status = 401


def parse_method(value: str) -> Method:
    try:
        return Method(value)
    except ValueError:
        raise DomainError("method_invalid", "Choose a payment method from the list.", "method") from None


def check_amount(*, expected: Money, received: Money) -> None:
    """The gateway must report exactly the amount and currency the intent asked for."""
    if received.currency != expected.currency:
        raise Conflict(
            "currency_mismatch",
            f"The gateway reported {received.currency}; this payment is in {expected.currency}.",
            "currency",
        )
    if received.amount != expected.amount:
        raise Conflict(
            "amount_mismatch",
            f"The gateway reported {received}; this payment is for {expected}.",
            "amount",
        )


# -- signatures -------------------------------------------------------------------------------


def signed_message(*, timestamp: int, event_id: str, body: bytes) -> bytes:
    """What the HMAC covers: the timestamp and event id (so neither can be swapped) and the body."""
    return f"{timestamp}.{event_id}.".encode() + body


def sign(*, secret: str, timestamp: int, event_id: str, body: bytes) -> str:
    digest = hmac.new(
        secret.encode(), signed_message(timestamp=timestamp, event_id=event_id, body=body), hashlib.sha256
    )
    return f"{SIGNATURE_SCHEME}={digest.hexdigest()}"


def verify_signature(*, secret: str, timestamp: str, event_id: str, signature: str, body: bytes, now: int) -> int:
    """Check a signed delivery; returns the timestamp. Raises SignatureInvalid or WebhookRejected.

    The signature is compared first (in constant time), so a forger learns nothing from which
    check failed; a correct signature on an old timestamp is a replay.
    """
    if not secret:
        raise SignatureInvalid("provider_not_configured", "This payment provider has no signing key.")
    if not (timestamp and event_id and signature):
        raise SignatureInvalid("signature_missing", "The webhook carries no signature, timestamp or event id.")
    # isdigit() alone takes digits int() cannot read, such as "²".
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:
        raise WebhookRejected("timestamp_invalid", "The webhook timestamp is not a Unix time.", "timestamp")
    expected = sign(secret=secret, timestamp=int(timestamp), event_id=event_id, body=body)
    # compare_digest refuses str with non-ASCII characters; no such text can be our signature.
    candidates = [part.strip() for part in signature.split(",") if part.isascii()]
    if not any(hmac.compare_digest(expected, candidate) for candidate in candidates):
        raise SignatureInvalid("signature_invalid", "The webhook signature does not match.", "signature")
    if abs(now - int(timestamp)) > SIGNATURE_TOLERANCE_SECONDS:
        raise WebhookRejected(
            "timestamp_out_of_window",
            f"The webhook was signed more than {SIGNATURE_TOLERANCE_SECONDS} seconds from now; "
            "it is refused as a replay.",
            "timestamp",
        )
    return int(timestamp)


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()

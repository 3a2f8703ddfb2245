"""Payments in the API: start paying an order, read a payment, and the gateways' webhook.

The webhook endpoint has no session, token or CSRF: the provider's signature is its only
credential, checked by `services.handle_webhook`.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Router, Schema, Status

from tradebridge.core.errors import Conflict
from tradebridge.payments import selectors, services

router = Router(tags=["payments"])


class StartPaymentIn(Schema):
    method: str = Field(..., max_length=32, description="alipay, wechat_pay, bank_transfer or card")


class NextActionOut(Schema):
    kind: str = Field(description="redirect (send the buyer to url) or bank_transfer (show instructions)")
    url: str = ""
    instructions: dict[str, str] = {}


class PaymentOut(Schema):
    id: str
    order_id: int
    part: str
    amount: str
    currency: str
    method: str
    provider: str
    status: str
    provider_reference: str
    next_action: NextActionOut
    created_at: datetime
    captured_at: datetime | None


class WebhookAckOut(Schema):
    event_id: str
    outcome: str
    duplicate: bool


def _out(intent) -> dict:
    return {
        "id": intent.public_id,
        "order_id": intent.order_id,
        "part": intent.part,
        "amount": f"{intent.amount:.2f}",
        "currency": intent.currency,
        "method": intent.method,
        "provider": intent.provider,
        "status": intent.status,
        "provider_reference": intent.provider_reference,
        "next_action": intent.next_action or {"kind": "none"},
        "created_at": intent.created_at,
        "captured_at": intent.captured_at,
    }


@router.post("/orders/{order_id}/payments", response={201: PaymentOut})
def start_payment(request, order_id: int, payload: StartPaymentIn):
    """Start paying what the order owes next; `next_action` says what the buyer does now."""
    intent = services.start_payment(membership=request.membership, order_id=order_id, method=payload.method)
    return Status(201, _out(intent))


@router.get("/payments/{intent_id}", response=PaymentOut)
def get_payment(request, intent_id: str):
    return _out(selectors.intent_for(request.membership, intent_id))


@router.post("/payments/webhooks/{provider}", auth=None, response=WebhookAckOut, url_name="payment_webhook")
def webhook(request, provider: str):
    """A gateway's signed callback. 200 once the event is taken (or was already); 401 for a
    bad signature, 400 for a stale or unreadable one, 409 when the order refused it (the
    gateway should deliver it again later)."""
    result = services.handle_webhook(provider=provider, headers=request.headers, body=request.body)
    if result.error is not None:
        raise Conflict(result.error.code, result.error.message, result.error.field)
    return {"event_id": result.event_id, "outcome": result.outcome, "duplicate": result.duplicate}

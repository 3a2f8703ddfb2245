"""The provider interface: what any payment gateway (the simulator, Alipay, WeChat Pay, a bank)
must offer, and the plain records that cross it.

Order code never sees a provider. `services.start_payment` asks one to start an intent, and
`services.handle_webhook` asks it to authenticate and read a callback; everything else
(idempotency, ordering, the amount check, recording the payment) is the same for all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tradebridge.payments.domain import EventKind
from tradebridge.pricing.money import Money

if TYPE_CHECKING:
    from tradebridge.payments.models import PaymentIntent


@dataclass(frozen=True)
class StartResult:
    """What the buyer does next: follow `url` (a hosted pay page) and/or pay by the
    `instructions` (bank details, a reference to quote)."""

    kind: str  # "redirect" or "bank_transfer"
    url: str = ""
    instructions: Mapping[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "url": self.url, "instructions": dict(self.instructions)}


@dataclass(frozen=True)
class ProviderEvent:
    """One authenticated gateway callback, in our terms."""

    event_id: str  # the gateway's id for this event; unique per provider, our idempotency key
    kind: EventKind
    intent_reference: str  # our PaymentIntent.public_id, which we gave the gateway at start
    amount: Money
    provider_reference: str  # the gateway's id for the charge (shown to operators, quoted on refunds)


class PaymentProvider(Protocol):
    name: str
    methods: tuple[str, ...]

    @property
    def enabled(self) -> bool:
        """False when the deployment lacks what the provider needs (keys); it is then not offered."""
        ...

    def start(self, *, intent: PaymentIntent) -> StartResult:
        """Open the payment at the gateway; must not touch the order. Called before the intent
        is saved: it has its public id, order, amount, currency and method, not yet a pk."""
        ...

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> ProviderEvent:
        """Authenticate and read a callback. Raises `domain.SignatureInvalid` (401) when it is
        not from the gateway, `domain.WebhookRejected` (400) when it is stale or unreadable.
        `headers` keys are lower-case."""
        ...

"""Payment writes: start a payment for what an order owes, take a gateway's webhook, and the
simulated gateway's approve/decline.

Each is one transaction. The order is changed only through `orders.services.record_payment`,
inside the same transaction that marks the intent captured and logs the event, so an intent is
never captured without its payment, nor a payment recorded twice.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from tradebridge.companies.access import require
from tradebridge.companies.domain import Kind
from tradebridge.core.errors import Conflict, DomainError, FieldError, NotFound
from tradebridge.orders import services as orders
from tradebridge.payments import domain, providers, selectors
from tradebridge.payments.domain import PAYMENT_CURRENCY, Effect, EventKind, IntentStatus, Outcome
from tradebridge.payments.models import PaymentIntent, WebhookEvent
from tradebridge.payments.providers import ProviderEvent
from tradebridge.payments.providers import simulator as simulator_gateway

log = logging.getLogger(__name__)


def new_public_id() -> str:
    return f"pi_{secrets.token_hex(12)}"


def start_payment(*, membership, order_id: int, method: str) -> PaymentIntent:
    """Open a payment for what the buyer's order owes next (deposit, balance or the whole).

    An older pending intent for the same part is superseded, so the buyer's latest choice is
    the one the page shows; if the old one is captured anyway, the order refuses the second
    payment and the event is logged for a refund.
    """
    require(membership, kinds=(Kind.BUYER,))
    method = domain.parse_method(method)
    provider = providers.for_method(method)
    with transaction.atomic():
        order = selectors.own_order(membership, order_id, lock=True)
        due = orders.amount_due(order)
        if due is None:
            raise Conflict("nothing_due", "This order has nothing to pay at the moment.", "order_id")
        part, amount = due
        if amount.currency != PAYMENT_CURRENCY or amount.amount <= 0:
            raise Conflict("nothing_due", "This order has nothing to pay at the moment.", "order_id")
        PaymentIntent.objects.filter(order_id=order.pk, part=part, status=IntentStatus.PENDING).update(
            status=IntentStatus.SUPERSEDED, updated_at=timezone.now()
        )
        intent = PaymentIntent(
            public_id=new_public_id(),
            order_id=order.pk,
            buyer_id=membership.company_id,
            part=part,
            amount=amount.rounded().amount,
            currency=amount.currency,
            method=method,
            provider=provider.name,
            created_by=membership.user,
        )
        # Opened before the row is written, so the row is written once, with what to do next.
        # Nothing can call back about it before this transaction commits anyway.
        intent.next_action = provider.start(intent=intent).as_dict()
        intent.save(force_insert=True)
    return intent


# -- webhooks in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WebhookOutcome:
    """What the endpoint answers: 200 unless the order refused an authentic event (409)."""

    outcome: Outcome
    event_id: str
    intent: str | None = None
    duplicate: bool = False
    error: FieldError | None = None

    @property
    def http_status(self) -> int:
        return 409 if self.outcome is Outcome.REFUSED else 200


def handle_webhook(*, provider: str, headers: Mapping[str, str], body: bytes) -> WebhookOutcome:
    """Authenticate a gateway callback and apply it once, whatever order deliveries come in.

    A delivery that is not authentic (bad signature, stale timestamp, unreadable) is logged and
    refused with `domain.WebhookRejected` (401/400). An authentic event id seen before is a
    no-op answered with its first outcome, except one the order refused: that is tried again,
    because it may have arrived early (a balance before its deposit).
    """
    headers = {key.lower(): value for key, value in headers.items()}
    digest = domain.body_digest(body)
    try:
        gateway = providers.get(provider)
        event = gateway.parse_webhook(headers=headers, body=body)
    except (domain.WebhookRejected, NotFound) as exc:
        _log_rejection(provider[:32], headers, digest, exc)
        raise
    try:
        with transaction.atomic():
            return _apply(gateway.name, event, digest)
    except IntegrityError:
        # A concurrent delivery of the same event id committed its row first (only possible
        # when the two are not serialised by one intent's lock: an unknown intent, or a body
        # naming another intent). Everything this one wrote is rolled back; once more, it
        # finds that row and is answered as its duplicate.
        with transaction.atomic():
            return _apply(gateway.name, event, digest)


def _log_rejection(provider: str, headers: Mapping[str, str], digest: str, exc: DomainError) -> None:
    claimed = next((v for k, v in headers.items() if k.endswith("event-id")), "")
    claimed = claimed.replace("\x00", "")[:100]  # a forger's header: PostgreSQL cannot store a NUL
    WebhookEvent.objects.create(
        provider=provider,
        event_id=claimed,
        signature_valid=False,
        outcome=Outcome.REJECTED,
        error_code=exc.code,
        body_digest=digest,
    )
    log.warning("Refused %s webhook (event %r, body sha256 %s): %s", provider, claimed, digest, exc.code)


def _apply(provider: str, event: ProviderEvent, digest: str) -> WebhookOutcome:
    # Locking the intent first serialises every delivery about it, duplicates included, so the
    # event's row is looked for under that lock and written once, with its outcome, at the end.
    intent = selectors.locked_intent(provider, event.intent_reference)
    row = selectors.locked_authentic_event(provider, event.event_id)
    if row is not None:
        if row.body_digest != digest:
            # Signed with our key yet different from the first delivery: a gateway fault or a
            # leaked key. The first delivery stands; someone should look.
            log.error("%s event %s redelivered with a different body (sha256 %s)", provider, event.event_id, digest)
        if row.outcome != Outcome.REFUSED:
            WebhookEvent.objects.filter(pk=row.pk).update(
                deliveries=F("deliveries") + 1, last_received_at=timezone.now()
            )
            log.info("Duplicate %s webhook %s (first outcome %s)", provider, event.event_id, row.outcome)
            return WebhookOutcome(Outcome(row.outcome), event.event_id, event.intent_reference, duplicate=True)
        row.deliveries += 1
    outcome, error = _effect(intent, event)
    if row is None:
        # The unique (provider, event_id) of authentic rows refuses a concurrent first delivery
        # that got here too; handle_webhook then answers it as a duplicate.
        WebhookEvent.objects.create(
            provider=provider,
            event_id=event.event_id,
            event_type=event.kind,
            intent=intent,
            signature_valid=True,
            outcome=outcome,
            error_code=error.code if error else "",
            body_digest=digest,
        )
    else:
        row.outcome = outcome
        row.error_code = error.code if error else ""
        row.intent = intent
        row.save(update_fields=["outcome", "error_code", "intent", "deliveries", "last_received_at"])
    if error:
        log.warning("Refused %s event %s for %s: %s", provider, event.event_id, event.intent_reference, error.code)
    return WebhookOutcome(outcome, event.event_id, event.intent_reference, error=error)


def _effect(intent: PaymentIntent | None, event: ProviderEvent) -> tuple[Outcome, FieldError | None]:
    if intent is None:
        return Outcome.REFUSED, FieldError("intent_unknown", "No payment matches this event.", "intent")
    effect = domain.effect_of(status=intent.status, kind=event.kind)
    if effect is Effect.NOTHING:
        return Outcome.IGNORED, None
    if effect is Effect.FAIL:
        intent.status = IntentStatus.FAILED
        intent.save(update_fields=["status", "updated_at"])
        return Outcome.APPLIED, None
    try:
        domain.check_amount(expected=intent.money, received=event.amount)
        # record_payment is atomic: nested here it is a savepoint, so a refusal rolls back
        # whatever the order had written and leaves this transaction usable for the log row.
        orders.record_payment(
            order_id=intent.order_id,
            part=intent.part,
            amount=event.amount,
            provider=intent.provider,
            provider_reference=event.provider_reference,
        )
    except DomainError as exc:
        return Outcome.REFUSED, exc.errors[0]
    intent.status = IntentStatus.CAPTURED
    intent.provider_reference = event.provider_reference
    intent.captured_at = timezone.now()
    intent.save(update_fields=["status", "provider_reference", "captured_at", "updated_at"])
    return Outcome.APPLIED, None


# -- the simulated gateway's hosted page ------------------------------------------------------


def simulator_decide(*, membership, public_id: str, approve: bool, notify_url: str) -> PaymentIntent:
    """The buyer approves or declines on the simulator's pay page. Like a real gateway, the
    simulator does not touch our records: it queues a signed webhook to `notify_url`, sent by
    the worker once this transaction commits."""
    from tradebridge.payments.tasks import deliver_simulated_webhook

    require(membership, kinds=(Kind.BUYER,))
    intent = PaymentIntent.objects.filter(
        public_id=public_id, buyer_id=membership.company_id, provider=simulator_gateway.NAME
    ).first()
    if intent is None:
        raise NotFound("intent_not_found", "There is no such payment.", "intent")
    if intent.status not in {IntentStatus.PENDING, IntentStatus.FAILED}:
        raise Conflict("intent_closed", "This payment is already settled or replaced.", "intent")
    event_id = simulator_gateway.new_event_id()
    body = simulator_gateway.event_body(
        intent_reference=intent.public_id,
        kind=EventKind.CAPTURED if approve else EventKind.FAILED,
        amount=intent.money,
        event_id=event_id,
    )
    with transaction.atomic():
        transaction.on_commit(
            lambda: deliver_simulated_webhook.enqueue(url=notify_url, event_id=event_id, body=body.decode())
        )
    return intent

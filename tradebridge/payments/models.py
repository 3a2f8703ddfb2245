"""Payment intents (one attempt to pay one part of an order) and the log of every webhook
delivery, trusted or not.

`order_id` is a plain integer, like the ledger's: payments depend on the orders app only
through `orders.services`, never through a foreign key, so a provider can be added or the
orders schema changed without the other moving.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradebridge.payments.domain import PAYMENT_CURRENCY, IntentStatus, Method, Outcome, Part
from tradebridge.pricing.money import Money

METHOD_CHOICES = [
    (Method.ALIPAY.value, _("Alipay")),
    (Method.WECHAT_PAY.value, _("WeChat Pay")),
    (Method.BANK_TRANSFER.value, _("Bank transfer")),
    (Method.CARD.value, _("Card")),
]
PART_CHOICES = [
    (Part.DEPOSIT.value, _("Deposit")),
    (Part.BALANCE.value, _("Balance")),
    (Part.FULL.value, _("Full payment")),
]
STATUS_CHOICES = [
    (IntentStatus.PENDING.value, _("Waiting for payment")),
    (IntentStatus.CAPTURED.value, _("Paid")),
    (IntentStatus.FAILED.value, _("Failed")),
    (IntentStatus.SUPERSEDED.value, _("Replaced by a newer payment")),
]
OUTCOME_CHOICES = [(o.value, o.value) for o in Outcome]


class PaymentIntent(models.Model):
    public_id = models.CharField(max_length=40, unique=True)
    order_id = models.BigIntegerField(db_index=True)
    buyer = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="+")
    part = models.CharField(_("part"), max_length=16, choices=PART_CHOICES)
    amount = models.DecimalField(_("amount"), max_digits=20, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default=PAYMENT_CURRENCY)
    method = models.CharField(_("method"), max_length=16, choices=METHOD_CHOICES)
    provider = models.CharField(_("provider"), max_length=32)
    status = models.CharField(_("status"), max_length=16, choices=STATUS_CHOICES, default=IntentStatus.PENDING.value)
    provider_reference = models.CharField(_("provider reference"), max_length=100, blank=True)
    next_action = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    captured_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_intent_amount_positive"),
            models.CheckConstraint(condition=Q(currency=PAYMENT_CURRENCY), name="payment_intent_currency_cny"),
            models.CheckConstraint(condition=Q(part__in=[p.value for p in Part]), name="payment_intent_part_valid"),
            models.CheckConstraint(
                condition=Q(method__in=[m.value for m in Method]), name="payment_intent_method_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in IntentStatus]), name="payment_intent_status_valid"
            ),
            # The last line of defence against a double payment: one captured intent per part.
            models.UniqueConstraint(
                fields=["order_id", "part"],
                condition=Q(status=IntentStatus.CAPTURED.value),
                name="payment_intent_one_capture_per_part",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)


class WebhookEvent(models.Model):
    """One row per authentic event id (redeliveries bump `deliveries`), and one per rejected
    delivery, so forgeries and replays leave a trace without blocking the real event's id."""

    provider = models.CharField(max_length=32)
    event_id = models.CharField(max_length=100, blank=True)
    event_type = models.CharField(max_length=40, blank=True)
    intent = models.ForeignKey(PaymentIntent, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    received_at = models.DateTimeField(auto_now_add=True)
    last_received_at = models.DateTimeField(auto_now=True)
    deliveries = models.PositiveIntegerField(default=1)
    signature_valid = models.BooleanField()
    outcome = models.CharField(max_length=16, choices=OUTCOME_CHOICES)
    error_code = models.CharField(max_length=64, blank=True)
    body_digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("payment webhook")
        verbose_name_plural = _("payment webhooks")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_id"],
                condition=Q(signature_valid=True),
                name="webhook_event_unique_authentic_id",
            ),
            models.CheckConstraint(condition=Q(outcome__in=[o.value for o in Outcome]), name="webhook_outcome_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.event_id or '?'} {self.outcome}"

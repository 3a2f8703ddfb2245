"""Order tables: cart lines, orders with their snapshots, lines, history, stock reservations,
payments received and disputes with evidence.

An order never reads live prices or rates after placement: everything it was placed at (unit
prices, the FX rate and where it came from, the Incoterm, the landed-cost breakdown) is copied in.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradebridge.catalog.models import UNIT_PRICE
from tradebridge.orders.domain import Action, Actor, State
from tradebridge.pricing.currencies import CURRENCY_CHOICES

MONEY = {"max_digits": 20, "decimal_places": 2}
STATE_CHOICES = [
    (State.PLACED.value, _("Placed")),
    (State.CONFIRMED.value, _("Confirmed")),
    (State.REJECTED.value, _("Rejected")),
    (State.AWAITING_PAYMENT.value, _("Awaiting payment")),
    (State.DEPOSIT_PAID.value, _("Deposit paid")),
    (State.PAID.value, _("Paid into escrow")),
    (State.IN_PRODUCTION.value, _("In production")),
    (State.SHIPPED.value, _("Shipped")),
    (State.DELIVERED.value, _("Delivered")),
    (State.DISPUTED.value, _("Disputed")),
    (State.COMPLETED.value, _("Completed")),
    (State.REFUNDED.value, _("Refunded")),
    (State.PARTIALLY_REFUNDED.value, _("Partially refunded")),
    (State.CANCELLED.value, _("Cancelled")),
    (State.CLOSED_UNPAID.value, _("Closed unpaid")),
]
ACTION_CHOICES = [
    (Action.CONFIRM.value, _("Confirmed by the supplier")),
    (Action.REQUEST_PAYMENT.value, _("Payment requested")),
    (Action.REJECT.value, _("Rejected by the supplier")),
    (Action.CANCEL.value, _("Cancelled")),
    (Action.AUTO_CLOSE.value, _("Closed: not paid in time")),
    (Action.PAY_DEPOSIT.value, _("Deposit received in escrow")),
    (Action.PAY_BALANCE.value, _("Balance received in escrow")),
    (Action.PAY_FULL.value, _("Payment received in escrow")),
    (Action.START_PRODUCTION.value, _("Production started")),
    (Action.SHIP.value, _("Shipped")),
    (Action.MARK_DELIVERED.value, _("Delivered")),
    (Action.CONFIRM_RECEIPT.value, _("Receipt confirmed by the buyer")),
    (Action.AUTO_CONFIRM.value, _("Receipt confirmed automatically")),
    (Action.OPEN_DISPUTE.value, _("Dispute opened")),
    (Action.RESPOND_DISPUTE.value, _("Supplier responded to the dispute")),
    (Action.RESOLVE_RELEASE.value, _("Dispute resolved: funds released")),
    (Action.RESOLVE_REFUND.value, _("Dispute resolved: full refund")),
    (Action.RESOLVE_PARTIAL_REFUND.value, _("Dispute resolved: partial refund")),
    ("place", _("Order placed")),
]
ACTOR_CHOICES = [
    (Actor.BUYER.value, _("Buyer")),
    (Actor.SUPPLIER.value, _("Supplier")),
    (Actor.OPERATOR.value, _("Operator")),
    (Actor.SYSTEM.value, _("System")),
]


class CartLine(models.Model):
    """A variant in a buyer company's cart, with the unit price the buyer was shown."""

    buyer = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="cart_lines")
    variant = models.ForeignKey("catalog.Variant", on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField(_("quantity"))
    seen_unit_price = models.DecimalField(**UNIT_PRICE)
    seen_currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["buyer", "variant"], name="cart_one_line_per_variant"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="cart_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id}"


class Order(models.Model):
    class Source(models.TextChoices):
        CART = "cart", _("Cart")
        QUOTE = "quote", _("Accepted quote")

    buyer = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="orders_placed")
    supplier = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="orders_received")
    state = models.CharField(_("state"), max_length=24, choices=STATE_CHOICES, default=State.PLACED.value)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.CART)
    quote_reference = models.CharField(max_length=100, blank=True)
    channel = models.CharField(max_length=16, default="wholesale")  # commission rules are per channel
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    total = models.DecimalField(_("total"), **MONEY)
    # The rate order-currency → CNY in force when the order was placed.
    fx_rate = models.DecimalField(max_digits=24, decimal_places=10)
    fx_source = models.CharField(max_length=200)
    fx_valid_from = models.DateTimeField()
    incoterm = models.CharField(_("Incoterm"), max_length=3)
    freight_mode = models.CharField(max_length=16)
    destination_city = models.CharField(max_length=100, blank=True)
    landed_cost = models.JSONField(default=dict)
    amount_due_cny = models.DecimalField(**MONEY)
    deposit_percent = models.PositiveSmallIntegerField(default=0)
    deposit_cny = models.DecimalField(**MONEY, default=0)
    balance_cny = models.DecimalField(**MONEY)
    paid_cny = models.DecimalField(**MONEY, default=0)
    buyer_note = models.TextField(blank=True)
    carrier = models.CharField(_("carrier"), max_length=100, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    placed_at = models.DateTimeField()
    state_changed_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-placed_at", "-id"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        constraints = [
            models.CheckConstraint(condition=~Q(buyer=models.F("supplier")), name="order_two_parties"),
            models.CheckConstraint(condition=Q(total__gte=0), name="order_total_not_negative"),
            models.CheckConstraint(condition=Q(deposit_percent__lte=100), name="order_deposit_percent_range"),
            models.CheckConstraint(condition=Q(paid_cny__lte=models.F("amount_due_cny")), name="order_not_overpaid"),
            models.CheckConstraint(condition=Q(state__in=[s.value for s in State]), name="order_state_valid"),
        ]
        indexes = [
            models.Index(fields=["buyer", "state", "placed_at"]),
            models.Index(fields=["supplier", "state", "placed_at"]),
            models.Index(fields=["state", "state_changed_at"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"TB-{self.pk:06d}" if self.pk else "TB-new"

    @property
    def state_enum(self) -> State:
        return State(self.state)


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("catalog.Variant", on_delete=models.PROTECT, related_name="+")
    product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT, related_name="+")
    sku = models.CharField(max_length=100)
    title_en = models.CharField(max_length=300, blank=True)
    title_zh = models.CharField(max_length=300, blank=True)
    hs_code = models.CharField(max_length=10, blank=True)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(**UNIT_PRICE)
    line_total = models.DecimalField(max_digits=24, decimal_places=6)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1), name="order_line_quantity_positive")]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"


class OrderEvent(models.Model):
    """One row per transition: the order's timeline and its audit trail (append-only)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=32, choices=ACTION_CHOICES)
    from_state = models.CharField(max_length=24, blank=True)  # blank for the placement itself
    to_state = models.CharField(max_length=24)
    actor_kind = models.CharField(max_length=16, choices=ACTOR_CHOICES)
    actor_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    actor_company = models.ForeignKey("companies.Company", on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state or '-'} → {self.to_state} ({self.action})"


class StockReservation(models.Model):
    """Units of a variant held for an order line from confirmation; released_at gives them back."""

    line = models.OneToOneField(OrderLine, on_delete=models.CASCADE, related_name="reservation")
    variant = models.ForeignKey("catalog.Variant", on_delete=models.PROTECT, related_name="reservations")
    quantity = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1), name="reservation_quantity_positive")]

    def __str__(self) -> str:
        return f"{self.quantity} of variant {self.variant_id}"


class Payment(models.Model):
    """A payment into escrow as the provider reported it. One per (order, part); the provider's
    reference is unique, so a replayed callback cannot pay twice."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="payments")
    part = models.CharField(max_length=8)
    amount_cny = models.DecimalField(**MONEY)
    provider = models.CharField(max_length=32)
    provider_reference = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["order", "part"], name="payment_one_per_part"),
            models.UniqueConstraint(fields=["provider", "provider_reference"], name="payment_reference_unique"),
            models.CheckConstraint(condition=Q(amount_cny__gt=0), name="payment_positive"),
        ]

    def __str__(self) -> str:
        return f"CNY {self.amount_cny} ({self.part})"


class Dispute(models.Model):
    class Resolution(models.TextChoices):
        RELEASE = "release", _("Funds released to the supplier")
        REFUND = "refund", _("Full refund to the buyer")
        PARTIAL_REFUND = "partial_refund", _("Partial refund to the buyer")

    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="dispute")
    reason = models.TextField(_("reason"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField()
    response = models.TextField(_("supplier's response"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=16, choices=Resolution.choices, blank=True)
    refund_cny = models.DecimalField(**MONEY, null=True, blank=True)
    resolution_note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Dispute on order {self.order_id}"


class Evidence(models.Model):
    """A file one party attached to a dispute (type and size checked before it is stored)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="evidence")
    party = models.CharField(max_length=16, choices=ACTOR_CHOICES)
    file = models.FileField(upload_to="disputes/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.original_name

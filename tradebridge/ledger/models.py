"""Ledger tables: accounts, transactions and their postings, append-only.

Rows are written once and never changed: the models refuse save-over and delete, and database
triggers (created in migration 0002) refuse UPDATE and DELETE from any client. A mistake is
corrected by a reversal, a new transaction that mirrors the wrong one.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradebridge.ledger.domain import COMPANY_KINDS, AccountKind
from tradebridge.pricing.currencies import CURRENCY_CHOICES

ACCOUNT_KIND_CHOICES = [
    (AccountKind.BUYER_CLEARING.value, _("Buyer clearing")),
    (AccountKind.ESCROW_HELD.value, _("Escrow held")),
    (AccountKind.SUPPLIER_PAYABLE.value, _("Supplier payable")),
    (AccountKind.PLATFORM_COMMISSION.value, _("Platform commission")),
    (AccountKind.REFUNDS.value, _("Refunds")),
    (AccountKind.FX.value, _("Foreign exchange")),
]


class AppendOnly(Exception):
    """Someone tried to change or delete a ledger entry."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly(f"{self.model.__name__} rows are append-only; post a reversal instead")

    def delete(self):
        raise AppendOnly(f"{self.model.__name__} rows are append-only; post a reversal instead")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly(f"{type(self).__name__} rows are append-only; post a reversal instead")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly(f"{type(self).__name__} rows are append-only; post a reversal instead")


class LedgerAccount(models.Model):
    """One account per (kind, owner, currency); owner None is the platform itself."""

    kind = models.CharField(_("kind"), max_length=32, choices=ACCOUNT_KIND_CHOICES)
    company = models.ForeignKey(
        "companies.Company", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_accounts"
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "company_id", "currency"]
        verbose_name = _("ledger account")
        verbose_name_plural = _("ledger accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "company", "currency"],
                condition=Q(company__isnull=False),
                name="ledger_account_unique_company",
            ),
            models.UniqueConstraint(
                fields=["kind", "currency"], condition=Q(company__isnull=True), name="ledger_account_unique_platform"
            ),
            models.CheckConstraint(
                condition=(Q(kind__in=sorted(k.value for k in COMPANY_KINDS)) & Q(company__isnull=False))
                | (
                    Q(kind__in=sorted(k.value for k in AccountKind if k not in COMPANY_KINDS)) & Q(company__isnull=True)
                ),
                name="ledger_account_owner_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        owner = self.company_id if self.company_id is not None else "platform"
        return f"{self.kind}:{owner}:{self.currency}"


class LedgerTransaction(AppendOnlyModel):
    """One balanced movement of money. (kind, reference) is unique so a retried post is a no-op."""

    class Kind(models.TextChoices):
        PAYMENT = "payment", _("Payment into escrow")
        RELEASE = "release", _("Release to supplier")
        REFUND = "refund", _("Refund")
        PARTIAL_REFUND = "partial_refund", _("Partial refund and release")
        REVERSAL = "reversal", _("Reversal")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    reference = models.CharField(_("reference"), max_length=200)
    # A plain integer, not a foreign key, so the ledger does not depend on the orders app.
    order_id = models.BigIntegerField(_("order"), null=True, blank=True, db_index=True)
    memo = models.TextField(_("memo"), blank=True)
    reverses = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by")
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ledger transaction")
        verbose_name_plural = _("ledger transactions")
        constraints = [
            models.UniqueConstraint(fields=["kind", "reference"], name="ledger_transaction_unique_reference"),
            models.CheckConstraint(
                condition=Q(kind="reversal", reverses__isnull=False) | (~Q(kind="reversal") & Q(reverses__isnull=True)),
                name="ledger_transaction_reversal_has_original",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} {self.reference}"


class Posting(AppendOnlyModel):
    """One line of a transaction: + debit, − credit, in the account's currency."""

    transaction = models.ForeignKey(LedgerTransaction, on_delete=models.PROTECT, related_name="postings")
    account = models.ForeignKey(LedgerAccount, on_delete=models.PROTECT, related_name="postings")
    amount = models.DecimalField(_("amount"), max_digits=20, decimal_places=6)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)

    class Meta:
        ordering = ["transaction_id", "id"]
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        indexes = [models.Index(fields=["account", "transaction"], name="ledger_posting_account_txn")]

    def __str__(self) -> str:
        return f"{self.account} {self.amount} {self.currency}"


class CommissionRule(models.Model):
    """The platform's commission for a channel, optionally only under a category subtree."""

    class Channel(models.TextChoices):
        WHOLESALE = "wholesale", _("Wholesale")
        RETAIL = "retail", _("Retail")

    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    category_prefix = models.CharField(
        _("category path prefix"),
        max_length=500,
        blank=True,
        help_text=_("A category path such as food-drink/biscuits; empty means every category."),
    )
    rate = models.DecimalField(_("rate"), max_digits=6, decimal_places=5, help_text=_("0.03 means 3%."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["channel", "category_prefix"]
        verbose_name = _("commission rule")
        verbose_name_plural = _("commission rules")
        constraints = [
            models.UniqueConstraint(fields=["channel", "category_prefix"], name="commission_rule_unique"),
            models.CheckConstraint(condition=Q(rate__gte=0) & Q(rate__lt=1), name="commission_rule_rate_range"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.category_prefix or '*'} {self.rate}"

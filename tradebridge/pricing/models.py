"""Exchange rates: the operator's table, from which every conversion takes the rate in force."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tradebridge.pricing.currencies import CURRENCY_CHOICES


class ExchangeRate(models.Model):
    """1 `base` = `rate` `quote`, in force from `valid_from` until a later row for the pair."""

    base = models.CharField(_("base currency"), max_length=3, choices=CURRENCY_CHOICES)
    quote = models.CharField(_("quote currency"), max_length=3, choices=CURRENCY_CHOICES)
    rate = models.DecimalField(_("rate"), max_digits=24, decimal_places=10)
    valid_from = models.DateTimeField(_("valid from"))
    source = models.CharField(_("source"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["base", "quote", "-valid_from"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["base", "quote", "valid_from"], name="rate_unique_pair_time"),
            models.CheckConstraint(condition=Q(rate__gt=0), name="rate_positive"),
            models.CheckConstraint(condition=~Q(base=F("quote")), name="rate_distinct_currencies"),
        ]

    def __str__(self) -> str:
        return f"1 {self.base} = {self.rate.normalize()} {self.quote} ({self.valid_from:%Y-%m-%d})"

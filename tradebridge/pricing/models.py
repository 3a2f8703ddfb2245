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


class FreightRate(models.Model):
    """A row of the operator's freight tables. Sea LCL and air: one row each (price per m³ or per
    chargeable kg, with a minimum). Express: one row per weight band (`up_to_kg`)."""

    class Mode(models.TextChoices):
        SEA_LCL = "sea_lcl", _("Sea freight (LCL)")
        AIR = "air", _("Air freight")
        EXPRESS = "express", _("Express courier")

    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, default="GBP")
    price = models.DecimalField(_("price"), max_digits=14, decimal_places=4, help_text=_("per m³, per kg, or per band"))
    minimum = models.DecimalField(_("minimum charge"), max_digits=14, decimal_places=4, null=True, blank=True)
    up_to_kg = models.DecimalField(
        _("up to kg (express bands)"), max_digits=10, decimal_places=3, null=True, blank=True
    )
    per_kg = models.BooleanField(_("price is per kg (express)"), default=True)
    carrier = models.CharField(_("carrier or forwarder"), max_length=200, blank=True)

    class Meta:
        ordering = ["mode", "up_to_kg", "id"]
        verbose_name = _("freight rate")
        verbose_name_plural = _("freight rates")
        constraints = [models.CheckConstraint(condition=Q(price__gte=0), name="freight_price_not_negative")]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.currency} {self.price}"

"""Operators edit exchange rates here; bulk uploads go through /operator/rates/."""

from django.contrib import admin

from tradebridge.pricing.models import ExchangeRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["base", "quote", "rate", "valid_from", "source"]
    list_filter = ["base", "quote"]
    search_fields = ["source"]
    date_hierarchy = "valid_from"

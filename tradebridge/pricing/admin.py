"""Operators edit exchange rates and freight tables here; rate files upload at /operator/rates/."""

from django.contrib import admin

from tradebridge.pricing.models import ExchangeRate, FreightRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["base", "quote", "rate", "valid_from", "source"]
    list_filter = ["base", "quote"]
    search_fields = ["source"]
    date_hierarchy = "valid_from"


@admin.register(FreightRate)
class FreightRateAdmin(admin.ModelAdmin):
    list_display = ["mode", "currency", "price", "minimum", "up_to_kg", "per_kg", "carrier"]
    list_filter = ["mode"]

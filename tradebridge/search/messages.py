"""Translated messages for search's error codes (the selectors speak English)."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "category_unknown": _("No such category."),
        "boolean_invalid": _("Use true or false."),
        "sort_invalid": _("Sort by relevance, price, newest or moq."),
        "price_range_invalid": _("The lowest price is above the highest."),
        "sector_unknown": _("Choose a sector from the list."),
    }
)

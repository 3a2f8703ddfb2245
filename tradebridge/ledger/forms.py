"""The statement filter: currency and an optional date range."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.pricing.currencies import CURRENCY_CHOICES


class StatementForm(forms.Form):
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The start date must not be after the end date."))
        return data

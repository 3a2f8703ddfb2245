"""The endpoint registration form; event names in the user's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "order.placed": _("Order placed"),
    "order.confirmed": _("Order confirmed"),
    "order.rejected": _("Order rejected"),
    "order.paid": _("Order paid into escrow"),
    "order.shipped": _("Order shipped"),
    "order.delivered": _("Order delivered"),
    "order.completed": _("Order completed, funds released"),
    "order.cancelled": _("Order cancelled"),
    "order.disputed": _("Order disputed"),
    "order.dispute_resolved": _("Dispute resolved"),
}


class EndpointForm(forms.Form):
    url = forms.CharField(
        label=_("URL"),
        max_length=500,
        help_text=_("Where we POST the events, e.g. https://erp.example.co.uk/hooks/tradebridge."),
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=list(EVENT_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        initial=list(EVENT_LABELS),
    )

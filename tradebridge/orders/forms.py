"""Forms of the order pages. They parse and bound what a person types; the services decide
whether it is allowed (their refusals come back as field errors through add_domain_errors)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.orders.models import STATE_CHOICES
from tradebridge.orders.services import MAX_REASON
from tradebridge.pricing.incoterms import Incoterm

FREIGHT_CHOICES = [
    ("sea_lcl", _("Sea freight (LCL)")),
    ("air", _("Air freight")),
    ("express", _("Express courier")),
]
DEPOSIT_CHOICES = [
    (0, _("Pay in full after confirmation")),
    (30, _("Deposit 30%, balance before shipping")),
    (50, _("Deposit 50%, balance before shipping")),
]
RESOLUTION_CHOICES = [
    ("release", _("Release the funds to the supplier")),
    ("refund", _("Refund the buyer in full")),
    ("partial_refund", _("Refund part, release the rest")),
]


class QuantityForm(forms.Form):
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=1_000_000_000)


class AddToCartForm(QuantityForm):
    variant = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CheckoutForm(forms.Form):
    incoterm = forms.ChoiceField(
        label=_("Incoterm"), choices=[(c.value, c.value) for c in Incoterm], initial=Incoterm.FOB.value
    )
    freight_mode = forms.ChoiceField(label=_("Shipping"), choices=FREIGHT_CHOICES, initial="sea_lcl")
    destination_city = forms.CharField(label=_("Destination city"), max_length=100, required=False, initial="上海")
    deposit_percent = forms.TypedChoiceField(
        label=_("Payment"), choices=DEPOSIT_CHOICES, coerce=int, initial=0, widget=forms.RadioSelect
    )
    buyer_note = forms.CharField(
        label=_("Note to the suppliers"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OrderFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    counterparty = forms.TypedChoiceField(label=_("Counterparty"), required=False, coerce=int, empty_value=None)
    placed_from = forms.DateField(
        label=_("Placed from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    placed_to = forms.DateField(label=_("Placed to"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, counterparties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Any state")), *STATE_CHOICES]
        self.fields["counterparty"].choices = [("", _("Anyone")), *((c.pk, c.name) for c in counterparties)]

    def clean(self):
        data = super().clean()
        start, end = data.get("placed_from"), data.get("placed_to")
        if start and end and start > end:
            self.add_error("placed_to", _("The end date is before the start date."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=MAX_REASON, widget=forms.Textarea(attrs={"rows": 2}), strip=True
    )


class ShipForm(forms.Form):
    carrier = forms.CharField(label=_("Carrier"), max_length=100)
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=100)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files under one name; their types and sizes are checked by the dispute service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(EvidenceField, self).clean(f, initial) for f in files]


class DisputeForm(forms.Form):
    reason = forms.CharField(label=_("What is wrong"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = EvidenceField(
        label=_("Evidence"),
        required=False,
        help_text=_("Photos (JPEG, PNG, WebP) or PDFs, up to 5 files of 5 MB each."),
    )


class RespondForm(forms.Form):
    response = forms.CharField(label=_("Your response"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = EvidenceField(
        label=_("Evidence"),
        required=False,
        help_text=_("Photos (JPEG, PNG, WebP) or PDFs, up to 5 files of 5 MB each."),
    )


class ResolveForm(forms.Form):
    resolution = forms.ChoiceField(label=_("Decision"), choices=RESOLUTION_CHOICES, widget=forms.RadioSelect)
    refund_cny = forms.DecimalField(
        label=_("Refund (CNY)"),
        required=False,
        max_digits=20,
        decimal_places=2,
        min_value=0,
        help_text=_("Only for a partial refund: more than 0 and less than what escrow holds."),
    )
    note = forms.CharField(
        label=_("Reason for the decision"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("resolution") == "partial_refund" and data.get("refund_cny") is None:
            self.add_error("refund_cny", _("Give the amount to refund."))
        return data

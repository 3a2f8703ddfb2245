"""Company profile, invitation and verification forms. They only parse; services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.companies.models import ROLE_CHOICES, SECTOR_CHOICES
from tradebridge.companies.widgets import identifier_input
from tradebridge.core.countries import COUNTRIES


class CompanyForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200)
    name_zh = forms.CharField(label=_("Company name in Chinese"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES)
    region = forms.CharField(label=_("Region or city"), max_length=100, required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=SECTOR_CHOICES)
    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    description_zh = forms.CharField(
        label=_("Description in Chinese"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    companies_house_number = forms.CharField(
        widget=identifier_input("companies_house_number"),
        label=_("Companies House number"),
        max_length=20,
        required=False,
    )
    vat_number = forms.CharField(
        widget=identifier_input("vat_number"),
        label=_("UK VAT number"),
        max_length=30,
        required=False,
    )
    uscc = forms.CharField(
        widget=identifier_input("uscc"),
        label=_("Unified social credit code"),
        max_length=30,
        required=False,
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's email"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES, initial="staff")

    def __init__(self, *args, allowed_roles: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [c for c in ROLE_CHOICES if c[0] in allowed_roles]


class VerificationDecisionForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), choices=[("verified", _("Verify")), ("rejected", _("Reject"))])
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

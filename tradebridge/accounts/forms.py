"""Sign-up, sign-in and API token forms. They only parse; services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.companies.models import SECTOR_CHOICES
from tradebridge.companies.widgets import identifier_input
from tradebridge.core.countries import COUNTRIES

KIND_CHOICES = [
    ("supplier", _("I sell: a supplier or brand")),
    ("buyer", _("I buy: a business buyer in China")),
]


class SignupForm(forms.Form):
    kind = forms.ChoiceField(label=_("Account type"), choices=KIND_CHOICES, widget=forms.RadioSelect)
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    email = forms.EmailField(label=_("Work email"), max_length=254)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(render_value=False),
        max_length=128,
        help_text=_("At least 10 characters; not a common password."),
    )
    name = forms.CharField(label=_("Company name"), max_length=200)
    name_zh = forms.CharField(label=_("Company name in Chinese"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES, initial="GB")
    region = forms.CharField(label=_("Region or city"), max_length=100, required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=SECTOR_CHOICES, initial="other")
    companies_house_number = forms.CharField(
        widget=identifier_input("companies_house_number"),
        label=_("Companies House number"),
        max_length=20,
        required=False,
        help_text=_("UK suppliers: 8 digits, or 2 letters and 6 digits, e.g. 01234567 or SC123456."),
    )
    vat_number = forms.CharField(
        widget=identifier_input("vat_number"),
        label=_("UK VAT number"),
        max_length=30,
        required=False,
        help_text=_("Optional, e.g. GB 980 7806 84."),
    )
    uscc = forms.CharField(
        widget=identifier_input("uscc"),
        label=_("Unified social credit code"),
        max_length=30,
        required=False,
        help_text=_("Chinese buyers: the 18-character 统一社会信用代码 on your business licence."),
    )


class LoginForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, max_length=128)


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100, help_text=_("What will use it, e.g. ERP sync."))


class InvitedUserForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, max_length=128)

"""Supplier catalog forms: parse input, leave the rules to services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.core.countries import COUNTRIES
from tradebridge.pricing.currencies import CURRENCY_CHOICES

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_IMAGE_BYTES = 10 * 1024 * 1024


class ProductForm(forms.Form):
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("Title in Chinese"), max_length=300, required=False)
    description_en = forms.CharField(
        label=_("Description in English"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    description_zh = forms.CharField(
        label=_("Description in Chinese"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    category_id = forms.TypedChoiceField(label=_("Category"), coerce=int, required=False, empty_value=None)
    brand = forms.CharField(label=_("Brand"), max_length=200, required=False)
    hs_code = forms.CharField(
        label=_("HS code"), max_length=20, required=False, help_text=_("4, 6, 8 or 10 digits, e.g. 1905.31")
    )
    origin_country = forms.ChoiceField(label=_("Country of origin"), choices=[("", "—"), *COUNTRIES], required=False)
    certifications = forms.MultipleChoiceField(
        label=_("Certifications"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(code, labels[0]) for code, labels in CERTIFICATIONS.items()],
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES, initial="GBP")
    moq = forms.IntegerField(label=_("Minimum order quantity"), min_value=1, initial=1)
    order_multiple = forms.IntegerField(label=_("Order multiple"), min_value=1, initial=1)
    lead_time_days = forms.IntegerField(label=_("Lead time (days)"), min_value=0, required=False)
    sample_available = forms.BooleanField(label=_("Samples available"), required=False)
    sample_price = forms.DecimalField(
        label=_("Sample price"), min_value=0, decimal_places=6, max_digits=20, required=False
    )
    units_per_carton = forms.IntegerField(label=_("Units per carton"), min_value=1, required=False)
    retail_price = forms.DecimalField(
        label=_("Retail price"), min_value=0, decimal_places=6, max_digits=20, required=False
    )

    def __init__(self, *args, category_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category_id"].choices = [("", "—"), *category_choices]


class TierForm(forms.Form):
    min_quantity = forms.IntegerField(label=_("From quantity"), min_value=1)
    unit_price = forms.DecimalField(label=_("Unit price"), min_value=0, decimal_places=6, max_digits=20)


TierFormSet = forms.formset_factory(TierForm, extra=2, max_num=10, can_delete=True)


class VariantForm(forms.Form):
    sku = forms.CharField(label=_("SKU"), max_length=100)
    option_name = forms.CharField(label=_("Option"), max_length=50, required=False, help_text=_("e.g. Colour"))
    option_value = forms.CharField(label=_("Value"), max_length=100, required=False, help_text=_("e.g. Navy"))
    gtin = forms.CharField(label=_("GTIN / barcode"), max_length=14, required=False)
    stock_on_hand = forms.IntegerField(label=_("Stock"), min_value=0, initial=0)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Catalog file"),
        help_text=_(
            "Shopify or WooCommerce CSV export, Google Merchant Center feed (TSV or XML), "
            "or our template (CSV or XLSX). Up to 50 MB."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: show what would change, write nothing"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class ImageForm(forms.Form):
    image = forms.ImageField(label=_("Image"), help_text=_("JPEG, PNG or WebP, up to 10 MB."))

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("The image is larger than 10 MB."))
        kind = getattr(image, "image", None)
        if kind is not None and kind.format not in ("JPEG", "PNG", "WEBP"):
            raise forms.ValidationError(_("Upload a JPEG, PNG or WebP image."))
        return image

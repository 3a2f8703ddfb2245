"""The review form on a completed order's page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tradebridge.reviews.domain import HIGHEST, LOWEST, MAX_COMMENT

STARS = [(n, f"{n} ★") for n in range(HIGHEST, LOWEST - 1, -1)]


def _stars(label):
    return forms.TypedChoiceField(label=label, choices=STARS, coerce=int, widget=forms.RadioSelect)


class ReviewForm(forms.Form):
    product_quality = _stars(_("Product quality"))
    communication = _stars(_("Communication"))
    shipping = _stars(_("Shipping and delivery"))
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=MAX_COMMENT, widget=forms.Textarea(attrs={"rows": 3})
    )

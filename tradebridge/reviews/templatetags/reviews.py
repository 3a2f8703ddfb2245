"""`{% supplier_stars company %}`: the supplier's stars and latest reviews, for its profile."""

from decimal import Decimal

from django import template

from tradebridge.reviews import selectors
from tradebridge.reviews.domain import whole_stars

register = template.Library()


@register.inclusion_tag("reviews/_supplier_stars.html", takes_context=True)
def supplier_stars(context, company) -> dict:
    if getattr(company, "kind", "") != "supplier":
        return {"show": False}
    return {
        "show": True,
        "rating": selectors.supplier_rating(company.pk),
        "reviews": selectors.latest_reviews(company.pk),
        "request": context.get("request"),
    }


@register.inclusion_tag("reviews/_stars.html")
def stars(value, label: str = "") -> dict:
    """Five stars, `value` of them filled (a whole number or a Rating's average)."""
    filled = min(5, max(0, whole_stars(Decimal(str(value or 0)))))
    return {"filled": range(filled), "empty": range(5 - filled), "value": value, "label": label}

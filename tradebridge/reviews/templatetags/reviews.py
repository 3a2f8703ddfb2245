"""`{% supplier_stars company %}`: the supplier's stars and latest reviews, for its profile."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from tradebridge.reviews import selectors

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
    filled = min(5, max(0, int(Decimal(str(value or 0)).quantize(Decimal(1), ROUND_HALF_UP))))
    return {"filled": range(filled), "empty": range(5 - filled), "value": value, "label": label}

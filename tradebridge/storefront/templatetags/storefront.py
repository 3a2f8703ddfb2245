"""Template helpers for the buyer pages: texts in the UI's language, prices, codes and labels.

The rules themselves live in storefront.display; these are the thin template-facing names."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.safestring import SafeString, mark_safe

from tradebridge.catalog.domain import CERTIFICATIONS
from tradebridge.catalog.models import Category, Product, ProductImage
from tradebridge.companies.models import Company
from tradebridge.core.countries import COUNTRY_NAMES
from tradebridge.storefront import display

register = template.Library()


@register.simple_tag
def product_text(product: Product, field: str) -> display.ShownText:
    """`{% product_text product "title" as title %}`: title.text, title.machine, title.html_lang."""
    return display.shown_text(product, field)


@register.inclusion_tag("storefront/_machine_label.html")
def machine_label(shown: display.ShownText) -> dict:
    """The visible "Machine translated" label, only when the shown text is machine-written."""
    return {"shown": shown}


@register.filter
def category_name(category: Category) -> str:
    return display.category_name(category)


@register.filter
def supplier_name(company: Company) -> str:
    """The supplier's Chinese name on a Chinese page when it has one."""
    return company.display_name_zh if display.chinese_ui() else company.name


@register.filter
def unit_price(amount: Decimal | None, currency: str) -> str:
    """`{{ tier.unit_price|unit_price:product.currency }}` → £0.0035."""
    return display.format_unit_price(amount, currency)


@register.simple_tag
def price(amount: Decimal | None, currency: str, places: int = 0) -> str:
    """`{% price row.unit_price product.currency table.places %}`: a price lined up in a column."""
    return display.format_unit_price(amount, currency, places)


@register.filter
def quantity(value: int | None) -> str:
    """`{{ product.moq|quantity }}` → 100,000 in every language."""
    return display.format_quantity(value)


@register.filter
def hs_code(code: str) -> str:
    return display.format_hs_code(code or "")


@register.filter
def country_name(code: str) -> str:
    return str(COUNTRY_NAMES.get((code or "").upper(), code))


@register.filter
def certification_labels(code: str) -> tuple[str, str]:
    """(label in the UI's language, label in the other) for a certification code; unknown codes
    (added to data before the list knew them) show as they are."""
    english, chinese = CERTIFICATIONS.get(code, (code, code))
    return (chinese, english) if display.chinese_ui() else (english, chinese)


@register.filter
def safe_description(html: str) -> SafeString:
    # Descriptions are stored as HTML from suppliers' files, sanitised with nh3 on import. The
    # supplier edit service stores what it is given, so the same nh3 subset runs again here
    # before mark_safe; on already-clean HTML it changes nothing.
    return mark_safe(display.safe_description(html or ""))  # noqa: S308 - sanitised just above


@register.filter
def image_src(image: ProductImage, size: str = "thumb") -> str:
    """The URL an <img> may load: an uploaded file (its thumbnail for small sizes) or the
    supplier's own http(s) URL, shown as it is. Anything else (a javascript: or data: URL that
    bulk import let through) is dropped."""
    if size == "large" and image.file:
        url = image.file.url
    else:
        url = image.display_url
    return display.safe_image_url(url)

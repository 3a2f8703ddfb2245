"""Template helpers of the order pages: money as the storefront writes it, a line's title in the
page's language, and the colour group of a state's badge."""

from __future__ import annotations

from decimal import Decimal

from django import template

from tradebridge.storefront import display

register = template.Library()

TONES = {
    "placed": "waiting",
    "confirmed": "waiting",
    "awaiting_payment": "waiting",
    "deposit_paid": "progress",
    "paid": "progress",
    "in_production": "progress",
    "shipped": "progress",
    "delivered": "progress",
    "disputed": "alert",
    "completed": "done",
    "refunded": "closed",
    "partially_refunded": "closed",
    "rejected": "closed",
    "cancelled": "closed",
    "closed_unpaid": "closed",
}


@register.filter
def money(amount: Decimal | str | None, currency: str) -> str:
    """`{{ order.total|money:order.currency }}` → £84.00; at least the currency's minor unit."""
    if amount in (None, ""):
        return "—"
    return display.format_unit_price(Decimal(str(amount)), currency, 2)


@register.filter
def times(amount: Decimal | None, quantity: int) -> Decimal | None:
    return None if amount is None else amount * quantity


@register.filter
def state_tone(state: str) -> str:
    return TONES.get(state, "waiting")


@register.filter
def line_title(line) -> str:
    """An order line's (or cart variant's product's) title in the page's language."""
    en, zh = getattr(line, "title_en", ""), getattr(line, "title_zh", "")
    if not (en or zh) and hasattr(line, "variant"):
        product = line.variant.product
        en, zh = product.title_en, product.title_zh
    return (zh or en) if display.chinese_ui() else (en or zh)


@register.inclusion_tag("orders/_dashboard_panel.html", takes_context=True)
def orders_panel(context) -> dict:
    """The dashboards' orders panel: open orders per state and the latest few."""
    from tradebridge.orders import page_selectors
    from tradebridge.orders.models import STATE_CHOICES

    request = context.get("request")
    membership = getattr(request, "membership", None)
    if not membership:
        return {"show": False}
    counts = page_selectors.state_counts(membership)
    return {
        "show": True,
        "kind": membership.company.kind,
        "counts": [(value, label, counts[value]) for value, label in STATE_CHOICES if counts.get(value)],
        "recent": page_selectors.recent_orders(membership),
    }

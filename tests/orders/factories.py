"""Builders for order tests: a published product with stock and tiers, a rate, freight, a cart."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from tests import factories
from tests.catalog.factories import product as make_product
from tradebridge.catalog.models import Variant
from tradebridge.orders import cart, placement, services
from tradebridge.pricing.models import ExchangeRate, FreightRate
from tradebridge.pricing.money import Money


def market(rate: str = "9.10", *, age_hours: int = 1) -> None:
    """The operator's GBP→CNY rate and sea freight table."""
    ExchangeRate.objects.create(
        base="GBP", quote="CNY", rate=rate, valid_from=timezone.now() - timedelta(hours=age_hours), source="test feed"
    )
    FreightRate.objects.create(mode="sea_lcl", currency="GBP", price="85", minimum="95")


def scarf(
    supplier_company,
    *,
    handle="wool-scarf",
    stock=100,
    tiers=(("10", "4.20"), ("100", "3.90")),
    moq=10,
    multiple=5,
    skus=None,
):
    """A published product with one SKU (or several), weights and sizes, tiers from the MOQ up."""
    item = make_product(
        supplier_company,
        handle=handle,
        status="published",
        hs_code="611710",
        tiers=tuple((int(q), p) for q, p in tiers),
        moq=moq,
        order_multiple=multiple,
        skus=skus or (f"{handle.upper()}-1",),
    )
    Variant.objects.filter(product=item).update(
        stock_on_hand=stock, weight_g=Decimal("150"), length_cm=20, width_cm=15, height_cm=3
    )
    return item


def variant_of(product) -> Variant:
    return product.variants.order_by("pk").first()


def place(buyer, *lines, deposit_percent=0, **kwargs):
    """Put (variant, quantity) lines in the buyer's cart and place it; returns the orders."""
    for variant, quantity in lines:
        cart.add_to_cart(membership=buyer, variant_id=variant.pk, quantity=quantity)
    return placement.place_orders(membership=buyer, deposit_percent=deposit_percent, **kwargs)


def pay_in_full(order, reference="sim-1"):
    order.refresh_from_db()
    part, amount = services.amount_due(order)
    return services.record_payment(
        order_id=order.pk, part=part, amount=amount, provider="simulator", provider_reference=reference
    )


def delivered(buyer, supplier, *, handle="wool-scarf"):
    """An order of a new scarf placed, confirmed, paid, shipped and delivered through the services."""
    if not ExchangeRate.objects.exists():
        market()
    variant = variant_of(scarf(supplier.company, handle=handle))
    [order] = place(buyer, (variant, 20))
    services.confirm_order(membership=supplier, order_id=order.pk)
    pay_in_full(order, reference=f"sim-{order.pk}")
    services.ship_order(membership=supplier, order_id=order.pk, carrier="DHL", tracking_number="JD1")
    return services.mark_delivered(membership=buyer, order_id=order.pk)


def completed(buyer, supplier, *, handle="wool-scarf"):
    """As `delivered`, and the buyer confirms receipt."""
    order = delivered(buyer, supplier, handle=handle)
    return services.confirm_receipt(membership=buyer, order_id=order.pk)


def cny(value) -> Money:
    return Money(Decimal(value), "CNY")


def operator():
    return factories.member(kind="operator", role="admin")

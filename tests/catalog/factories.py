"""Catalog builders for tests."""

from decimal import Decimal

from tradebridge.catalog.models import PriceTier, Product, Variant


def product(
    supplier_company,
    *,
    handle="wool-scarf",
    title_en="Lambswool Scarf",
    status="draft",
    tiers=((1, "4.20"),),
    skus=("SCARF-NAVY",),
    **fields,
) -> Product:
    item = Product.objects.create(supplier=supplier_company, handle=handle, title_en=title_en, status=status, **fields)
    for position, sku in enumerate(skus):
        Variant.objects.create(product=item, supplier=supplier_company, sku=sku, position=position, stock_on_hand=50)
    for quantity, price in tiers:
        PriceTier.objects.create(product=item, min_quantity=quantity, unit_price=Decimal(price))
    return item

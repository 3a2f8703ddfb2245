import pytest

from tests import factories
from tests.orders import factories as orders
from tradebridge.orders import services
from tradebridge.pricing.models import ExchangeRate


@pytest.fixture
def supplier_b(db):
    return factories.member(kind="supplier", role="owner")


def completed_order(buyer, supplier, handle="wool-scarf"):
    """An order placed, confirmed, paid, shipped, delivered and confirmed through the services."""
    if not ExchangeRate.objects.exists():
        orders.market()
    variant = orders.variant_of(orders.scarf(supplier.company, handle=handle))
    [order] = orders.place(buyer, (variant, 20))
    services.confirm_order(membership=supplier, order_id=order.pk)
    orders.pay_in_full(order, reference=f"sim-{order.pk}")
    services.ship_order(membership=supplier, order_id=order.pk, carrier="DHL", tracking_number="JD1")
    services.mark_delivered(membership=buyer, order_id=order.pk)
    return services.confirm_receipt(membership=buyer, order_id=order.pk)


@pytest.fixture
def completed(buyer, supplier):
    return completed_order(buyer, supplier)

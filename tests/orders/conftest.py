import pytest

from tests import factories
from tests.orders import factories as orders


@pytest.fixture
def market(db):
    orders.market()


@pytest.fixture
def supplier_b(db):
    return factories.member(kind="supplier", role="owner")


@pytest.fixture
def product(supplier, market):
    return orders.scarf(supplier.company)


@pytest.fixture
def variant(product):
    return orders.variant_of(product)


@pytest.fixture
def placed(buyer, variant):
    """One placed order for 20 units at the 10+ tier (£4.20)."""
    return orders.place(buyer, (variant, 20))[0]

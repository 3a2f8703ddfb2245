import pytest

from tests import factories
from tests.orders import factories as orders


@pytest.fixture
def supplier_b(db):
    return factories.member(kind="supplier", role="owner")


@pytest.fixture
def completed(buyer, supplier):
    return orders.completed(buyer, supplier)

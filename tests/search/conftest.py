import pytest

from tests.search import builders


@pytest.fixture
def catalog(db):
    return builders.catalog()

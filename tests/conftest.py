"""Fixtures shared by the whole suite."""

import pytest
from django.test import Client

from tests import factories


@pytest.fixture
def supplier(db):
    return factories.member(kind="supplier", role="owner")


@pytest.fixture
def buyer(db):
    return factories.member(kind="buyer", role="owner")


@pytest.fixture
def operator_member(db):
    return factories.member(kind="operator", role="admin")


@pytest.fixture
def agency_member(db):
    return factories.member(kind="agency", role="adviser")


def signed_in(membership) -> Client:
    client = Client()
    client.force_login(membership.user)
    session = client.session
    session["active_company_id"] = membership.company_id
    session.save()
    return client


@pytest.fixture
def client_for():
    """client_for(membership) -> a Django test client signed in and acting for that company."""
    return signed_in

"""The demo data set: complete, valid under the real identity rules, and idempotent."""

import pytest
from django.test import Client

from tradebridge.accounts.models import User
from tradebridge.companies import identifiers
from tradebridge.companies.models import Company, Membership
from tradebridge.demo.dataset import ALL_COMPANIES, DEMO_PASSWORD
from tradebridge.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_demo_covers_every_persona_and_loads_once():
    first = load_demo()
    assert first["companies"] == len(ALL_COMPANIES)
    assert load_demo() == {"companies": 0, "users": 0, "products": 0}
    kinds = {k: Company.objects.filter(kind=k).count() for k in ("supplier", "buyer", "agency", "operator")}
    assert kinds["supplier"] >= 8 and kinds["buyer"] >= 5 and kinds["agency"] == 1 and kinds["operator"] == 1
    sectors = set(Company.objects.filter(kind="supplier").values_list("sector", flat=True))
    assert {
        "food_drink",
        "fashion",
        "footwear",
        "beauty",
        "home_garden",
        "sports_outdoor",
    } <= sectors
    assert all(c.name_zh for c in Company.objects.all())


def test_demo_numbers_pass_the_real_checks():
    load_demo()
    for company in Company.objects.all():
        if company.companies_house_number:
            assert (
                identifiers.normalize_companies_house_number(company.companies_house_number)
                == company.companies_house_number
            )
        if company.vat_number:
            assert identifiers.normalize_uk_vat_number(company.vat_number) == company.vat_number
        if company.uscc:
            assert identifiers.normalize_uscc(company.uscc) == company.uscc


def test_every_demo_user_signs_in_to_their_dashboard():
    load_demo()
    for spec in ALL_COMPANIES:
        for person in spec.users:
            client = Client()
            response = client.post("/accounts/login/", {"email": person.email, "password": DEMO_PASSWORD})
            assert response.status_code == 302, person.email
            assert client.get("/").templates[0].name == f"core/dashboard_{spec.kind}.html"


def test_demo_keeps_changes_made_by_demo_users():
    load_demo()
    company = Company.objects.get(name="Bath Botanicals")
    company.region = "Somerset"
    company.save()
    load_demo()
    assert Company.objects.get(pk=company.pk).region == "Somerset"
    assert Membership.objects.filter(user__email="ben@export-programme.example").count() == 2
    assert User.objects.get(email="ops@tradebridge.example").is_staff


def test_demo_catalog_is_published_bilingual_and_priced():
    from tradebridge.catalog.models import Product
    from tradebridge.catalog.services import publish_errors

    created = load_demo()
    assert created["products"] == Product.objects.count() >= 9
    for product in Product.objects.all():
        assert product.status == "published" and product.title_zh and product.category_id, product.handle
        assert publish_errors(product) == [], product.handle
